package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.assertNack;
import static stream.pika.it.StageFollowersIT.event;
import static stream.pika.it.StageFollowersIT.followStageAll;
import static stream.pika.it.StageFollowersIT.stage;

/**
 * Issue 15, items 7 and 8: an organizer's announcements reach every connection following a stage
 * of the event (and only that event), late followers get the last 15 minutes, pushes go once per
 * device with the priority in the payload; schedule changes reach the event's followers live.
 */
@ExtendWith(TestServer.class)
class EventAnnouncementsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static PushServiceEmulator pushService;
    private static String vapidKey;

    /** An organizer's published event with two stages, and another organizer's with one. */
    record Weekend(String organizer, long eventId, long main, long workshop, String rival, long otherEvent, long otherStage) {
        static Weekend create(Api api) {
            String organizer = Admins.organizerToken();
            long eventId = event(api, organizer, "Swing Weekend");
            long main = stage(api, organizer, eventId, "{\"name\":\"Main Floor\"}");
            long workshop = stage(api, organizer, eventId, "{\"name\":\"Workshop Room\"}");
            assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());
            String rival = Admins.organizerToken();
            long otherEvent = event(api, rival, "Other Weekend");
            long otherStage = stage(api, rival, otherEvent, "{\"name\":\"Other Floor\"}");
            assertEquals(200, api.post("/api/events/" + otherEvent + "/publish", "", Admins.bearer(rival)).status());
            return new Weekend(organizer, eventId, main, workshop, rival, otherEvent, otherStage);
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
    void everyFollowerOfTheEventHearsItsAnnouncementsAndNobodyElse() {
        Api api = Api.newClient();
        Weekend weekend = Weekend.create(api);
        try (WsClient onMain = WsClient.connect(); WsClient inWorkshop = WsClient.connect(); WsClient elsewhere = WsClient.connect();
             WsClient organizer = WsClient.connect(); WsClient stranger = WsClient.connect()) {
            followStageAll(onMain, weekend.main(), Dancer.newClientId());
            followStageAll(inWorkshop, weekend.workshop(), Dancer.newClientId());
            followStageAll(elsewhere, weekend.otherStage(), Dancer.newClientId());

            assertNack("Unauthorized", ask(stranger, announcement(weekend.eventId(), "Not yours", "info")));
            assertNack("Invalid token", ask(stranger, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", "pk_dj_nonsense-token")));
            assertAck(ask(stranger, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", weekend.rival())));
            assertNack("Unauthorized", ask(stranger, announcement(weekend.eventId(), "Another organizer's event", "info")));

            assertAck(ask(organizer, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", weekend.organizer())));
            assertAck(ask(organizer, announcement(weekend.eventId(), "The workshop moves to room 2", "warning")));
            for (WsClient follower : List.of(onMain, inWorkshop)) {
                JsonObject heard = follower.await("EVENT_ANNOUNCEMENT", LiveDj.WAIT);
                assertEquals(weekend.eventId(), heard.getJsonNumber("eventId").longValue());
                assertEquals("The workshop moves to room 2", heard.getString("message"));
                assertEquals("warning", heard.getString("priority"));
                assertTrue(heard.getString("timestamp").endsWith("Z"), heard::toString);
                assertTrue(heard.getJsonNumber("id").longValue() > 0);
            }
            assertTrue(elsewhere.drain(QUIET).stream().noneMatch(m -> "EVENT_ANNOUNCEMENT".equals(m.getString("type"))),
                    "another event's followers hear nothing of it");

            Api.Reply posted = api.post("/api/events/" + weekend.eventId() + "/announcements",
                    "{\"message\":\"Doors close at 3\",\"priority\":\"urgent\"}", Admins.bearer(weekend.organizer()));
            assertEquals(201, posted.status(), posted::toString);
            assertEquals("urgent", posted.json().getJsonObject("announcement").getString("priority"));
            assertEquals("Doors close at 3", onMain.await("EVENT_ANNOUNCEMENT", LiveDj.WAIT).getString("message"));
            assertEquals(403, api.post("/api/events/" + weekend.eventId() + "/announcements", "{\"message\":\"Mine now\"}",
                    Admins.bearer(weekend.rival())).status(), "another organizer's event");
            Api.Reply tooLong = api.post("/api/events/" + weekend.eventId() + "/announcements",
                    "{\"message\":\"" + "x".repeat(501) + "\"}", Admins.bearer(weekend.organizer()));
            assertEquals(400, tooLong.status(), tooLong::toString);
            assertEquals(400, api.post("/api/events/" + weekend.eventId() + "/announcements", "{\"message\":\"Hi\",\"priority\":\"loud\"}",
                    Admins.bearer(weekend.organizer())).status());
            JsonObject tooLongWs = ask(organizer, announcement(weekend.eventId(), "y".repeat(501), "info"));
            assertEquals("NACK", tooLongWs.getString("type"));

            // Late followers get the last 15 minutes, oldest first, before the ACK of their SUBSCRIBE_STAGE.
            try (WsClient late = WsClient.connect()) {
                List<JsonObject> state = followStageAll(late, weekend.workshop(), Dancer.newClientId());
                List<String> told = state.stream().filter(m -> "EVENT_ANNOUNCEMENT".equals(m.getString("type")))
                        .map(m -> m.getString("message")).toList();
                assertEquals(List.of("The workshop moves to room 2", "Doors close at 3"), told, state::toString);
            }
            Api.Reply history = api.get("/api/events/" + weekend.eventId() + "/announcements", Admins.bearer(weekend.organizer()));
            assertEquals(200, history.status(), history::toString);
            assertEquals(2, history.json().getJsonArray("announcements").size());

            // Ten per ten minutes per organizer, over /ws and REST together.
            for (int i = 3; i <= 10; i++) {
                assertEquals(201, api.post("/api/events/" + weekend.eventId() + "/announcements", "{\"message\":\"Note " + i + "\"}",
                        Admins.bearer(weekend.organizer())).status());
            }
            Api.Reply limited = api.post("/api/events/" + weekend.eventId() + "/announcements", "{\"message\":\"One too many\"}",
                    Admins.bearer(weekend.organizer()));
            assertEquals(429, limited.status(), limited::toString);
            JsonObject limitedWs = ask(organizer, announcement(weekend.eventId(), "One too many", "info"));
            assertEquals("NACK", limitedWs.getString("type"));
            assertTrue(limitedWs.getString("error").startsWith("Rate limit exceeded"), limitedWs::toString);
        }
    }

    @Test
    void aPushReachesEachDeviceOnceWithItsPriority() {
        Api api = Api.newClient();
        Weekend weekend = Weekend.create(api);
        PushServiceEmulator.Subscription bothStages = pushDevice();
        PushServiceEmulator.Subscription workshopOnly = pushDevice();
        PushServiceEmulator.Subscription otherEvent = pushDevice();
        String phone = Dancer.newClientId();
        follow(api, weekend.main(), phone, bothStages);
        follow(api, weekend.workshop(), phone, bothStages);
        follow(api, weekend.workshop(), Dancer.newClientId(), workshopOnly);
        follow(api, weekend.otherStage(), Dancer.newClientId(), otherEvent);
        Api.Reply unknownDevice = api.post("/api/stages/" + weekend.main() + "/subscribe",
                "{\"clientId\":\"" + Dancer.newClientId() + "\",\"pushEndpoint\":\"https://push.example/unknown\"}");
        assertEquals(400, unknownDevice.status(), unknownDevice::toString);

        Api.Reply posted = api.post("/api/events/" + weekend.eventId() + "/announcements",
                "{\"message\":\"Fire drill: leave by the main door\",\"priority\":\"urgent\",\"push\":true}", Admins.bearer(weekend.organizer()));
        assertEquals(201, posted.status(), posted::toString);
        assertEquals(2, posted.json().getJsonObject("announcement").getInt("pushDevices"), posted::toString);
        for (PushServiceEmulator.Subscription device : List.of(bothStages, workshopOnly)) {
            Waits.until(() -> !pushService.notifications(device).isEmpty(), LiveDj.WAIT, "the push at " + device.clientHash());
        }
        Waits.pause(Duration.ofSeconds(1)); // a second push would have come by now
        List<String> received = pushService.notifications(bothStages);
        assertEquals(1, received.size(), "one push per device, however many stages it follows: " + received);
        JsonObject payload = Json.createReader(new StringReader(received.get(0))).readObject();
        assertEquals("Fire drill: leave by the main door", payload.getString("body"));
        assertEquals("urgent", payload.getString("priority"));
        assertTrue(payload.getBoolean("requireInteraction"), payload::toString);
        assertEquals(1, pushService.notifications(workshopOnly).size());
        assertTrue(pushService.notifications(otherEvent).isEmpty(), "another event's devices get nothing");

        Api.Reply info = api.post("/api/events/" + weekend.eventId() + "/announcements",
                "{\"message\":\"Water at the bar\",\"push\":true}", Admins.bearer(weekend.organizer()));
        assertEquals(201, info.status(), info::toString);
        Waits.until(() -> pushService.notifications(workshopOnly).size() == 2, LiveDj.WAIT, "the second push");
        JsonObject plain = Json.createReader(new StringReader(pushService.notifications(workshopOnly).get(1))).readObject();
        assertEquals("info", plain.getString("priority"));
        assertFalse(plain.getBoolean("requireInteraction"));

        String leaving = Dancer.newClientId();
        follow(api, weekend.main(), leaving, null);
        assertEquals(200, api.post("/api/stages/" + weekend.main() + "/unsubscribe", "{\"clientId\":\"" + leaving + "\"}").status());
        assertEquals(404, api.post("/api/stages/" + weekend.main() + "/unsubscribe", "{\"clientId\":\"" + leaving + "\"}").status());
    }

    @Test
    void scheduleChangesReachTheEventsFollowersLive() {
        Api api = Api.newClient();
        Weekend weekend = Weekend.create(api);
        try (WsClient follower = WsClient.connect(); WsClient elsewhere = WsClient.connect(); WsClient dashboard = WsClient.connect();
             WsClient rivalDashboard = WsClient.connect()) {
            followStageAll(follower, weekend.main(), Dancer.newClientId());
            followStageAll(elsewhere, weekend.otherStage(), Dancer.newClientId());
            assertNack("Unauthorized", ask(dashboard, watch(weekend.eventId())));
            assertAck(ask(dashboard, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", weekend.organizer())));
            assertAck(ask(dashboard, watch(weekend.eventId())));
            assertAck(ask(rivalDashboard, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", weekend.rival())));
            assertNack("Unauthorized", ask(rivalDashboard, watch(weekend.eventId())));
            Api.Reply created = api.post("/api/stages/" + weekend.workshop() + "/slots", "{\"startsAt\":\"" + NOW.plus(2, ChronoUnit.HOURS)
                    + "\",\"endsAt\":\"" + NOW.plus(3, ChronoUnit.HOURS) + "\",\"title\":\"Shag basics\",\"kind\":\"workshop\"}",
                    Admins.bearer(weekend.organizer()));
            assertEquals(201, created.status(), created::toString);
            long slotId = created.json().getJsonObject("slot").getJsonNumber("id").longValue();
            JsonObject news = follower.await("SCHEDULE_UPDATED", LiveDj.WAIT);
            assertEquals(weekend.eventId(), news.getJsonNumber("eventId").longValue());
            assertEquals("created", news.getString("change"));
            assertEquals("Shag basics", news.getJsonObject("slot").getString("title"));
            assertEquals(weekend.workshop(), news.getJsonObject("slot").getJsonNumber("stageId").longValue());

            Api.Reply moved = api.put("/api/slots/" + slotId, "{\"startsAt\":\"" + NOW.plus(4, ChronoUnit.HOURS)
                    + "\",\"endsAt\":\"" + NOW.plus(5, ChronoUnit.HOURS) + "\",\"title\":\"Shag basics\",\"kind\":\"workshop\"}",
                    Admins.bearer(weekend.organizer(), "If-Match", created.headers().firstValue("ETag").orElseThrow()));
            assertEquals(200, moved.status(), moved::toString);
            JsonObject move = follower.await("SCHEDULE_UPDATED", LiveDj.WAIT);
            assertEquals("changed", move.getString("change"));
            assertEquals(NOW.plus(4, ChronoUnit.HOURS).toString(), move.getJsonObject("slot").getString("startsAt"));

            assertEquals("created", dashboard.await("SCHEDULE_UPDATED", LiveDj.WAIT).getString("change"), "the organizer's dashboard too");
            LiveDj dj = LiveDj.signUp();
            assertEquals(200, api.post("/api/slots/" + slotId + "/booking", "{\"djId\":" + dj.accountId + "}",
                    Admins.bearer(weekend.organizer())).status());
            JsonObject invited = dashboard.await("BOOKING_UPDATED", LiveDj.WAIT);
            assertEquals("invited", invited.getJsonObject("slot").getString("bookingStatus"));
            assertEquals(dj.accountId, invited.getJsonObject("slot").getJsonNumber("djId").longValue());
            assertTrue(follower.drain(QUIET).stream().noneMatch(m -> m.toString().contains("\"djId\"")),
                    "an invitation is not the followers' business");
            assertEquals(200, api.post("/api/dj/bookings/" + slotId + "/accept", "", Admins.bearer(dj.token)).status());
            assertEquals("accepted", dashboard.await("BOOKING_UPDATED", LiveDj.WAIT).getJsonObject("slot").getString("bookingStatus"));
            JsonObject confirmed = follower.await("SCHEDULE_UPDATED", LiveDj.WAIT);
            assertEquals("booking", confirmed.getString("change"));
            assertEquals(dj.accountId, confirmed.getJsonObject("slot").getJsonNumber("djId").longValue(), "a confirmed DJ is public");
            assertTrue(rivalDashboard.drain(QUIET).stream().noneMatch(m -> m.getString("type").contains("_UPDATED")));
            assertTrue(elsewhere.drain(QUIET).stream().noneMatch(m -> m.getString("type").startsWith("SCHEDULE")),
                    "another event's followers hear nothing of it");
        }
    }

    private static JsonObjectBuilder watch(long eventId) {
        return Json.createObjectBuilder().add("type", "WATCH_EVENT").add("eventId", eventId);
    }

    private static JsonObjectBuilder announcement(long eventId, String message, String priority) {
        return Json.createObjectBuilder().add("type", "SEND_EVENT_ANNOUNCEMENT").add("eventId", eventId).add("message", message)
                .add("priority", priority);
    }

    /** A phone's push subscription, registered with the server (bound to no session). */
    private static PushServiceEmulator.Subscription pushDevice() {
        return pushDevice(pushService, vapidKey);
    }

    /** A browser's push subscription at the emulator, registered with the server. */
    static PushServiceEmulator.Subscription pushDevice(PushServiceEmulator pushService, String vapidKey) {
        var subscription = pushService.subscribe(vapidKey);
        String body = Json.createObjectBuilder().add("endpoint", subscription.endpoint())
                .add("keys", Json.createObjectBuilder().add("p256dh", subscription.p256dh()).add("auth", subscription.auth()))
                .add("clientId", Dancer.newClientId()).build().toString();
        Api.Reply reply = Api.newClient().post("/api/push/subscribe", body);
        assertEquals(200, reply.status(), reply::toString);
        return subscription;
    }

    static void follow(Api api, long stageId, String clientId, PushServiceEmulator.Subscription device) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("clientId", clientId);
        if (device != null) {
            body.add("pushEndpoint", device.endpoint());
        }
        Api.Reply followed = api.post("/api/stages/" + stageId + "/subscribe", body.build().toString());
        assertEquals(200, followed.status(), followed::toString);
        assertEquals(device != null, followed.json().getJsonObject("follow").getBoolean("push"));
    }
}
