package stream.pika.identity.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A "Sign in with Spotify" under way, kept in the browser's session until Spotify sends the
 * browser back: the single-use {@code state}, the PKCE verifier whose challenge went to Spotify,
 * and who was signed in when it started (to add Spotify to that account).
 */
public record SpotifyAttempt(String state, String verifier, String authorizeUrl, Instant startedAt, Long signedInUserId,
                             String next) implements Serializable {
}
