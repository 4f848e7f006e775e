package stream.pika.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The one answer to "which IP is this client?" that every rate limit uses. Proxy headers
 * ({@code CF-Connecting-IP}, {@code X-Forwarded-For}) count only when the direct peer is one of
 * {@code pika.trusted-proxies}; otherwise the socket's address, so nobody can pick their own key.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    @Inject
    @ConfigProperty(name = "pika.trusted-proxies", defaultValue = " ")
    String trustedProxiesSetting;

    private TrustedProxies trusted = TrustedProxies.none();

    @PostConstruct
    void init() {
        trusted = TrustedProxies.parse(trustedProxiesSetting);
        if (!trusted.isEmpty()) {
            LOG.info(() -> "Trusting proxy headers from " + trustedProxiesSetting.strip());
        }
    }

    /** Whether the client reached us over https: directly, or as a trusted proxy says ({@code X-Forwarded-Proto}). */
    public boolean secure(HttpServletRequest request) {
        return request.isSecure() || (!trusted.isEmpty() && trusted.contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !trusted.contains(peer)) {
            return peer;
        }
        return ForwardedFor.client(request.getHeader("CF-Connecting-IP"), request.getHeader("X-Forwarded-For"), trusted)
                .orElse(peer);
    }
}
