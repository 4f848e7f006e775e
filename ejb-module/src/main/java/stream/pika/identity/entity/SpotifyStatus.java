package stream.pika.identity.entity;

/** Whether this platform talks to Spotify ({@code GET /api/spotify/status}); {@code reason} when it does not. */
public record SpotifyStatus(boolean enabled, String reason) {

    public static SpotifyStatus on() {
        return new SpotifyStatus(true, null);
    }

    public static SpotifyStatus off(String reason) {
        return new SpotifyStatus(false, reason);
    }
}
