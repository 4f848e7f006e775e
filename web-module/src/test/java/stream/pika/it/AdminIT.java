package stream.pika.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 4 and 8: admins grant and remove roles, suspend and reinstate, never remove the
 * last admin; every action leaves an audit row, and the audit log refuses UPDATE, DELETE and TRUNCATE.
 */
@ExtendWith(TestServer.class)
class AdminIT {

    @Test
    void rolesAndSuspensionsTakeEffectAtOnceAndAreAudited() throws Exception {
        Api api = Api.newClient();
        LiveDj dj = LiveDj.of(Djs.register(api, "dj password 1"));
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        String user = "/api/admin/users/" + dj.accountId;

        Api.Reply both = admin.put(user + "/roles", "{\"roles\":[\"dj\",\"organizer\"]}", Admins.bearer(adminToken));
        assertEquals(200, both.status(), both::toString);
        assertEquals(List.of("dj", "organizer"), roles(Admins.me(api, dj.token)));
        Api.Reply organizerOnly = admin.put(user + "/roles", "{\"roles\":[\"organizer\"]}", Admins.bearer(adminToken));
        assertEquals(200, organizerOnly.status(), organizerOnly::toString);
        assertRefusedLive(dj.token);
        assertEquals(200, admin.put(user + "/roles", "{\"roles\":[\"dj\"]}", Admins.bearer(adminToken)).status());

        Api.Reply suspended = admin.post(user + "/suspend", "{\"reason\":\"Spam announcements\"}", Admins.bearer(adminToken));
        assertEquals(200, suspended.status(), suspended::toString);
        assertEquals("suspended", suspended.json().getJsonObject("user").getString("status"));
        assertEquals(401, api.get("/api/auth/me", Admins.bearer(dj.token)).status(), "a suspended account's token stops at once");
        assertRefusedLive(dj.token);
        assertEquals(409, admin.post(user + "/suspend", "{\"reason\":\"again\"}", Admins.bearer(adminToken)).status());
        Api.Reply reinstated = admin.post(user + "/reinstate", "{\"reason\":\"Apologised\"}", Admins.bearer(adminToken));
        assertEquals(200, reinstated.status(), reinstated::toString);
        assertEquals("active", Admins.me(api, dj.token).getString("status"));

        JsonObject audit = admin.get("/api/admin/audit?target=" + dj.accountId, Admins.bearer(adminToken)).json();
        List<String> actions = audit.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(row -> row.getString("action") + "|" + row.getString("reason", "") + "|" + row.getString("details", "")).toList();
        assertEquals(List.of("user.reinstate|Apologised|", "user.suspend|Spam announcements|was active",
                "user.roles||[organizer] -> [dj]", "user.roles||[dj, organizer] -> [organizer]", "user.roles||[dj] -> [dj, organizer]"),
                actions, "newest first");
        long adminId = Admins.firstAdminId(admin);
        audit.getJsonArray("items").getValuesAs(JsonObject.class).forEach(row -> {
            assertEquals(adminId, row.getJsonNumber("actorId").longValue());
            assertEquals(admin.clientIp(), row.getString("clientIp"));
            assertTrue(row.getString("occurredAt").endsWith("Z"), row::toString);
        });
        JsonObject byActionAndTime = admin.get("/api/admin/audit?target=" + dj.accountId + "&action=user.suspend&from="
                + audit.getJsonArray("items").getJsonObject(1).getString("occurredAt") + "&actor=" + adminId, Admins.bearer(adminToken)).json();
        assertEquals(1, byActionAndTime.getJsonArray("items").size(), byActionAndTime::toString);
        Api.Reply badTime = admin.get("/api/admin/audit?from=yesterday", Admins.bearer(adminToken));
        assertEquals(400, badTime.status(), badTime::toString);
        assertEquals(403, api.get("/api/admin/audit", Admins.bearer(dj.token)).status(), "a DJ does not read the audit trail");
    }

    /** Item 2: an open DJ connection is closed when its account is suspended or loses the DJ role. */
    @Test
    void anOpenDjConnectionStopsWhenItsAccountIsSuspendedOrLosesTheRole() {
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        LiveDj suspended = LiveDj.signUp().connect();
        suspended.register(LiveDj.newSessionId());
        assertEquals(200, admin.post("/api/admin/users/" + suspended.accountId + "/suspend", "{\"reason\":\"Stolen laptop\"}",
                Admins.bearer(adminToken)).status());
        WsClient.Closed closed = suspended.ws.awaitClose(LiveDj.WAIT);
        assertEquals(4001, closed.code());
        assertEquals("Invalid token", closed.reason());

        LiveDj demoted = LiveDj.signUp().connect();
        String session = LiveDj.newSessionId();
        demoted.register(session);
        try (WsClient dancer = Dancer.following(session)) {
            assertEquals(200, admin.put("/api/admin/users/" + demoted.accountId + "/roles", "{\"roles\":[\"dancer\"]}",
                    Admins.bearer(adminToken)).status());
            assertEquals(4001, demoted.ws.awaitClose(LiveDj.WAIT).code());
            assertRefusedLive(demoted.token);
        }
    }

    @Test
    void noAdminRemovesTheLastAdminEvenTwoAtOnce() throws Exception {
        Api api = Api.newClient();
        String firstToken = Admins.firstAdminToken(api);
        long firstId = Admins.firstAdminId(api);
        try {
            // Only the first admin is an active admin now (other classes may have made more).
            Admins.sql("DELETE FROM user_roles WHERE role = 'admin' AND user_id <> ?", firstId);
            Api.Reply self = api.put("/api/admin/users/" + firstId + "/roles", "{\"roles\":[]}", Admins.bearer(firstToken));
            assertEquals(409, self.status(), self::toString);
            assertEquals("This is the last active admin: make another admin first", self.error());
            Api.Reply suspendSelf = api.post("/api/admin/users/" + firstId + "/suspend", "{\"reason\":\"x\"}", Admins.bearer(firstToken));
            assertEquals(409, suspendSelf.status(), suspendSelf::toString);

            // A second admin; then each removes the other's admin role at the same moment.
            Api secondApi = Api.newClient();
            LiveDj second = LiveDj.of(Djs.register(secondApi, "second admin pw"));
            assertEquals(200, api.put("/api/admin/users/" + second.accountId + "/roles", "{\"roles\":[\"admin\",\"dj\"]}",
                    Admins.bearer(firstToken)).status());
            CompletableFuture<Api.Reply> firstRemovesSecond = CompletableFuture.supplyAsync(() -> api.put(
                    "/api/admin/users/" + second.accountId + "/roles", "{\"roles\":[\"dj\"]}", Admins.bearer(firstToken)));
            CompletableFuture<Api.Reply> secondRemovesFirst = CompletableFuture.supplyAsync(() -> secondApi.put(
                    "/api/admin/users/" + firstId + "/roles", "{\"roles\":[]}", Admins.bearer(second.token)));
            List<Integer> statuses = List.of(firstRemovesSecond.join().status(), secondRemovesFirst.join().status());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one wins: " + statuses);
            assertEquals(1, activeAdmins(), "one active admin is left");
        } finally {
            // The first admin stays an admin for the other classes.
            Admins.sql("INSERT INTO user_roles (user_id, role) VALUES (?, 'admin') ON CONFLICT DO NOTHING", firstId);
        }
    }

    @Test
    void theAuditLogIsAppendOnly() throws Exception {
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        LiveDj dj = LiveDj.of(Djs.register(Api.newClient(), "dj password 1"));
        assertEquals(200, admin.put("/api/admin/users/" + dj.accountId + "/roles", "{\"roles\":[\"dj\",\"dancer\"]}",
                Admins.bearer(adminToken)).status());
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); Statement sql = db.createStatement()) {
            for (String change : List.of("UPDATE audit_log SET reason = 'nothing happened'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(change), change);
                assertTrue(refused.getMessage().contains("audit_log is append-only"), refused::getMessage);
            }
        }
        JsonObject audit = admin.get("/api/admin/audit?target=" + dj.accountId, Admins.bearer(adminToken)).json();
        assertEquals(1, audit.getJsonArray("items").size(), "the row is still there: " + audit);
    }

    @Test
    void badAdminRequestsGetClearAnswers() {
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        Api.Reply unknownRole = admin.put("/api/admin/users/1/roles", "{\"roles\":[\"king\"]}", Admins.bearer(adminToken));
        assertEquals(400, unknownRole.status(), unknownRole::toString);
        assertEquals("Unknown role", unknownRole.error());
        Api.Reply noUser = admin.put("/api/admin/users/999999999/roles", "{\"roles\":[\"dj\"]}", Admins.bearer(adminToken));
        assertEquals(404, noUser.status(), noUser::toString);
        Api.Reply badId = admin.post("/api/admin/users/abc/suspend", "{\"reason\":\"x\"}", Admins.bearer(adminToken));
        assertEquals(400, badId.status(), badId::toString);
        for (String list : List.of("applications", "users", "shadow-bans", "audit")) {
            Api.Reply badPage = admin.get("/api/admin/" + list + "?page=x", Admins.bearer(adminToken));
            assertEquals(400, badPage.status(), badPage::toString);
            assertTrue(badPage.error().startsWith("page must be between 1 and"), badPage::toString);
        }
        Api.Reply search = admin.get("/api/admin/users?q=" + TestServer.ADMIN_EMAIL.substring(0, 11) + "&role=admin", Admins.bearer(adminToken));
        assertEquals(200, search.status(), search::toString);
        assertTrue(search.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(u -> u.getString("email").equals(TestServer.ADMIN_EMAIL)), search::toString);
    }

    private static List<String> roles(JsonObject me) {
        return me.getJsonArray("roles").getValuesAs(JsonString::getString);
    }

    private static long activeAdmins() throws SQLException {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); Statement sql = db.createStatement();
             var rows = sql.executeQuery("SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id"
                     + " WHERE r.role = 'admin' AND u.status = 'active'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** REGISTER_SESSION with the token gets the same close as a bad token. */
    static void assertRefusedLive(String token) {
        try (WsClient desktop = WsClient.connect()) {
            desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + LiveDj.newSessionId() + "\",\"token\":\"" + token + "\"}");
            WsClient.Closed closed = desktop.awaitClose(LiveDj.WAIT);
            assertEquals(4001, closed.code());
            assertEquals("Invalid token", closed.reason());
        }
    }
}
