package stream.pika.web.input;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a request body over its route's limit with 413 {@code {"error": …}} before anything
 * parses it: at once when {@code Content-Length} says so, else while reading (a chunked body is
 * read into memory up to the limit, never further). JSON routes get
 * {@code pika.http.max-body-bytes} (64 KiB); the DJ app's fingerprint sync, up to 500 tracks,
 * gets {@code pika.http.max-sync-body-bytes} (1 MiB); a catalog import (an admin's CSV file) gets
 * {@code pika.http.max-import-body-bytes} (64 MiB) and must say its length (a chunked body that
 * large is not buffered for anyone who asks). Mapped in {@code web.xml} after the
 * security headers, so the refusal carries them.
 */
public class RequestBodyLimit extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestBodyLimit.class.getName());
    private static final Pattern SYNC_ROUTE = Pattern.compile("/api/sessions?/[^/]+/sync-fingerprints/?");
    private static final Pattern IMPORT_ROUTE = Pattern.compile("/api/admin/catalog/imports/?");

    @Inject
    @ConfigProperty(name = "pika.http.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "pika.http.max-sync-body-bytes", defaultValue = "1048576")
    long maxSyncBodyBytes;

    @Inject
    @ConfigProperty(name = "pika.http.max-import-body-bytes", defaultValue = "67108864")
    long maxImportBodyBytes;

    /** Methods whose requests carry no body here (the payara configuration lets such bodies reach this filter). */
    private static final Set<String> NO_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (NO_BODY.contains(request.getMethod()) && (request.getContentLengthLong() > 0 || hasBody(request))) {
            refuse(request, response, 400, "A " + request.getMethod() + " request carries no body");
            return;
        }
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        }
        if (declared < 0 && hasBody(request) && IMPORT_ROUTE.matcher(pathOf(request)).matches()) {
            refuse(request, response, 411, "A file upload must say its length (Content-Length)");
            return;
        }
        if (declared < 0 && hasBody(request)) {
            byte[] body = readUpTo(request.getInputStream(), limit);
            if (body == null) {
                refuse(request, response, 413, tooLarge(limit));
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    long limitOf(HttpServletRequest request) {
        String path = pathOf(request);
        if (IMPORT_ROUTE.matcher(path).matches()) {
            return maxImportBodyBytes;
        }
        return SYNC_ROUTE.matcher(path).matches() ? maxSyncBodyBytes : maxBodyBytes;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readUpTo(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) != -1; ) {
            if (body.size() + n > limit) {
                return null;
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    private static String tooLarge(long limit) {
        return "Request body too large (max " + limit + " bytes)";
    }

    /** {@code why} is the answer's text: no quote or backslash in it. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why) throws IOException {
        LOG.info(() -> "Refused a request body (" + why + "): " + request.getMethod() + " " + LogText.of(request.getRequestURI()));
        response.setStatus(status);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + why + "\"}");
    }

    /** The request with its body read already. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
