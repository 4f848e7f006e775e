package stream.pika.it;

import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin side of the tests: the first admin's sign-in and the admin API. */
public final class Admins {

    private Admins() {
    }

    /** A fresh token of the first admin ({@link TestServer#ADMIN_EMAIL}). */
    public static String firstAdminToken(Api api) {
        Api.Reply login = api.post("/api/auth/login",
                "{\"email\":\"" + TestServer.ADMIN_EMAIL + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        assertEquals(200, login.status(), login::toString);
        return login.json().getString("token");
    }

    public static long firstAdminId(Api api) {
        Api.Reply me = api.get("/api/auth/me", bearer(firstAdminToken(api)));
        return me.json().getJsonObject("user").getJsonNumber("id").longValue();
    }

    public static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    /** {@code GET /api/auth/me} of a token, asserted 200. */
    public static JsonObject me(Api api, String token) {
        Api.Reply me = api.get("/api/auth/me", bearer(token));
        assertEquals(200, me.status(), me::toString);
        return me.json();
    }

    /** Runs one statement against the shared server's database; returns the rows changed. */
    public static int sql(String statement, Object... parameters) throws SQLException {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement prepared = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        }
    }
}
