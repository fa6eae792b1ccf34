package io.impactproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.json.Json;
import io.impactproof.model.Actions;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Movement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class HoldingContractTest extends ContractTest {
    private static final String CARGO = "cargo-bike-delivery";

    private CertificateRecord certificate;

    @BeforeEach
    void setUp() {
        certificate = r.certified(r.owner, TestRegistry.ORG1, CARGO, TestRegistry.delivery("HOLD-1"), "11.58");
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    private Object act(
            final String function,
            final String action,
            final io.impactproof.credentials.jwt.SigningKey by,
            final ObjectNode args) {
        r.clock.advance(Duration.ofSeconds(1));
        final String instruction = r.sign(by, action, args);
        return switch (function) {
            case "Transfer" -> r.client().transfer(instruction);
            case "Split" -> r.client().split(instruction);
            case "Retire" -> r.client().retire(instruction);
            default -> throw new IllegalArgumentException(function);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<CertificateRecord> lots(final Object split) {
        return (List<CertificateRecord>) split;
    }

    private List<CertificateRecord> held(final String did) {
        return r.client().holdings(did);
    }

    @Test
    void the_holder_transfers_and_the_new_holder_retires_publicly() {
        act(
                "Transfer",
                Actions.TRANSFER,
                r.owner,
                Json.object().put("serial", certificate.serial()).put("to", r.financer.did()));

        assertThat(r.certificate(certificate.serial()).holder()).isEqualTo(r.financer.did());
        assertThat(held(r.owner.did())).isEmpty();
        assertThat(held(r.financer.did())).extracting(CertificateRecord::serial).containsExactly(certificate.serial());
        r.assertRefused(() -> act("Retire", Actions.RETIRE, r.owner, retirement()), "NOT_HOLDER");

        act("Retire", Actions.RETIRE, r.financer, retirement());

        final CertificateRecord retired = r.certificate(certificate.serial());
        assertThat(retired.status()).isEqualTo(CertificateStatus.RETIRED);
        assertThat(retired.retirement().beneficiary()).isEqualTo("Ville de La Rochelle");
        assertThat(retired.retirement().reportingPeriod()).isEqualTo("2026");
        assertThat(retired.retirement().retiredBy()).isEqualTo(r.financer.did());
        r.assertRefused(() -> act("Retire", Actions.RETIRE, r.financer, retirement()), "CERTIFICATE_STATE_INVALID");
        r.assertRefused(
                () -> act(
                        "Transfer",
                        Actions.TRANSFER,
                        r.financer,
                        Json.object().put("serial", certificate.serial()).put("to", r.owner.did())),
                "CERTIFICATE_STATE_INVALID");
        final List<Movement> history = r.client().history(certificate.serial());
        assertThat(history).extracting(Movement::kind).containsExactly("issued", "transferred", "retired");
    }

    @Test
    void a_split_creates_lots_over_consecutive_unit_ranges() {
        final ObjectNode args = Json.object().put("serial", certificate.serial());
        args.putArray("quantities").add("5.00").add("6.58");

        final List<CertificateRecord> lots = lots(act("Split", Actions.SPLIT, r.owner, args));

        assertThat(lots)
                .extracting(CertificateRecord::serial)
                .containsExactly(certificate.block() + "-1-500", certificate.block() + "-501-1158");
        assertThat(lots).extracting(CertificateRecord::quantity).containsExactly("5.00", "6.58");
        assertThat(lots).allSatisfy(lot -> {
            assertThat(lot.parent()).isEqualTo(certificate.serial());
            assertThat(lot.status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(lot.statusIndex()).isEqualTo(certificate.statusIndex());
        });
        final CertificateRecord parent = r.certificate(certificate.serial());
        assertThat(parent.status()).isEqualTo(CertificateStatus.SPLIT);
        assertThat(parent.lots()).hasSize(2);
        assertThat(held(r.owner.did()))
                .extracting(CertificateRecord::serial)
                .containsExactlyInAnyOrder(lots.get(0).serial(), lots.get(1).serial());
        // Paged, so that a holder of thousands of certificates fits in a peer's answers.
        final var first = r.client().holdings(r.owner.did(), 1, "");
        assertThat(first.records()).hasSize(1);
        assertThat(first.bookmark()).isNotEmpty();
        final List<String> paged = new java.util.ArrayList<>();
        io.impactproof.client.RegistryClient.forEachPage(
                (size, bookmark) -> r.client().holdings(r.owner.did(), size, bookmark),
                1,
                page -> page.forEach(c -> paged.add(c.serial())));
        assertThat(paged)
                .containsExactlyInAnyOrder(lots.get(0).serial(), lots.get(1).serial());
        r.assertRefused(
                () -> act(
                        "Transfer",
                        Actions.TRANSFER,
                        r.owner,
                        Json.object().put("serial", certificate.serial()).put("to", r.financer.did())),
                "CERTIFICATE_STATE_INVALID");
        act(
                "Transfer",
                Actions.TRANSFER,
                r.owner,
                Json.object().put("serial", lots.get(0).serial()).put("to", r.financer.did()));
        assertThat(r.certificate(lots.get(0).serial()).holder()).isEqualTo(r.financer.did());
    }

    @Test
    void split_quantities_must_add_up_at_the_protocol_scale() {
        final ObjectNode args = Json.object().put("serial", certificate.serial());
        args.putArray("quantities").add("5.00").add("6.57");
        r.assertRefused(() -> act("Split", Actions.SPLIT, r.owner, args), "ARGUMENT_INVALID");
        args.putArray("quantities").add("5.001").add("6.579");
        r.assertRefused(() -> act("Split", Actions.SPLIT, r.owner, args), "VALUES_INVALID");
        args.putArray("quantities").add("11.58");
        r.assertRefused(() -> act("Split", Actions.SPLIT, r.owner, args), "ARGUMENT_INVALID");
        args.putArray("quantities").add("12.58").add("-1.00");
        r.assertRefused(() -> act("Split", Actions.SPLIT, r.owner, args), "ARGUMENT_INVALID");
    }

    @Test
    void revoking_a_split_certificate_revokes_its_lots_and_transfers_need_a_holder_role() {
        final ObjectNode args = Json.object().put("serial", certificate.serial());
        args.putArray("quantities").add("1.00").add("10.58");
        final List<CertificateRecord> lots = lots(act("Split", Actions.SPLIT, r.owner, args));
        act(
                "Retire",
                Actions.RETIRE,
                r.owner,
                retirement().put("serial", lots.get(0).serial()));
        r.assertRefused(
                () -> act(
                        "Transfer",
                        Actions.TRANSFER,
                        r.owner,
                        Json.object()
                                .put("serial", lots.get(1).serial())
                                .put("to", r.verifiers.get(0).did())),
                "WRONG_ROLE");
        r.assertRefused(
                () -> act(
                        "Transfer",
                        Actions.TRANSFER,
                        r.owner,
                        Json.object().put("serial", lots.get(1).serial()).put("to", r.owner.did())),
                "ARGUMENT_INVALID");

        r.clock.advance(Duration.ofSeconds(1));
        r.client(TestRegistry.ORG1)
                .revoke(r.sign(
                        r.validator,
                        Actions.REVOKE,
                        Json.object().put("serial", certificate.serial()).put("reason", "fraud")));

        assertThat(r.certificate(certificate.serial()).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(lots)
                .allSatisfy(
                        lot -> assertThat(r.certificate(lot.serial()).status()).isEqualTo(CertificateStatus.REVOKED));
        r.assertRefused(() -> r.client().history("IPC-none"), "CERTIFICATE_NOT_FOUND");
    }

    @Test
    void a_retirement_keeps_the_bounds_of_its_texts() {
        r.assertRefused(
                () -> act("Retire", Actions.RETIRE, r.owner, retirement().put("beneficiary", "b".repeat(150_000))),
                "ARGUMENT_INVALID");
        r.assertRefused(
                () -> act("Retire", Actions.RETIRE, r.owner, retirement().put("jurisdiction", "FR\u202E")),
                "ARGUMENT_INVALID");
        r.assertRefused(() -> r.client().statusBits("revocation", -1), "ARGUMENT_INVALID");
        r.assertRefused(() -> r.client().statusBits("other", 0), "ARGUMENT_INVALID");
        assertThat(r.certificate(certificate.serial()).status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    private ObjectNode retirement() {
        return Json.object()
                .put("serial", certificate.serial())
                .put("beneficiary", "Ville de La Rochelle")
                .put("purpose", "La Rochelle Territoire Zero Carbone 2026 report")
                .put("jurisdiction", "FR")
                .put("reportingPeriod", "2026");
    }
}
