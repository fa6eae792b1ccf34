package io.impactproof.gateway.system;

import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.StableCode;

/**
 * Stable error codes of the gateway itself (the ledger's, the chaincode's, the credentials' and the
 * protocols' codes pass through unchanged). This enum is immutable; names are listed in
 * {@code docs/errors.md}.
 */
public enum ApiError implements StableCode {
    NOT_FOUND(ErrorCategory.NOT_FOUND, "No resource at this path, or the object named is not stored on this node."),
    BODY_INVALID(
            ErrorCategory.INVALID,
            "The request body is not the JSON this endpoint takes (syntax, shape, a field of the wrong type)."),
    PARAMETER_INVALID(ErrorCategory.INVALID, "A path or query parameter is missing or malformed."),
    PATH_MISMATCH(ErrorCategory.INVALID, "The path names another object or action than the signed instruction."),
    METHOD_NOT_ALLOWED(ErrorCategory.METHOD_NOT_ALLOWED, "This method is not offered on this path."),
    MEDIA_TYPE_UNSUPPORTED(ErrorCategory.UNSUPPORTED_MEDIA_TYPE, "The request's Content-Type is not accepted here."),
    NOT_ACCEPTABLE(ErrorCategory.NOT_ACCEPTABLE, "None of the media types in Accept can be produced here."),
    BODY_TOO_LARGE(ErrorCategory.TOO_LARGE, "The request body is larger than this endpoint accepts."),
    AUTHORIZATION_REQUIRED(
            ErrorCategory.UNAUTHENTICATED, "This read needs Authorization: Instruction <signed instruction>."),
    LEDGER_UNAVAILABLE(ErrorCategory.UNAVAILABLE, "The ledger cannot take the request now; nothing was written."),
    EVENT_STREAMS_BUSY(
            ErrorCategory.UNAVAILABLE, "This node serves as many event streams as it allows; try again later."),
    LEDGER_CONFLICT(
            ErrorCategory.CONFLICT,
            "The transaction conflicted with a concurrent one and was not committed; it can be sent again."),
    LEDGER_OUTCOME_UNKNOWN(
            ErrorCategory.OUTCOME_UNKNOWN,
            "The ledger did not confirm the write in time; it may have committed: read before retrying."),
    CERTIFICATE_REVOKED(
            ErrorCategory.UNPROCESSABLE, "The certificate's revocation bit is set: it no longer proves anything."),
    CERTIFICATE_SUSPENDED(
            ErrorCategory.UNPROCESSABLE,
            "The certificate's suspension bit is set: it proves nothing until reinstated."),
    REFERENCE_UNAVAILABLE(
            ErrorCategory.UNAVAILABLE,
            "BoaviztAPI, the reference implementation these figures come from, cannot be asked now; try again."),
    CHAINCODE_ERROR(ErrorCategory.INTERNAL, "The chaincode failed without a stable code (a fault, logged)."),
    INTERNAL_ERROR(ErrorCategory.INTERNAL, "An unexpected fault of the gateway; it was logged.");

    private final ErrorCategory category;
    private final String meaning;

    ApiError(final ErrorCategory category, final String meaning) {
        this.category = category;
        this.meaning = meaning;
    }

    @Override
    public ErrorCategory category() {
        return category;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
