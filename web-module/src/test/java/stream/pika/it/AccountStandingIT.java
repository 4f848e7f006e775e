package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, item 2: a token carries its account's roles and status as they are at each request,
 * not at its issue. The account is changed in the database here, as the admin routes (suspend,
 * roles) will change it.
 */
@ExtendWith(TestServer.class)
class AccountStandingIT {

    private static final String FINGERPRINTS = "{\"tracks\":[{\"artist\":\"A\",\"title\":\"T\"}]}";

    @Test
    void aSuspendedAccountsTokensAndPasswordStopWorkingAtOnce() throws Exception {
        Api api = Api.newClient();
        JsonObject signedIn = Djs.register(api, "standing-password");
        LiveDj dj = LiveDj.of(signedIn);
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + dj.token).status());

        update("UPDATE users SET status = 'suspended' WHERE id = ?", dj.accountId);
        Api.Reply me = api.get("/api/auth/me", "Authorization", "Bearer " + dj.token);
        assertEquals(401, me.status(), me::toString);
        assertEquals("Invalid token", me.error());
        Api.Reply regenerate = api.post("/api/auth/regenerate-token", "", "Authorization", "Bearer " + dj.token);
        assertEquals(401, regenerate.status(), "a suspended account gets no new token: " + regenerate);
        Api.Reply login = api.post("/api/auth/login", "{\"email\":\"" + signedIn.getJsonObject("user").getString("email")
                + "\",\"password\":\"standing-password\"}");
        assertEquals(401, login.status(), login::toString);
        assertEquals("Account suspended", login.error());
        assertRefusedLive(dj.token);

        update("UPDATE users SET status = 'active' WHERE id = ?", dj.accountId);
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + dj.token).status(), "reinstated: the token works again");
    }

    @Test
    void aRemovedDjRoleStopsCountingOnTheNextRequest() throws Exception {
        Api api = Api.newClient();
        LiveDj dj = LiveDj.of(Djs.register(api, "standing-password"));
        update("DELETE FROM user_roles WHERE user_id = ? AND role = 'dj'", dj.accountId);

        Api.Reply fingerprints = api.post("/api/sessions/" + LiveDj.newSessionId() + "/sync-fingerprints", FINGERPRINTS,
                "Authorization", "Bearer " + dj.token);
        assertEquals(403, fingerprints.status(), "signed in, but no longer a DJ: " + fingerprints);
        assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + dj.token).status(), "still signed in");
        assertRefusedLive(dj.token);

        update("INSERT INTO user_roles (user_id, role) VALUES (?, 'dj')", dj.accountId);
        assertEquals(404, api.post("/api/sessions/" + LiveDj.newSessionId() + "/sync-fingerprints", FINGERPRINTS,
                "Authorization", "Bearer " + dj.token).status(), "the role is back (and that set is not the DJ's)");
        try (LiveDj again = dj.another().connect()) {
            again.register(LiveDj.newSessionId());
        }
    }

    /** REGISTER_SESSION with the token gets the same close as a bad token. */
    private static void assertRefusedLive(String token) {
        try (WsClient desktop = WsClient.connect()) {
            desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + LiveDj.newSessionId() + "\",\"token\":\"" + token + "\"}");
            WsClient.Closed closed = desktop.awaitClose(LiveDj.WAIT);
            assertEquals(4001, closed.code());
            assertEquals("Invalid token", closed.reason());
        }
    }

    private static void update(String sql, long accountId) throws SQLException {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, accountId);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }
}
