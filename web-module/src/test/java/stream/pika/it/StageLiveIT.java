package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.StageFollowersIT.stage;

/**
 * Issue 15, item 5: {@code REGISTER_SESSION} with a {@code stageId}. A DJ goes live on a stage
 * only while (or 30 minutes before) a slot it accepted there, unless the stage is open; one live
 * session per stage; each refusal is a NACK with the text.
 */
@ExtendWith(TestServer.class)
class StageLiveIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aBookedDjGoesLiveOnItsStageAndNobodyElseDoes() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        long eventId = api.post("/api/events", "{\"name\":\"Stage Night\",\"startsAt\":\"" + NOW.minus(1, ChronoUnit.HOURS)
                + "\",\"endsAt\":\"" + NOW.plus(30, ChronoUnit.HOURS) + "\",\"timeZone\":\"Europe/Berlin\"}", Admins.bearer(organizer))
                .json().getJsonObject("event").getJsonNumber("id").longValue();
        long main = stage(api, organizer, eventId, "{\"name\":\"Main Floor\"}");
        long open = stage(api, organizer, eventId, "{\"name\":\"Open Floor\",\"openToAll\":true}");
        long patio = stage(api, organizer, eventId, "{\"name\":\"Patio\",\"openToAll\":true}");
        LiveDj now = LiveDj.signUp();
        LiveDj next = LiveDj.signUp();
        LiveDj later = LiveDj.signUp();
        book(api, organizer, main, NOW.minus(10, ChronoUnit.MINUTES), NOW.plus(10, ChronoUnit.MINUTES), now);
        book(api, organizer, main, NOW.plus(10, ChronoUnit.MINUTES), NOW.plus(70, ChronoUnit.MINUTES), next);
        book(api, organizer, main, NOW.plus(3, ChronoUnit.HOURS), NOW.plus(4, ChronoUnit.HOURS), later);
        assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());

        try (LiveDj djNow = now.connect(); LiveDj djNext = next.connect(); LiveDj djLater = later.connect()) {
            assertEquals("Not booked on this stage", refusal(djLater, main), "its slot is hours away");
            assertEquals("Stage not found", refusal(djLater, 999_999_999L));
            String set = LiveDj.newSessionId();
            assertEquals(set, registered(djNow, set, main).getString("sessionId"));
            assertEquals("Stage already has active DJ", refusal(djNext, main), "one DJ per stage, booked or not");

            assertAck(djNow.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", set)));
            registered(djNext, LiveDj.newSessionId(), main); // 10 minutes before its slot: within the 30 allowed
            String openSet = LiveDj.newSessionId();
            registered(djLater, openSet, open); // an open stage needs no booking
            assertAck(djLater.play(openSet, "Artist", "On the open floor"));
            try (LiveDj elsewhere = later.another().connect()) {
                assertEquals("Session is live on another stage", refusal(elsewhere, openSet, patio), "a set keeps its stage until it ends");
                registered(elsewhere, LiveDj.newSessionId(), patio); // the refusal left the patio free
            }
        }
        assertEquals(200, api.post("/api/stages/" + open + "/status", "{\"status\":\"closed\"}", Admins.bearer(organizer)).status());
        try (LiveDj again = later.another().connect()) {
            assertEquals("Stage not found", refusal(again, open), "a closed stage takes nobody");
        }
    }

    private static void book(Api api, String organizer, long stageId, Instant start, Instant end, LiveDj dj) {
        Api.Reply slot = api.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
                + "\",\"title\":\"Social\"}", Admins.bearer(organizer));
        assertEquals(201, slot.status(), slot::toString);
        long slotId = slot.json().getJsonObject("slot").getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/slots/" + slotId + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer)).status());
        assertEquals(200, api.post("/api/dj/bookings/" + slotId + "/accept", "", Admins.bearer(dj.token)).status());
    }

    private static JsonObject registered(LiveDj dj, String sessionId, long stageId) {
        String messageId = LiveDj.messageId();
        dj.ws.send(register(dj, sessionId, stageId, messageId));
        JsonObject registered = dj.ws.await("SESSION_REGISTERED", LiveDj.WAIT);
        assertEquals("ACK", dj.ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), LiveDj.WAIT, "ACK")
                .getString("type"));
        return registered;
    }

    /** The NACK text of a REGISTER_SESSION on that stage (the connection stays open). */
    private static String refusal(LiveDj dj, long stageId) {
        return refusal(dj, LiveDj.newSessionId(), stageId);
    }

    private static String refusal(LiveDj dj, String sessionId, long stageId) {
        String messageId = LiveDj.messageId();
        dj.ws.send(register(dj, sessionId, stageId, messageId));
        JsonObject answer = dj.ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), LiveDj.WAIT, "NACK");
        assertEquals("NACK", answer.getString("type"), answer::toString);
        return answer.getString("error");
    }

    private static String register(LiveDj dj, String sessionId, long stageId, String messageId) {
        return Json.createObjectBuilder().add("type", "REGISTER_SESSION").add("sessionId", sessionId).add("djName", "Desktop")
                .add("token", dj.token).add("stageId", stageId).add("messageId", messageId).build().toString();
    }
}
