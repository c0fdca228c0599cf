package org.tweetflow.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tweetflow.config.TweetflowProperties;

/**
 * The JSON API reads a body of at most {@code tweetflow.web.max-json-body}: one announced larger is refused (413)
 * before a byte of it is read, and one sent without its length (chunked) is cut off as soon as it passes the bound,
 * so no body is ever held whole beyond it.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    JsonBodyLimit(TweetflowProperties properties) {
        this.maxBytes = properties.web().maxJsonBody().toBytes();
    }

    /** A body read past the bound; ApiProblems answers it with a 413. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the body is larger than the " + maxBytes + " bytes the API reads");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), new TooLarge(maxBytes).getMessage());
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream bounded;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedStream(super.getInputStream(), maxBytes);
            }
            return bounded;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        BoundedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
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
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
