package stream.pika.identity.entity;

/** What Spotify's token endpoint answered; {@code refreshToken} only on a code exchange (or a rotation). */
public record SpotifyTokens(String accessToken, String refreshToken, long expiresInSeconds, String scope) {

    @Override
    public String toString() {
        return "SpotifyTokens[expiresIn=" + expiresInSeconds + ", scope=" + scope + "]"; // never the tokens
    }
}
