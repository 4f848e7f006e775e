package stream.pika.identity.control;

/**
 * Spotify did not do what was asked: it refused ({@link #refused()}: a bad or used code, a revoked
 * refresh token) or it could not be reached or failed. The message never holds a token.
 */
public class SpotifyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean refused;
    private final int status;

    public SpotifyFailure(boolean refused, int status, String message) {
        super(message, null, false, false);
        this.refused = refused;
        this.status = status;
    }

    /** Spotify answered no (400 {@code invalid_grant}, 401): asking again the same way will not help. */
    public boolean refused() {
        return refused;
    }

    public int status() {
        return status;
    }
}
