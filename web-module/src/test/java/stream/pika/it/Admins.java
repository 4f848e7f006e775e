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

    /** {@code Authorization: Bearer <token>}, then any more header names and values. */
    public static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    /** {@code GET /api/auth/me} of a token, asserted 200. */
    public static JsonObject me(Api api, String token) {
        Api.Reply me = api.get("/api/auth/me", bearer(token));
        assertEquals(200, me.status(), me::toString);
        return me.json();
    }

    /** A new organizer, applied and approved: its token. */
    public static String organizerToken() {
        return organizerToken(Api::newClient);
    }

    /** {@link #organizerToken()} on a server of the test's own (a cluster's node). */
    public static String organizerToken(java.util.function.Supplier<Api> clients) {
        return newOrganizer(clients).token();
    }

    /** An account that signs in with an e-mail and a password, and its API token. */
    public record Account(String email, String password, String token) {
    }

    /** A new organizer, applied and approved, on the shared server. */
    public static Account newOrganizer() {
        return newOrganizer(Api::newClient);
    }

    public static Account newOrganizer(java.util.function.Supplier<Api> clients) {
        Api api = clients.get();
        String email = "organizer-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply applied = api.post("/api/auth/register/organizer", "{\"email\":\"" + email
                + "\",\"password\":\"organizer password\",\"displayName\":\"Organizer " + java.util.UUID.randomUUID().toString().substring(0, 6)
                + "\",\"organization\":\"Westie Events\"}");
        assertEquals(201, applied.status(), applied::toString);
        Api.Reply login = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"organizer password\"}");
        assertEquals(200, login.status(), login::toString);
        String token = login.json().getString("token");
        long applicationId = me(api, token).getJsonObject("organizerApplication").getJsonNumber("id").longValue();
        Api admin = clients.get();
        Api.Reply approved = admin.post("/api/admin/applications/" + applicationId + "/approve", "", bearer(firstAdminToken(admin)));
        assertEquals(200, approved.status(), approved::toString);
        return new Account(email, "organizer password", token);
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

    /** An event of this organizer's (created through the API, published when asked): its id. */
    public static long event(Account organizer, String name, java.time.Instant opens, java.time.Duration length, String timeZone,
                             boolean published) {
        Api api = Api.newClient();
        Api.Reply created = api.post("/api/events", "{\"name\":\"" + name + "\",\"startsAt\":\"" + opens + "\",\"endsAt\":\""
                + opens.plus(length) + "\",\"timeZone\":\"" + timeZone + "\"}", bearer(organizer.token()));
        org.junit.jupiter.api.Assertions.assertEquals(201, created.status(), created::toString);
        long eventId = created.json().getJsonObject("event").getJsonNumber("id").longValue();
        if (published) {
            Api.Reply publish = api.post("/api/events/" + eventId + "/publish", "", bearer(organizer.token()));
            org.junit.jupiter.api.Assertions.assertEquals(200, publish.status(), publish::toString);
        }
        return eventId;
    }
}
