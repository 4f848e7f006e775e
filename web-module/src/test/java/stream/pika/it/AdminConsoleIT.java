package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: the admin console in a real browser. The first admin approves an organizer
 * application, shadow-bans a dancer's device and a dancer's account, and finds each act in the
 * audit trail; a DJ and a dancer are refused both dashboards (403 page, never the data), and a
 * browser that is not signed in is sent to the sign-in page.
 */
@ExtendWith(TestServer.class)
class AdminConsoleIT {

    @RegisterExtension
    static final Browser.Pages PAGES = new Browser.Pages();

    @Test
    void theAdminApprovesAnApplicationShadowBansADancerAndFindsBothInTheAuditTrail() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Api newcomer = Api.newClient();
        Api.Reply applied = newcomer.post("/api/auth/register/organizer", "{\"email\":\"applicant-" + unique
                + "@example.com\",\"password\":\"applicant password\",\"displayName\":\"Applicant " + unique
                + "\",\"organization\":\"Harbour Swing " + unique + "\"}");
        assertEquals(201, applied.status(), applied::toString);
        JsonObject dancer = dancerAccount("Dancer " + unique);
        long dancerId = dancer.getJsonObject("user").getJsonNumber("id").longValue();
        String dancerDevice = Dancer.newClientId();

        Browser admin = Browser.open("admin-desktop", Browser.DESKTOP);
        admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, "/admin/");
        admin.waitUntilText(By.id("areas:applications:kinds:pending"), "Harbour Swing " + unique);
        admin.screenshot("admin-applications-desktop");
        WebElement row = admin.driver().findElement(By.xpath(
                "//tbody[@id='areas:applications:kinds:pending_data']/tr[contains(., 'Harbour Swing " + unique + "')]"));
        row.findElement(By.cssSelector("button.approve")).click();
        admin.waitUntilText(By.id("areas:applications:notices"), "is an organizer now");
        assertFalse(admin.text(By.id("areas:applications:kinds:pending")).contains("Harbour Swing " + unique),
                "an approved application leaves the inbox");
        Api api = Api.newClient();
        JsonObject organizer = Admins.me(api, api.post("/api/auth/login", "{\"email\":\"applicant-" + unique
                + "@example.com\",\"password\":\"applicant password\"}").json().getString("token"));
        assertTrue(organizer.getJsonArray("roles").toString().contains("organizer"), organizer::toString);

        // A dancer's account, found by name, shadow-banned with a reason.
        admin.driver().findElement(By.cssSelector("a[href='#areas:users-tab']")).click();
        admin.waitFor(By.id("areas:users:text")).sendKeys("Dancer " + unique);
        admin.driver().findElement(By.id("areas:users:search")).click();
        admin.waitUntilText(By.id("areas:users:list"), "Dancer " + unique);
        admin.ajaxDone();
        admin.driver().findElement(By.cssSelector("#areas\\:users\\:list button.shadow-ban")).click();
        admin.waitFor(By.id("areas:ban-form:reason")).sendKeys("Spams thank-yous");
        admin.driver().findElement(By.id("areas:ban-form:confirm-ban")).click();
        admin.waitUntilText(By.id("areas:users:notices"), "is shadow-banned");
        admin.screenshot("admin-users-desktop");

        // A dancer's phone (its client id), shadow-banned from the bans tab.
        admin.driver().findElement(By.cssSelector("a[href='#areas:bans-tab']")).click();
        admin.waitFor(By.id("areas:bans:client-id")).sendKeys(dancerDevice);
        admin.driver().findElement(By.id("areas:bans:reason")).sendKeys("Floods tempo votes");
        admin.driver().findElement(By.id("areas:bans:ban-device")).click();
        admin.waitUntilText(By.id("areas:bans:notices"), "Device " + dancerDevice + " is shadow-banned");
        admin.waitUntilText(By.id("areas:bans:list"), "device " + dancerDevice);
        admin.ajaxDone();

        // Both in the audit trail, found with its filters.
        admin.driver().findElement(By.cssSelector("a[href='#areas:audit-tab']")).click();
        admin.waitFor(By.id("areas:audit:action")).sendKeys("shadow_ban.create");
        admin.driver().findElement(By.id("areas:audit:filter")).click();
        admin.ajaxDone();
        admin.waitUntilText(By.id("areas:audit:entries"), dancerDevice);
        String trail = admin.text(By.id("areas:audit:entries"));
        assertTrue(trail.contains("user " + dancerId) && trail.contains("Spams thank-yous"), trail);
        assertTrue(trail.contains("Floods tempo votes"), trail);
        assertFalse(trail.contains("organizer_application.approve"), "the action filter holds: " + trail);
        WebElement action = admin.driver().findElement(By.id("areas:audit:action"));
        action.clear();
        action.sendKeys("organizer_application.approve");
        admin.driver().findElement(By.id("areas:audit:filter")).click();
        admin.waitUntilText(By.id("areas:audit:entries"), "organizer_application.approve");
        admin.ajaxDone();
        admin.screenshot("admin-audit-desktop");

        // System health: this node's figures, refreshed every 5 seconds without a reload.
        try (WsClient listener = WsClient.connect()) {
            admin.driver().findElement(By.cssSelector("a[href='#areas:health-tab']")).click();
            admin.waitFor(By.id("areas:health:nodes"));
            String asOf = admin.text(By.cssSelector("#areas\\:health\\:figures p.muted"));
            Waits.until(() -> !admin.text(By.cssSelector("#areas\\:health\\:figures p.muted")).equals(asOf), java.time.Duration.ofSeconds(12),
                    "the health figures refreshed");
            Waits.until(() -> Integer.parseInt(admin.text(By.id("open-connections"))) >= 1, java.time.Duration.ofSeconds(12),
                    "the open WebSocket counted");
            assertTrue(admin.text(By.id("areas:health:nodes")).contains("MB"), admin.text(By.id("areas:health:nodes")));
            assertTrue(admin.text(By.id("database")).matches("\\d+ / 32"), admin.text(By.id("database")));
            assertTrue(admin.text(By.id("live-sessions")).matches("\\d+"), admin.text(By.id("live-sessions")));
            assertTrue(admin.text(By.id("push-sent")).matches("\\d+") && admin.text(By.id("push-failed")).matches("\\d+"));
            assertTrue(admin.text(By.id("matching")).contains("runs and"), admin.text(By.id("matching")));
            assertFalse(admin.driver().findElements(By.cssSelector("#connections-plot polyline")).isEmpty(), "the last hour's plot");
            // The same figures as MicroProfile Metrics (Payara's monitoring, a Prometheus scrape).
            String metrics = Api.newClient().get("/mp-metrics?scope=application").body();
            java.util.regex.Matcher open = java.util.regex.Pattern.compile("(?m)^pika_websockets_open\\{[^}]*\\} ([0-9.E]+)$").matcher(metrics);
            assertTrue(open.find(), metrics);
            assertTrue(Double.parseDouble(open.group(1)) >= 1, metrics);
            assertTrue(metrics.contains("pika_messages_delivered"), metrics);
            admin.screenshot("admin-health-desktop");
        }
        admin.assertCleanConsole();

        Browser phone = Browser.open("admin-phone", Browser.PHONE);
        phone.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, "/admin/");
        phone.waitFor(By.id("areas"));
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        phone.screenshot("admin-applications-phone");
        phone.assertCleanConsole();
    }

    @Test
    void theAdminRejectsAnApplicationChangesRolesSuspendsReinstatesAndLiftsABan() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Api api = Api.newClient();
        Api.Reply applied = api.post("/api/auth/register/organizer", "{\"email\":\"turned-down-" + unique
                + "@example.com\",\"password\":\"applicant password\",\"displayName\":\"Turned Down " + unique
                + "\",\"organization\":\"Not A Dance Club " + unique + "\"}");
        assertEquals(201, applied.status(), applied::toString);
        LiveDj member = LiveDj.signUp();
        String device = Dancer.newClientId();
        String[] adminBearer = Admins.bearer(Admins.firstAdminToken(api));
        Api.Reply banned = api.post("/api/admin/shadow-bans", "{\"clientId\":\"" + device + "\",\"reason\":\"Votes from a script\"}", adminBearer);
        assertEquals(201, banned.status(), banned::toString);

        Browser admin = Browser.open("admin-decisions", Browser.DESKTOP);
        admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD, "/admin/");

        // Reject an application with a reason; it moves to the rejected tab and the account stays without the role.
        admin.waitUntilText(By.id("areas:applications:kinds:pending"), "Not A Dance Club " + unique);
        admin.driver().findElement(By.xpath("//tbody[@id='areas:applications:kinds:pending_data']/tr[contains(., 'Not A Dance Club "
                + unique + "')]")).findElement(By.cssSelector("button.reject")).click();
        admin.waitFor(By.id("areas:reject-form:reason")).sendKeys("We host dance events only");
        admin.driver().findElement(By.id("areas:reject-form:confirm-reject")).click();
        admin.waitUntilText(By.id("areas:applications:notices"), "The application of Turned Down " + unique + " is rejected.");
        assertFalse(admin.text(By.id("areas:applications:kinds:pending")).contains("Not A Dance Club " + unique));
        admin.driver().findElement(By.cssSelector("a[href='#areas:applications:kinds:rejected-tab']")).click();
        admin.waitUntilText(By.id("areas:applications:kinds"), "We host dance events only");
        JsonObject applicant = Admins.me(api, api.post("/api/auth/login", "{\"email\":\"turned-down-" + unique
                + "@example.com\",\"password\":\"applicant password\"}").json().getString("token"));
        assertFalse(applicant.getJsonArray("roles").toString().contains("organizer"), applicant::toString);

        // A DJ's roles: the admin adds organizer.
        admin.driver().findElement(By.cssSelector("a[href='#areas:users-tab']")).click();
        admin.waitFor(By.id("areas:users:text")).sendKeys(member.displayName);
        admin.driver().findElement(By.id("areas:users:search")).click();
        admin.waitUntilText(By.id("areas:users:list"), member.displayName);
        admin.ajaxDone();
        admin.driver().findElement(By.cssSelector("#areas\\:users\\:list button.change-roles")).click();
        WebElement organizerBox = admin.waitFor(By.xpath("//*[@id='areas:roles-form:roles']//label[normalize-space()='organizer']"));
        organizerBox.click();
        admin.driver().findElement(By.id("areas:roles-form:save-roles")).click();
        admin.waitUntilText(By.id("areas:users:notices"), member.displayName + " now holds:");
        assertTrue(admin.text(By.id("areas:users:notices")).contains("organizer"), admin.text(By.id("areas:users:notices")));
        admin.waitUntilText(By.id("areas:users:list"), "organizer");
        Api.Reply account = api.get("/api/admin/users/" + member.accountId, adminBearer);
        assertTrue(account.json().getJsonObject("user").getJsonArray("roles").toString().contains("organizer"), account::toString);

        // Suspend with a reason: its token stops; reinstate: it signs in again.
        admin.ajaxDone();
        admin.driver().findElement(By.cssSelector("#areas\\:users\\:list button.suspend")).click();
        admin.waitFor(By.id("areas:suspend-form:reason")).sendKeys("Spam announcements");
        admin.driver().findElement(By.id("areas:suspend-form:confirm-suspend")).click();
        admin.waitUntilText(By.id("areas:users:notices"), member.displayName + " is suspended.");
        admin.waitUntilText(By.id("areas:users:list"), "suspended");
        assertEquals(401, api.get("/api/auth/me", Admins.bearer(member.token)).status(), "a suspended account's token stops");
        admin.ajaxDone();
        admin.driver().findElement(By.cssSelector("#areas\\:users\\:list button.reinstate")).click();
        admin.waitUntilText(By.id("areas:users:notices"), member.displayName + " is active again.");
        assertEquals("active", api.get("/api/admin/users/" + member.accountId, adminBearer).json().getJsonObject("user").getString("status"));

        // Lift the device's ban.
        admin.driver().findElement(By.cssSelector("a[href='#areas:bans-tab']")).click();
        admin.waitUntilText(By.id("areas:bans:list"), "device " + device);
        admin.ajaxDone();
        admin.driver().findElement(By.xpath("//tbody[@id='areas:bans:list_data']/tr[contains(., 'device " + device + "')]//button[contains(@class, 'lift')]"))
                .click();
        admin.waitUntilText(By.id("areas:bans:notices"), "is lifted");
        Waits.until(() -> admin.text(By.xpath("//tbody[@id='areas:bans:list_data']/tr[contains(., 'device " + device + "')]")).contains("lifted"),
                LiveDj.WAIT, "the ban shows as lifted");

        // The health tab warns when more than 10 % of the last day's pushes failed.
        java.time.OffsetDateTime hour = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusHours(3);
        Admins.sql("INSERT INTO push_hourly (hour, sent, failed) VALUES (?, 0, 1000000) ON CONFLICT (hour) DO UPDATE SET failed = push_hourly.failed + 1000000", hour);
        try {
            admin.driver().findElement(By.cssSelector("a[href='#areas:health-tab']")).click();
            admin.waitUntilText(By.id("areas:health:push-warning"), "More than 10 % of the pushes of the last 24 hours failed");
            admin.screenshot("admin-health-warning-desktop");
        } finally {
            Admins.sql("UPDATE push_hourly SET failed = failed - 1000000 WHERE hour = ?", hour);
        }
        if (!pushFailuresAboveTenPercent()) { // other tests' pushes may have failed too
            Waits.until(() -> admin.driver().findElements(By.id("areas:health:push-warning")).isEmpty(), java.time.Duration.ofSeconds(12),
                    "the warning gone with the failures (the next refresh)");
        }
        admin.assertCleanConsole();
    }

    @Test
    void neitherADjNorADancerOpensADashboard() {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "dj password 123");
        JsonObject dancer = dancerAccount("Dancer " + UUID.randomUUID().toString().substring(0, 8));
        Browser anonymous = Browser.open("anonymous", Browser.DESKTOP);
        for (String dashboard : new String[] {"/organizer/", "/admin/", "/admin/index.xhtml", "/organizer/event.xhtml?id=1"}) {
            anonymous.go(dashboard);
            assertTrue(anonymous.driver().getCurrentUrl().contains("/signin?next="), dashboard + " → " + anonymous.driver().getCurrentUrl());
        }
        for (JsonObject account : new JsonObject[] {dj, dancer}) {
            String email = account.getJsonObject("user").getString("email");
            Browser browser = Browser.open("refused-" + email.substring(0, email.indexOf('@')), Browser.DESKTOP);
            browser.expectRefusal("/organizer/", 403);
            browser.signIn(email, "dj password 123", "/organizer/");
            for (String dashboard : new String[] {"/organizer/", "/admin/", "/organizer/event.xhtml?id=1", "/admin/index.xhtml"}) {
                browser.goRefused(dashboard, 403);
                String page = browser.driver().getPageSource();
                assertTrue(page.contains("Not for this account"), dashboard + ": " + page);
                assertFalse(page.contains("jakarta.faces.ViewState"), "no view of the dashboard: " + dashboard);
            }
            Api.Reply status = Api.newClient().get("/admin/");
            assertEquals(303, status.status(), "not signed in: to the sign-in page");
            browser.assertCleanConsole();
        }
    }

    private static boolean pushFailuresAboveTenPercent() throws java.sql.SQLException {
        try (java.sql.Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             java.sql.ResultSet day = db.createStatement().executeQuery(
                     "SELECT COALESCE(SUM(sent), 0), COALESCE(SUM(failed), 0) FROM push_hourly WHERE hour >= date_trunc('hour', now() - interval '24 hours')")) {
            day.next();
            long sent = day.getLong(1);
            long failed = day.getLong(2);
            return sent + failed > 0 && failed * 10 > sent + failed;
        }
    }

    /** A registered account whose only role is dancer (an admin set it so). */
    private static JsonObject dancerAccount(String name) {
        Api api = Api.newClient();
        String email = "dancer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply registered = api.post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"dj password 123\",\"displayName\":\""
                + name + "\"}");
        assertEquals(201, registered.status(), registered::toString);
        long id = registered.json().getJsonObject("user").getJsonNumber("id").longValue();
        Api.Reply changed = api.put("/api/admin/users/" + id + "/roles", "{\"roles\":[\"dancer\"]}",
                Admins.bearer(Admins.firstAdminToken(api)));
        assertEquals(200, changed.status(), changed::toString);
        return registered.json();
    }
}
