package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A DJ's account from registration to a regenerated token, against the real server and database. */
@ExtendWith(TestServer.class)
class AuthFlowIT {

    private static final String TOKEN_SHAPE = "pk_dj_[0-9a-f]{32}";

    @Test
    void registerLoginMeRegenerate() throws Exception {
        Api api = Api.newClient();
        String unique = Long.toHexString(System.nanoTime());
        String email = "Mixed.Case-" + unique + "@Example.COM";

        Api.Reply registered = api.post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse\",\"displayName\":\"  Élodie " + unique + " \"}");
        assertEquals(201, registered.status(), registered::toString);
        assertFalse(registered.containsNull(), registered::toString);
        JsonObject user = registered.json().getJsonObject("user");
        assertTrue(registered.json().getBoolean("success"));
        assertEquals(email.toLowerCase(), user.getString("email"));
        assertEquals("Élodie " + unique, user.getString("displayName"));
        assertEquals("elodie-" + unique, user.getString("slug"));
        String registerToken = registered.json().getString("token");
        assertTrue(registerToken.matches(TOKEN_SHAPE), registerToken);

        Api.Reply login = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
        assertEquals(200, login.status(), login::toString);
        String loginToken = login.json().getString("token");
        assertTrue(loginToken.matches(TOKEN_SHAPE));
        assertNotEquals(registerToken, loginToken);
        assertEquals(user, login.json().getJsonObject("user"));

        Api.Reply me = api.get("/api/auth/me", "Authorization", "Bearer " + loginToken);
        assertEquals(200, me.status(), me::toString);
        assertTrue(me.json().getBoolean("success"));
        assertEquals(user, me.json().getJsonObject("user"));

        Api.Reply regenerated = api.post("/api/auth/regenerate-token", "", "Authorization", "Bearer " + loginToken);
        assertEquals(200, regenerated.status(), regenerated::toString);
        String newToken = regenerated.json().getString("token");
        assertTrue(newToken.matches(TOKEN_SHAPE));

        Api.Reply oldRejected = api.get("/api/auth/me", "Authorization", "Bearer " + loginToken);
        assertEquals(401, oldRejected.status());
        assertEquals("Invalid token", oldRejected.error());
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + newToken).status());
        // Regenerating revokes only the presented token: the desktop's token from registration still works.
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + registerToken).status());

        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE)) {
            List<String> stored = new ArrayList<>();
            try (PreparedStatement tokens = db.prepareStatement(
                    "SELECT t.token_hash FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?")) {
                tokens.setString(1, email.toLowerCase());
                try (ResultSet rows = tokens.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            assertEquals(List.of(sha256(newToken), sha256(registerToken)).stream().sorted().toList(),
                    stored.stream().sorted().toList(), "only the hashes of the live tokens are stored");
            assertNoRawTokenAnywhere(db, List.of(registerToken, loginToken, newToken));
        }
    }

    @Test
    void passwordIsStoredAsPbkdf2Hash() throws Exception {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "plain-text-secret");
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            query.setLong(1, dj.getJsonObject("user").getJsonNumber("id").longValue());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                String hash = row.getString(1);
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:210000:"), hash);
                assertFalse(hash.contains("plain-text-secret"));
            }
        }
    }

    @Test
    void everySignInIssuesItsOwnToken() {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "password-1");
        String email = dj.getJsonObject("user").getString("email");
        String first = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"password-1\"}").json().getString("token");
        String second = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"password-1\"}").json().getString("token");
        assertNotEquals(first, second);
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + first).status());
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + second).status());
    }

    /** No text column of any table holds any of the raw tokens. */
    private static void assertNoRawTokenAnywhere(Connection db, List<String> tokens) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.contains("user_tokens"));
        for (String table : tables) {
            for (String token : tokens) {
                try (PreparedStatement find = db.prepareStatement(
                        "SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                    find.setString(1, "%" + token.substring("pk_dj_".length()) + "%");
                    try (ResultSet count = find.executeQuery()) {
                        count.next();
                        assertEquals(0, count.getLong(1), "raw token found in table " + table);
                    }
                }
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
