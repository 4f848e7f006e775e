package stream.pika.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, item 1: the page a dancer opens from a stage's QR code, in a real browser at a
 * phone's size. The code is decoded from the PNG the organizer prints and followed; the page shows
 * what a DJ broadcasts, likes reach the DJ, the dancer votes in a poll, asks for a tempo, thanks the
 * DJ, reads the DJ's and the event's announcements; likes made without a network arrive once, as
 * one bulk like, when the phone is back; the next DJ's set replaces the last without a reload.
 * No CSP violation and no script error; the page's bytes and load time are printed.
 */
@ExtendWith(TestServer.class)
class DancerLivePageIT {

    @RegisterExtension
    static final Browser.Pages PAGES = new Browser.Pages();

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void aDancerFollowsAStageFromItsQrCodeThroughTwoSets() throws Exception {
        Admins.Account organizer = Admins.newOrganizer();
        Api api = Api.newClient();
        Instant opens = Instant.now().minus(Duration.ofHours(1));
        long eventId = Admins.event(organizer, "Swing & Sea", opens, Duration.ofHours(6), "Europe/Paris", true);
        long stageId = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Main <Floor>\",\"openToAll\":true}");

        // The code printed at the stage, decoded: the platform's address of the stage's page.
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                TestServer.baseUri().resolve("/api/stages/" + stageId + "/qr.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png.body())))))).getText();
        assertEquals(TestServer.PUBLIC_URL + "/stage/" + stageId, scanned);

        Browser phone = Browser.open("dancer-phone", Browser.PHONE);
        phone.go(URI.create(scanned).getPath()); // the same page, on the test server
        assertEquals("Main <Floor>", phone.text(By.id("stage-name")), "escaped, shown as typed");
        phone.waitUntilText(By.id("link-state"), "live");
        phone.waitUntilText(By.id("idle"), "Nobody is playing right now.");
        phone.screenshot("dancer-stage-idle-phone");

        try (LiveDj first = LiveDj.signUp().connect()) {
            String setA = LiveDj.newSessionId();
            first.registerOn(setA, stageId);
            assertAck(first.play(setA, "Etta James", "At Last"));
            phone.waitUntilText(By.id("title"), "At Last");
            assertEquals("Etta James", phone.text(By.id("artist")));
            assertEquals("102 BPM", phone.text(By.id("bpm")));
            phone.waitUntilText(By.id("dj"), first.displayName + " is playing");
            phone.waitUntilText(By.id("listeners"), "1 dancer listening");

            // Like: the DJ's app hears it.
            phone.driver().findElement(By.id("like")).click();
            JsonObject liked = first.ws.await("LIKE_RECEIVED", LiveDj.WAIT);
            assertEquals("At Last", liked.getJsonObject("payload").getJsonObject("track").getString("title"));
            phone.waitUntilText(By.id("like"), "Liked");

            // A poll: the dancer votes and sees the count.
            assertAck(first.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", setA)
                    .add("question", "Next?").add("options", Json.createArrayBuilder().add("Blues").add("Swing"))));
            phone.waitUntilText(By.id("poll-question"), "Next?");
            phone.driver().findElement(By.cssSelector("#poll-options button[data-option='1']")).click();
            JsonObject counted = first.ws.await("POLL_UPDATE", LiveDj.WAIT);
            assertEquals("[0,1]", counted.getJsonArray("votes").toString());
            phone.waitUntilText(By.id("poll-total"), "1 vote · you voted");
            assertTrue(phone.text(By.cssSelector("#poll-options button.mine")).contains("Swing"));

            // Tempo, tapped twice to clear; a thank-you.
            phone.driver().findElement(By.cssSelector("[data-tempo='faster']")).click();
            JsonObject tempo = first.ws.await("TEMPO_FEEDBACK", LiveDj.WAIT);
            assertEquals(1, tempo.getInt("faster"), tempo::toString);
            Waits.until(() -> "true".equals(phone.driver().findElement(By.cssSelector("[data-tempo='faster']")).getAttribute("aria-pressed")),
                    LiveDj.WAIT, "the tempo vote shown");
            phone.driver().findElement(By.cssSelector("[data-tempo='faster']")).click();
            Waits.until(() -> first.ws.drain("TEMPO_FEEDBACK", QUIET).stream().anyMatch(f -> f.getInt("total") == 0), LiveDj.WAIT,
                    "the vote cleared");
            phone.driver().findElement(By.id("thanks")).click();
            assertEquals("thank_you", first.ws.await("REACTION_RECEIVED", LiveDj.WAIT).getString("reaction"));

            // The DJ's announcement and the event's urgent one.
            assertAck(first.send(Json.createObjectBuilder().add("type", "SEND_ANNOUNCEMENT").add("sessionId", setA)
                    .add("message", "Last dance at midnight")));
            phone.waitUntilText(By.id("dj-announcement"), "Last dance at midnight");
            Api.Reply announced = api.post("/api/events/" + eventId + "/announcements",
                    "{\"message\":\"Water at the bar is free\",\"priority\":\"urgent\"}", Admins.bearer(organizer.token()));
            assertEquals(201, announced.status(), announced::toString);
            phone.waitUntilText(By.id("urgent"), "Water at the bar is free");
            phone.waitUntilText(By.id("announcements"), "urgent");
            phone.screenshot("dancer-stage-phone");

            // Two more tracks; the phone loses its network and likes both; back online, both arrive once.
            Waits.pause(TestServer.BROADCAST_MIN_INTERVAL);
            assertAck(first.play(setA, "Ray Charles", "Hit the Road Jack"));
            Waits.pause(TestServer.BROADCAST_MIN_INTERVAL);
            assertAck(first.play(setA, "Nina Simone", "Feeling Good"));
            phone.waitUntilText(By.id("title"), "Feeling Good");
            phone.waitUntilText(By.id("history"), "Hit the Road Jack");
            first.ws.drain(QUIET);
            network(phone, false);
            phone.waitUntilText(By.id("link-state"), "offline");
            phone.driver().findElement(By.id("like")).click();
            phone.driver().findElement(By.xpath("//ol[@id='history']/li[contains(., 'Hit the Road Jack')]/button")).click();
            phone.waitUntilText(By.id("toast"), "Offline");
            assertTrue(first.ws.drain("LIKE_RECEIVED", QUIET).isEmpty(), "nothing leaves a phone without a network");
            network(phone, true);
            phone.waitUntilText(By.id("link-state"), "live");
            Set<String> arrived = List.of(first.ws.await("LIKE_RECEIVED", LiveDj.WAIT), first.ws.await("LIKE_RECEIVED", LiveDj.WAIT)).stream()
                    .map(like -> like.getJsonObject("payload").getJsonObject("track").getString("title")).collect(Collectors.toSet());
            assertEquals(Set.of("Feeling Good", "Hit the Road Jack"), arrived);
            assertTrue(first.ws.drain("LIKE_RECEIVED", QUIET).isEmpty(), "each like arrives once");
            assertEquals("0", String.valueOf(phone.script("return JSON.parse(localStorage.getItem('pika_pending_likes')).length")),
                    "nothing waits on the phone any more");

            // The set ends and the next DJ takes the stage: the same page follows, without a reload.
            Object page = phone.script("return window.performance.timeOrigin");
            assertAck(first.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", setA)));
            phone.waitUntilText(By.id("idle"), "Nobody is playing right now.");
            try (LiveDj next = LiveDj.signUp().connect()) {
                String setB = LiveDj.newSessionId();
                next.registerOn(setB, stageId);
                assertAck(next.play(setB, "Bruno Mars", "Uptown Funk"));
                phone.waitUntilText(By.id("title"), "Uptown Funk");
                phone.waitUntilText(By.id("dj"), next.displayName + " is playing");
                assertFalse(phone.driver().findElement(By.id("poll")).isDisplayed(), "the last set's poll is gone");
                assertFalse(phone.driver().findElement(By.id("dj-news")).isDisplayed(), "and its announcement");
                assertEquals("false", phone.driver().findElement(By.id("like")).getAttribute("aria-pressed"));
                phone.driver().findElement(By.id("like")).click();
                assertEquals("Uptown Funk", next.ws.await("LIKE_RECEIVED", LiveDj.WAIT).getJsonObject("payload")
                        .getJsonObject("track").getString("title"));
                assertEquals(page, phone.script("return window.performance.timeOrigin"), "the same page all along");
                phone.screenshot("dancer-stage-handover-phone");
            }
        }
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        phone.assertCleanConsole();

        // What the page costs a phone: its own bytes (document, style, script, icon) and its load time.
        Browser fresh = Browser.open("dancer-load", Browser.PHONE);
        fresh.go("/stage/" + stageId);
        fresh.waitUntilText(By.id("link-state"), "live");
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = (Map<String, Object>) fresh.script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const own = performance.getEntriesByType('resource').filter(r => r.initiatorType !== 'fetch');
                return { bytes: nav.decodedBodySize + own.reduce((sum, r) => sum + r.decodedBodySize, 0),
                         files: own.map(r => r.name.replace(location.origin, '') + ' ' + r.decodedBodySize).join(', '),
                         loadMs: Math.round(nav.loadEventEnd - nav.startTime) };""");
        long bytes = ((Number) cost.get("bytes")).longValue();
        System.out.printf("dancer page: %d bytes before compression (document + %s), loaded in %s ms%n", bytes, cost.get("files"),
                cost.get("loadMs"));
        assertTrue(bytes > 5_000 && bytes < 100_000, "the page's own bytes: " + cost);
        fresh.assertCleanConsole();
        Browser desk = Browser.open("dancer-desktop", Browser.DESKTOP);
        desk.go("/stage/" + stageId);
        desk.waitUntilText(By.id("link-state"), "live");
        desk.screenshot("dancer-stage-desktop");
        desk.assertCleanConsole();
    }

    @Test
    void aWrongAddressSaysSoAndTheServiceWorkerIsAllowed() {
        Browser phone = Browser.open("dancer-wrong", Browser.PHONE);
        for (String path : List.of("/stage/999999999", "/stage/abc", "/stage/")) {
            phone.goRefused(path, 404);
            assertTrue(phone.text(By.tagName("main")).contains("There is no open stage here"), path);
        }
        phone.goRefused("/live/short", 404);
        assertTrue(phone.text(By.tagName("main")).contains("not a set's address"));

        // A set's own page, not on air: it says so.
        phone.go("/live/" + LiveDj.newSessionId());
        phone.waitUntilText(By.id("idle"), "This set is not on air.");
        // The push worker registers under the page's policy (worker-src 'self').
        Object scope = ((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.register('/sw.js').then(r => done(r.scope), e => done('refused: ' + e));");
        assertEquals(TestServer.baseUri().resolve("/").toString(), scope);
        phone.assertCleanConsole();
    }

    @Test
    void theEventCompanionShowsWhatIsOnAndKeepsTheDancersStars() throws Exception {
        Admins.Account organizer = Admins.newOrganizer();
        Api api = Api.newClient();
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        Instant opens = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long eventId = Admins.event(organizer, "Brooklyn Swing Weekend", opens, Duration.ofHours(6), "America/New_York", true);
        long mainFloor = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Main Floor\",\"openToAll\":true}");
        long bluesRoom = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Blues Room\"}");
        slot(api, organizer, mainFloor, Instant.now().minus(Duration.ofMinutes(30)), Duration.ofMinutes(90), "Friday social");
        Instant late = opens.plus(Duration.ofHours(3));
        long lateBlues = slot(api, organizer, bluesRoom, late, Duration.ofHours(1), "Late blues");

        Browser phone = Browser.open("companion-phone", Browser.PHONE);
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String set = LiveDj.newSessionId();
            dj.registerOn(set, mainFloor);
            assertAck(dj.play(set, "Etta James", "At Last"));
            phone.go("/event/" + eventId);
            phone.waitUntilText(By.id("now"), "Etta James – At Last");
            assertTrue(phone.text(By.id("now")).contains(dj.displayName + " is playing"), phone.text(By.id("now")));
            assertTrue(phone.text(By.id("now")).contains("Main Floor"));
        }
        phone.waitUntilText(By.id("schedule"), "Late blues");
        String lateClock = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(late.atZone(newYork));
        By lateSlot = By.cssSelector("li.slot[data-slot='" + lateBlues + "']");
        assertTrue(phone.text(lateSlot).contains(lateClock), "the event's time zone: " + phone.text(lateSlot) + " vs " + lateClock);
        assertTrue(phone.text(By.id("zone-note")).contains("America/New_York"));
        assertFalse(phone.driver().findElements(By.cssSelector("li.slot.happening")).isEmpty(), "the slot on now stands out");

        // A star stays in this browser, across a reload; "my starred slots" shows only those.
        phone.driver().findElement(By.cssSelector("li.slot[data-slot='" + lateBlues + "'] button.star")).click();
        phone.waitUntilText(By.id("starred-count"), "1");
        phone.go("/event/" + eventId);
        phone.waitUntilText(By.id("schedule"), "Late blues");
        assertEquals("true", phone.driver().findElement(By.cssSelector("li.slot[data-slot='" + lateBlues + "'] button.star"))
                .getAttribute("aria-pressed"));
        phone.driver().findElement(By.id("only-starred")).click();
        Waits.until(() -> !phone.text(By.id("schedule")).contains("Friday social"), LiveDj.WAIT, "only starred slots");
        assertTrue(phone.text(By.id("schedule")).contains("Late blues"));
        phone.driver().findElement(By.id("only-starred")).click();
        phone.waitUntilText(By.id("schedule"), "Friday social");
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        phone.screenshot("dancer-event-phone");
        phone.goRefused("/event/999999999", 404);
        assertTrue(phone.text(By.tagName("main")).contains("There is no public event here"));
        phone.assertCleanConsole();

        Browser desk = Browser.open("companion-desktop", Browser.DESKTOP);
        desk.go("/event/" + eventId);
        desk.waitUntilText(By.id("schedule"), "Late blues");
        desk.screenshot("dancer-event-desktop");
        desk.assertCleanConsole();
    }

    /**
     * Issue 19, items 3 and 4: a dancer stars a slot signed out, signs in with Spotify (the link on
     * the companion, through the stand-in), finds the star in her account, stars a slot that starts
     * in 3 minutes and gets its reminder at the push emulator; she likes a track on the live page and
     * finds it in her music journal, and exports the event's songs to Spotify from there.
     */
    @Test
    void aSignedInDancerKeepsHerStarsIsRemindedAndExportsHerJournal() throws Exception {
        Admins.Account organizer = Admins.newOrganizer();
        Api api = Api.newClient();
        Instant opens = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long eventId = Admins.event(organizer, "Lindy on the Lake", opens, Duration.ofHours(6), "Europe/Zurich", true);
        long stageId = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Ballroom\",\"openToAll\":true}");
        Instant soonStart = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long soon = slot(api, organizer, stageId, soonStart, Duration.ofMinutes(30), "Jack and Jill prelims");
        long later = slot(api, organizer, stageId, soonStart.plus(Duration.ofHours(1)), Duration.ofMinutes(45), "Evening social");
        SpotifyStandIn.User mia = SpotifyStandIn.User.fresh("Mia Westie");
        TestServer.spotify().signInAs(mia);

        // Signed out: the star stays in this browser.
        Browser phone = Browser.open("journal-phone", Browser.PHONE);
        phone.go("/event/" + eventId);
        phone.waitUntilText(By.id("schedule"), "Evening social");
        phone.waitUntilText(By.id("reminder-note"), "Your stars are kept on this phone");
        phone.driver().findElement(By.cssSelector("li.slot[data-slot='" + later + "'] button.star")).click();
        phone.waitUntilText(By.id("starred-count"), "1");
        assertEquals("[" + later + "]", phone.script("return localStorage.getItem('starred-" + eventId + "')"));

        // "Sign in to keep your stars", then Spotify: the stand-in sends the browser to the public
        // address's callback, which is this test server under another name.
        phone.driver().findElement(By.id("stars-signin")).click();
        phone.waitFor(By.cssSelector("a[href*='/api/auth/spotify/login']")).click();
        org.openqa.selenium.support.ui.WebDriverWait toCallback = new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), LiveDj.WAIT);
        toCallback.until(d -> d.getCurrentUrl().startsWith(TestServer.PUBLIC_URL + "/api/auth/spotify/callback"));
        URI callback = URI.create(phone.driver().getCurrentUrl());
        phone.go(callback.getRawPath() + "?" + callback.getRawQuery());
        Waits.until(() -> phone.driver().getCurrentUrl().endsWith("/event/" + eventId), LiveDj.WAIT, "back at the companion");
        long miaId = DancerLikesIT.rows("SELECT user_id FROM spotify_links WHERE spotify_user_id = ?", mia.id());

        // Her account now holds the star; the browser's copy is gone (the account is the one list).
        phone.waitUntilText(By.id("reminder-note"), "Turn on notifications on your phone");
        Waits.until(() -> phone.script("return localStorage.getItem('starred-" + eventId + "')") == null, LiveDj.WAIT, "the browser's copy merged");
        assertEquals(1, DancerLikesIT.rows("SELECT count(*) FROM slot_stars WHERE user_id = ? AND slot_id = ?", miaId, later));
        assertTrue(phone.driver().findElement(By.id("stars-signin")).getAttribute("hidden") != null, "signed in: no sign-in link");
        phone.waitFor(By.id("journal-link"));

        // Her phone's push subscription (what the opt-in would register; headless Chromium has no push service).
        try (PushServiceEmulator pushService = PushServiceEmulator.start()) {
            String vapidKey = api.get("/api/push/vapid-public-key").json().getString("publicKey");
            PushServiceEmulator.Subscription device = pushService.subscribe(vapidKey);
            String registered = String.valueOf(((org.openqa.selenium.JavascriptExecutor) phone.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/push/subscribe', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Pika-Client': 'pika-web'},"
                            + " body: JSON.stringify({endpoint: arguments[0], keys: {p256dh: arguments[1], auth: arguments[2]}, clientId: 'client_journal_test'})})"
                            + ".then(r => done(r.status), e => done(String(e)));", device.endpoint(), device.p256dh(), device.auth()));
            assertEquals("200", registered);

            // She stars the slot that starts in 3 minutes (the default lead is 10): the reminder comes.
            phone.go("/event/" + eventId);
            phone.waitUntilText(By.id("reminder-note"), "You get a notification 10 min before each starred slot");
            phone.driver().findElement(By.cssSelector("li.slot[data-slot='" + soon + "'] button.star")).click();
            phone.waitUntilText(By.id("starred-count"), "2");
            Waits.until(() -> !pushService.notifications(device).isEmpty(), SlotStarsIT.REMINDED_WITHIN, "the reminder at the push service");
            String reminder = pushService.notifications(device).get(0);
            assertTrue(reminder.contains("min: Jack and Jill prelims"), reminder);
            assertTrue(reminder.contains("Ballroom at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(soonStart.atZone(java.time.ZoneId.of("Europe/Zurich")))), reminder);
            assertEquals(2, DancerLikesIT.rows("SELECT count(*) FROM slot_stars WHERE user_id = ?", miaId));
        }
        phone.screenshot("dancer-event-signed-in-phone");
        phone.assertCleanConsole();

        // A like on the live page, signed in, lands in her journal under the event.
        SpotifyStandIn.Track song = TestServer.spotify().catalog().get(0);
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String set = LiveDj.newSessionId();
            dj.registerOn(set, stageId);
            assertAck(dj.play(set, song.artists().get(0), song.title()));
            phone.go("/stage/" + stageId);
            phone.waitUntilText(By.id("title"), song.title());
            phone.driver().findElement(By.id("like")).click();
            assertEquals(song.title(), dj.ws.await("LIKE_RECEIVED", LiveDj.WAIT).getJsonObject("payload").getJsonObject("track").getString("title"));
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM likes WHERE user_id = ?", miaId) == 1, LiveDj.WAIT,
                    "the like kept for her account");

            phone.go("/me/journal");
            phone.waitUntilText(By.id("journal"), "Lindy on the Lake");
            assertTrue(phone.text(By.id("journal")).contains(song.artists().get(0) + " – " + song.title()), phone.text(By.id("journal")));
            assertTrue(phone.text(By.id("journal")).contains(dj.displayName), phone.text(By.id("journal")));
            assertEquals("1 liked song", phone.text(By.id("journal-total")));
            phone.driver().findElement(By.cssSelector("section[data-event='" + eventId + "'] button.export")).click();
            By result = By.cssSelector("section[data-event='" + eventId + "'] .export-result");
            phone.waitUntilText(result, "1 song in");
            String playlistName = phone.driver().findElement(By.cssSelector("section[data-event='" + eventId + "'] .export-result a")).getText();
            SpotifyStandIn.Playlist exported = TestServer.spotify().playlistsOf(mia).stream().filter(p -> p.name().equals(playlistName))
                    .findFirst().orElseThrow(() -> new AssertionError("no playlist named " + playlistName));
            assertEquals(List.of(song.uri()), exported.uris());
            assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                    "nothing wider than the phone's screen");
            phone.screenshot("dancer-journal-phone");
            phone.assertCleanConsole();
        }

        // The same session on a laptop (its cookie carried over): the journal at desktop size.
        Browser desk = Browser.open("journal-desktop", Browser.DESKTOP);
        desk.go("/event/" + eventId); // on the site, to be given its cookie
        desk.driver().manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", phone.cookie("JSESSIONID").orElseThrow(), "/"));
        desk.go("/me/journal");
        desk.waitUntilText(By.id("journal"), "Lindy on the Lake");
        desk.screenshot("dancer-journal-desktop");
        desk.assertCleanConsole();

        // Signed out, the journal sends the browser to the sign-in page, and back after it.
        Api.Reply signedOut = Api.newClient().get("/me/journal");
        assertEquals(303, signedOut.status(), signedOut::toString);
        assertTrue(signedOut.header("Location").endsWith("/signin?next=%2Fme%2Fjournal"), signedOut.header("Location"));
    }

    private static long slot(Api api, Admins.Account organizer, long stageId, Instant start, Duration length, String title) {
        Api.Reply added = api.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(length) + "\",\"title\":\"" + title + "\"}", Admins.bearer(organizer.token()));
        assertEquals(201, added.status(), added::toString);
        return added.json().getJsonObject("slot").getJsonNumber("id").longValue();
    }

    /** The phone's network, off or on (Chromium's network emulation: the page sees "offline"/"online"). */
    private static void network(Browser browser, boolean on) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !on, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static void assertAck(JsonObject answer) {
        assertEquals("ACK", answer.getString("type"), answer::toString);
    }
}
