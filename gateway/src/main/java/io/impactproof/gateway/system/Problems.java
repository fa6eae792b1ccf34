package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerException;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.StableCode;
import io.impactproof.protocols.ProtocolException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as RFC 9457 problem+json, with the stable error code in {@code code} and a
 * {@code type} URI naming it; the HTTP status comes from the code's category. A refused request
 * changed nothing.
 */
@RestControllerAdvice
class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    static final String TYPE_BASE = "https://impactproof.org/errors/";

    @ExceptionHandler(LedgerException.class)
    ProblemDetail ledger(final LedgerException e) {
        if (e.category() == ErrorCategory.INTERNAL) {
            LOG.log(Level.SEVERE, "the ledger failed", e);
        }
        return problem(e.code(), e.category(), e.detail());
    }

    @ExceptionHandler(CredentialException.class)
    ProblemDetail credential(final CredentialException e) {
        return problem(e.code(), e.getMessage());
    }

    @ExceptionHandler(ProtocolException.class)
    ProblemDetail protocol(final ProtocolException e) {
        return problem(e.code(), e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(final ApiException e) {
        return problem(e.code(), e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(final RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        return problem(ApiError.INTERNAL_ERROR, "an unexpected error occurred; it was logged");
    }

    static ProblemDetail problem(final StableCode code, final String detail) {
        return problem(code.name(), code.category(), detail);
    }

    static ProblemDetail problem(final String code, final ErrorCategory category, final String detail) {
        final ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(category.httpStatus()), detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(code);
        problem.setProperty("code", code);
        return problem;
    }
}
