package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.assertNack;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * Issue 15, item 6: a dancer follows a stage ({@code SUBSCRIBE_STAGE}) and hears whoever plays
 * there; when one DJ ends and the next goes live, every follower hears the next one, and its
 * likes, tempo votes and reactions reach the next DJ without the phone doing anything.
 */
@ExtendWith(TestServer.class)
class StageFollowersIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration QUIET = Duration.ofMillis(700);

    /** An event with a published open stage: DJ accounts go live there without a booking. */
    record Floor(String organizer, long eventId, long stageId) {
        static Floor open(Api api, String name) {
            String organizer = Admins.organizerToken();
            long eventId = event(api, organizer, name);
            long stageId = stage(api, organizer, eventId, "{\"name\":\"Main Floor\",\"openToAll\":true}");
            assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());
            return new Floor(organizer, eventId, stageId);
        }
    }

    @Test
    void followersHearWhoeverPlaysOnTheStageAndMoveWithTheHandOver() {
        Api api = Api.newClient();
        Floor floor = Floor.open(api, "Hand-over Night");
        Api.Reply slot = api.post("/api/stages/" + floor.stageId() + "/slots", "{\"startsAt\":\"" + NOW.plus(2, ChronoUnit.HOURS)
                + "\",\"endsAt\":\"" + NOW.plus(3, ChronoUnit.HOURS) + "\",\"title\":\"Late social\"}", Admins.bearer(floor.organizer()));
        assertEquals(201, slot.status(), slot::toString);

        LiveDj first = LiveDj.signUp();
        LiveDj second = LiveDj.signUp();
        String early = Dancer.newClientId();
        String setA = LiveDj.newSessionId();
        try (WsClient follower = WsClient.connect(); WsClient sessionFan = WsClient.connect();
             LiveDj djA = first.connect(); LiveDj djB = second.connect()) {
            JsonObject idle = followStage(follower, floor.stageId(), early);
            assertEquals("STAGE_IDLE", idle.getString("type"), idle::toString);
            assertEquals(floor.stageId(), idle.getJsonNumber("stageId").longValue());
            assertEquals("Late social", idle.getJsonObject("nextSlot").getString("title"), idle::toString);
            assertFalse(idle.getJsonObject("nextSlot").containsKey("djName"), "nobody is booked: omitted, never null");

            goLive(djA, setA, floor.stageId());
            JsonObject started = follower.await("SESSION_STARTED", LiveDj.WAIT);
            assertEquals(setA, started.getString("sessionId"));
            assertEquals(floor.stageId(), started.getJsonNumber("stageId").longValue());
            assertAck(djA.play(setA, "Artist A", "First Song"));
            JsonObject playing = follower.await("NOW_PLAYING", LiveDj.WAIT);
            JsonObject onAir = api.get("/api/events/" + floor.eventId()).json().getJsonArray("stages").getJsonObject(0).getJsonObject("live");
            assertEquals(setA, onAir.getString("sessionId"), onAir::toString);
            assertEquals("First Song", onAir.getJsonObject("playing").getString("title"));
            assertEquals(1, onAir.getInt("listenerCount"), "the stage's follower listens to its set");
            assertEquals(setA, api.get("/api/stages/" + floor.stageId()).json().getJsonObject("stage").getJsonObject("live")
                    .getString("sessionId"));
            assertEquals("First Song", playing.getJsonObject("track").getString("title"));
            assertEquals(floor.stageId(), playing.getJsonNumber("stageId").longValue());

            // A v0.3.0 dancer that SUBSCRIBEs to the set is served as before: no stage messages.
            sessionFan.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", Dancer.newClientId())
                    .add("sessionId", setA).build().toString());
            sessionFan.await("NOW_PLAYING", LiveDj.WAIT);

            // A late follower gets the stage as it is.
            try (WsClient late = WsClient.connect()) {
                String lateClient = Dancer.newClientId();
                List<JsonObject> state = followStageAll(late, floor.stageId(), lateClient);
                assertTrue(state.stream().anyMatch(m -> m.getString("type").equals("LISTENER_COUNT")
                        && m.getString("sessionId").equals(setA)), state::toString);
                assertTrue(state.stream().anyMatch(m -> m.getString("type").equals("NOW_PLAYING")
                        && m.getJsonObject("track").getString("title").equals("First Song")), state::toString);
                JsonObject counted = djA.ws.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type"))
                        && m.getInt("count") == 3, LiveDj.WAIT, "three listeners: two stage followers and one subscriber");
                assertEquals(setA, counted.getString("sessionId"));
            }

            assertAck(ask(follower, like("SEND_LIKE", setA, early, track("Artist A", "First Song"))));
            djA.ws.await("LIKE_RECEIVED", LiveDj.WAIT);

            // DJ A ends; the followers hear it, then that the stage is idle; the session's own fan hears only the end.
            assertAck(djA.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", setA)));
            assertEquals(setA, follower.await("SESSION_ENDED", LiveDj.WAIT).getString("sessionId"));
            assertEquals("STAGE_IDLE", follower.await("STAGE_IDLE", LiveDj.WAIT).getString("type"));
            assertFalse(api.get("/api/stages/" + floor.stageId()).json().getJsonObject("stage").containsKey("live"),
                    "nobody on air: omitted, never null");
            sessionFan.await("SESSION_ENDED", LiveDj.WAIT);

            String setB = LiveDj.newSessionId();
            goLive(djB, setB, floor.stageId());
            assertEquals(setB, follower.await("SESSION_STARTED", LiveDj.WAIT).getString("sessionId"));
            assertAck(djB.play(setB, "Artist B", "Second Song"));
            JsonObject next = follower.await("NOW_PLAYING", LiveDj.WAIT);
            assertEquals(setB, next.getString("sessionId"));
            assertEquals("Second Song", next.getJsonObject("track").getString("title"));
            assertTrue(sessionFan.drain(QUIET).stream().noneMatch(m -> m.getString("type").startsWith("STAGE_")
                    || setB.equals(m.getString("sessionId", null))), "the old set's subscriber follows no stage");

            // The phone still names set A: its like, vote and thanks go to B, who plays now.
            assertAck(ask(follower, like("SEND_LIKE", setA, early, track("Artist B", "Second Song"))));
            assertEquals("Second Song", djB.ws.await("LIKE_RECEIVED", LiveDj.WAIT).getJsonObject("payload").getJsonObject("track").getString("title"));
            assertAck(ask(follower, Json.createObjectBuilder().add("type", "SEND_TEMPO_REQUEST").add("sessionId", setA)
                    .add("preference", "faster")));
            assertEquals(setB, djB.ws.await("TEMPO_FEEDBACK", LiveDj.WAIT).getString("sessionId"));
            assertAck(ask(follower, Json.createObjectBuilder().add("type", "SEND_REACTION").add("sessionId", setA)
                    .add("reaction", "thank_you")));
            assertEquals(setB, djB.ws.await("REACTION_RECEIVED", LiveDj.WAIT).getString("sessionId"));
        }
        // The history knows which stage each set was on.
        Waits.until(() -> stageOf(setA) == floor.stageId(), LiveDj.WAIT, "set A's stage in the history");
    }

    private static long stageOf(String sessionId) {
        try (java.sql.Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             java.sql.PreparedStatement query = db.prepareStatement("SELECT stage_id FROM sessions WHERE id = ?")) {
            query.setString(1, sessionId);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFollowerHearsTheNextDjsFirstTrack() {
        Api api = Api.newClient();
        Floor floor = Floor.open(api, "Retention Night");
        int followers = 200;
        List<WsClient> phones = new ArrayList<>();
        try (LiveDj djA = LiveDj.signUp().connect(); LiveDj djB = LiveDj.signUp().connect()) {
            String setA = LiveDj.newSessionId();
            goLive(djA, setA, floor.stageId());
            for (int i = 0; i < followers; i++) {
                WsClient phone = WsClient.connect();
                phones.add(phone);
                followStageAll(phone, floor.stageId(), Dancer.newClientId());
            }
            assertAck(djA.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", setA)));
            String setB = LiveDj.newSessionId();
            goLive(djB, setB, floor.stageId());
            assertAck(djB.play(setB, "Artist B", "Hand-over Song"));
            int heard = 0;
            for (WsClient phone : phones) {
                JsonObject playing = phone.awaitMatching(m -> "NOW_PLAYING".equals(m.getString("type", null)),
                        LiveDj.WAIT, "B's first track");
                if (setB.equals(playing.getString("sessionId"))) {
                    heard++;
                }
            }
            assertEquals(followers, heard, "every connected follower hears the next DJ's first track");
        } finally {
            phones.forEach(WsClient::close);
        }
    }

    @Test
    void stagesThatCannotBeFollowedAreRefused() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        long draftEvent = event(api, organizer, "Draft Night");
        long draftStage = stage(api, organizer, draftEvent, "{\"name\":\"Secret Floor\"}");
        Floor floor = Floor.open(api, "Closing Night");
        try (WsClient phone = WsClient.connect()) {
            assertNack("Stage not found", askStage(phone, 999_999_999L, Dancer.newClientId()));
            assertNack("Stage not found", askStage(phone, draftStage, Dancer.newClientId()));
            JsonObject invalid = ask(phone, Json.createObjectBuilder().add("type", "SUBSCRIBE_STAGE").add("stageId", "main"));
            assertEquals("NACK", invalid.getString("type"));
            assertTrue(invalid.getString("error").startsWith("Invalid message"), invalid::toString);
            assertEquals(200, api.post("/api/stages/" + floor.stageId() + "/status", "{\"status\":\"closed\"}",
                    Admins.bearer(floor.organizer())).status());
            // The stage guide remembers a stage for a few seconds; a closed stage is refused within them.
            Waits.until(() -> "Stage is closed".equals(askStage(phone, floor.stageId(), Dancer.newClientId()).getString("error", "")),
                    Duration.ofSeconds(30), "a closed stage takes no new followers");
        }
    }

    /** SUBSCRIBE_STAGE; returns the first answer (STAGE_IDLE, or the state of the set on air) after the ACK. */
    /** What a connection in the lobby hears of every set (the stage's answer holds neither). */
    private static final java.util.Set<String> LOBBY_NEWS = java.util.Set.of("SESSION_STARTED", "SESSION_ENDED");

    static JsonObject followStage(WsClient ws, long stageId, String clientId) {
        return followStageAll(ws, stageId, clientId).get(0);
    }

    /**
     * SUBSCRIBE_STAGE; returns what came before the ACK (the stage as it is). A connection that
     * followed nothing was in the lobby until the server took its SUBSCRIBE_STAGE: another set's
     * start or end told to the lobby just before may come first, and is no part of the answer.
     */
    static List<JsonObject> followStageAll(WsClient ws, long stageId, String clientId) {
        String messageId = LiveDj.messageId();
        ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE_STAGE").add("stageId", stageId).add("clientId", clientId)
                .add("messageId", messageId).build().toString());
        List<JsonObject> state = new ArrayList<>();
        while (true) {
            JsonObject next = ws.awaitMatching(m -> true, LiveDj.WAIT, "the answer to SUBSCRIBE_STAGE");
            if (messageId.equals(next.getString("messageId", null))) {
                assertAck(next);
                return state;
            }
            if (!LOBBY_NEWS.contains(next.getString("type"))) {
                state.add(next);
            }
        }
    }

    static JsonObject askStage(WsClient ws, long stageId, String clientId) {
        return ask(ws, Json.createObjectBuilder().add("type", "SUBSCRIBE_STAGE").add("stageId", stageId).add("clientId", clientId));
    }

    static void goLive(LiveDj dj, String sessionId, long stageId) {
        JsonObject answer = dj.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION").add("sessionId", sessionId)
                .add("djName", "Desktop").add("token", dj.token).add("stageId", stageId));
        assertAck(answer);
    }

    static long event(Api api, String organizer, String name) {
        Api.Reply created = api.post("/api/events", "{\"name\":\"" + name + "\",\"startsAt\":\"" + NOW.minus(1, ChronoUnit.HOURS)
                + "\",\"endsAt\":\"" + NOW.plus(30, ChronoUnit.HOURS) + "\",\"timeZone\":\"Europe/Berlin\"}", Admins.bearer(organizer));
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonObject("event").getJsonNumber("id").longValue();
    }

    static long stage(Api api, String organizer, long eventId, String body) {
        Api.Reply added = api.post("/api/events/" + eventId + "/stages", body, Admins.bearer(organizer));
        assertEquals(201, added.status(), added::toString);
        return added.json().getJsonObject("stage").getJsonNumber("id").longValue();
    }
}
