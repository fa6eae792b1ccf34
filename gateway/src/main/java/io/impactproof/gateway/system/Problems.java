package io.impactproof.gateway.system;

import io.impactproof.client.ledger.LedgerException;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.StableCode;
import io.impactproof.protocols.ProtocolException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal as RFC 9457 problem+json, with the stable error code in {@code code} and a
 * {@code type} URI naming it; the HTTP status comes from the code's category. The framework's own
 * refusals (a body that is not JSON, a wrong media type, an unknown path or method) get codes of
 * their own. A refused request changed nothing.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    static final String TYPE_BASE = "https://impactproof.org/errors/";

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> ledger(final LedgerException e) {
        if (e.category() == ErrorCategory.INTERNAL) {
            LOG.log(Level.SEVERE, "the ledger failed", e);
        }
        return respond(problem(e.code(), e.category(), e.detail()));
    }

    @ExceptionHandler(CredentialException.class)
    ResponseEntity<ProblemDetail> credential(final CredentialException e) {
        return respond(problem(e.code(), e.getMessage()));
    }

    @ExceptionHandler(ProtocolException.class)
    ResponseEntity<ProblemDetail> protocol(final ProtocolException e) {
        return respond(problem(e.code(), e.getMessage()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(final ApiException e) {
        return respond(problem(e.code(), e.getMessage()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(final RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected failure", e);
        return respond(problem(ApiError.INTERNAL_ERROR, "an unexpected error occurred; it was logged"));
    }

    /** The framework's refusals, in the API's terms. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            final Exception e,
            final Object body,
            final HttpHeaders headers,
            final HttpStatusCode status,
            final WebRequest request) {
        final ProblemDetail problem = problem(framework(e, status), detail(e));
        final HttpHeaders out = new HttpHeaders();
        problemHeaders(out, problem.getStatus());
        if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
            out.setAllow(m.getSupportedHttpMethods());
        }
        return ResponseEntity.status(problem.getStatus()).headers(out).body(problem);
    }

    private static StableCode framework(final Exception e, final HttpStatusCode status) {
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return ApiError.METHOD_NOT_ALLOWED;
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return ApiError.MEDIA_TYPE_UNSUPPORTED;
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return ApiError.NOT_ACCEPTABLE;
        }
        if (e instanceof HttpMessageNotReadableException) {
            return ApiError.BODY_INVALID;
        }
        if (e instanceof MissingServletRequestParameterException
                || e instanceof MissingRequestHeaderException
                || e instanceof TypeMismatchException) {
            return ApiError.PARAMETER_INVALID;
        }
        if (e instanceof NoResourceFoundException) {
            return ApiError.NOT_FOUND;
        }
        return ApiErrors.forStatus(status.value());
    }

    private static String detail(final Exception e) {
        if (e instanceof HttpMessageNotReadableException) {
            return "the request body is not the JSON this endpoint takes (its syntax, or the type of a field)";
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return "Content-Type " + m.getContentType() + " is not accepted here; use " + m.getSupportedMediaTypes();
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return m.getMethod() + " is not offered on this path";
        }
        if (e instanceof NoResourceFoundException) {
            return "no resource at this path";
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return "the parameter " + m.getParameterName() + " is required";
        }
        if (e instanceof TypeMismatchException m) {
            return "the parameter " + m.getPropertyName() + " has the wrong type";
        }
        if (e instanceof MissingRequestHeaderException m) {
            return "the header " + m.getHeaderName() + " is required";
        }
        return "the request was refused";
    }

    static ResponseEntity<ProblemDetail> respond(final ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers -> problemHeaders(headers, problem.getStatus()))
                .body(problem);
    }

    /** The headers of every problem, the framework's refusals' included. */
    private static void problemHeaders(final HttpHeaders headers, final int status) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // RFC 9110 §10.2.3: when to ask again (a peer restarting, a stream slot freed, BoaviztAPI back).
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }

    static final String RETRY_AFTER_SECONDS = "5";

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
