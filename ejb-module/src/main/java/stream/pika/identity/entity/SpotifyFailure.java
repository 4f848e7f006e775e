package stream.pika.identity.entity;

import java.time.Duration;
import java.util.Optional;

/**
 * Spotify did not do what was asked: it refused ({@link #refused()}: a bad or used code, a revoked
 * refresh token) or it could not be reached or failed. The message never holds a token.
 */
public class SpotifyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean refused;
    private final int status;
    private final Duration retryAfter;

    public SpotifyFailure(boolean refused, int status, String message) {
        this(refused, status, message, null);
    }

    public SpotifyFailure(boolean refused, int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.refused = refused;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** How long Spotify asked us to wait ({@code 429 Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Spotify is overloaded or failing (429, 5xx, no answer): the same call may work later. */
    public boolean temporary() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** Spotify answered no (400 {@code invalid_grant}, 401): asking again the same way will not help. */
    public boolean refused() {
        return refused;
    }

    public int status() {
        return status;
    }
}
