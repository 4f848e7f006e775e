package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.Protocol.fields;
import static stream.pika.it.Protocol.valid;

/** A set from REGISTER_SESSION to END_SESSION over real WebSocket connections, message by message. */
@ExtendWith(TestServer.class)
class LiveSessionIT {

    private static final Duration WAIT = LiveDj.WAIT;
    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void aWholeSet() {
        try (LiveDj dj = LiveDj.signUp().connect(); WsClient lobby = Dancer.inLobby()) {
            String sessionId = LiveDj.newSessionId();
            JsonObject registered = valid(dj.register(sessionId));
            fields(registered, "type", "sessionId", "authenticated", "djName");
            assertEquals(sessionId, registered.getString("sessionId"));
            assertTrue(registered.getBoolean("authenticated"));
            assertEquals(dj.displayName, registered.getString("djName"), "the account's name, not the one the app sent");

            JsonObject started = valid(lobby.await("SESSION_STARTED", WAIT));
            fields(started, "type", "sessionId", "djName", "startTime");
            assertEquals(sessionId, started.getString("sessionId"));

            String clientId = Dancer.newClientId();
            try (WsClient dancer = WsClient.connect()) {
                dancer.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId)
                        .add("sessionId", sessionId).add("messageId", "sub-1").build().toString());
                JsonObject list = valid(dancer.await("SESSIONS_LIST", WAIT));
                assertTrue(list.getJsonArray("sessions").stream().map(v -> v.asJsonObject())
                        .anyMatch(s -> s.getString("sessionId").equals(sessionId) && s.keySet().equals(java.util.Set.of("sessionId", "djName"))),
                        list::toString);
                JsonObject count = valid(dancer.await("LISTENER_COUNT", WAIT));
                fields(count, "type", "sessionId", "count");
                assertEquals(1, count.getInt("count"));
                assertEquals("ACK", dancer.await("ACK", WAIT).getString("type"));

                JsonObject ack = dj.play(sessionId, "Artist One", "Title One");
                assertEquals("ACK", ack.getString("type"), ack::toString);
                fields(ack, "type", "messageId", "status", "timestamp");
                valid(ack);
                JsonObject nowPlaying = valid(dancer.await("NOW_PLAYING", WAIT));
                fields(nowPlaying, "type", "sessionId", "djName", "track");
                assertEquals("Artist One", nowPlaying.getJsonObject("track").getString("artist"));
                assertEquals(102, nowPlaying.getJsonObject("track").getInt("bpm"));

                Waits.broadcastInterval();
                assertEquals("ACK", dj.play(sessionId, "Artist Two", "Title Two").getString("type"));
                valid(dancer.await("TEMPO_RESET", WAIT));
                assertEquals("Title Two", dancer.await("NOW_PLAYING", WAIT).getJsonObject("track").getString("title"));

                JsonObject metadata = dj.send(Json.createObjectBuilder().add("type", "METADATA_UPDATED").add("sessionId", sessionId)
                        .add("track", Json.createObjectBuilder().add("artist", "Artist Two").add("title", "Title Two").add("key", "8A")));
                assertEquals("ACK", metadata.getString("type"), metadata::toString);
                assertEquals("8A", valid(dancer.await("METADATA_UPDATED", WAIT)).getJsonObject("track").getString("key"));

                assertEquals("ACK", dj.send(Json.createObjectBuilder().add("type", "TRACK_STOPPED").add("sessionId", sessionId)).getString("type"));
                fields(valid(dancer.await("TRACK_STOPPED", WAIT)), "type", "sessionId");

                assertEquals("ACK", dj.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId)).getString("type"));
                fields(valid(dancer.await("SESSION_ENDED", WAIT)), "type", "sessionId");
                assertEquals(sessionId, lobby.await("SESSION_ENDED", WAIT).getString("sessionId"));
            }
            // The DJ never hears its own news.
            List<JsonObject> djHeard = dj.ws.drain(QUIET);
            assertTrue(djHeard.stream().noneMatch(m -> List.of("SESSION_STARTED", "NOW_PLAYING", "TEMPO_RESET", "METADATA_UPDATED",
                    "TRACK_STOPPED", "SESSION_ENDED").contains(m.getString("type"))), djHeard::toString);
        }
    }

    @Test
    void lateJoinerGetsWhatIsPlaying() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            dj.play(sessionId, "Late Artist", "Late Title");
            try (WsClient late = WsClient.connect()) {
                late.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", Dancer.newClientId())
                        .add("sessionId", sessionId).build().toString());
                // The first three messages are the answer (the heartbeat may add a LISTENER_COUNT after them).
                List<JsonObject> answer = late.drain(QUIET).subList(0, 3);
                assertEquals(List.of("SESSIONS_LIST", "LISTENER_COUNT", "NOW_PLAYING"),
                        answer.stream().map(m -> m.getString("type")).toList(), answer::toString);
                answer.forEach(Protocol::valid);
                JsonObject brief = answer.get(0).getJsonArray("sessions").stream().map(v -> v.asJsonObject())
                        .filter(s -> s.getString("sessionId").equals(sessionId)).findFirst().orElseThrow();
                assertEquals("Late Title", brief.getJsonObject("currentTrack").getString("title"));
                assertEquals("Late Title", answer.get(2).getJsonObject("track").getString("title"));
            }
        }
    }

    @Test
    void subscribingToAnEndedSessionSaysSo() {
        try (WsClient phone = WsClient.connect()) {
            String gone = LiveDj.newSessionId();
            phone.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", Dancer.newClientId())
                    .add("sessionId", gone).build().toString());
            // Before its SUBSCRIBE is answered the phone is in the lobby, which may hear another test's set end.
            List<String> types = phone.drain(QUIET).stream()
                    .filter(m -> gone.equals(m.getString("sessionId", gone)))
                    .map(m -> m.getString("type")).toList();
            assertEquals(List.of("SESSIONS_LIST", "LISTENER_COUNT", "SESSION_ENDED"), types.subList(0, 3), types::toString);
        }
    }

    @Test
    void aBroadcastWithinTheIntervalIsRefusedAndARetryIsDeduplicated() {
        try (LiveDj dj = LiveDj.signUp().connect(); WsClient dancer = Dancer.following(placeholder())) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            assertEquals("ACK", dj.play(sessionId, "A", "One").getString("type"));
            JsonObject refused = dj.play(sessionId, "A", "Two");
            assertEquals("NACK", refused.getString("type"));
            assertEquals("Rate limit exceeded (wait 5s)", refused.getString("error"));
            fields(valid(refused), "type", "messageId", "error", "timestamp");

            Waits.broadcastInterval();
            String messageId = LiveDj.messageId();
            String frame = Json.createObjectBuilder().add("type", "BROADCAST_TRACK").add("sessionId", sessionId).add("messageId", messageId)
                    .add("track", Json.createObjectBuilder().add("artist", "A").add("title", "Three")).build().toString();
            try (WsClient follower = Dancer.following(sessionId)) {
                follower.drain(QUIET);
                dj.ws.send(frame);
                assertEquals("ACK", dj.ws.await("ACK", WAIT).getString("type"));
                Waits.broadcastInterval();
                dj.ws.send(frame); // the desktop's retry of a message it thinks was lost
                assertEquals("ACK", dj.ws.await("ACK", WAIT).getString("type"), "a duplicate is acknowledged");
                assertEquals(1, follower.drain("NOW_PLAYING", QUIET).size(), "but not broadcast twice");
            }
        }
    }

    @Test
    void sessionsListValidateAndPing() {
        try (LiveDj dj = LiveDj.signUp().connect(); WsClient phone = WsClient.connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            dj.play(sessionId, "Listed Artist", "Listed Title");

            phone.send("{\"type\":\"GET_SESSIONS\",\"messageId\":\"get-1\"}");
            JsonObject list = valid(phone.await("SESSIONS_LIST", WAIT));
            JsonObject entry = list.getJsonArray("sessions").stream().map(v -> v.asJsonObject())
                    .filter(s -> s.getString("sessionId").equals(sessionId)).findFirst().orElseThrow();
            valid(entry);
            assertEquals(java.util.Set.of("sessionId", "djName", "startedAt", "lastActivityAt", "currentTrack"), entry.keySet());
            assertTrue(phone.drain("ACK", QUIET).isEmpty(), "GET_SESSIONS is never acknowledged");

            phone.send("{\"type\":\"VALIDATE_SESSION\",\"sessionId\":\"" + sessionId + "\",\"messageId\":\"v-1\"}");
            JsonObject valid = valid(phone.await("SESSION_VALID", WAIT));
            fields(valid, "type", "sessionId", "isValid");
            assertTrue(valid.getBoolean("isValid"));
            assertEquals("ACK", phone.await("ACK", WAIT).getString("type"));
            phone.send("{\"type\":\"VALIDATE_SESSION\",\"sessionId\":\"" + LiveDj.newSessionId() + "\"}");
            assertFalse(phone.await("SESSION_VALID", WAIT).getBoolean("isValid"));

            phone.send("{\"type\":\"PING\"}");
            fields(phone.await("PONG", WAIT), "type");
            phone.send("{\"type\":\"PING\",\"messageId\":\"p-1\"}");
            phone.await("PONG", WAIT);
            assertEquals("p-1", phone.await("ACK", WAIT).getString("messageId"));
        }
    }

    @Test
    void registerWithoutATokenIsRefusedAndClosed() {
        try (WsClient desktop = WsClient.connect()) {
            desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + LiveDj.newSessionId() + "\",\"djName\":\"Anon\",\"messageId\":\"r-1\"}");
            JsonObject nack = desktop.await("NACK", WAIT);
            assertEquals("Authentication required", nack.getString("error"));
            WsClient.Closed closed = desktop.awaitClose(WAIT);
            assertEquals(4001, closed.code());
            assertEquals("Authentication required", closed.reason());
        }
        try (WsClient desktop = WsClient.connect()) {
            desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + LiveDj.newSessionId()
                    + "\",\"token\":\"pk_dj_00000000000000000000000000000000\"}");
            WsClient.Closed closed = desktop.awaitClose(WAIT);
            assertEquals(4001, closed.code());
            assertEquals("Invalid token", closed.reason());
        }
    }

    /** A session id nobody uses, to have a dancer connected somewhere else. */
    private static String placeholder() {
        return LiveDj.newSessionId();
    }

}
