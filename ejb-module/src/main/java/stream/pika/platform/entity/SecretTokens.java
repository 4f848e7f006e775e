package stream.pika.platform.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer secrets (sign-in tokens, calendar feed tokens): a prefix that says what it is, then 32
 * lower-case hex characters (128 random bits). Only their SHA-256 is ever stored.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern RANDOM_PART = Pattern.compile("[0-9a-f]{32}");

    private SecretTokens() {
    }

    public static String newToken(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }

    /** Whether the text has the shape of a token with this prefix; anything else is refused without a lookup. */
    public static boolean wellFormed(String prefix, String token) {
        return token != null && token.length() == prefix.length() + 32 && token.startsWith(prefix)
                && RANDOM_PART.matcher(token.substring(prefix.length())).matches();
    }

    /** The stored form of a token: its SHA-256 as 64 lower-case hex characters. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
