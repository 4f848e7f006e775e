package stream.pika.identity.control;

import stream.pika.platform.entity.SecretTokens;

/** Sign-in tokens of every role: {@code pk_dj_} (the original's prefix) + 128 random bits, kept only as SHA-256. */
public final class DjTokenFactory {

    public static final String PREFIX = "pk_dj_";

    private DjTokenFactory() {
    }

    public static String newToken() {
        return SecretTokens.newToken(PREFIX);
    }

    /** Whether the text has the shape of a sign-in token; anything else is refused without a lookup. */
    public static boolean wellFormed(String token) {
        return SecretTokens.wellFormed(PREFIX, token);
    }

    /** The stored form of a token: its SHA-256 as 64 lower-case hex characters. */
    public static String hash(String token) {
        return SecretTokens.hash(token);
    }
}
