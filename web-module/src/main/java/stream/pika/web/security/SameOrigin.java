package stream.pika.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request comes from a page of this platform: {@code Origin} equals the origin of
 * {@code PIKA_PUBLIC_URL}, or the origin the request itself was sent to (its scheme and
 * {@code Host}: a page served by this node under another name, a dashboard opened by address). A
 * browser sets {@code Origin} itself, so a page of another site can claim neither. A WebSocket
 * upgrade from any other page is served, but never as the browser's account or device: a foreign
 * page cannot act as the dancer signed in here.
 */
@ApplicationScoped
public class SameOrigin {

    @Inject
    @ConfigProperty(name = "pika.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    ClientAddress clients;

    /** Worked out once: every upgrade compares with it. */
    private String platformOrigin;

    @PostConstruct
    void init() {
        platformOrigin = platformOrigin();
    }

    public boolean of(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String claimed = origin.strip().toLowerCase(Locale.ROOT);
        return claimed.equals(platformOrigin) || claimed.equals(ownOrigin(request));
    }

    /** The origin this request was addressed to: its scheme (as the trusted proxy says) and Host. */
    private String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return null;
        }
        try {
            return origin(URI.create((clients.secure(request) ? "https" : "http") + "://" + host.strip()));
        } catch (IllegalArgumentException e) {
            return null; // not a host name: no origin equals it
        }
    }

    private String platformOrigin() {
        return origin(URI.create(publicUrl.strip()));
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
