package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, item 3: a dancer's starred slots, kept for a phone with push or for an account (the
 * phone's merged in at sign-in), each reminded once N minutes before its slot, N chosen by the
 * dancer; the reminder follows the slot when the organizer moves it.
 */
@ExtendWith(TestServer.class)
class SlotStarsIT {

    static final Duration REMINDED_WITHIN = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static PushServiceEmulator pushService;
    private static String vapidKey;

    /** A published event with one stage: a one-minute slot starting in 3 minutes (a DJ booked on it) and one in 50. */
    record Night(String organizer, long eventId, long stageId, long soon, long later, String laterTag, String djName) {

        static Night open(Api api, String name) {
            String organizer = Admins.organizerToken();
            long eventId = StageFollowersIT.event(api, organizer, name);
            long stageId = StageFollowersIT.stage(api, organizer, eventId, "{\"name\":\"Main Floor\"}");
            assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Api.Reply soon = slot(api, organizer, stageId, now.plus(3, ChronoUnit.MINUTES), now.plus(4, ChronoUnit.MINUTES), "Jack & Jill warm-up");
            Api.Reply later = slot(api, organizer, stageId, now.plus(50, ChronoUnit.MINUTES), now.plus(90, ChronoUnit.MINUTES), "Late social");
            LiveDj dj = LiveDj.signUp();
            long soonId = id(soon);
            assertEquals(200, api.post("/api/slots/" + soonId + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer)).status());
            assertEquals(200, api.post("/api/dj/bookings/" + soonId + "/accept", "", Admins.bearer(dj.token)).status());
            return new Night(organizer, eventId, stageId, soonId, id(later), later.headers().firstValue("ETag").orElseThrow(), dj.displayName);
        }
    }

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
    void aPhoneStarsSlotsAndIsRemindedOnceAtItsLeadAndAgainWhenTheSlotMoves() throws Exception {
        Api api = Api.newClient();
        Night night = Night.open(api, "Reminder Night");
        PushServiceEmulator.Subscription phone = EventAnnouncementsIT.pushDevice(pushService, vapidKey);

        Api.Reply starred = stars(api, night.eventId(), "{\"star\":[" + night.soon() + "," + night.later() + "],\"remindMinutes\":5,"
                + "\"pushEndpoint\":\"" + phone.endpoint() + "\"}");
        assertEquals(200, starred.status(), starred::toString);
        assertEquals(List.of(night.soon(), night.later()), ids(starred.json()));
        assertEquals(5, starred.json().getInt("remindMinutes"));
        assertTrue(starred.json().getBoolean("reminders"), "the phone takes pushes");

        // The first slot starts within 5 minutes: its reminder comes at once, and only once.
        JsonObject reminder = awaitPushes(phone, 1).get(0);
        String title = reminder.getString("title");
        assertTrue(title.matches("In [23] min: Jack & Jill warm-up"), title);
        String startsAt = DateTimeFormatter.ofPattern("HH:mm").format(slotStart(night.soon()).atZone(ZoneId.of("Europe/Berlin")));
        assertEquals(night.djName() + " · Main Floor at " + startsAt + " · Reminder Night", reminder.getString("body"));
        assertEquals("/event/" + night.eventId(), reminder.getJsonObject("data").getString("url"));
        assertEquals("slot-" + night.soon(), reminder.getString("tag"));
        Waits.pause(QUIET);
        assertEquals(1, pushes(phone).size(), "the later slot is 50 minutes away, and the first was reminded once");

        // The organizer moves the late slot to 4 minutes from now: its reminder follows the schedule.
        Instant moved = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(4, ChronoUnit.MINUTES).plusSeconds(5); // after the first slot
        Api.Reply move = api.put("/api/slots/" + night.later(), "{\"startsAt\":\"" + moved + "\",\"endsAt\":\""
                        + moved.plus(1, ChronoUnit.MINUTES) + "\",\"title\":\"Late social\",\"kind\":\"social\"}",
                Admins.bearer(night.organizer(), "If-Match", night.laterTag()));
        assertEquals(200, move.status(), move::toString);
        List<JsonObject> both = awaitPushes(phone, 2);
        assertTrue(both.get(1).getString("title").matches("In [3-5] min: Late social"), both.get(1)::toString);
        assertFalse(both.get(1).getString("body").contains(night.djName()), "nobody is booked on the late slot");

        // Unstarring answers the rest; another phone's stars are its own.
        Api.Reply unstarred = stars(api, night.eventId(), "{\"unstar\":[" + night.later() + "],\"pushEndpoint\":\"" + phone.endpoint() + "\"}");
        assertEquals(List.of(night.soon()), ids(unstarred.json()));
        PushServiceEmulator.Subscription other = EventAnnouncementsIT.pushDevice(pushService, vapidKey);
        assertEquals(List.of(), ids(stars(api, night.eventId(), "{\"pushEndpoint\":\"" + other.endpoint() + "\"}").json()));
        assertEquals(5, stars(api, night.eventId(), "{\"pushEndpoint\":\"" + phone.endpoint() + "\"}").json().getInt("remindMinutes"),
                "the phone's lead is kept");
    }

    @Test
    void anAccountsStarsFollowItAcrossPhonesAndTakeOverWhatThePhoneStarredSignedOut() throws Exception {
        Api api = Api.newClient();
        Night night = Night.open(api, "Account Night");
        LiveDj dancer = LiveDj.signUp(); // any signed-in account may star
        PushServiceEmulator.Subscription phone = EventAnnouncementsIT.pushDevice(pushService, vapidKey);
        // Signed out, the phone stars the late slot (50 minutes away: not due).
        assertEquals(200, stars(api, night.eventId(), "{\"star\":[" + night.later() + "],\"pushEndpoint\":\"" + phone.endpoint() + "\"}").status());
        JsonObject signedOut = api.get("/api/events/" + night.eventId() + "/stars").json();
        assertFalse(signedOut.getBoolean("signedIn"), "signed out, stars are the browser's");
        assertEquals(List.of(), ids(signedOut));

        // Signed in on that phone, the dancer stars nothing new: the phone's star becomes the account's.
        Api.Reply merged = api.post("/api/events/" + night.eventId() + "/stars", "{\"pushEndpoint\":\"" + phone.endpoint() + "\"}",
                Admins.bearer(dancer.token));
        assertEquals(200, merged.status(), merged::toString);
        assertEquals(List.of(night.later()), ids(merged.json()));
        assertEquals(1, DancerLikesIT.rows("SELECT count(*) FROM slot_stars WHERE user_id = ?", dancer.accountId));
        assertEquals(0, DancerLikesIT.rows("SELECT count(*) FROM slot_stars WHERE user_id IS NULL AND push_endpoint = ?", phone.endpoint()));
        assertEquals(1, DancerLikesIT.rows("SELECT count(*) FROM push_subscriptions WHERE user_id = ? AND endpoint = ?", dancer.accountId, phone.endpoint()),
                "the phone is the account's now");

        // A second phone, subscribed while signed in, is the account's too; a star made on a laptop reaches both.
        var laptopFreePhone = pushService.subscribe(vapidKey);
        Api.Reply subscribed = api.post("/api/push/subscribe", Json.createObjectBuilder().add("endpoint", laptopFreePhone.endpoint())
                .add("keys", Json.createObjectBuilder().add("p256dh", laptopFreePhone.p256dh()).add("auth", laptopFreePhone.auth()))
                .add("clientId", Dancer.newClientId()).build().toString(), Admins.bearer(dancer.token));
        assertEquals(200, subscribed.status(), subscribed::toString);
        Api.Reply fromLaptop = api.post("/api/events/" + night.eventId() + "/stars", "{\"star\":[" + night.soon() + "]}", Admins.bearer(dancer.token));
        assertEquals(List.of(night.soon(), night.later()), ids(fromLaptop.json()));
        assertEquals(10, fromLaptop.json().getInt("remindMinutes"), "the default lead");
        assertTrue(fromLaptop.json().getBoolean("reminders"));
        JsonObject mine = api.get("/api/events/" + night.eventId() + "/stars", Admins.bearer(dancer.token)).json();
        assertTrue(mine.getBoolean("signedIn"));
        assertEquals(List.of(night.soon(), night.later()), ids(mine));
        for (PushServiceEmulator.Subscription device : List.of(phone, laptopFreePhone)) {
            assertTrue(awaitPushes(device, 1).get(0).getString("title").endsWith("min: Jack & Jill warm-up"));
        }
        Waits.pause(QUIET);
        assertEquals(1, pushes(phone).size());
        assertEquals(1, pushes(laptopFreePhone).size());
    }

    @Test
    void starsAreCheckedAtTheBoundary() throws Exception {
        Api api = Api.newClient();
        Night night = Night.open(api, "Checked Night");
        Night elsewhere = Night.open(api, "Other Night");
        PushServiceEmulator.Subscription phone = EventAnnouncementsIT.pushDevice(pushService, vapidKey);
        String endpoint = ",\"pushEndpoint\":\"" + phone.endpoint() + "\"}";
        refused(stars(api, night.eventId(), "{\"star\":[" + night.soon() + "]}"), 400, "Sign in, or send pushEndpoint");
        refused(stars(api, night.eventId(), "{\"star\":[" + night.soon() + "],\"pushEndpoint\":\"https://push.example/nobody\"}"), 400,
                "pushEndpoint is not a push subscription of this site");
        refused(stars(api, night.eventId(), "{\"star\":[" + elsewhere.soon() + "]" + endpoint), 400, "Not slots of this event: [" + elsewhere.soon() + "]");
        refused(stars(api, night.eventId(), "{\"star\":[" + night.soon() + "],\"unstar\":[" + night.soon() + "]" + endpoint), 400,
                "A slot cannot be starred and unstarred at once");
        refused(stars(api, night.eventId(), "{\"star\":[" + night.soon() + "],\"remindMinutes\":0" + endpoint), 400, "remindMinutes must be 1 to 120");
        refused(stars(api, night.eventId(), "{\"star\":[" + night.soon() + "],\"remindMinutes\":121" + endpoint), 400, "remindMinutes must be 1 to 120");
        refused(stars(api, night.eventId(), "{\"star\":[-3]" + endpoint), 400, "star holds slot ids");
        refused(stars(api, night.eventId(), "{\"star\":\"all\"" + endpoint), 400, null);
        refused(stars(api, 999_999_999L, "{\"star\":[1]" + endpoint), 404, "Event not found");
        String organizer = Admins.organizerToken();
        long draft = StageFollowersIT.event(api, organizer, "Draft Night");
        refused(stars(api, draft, "{\"star\":[1]" + endpoint), 404, "Event not found");
        assertEquals(0, DancerLikesIT.rows("SELECT count(*) FROM slot_stars WHERE push_endpoint = ?", phone.endpoint()), "nothing was kept");
    }

    static Api.Reply stars(Api api, long eventId, String body) {
        return api.post("/api/events/" + eventId + "/stars", body);
    }

    private static void refused(Api.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.json().containsKey("error"), reply::toString);
        if (message != null) {
            assertTrue(reply.json().getString("error").startsWith(message), reply::toString);
        }
    }

    private static Api.Reply slot(Api api, String organizer, long stageId, Instant start, Instant end, String title) {
        Api.Reply slot = api.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
                + "\",\"title\":\"" + title + "\"}", Admins.bearer(organizer));
        assertEquals(201, slot.status(), slot::toString);
        return slot;
    }

    private static long id(Api.Reply slot) {
        return slot.json().getJsonObject("slot").getJsonNumber("id").longValue();
    }

    static List<Long> ids(JsonObject answer) {
        return answer.getJsonArray("slotIds").getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList();
    }

    static List<JsonObject> pushes(PushServiceEmulator.Subscription device) {
        List<JsonObject> all = new ArrayList<>();
        for (String text : pushService.notifications(device)) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                all.add(reader.readObject());
            }
        }
        return all;
    }

    private static List<JsonObject> awaitPushes(PushServiceEmulator.Subscription device, int count) {
        Waits.until(() -> pushes(device).size() >= count, REMINDED_WITHIN, count + " reminder(s) at the push service");
        return pushes(device);
    }

    private static Instant slotStart(long slotId) throws SQLException {
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("SELECT starts_at FROM schedule_slots WHERE id = ?")) {
            query.setLong(1, slotId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static Connection database() throws SQLException {
        return TestServer.postgres().connect(TestServer.DATABASE);
    }
}
