package io.impactproof.gateway.web;

import java.util.Set;
import org.springframework.http.HttpStatus;

/** The HTTP status of each stable error code (docs/errors.md). */
final class ErrorStatus {
    private static final Set<String> UNAUTHENTICATED = Set.of(
            "MALFORMED_JWT",
            "ALG_NOT_ALLOWED",
            "TYP_INVALID",
            "CTY_INVALID",
            "CRIT_UNSUPPORTED",
            "KID_MISSING",
            "KEY_NOT_FOUND",
            "SIGNATURE_INVALID",
            "INSTRUCTION_INVALID",
            "NOT_YET_VALID",
            "EXPIRED",
            "DID_INVALID",
            "DID_METHOD_UNSUPPORTED");
    private static final Set<String> FORBIDDEN = Set.of(
            "FORBIDDEN",
            "WRONG_ROLE",
            "WRONG_ORGANISATION",
            "PARTICIPANT_INACTIVE",
            "KEY_MISMATCH",
            "ISSUER_MISMATCH",
            "VERIFIER_NOT_DESIGNATED",
            "VALIDATOR_NOT_DESIGNATED");
    private static final Set<String> NOT_FOUND = Set.of(
            "PARTICIPANT_NOT_FOUND", "PROTOCOL_NOT_FOUND", "CLAIM_NOT_FOUND", "CERTIFICATE_NOT_FOUND", "NOT_FOUND");
    private static final Set<String> CONFLICT = Set.of(
            "INSTRUCTION_REPLAYED",
            "PARTICIPANT_EXISTS",
            "PROTOCOL_VERSION_EXISTS",
            "PROTOCOL_DEPRECATED",
            "CLAIM_ID_CONFLICT",
            "CLAIM_STATE_INVALID",
            "ATTESTATION_EXISTS",
            "QUORUM_NOT_REACHED",
            "DOUBLE_COUNTING",
            "PERIOD_OVERLAP",
            "CERTIFICATE_STATE_INVALID");
    private static final Set<String> UNPROCESSABLE = Set.of(
            "CLAIM_INELIGIBLE",
            "CLAIM_DATA_INVALID",
            "CLAIM_FIELD_MISSING",
            "CLAIM_EVALUATION_FAILED",
            "CLAIM_VALUE_NOT_FINITE",
            "CLAIM_VALUE_OUT_OF_RANGE",
            "CLAIM_PERIOD_INVALID",
            "PROTOCOL_DIGEST_MISMATCH",
            "CLAIM_DIGEST_MISMATCH",
            "UNIT_MISMATCH",
            "VALUES_INVALID",
            "CERTIFICATE_MISMATCH");

    private ErrorStatus() {}

    static HttpStatus of(final String code) {
        if (UNAUTHENTICATED.contains(code)) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (FORBIDDEN.contains(code)) {
            return HttpStatus.FORBIDDEN;
        }
        if (NOT_FOUND.contains(code)) {
            return HttpStatus.NOT_FOUND;
        }
        if (CONFLICT.contains(code)) {
            return HttpStatus.CONFLICT;
        }
        if (UNPROCESSABLE.contains(code)) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if ("INPUT_TOO_LARGE".equals(code)) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if ("CRYPTO_FAILURE".equals(code) || "CHAINCODE_ERROR".equals(code)) {
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
