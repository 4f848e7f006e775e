package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.assertAck;

/**
 * Issue 19, items 2 and 4: the DJ's Career Hub ({@code /dj/}) and public profile ({@code /dj/{slug}})
 * in a real browser. A DJ answers invitations (the organizer's page hears it live), takes the
 * calendar feed, opens a set's recap, verifies its tracks, edits the profile; the public profile's
 * figures and vibe radar are checked against the database.
 */
@ExtendWith(TestServer.class)
class CareerHubIT {

    @RegisterExtension
    static final Browser.Pages PAGES = new Browser.Pages();

    private static final String PASSWORD = "dj-password";

    @Test
    void aDjAnswersInvitationsInTheHubAndTheOrganizerSeesItLive() throws Exception {
        Api api = Api.newClient();
        Admins.Account organizer = Admins.newOrganizer();
        JsonObject signedUp = Djs.register(api, PASSWORD);
        LiveDj dj = LiveDj.of(signedUp);
        String email = signedUp.getJsonObject("user").getString("email");
        Instant opens = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        long eventId = Admins.event(organizer, "Harbour Swing Fest", opens, Duration.ofHours(8), "Europe/Lisbon", true);
        long stageId = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Main Floor\"}");
        long friday = slot(api, organizer, stageId, opens.plus(Duration.ofHours(1)), "Friday social");
        long late = slot(api, organizer, stageId, opens.plus(Duration.ofHours(4)), "Late night");
        for (long slot : new long[]{friday, late}) {
            assertEquals(200, api.post("/api/slots/" + slot + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer.token())).status());
        }

        Browser desk = Browser.open("hub-organizer", Browser.DESKTOP);
        desk.signIn(organizer.email(), organizer.password(), "/organizer/event.xhtml?id=" + eventId);
        desk.waitUntilText(By.id("schedule:bookings"), "invited");

        Browser hub = Browser.open("hub-dj", Browser.DESKTOP);
        hub.signIn(email, PASSWORD, "/");
        Waits.until(() -> hub.driver().getCurrentUrl().endsWith("/dj/"), LiveDj.WAIT, "a DJ's home is the Career Hub");
        hub.waitUntilText(By.id("hub:gigs:bookings"), "Friday social");
        assertTrue(hub.text(By.id("hub:gigs:bookings")).contains("Harbour Swing Fest"));
        hub.driver().findElement(By.xpath("//tr[contains(., 'Friday social')]//button[contains(@class, 'accept')]")).click();
        hub.waitUntilText(By.id("hub:gigs:notices"), "Accepted: Friday social at Harbour Swing Fest");
        desk.waitUntilText(By.id("schedule:bookings"), "accepted"); // pushed to the organizer's open page, no reload
        assertEquals("accepted", slotStatus(api, organizer, eventId, friday));

        hub.driver().findElement(By.xpath("//tr[contains(., 'Late night')]//button[contains(@class, 'decline')]")).click();
        hub.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        hub.waitUntilText(By.id("hub:gigs:notices"), "Declined: Late night");
        assertEquals("declined", slotStatus(api, organizer, eventId, late));
        hub.waitUntilText(By.id("hub:calendar-form:calendar"), "Friday social");

        // The calendar feed: an address for calendar apps, with the accepted gig in it.
        hub.driver().findElement(By.id("hub:gigs:new-feed")).click();
        hub.waitFor(By.id("hub:gigs:feed"));
        String feed = hub.driver().findElement(By.id("hub:gigs:feed")).getAttribute("value");
        assertTrue(feed.startsWith(TestServer.PUBLIC_URL + "/api/dj/bookings.ics?token=pk_cal_"), feed);
        HttpResponse<String> ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                TestServer.baseUri().resolve(URI.create(feed).getRawPath() + "?" + URI.create(feed).getRawQuery())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ics.statusCode());
        assertTrue(ics.body().contains("Friday social") && !ics.body().contains("Late night"), ics.body());
        hub.screenshot("dj-hub-gigs-desktop");
        hub.assertCleanConsole();
        desk.assertCleanConsole();

        Browser phone = Browser.open("hub-phone", Browser.PHONE);
        phone.signIn(email, PASSWORD, "/dj/");
        phone.waitUntilText(By.id("hub:gigs:bookings"), "Friday social");
        assertFalse((Boolean) phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                () -> "nothing wider than the phone's screen: " + phone.script("return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
        phone.screenshot("dj-hub-gigs-phone");
        phone.assertCleanConsole();

        // An account without the DJ role gets no hub.
        Browser organizerTries = Browser.open("hub-refused", Browser.PHONE);
        organizerTries.signIn(organizer.email(), organizer.password(), "/organizer/");
        organizerTries.goRefused("/dj/", 403);
    }

    @Test
    void theHubRecapsAndVerifiesASetAndTheProfileMatchesTheDatabase() throws Exception {
        Api api = Api.newClient();
        String admin = Admins.firstAdminToken(api);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // A small catalog: release years (and a tempo) for the radar's era, through Smart Crate's links.
        String[][] songs = {{"Alpha " + tag, "Ann Artist", "1995-05-01", "90"}, {"Bravo " + tag, "Ben Artist", "2005-01-01", "96"},
                {"Charlie " + tag, "Cy Artist", "2015-07-07", "100"}, {"Delta " + tag, "Di Artist", "2021-03-03", "110"}};
        StringBuilder csv = new StringBuilder("Track URI,Track Name,Artist Name(s),Album Release Date,Tempo\n");
        for (String[] song : songs) {
            csv.append("spotify:track:").append(CrateVerificationIT.uri22(song[0])).append(',').append(song[0]).append(',').append(song[1]).append(',')
                    .append(song[2]).append(',').append(song[3]).append('\n');
        }
        assertEquals(201, api.postRaw("/api/admin/catalog/imports", csv.toString(),
                Admins.bearer(admin, "Content-Type", "text/csv", "X-Pika-Client", "pika-e2e")).status());

        Admins.Account organizer = Admins.newOrganizer();
        Instant opens = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        long eventId = Admins.event(organizer, "Radar Weekend", opens, Duration.ofHours(30), "America/Chicago", true);
        long stageId = StageFollowersIT.stage(api, organizer.token(), eventId, "{\"name\":\"Main Floor\",\"openToAll\":true}");
        long nextGig = slot(api, organizer, stageId, opens.plus(Duration.ofHours(20)), "Sunday tea dance");
        JsonObject signedUp = Djs.register(api, PASSWORD);
        LiveDj dj = LiveDj.of(signedUp);
        String email = signedUp.getJsonObject("user").getString("email");
        String slug = signedUp.getJsonObject("user").getString("slug");
        assertEquals(200, api.post("/api/slots/" + nextGig + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer.token())).status());
        assertEquals(200, api.post("/api/dj/bookings/" + nextGig + "/accept", "", Admins.bearer(dj.token)).status());

        // The set: four songs with the desktop's analysis (energy 50..80, danceability 60..90), one liked.
        String set = LiveDj.newSessionId();
        int[][] analysis = {{50, 70}, {60, 80}, {70, 90}, {80, 60}};
        try (LiveDj booth = dj.connect()) {
            booth.registerOn(set, stageId);
            for (int i = 0; i < songs.length; i++) {
                assertAck(booth.send(Json.createObjectBuilder().add("type", "BROADCAST_TRACK").add("sessionId", set)
                        .add("track", Json.createObjectBuilder().add("artist", songs[i][1]).add("title", songs[i][0])
                                .add("bpm", Integer.parseInt(songs[i][3])).add("energy", analysis[i][0]).add("danceability", analysis[i][1]))));
                Waits.broadcastInterval();
            }
            assertAck(booth.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", set)));
        }
        Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", set) == 4, LiveDj.WAIT, "the plays written");
        Admins.sql("INSERT INTO likes (session_id, client_id, played_track_id) SELECT session_id, 'client_hub_test', id FROM played_tracks"
                + " WHERE session_id = ? AND title = ?", set, songs[0][0]);
        CrateAccuracyIT.runToTheEnd(api, admin);
        Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ? AND global_track_id IS NOT NULL", set) == 4,
                LiveDj.WAIT, "Smart Crate linked the four plays");

        // The hub: the set's recap, its verification queue, points; the profile's bio and avatar.
        Browser hub = Browser.open("hub-sets", Browser.DESKTOP);
        hub.signIn(email, PASSWORD, "/dj/");
        hub.driver().findElement(By.xpath("//a[contains(., 'Sets')]")).click();
        hub.waitUntilText(By.id("hub:sets:list"), "Radar Weekend");
        hub.driver().findElement(By.cssSelector("#hub\\:sets\\:list button.open-set")).click();
        hub.waitUntilText(By.id("recap-figures"), "4 tracks · 4 songs · 1 like");
        assertTrue(hub.text(By.id("hub:set:recap")).contains("Ann Artist – Alpha " + tag), hub.text(By.id("hub:set:recap")));
        hub.waitUntilText(By.id("hub:set:queue"), "auto");
        long pointsBefore = api.get("/api/me/activity", Admins.bearer(dj.token)).json().getJsonObject("activity").getJsonNumber("points").longValue();
        hub.driver().findElement(By.cssSelector("#hub\\:set\\:queue button.confirm-match")).click();
        hub.waitUntilText(By.id("hub:set:notices"), "Match confirmed");
        hub.waitUntilText(By.id("hub:set:queue"), "confirmed");
        long pointsAfter = api.get("/api/me/activity", Admins.bearer(dj.token)).json().getJsonObject("activity").getJsonNumber("points").longValue();
        assertTrue(pointsAfter > pointsBefore, "verifying earns points");
        hub.waitUntilText(By.id("standing"), pointsAfter + " points");
        // Reject one match; pick another record for the next from the catalog.
        hub.driver().findElement(By.xpath("//tbody[@id='hub:set:queue_data']/tr[contains(., 'Bravo " + tag + "')]//button[contains(@class, 'reject-match')]")).click();
        hub.waitUntilText(By.id("hub:set:notices"), "Match rejected");
        hub.waitUntilText(By.xpath("//tbody[@id='hub:set:queue_data']/tr[contains(., 'Bravo " + tag + "')]"), "rejected");
        hub.driver().findElement(By.xpath("//tbody[@id='hub:set:queue_data']/tr[contains(., 'Charlie " + tag + "')]//button[contains(@class, 'pick-match')]")).click();
        hub.waitFor(By.id("hub:set:catalog-query")).sendKeys("Delta " + tag);
        hub.driver().findElement(By.id("hub:set:catalog-search")).click();
        hub.waitFor(By.cssSelector("#hub\\:set ul.found button.use-entry")).click();
        hub.waitUntilText(By.id("hub:set:notices"), "Track chosen from the catalog");
        Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks p JOIN global_tracks g ON g.id = p.global_track_id"
                + " WHERE p.session_id = ? AND p.title = ? AND g.title = ?", set, "Charlie " + tag, "Delta " + tag) == 1, LiveDj.WAIT,
                "the play linked to the chosen record");
        hub.screenshot("dj-hub-sets-desktop");

        // With Spotify linked (the DJ signs in to Spotify from the hub's browser), the set goes to a playlist.
        SpotifyStandIn.User spotifyDj = SpotifyStandIn.User.fresh("Radar DJ");
        TestServer.spotify().signInAs(spotifyDj);
        hub.script("location.href = '/api/auth/spotify/login?next=%2Fdj%2F'"); // ends at the public address: not a driver.get, which would throw
        new org.openqa.selenium.support.ui.WebDriverWait(hub.driver(), LiveDj.WAIT)
                .until(d -> d.getCurrentUrl().startsWith(TestServer.PUBLIC_URL + "/api/auth/spotify/callback"));
        URI callback = URI.create(hub.driver().getCurrentUrl());
        hub.go(callback.getRawPath() + "?" + callback.getRawQuery());
        hub.waitFor(By.xpath("//a[contains(., 'Sets')]")).click();
        hub.waitUntilText(By.id("hub:sets:list"), "Radar Weekend");
        hub.driver().findElement(By.cssSelector("#hub\\:sets\\:list button.open-set")).click();
        hub.waitFor(By.id("hub:set:export")).click();
        hub.waitUntilText(By.id("hub:set:notices"), "Exported");
        assertEquals(1, TestServer.spotify().playlistsOf(spotifyDj).size(), "one playlist made in the DJ's Spotify");

        hub.driver().findElement(By.xpath("//a[contains(., 'Profile')]")).click();
        hub.waitFor(By.id("hub:profile:bio")).sendKeys("Westie DJ from <Lisbon> & beyond.");
        hub.driver().findElement(By.id("hub:profile:avatar")).sendKeys("https://images.example/avatar.png");
        hub.driver().findElement(By.id("hub:profile:save-profile")).click();
        hub.waitUntilText(By.id("hub:profile:notices"), "Profile saved");
        hub.driver().findElement(By.id("hub:profile:avatar")).clear();
        hub.driver().findElement(By.id("hub:profile:avatar")).sendKeys("javascript:alert(1)");
        hub.driver().findElement(By.id("hub:profile:save-profile")).click();
        hub.waitUntilText(By.id("hub:profile:notices"), "The avatar must be an https:// address of a picture");
        hub.assertCleanConsole();

        // The public profile, signed out: figures and radar as the database has them.
        Browser visitor = Browser.open("profile-phone", Browser.PHONE);
        visitor.expectUnreachable("https://images.example/avatar.png"); // no internet here: the picture's address is what counts
        visitor.go("/dj/" + slug);
        assertEquals(dj.displayName, visitor.text(By.id("dj-name")));
        assertEquals("Westie DJ from <Lisbon> & beyond.", visitor.text(By.id("bio")), "escaped, shown as typed");
        assertEquals("https://images.example/avatar.png", visitor.driver().findElement(By.id("avatar")).getAttribute("src"));
        assertTrue(visitor.text(By.id("verified")).contains("Verified"), "played at a Pika! event");
        assertEquals(String.valueOf((long) number("SELECT count(DISTINCT g.event_id) FROM sessions s JOIN stages g ON g.id = s.stage_id"
                + " WHERE s.dj_user_id = ?", dj.accountId)), visitor.text(By.id("events-played")));
        assertEquals(String.valueOf((long) number("SELECT count(DISTINCT coalesce('catalog:' || p.global_track_id, p.title)) FROM played_tracks p"
                + " JOIN sessions s ON s.id = p.session_id WHERE s.dj_user_id = ?", dj.accountId)), visitor.text(By.id("unique-tracks")));
        assertEquals("3", visitor.text(By.id("unique-tracks")), "Charlie was linked to Delta's record above: one song");
        double hours = number("SELECT round(CAST(sum(extract(epoch FROM ended_at - started_at)) / 3600.0 AS numeric), 1) FROM sessions"
                + " WHERE dj_user_id = ?", dj.accountId);
        assertEquals(String.format(Locale.ROOT, "%.1f", hours), visitor.text(By.id("hours-live")));
        assertTrue(visitor.text(By.id("upcoming")).contains("Radar Weekend"), visitor.text(By.id("upcoming")));
        // The radar, from the plays above: median BPM 98 → 48; energy 65; danceability 75 (the desktop's analysis);
        // the era from the release years of the catalog records the plays are linked to now; 3 songs in 4 plays.
        int year = (int) Math.round(number("SELECT avg(g.release_year) FROM played_tracks p JOIN sessions s ON s.id = p.session_id"
                + " JOIN global_tracks g ON g.id = p.global_track_id WHERE s.dj_user_id = ?", dj.accountId));
        int era = (int) Math.round((year - 1960) * 100.0 / (java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1960));
        String decade = (year / 10 * 10) + "s releases";
        assertEquals("Tempo 48 · mid-tempo (98 BPM)", visitor.text(By.cssSelector("#radar-list li[data-key='tempo']")));
        assertEquals("Energy 65 · medium energy", visitor.text(By.cssSelector("#radar-list li[data-key='energy']")));
        assertEquals("Danceability 75 · easy to dance", visitor.text(By.cssSelector("#radar-list li[data-key='danceability']")));
        assertEquals("Era " + era + " · " + decade, visitor.text(By.cssSelector("#radar-list li[data-key='era']")));
        assertEquals("Variety 75 · some favourites (3 songs in 4 plays)", visitor.text(By.cssSelector("#radar-list li[data-key='variety']")));
        assertEquals("Mostly plays: mid-tempo (98 BPM), medium energy, easy to dance, " + decade, visitor.text(By.id("mostly-plays")));
        assertEquals(5, ((String) visitor.script("return document.getElementById('radar-shape').getAttribute('points')")).split(" ").length);
        assertFalse((Boolean) visitor.script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
                "nothing wider than the phone's screen");
        visitor.screenshot("dj-profile-phone");
        visitor.assertCleanConsole();
        visitor.goRefused("/dj/nobody-has-this-slug-" + tag, 404);
        assertTrue(visitor.text(By.tagName("main")).contains("No DJ has this address"));

        Browser wide = Browser.open("profile-desktop", Browser.DESKTOP);
        wide.expectUnreachable("https://images.example/avatar.png");
        wide.go("/dj/" + slug);
        wide.waitFor(By.id("radar"));
        wide.screenshot("dj-profile-desktop");
        wide.assertCleanConsole();
    }

    private static long slot(Api api, Admins.Account organizer, long stageId, Instant start, String title) {
        Api.Reply added = api.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(1)) + "\",\"title\":\"" + title + "\"}", Admins.bearer(organizer.token()));
        assertEquals(201, added.status(), added::toString);
        return added.json().getJsonObject("slot").getJsonNumber("id").longValue();
    }

    private static String slotStatus(Api api, Admins.Account organizer, long eventId, long slotId) {
        JsonObject schedule = api.get("/api/events/" + eventId + "/schedule", Admins.bearer(organizer.token())).json().getJsonObject("schedule");
        return schedule.getJsonArray("stages").getValuesAs(JsonObject.class).stream()
                .flatMap(stage -> stage.getJsonArray("slots").getValuesAs(JsonObject.class).stream())
                .filter(slot -> slot.getJsonNumber("id").longValue() == slotId).findFirst().orElseThrow().getString("bookingStatus");
    }

    private static double number(String sql, Object... parameters) throws Exception {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        }
    }
}
