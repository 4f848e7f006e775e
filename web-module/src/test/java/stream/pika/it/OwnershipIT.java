package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session belongs to the DJ account that registered it; nobody else may take it or act for it. */
@ExtendWith(TestServer.class)
class OwnershipIT {

    private static final Duration WAIT = LiveDj.WAIT;
    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void anotherDjCannotTakeALiveSession() {
        try (LiveDj owner = LiveDj.signUp().connect(); LiveDj thief = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            owner.register(sessionId);
            JsonObject refused = thief.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                    .add("sessionId", sessionId).add("token", thief.token));
            assertEquals("NACK", refused.getString("type"));
            assertEquals("Session belongs to another DJ", refused.getString("error"));
            WsClient.Closed closed = thief.ws.awaitClose(WAIT);
            assertEquals(4003, closed.code());
            assertEquals("Session belongs to another DJ", closed.reason());
            assertEquals("ACK", owner.play(sessionId, "Still", "Mine").getString("type"));
        }
    }

    @Test
    void onlyTheOwnersConnectionMayActAndOthersGetANack() {
        try (LiveDj owner = LiveDj.signUp().connect(); LiveDj other = LiveDj.signUp().connect();
             WsClient dancer = WsClient.connect()) {
            String sessionId = LiveDj.newSessionId();
            owner.register(sessionId);
            other.register(LiveDj.newSessionId());
            dancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
            dancer.drain(QUIET);

            assertRefused(other, track("BROADCAST_TRACK", sessionId), "Unauthorized track broadcast");
            assertRefused(other, track("METADATA_UPDATED", sessionId), "Unauthorized metadata update");
            assertRefused(other, Json.createObjectBuilder().add("type", "TRACK_STOPPED").add("sessionId", sessionId), "Unauthorized track stop");
            assertRefused(other, Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId), "Unauthorized end session");

            // A dancer's phone is no owner either.
            String messageId = LiveDj.messageId();
            dancer.send(track("BROADCAST_TRACK", sessionId).add("messageId", messageId).build().toString());
            JsonObject nack = dancer.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "NACK");
            assertEquals("Unauthorized track broadcast", nack.getString("error"));

            assertTrue(dancer.drain(QUIET).stream().noneMatch(m -> m.getString("type").matches("NOW_PLAYING|TRACK_STOPPED|SESSION_ENDED|METADATA_UPDATED")),
                    "nothing of the refused actions reached the session");
            assertEquals("ACK", owner.play(sessionId, "Owner", "Track").getString("type"));
        }
    }

    @Test
    void theSameDjTakesTheSessionToANewConnection() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            WsClient first = dj.ws;
            dj.connect().register(sessionId); // a second window, or a reconnect before the old socket died
            assertRefused(first, track("BROADCAST_TRACK", sessionId), "Unauthorized track broadcast");
            assertEquals("ACK", dj.play(sessionId, "New", "Connection").getString("type"));
            first.close();
        }
    }

    @Test
    void registeringAnotherSessionOnTheSameConnectionLetsTheFirstOneGo() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String first = LiveDj.newSessionId();
            dj.register(first);
            try (WsClient dancer = Dancer.following(first)) {
                dj.register(LiveDj.newSessionId());
                JsonObject ended = dancer.await("SESSION_ENDED", TestServer.RECONNECT_GRACE.plus(WAIT));
                assertEquals(first, ended.getString("sessionId"), "the first session ended after the grace");
            }
        }
    }

    @Test
    void aFinishedSessionOfAnotherDjCannotBeReused() {
        String sessionId = LiveDj.newSessionId();
        try (LiveDj owner = LiveDj.signUp().connect()) {
            owner.register(sessionId);
            owner.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId));
        }
        try (LiveDj other = LiveDj.signUp().connect()) {
            JsonObject refused = other.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                    .add("sessionId", sessionId).add("token", other.token));
            assertEquals("Session belongs to another DJ", refused.getString("error"));
            assertEquals(4003, other.ws.awaitClose(WAIT).code());
        }
    }

    private static JsonObjectBuilder track(String type, String sessionId) {
        return Json.createObjectBuilder().add("type", type).add("sessionId", sessionId)
                .add("track", Json.createObjectBuilder().add("artist", "Hijack").add("title", "Attempt"));
    }

    private static void assertRefused(LiveDj dj, JsonObjectBuilder message, String error) {
        JsonObject answer = dj.send(message);
        assertEquals("NACK", answer.getString("type"), answer::toString);
        assertEquals(error, answer.getString("error"));
    }

    private static void assertRefused(WsClient connection, JsonObjectBuilder message, String error) {
        String messageId = LiveDj.messageId();
        connection.send(message.add("messageId", messageId).build().toString());
        JsonObject answer = connection.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "NACK");
        assertEquals(error, answer.getString("error"));
    }
}
