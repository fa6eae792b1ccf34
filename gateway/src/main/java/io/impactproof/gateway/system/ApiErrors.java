package io.impactproof.gateway.system;

/** The gateway's code for an HTTP status the servlet container chose itself. */
final class ApiErrors {
    private ApiErrors() {}

    static ApiError forStatus(final int status) {
        return switch (status) {
            case 400 -> ApiError.PARAMETER_INVALID;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 406 -> ApiError.NOT_ACCEPTABLE;
            case 413 -> ApiError.BODY_TOO_LARGE;
            case 415 -> ApiError.MEDIA_TYPE_UNSUPPORTED;
            case 503 -> ApiError.LEDGER_UNAVAILABLE;
            default -> ApiError.INTERNAL_ERROR;
        };
    }
}
