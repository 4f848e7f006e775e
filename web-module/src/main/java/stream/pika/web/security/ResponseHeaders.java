package stream.pika.web.security;

import jakarta.inject.Inject;
import stream.pika.web.container.ContainerTuning;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The security headers of every response: a Content Security Policy with a fresh nonce per
 * request (no {@code unsafe-inline}, no {@code unsafe-eval}; pages put the nonce, request
 * attribute {@value #NONCE}, on their scripts), {@code nosniff}, a referrer policy, HSTS over
 * https; and CORS for the origins in {@code pika.cors.allowed-origins} only.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResponseHeaders extends HttpFilter {

    /** Request attribute holding this response's CSP nonce. */
    public static final String NONCE = "pika.cspNonce";
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, PATCH";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Pika-Client, X-Requested-With";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ClientAddress clients;

    @Inject
    ContainerTuning container;

    @Inject
    @ConfigProperty(name = "pika.cors.allowed-origins", defaultValue = " ")
    String allowedOriginsSetting;

    private Set<String> allowedOrigins = Set.of();

    @Override
    public void init() {
        allowedOrigins = Arrays.stream(allowedOriginsSetting.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        container.serving(request);
        String nonce = nonce();
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (clients.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if ("TRACE".equals(request.getMethod())) {
            // Never echoed (cross-site tracing reads cookies and Authorization that way): refused here,
            // where the answer has the API's shape (Micro lets TRACE through to say so).
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", ALLOWED_METHODS + ", OPTIONS");
            closeIfBody(request, response);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Method not allowed\"}");
            return;
        }
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (origin != null) {
            response.addHeader("Vary", "Origin");
            if (allowedOrigins.contains(origin)) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Allow-Credentials", "true");
                if (preflight) {
                    response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
                    response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                    response.setHeader("Access-Control-Max-Age", "600");
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    closeIfBody(request, response);
                    return;
                }
            } else if (preflight) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                closeIfBody(request, response);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"Origin not allowed\"}");
                return;
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        chain.doFilter(request, path.startsWith("/api/") || "/ws".equals(path) ? response : new OnePolicy(response));
    }

    /**
     * A page's answer, where a Faces page writes its own policy (PrimeFaces, with the view's
     * nonce): that policy replaces this filter's instead of joining it (two policies would both
     * apply, and neither nonce would pass the other).
     */
    private static final class OnePolicy extends HttpServletResponseWrapper {
        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Security-Policy".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    /**
     * An answer given here leaves a body unread; on a method that carries none (TRACE, OPTIONS) the
     * listener would take that body for the next request on the connection, so the connection closes.
     */
    private static void closeIfBody(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    /** The policy of a response whose scripts and styles carry {@code nonce}. */
    static String policy(String nonce) {
        return directives("'self' 'nonce-" + nonce + "'") + " 'nonce-" + nonce + "'";
    }

    /**
     * The policy of a dashboard page: PrimeFaces appends its nonce (the view's: it stays the same
     * across the page's ajax requests) to this, which ends with {@code script-src}.
     */
    static String policyBeforeScriptNonce(String styleSources) {
        return directives(styleSources);
    }

    private static String directives(String styleSources) {
        return "default-src 'self'; style-src " + styleSources + ";"
                + " img-src 'self' data: blob: https:;" // https: the avatars DJs link on their profiles
                + " font-src 'self' data:; connect-src 'self' ws: wss:;"
                + " worker-src 'self'; manifest-src 'self';" // the dancer page's service worker (push)
                + " frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'strict-dynamic'";
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
