package stream.pika.it;

import jakarta.json.JsonObject;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test DJs with unique e-mails and names, registered through the real API. */
public final class Djs {

    private Djs() {
    }

    /** A registration body for a DJ nobody else uses. */
    public static String newRegistration(String password) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return "{\"email\":\"dj-" + unique + "@example.com\",\"password\":\"" + password
                + "\",\"displayName\":\"DJ " + unique + "\"}";
    }

    /** Registers a new DJ and returns the answer's JSON (user and token). */
    public static JsonObject register(Api api, String password) {
        Api.Reply reply = api.post("/api/auth/register", newRegistration(password));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    /** What the server stores of a token: its SHA-256 in hex. */
    public static String tokenHash(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
