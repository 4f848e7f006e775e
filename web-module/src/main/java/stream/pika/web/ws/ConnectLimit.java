package stream.pika.web.ws;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.platform.boundary.RateLimitExceeded;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.Quota;
import stream.pika.web.security.ClientAddress;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The WebSocket connect limit per client IP, before the upgrade: over it the answer is 429
 * {@code Rate limit exceeded} (as the original) with {@code Retry-After}, and no connection.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class ConnectLimit extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ConnectLimit.class.getName());

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
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
        }
        chain.doFilter(request, response);
    }
}
