package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A DJ's connection drops: within the reconnect grace the set goes on (the shared server's grace
 * is {@link TestServer#RECONNECT_GRACE}); after it the session ends for everyone.
 */
@ExtendWith(TestServer.class)
class ReconnectIT {

    private static final Duration WAIT = LiveDj.WAIT;

    @Test
    void reconnectWithinTheGraceResumesTheSet() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            dj.play(sessionId, "Before", "The Drop");
            try (WsClient dancer = Dancer.following(sessionId)) {
                dancer.drain(Duration.ofMillis(300));
                dj.ws.close(); // Wi-Fi blip
                Waits.pause(Duration.ofSeconds(1));
                dj.connect().register(sessionId);

                try (WsClient late = WsClient.connect()) {
                    late.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
                    assertEquals("The Drop", late.await("NOW_PLAYING", WAIT).getJsonObject("track").getString("title"),
                            "the current track survived the reconnect");
                }
                Waits.pause(TestServer.RECONNECT_GRACE.plusSeconds(1));
                assertEquals("ACK", dj.play(sessionId, "After", "The Drop").getString("type"));
                List<JsonObject> heard = dancer.drain(Duration.ofMillis(700));
                assertTrue(heard.stream().noneMatch(m -> m.getString("type").matches("SESSION_ENDED|SESSION_STARTED")), heard::toString);
                assertTrue(heard.stream().anyMatch(m -> "NOW_PLAYING".equals(m.getString("type"))));
                assertNull(endedAt(sessionId));
            }
        }
    }

    @Test
    void afterTheGraceTheSessionEnds() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect(); WsClient lobby = Dancer.inLobby()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            try (WsClient dancer = Dancer.following(sessionId)) {
                dj.ws.close();
                JsonObject ended = dancer.await("SESSION_ENDED", TestServer.RECONNECT_GRACE.plus(WAIT));
                assertEquals(sessionId, ended.getString("sessionId"));
                assertEquals(sessionId, lobby.awaitMatching(m -> "SESSION_ENDED".equals(m.getString("type"))
                        && sessionId.equals(m.getString("sessionId")), WAIT, "SESSION_ENDED in the lobby").getString("sessionId"));
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (endedAt(sessionId) == null) {
                if (System.nanoTime() > deadline) {
                    fail("ended_at was not written");
                }
                Waits.pause(Duration.ofMillis(200));
            }
            assertNotNull(endedAt(sessionId));
        }
    }

    static java.sql.Timestamp endedAt(String sessionId) {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT ended_at FROM sessions WHERE id = ?")) {
            query.setString(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
