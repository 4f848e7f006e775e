package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
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
    /** Long names make each message about 2 KB: the backlog grows fast. */
    private static final String ARTIST = "A".repeat(450);
    private static final String TITLE = "T".repeat(500);

    /** A live set playing a long-named track, as the burst's messages name it. */
    private static String liveSet(LiveDj dj) {
        String sessionId = LiveDj.newSessionId();
        dj.register(sessionId);
        assertEquals("ACK", dj.play(sessionId, ARTIST, TITLE).getString("type"));
        return sessionId;
    }

    private static String metadata(String sessionId, int i) {
        return Json.createObjectBuilder().add("type", "METADATA_UPDATED").add("sessionId", sessionId)
                .add("track", Json.createObjectBuilder().add("artist", ARTIST).add("title", TITLE).add("key", "k" + (i % 1000)))
                .build().toString();
    }

    @Test
    void aFrozenPhoneIsClosedAndTheRoomGetsEverything() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = liveSet(dj);
            try (WsClient frozen = Dancer.following(sessionId); WsClient dancer = Dancer.following(sessionId)) {
                frozen.drain(Duration.ofMillis(300));
                frozen.stopReading();
                for (int i = 0; i < BURST; i++) {
                    dj.ws.send(metadata(sessionId, i));
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
                assertTrue(Files.readString(TestServer.server().log()).contains("characters unwritten"),
                        "the server closed it as too slow");
            }
        }
    }

    /**
     * Finding 5f: a frozen phone closed for its backlog kept its TCP connection ESTABLISHED with
     * megabytes unsent, and its queued frames stayed on the heap minutes later. Now its close is
     * given the close grace (2 s on the test server); then the socket is terminated and what was
     * queued for it released.
     */
    @Test
    @Tag("tuned-container")
    void aClosedFrozenPhoneIsLetGoWithinTheCloseGrace() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String sessionId = liveSet(dj);
            try (WsClient frozen = Dancer.following(sessionId)) {
                frozen.drain(Duration.ofMillis(300));
                frozen.stopReading();
                long closedBefore = tooSlowClosures();
                for (int i = 0; i < BURST && (i % 500 != 0 || tooSlowClosures() == closedBefore); i++) {
                    dj.ws.send(metadata(sessionId, i));
                }
                Waits.until(() -> tooSlowClosures() > closedBefore, Duration.ofSeconds(30), "the frozen phone closed as too slow");
                Waits.until(() -> largestSendQueue() < 64 * 1024, TestServer.CLOSE_GRACE.plusSeconds(5),
                        "no server socket left with a backlog (largest Send-Q " + largestSendQueue() + " bytes)");
                long queuedFrames = liveInstances("TyrusServletWriter$QueuedFrame");
                assertTrue(queuedFrames < 1_000, queuedFrames + " queued frames still on the heap");
            }
        }
    }

    private static long tooSlowClosures() {
        try {
            return Files.readAllLines(TestServer.server().log()).stream().filter(l -> l.contains("characters unwritten")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The largest Send-Q of the test server's established sockets (ss). */
    static long largestSendQueue() {
        String out = run("ss", "-tnH", "state", "established", "( sport = :" + TestServer.server().port() + " )");
        return out.lines().map(String::trim).filter(l -> !l.isEmpty())
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[1])).max().orElse(0);
    }

    /** Live instances of a class on the test server's heap (jcmd's histogram runs a full collection first). */
    static long liveInstances(String classNameEnd) {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String out = run(jcmd, Long.toString(TestServer.server().process().pid()), "GC.class_histogram");
        return out.lines().map(String::trim).filter(l -> l.endsWith(classNameEnd))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[1])).sum();
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
