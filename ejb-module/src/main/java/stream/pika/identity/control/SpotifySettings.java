package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Where Spotify is and who this platform is to it. Without a client id the Spotify features are
 * off (and say so); the URLs point at the real services unless set (the tests set a stand-in).
 */
@ApplicationScoped
public class SpotifySettings {

    /** What a dancer allows: the e-mail for the account, and playlists for "Pika! Likes" and exports. */
    public static final String SCOPES = "user-read-email playlist-modify-private playlist-modify-public";
    public static final String CALLBACK_PATH = "/api/auth/spotify/callback";

    @Inject
    @ConfigProperty(name = "pika.spotify.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "pika.spotify.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "pika.spotify.accounts-url", defaultValue = "https://accounts.spotify.com")
    String accountsUrl;

    @Inject
    @ConfigProperty(name = "pika.spotify.api-url", defaultValue = "https://api.spotify.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "pika.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public boolean enabled() {
        return clientId.filter(id -> !id.isBlank()).isPresent();
    }

    public String clientId() {
        return clientId.orElseThrow().strip();
    }

    /** The secret, if this app has one (a PKCE-only app does not). */
    public Optional<String> clientSecret() {
        return clientSecret.map(String::strip).filter(secret -> !secret.isEmpty());
    }

    public String accountsUrl() {
        return trimmed(accountsUrl);
    }

    public String apiUrl() {
        return trimmed(apiUrl);
    }

    /** The redirect URI registered with the Spotify app: {@code PIKA_PUBLIC_URL} + {@value #CALLBACK_PATH}. */
    public String redirectUri() {
        return trimmed(publicUrl) + CALLBACK_PATH;
    }

    private static String trimmed(String url) {
        String value = url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
