package stream.pika.web.ws;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.web.container.ContainerTuning;
import stream.pika.web.security.ClientAddress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The WebSocket connect limit per client IP, before the upgrade: over it the answer is 429
 * {@code Rate limit exceeded} (as the original) with {@code Retry-After}, and no connection.
 * An upgrade let through is shown to the container seam on the way ({@link ContainerTuning#upgrading}). Every request
 * to {@code /ws} with an {@code Upgrade} header counts, whatever its value's case, spacing or
 * list: the container accepts more spellings of "websocket" than a string comparison does (a
 * trailing tab once got 300 connections past the limit).
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class ConnectLimit extends HttpFilter {

    /** The handshake header that carries the client address to {@link LiveEndpoint}. */
    static final String CLIENT_ADDRESS = "X-Pika-Client-Address";
    private static final Logger LOG = Logger.getLogger(ConnectLimit.class.getName());

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clients;

    @Inject
    ContainerTuning container;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Upgrade") != null) {
            String client = clients.of(request);
            try {
                rateLimits.enforce(Quota.WS_CONNECTS, client);
            } catch (RateLimitExceeded e) {
                LOG.info(() -> "Refused a WebSocket connect from " + client + ": over " + e.decision().limit() + " per "
                        + rateLimits.policy(Quota.WS_CONNECTS).window());
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(e.decision().retryAfterSeconds()));
                response.setContentType("text/plain");
                response.getWriter().write("Rate limit exceeded");
                return;
            }
            container.upgrading(request);
            chain.doFilter(new WithClientAddress(request, client), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The upgrade request as the WebSocket container sees it, carrying the client address this
     * filter worked out in {@link #CLIENT_ADDRESS} (a copy sent by the client is replaced), so
     * the endpoint's connections know it without a second rule.
     */
    private static final class WithClientAddress extends HttpServletRequestWrapper {
        private final String address;

        WithClientAddress(HttpServletRequest request, String address) {
            super(request);
            this.address = address;
        }

        @Override
        public String getHeader(String name) {
            return CLIENT_ADDRESS.equalsIgnoreCase(name) ? address : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CLIENT_ADDRESS.equalsIgnoreCase(name) ? Collections.enumeration(List.of(address)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String name = all.nextElement();
                if (!CLIENT_ADDRESS.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(CLIENT_ADDRESS);
            return Collections.enumeration(names);
        }
    }
}
