package stream.pika.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request comes from a page of this platform ({@code Origin} equals the origin of
 * {@code PIKA_PUBLIC_URL}). A WebSocket upgrade from any other page is served, but never as the
 * browser's account or device: a foreign page cannot act as the dancer signed in here.
 */
@ApplicationScoped
public class SameOrigin {

    @Inject
    @ConfigProperty(name = "pika.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Worked out once: every upgrade compares with it. */
    private String platformOrigin;

    @PostConstruct
    void init() {
        platformOrigin = platformOrigin();
    }

    public boolean of(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && origin.strip().toLowerCase(Locale.ROOT).equals(platformOrigin);
    }

    private String platformOrigin() {
        URI uri = URI.create(publicUrl.strip());
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
