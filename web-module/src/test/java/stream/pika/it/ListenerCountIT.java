package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listener counts: unique client ids, still counted after a disconnect (phones in pockets),
 * sent only to the session, and coalesced (a crowd arriving is a few messages, not a storm).
 */
@ExtendWith(TestServer.class)
class ListenerCountIT {

    private static final int CROWD = 40;

    @Test
    void aCrowdArrivesAndLeaves() {
        try (LiveDj dj = LiveDj.signUp().connect(); LiveDj neighbour = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            neighbour.register(LiveDj.newSessionId());
            String regular = Dancer.newClientId();
            List<WsClient> crowd = new ArrayList<>();
            try {
                // one dancer with three tabs, and the rest of the crowd
                for (int i = 0; i < 3; i++) {
                    crowd.add(Dancer.following(sessionId, regular));
                }
                for (int i = 1; i < CROWD; i++) {
                    crowd.add(Dancer.following(sessionId));
                }
                List<JsonObject> counts = dj.ws.drain(Duration.ofMillis(4500)).stream()
                        .filter(m -> "LISTENER_COUNT".equals(m.getString("type"))).toList();
                assertTrue(!counts.isEmpty() && counts.size() <= 4, "coalesced to a few updates: " + counts);
                assertEquals(CROWD, counts.get(counts.size() - 1).getInt("count"), "unique dancers: " + counts);
                counts.forEach(c -> assertEquals(sessionId, Protocol.valid(c).getString("sessionId")));
                assertTrue(neighbour.ws.drainNow().stream().noneMatch(m -> "LISTENER_COUNT".equals(m.getString("type"))),
                        "another session's DJ hears nothing of this crowd");
            } finally {
                crowd.forEach(WsClient::close);
            }
            // Phones in pockets: the count does not drop at once (the linger is 5 minutes).
            List<JsonObject> after = dj.ws.drain(Duration.ofMillis(4500)).stream()
                    .filter(m -> "LISTENER_COUNT".equals(m.getString("type"))).toList();
            assertTrue(after.isEmpty(), "no drop right after the disconnects: " + after);
            try (WsClient late = WsClient.connect()) {
                late.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
                assertEquals(CROWD + 1, late.await("LISTENER_COUNT", LiveDj.WAIT).getInt("count"), "the crowd still counts, plus the newcomer");
            }
        }
    }
}
