package io.impactproof.gateway.web;

import io.impactproof.credentials.CredentialException;
import io.impactproof.gateway.ledger.LedgerRefusal;
import io.impactproof.protocols.ProtocolException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as RFC 9457 problem+json, with the stable error code in {@code code} and a
 * {@code type} URI naming it. Refusals change nothing: the chaincode wrote nothing.
 */
@RestControllerAdvice
class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    static final String TYPE_BASE = "https://impactproof.org/errors/";

    @ExceptionHandler(LedgerRefusal.class)
    ProblemDetail refused(final LedgerRefusal e) {
        return problem(e.code(), e.detail());
    }

    @ExceptionHandler(CredentialException.class)
    ProblemDetail credential(final CredentialException e) {
        return problem(e.code().name(), e.getMessage());
    }

    @ExceptionHandler(ProtocolException.class)
    ProblemDetail protocol(final ProtocolException e) {
        return problem(e.code().name(), e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(final ApiException e) {
        return problem(e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(final HttpMessageNotReadableException e) {
        return problem("ARGUMENT_INVALID", "the request body is not the expected JSON");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(final RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it was logged");
        problem.setType(URI.create(TYPE_BASE + "INTERNAL_ERROR"));
        problem.setTitle("INTERNAL_ERROR");
        problem.setProperty("code", "INTERNAL_ERROR");
        return problem;
    }

    static ProblemDetail problem(final String code, final String detail) {
        final HttpStatus status = ErrorStatus.of(code);
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(code);
        problem.setProperty("code", code);
        return problem;
    }
}
