package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One phone stops reading in the middle of a burst: the server closes that connection when its
 * queue is full, and everyone else gets every message.
 */
@ExtendWith(TestServer.class)
class SlowClientIT {

    /** Enough to fill the kernel's socket buffers on loopback and then the server's queue. */
    private static final int BURST = 30_000;

    @Test
    void aFrozenPhoneIsClosedAndTheRoomGetsEverything() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            String artist = "A".repeat(450);
            String title = "T".repeat(500);
            assertEquals("ACK", dj.play(sessionId, artist, title).getString("type"));
            try (WsClient frozen = Dancer.following(sessionId); WsClient dancer = Dancer.following(sessionId)) {
                frozen.drain(Duration.ofMillis(300));
                frozen.stopReading();
                for (int i = 0; i < BURST; i++) {
                    dj.ws.send(Json.createObjectBuilder().add("type", "METADATA_UPDATED").add("sessionId", sessionId)
                            .add("track", Json.createObjectBuilder().add("artist", artist).add("title", title).add("key", "k" + (i % 1000)))
                            .build().toString());
                }
                int delivered = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (delivered < BURST && System.nanoTime() < deadline) {
                    delivered += (int) dancer.drain(Duration.ofMillis(200)).stream()
                            .filter(m -> "METADATA_UPDATED".equals(m.getString("type"))).count();
                }
                assertEquals(BURST, delivered, "the dancer who reads got every message");

                frozen.resumeReading();
                WsClient.Closed closed = frozen.awaitClose(Duration.ofSeconds(30));
                // 1013 when the close frame still fits through; otherwise the socket was cut under it.
                assertTrue(closed.code() == 1013 || closed.code() == 1006 || closed.code() == -1, "closed: " + closed);
                assertTrue(frozen.backlog() < BURST, "the frozen phone did not get (or hold up) the whole burst");
                assertTrue(Files.readString(TestServer.server().log()).contains("messages unwritten"),
                        "the server closed it as too slow");
            }
        }
    }
}
