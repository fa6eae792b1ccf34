package io.impactproof.gateway.demo;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.Instructions;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.gateway.agents.AgentIdentities;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.agents.ValidatorAgent;
import io.impactproof.gateway.agents.VerifierAgent;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.boavizta.Boavizta;
import io.impactproof.gateway.boavizta.BoaviztaException;
import io.impactproof.gateway.boavizta.Recomputation;
import io.impactproof.gateway.campaigns.Payroll;
import io.impactproof.gateway.footprint.CpuMeter;
import io.impactproof.gateway.system.KeyStoreFile;
import io.impactproof.gateway.verification.TrustChain;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.consent.Subjects;
import io.impactproof.model.protocol.PublishedProtocol;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end-to-end demo, on either ledger: participants, protocols, claims under every bundled
 * protocol, five automated verifiers (one of them skewed, to open a dispute), the validator,
 * certificates, a double-counting attempt across two protocols, a financer buying, splitting and
 * retiring, and one full trust chain. Safe to
 * run again on the same data folder: participants and protocols are reused, new claims are added.
 */
public final class Demo {
    public static final String ORG = "Org1MSP";
    public static final String CAMPAIGN = "territory-commute-challenge";

    private final PrintStream out;
    private final RegistryClient registry;
    private final ContentStore store;
    private final KeyStoreFile keys;
    private final Clock clock;
    private final String baseUrl;
    private final String run =
            Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);

    private final ManagedAgents agents;
    private final Boavizta boavizta;
    private final Map<String, SigningKey> owners = new LinkedHashMap<>();
    private final List<VerifierAgent> verifiers;
    private final ValidatorAgent validator;

    public Demo(
            final PrintStream out,
            final RegistryClient registry,
            final ContentStore store,
            final KeyStoreFile keys,
            final Clock clock,
            final String baseUrl,
            final Boavizta boavizta) {
        this.out = out;
        this.boavizta = boavizta;
        this.registry = registry;
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.agents = new ManagedAgents(
                registry,
                store,
                keys,
                baseUrl,
                ORG,
                Map.of(),
                boavizta == null ? null : new Recomputation(boavizta),
                CpuMeter.discarding(),
                clock);
        this.verifiers = agents.verifiers();
        this.validator = agents.validator();
    }

    private String firstSerial = "";
    private SigningKey financer;
    private final List<String> outcomes = new ArrayList<>();

    /**
     * What the last run observed, without what differs between runs and ledgers (ids, keys, times,
     * the hash part of serials): two ledgers running the same chaincode give the same transcript.
     */
    public List<String> outcomes() {
        return List.copyOf(outcomes);
    }

    private void observed(final String line) {
        outcomes.add(SERIAL_HASH.matcher(line).replaceAll("-#-"));
    }

    private static final java.util.regex.Pattern SERIAL_HASH = java.util.regex.Pattern.compile("-[0-9A-F]{10}-");

    /** The serial of the first certificate of the last run (to point people at it). */
    public String firstSerial() {
        return firstSerial;
    }

    /** Runs every step; true when every expected outcome was observed. */
    public boolean run() {
        boolean ok = true;
        section("1. Participants (one organisation, Org1MSP; keys in the local key store)");
        participants();
        section("2. Protocols, published with their digests");
        final Map<String, PublishedProtocol> protocols = protocols();
        section("3. Claims, signed by their owners (vc+jwt), verified and recorded by the chaincode");
        final Map<String, SignedCredential> claims = claims(protocols);
        section("4. Five verifiers recompute each value and attest; verifier-3 is skewed +30% for one delivery");
        ok &= attest(claims, protocols);
        section("5. The validator certifies the verified claims");
        final List<CertificateRecord> certificates = certify(claims);
        ok &= !certificates.isEmpty();
        section("6. Double counting: the same commute claimed again under another protocol");
        ok &= doubleCounting(protocols);
        section("7. Certificates");
        certificates.forEach(c -> {
            out.printf("  %-44s %12s %-10s %-22s %s%n", c.serial(), c.quantity(), c.unit(), c.category(), c.status());
            observed("certificate " + c.serial() + " " + c.quantity() + " " + c.unit() + " " + c.status());
        });
        out.println("  (impacts of different categories are never added together)");
        firstSerial = certificates.get(0).serial();
        section("8. A financer buys a certificate, splits it and retires a part");
        ok &= finance(certificates);
        section("9. Trust chain of " + firstSerial);
        final TrustChain.Link chain =
                new TrustChain(registry, store).of(certificates.get(0).serial());
        out.print(TrustChain.render(chain));
        ok &= chain.allValid();
        observed("trust chain " + (chain.allValid() ? "valid" : "BROKEN"));
        section("10. Digital services: a server kept a fifth year, three criteria, verifiers that are algorithms");
        ok &= digitalServices(protocols.get("server-lifetime-extension"));
        section("11. A campaign that pays only on proof: an energy supplier funds the cargo-bike bonus (CEE)");
        ok &= ceeCampaign(certificates);
        section("12. An employer's commute allowance: monthly consents signed by the employees, a payroll export");
        ok &= allowanceCampaign();
        out.println(ok ? "\nAll expected outcomes observed." : "\nSOME EXPECTED OUTCOMES WERE NOT OBSERVED.");
        return ok;
    }

    private void participants() {
        agents.bootstrap();
        print("operator", agents.operator().did(), "Registry operator of " + ORG);
        for (final String owner : List.of("cargo-coop", "employer", "forest-owner", "datacentre")) {
            final SigningKey key = keys.key(owner, SigningKey::generateEd25519DidKey);
            owners.put(owner, key);
            // The employer also finances its own allowance campaign (step 12).
            agents.register(
                    key, owner, "employer".equals(owner) ? new String[] {"owner", "financer"} : new String[] {"owner"});
            print("owner", key.did(), owner);
        }
        verifiers.forEach(v -> print("verifier", v.did(), "automated verifier"));
        print("validator", validator.did(), "automated validator");
        financer = keys.key(
                "financer", () -> SigningKey.of(AgentIdentities.keyId(baseUrl, "fund"), SigningKey.newEd25519()));
        agents.register(financer, "Impact fund", "financer");
        print("financer", financer.did(), "Impact fund");
    }

    private void print(final String role, final String did, final String name) {
        out.printf("  %-9s %-58s %s%n", role, did, name);
    }

    private Map<String, PublishedProtocol> protocols() {
        final Map<String, PublishedProtocol> out = new LinkedHashMap<>();
        for (final PublishedProtocol p : registry.protocols()) {
            out.putIfAbsent(p.id(), p); // the first version of each; later steps name a newer one
        }
        // A territory's programme rewards the same commutes under its own protocol: same activity
        // type and key, so a trip certified under one can never be certified under the other.
        final PublishedProtocol campaign = agents.publish(ManagedAgents.bundled("home-to-work-commute-1.1.0.yaml")
                .replace("id: home-to-work-commute", "id: " + CAMPAIGN)
                .replace(
                        "title: Home-to-work commute by sustainable modes (Forfait Mobilites Durables style)",
                        "title: Territory commute challenge (a second programme for the same trips)"));
        out.put(campaign.id(), campaign);
        out.values()
                .forEach(p -> this.out.printf(
                        "  %-34s %-10s digest %s…  verifiers %d, quorum %d, %s%n",
                        p.ref(),
                        p.unit(),
                        p.digest().substring(0, 16),
                        p.verifiers().size(),
                        p.quorum(),
                        p.valueRule()));
        return out;
    }

    private Map<String, SignedCredential> claims(final Map<String, PublishedProtocol> protocols) {
        final Map<String, SignedCredential> claims = new LinkedHashMap<>();
        final String day = clock.instant().toString().substring(0, 10);
        final String month = day.substring(0, 7);
        claims.put(
                "delivery-1",
                claim(
                        "cargo-coop",
                        protocols.get("cargo-bike-delivery"),
                        Json.parseObject(q("{'carrier_siren':'552100554','tracking_id':'LR-" + run
                                + "-001','courier_id':'courier-7','delivered_on':'" + day
                                + "','zone':'dense','mode':'cargo-bike','parcels':4,'distance_km':9.5}")),
                        "delivery round GPS log"));
        claims.put(
                "delivery-2",
                claim(
                        "cargo-coop",
                        protocols.get("cargo-bike-delivery"),
                        Json.parseObject(q("{'carrier_siren':'552100554','tracking_id':'LR-" + run
                                + "-002','courier_id':'courier-3','delivered_on':'" + day
                                + "','zone':'intermediate','mode':'foot','parcels':2,'distance_km':3.2}")),
                        "delivery round GPS log"));
        claims.put(
                "delivery-3",
                claim(
                        "cargo-coop",
                        protocols.get("cargo-bike-delivery"),
                        Json.parseObject(q("{'carrier_siren':'552100554','tracking_id':'LR-" + run
                                + "-003','courier_id':'courier-7','delivered_on':'" + day
                                + "','zone':'rural','mode':'cargo-bike','parcels':9,'distance_km':21.0}")),
                        "delivery round GPS log"));
        claims.put(
                "commute-1",
                claim(
                        "employer",
                        protocols.get("home-to-work-commute"),
                        trip("emp-" + run.toLowerCase(Locale.ROOT) + "-a", day, month, "bike", 12),
                        "phone trace summary"));
        claims.put(
                "commute-2",
                claim(
                        "employer",
                        protocols.get("home-to-work-commute"),
                        trip("emp-" + run.toLowerCase(Locale.ROOT) + "-b", day, month, "tram-metro", 7.5),
                        "operator confirmation"));
        claims.put(
                "forest-1",
                claim(
                        "forest-owner",
                        protocols.get("low-carbon-forestry"),
                        Json.parseObject(
                                q(
                                        "{'project_id':'LBC-" + run + "','site_ref':'17300-" + run
                                                + "-0123','method':'afforestation','area_ha':12.4,'period_start':'2021-01-01','period_end':'2025-12-31','baseline_removals_tco2e':50.0,'project_removals_tco2e':1250.0,'project_emissions_tco2e':12.5,'leakage_tco2e':0,'not_legally_required':true,'no_other_carbon_funding':true}")),
                        "inventory plots and satellite index"));
        final List<ClaimRecord> records =
                StoredCredentials.storedDuring(store, claims.values(), () -> registry.submitClaims(claims.values()));
        for (final ClaimRecord r : records) {
            out.printf(
                    "  %-46s %-28s %10s %-10s proof %-11s %s%n",
                    r.id(), r.protocol(), r.claimedValue(), r.unit(), r.proofLevel(), r.status());
            observed("claim " + r.protocol() + " " + r.claimedValue() + " " + r.unit() + " " + r.proofLevel() + " "
                    + r.status());
        }
        return claims;
    }

    private static ObjectNode trip(
            final String commuter, final String day, final String month, final String mode, final double km) {
        return Json.parseObject(q("{'employer_siren':'356000000','commuter_id':'" + commuter + "','trip_date':'" + day
                + "','leg':'outbound','mode':'" + mode + "','distance_km':" + km + ",'proof_level':'"
                + ("bike".equals(mode) ? "phone-detection" : "operator-confirmed") + "','consent_month':'" + month
                + "'}"));
    }

    private SignedCredential claim(
            final String owner, final PublishedProtocol protocol, final ObjectNode data, final String evidenceName) {
        final SigningKey key = owners.get(owner);
        final byte[] evidence =
                ("source data of " + owner + " for " + data.toString()).getBytes(StandardCharsets.UTF_8);
        // The source data stay with the owner: only their digest travels, pinned in the claim.
        final String url = baseUrl + "/artifacts/sha256/" + Digests.sha256Hex(evidence);
        final var vc = ImpactCredentials.claim(
                "urn:uuid:" + UUID.randomUUID(),
                key.did(),
                protocol,
                data,
                List.of(new ImpactCredentials.Evidence(url, evidenceName, "text/csv", evidence)),
                clock.instant());
        // The evidence file is uploaded to this node's store, as an owner would.
        store.put(evidence, "text/csv");
        return VcJwt.sign(vc, key, clock.instant());
    }

    private boolean attest(final Map<String, SignedCredential> claims, final Map<String, PublishedProtocol> protocols) {
        final String disputed = claims.get("delivery-3").credential().id().orElseThrow();
        final List<SignedCredential> round = new ArrayList<>();
        for (final SignedCredential claim : claims.values()) {
            final ClaimRecord record = registry.claim(claim.credential().id().orElseThrow());
            final PublishedProtocol protocol = protocols.get(
                    record.protocol().substring(0, record.protocol().indexOf('@')));
            for (int i = 0; i < 3; i++) {
                verifiers
                        .get(i)
                        .skew(
                                claim.credential().id().orElseThrow().equals(disputed) && i == 2
                                        ? new BigDecimal("1.30")
                                        : BigDecimal.ONE);
                round.add(verifiers.get(i).attest(record, protocol));
            }
        }
        verifiers.get(2).skew(BigDecimal.ONE);
        StoredCredentials.storedDuring(store, round, () -> registry.attest(round));
        boolean ok = true;
        for (final SignedCredential claim : claims.values()) {
            final ClaimRecord r = registry.claim(claim.credential().id().orElseThrow());
            out.printf(
                    "  %-46s %s after %d attestations%s%n",
                    r.id(),
                    r.status(),
                    r.attestations(),
                    r.fixedValue() == null ? "" : ", value fixed at " + r.fixedValue() + " " + r.unit());
            observed("after attestations " + r.protocol() + " " + r.status() + " " + r.attestations() + " "
                    + r.fixedValue());
            ok &= r.id().equals(disputed)
                    ? r.status().name().equals("DISPUTED")
                    : r.status().name().equals("VERIFIED");
        }
        out.println("  → " + disputed + " is DISPUTED: verifier-3 found 30% more than the others. verifier-4 attests:");
        final ClaimRecord record = registry.claim(disputed);
        final List<SignedCredential> settling =
                List.of(verifiers.get(3).attest(record, protocols.get("cargo-bike-delivery")));
        StoredCredentials.storedDuring(store, settling, () -> registry.attest(settling));
        final ClaimRecord settled = registry.claim(disputed);
        observed("settled " + settled.status() + " " + settled.attestations() + " " + settled.fixedValue());
        out.printf(
                "  %-46s %s after %d attestations, value fixed at %s %s (the outlier is outvoted, not averaged in)%n",
                settled.id(), settled.status(), settled.attestations(), settled.fixedValue(), settled.unit());
        return ok && settled.status().name().equals("VERIFIED");
    }

    private List<CertificateRecord> certify(final Map<String, SignedCredential> claims) {
        final List<String> ids = claims.values().stream()
                .map(c -> c.credential().id().orElseThrow())
                .collect(Collectors.toList());
        final List<CertificateRecord> certificates = validator.certify(ids);
        out.printf(
                "  %d certificates issued and activated in two transactions (issue, then attach the signed credentials)%n",
                certificates.size());
        return certificates;
    }

    private boolean doubleCounting(final Map<String, PublishedProtocol> protocols) {
        final String day = clock.instant().toString().substring(0, 10);
        final SignedCredential again = claim(
                "employer",
                protocols.get(CAMPAIGN),
                trip("emp-" + run.toLowerCase(Locale.ROOT) + "-a", day, day.substring(0, 7), "bike", 12),
                "phone trace summary");
        try {
            StoredCredentials.storedDuring(store, List.of(again), () -> registry.submitClaims(List.of(again)));
            out.println("  NOT REFUSED: the same trip was accepted twice");
            observed("double counting accepted");
            return false;
        } catch (TransactionRefused e) {
            out.printf("  refused: %s — %s%n", e.code(), e.detail());
            observed("double counting refused " + e.code());
            return "DOUBLE_COUNTING".equals(e.code());
        }
    }

    /** The employer sells its first commute certificate to the fund, which splits it and retires a part. */
    private boolean finance(final List<CertificateRecord> certificates) {
        final SigningKey employer = owners.get("employer");
        final CertificateRecord sold = certificates.stream()
                .filter(c -> c.holder().equals(employer.did()))
                .findFirst()
                .orElseThrow();
        final CertificateRecord bought = registry.transfer(Instructions.sign(
                employer,
                Actions.TRANSFER,
                Json.object().put("serial", sold.serial()).put("to", financer.did()),
                clock.instant()));
        out.printf("  %s transferred to the fund: %s %s%n", bought.serial(), bought.quantity(), bought.unit());
        final BigDecimal quantity = new BigDecimal(bought.quantity());
        final BigDecimal part = quantity.divide(BigDecimal.valueOf(2), quantity.scale(), java.math.RoundingMode.DOWN);
        final ObjectNode split = Json.object().put("serial", bought.serial());
        final BigDecimal rest = quantity.subtract(part);
        split.putArray("quantities").add(part.toPlainString()).add(rest.toPlainString());
        final List<CertificateRecord> lots =
                registry.split(Instructions.sign(financer, Actions.SPLIT, split, clock.instant()));
        lots.forEach(l -> out.printf(
                "  lot %s: %s %s, units %d..%d%n", l.serial(), l.quantity(), l.unit(), l.firstUnit(), l.lastUnit()));
        final CertificateRecord retired = registry.retire(Instructions.sign(
                financer,
                Actions.RETIRE,
                Json.object()
                        .put("serial", lots.get(0).serial())
                        .put("beneficiary", "Ville de La Rochelle")
                        .put("purpose", "climate report")
                        .put("jurisdiction", "FR")
                        .put("reportingPeriod", clock.instant().toString().substring(0, 4)),
                clock.instant()));
        out.printf("  %s %s for Ville de La Rochelle%n", retired.serial(), retired.status());
        final List<String> history =
                registry.history(sold.serial()).stream().map(m -> m.kind()).toList();
        out.println("  history of " + sold.serial() + ": " + String.join(", ", history));
        observed("transferred " + bought.quantity() + " " + bought.status() + " to the fund");
        lots.forEach(l -> observed("lot " + l.serial() + " " + l.quantity() + " " + l.status()));
        observed("retired " + retired.serial() + " " + retired.status());
        observed("history " + history);
        return financer.did().equals(bought.holder())
                && lots.size() == 2
                && "RETIRED".equals(retired.status().name())
                && history.equals(List.of("issued", "transferred", "split"));
    }

    /**
     * A data-centre operator keeps two servers a fifth year and asks BoaviztAPI for their embedded
     * impacts; for the second it overstates the climate figure by half. The verifiers recompute the
     * figures through BoaviztAPI: the first claim's three records are verified and certified on their
     * own (kgCO2e, MJ, kgSbeq, never added), the second's are disputed and rejected.
     */
    private boolean digitalServices(final PublishedProtocol protocol) {
        if (boavizta == null) {
            out.println("  skipped: no BoaviztAPI configured");
            return true;
        }
        final String version;
        try {
            version = boavizta.version();
        } catch (BoaviztaException e) {
            out.println("  skipped: " + e.getMessage() + " (scripts/boaviztapi start runs it)");
            return true;
        }
        final ObjectNode server = Json.parseObject(q("{'model':{'type':'rack'},'configuration':{'cpu':{'units':2,"
                + "'core_units':24,'die_size_per_core':24.5},'ram':[{'units':12,'capacity':32,'density':1.79}],"
                + "'disk':[{'units':1,'type':'ssd','capacity':400,'density':50.6}],"
                + "'power_supply':{'units':2,'unit_weight':2.99}}}"));
        final Boavizta.Impacts embedded = boavizta.server(server, null);
        out.printf(
                "  BoaviztAPI %s, Dell R740-like server: embedded %s kgCO2eq, %s MJ, %s kgSbeq (request %s…)%n",
                version,
                embedded.get("gwp").embedded().toPlainString(),
                embedded.get("pe").embedded().toPlainString(),
                embedded.get("adp").embedded().toPlainString(),
                embedded.requestDigest().substring(0, 16));
        final SignedCredential honest = serverClaim(protocol, server, embedded, "SRV-" + run + "-01", BigDecimal.ONE);
        final SignedCredential inflated =
                serverClaim(protocol, server, embedded, "SRV-" + run + "-02", new BigDecimal("1.5"));
        final List<ClaimRecord> records = StoredCredentials.storedDuring(
                store, List.of(honest, inflated), () -> registry.submitClaims(List.of(honest, inflated)));
        final List<SignedCredential> round = new ArrayList<>();
        for (final ClaimRecord record : records) {
            for (int i = 0; i < 3; i++) {
                round.add(verifiers.get(i).attest(record, protocol));
            }
        }
        StoredCredentials.storedDuring(store, round, () -> registry.attest(round));
        final String honestId = honest.credential().id().orElseThrow();
        boolean ok = true;
        final List<String> verified = new ArrayList<>();
        for (final ClaimRecord submitted : records) {
            final ClaimRecord r = registry.claim(submitted.id());
            final boolean expectVerified = r.id().startsWith(honestId);
            out.printf("  %-64s %14s %-7s %s%n", r.id(), r.claimedValue(), r.unit(), r.status());
            observed("digital claim " + r.unit() + " " + r.claimedValue() + " " + r.status());
            ok &= r.status().name().equals(expectVerified ? "VERIFIED" : "DISPUTED");
            if (expectVerified) {
                verified.add(r.id());
            } else {
                registry.reject(Instructions.sign(
                        validator.key(),
                        Actions.REJECT,
                        Json.object()
                                .put("claim", r.id())
                                .put("reason", "embedded figures do not match BoaviztAPI " + version),
                        clock.instant()));
            }
        }
        out.println("  → the second server's stated climate figure is 50% above BoaviztAPI's: every algorithmic");
        out.println(
                "    verifier attested Rejected, the claim is DISPUTED and the validator rejects its three records");
        final List<CertificateRecord> certificates = validator.certify(verified);
        certificates.forEach(c -> {
            out.printf("  %-44s %14s %-7s %s%n", c.serial(), c.quantity(), c.unit(), c.category());
            observed("digital certificate " + c.quantity() + " " + c.unit() + " " + c.category());
        });
        out.println("  (three certificates, one per criterion: each is held, sold and retired on its own)");
        return ok && certificates.size() == 3;
    }

    /**
     * An obligated energy supplier commits 12 EUR to the programme's bonus (per parcel by zone, capped
     * at 10 EUR per delivery), advances 2 EUR to the cargo coop, which applies its three delivery
     * certificates; the third gets what is left of the budget, with the coop's consent; each payment
     * retires the delivery's kWh cumac for the supplier's CEE obligation in the same transaction.
     */
    private boolean ceeCampaign(final List<CertificateRecord> certificates) {
        final SigningKey supplier = keys.key(
                "energy-supplier",
                () -> SigningKey.of(AgentIdentities.keyId(baseUrl, "energy-supplier"), SigningKey.newEd25519()));
        agents.register(supplier, "Obligated energy supplier", "financer");
        final SigningKey coop = owners.get("cargo-coop");
        final String id = "cee-colis-" + run.toLowerCase(Locale.ROOT);
        final ObjectNode open = Json.object()
                .put("id", id)
                .put("title", "CEE programme: cargo-bike deliveries in La Rochelle")
                .put("budget", "12.00")
                .put("currency", "EUR");
        final ObjectNode eligibility = open.putObject("eligibility");
        eligibility.putArray("protocols").addObject().put("id", "cargo-bike-delivery");
        eligibility.put("minProofLevel", "calculated");
        eligibility.putArray("owners").add(coop.did());
        open.putObject("terms")
                .put("amount", "bonus_eur")
                .put("capPerClaim", "10.00")
                .put("settlement", "retire")
                .put("beneficiary", "Obligated energy supplier")
                .put("purpose", "CEE energy-savings obligation");
        registry.openCampaign(Instructions.sign(supplier, Actions.OPEN_CAMPAIGN, open, clock.instant()));
        out.printf(
                "  %s opened with a committed budget of 12.00 EUR (bonus per parcel by zone, capped at 10.00)%n", id);
        registry.advance(Instructions.sign(
                supplier,
                Actions.ADVANCE,
                Json.object()
                        .put("campaign", id)
                        .put("owner", coop.did())
                        .put("amount", "2.00")
                        .put("reference", "ADV-" + run)
                        .put("paidOn", clock.instant().toString().substring(0, 10)),
                clock.instant()));
        out.println("  advance of 2.00 EUR paid to cargo-coop before any proof (netted against its first allocation)");
        final List<CertificateRecord> deliveries = certificates.stream()
                .filter(c -> c.protocol().startsWith("cargo-bike-delivery@"))
                .toList();
        boolean ok = deliveries.size() == 3;
        final List<io.impactproof.model.campaign.Allocation> allocations = new ArrayList<>();
        for (final CertificateRecord c : deliveries) {
            final ObjectNode apply = Json.object().put("campaign", id).put("serial", c.serial());
            try {
                allocations.add(registry.apply(Instructions.sign(coop, Actions.APPLY, apply, clock.instant())));
            } catch (TransactionRefused e) {
                out.printf("  %s refused: %s — %s%n", c.serial(), e.code(), e.detail());
                observed("campaign refused " + e.code());
                ok &= "BUDGET_EXHAUSTED".equals(e.code());
                apply.put("acceptPartial", true);
                allocations.add(registry.apply(Instructions.sign(coop, Actions.APPLY, apply, clock.instant())));
            }
        }
        for (final var a : allocations) {
            out.printf(
                    "  allocated %-44s %6s EUR of %6s due (%s), advance netted %s, payable %s%n",
                    a.serial(), a.amount(), a.due(), a.outcome(), a.netted(), a.payable());
            observed("allocated " + a.amount() + " of " + a.due() + " " + a.outcome() + " netted " + a.netted());
        }
        for (final var a : allocations) {
            final var settled = registry.pay(Instructions.sign(
                    supplier,
                    Actions.PAY,
                    Json.object()
                            .put("campaign", id)
                            .put("serial", a.serial())
                            .put("amount", a.payable())
                            .put(
                                    "reference",
                                    "SEPA-" + run + "-"
                                            + a.serial().substring(a.serial().length() - 6))
                            .put("paidOn", clock.instant().toString().substring(0, 10)),
                    clock.instant()));
            final CertificateRecord retired = registry.certificate(a.serial());
            out.printf(
                    "  paid %s EUR → %s, certificate %s %s for %s%n",
                    a.payable(),
                    settled.status(),
                    retired.serial(),
                    retired.status(),
                    retired.retirement().beneficiary());
            observed("paid " + a.payable() + " " + settled.status() + " " + retired.status());
            ok &= retired.status().name().equals("RETIRED");
        }
        final var campaign = registry.campaign(id);
        out.printf(
                "  budget %s, allocated %s, paid %s (advance included), remaining %s EUR%n",
                campaign.budget(),
                campaign.allocated(),
                campaign.paid(),
                campaign.remaining().toPlainString());
        observed("campaign " + campaign.budget() + " " + campaign.allocated() + " " + campaign.paid());
        out.println("  (pay on proof: suspending a funded certificate freezes its allocation, revoking cancels it)");
        return ok && campaign.remaining().signum() == 0 && allocations.size() == 3;
    }

    /**
     * Two employees hold their own did:key; Alice consents for this month, Bob does not. The
     * employer opens its allowance campaign (the protocol's EUR per km, capped at 5 EUR per employee
     * and month), claims Alice's two legs (Bob's is refused), pays through payroll and exports it.
     */
    private boolean allowanceCampaign() {
        final SigningKey employer = owners.get("employer");
        final PublishedProtocol commute = registry.protocol("home-to-work-commute", "1.2.0");
        final String day = clock.instant().toString().substring(0, 10);
        final String month = day.substring(0, 7);
        final String alice = "emp-" + run.toLowerCase(Locale.ROOT) + "-alice";
        final String bob = "emp-" + run.toLowerCase(Locale.ROOT) + "-bob";
        final SigningKey aliceKey = SigningKey.generateEd25519DidKey();
        registry.giveConsents(List.of(VcJwt.sign(
                ImpactCredentials.consent(
                        "urn:uuid:" + UUID.randomUUID(),
                        aliceKey.did(),
                        employer.did(),
                        Subjects.digest(employer.did(), alice),
                        List.of(month),
                        List.of("trip_date", "leg", "mode", "distance_km", "proof_level"),
                        null,
                        clock.instant()),
                aliceKey,
                clock.instant())));
        out.printf(
                "  Alice (%s…) consents for %s with her own key; Bob does not%n",
                aliceKey.did().substring(0, 20), month);
        final String id = "fmd-" + run.toLowerCase(Locale.ROOT);
        final ObjectNode open = Json.object()
                .put("id", id)
                .put("title", "Forfait mobilites durables " + month)
                .put("budget", "100.00")
                .put("currency", "EUR");
        final ObjectNode eligibility = open.putObject("eligibility");
        eligibility
                .putArray("protocols")
                .addObject()
                .put("id", "home-to-work-commute")
                .put("from", "1.2.0");
        eligibility
                .putArray("beneficiaries")
                .add(Subjects.digest(employer.did(), alice))
                .add(Subjects.digest(employer.did(), bob));
        open.putObject("terms").put("amount", "allowance_eur").put("capPerBeneficiaryMonth", "5.00");
        registry.openCampaign(Instructions.sign(employer, Actions.OPEN_CAMPAIGN, open, clock.instant()));
        final List<SignedCredential> legs = new ArrayList<>();
        for (final String leg : List.of("outbound", "return")) {
            final ObjectNode data = trip(alice, day, month, "bike", 12).put("leg", leg);
            legs.add(claim("employer", commute, data, "phone trace summary"));
        }
        boolean ok;
        try {
            final SignedCredential bobs =
                    claim("employer", commute, trip(bob, day, month, "e-bike", 8), "phone trace summary");
            StoredCredentials.storedDuring(store, List.of(bobs), () -> registry.submitClaims(List.of(bobs)));
            out.println("  NOT REFUSED: a trip of an employee who did not consent was accepted");
            ok = false;
        } catch (TransactionRefused e) {
            out.printf("  Bob's trip refused: %s — %s%n", e.code(), e.detail());
            observed("consent refused " + e.code());
            ok = "CONSENT_MISSING".equals(e.code());
        }
        final List<ClaimRecord> records =
                StoredCredentials.storedDuring(store, legs, () -> registry.submitClaims(legs));
        final List<SignedCredential> round = new ArrayList<>();
        for (final ClaimRecord record : records) {
            for (int i = 0; i < 3; i++) {
                round.add(verifiers.get(i).attest(record, commute));
            }
        }
        StoredCredentials.storedDuring(store, round, () -> registry.attest(round));
        final List<CertificateRecord> certificates =
                validator.certify(records.stream().map(ClaimRecord::id).toList());
        for (final CertificateRecord c : certificates) {
            final var a = registry.apply(Instructions.sign(
                    employer,
                    Actions.APPLY,
                    Json.object().put("campaign", id).put("serial", c.serial()),
                    clock.instant()));
            final var paid = registry.pay(Instructions.sign(
                    employer,
                    Actions.PAY,
                    Json.object()
                            .put("campaign", id)
                            .put("serial", c.serial())
                            .put("amount", a.payable())
                            .put("reference", "PAYROLL-" + month)
                            .put("paidOn", day),
                    clock.instant()));
            out.printf(
                    "  %s %s kgCO2e: allowance %s EUR of %s (%s), %s%n",
                    c.serial(), c.quantity(), a.amount(), a.due(), a.outcome(), paid.status());
            observed("allowance " + a.amount() + " of " + a.due() + " " + a.outcome() + " " + paid.status());
        }
        final String payroll = Payroll.csv(registry.campaign(id), registry.allocations(id), registry, store);
        out.println("  payroll export (RFC 4180 CSV, also GET /campaigns/" + id + "/exports/payroll.csv):");
        payroll.lines().forEach(line -> out.println("    " + line));
        observed("payroll " + payroll.lines().count() + " lines");
        return ok && certificates.size() == 2 && payroll.contains(alice + ",") && payroll.contains(",5.00,1,5.00,2");
    }

    private SignedCredential serverClaim(
            final PublishedProtocol protocol,
            final ObjectNode server,
            final Boavizta.Impacts embedded,
            final String serverId,
            final BigDecimal climateFactor) {
        final ObjectNode data = Json.object()
                .put("operator_siren", "552100554")
                .put("server_id", serverId)
                .put("commissioned_on", "2021-01-01")
                .put("reference_lifetime_months", 48)
                .put("extension_start", "2025-01-01")
                .put("extension_end", "2025-12-31")
                .put("embedded_gwp_kgco2e", embedded.get("gwp").embedded().multiply(climateFactor))
                .put("embedded_pe_mj", embedded.get("pe").embedded())
                .put("embedded_adp_kgsbeq", embedded.get("adp").embedded())
                .put("reference_implementation", "boaviztapi " + embedded.version());
        data.set("server", server);
        return claim("datacentre", protocol, data, "asset inventory and BoaviztAPI answer");
    }

    private void section(final String title) {
        out.printf("%n== %s%n", title);
    }

    private static String q(final String json) {
        return json.replace('\'', '"');
    }
}
