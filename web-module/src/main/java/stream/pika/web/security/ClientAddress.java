package stream.pika.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The one answer to "which IP is this client?" that every rate limit uses. One proxy header counts,
 * the one the deployment's edge writes ({@code pika.client-ip-header}: {@code X-Forwarded-For},
 * the default, behind nginx; {@code CF-Connecting-IP} behind Cloudflare), and only when the direct
 * peer is one of {@code pika.trusted-proxies}; otherwise the socket's address, so nobody can pick
 * their own key. A header the deployment does not trust is ignored, whoever sends it.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    @Inject
    @ConfigProperty(name = "pika.trusted-proxies", defaultValue = " ")
    String trustedProxiesSetting;

    @Inject
    @ConfigProperty(name = "pika.client-ip-header", defaultValue = "X-Forwarded-For")
    String clientIpHeaderSetting;

    private TrustedProxies trusted = TrustedProxies.none();
    private ForwardedFor.Header header = ForwardedFor.Header.X_FORWARDED_FOR;

    @PostConstruct
    void init() {
        trusted = TrustedProxies.parse(trustedProxiesSetting);
        header = ForwardedFor.Header.named(clientIpHeaderSetting);
        if (!trusted.isEmpty()) {
            LOG.info(() -> "Trusting " + header.headerName() + " from " + trustedProxiesSetting.strip());
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
        return ForwardedFor.client(header, request.getHeader(header.headerName()), trusted).orElse(peer);
    }
}
