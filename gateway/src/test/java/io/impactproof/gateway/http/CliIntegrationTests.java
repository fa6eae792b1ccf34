package io.impactproof.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.cli.Cli;
import io.impactproof.client.Instructions;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.model.certificate.StatusLists;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code impactproof verify}: offline with the documents given as files, and against a running registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIntegrationTests {
    @TempDir
    static Path data;

    @TempDir
    static Path files;

    private Gateway gateway;
    private ManagedAgents agents;
    private final SigningKey owner = SigningKey.generateEd25519DidKey();

    @BeforeAll
    void start() {
        gateway = Gateway.start(data, true);
        agents = gateway.bean(ManagedAgents.class);
        agents.register(owner, "owner", "owner");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    private String certified(final String tracking) throws InterruptedException {
        return gateway.awaitCertificate(gateway.submitClaim(owner, "cargo-bike-delivery", Gateway.delivery(tracking)));
    }

    private record Run(int exit, String output) {}

    private static Run cli(final String... args) {
        final StringWriter text = new StringWriter();
        final int exit = Cli.run(new PrintWriter(text, true), args);
        return new Run(exit, text.toString());
    }

    @Test
    void verifies_offline_from_files_and_fails_on_tampering_and_revocation() throws Exception {
        final String serial = certified("CLI-1");
        final Path certificate = files.resolve("certificate.jwt");
        Files.writeString(
                certificate,
                gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                        .body());
        final Path didDocument = files.resolve("validator-did.json");
        Files.writeString(didDocument, gateway.get("/agents/validator/did.json").body());
        final Path revocation = files.resolve("revocation.jwt");
        final Path suspension = files.resolve("suspension.jwt");
        final JsonNode record = gateway.get("/certificates/" + serial).json();
        final long list = StatusLists.list(record.path("statusIndex").longValue());
        Files.writeString(revocation, gateway.get("/status/revocation/" + list).body());
        Files.writeString(suspension, gateway.get("/status/suspension/" + list).body());
        final Path linked = Files.createDirectories(files.resolve("linked"));
        final String claimId = record.path("claim").stringValue();
        Files.writeString(
                linked.resolve("claim.jwt"),
                gateway.get(
                                "/verifiers/claims/" + claimId + "/credential",
                                "Authorization",
                                "Instruction "
                                        + Instructions.sign(
                                                owner,
                                                "claims.read",
                                                Json.object().put("claim", claimId),
                                                Instant.now()))
                        .body());
        int n = 0;
        for (final JsonNode a :
                gateway.get("/verifiers/claims/" + claimId + "/attestations").json()) {
            Files.writeString(
                    linked.resolve("attestation-" + n++ + ".jwt"),
                    gateway.get("/artifacts/sha256/" + a.path("digest").stringValue())
                            .body());
        }

        final Run offline = cli(
                "verify",
                certificate.toString(),
                "--did-document",
                didDocument.toString(),
                "--status-list",
                revocation.toString(),
                "--status-list",
                suspension.toString(),
                "--linked",
                linked.toString(),
                "--strict");
        assertThat(offline.exit()).as(offline.output()).isZero();
        assertThat(offline.output())
                .contains("ProofOfImpactCredential")
                .contains("revocation bit")
                .contains("is clear")
                .contains("Verified.");

        final Run withoutDocuments = cli("verify", certificate.toString(), "--strict");
        assertThat(withoutDocuments.exit()).as(withoutDocuments.output()).isEqualTo(1);
        assertThat(withoutDocuments.output()).contains("KEY_NOT_FOUND");

        final Run incomplete = cli("verify", certificate.toString(), "--did-document", didDocument.toString());
        assertThat(incomplete.exit()).isZero();
        assertThat(incomplete.output()).contains("not checked");
        assertThat(cli("verify", certificate.toString(), "--did-document", didDocument.toString(), "--strict")
                        .exit())
                .isEqualTo(3);

        final String original = Files.readString(certificate);
        final Path tampered = files.resolve("tampered.jwt");
        final String[] parts = original.split("\\.");
        Files.writeString(
                tampered,
                parts[0] + "."
                        + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(new String(
                                                java.util.Base64.getUrlDecoder().decode(parts[1]),
                                                StandardCharsets.UTF_8)
                                        .replace("\"value\":\"11.58\"", "\"value\":\"99.99\"")
                                        .getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2]);
        final Run forged = cli("verify", tampered.toString(), "--did-document", didDocument.toString());
        assertThat(forged.exit()).isEqualTo(1);
        assertThat(forged.output()).contains("SIGNATURE_INVALID");
        Files.writeString(linked.resolve("attestation-0.jwt"), "changed");
        assertThat(cli(
                                "verify",
                                certificate.toString(),
                                "--did-document",
                                didDocument.toString(),
                                "--linked",
                                linked.toString(),
                                "--strict")
                        .exit())
                .isEqualTo(3);

        gateway.postJson(
                "/validators/certificates/" + serial + "/revoke",
                Json.object()
                        .put(
                                "instruction",
                                Instructions.sign(
                                        agents.validator().key(),
                                        "certificates.revoke",
                                        Json.object().put("serial", serial).put("reason", "fraud"),
                                        Instant.now())));
        Files.writeString(revocation, gateway.get("/status/revocation/" + list).body());
        final Run revoked = cli(
                "verify",
                certificate.toString(),
                "--did-document",
                didDocument.toString(),
                "--status-list",
                revocation.toString());
        assertThat(revoked.exit()).as(revoked.output()).isEqualTo(1);
        assertThat(revoked.output()).contains("is SET").contains("revoked");
    }

    @Test
    void the_documented_openssl_example_verifies_a_certificate_without_impactproof() throws Exception {
        final String serial = certified("CLI-3");
        final Path certificate = files.resolve("openssl.jwt");
        Files.writeString(
                certificate,
                gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                        .body());
        final Path didDocument = files.resolve("openssl-did.json");
        Files.writeString(didDocument, gateway.get("/agents/validator/did.json").body());
        final Path tampered = files.resolve("openssl-tampered.jwt");
        final String[] parts = Files.readString(certificate).split("\\.");
        Files.writeString(tampered, parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2]);

        final Run valid = script(certificate, didDocument);
        final Run forged = script(tampered, didDocument);

        assertThat(valid.exit()).as(valid.output()).isZero();
        assertThat(valid.output())
                .contains("signed with " + agents.validator().key().keyId())
                .contains("Signature Verified Successfully");
        assertThat(forged.exit()).as(forged.output()).isNotZero();
    }

    private static Run script(final Path jwt, final Path did) throws Exception {
        final Process process = new ProcessBuilder(
                        "bash",
                        Path.of("..", "docs", "examples", "verify-with-openssl.sh")
                                .toString(),
                        jwt.toString(),
                        did.toString())
                .redirectErrorStream(true)
                .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void a_holder_transfers_splits_and_retires_from_the_command_line() throws Exception {
        final String serial = certified("CLI-4");
        final Path ownerKey = files.resolve("owner.jwk");
        Files.writeString(ownerKey, owner.toPrivateJwkJson());
        final SigningKey fund = SigningKey.of("did:web:fund.cli.example#key-1", SigningKey.newEd25519());
        agents.register(fund, "fund", "financer");
        final Path fundKey = files.resolve("fund.jwk");
        Files.writeString(fundKey, fund.toPrivateJwkJson());

        final Run transfer = cli(
                "transfer",
                serial,
                "--registry",
                gateway.base,
                "--key",
                ownerKey.toString(),
                "--kid",
                owner.keyId(),
                "--to",
                fund.did());
        assertThat(transfer.exit()).as(transfer.output()).isZero();
        assertThat(cli(
                                "transfer",
                                serial,
                                "--registry",
                                gateway.base,
                                "--key",
                                ownerKey.toString(),
                                "--kid",
                                owner.keyId(),
                                "--to",
                                fund.did())
                        .exit())
                .isEqualTo(1);
        final Run split = cli(
                "split",
                serial,
                "--registry",
                gateway.base,
                "--key",
                fundKey.toString(),
                "--kid",
                fund.keyId(),
                "--lot",
                "10.00",
                "--lot",
                "1.58");
        assertThat(split.exit()).as(split.output()).isZero();
        final String lot = Json.parse(split.output()).get(1).path("serial").stringValue();
        final Run retire = cli(
                "retire",
                lot,
                "--registry",
                gateway.base,
                "--key",
                fundKey.toString(),
                "--kid",
                fund.keyId(),
                "--beneficiary",
                "Ville de La Rochelle",
                "--purpose",
                "2026 report",
                "--jurisdiction",
                "FR",
                "--period",
                "2026");

        assertThat(retire.exit()).as(retire.output()).isZero();
        assertThat(gateway.get("/certificates/" + lot).json().path("status").stringValue())
                .isEqualTo("RETIRED");
        assertThat(cli("retire", lot, "--registry", gateway.base, "--key", fundKey.toString(), "--kid", fund.keyId())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void a_campaign_is_run_from_the_command_line_each_party_with_its_own_key() throws Exception {
        final String serial = certified("CLI-CAMPAIGN-1");
        final Path ownerKey = files.resolve("campaign-owner.jwk");
        Files.writeString(ownerKey, owner.toPrivateJwkJson());
        final SigningKey supplier = SigningKey.of("did:web:supplier.cli.example#key-1", SigningKey.newEd25519());
        agents.register(supplier, "supplier", "financer");
        final Path supplierKey = files.resolve("supplier.jwk");
        Files.writeString(supplierKey, supplier.toPrivateJwkJson());
        final Path terms = files.resolve("cee.json");
        Files.writeString(
                terms,
                ("{'id':'cli-cee','title':'CEE cargo bikes','budget':'50.00','eligibility':{'protocols':"
                                + "[{'id':'cargo-bike-delivery'}]},'terms':{'amount':'bonus_eur','capPerClaim':'10.00'}}")
                        .replace('\'', '"'));
        final String[] asSupplier = {
            "--registry", gateway.base, "--key", supplierKey.toString(), "--kid", supplier.keyId()
        };
        final String[] asOwner = {"--registry", gateway.base, "--key", ownerKey.toString()};

        final Run open = cli(concat(new String[] {"campaign", "open", terms.toString()}, asSupplier));
        assertThat(open.exit()).as(open.output()).isZero();
        final Run refused = cli(concat(new String[] {"campaign", "apply", "cli-cee", serial}, asSupplier));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("NOT_HOLDER");
        // The owner's key is a did:key: its key id is derived from the key itself.
        final Run apply = cli(concat(new String[] {"campaign", "apply", "cli-cee", serial}, asOwner));
        assertThat(apply.exit()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("\"amount\":\"6.00\"");
        final Run pay = cli(concat(
                new String[] {
                    "campaign", "pay", "cli-cee", "--serial", serial, "--amount", "6.00", "--reference", "SEPA-9"
                },
                asSupplier));
        assertThat(pay.exit()).as(pay.output()).isZero();
        assertThat(pay.output()).contains("SETTLED");
        final Path csv = files.resolve("allocations.csv");
        final Run export = cli(
                "campaign", "export", "cli-cee", "allocations", "--registry", gateway.base, "--out", csv.toString());
        assertThat(export.exit()).as(export.output()).isZero();
        assertThat(Files.readString(csv))
                .startsWith("campaign,serial,owner")
                .contains(serial)
                .contains("SETTLED");
        assertThat(gateway.bean(io.impactproof.client.RegistryClient.class)
                        .certificate(serial)
                        .holder())
                .isEqualTo(supplier.did());
    }

    @Test
    void verifies_against_a_running_registry() throws Exception {
        final String serial = certified("CLI-2");
        final Path certificate = files.resolve("online.jwt");
        Files.writeString(
                certificate,
                gateway.get("/certificates/" + serial, "Accept", "application/vc+jwt")
                        .body());

        final Run online = cli("verify", certificate.toString(), "--registry", gateway.base);

        assertThat(online.exit()).as(online.output()).isZero();
        assertThat(online.output())
                .contains("revocation bit")
                .contains("[ok]     http://registry.test/artifacts/sha256/");
        assertThat(cli("verify", files.resolve("missing.jwt").toString()).exit())
                .isNotZero();
    }

    private static String csv(final int from, final int to, final String run) {
        final StringBuilder out = new StringBuilder(
                "carrier_siren,tracking_id,courier_id,delivered_on,zone,mode,parcels,distance_km\r\n");
        for (int i = from; i < to; i++) {
            out.append("552100554,IMP-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",courier-7,2026-03-10,rural,cargo-bike,3,12.5\r\n");
        }
        return out.toString();
    }

    @Test
    void import_signs_locally_sends_batches_reports_refusals_and_resumes_without_duplicates() throws Exception {
        final String run = Long.toString(System.nanoTime(), 36);
        final Path key = files.resolve("owner.jwk");
        Files.writeString(key, owner.toPrivateJwkJson());
        // An interrupted first run: only the first 120 rows got through.
        final Path partial = files.resolve("deliveries-partial.csv");
        Files.writeString(partial, csv(0, 120, run));
        final Path full = files.resolve("deliveries.csv");
        Files.writeString(
                full,
                csv(0, 250, run)
                        // Two bad rows: a zone the schema refuses, and a delivery already in the file (row 2).
                        + "552100554,IMP-" + run + "-bad,courier-7,2026-03-10,suburb,cargo-bike,3,12.5\r\n"
                        + "552100554,IMP-" + run + "-1,courier-9,2026-03-10,rural,cargo-bike,3,12.5\r\n");
        final String[] common = {
            "--protocol",
            "cargo-bike-delivery@1.1.0",
            "--registry",
            gateway.base,
            "--key",
            key.toString(),
            "--batch",
            "50",
            "--no-progress"
        };

        final Run first = cli(concat(new String[] {"import", partial.toString()}, common));
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("120 rows: 120 recorded, 0 skipped (already recorded), 0 refused");

        final Run resumed = cli(concat(new String[] {"import", full.toString()}, common));
        assertThat(resumed.exit()).as("refusals make the exit code 1").isEqualTo(1);
        assertThat(resumed.output()).contains("252 rows: 130 recorded, 120 skipped (already recorded), 2 refused");
        final java.util.List<org.apache.commons.csv.CSVRecord> report;
        try (var reader = Files.newBufferedReader(Path.of(full + ".report.csv"))) {
            report = org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
        assertThat(report).hasSize(252);
        assertThat(report.get(250).get("outcome")).isEqualTo("refused");
        assertThat(report.get(250).get("code")).isEqualTo("CLAIM_DATA_INVALID");
        assertThat(report.get(251).get("code"))
                .as("the same delivery again: claimed, or already certified by the agents")
                .isIn("ACTIVITY_CLAIMED", "DOUBLE_COUNTING");
        assertThat(report.subList(0, 120))
                .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("skipped"));
        assertThat(report.subList(120, 250))
                .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("recorded"));
        // Every recorded row is on the ledger once, under the id the report gives.
        for (final var row : report.subList(0, 250)) {
            assertThat(gateway.get("/owners/claims/"
                                    + java.net.URLEncoder.encode(row.get("claim_id"), StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);
        }

        final Run again = cli(concat(new String[] {"import", full.toString()}, common));
        assertThat(again.output()).contains("252 rows: 0 recorded, 250 skipped (already recorded), 2 refused");
    }

    private static String[] concat(final String[] a, final String[] b) {
        final String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
