package io.impactproof.credentials.vc;

import static io.impactproof.credentials.Fixtures.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.Fixtures;
import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class VerifiableCredentialTest {
    private static final String OWNER = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    @Test
    void builds_a_full_credential_that_parses_back_identically() {
        final byte[] csv = "date,parcels\n2026-05-01,120\n".getBytes(StandardCharsets.UTF_8);
        final VerifiableCredential vc = Fixtures.claim(OWNER)
                .name("Impact claim")
                .status(StatusEntry.of("https://registry.example/status/r1", "revocation", 42))
                .status(StatusEntry.of("https://registry.example/status/s1", "suspension", 43))
                .schema("https://registry.example/schemas/claim.json", "sha384-abc")
                .evidence(Json.object()
                        .put("id", "https://registry.example/artifacts/sha256/ab")
                        .put("type", "Evidence"))
                .termsOfUse(Json.object()
                        .put("id", "https://registry.example/protocols/x")
                        .put("type", "ImpactProtocolPolicy"))
                .relatedResource(RelatedResource.of("https://registry.example/artifacts/sha256/ab", "text/csv", csv))
                .build();

        final VerifiableCredential parsed = VerifiableCredential.fromJson(Json.parse(vc.toString()));

        assertThat(parsed).isEqualTo(vc);
        assertThat(parsed.issuerId()).isEqualTo(OWNER);
        assertThat(parsed.validFrom()).contains(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(parsed.status()).extracting(StatusEntry::statusPurpose).containsExactly("revocation", "suspension");
        assertThat(parsed.relatedResources().get(0).digestMultibase()).startsWith("uEi");
        parsed.relatedResources().get(0).check(csv);
        assertCode(() -> parsed.relatedResources().get(0).check(new byte[] {1}), ErrorCode.DIGEST_MISMATCH);
    }

    @Test
    void accessors_return_copies() {
        final VerifiableCredential vc = Fixtures.claim(OWNER).build();
        vc.subject().put("parcels", 9999);
        vc.toJson().put("issuer", "did:example:thief");

        assertThat(vc.subject().get("parcels").intValue()).isEqualTo(120);
        assertThat(vc.issuerId()).isEqualTo(OWNER);
    }

    @Test
    void issuer_object_form_is_accepted() {
        final VerifiableCredential vc =
                Fixtures.claim(OWNER).issuer(OWNER, "Cargo Coop").build();

        assertThat(vc.issuerId()).isEqualTo(OWNER);
        assertThat(vc.toJson().get("issuer").get("name").stringValue()).isEqualTo("Cargo Coop");
    }

    @Test
    void enforces_context_rules() {
        assertBroken(j -> j.remove("@context"), ErrorCode.CONTEXT_INVALID);
        assertBroken(
                j -> j.putArray("@context").add("https://www.w3.org/2018/credentials/v1"), ErrorCode.CONTEXT_INVALID);
        assertBroken(j -> j.put("@context", VerifiableCredential.V2_CONTEXT), ErrorCode.CONTEXT_INVALID);
        assertBroken(j -> j.withArray("@context").add("not a url"), ErrorCode.CONTEXT_INVALID);
    }

    @Test
    void enforces_type_issuer_and_subject_rules() {
        assertBroken(j -> j.putArray("type").add("ImpactClaimCredential"), ErrorCode.TYPE_INVALID);
        assertBroken(j -> j.remove("type"), ErrorCode.TYPE_INVALID);
        assertBroken(j -> j.putArray("type").add(VerifiableCredential.BASE_TYPE).add(3), ErrorCode.TYPE_INVALID);
        assertBroken(j -> j.remove("issuer"), ErrorCode.ISSUER_INVALID);
        assertBroken(j -> j.put("issuer", "no scheme"), ErrorCode.ISSUER_INVALID);
        assertBroken(j -> j.putObject("issuer").put("name", "nameless"), ErrorCode.ISSUER_INVALID);
        assertBroken(j -> j.remove("credentialSubject"), ErrorCode.SUBJECT_INVALID);
        assertBroken(j -> j.putArray("credentialSubject"), ErrorCode.SUBJECT_INVALID);
        assertBroken(j -> j.putObject("credentialSubject").put("id", "urn:x:1"), ErrorCode.SUBJECT_INVALID);
        assertBroken(
                j -> j.putObject("credentialSubject").put("id", "relative").put("a", 1), ErrorCode.SUBJECT_INVALID);
    }

    @Test
    void enforces_validity_period_rules() {
        assertBroken(j -> j.put("validFrom", "2026-05-01T00:00:00"), ErrorCode.VALIDITY_INVALID);
        assertBroken(j -> j.put("validFrom", 12), ErrorCode.VALIDITY_INVALID);
        assertBroken(j -> j.put("validUntil", "2026-01-01T00:00:00Z"), ErrorCode.VALIDITY_INVALID);
        assertThat(VerifiableCredential.fromJson(valid().put("validFrom", "2026-05-01T02:00:00+02:00"))
                        .validFrom())
                .contains(Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void enforces_property_rules() {
        assertBroken(j -> j.put("id", "not a url"), ErrorCode.PROPERTY_INVALID);
        assertBroken(
                j -> j.putObject("credentialStatus").put("statusPurpose", "revocation"), ErrorCode.PROPERTY_INVALID);
        assertBroken(
                j -> j.set("credentialStatus", status().put("statusListIndex", "007")), ErrorCode.PROPERTY_INVALID);
        assertBroken(j -> j.set("credentialStatus", status().put("statusListIndex", 7)), ErrorCode.PROPERTY_INVALID);
        assertBroken(j -> j.set("credentialStatus", status().put("statusPurpose", "fun")), ErrorCode.PROPERTY_INVALID);
        assertBroken(
                j -> j.set("credentialStatus", status().put("id", "https://r.example/s")), ErrorCode.PROPERTY_INVALID);
        assertBroken(j -> j.putObject("credentialSchema").put("type", "JsonSchema"), ErrorCode.PROPERTY_INVALID);
        assertBroken(j -> j.putObject("evidence").put("id", "https://r.example/e"), ErrorCode.PROPERTY_INVALID);
        assertBroken(j -> j.putArray("termsOfUse"), ErrorCode.PROPERTY_INVALID);
        assertBroken(
                j -> j.putArray("relatedResource").addObject().put("id", "https://r.example/a"),
                ErrorCode.PROPERTY_INVALID);
        assertBroken(
                j -> {
                    final var related = j.putArray("relatedResource");
                    related.addObject().put("id", "https://r.example/a").put("digestSRI", "sha384-x");
                    related.addObject().put("id", "https://r.example/a").put("digestSRI", "sha384-y");
                },
                ErrorCode.PROPERTY_INVALID);
    }

    @Test
    void rejects_non_objects() {
        assertCode(() -> VerifiableCredential.fromJson(Json.parse("[]")), ErrorCode.MALFORMED_JSON);
        assertCode(() -> VerifiableCredential.fromJson(null), ErrorCode.MALFORMED_JSON);
    }

    private static ObjectNode status() {
        return StatusEntry.of("https://r.example/s", "revocation", 7).toJson();
    }

    private static ObjectNode valid() {
        return Fixtures.claim(OWNER).build().toJson();
    }

    private static void assertBroken(final Consumer<ObjectNode> breakIt, final ErrorCode code) {
        final ObjectNode json = valid();
        breakIt.accept(json);
        assertCode(() -> VerifiableCredential.fromJson(json), code);
    }
}
