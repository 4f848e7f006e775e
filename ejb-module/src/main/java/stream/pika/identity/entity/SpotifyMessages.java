package stream.pika.identity.entity;

/** What a dancer is told when Spotify sign-in or linking does not work. */
public final class SpotifyMessages {

    public static final String OFF = "Spotify is not configured on this platform";
    public static final String NO_ATTEMPT = "No Spotify sign-in is under way in this browser: start again";
    public static final String STATE_MISMATCH = "This Spotify sign-in does not belong to this browser: start again";
    public static final String CANCELLED = "Spotify sign-in was cancelled";
    public static final String REFUSED = "Spotify refused the sign-in: start again";
    public static final String UNAVAILABLE = "Spotify is not answering: try again in a minute";
    public static final String LINKED_ELSEWHERE = "This Spotify account is linked to another Pika! account";
    public static final String OTHER_SPOTIFY_ACCOUNT = "This Pika! account is linked to another Spotify account";
    public static final String RECONNECT = "Spotify no longer accepts this link: reconnect Spotify";
    public static final String NOT_LINKED = "This account has no Spotify link";
    public static final String EXPIRED = "This Spotify sign-in took too long: start again";

    private SpotifyMessages() {
    }
}
