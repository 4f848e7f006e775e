package stream.pika.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.identity.control.SpotifyAccountsClient;
import stream.pika.identity.control.SpotifyApiClient;
import stream.pika.identity.control.SpotifySettings;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyTokens;
import stream.pika.identity.entity.SpotifyTrack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Spotify's catalog as the platform itself searches it (no dancer: the app's client-credentials
 * token, kept in memory until shortly before it expires; a 401 makes one new token and one retry).
 *
 * @throws SpotifyFailure (every search) when Spotify refused or failed: its status and {@code Retry-After}
 */
@ApplicationScoped
public class SpotifyCatalog {

    @Inject
    SpotifySettings settings;

    @Inject
    SpotifyAccountsClient accounts;

    @Inject
    SpotifyApiClient api;

    @Inject
    Clock clock;

    private record AppToken(String token, Instant renewAt) {
    }

    private volatile AppToken app;

    public boolean enabled() {
        return settings.enabled() && settings.clientSecret().isPresent(); // client credentials need the secret
    }

    public List<SpotifyTrack> searchTracks(String query, int limit) {
        try {
            return api.searchTracks(token(), query, limit);
        } catch (SpotifyFailure e) {
            if (e.status() != 401) {
                throw e;
            }
            app = null;
            return api.searchTracks(token(), query, limit);
        }
    }

    private String token() {
        AppToken known = app;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.renewAt())) {
            return known.token();
        }
        SpotifyTokens fresh = accounts.clientCredentials();
        Duration life = Duration.ofSeconds(Math.max(0, fresh.expiresInSeconds()));
        app = new AppToken(fresh.accessToken(), now.plus(life.compareTo(Duration.ofMinutes(2)) > 0 ? life.minusMinutes(1) : life.dividedBy(2)));
        return fresh.accessToken();
    }
}
