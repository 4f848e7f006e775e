package stream.pika.identity.entity;

/** The Spotify user behind a sign-in ({@code /v1/me}); {@code email} may be absent. */
public record SpotifyProfile(String id, String displayName, String email) {
}
