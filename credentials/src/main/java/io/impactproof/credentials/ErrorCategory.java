package io.impactproof.credentials;

/**
 * What kind of failure a stable error code reports, and so the HTTP status a service answers with.
 * Every error enum of impactproof gives each of its codes one category; nothing maps code strings to
 * statuses by hand. This enum is immutable.
 */
public enum ErrorCategory {
    /** The request is malformed: a field, a shape, an encoding. */
    INVALID(400),
    /** A signature, key or signed instruction does not authenticate the caller. */
    UNAUTHENTICATED(401),
    /** The caller is authenticated but may not do this. */
    FORBIDDEN(403),
    /** What the request names does not exist. */
    NOT_FOUND(404),
    /** The method is not offered on this resource. */
    METHOD_NOT_ALLOWED(405),
    /** None of the media types the caller accepts can be produced. */
    NOT_ACCEPTABLE(406),
    /** The request conflicts with the state of the ledger (already done, wrong state, counted). */
    CONFLICT(409),
    /** The input is larger than allowed. */
    TOO_LARGE(413),
    /** The request body has a media type that is not accepted here. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Well-formed, but the data do not satisfy the rules (a protocol, a digest, an eligibility rule). */
    UNPROCESSABLE(422),
    /** A fault of the machinery, not of the input. */
    INTERNAL(500),
    /** A part the request needs (the ledger, a peer) cannot be reached now; try again later. */
    UNAVAILABLE(503),
    /** The ledger did not confirm in time whether the write committed; look before retrying. */
    OUTCOME_UNKNOWN(504);

    private final int httpStatus;

    ErrorCategory(final int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when the caller's input is at fault (4xx). */
    public boolean isRejection() {
        return httpStatus < 500;
    }
}
