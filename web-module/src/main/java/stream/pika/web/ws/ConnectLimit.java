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
import stream.pika.web.security.BrowserSessions;
import stream.pika.web.security.ClientAddress;
import stream.pika.web.security.DeviceCookie;
import stream.pika.web.security.SameOrigin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The signed-in account of a same-origin browser's upgrade (absent otherwise). */
    static final String ACCOUNT = "X-Pika-Account";
    /** The hash of a same-origin browser's device cookie (absent otherwise). */
    static final String DEVICE = "X-Pika-Device";
    private static final List<String> FACTS = List.of(CLIENT_ADDRESS, ACCOUNT, DEVICE);
    private static final Logger LOG = Logger.getLogger(ConnectLimit.class.getName());

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clients;

    @Inject
    ContainerTuning container;

    @Inject
    SameOrigin sameOrigin;

    @Inject
    DeviceCookie devices;

    @Inject
    BrowserSessions browserSessions;

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
            Map<String, String> facts = new HashMap<>();
            facts.put(CLIENT_ADDRESS, client);
            if (sameOrigin.of(request)) {
                // A page of this platform: the connection acts as the browser's account and device.
                facts.put(DEVICE, devices.deviceOrIssue(request, response));
                browserSessions.signedIn(request).ifPresent(account -> facts.put(ACCOUNT, Long.toString(account)));
            }
            chain.doFilter(new WithHandshakeFacts(request, facts), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The upgrade request as the WebSocket container sees it, carrying what this filter worked
     * out ({@link #CLIENT_ADDRESS}, {@link #ACCOUNT}, {@link #DEVICE}) in headers of its own; a copy
     * of any of them sent by the client is removed, so the endpoint's connections know them
     * without a second rule and nobody can name their own.
     */
    private static final class WithHandshakeFacts extends HttpServletRequestWrapper {
        private final Map<String, String> facts;

        WithHandshakeFacts(HttpServletRequest request, Map<String, String> facts) {
            super(request);
            this.facts = facts;
        }

        private static Optional<String> ours(String name) {
            return FACTS.stream().filter(name::equalsIgnoreCase).findFirst();
        }

        @Override
        public String getHeader(String name) {
            Optional<String> fact = ours(name);
            return fact.isPresent() ? facts.get(fact.get()) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            Optional<String> fact = ours(name);
            if (fact.isEmpty()) {
                return super.getHeaders(name);
            }
            String value = facts.get(fact.get());
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String name = all.nextElement();
                if (ours(name).isEmpty()) {
                    names.add(name);
                }
            }
            names.addAll(facts.keySet());
            return Collections.enumeration(names);
        }
    }
}
