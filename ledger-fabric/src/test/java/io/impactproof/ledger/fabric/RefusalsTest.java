package io.impactproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.ErrorCategory;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    /** What the Fabric gateway sends when the chaincode refuses during endorsement (codes.Aborted with details). */
    private static EndorseException endorsementFailure(
            final Status.Code code, final String message, final ErrorDetail... details) {
        final com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
        for (final ErrorDetail detail : details) {
            status.addDetails(com.google.protobuf.Any.pack(detail));
        }
        final StatusRuntimeException e = StatusProto.toStatusRuntimeException(status.build(), new Metadata());
        return new EndorseException("tx1", e);
    }

    private static ErrorDetail detail(final String msp, final String message) {
        return ErrorDetail.newBuilder()
                .setAddress("127.0.0.1:7051")
                .setMspId(msp)
                .setMessage(message)
                .build();
    }

    @Test
    void a_chaincode_refusal_keeps_its_stable_code_and_category() {
        final var mapped = Refusals.beforeOrdering(
                "claims:Submit",
                endorsementFailure(
                        Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        detail(
                                "Org1MSP",
                                "chaincode response 500, DOUBLE_COUNTING: claims[0]: already certified as X")));
        assertThat(mapped).isInstanceOfSatisfying(TransactionRefused.class, r -> {
            assertThat(r.code()).isEqualTo("DOUBLE_COUNTING");
            assertThat(r.category()).isEqualTo(ErrorCategory.CONFLICT);
            assertThat(r.detail()).isEqualTo("claims[0]: already certified as X");
        });
    }

    @Test
    void an_evaluate_refusal_is_read_from_the_status_message() {
        final var mapped = Refusals.beforeOrdering(
                "participants:Get",
                endorsementFailure(
                        Status.Code.UNKNOWN,
                        "evaluate call to endorser returned error: chaincode response 500, PARTICIPANT_NOT_FOUND: did:key:x"));
        assertThat(mapped).isInstanceOfSatisfying(TransactionRefused.class, r -> {
            assertThat(r.code()).isEqualTo("PARTICIPANT_NOT_FOUND");
            assertThat(r.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        });
    }

    @Test
    void credential_and_protocol_codes_keep_their_categories_and_unknown_codes_are_internal() {
        assertThat(Refusals.category("SIGNATURE_INVALID")).isEqualTo(ErrorCategory.UNAUTHENTICATED);
        assertThat(Refusals.category("NOT_A_CODE")).isEqualTo(ErrorCategory.INTERNAL);
    }

    @Test
    void an_unreachable_peer_or_chaincode_server_is_unavailable_not_a_refusal() {
        assertThat(Refusals.beforeOrdering(
                        "claims:Submit", endorsementFailure(Status.Code.UNAVAILABLE, "connection refused")))
                .isInstanceOf(LedgerUnavailable.class)
                .hasMessageContaining("UNAVAILABLE");
        assertThat(Refusals.beforeOrdering(
                        "claims:Submit",
                        endorsementFailure(
                                Status.Code.ABORTED,
                                "failed to collect enough transaction endorsements",
                                detail("Org2MSP", "error creating grpc connection to 127.0.0.1:9999"))))
                .isInstanceOf(LedgerUnavailable.class)
                .hasMessageContaining("Org2MSP");
    }

    @Test
    void a_refusal_by_another_organisations_peer_only_is_told_apart_from_our_own() {
        final EndorseException lagging = endorsementFailure(
                Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                detail("Org2MSP", "chaincode response 500, CERTIFICATE_NOT_FOUND: certificates[0]: IPC-1"));
        assertThat(Refusals.refusedOnlyByOthers(lagging, "Org1MSP")).isTrue();
        assertThat(Refusals.refusedOnlyByOthers(lagging, "Org2MSP")).isFalse();
        final EndorseException ours = endorsementFailure(
                Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                detail("Org1MSP", "chaincode response 500, CERTIFICATE_NOT_FOUND: certificates[0]: IPC-1"));
        assertThat(Refusals.refusedOnlyByOthers(ours, "Org1MSP")).isFalse();
        assertThat(Refusals.refusedOnlyByOthers(
                        endorsementFailure(Status.Code.UNAVAILABLE, "connection refused"), "Org1MSP"))
                .isFalse();
    }

    @Test
    void a_peer_moving_to_a_new_chaincode_definition_is_told_apart_from_a_refusal() {
        final EndorseException changing = endorsementFailure(
                Status.Code.ABORTED,
                "failed to collect enough transaction endorsements, see attached details for more info",
                detail(
                        "Org2MSP",
                        "make sure the chaincode impactproof has been successfully defined on channel impactnet and"
                                + " try again: chaincode cache at sequence 2 but current sequence is 1, chaincode"
                                + " definition for 'impactproof' changed during invoke"));
        assertThat(Refusals.definitionChanging(changing)).isTrue();
        assertThat(Refusals.refusedOnlyByOthers(changing, "Org1MSP")).isFalse();
        assertThat(Refusals.definitionChanging(endorsementFailure(
                        Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        detail("Org2MSP", "chaincode response 500, CERTIFICATE_NOT_FOUND: certificates[0]: IPC-1"))))
                .isFalse();
    }

    @Test
    void peers_that_disagree_are_told_apart_from_other_endorsement_failures() {
        assertThat(Refusals.mismatch(endorsementFailure(
                        Status.Code.ABORTED,
                        "failed to collect enough transaction endorsements",
                        detail("Org2MSP", "ProposalResponsePayloads do not match"))))
                .isTrue();
        assertThat(Refusals.mismatch(endorsementFailure(
                        Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info",
                        detail("Org2MSP", "chaincode response 500, CERTIFICATE_NOT_FOUND: certificates[0]: IPC-1"))))
                .isFalse();
    }

    @Test
    void peers_that_disagree_are_a_determinism_fault() {
        assertThat(Refusals.beforeOrdering(
                        "claims:Submit",
                        endorsementFailure(
                                Status.Code.ABORTED,
                                "failed to collect enough transaction endorsements",
                                detail("Org2MSP", "ProposalResponsePayloads do not match"))))
                .isInstanceOfSatisfying(
                        TransactionRefused.class, r -> assertThat(r.code()).isEqualTo(Refusals.ENDORSEMENT_MISMATCH));
    }
}
