package io.impactproof.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it: a declared length above the limit is
 * refused at once, and a body that turns out longer while it is read (chunked) is cut off. Either
 * way the answer is 413 {@code BODY_TOO_LARGE}, never a parse error of a truncated body. Evidence
 * uploads have a limit of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {
    static final String EVIDENCE_PATH = "/owners/evidence";

    private final GatewayProperties.Limits limits;

    BodyLimitFilter(final GatewayProperties properties) {
        this.limits = properties.limits();
    }

    @Override
    protected void doFilterInternal(
            final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
            throws ServletException, IOException {
        final long limit = EVIDENCE_PATH.equals(request.getRequestURI()) ? limits.evidenceBytes() : limits.bodyBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        final Limited limited = new Limited(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | RuntimeException e) {
            if (limited.exceeded && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
                return;
            }
            throw e;
        }
        if (limited.exceeded && !response.isCommitted()) {
            response.reset();
            tooLarge(response, limit);
        }
    }

    private static void tooLarge(final HttpServletResponse response, final long limit) throws IOException {
        response.setStatus(ApiError.BODY_TOO_LARGE.category().httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"code\":\"BODY_TOO_LARGE\",\"detail\":\"the request body is larger than " + limit
                        + " bytes\",\"status\":413,\"title\":\"BODY_TOO_LARGE\",\"type\":\"" + Problems.TYPE_BASE
                        + "BODY_TOO_LARGE\"}");
    }

    /** The request with a body that stops at the limit and remembers it was exceeded. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private boolean exceeded;
        private ServletInputStream stream;

        Limited(final HttpServletRequest request, final long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                final ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        final int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            exceeded = true;
                            throw new IOException("the request body exceeds " + limit + " bytes");
                        }
                        return b;
                    }

                    @Override
                    public int read(final byte[] buffer, final int offset, final int length) throws IOException {
                        final int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            read += n;
                            if (read > limit) {
                                exceeded = true;
                                throw new IOException("the request body exceeds " + limit + " bytes");
                            }
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(final ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
