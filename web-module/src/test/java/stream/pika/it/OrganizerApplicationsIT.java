package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 3: organizer applications end to end. A newcomer applies with a new account,
 * signs in while pending without organizer rights, and is approved or rejected by an admin; a
 * rejected applicant applies again after 7 days; a DJ applies with its own account.
 */
@ExtendWith(TestServer.class)
class OrganizerApplicationsIT {

    private static final String PASSWORD = "organizer password";

    @Test
    void aNewcomerAppliesSignsInWhilePendingAndIsApproved() {
        Api newcomer = Api.newClient();
        String email = "organizer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply applied = newcomer.post("/api/auth/register/organizer", signUp(email, "Swing Nights Org"));
        assertEquals(201, applied.status(), applied::toString);
        assertEquals(jakarta.json.Json.createObjectBuilder().add("success", true).add("status", "pending").build(), applied.json());

        String token = login(newcomer, email);
        JsonObject me = Admins.me(newcomer, token);
        assertEquals("pending", me.getString("status"));
        assertEquals(List.of(), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString), "no organizer rights yet");
        assertEquals("pending", me.getJsonObject("organizerApplication").getString("status"));
        assertEquals("Swing Nights Org", me.getJsonObject("organizerApplication").getString("organization"));
        long userId = me.getJsonObject("user").getJsonNumber("id").longValue();

        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        JsonObject inbox = pendingPageWith(admin, adminToken, userId);
        long applicationId = application(inbox, userId).getJsonNumber("id").longValue();
        assertEquals(email, application(inbox, userId).getString("email"));

        Api.Reply approved = admin.post("/api/admin/applications/" + applicationId + "/approve", "", Admins.bearer(adminToken));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("approved", approved.json().getJsonObject("application").getString("status"));
        JsonObject after = Admins.me(newcomer, token);
        assertEquals("active", after.getString("status"));
        assertEquals(List.of("organizer"), after.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString),
                "the same token carries the new role at once");

        Api.Reply again = admin.post("/api/admin/applications/" + applicationId + "/approve", "", Admins.bearer(adminToken));
        assertEquals(409, again.status(), again::toString);
        assertEquals("This application was decided already", again.error());
        JsonObject audit = admin.get("/api/admin/audit?target=" + applicationId + "&action=organizer_application.approve",
                Admins.bearer(adminToken)).json();
        assertEquals(1, audit.getJsonArray("items").size(), audit::toString);
        JsonObject row = audit.getJsonArray("items").getJsonObject(0);
        assertEquals(Admins.firstAdminId(admin), row.getJsonNumber("actorId").longValue());
        assertEquals(admin.clientIp(), row.getString("clientIp"));
        assertEquals("user " + userId, row.getString("details"));
    }

    @Test
    void aRejectedApplicantSeesTheReasonAndAppliesAgainAfterSevenDays() throws Exception {
        Api newcomer = Api.newClient();
        String email = "rejected-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertEquals(201, newcomer.post("/api/auth/register/organizer", signUp(email, "Maybe Events")).status());
        String token = login(newcomer, email);
        long userId = Admins.me(newcomer, token).getJsonObject("user").getJsonNumber("id").longValue();

        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        long applicationId = application(pendingPageWith(admin, adminToken, userId), userId).getJsonNumber("id").longValue();
        Api.Reply noReason = admin.post("/api/admin/applications/" + applicationId + "/reject", "{}", Admins.bearer(adminToken));
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("A reason is required", noReason.error());
        Api.Reply rejected = admin.post("/api/admin/applications/" + applicationId + "/reject",
                "{\"reason\":\"Please tell us about your events\"}", Admins.bearer(adminToken));
        assertEquals(200, rejected.status(), rejected::toString);

        JsonObject me = Admins.me(newcomer, token);
        assertEquals("rejected", me.getString("status"));
        assertEquals("Please tell us about your events", me.getJsonObject("organizerApplication").getString("reason"));
        Api.Reply tooSoon = newcomer.post("/api/me/organizer-application", details("Maybe Events"), Admins.bearer(token));
        assertEquals(409, tooSoon.status(), tooSoon::toString);
        assertTrue(tooSoon.error().startsWith("You can apply again from "), tooSoon::toString);

        assertEquals(1, Admins.sql("UPDATE organizer_applications SET decided_at = decided_at - interval '7 days 1 minute' WHERE id = ?",
                applicationId));
        Api.Reply again = newcomer.post("/api/me/organizer-application", details("Maybe Events, the sequel"), Admins.bearer(token));
        assertEquals(201, again.status(), again::toString);
        JsonObject after = Admins.me(newcomer, token);
        assertEquals("pending", after.getString("status"));
        assertEquals("Maybe Events, the sequel", after.getJsonObject("organizerApplication").getString("organization"));
    }

    @Test
    void aDjAppliesWithItsAccountAndKeepsDjing() {
        Api api = Api.newClient();
        LiveDj dj = LiveDj.of(Djs.register(api, "dj password 1"));
        Api.Reply applied = api.post("/api/me/organizer-application",
                "{\"organization\":\"Westie Weekend\",\"website\":\"https://westie.example\",\"message\":\"I run a weekend\"}",
                Admins.bearer(dj.token));
        assertEquals(201, applied.status(), applied::toString);
        assertEquals("pending", applied.json().getString("status"));
        Api.Reply twice = api.post("/api/me/organizer-application", details("Westie Weekend"), Admins.bearer(dj.token));
        assertEquals(409, twice.status(), twice::toString);
        JsonObject me = Admins.me(api, dj.token);
        assertEquals("active", me.getString("status"), "a DJ's account stays active while it applies");

        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        long applicationId = applied.json().getJsonObject("application").getJsonNumber("id").longValue();
        assertEquals(200, admin.post("/api/admin/applications/" + applicationId + "/approve", "", Admins.bearer(adminToken)).status());
        assertEquals(List.of("dj", "organizer"), Admins.me(api, dj.token).getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString::getString));
        Api.Reply organizerAlready = api.post("/api/me/organizer-application", details("Westie Weekend"), Admins.bearer(dj.token));
        assertEquals(409, organizerAlready.status());
        assertEquals("This account is an organizer already", organizerAlready.error());
        try (LiveDj live = dj.connect()) {
            live.register(LiveDj.newSessionId());
        }
    }

    @Test
    void applicationsAreValidatedRateLimitedAndOnlyAdminsDecide() {
        Api api = Api.newClient();
        String email = "org-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply missing = api.post("/api/auth/register/organizer",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Org A\"}");
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("Email, password, display name and organization are required", missing.error());
        Api.Reply badSite = api.post("/api/auth/register/organizer", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Org A\",\"organization\":\"A\",\"website\":\"javascript:alert(1)\"}");
        assertEquals(400, badSite.status(), badSite::toString);
        assertEquals("Website must be an http(s) address", badSite.error());
        Api.Reply third = api.post("/api/auth/register/organizer", signUp(email, "Org A"));
        assertEquals(201, third.status(), "the third attempt from this address: " + third);
        Api.Reply fourth = api.post("/api/auth/register/organizer", signUp("other-" + email, "Org B"));
        assertEquals(429, fourth.status(), "3 per 15 minutes per client IP: " + fourth);
        Api.Reply taken = Api.newClient().post("/api/auth/register/organizer", signUp(email, "Org C"));
        assertEquals(409, taken.status(), taken::toString);
        assertEquals("Email already registered", taken.error());

        String organizerToken = login(api, email);
        Api.Reply notAdmin = api.get("/api/admin/applications", Admins.bearer(organizerToken));
        assertEquals(403, notAdmin.status(), notAdmin::toString);
        assertEquals("Not allowed for this account", notAdmin.error());
        Api.Reply anonymous = api.get("/api/admin/applications");
        assertEquals(401, anonymous.status(), anonymous::toString);
        String adminToken = Admins.firstAdminToken(api);
        assertEquals(404, api.post("/api/admin/applications/999999999/approve", "", Admins.bearer(adminToken)).status());
        Api.Reply badStatus = api.get("/api/admin/applications?status=maybe", Admins.bearer(adminToken));
        assertEquals(400, badStatus.status(), badStatus::toString);
        assertFalse(badStatus.body().contains("Exception"));
    }

    private static String signUp(String email, String organization) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Org " + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"organization\":\"" + organization + "\",\"message\":\"We run socials every Friday\"}";
    }

    private static String details(String organization) {
        return "{\"organization\":\"" + organization + "\"}";
    }

    private static String login(Api api, String email) {
        Api.Reply login = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, login.status(), "a pending organizer signs in: " + login);
        return login.json().getString("token");
    }

    /** Walks the pending inbox until the user's application shows up. */
    private static JsonObject pendingPageWith(Api admin, String adminToken, long userId) {
        for (int page = 1; page < 100; page++) {
            Api.Reply inbox = admin.get("/api/admin/applications?status=pending&page=" + page, Admins.bearer(adminToken));
            assertEquals(200, inbox.status(), inbox::toString);
            if (application(inbox.json(), userId) != null) {
                return inbox.json();
            }
            if (inbox.json().getJsonArray("items").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no pending application of user " + userId);
    }

    private static JsonObject application(JsonObject page, long userId) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("userId").longValue() == userId).findFirst().orElse(null);
    }
}
