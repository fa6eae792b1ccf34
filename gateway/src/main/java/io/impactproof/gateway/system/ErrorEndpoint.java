package io.impactproof.gateway.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container answers by itself — a TRACE request, a malformed URL, an error outside
 * any controller — in the same problem+json, with a stable code.
 */
@RestController
class ErrorEndpoint implements ErrorController {
    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(final HttpServletRequest request) {
        final Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        final int code = status instanceof Integer i ? i : 500;
        final ApiError error = ApiErrors.forStatus(code);
        return Problems.respond(Problems.problem(
                error.name(),
                error.category(),
                code == 405 ? "this method is not offered on this path" : error.meaning()));
    }
}
