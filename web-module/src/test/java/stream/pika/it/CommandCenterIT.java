package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.StageFollowersIT.followStageAll;

/**
 * Issue 18: the Organizer Command Center in a real browser (headless Chromium) on Payara Micro.
 * An organizer signs in with the form, creates an event, adds two stages, publishes it, prints its
 * QR codes and sends an urgent announcement with push, which a dancer's WebSocket and the push
 * emulator receive; the pages work on a phone; another organizer sees none of it. No CSP violation
 * and no script error in any browser console.
 */
@ExtendWith(TestServer.class)
class CommandCenterIT {

    @RegisterExtension
    static final Browser.Pages PAGES = new Browser.Pages();

    private static PushServiceEmulator pushService;
    private static String vapidKey;

    @BeforeAll
    static void startPushService() {
        pushService = PushServiceEmulator.start();
        vapidKey = Api.newClient().get("/api/push/vapid-public-key").json().getString("publicKey");
    }

    @AfterAll
    static void stopPushService() {
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void anOrganizerRunsAnEventFromTheCommandCenter() throws Exception {
        Admins.Account organizer = Admins.newOrganizer();
        String day = LocalDate.now().plusDays(10).toString();
        long eventId;
        Browser desk = Browser.open("organizer-desktop", Browser.DESKTOP);
        desk.go("/organizer");
        assertTrue(desk.driver().getCurrentUrl().contains("/signin?next="), "not signed in: the sign-in page first");
        desk.signIn(organizer.email(), organizer.password(), "/organizer");
        desk.waitFor(By.id("events:list"));
        assertTrue(desk.text(By.id("events:list")).contains("No events yet"), "a new organizer has no events");

        desk.waitFor(By.id("create:name")).sendKeys("Boogie by the Sea");
        type(desk, "create:starts_input", day + " 20:00");
        type(desk, "create:ends_input", day + " 23:30");
        desk.driver().findElement(By.id("create:description")).sendKeys("Friday night social");
        desk.driver().findElement(By.id("create:create-event")).click();
        desk.waitFor(By.id("event-name"));
        assertTrue(desk.text(By.id("event-name")).startsWith("Boogie by the Sea"), desk.text(By.id("event-name")));
        assertTrue(desk.text(By.id("event:notices")).contains("created as a draft"), desk.text(By.id("event:notices")));
        eventId = Long.parseLong(URI.create(desk.driver().getCurrentUrl()).getQuery().replaceAll("\\D", ""));

        for (String stage : List.of("Main Floor", "Workshop Room")) {
            desk.driver().findElement(By.id("event:stage-name")).sendKeys(stage);
            if (stage.equals("Main Floor")) {
                desk.driver().findElement(By.cssSelector("#event\\:stage-open .ui-toggleswitch-slider")).click(); // any DJ may play
            }
            desk.driver().findElement(By.id("event:add-stage")).click();
            desk.waitUntilText(By.id("event:stages"), stage);
            desk.ajaxDone();
        }
        desk.driver().findElement(By.id("event:add-stage")).click(); // no name
        desk.ajaxDone();
        assertTrue(desk.text(By.id("event:notices")).contains("Name is required"), desk.text(By.id("event:notices")));

        assertFalse(desk.driver().findElement(By.id("event:announce")).isEnabled(), "a draft cannot announce");

        desk.driver().findElement(By.id("event:publish")).click();
        desk.waitUntilText(By.id("event-status"), "published");
        desk.ajaxDone();
        desk.screenshot("organizer-event-desktop");

        // The event's stages, as the API has them now; a dancer follows the main floor with push.
        JsonObject event = Api.newClient().get("/api/events/" + eventId).json();
        List<Long> stageIds = event.getJsonArray("stages").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getJsonNumber("id").longValue()).toList();
        assertEquals(2, stageIds.size(), event::toString);
        long mainFloor = stageIds.get(0);
        PushServiceEmulator.Subscription dancerPhone = EventAnnouncementsIT.pushDevice(pushService, vapidKey);
        String clientId = Dancer.newClientId();
        EventAnnouncementsIT.follow(Api.newClient(), mainFloor, clientId, dancerPhone);
        Waits.until(() -> "live".equals(desk.driver().findElement(By.id("live-watch")).getAttribute("data-state")), LiveDj.WAIT,
                "the page watching the event over /ws");
        try (WsClient dancer = WsClient.connect(); LiveDj dj = LiveDj.signUp().connect()) {
            followStageAll(dancer, mainFloor, clientId);

            // Live view: the DJ goes on air on the main floor; the page follows without a reload.
            Object page = desk.script("return window.performance.timeOrigin");
            String sessionId = LiveDj.newSessionId();
            dj.registerOn(sessionId, mainFloor);
            assertEquals("ACK", dj.play(sessionId, "Marvin Gaye", "Ain't No Mountain High Enough").getString("type"));
            By onAir = By.id("on-air-" + mainFloor);
            desk.waitUntilText(onAir, "Ain't No Mountain High Enough");
            desk.waitUntilText(onAir, "1 listener");
            assertTrue(desk.text(onAir).contains(dj.displayName), desk.text(onAir));
            Waits.pause(TestServer.BROADCAST_MIN_INTERVAL);
            assertEquals("ACK", dj.play(sessionId, "Bruno Mars", "Uptown Funk").getString("type"));
            desk.waitUntilText(onAir, "Bruno Mars – Uptown Funk");
            try (WsClient second = WsClient.connect()) {
                followStageAll(second, mainFloor, Dancer.newClientId());
                desk.waitUntilText(onAir, "2 listeners");
            }
            assertEquals(page, desk.script("return window.performance.timeOrigin"), "the same page all along: no reload");
            assertTrue(desk.text(By.id("on-air-" + stageIds.get(1))).contains("Nobody is playing"));
            desk.script("document.getElementById('live').scrollIntoView()");
            desk.screenshot("organizer-live-desktop");

            desk.driver().findElement(By.id("event:message")).sendKeys("Fire drill at 21:00: leave by the main door");
            new org.openqa.selenium.support.ui.Select(desk.driver().findElement(By.id("event:priority"))).selectByVisibleText("Urgent");
            desk.driver().findElement(By.cssSelector("#event\\:push .ui-toggleswitch-slider")).click();
            assertTrue(desk.driver().findElement(By.id("event:push_input")).isSelected(), "push is on");
            desk.driver().findElement(By.id("event:announce")).click();
            desk.waitUntilText(By.id("event:notices"), "Announcement sent");
            assertTrue(desk.text(By.id("event:notices")).contains("Announcement sent to 1 follower and 1 push device."),
                    desk.text(By.id("event:notices")));

            JsonObject heard = dancer.await("EVENT_ANNOUNCEMENT", LiveDj.WAIT);
            assertEquals("Fire drill at 21:00: leave by the main door", heard.getString("message"));
            assertEquals("urgent", heard.getString("priority"));
            Waits.until(() -> !pushService.notifications(dancerPhone).isEmpty(), LiveDj.WAIT, "the push at the dancer's phone");
            JsonObject pushed = Json.createReader(new StringReader(pushService.notifications(dancerPhone).get(0))).readObject();
            assertEquals("Fire drill at 21:00: leave by the main door", pushed.getString("body"));
            assertEquals("urgent", pushed.getString("priority"));
        }
        assertTrue(desk.text(By.id("event:history")).contains("Fire drill at 21:00"), "the history shows what was sent");
        assertTrue(desk.text(By.id("event:history")).contains("urgent"));

        // QR codes: each stage's PNG and SVG, and one sheet with all of them.
        String pngHref = desk.driver().findElement(By.cssSelector("a[download='stage-" + mainFloor + ".png']")).getAttribute("href");
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pngHref)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        desk.go("/organizer/qr-sheet.xhtml?id=" + eventId);
        List<WebElement> codes = desk.driver().findElements(By.cssSelector(".stage-qr img"));
        assertEquals(2, codes.size());
        Waits.until(() -> codes.stream().allMatch(img -> ((Number) desk.script("return arguments[0].naturalWidth", img)).intValue() > 0),
                LiveDj.WAIT, "both QR codes loaded");
        assertTrue(desk.text(By.cssSelector(".qr-sheet")).contains("Workshop Room"));
        desk.screenshot("organizer-qr-sheet-desktop");

        desk.go("/organizer/");
        desk.waitUntilText(By.id("events:list"), "Boogie by the Sea");
        assertTrue(desk.text(By.id("events:list")).contains("published"));
        desk.screenshot("organizer-events-desktop");
        desk.assertCleanConsole();

        Browser phone = Browser.open("organizer-phone", Browser.PHONE);
        phone.signIn(organizer.email(), organizer.password(), "/organizer/event.xhtml?id=" + eventId);
        phone.waitUntilText(By.id("event:stages"), "Workshop Room");
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        phone.screenshot("organizer-event-phone");
        phone.go("/organizer/");
        phone.waitUntilText(By.id("events:list"), "Boogie by the Sea");
        phone.screenshot("organizer-events-phone");
        phone.assertCleanConsole();

        Admins.Account rival = Admins.newOrganizer();
        Browser other = Browser.open("other-organizer", Browser.DESKTOP);
        other.signIn(rival.email(), rival.password(), "/organizer/");
        other.goRefused("/organizer/event.xhtml?id=" + eventId, 404);
        other.waitFor(By.cssSelector(".not-found"));
        assertTrue(other.driver().getPageSource().contains("There is no event of yours with this id"));
        assertFalse(other.driver().getPageSource().contains("Boogie by the Sea"), "another organizer's event shows nothing");
        other.go("/organizer/");
        assertFalse(other.text(By.id("events:list")).contains("Boogie by the Sea"));
        other.assertCleanConsole();
    }

    @Test
    void aScheduleIsBuiltByDraggingAndEveryOpenPageOfTheEventFollows() {
        Admins.Account organizer = Admins.newOrganizer();
        Api api = Api.newClient();
        String bearer = organizer.token();
        java.time.LocalDate day = LocalDate.now().plusDays(12);
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        java.time.Instant opens = day.atTime(20, 0).atZone(paris).toInstant();
        long eventId = Admins.event(organizer, "Schedule Night", opens, java.time.Duration.ofHours(4), "Europe/Paris", false);
        long mainFloor = StageFollowersIT.stage(api, bearer, eventId, "{\"name\":\"Main Floor\"}");
        long workshop = StageFollowersIT.stage(api, bearer, eventId, "{\"name\":\"Workshop Room\"}");
        LiveDj dj = LiveDj.signUp();

        Browser first = Browser.open("schedule-first", Browser.DESKTOP);
        first.signIn(organizer.email(), organizer.password(), "/organizer/event.xhtml?id=" + eventId);
        Browser second = Browser.open("schedule-second", Browser.DESKTOP);
        second.signIn(organizer.email(), organizer.password(), "/organizer/event.xhtml?id=" + eventId);
        for (Browser page : List.of(first, second)) {
            Waits.until(() -> "live".equals(page.driver().findElement(By.id("live-watch")).getAttribute("data-state")), LiveDj.WAIT,
                    "the page watching the event");
        }

        // Create a slot with the form; the other page shows it without a reload.
        new org.openqa.selenium.support.ui.Select(first.driver().findElement(By.id("schedule:slot-stage"))).selectByVisibleText("Main Floor");
        first.driver().findElement(By.id("schedule:slot-title")).sendKeys("Opening social");
        type(first, "schedule:slot-starts_input", day + " 20:30");
        type(first, "schedule:slot-ends_input", day + " 21:30");
        first.driver().findElement(By.id("schedule:add-slot")).click();
        first.waitUntilText(By.id("schedule:notices"), "added");
        first.waitUntilText(By.id("schedule:timeline"), "Opening social");
        second.waitUntilText(By.id("schedule:timeline"), "Opening social");
        JsonObject slot = slotsOf(api, bearer, eventId).get(0);
        long slotId = slot.getJsonNumber("id").longValue();
        java.time.Instant start = java.time.Instant.parse(slot.getString("startsAt"));
        java.time.Instant end = java.time.Instant.parse(slot.getString("endsAt"));
        assertEquals(day.atTime(20, 30).atZone(paris).toInstant(), start);

        // A second slot overlapping the first on the same stage is refused, with a message.
        type(first, "schedule:slot-starts_input", day + " 21:00");
        type(first, "schedule:slot-ends_input", day + " 22:00");
        first.driver().findElement(By.id("schedule:slot-title")).sendKeys("Too early");
        first.driver().findElement(By.id("schedule:add-slot")).click();
        first.waitUntilText(By.id("schedule:notices"), "overlaps another slot");
        assertEquals(1, slotsOf(api, bearer, eventId).size());

        // Drag to move: later, same length; the other page follows.
        drag(first, By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content"), 160);
        first.waitUntilText(By.id("schedule:notices"), "now runs");
        JsonObject moved = slotsOf(api, bearer, eventId).get(0);
        java.time.Instant movedStart = java.time.Instant.parse(moved.getString("startsAt"));
        java.time.Instant movedEnd = java.time.Instant.parse(moved.getString("endsAt"));
        assertTrue(movedStart.isAfter(start), "moved later: " + moved);
        assertEquals(java.time.Duration.between(start, end), java.time.Duration.between(movedStart, movedEnd), "a move keeps the length");
        String movedSpan = clock(movedStart, paris) + "\u2013" + clock(movedEnd, paris);
        second.waitUntilText(By.id("schedule:timeline"), movedSpan);

        // Drag the right edge to resize: it ends later.
        first.driver().findElement(By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content")).click();
        first.ajaxDone();
        drag(first, By.cssSelector("#schedule\\:timeline .vis-item.slot.vis-selected .vis-drag-right"), 120);
        Waits.until(() -> java.time.Instant.parse(slotsOf(api, bearer, eventId).get(0).getString("endsAt")).isAfter(movedEnd), LiveDj.WAIT,
                "the slot ends later");
        JsonObject resized = slotsOf(api, bearer, eventId).get(0);
        assertEquals(movedStart, java.time.Instant.parse(resized.getString("startsAt")), "a resize keeps the start");
        java.time.Instant resizedEnd = java.time.Instant.parse(resized.getString("endsAt"));
        second.waitUntilText(By.id("schedule:timeline"), clock(movedStart, paris) + "\u2013" + clock(resizedEnd, paris));

        // An edit based on what a page showed before someone else's change is refused, not lost.
        second.script("window.refreshSchedule = function () {};"); // this page hears nothing more
        drag(first, By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content"), 100);
        Waits.until(() -> !java.time.Instant.parse(slotsOf(api, bearer, eventId).get(0).getString("startsAt")).equals(movedStart),
                LiveDj.WAIT, "the first page's second move");
        JsonObject byFirst = slotsOf(api, bearer, eventId).get(0);
        drag(second, By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content"), -100);
        second.waitUntilText(By.id("schedule:notices"), "changed by someone else");
        assertEquals(byFirst.getString("startsAt"), slotsOf(api, bearer, eventId).get(0).getString("startsAt"), "the stale edit changed nothing");
        java.time.Instant firstStart = java.time.Instant.parse(byFirst.getString("startsAt"));
        second.waitUntilText(By.id("schedule:timeline"), clock(firstStart, paris) + "\u2013"); // and the page shows the slot as it is now

        // Invite a DJ by name; the acceptance arrives on both pages.
        first.driver().findElement(By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content")).click();
        first.ajaxDone();
        first.waitFor(By.id("schedule:dj-query")).sendKeys(dj.displayName.substring(0, 8));
        first.driver().findElement(By.id("schedule:find-dj")).click();
        first.ajaxDone();
        first.waitFor(By.cssSelector("#schedule\\:slot-panel button.invite")).click();
        first.waitUntilText(By.id("schedule:bookings"), "invited");
        Api.Reply accepted = api.post("/api/dj/bookings/" + slotId + "/accept", "", Admins.bearer(dj.token));
        assertEquals(200, accepted.status(), accepted::toString);
        first.waitUntilText(By.id("schedule:bookings"), "accepted");
        first.waitUntilText(By.id("schedule:timeline"), dj.displayName + " (accepted)");
        first.screenshot("organizer-schedule-desktop");

        // Delete from the slot's panel.
        first.driver().findElement(By.id("schedule:delete-slot")).click();
        first.waitUntilText(By.id("schedule:notices"), "removed");
        assertEquals(0, slotsOf(api, bearer, eventId).size());
        assertFalse(workshop == mainFloor);
        first.assertCleanConsole();
        second.assertCleanConsole();
    }

    @Test
    void anOrganizerEditsStartsAndEndsAnEventAndCancelsABooking() {
        Admins.Account organizer = Admins.newOrganizer();
        Api api = Api.newClient();
        String bearer = organizer.token();
        LocalDate day = LocalDate.now().plusDays(14);
        java.time.ZoneId lisbon = java.time.ZoneId.of("Europe/Lisbon");
        java.time.Instant opens = day.atTime(20, 0).atZone(lisbon).toInstant();
        long eventId = Admins.event(organizer, "Harbour Swing", opens, java.time.Duration.ofHours(4), "Europe/Lisbon", true);
        long mainFloor = StageFollowersIT.stage(api, bearer, eventId, "{\"name\":\"Main Floor\",\"openToAll\":true}");
        LiveDj invited = LiveDj.signUp();
        Api.Reply slot = api.post("/api/stages/" + mainFloor + "/slots", "{\"startsAt\":\"" + opens + "\",\"endsAt\":\""
                + opens.plus(java.time.Duration.ofHours(1)) + "\",\"title\":\"Opening social\"}", Admins.bearer(bearer));
        assertEquals(201, slot.status(), slot::toString);
        long slotId = slot.json().getJsonObject("slot").getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/slots/" + slotId + "/booking", "{\"djId\":" + invited.accountId + "}", Admins.bearer(bearer)).status());

        Browser desk = Browser.open("event-edit", Browser.DESKTOP);
        desk.signIn(organizer.email(), organizer.password(), "/organizer/event.xhtml?id=" + eventId);
        desk.waitUntilText(By.id("event-name"), "Harbour Swing");

        // Edit the details: a new name and a later end; the heading follows and the API has both.
        WebElement name = desk.driver().findElement(By.id("event:name"));
        name.clear();
        name.sendKeys("Harbour Lights");
        type(desk, "event:ends_input", day + " 23:45");
        desk.driver().findElement(By.id("event:save")).click();
        desk.waitUntilText(By.id("event:notices"), "Saved.");
        desk.waitUntilText(By.id("event-name"), "Harbour Lights");
        JsonObject saved = api.get("/api/events/" + eventId).json().getJsonObject("event");
        assertEquals("Harbour Lights", saved.getString("name"));
        assertEquals(day.atTime(23, 45).atZone(lisbon).toInstant(), java.time.Instant.parse(saved.getString("endsAt")));
        assertEquals("Europe/Lisbon", saved.getString("timeZone"));

        // An end before the start is refused with the boundary's words, and nothing changes.
        type(desk, "event:ends_input", day + " 19:00");
        desk.driver().findElement(By.id("event:save")).click();
        desk.waitUntilText(By.id("event:notices"), "endsAt must be after startsAt");
        assertEquals(saved.getString("endsAt"), api.get("/api/events/" + eventId).json().getJsonObject("event").getString("endsAt"));

        // Cancel the invited DJ's booking from the slot's panel.
        desk.waitUntilText(By.id("schedule:timeline"), invited.displayName + " (invited)");
        desk.driver().findElement(By.cssSelector("#schedule\\:timeline .vis-item.slot .vis-item-content")).click();
        desk.ajaxDone();
        desk.waitFor(By.id("schedule:cancel-booking")).click();
        desk.waitUntilText(By.id("schedule:notices"), "Booking cancelled.");
        assertFalse(slotsOf(api, bearer, eventId).get(0).containsKey("djId"), "the slot has no DJ now");
        assertTrue(desk.text(By.id("schedule:bookings")).contains("No DJ invited yet"), desk.text(By.id("schedule:bookings")));

        // Start the event; with a DJ on air and a dancer listening, the events list shows it live.
        desk.driver().findElement(By.id("event:start")).click();
        desk.waitUntilText(By.id("event-status"), "active");
        desk.ajaxDone();
        try (WsClient dancer = WsClient.connect(); LiveDj dj = LiveDj.signUp().connect()) {
            dj.registerOn(LiveDj.newSessionId(), mainFloor);
            followStageAll(dancer, mainFloor, Dancer.newClientId());
            desk.go("/organizer/");
            desk.waitUntilText(By.id("events:list"), "Harbour Lights");
            assertTrue(desk.text(By.id("events:list")).contains("1 active stage \u00b7 1 listener"), desk.text(By.id("events:list")));
            desk.screenshot("organizer-events-live-desktop");
        }

        // End it, after the confirmation: the details cannot change any more.
        desk.go("/organizer/event.xhtml?id=" + eventId);
        desk.waitFor(By.id("event:end")).click();
        desk.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        desk.waitUntilText(By.id("event-status"), "ended");
        desk.waitUntilText(By.id("event:notices"), "The event has ended.");
        assertFalse(desk.driver().findElement(By.id("event:name")).isEnabled(), "an ended event's details are read-only");
        assertEquals("ended", api.get("/api/events/" + eventId).json().getJsonObject("event").getString("status"));

        // The printable sheet fits a phone too.
        Browser phone = Browser.open("qr-sheet-phone", Browser.PHONE);
        phone.signIn(organizer.email(), organizer.password(), "/organizer/qr-sheet.xhtml?id=" + eventId);
        phone.waitUntilText(By.cssSelector(".qr-sheet"), "Main Floor");
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        phone.screenshot("organizer-qr-sheet-phone");
        desk.assertCleanConsole();
        phone.assertCleanConsole();
    }

    @Test
    void aPageWhoseSessionEndedAsksToSignInAgainAndComesBack() {
        Admins.Account organizer = Admins.newOrganizer();
        Browser desk = Browser.open("expiry", Browser.DESKTOP);
        desk.go("/");
        assertTrue(desk.driver().getCurrentUrl().endsWith("/signin"), "not signed in, home is the sign-in page");
        desk.signIn(organizer.email(), organizer.password(), "/");
        desk.waitFor(By.id("events:list"));
        assertTrue(desk.driver().getCurrentUrl().endsWith("/organizer/"), "an organizer's home is the Command Center");

        Waits.pause(TestServer.SESSION_IDLE_TIMEOUT.plusSeconds(3)); // the session lapses
        desk.driver().findElement(By.id("create:create-event")).click(); // an ajax post of the expired view
        Waits.until(() -> desk.driver().getCurrentUrl().contains("/signin?error=expired"), LiveDj.WAIT, "the sign-in page");
        assertTrue(desk.text(By.cssSelector("p.error")).contains("Your session has ended"), desk.driver().getPageSource());
        desk.waitFor(By.name("email")).sendKeys(organizer.email());
        desk.driver().findElement(By.name("password")).sendKeys(organizer.password());
        desk.driver().findElement(By.cssSelector("button[type=submit]")).click();
        desk.waitFor(By.id("events:list"));
        assertTrue(desk.driver().getCurrentUrl().contains("/organizer/"), desk.driver().getCurrentUrl());
        desk.assertCleanConsole();
    }

    private static List<JsonObject> slotsOf(Api api, String bearer, long eventId) {
        Api.Reply schedule = api.get("/api/events/" + eventId + "/schedule", Admins.bearer(bearer));
        assertEquals(200, schedule.status(), schedule::toString);
        return schedule.json().getJsonObject("schedule").getJsonArray("stages").getValuesAs(JsonObject.class).stream()
                .flatMap(stage -> stage.getJsonArray("slots").getValuesAs(JsonObject.class).stream()).toList();
    }

    private static String clock(java.time.Instant instant, java.time.ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
    }

    /**
     * Picks the element (the timeline drags only a selected slot), then presses on it and drags it
     * sideways in small steps, as a hand does.
     */
    private static void drag(Browser browser, By what, int dx) {
        browser.waitFor(what).click();
        browser.ajaxDone();
        WebElement element = browser.waitFor(what);
        org.openqa.selenium.interactions.Actions hand = new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(element).clickAndHold();
        for (int i = 1; i <= 8; i++) {
            hand.moveByOffset(dx / 8, 0).pause(java.time.Duration.ofMillis(30));
        }
        hand.release().perform();
        browser.ajaxDone();
    }

    /** Types a time into a date picker's field (its calendar opens from its button only) and checks what it holds. */
    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        assertEquals(text, field.getAttribute("value"), id);
    }
}
