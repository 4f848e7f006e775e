package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stream.pika.payara.MicroServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live-session settings other than the shared server's, on a server of its own: expiry by
 * idleness and by age (only the session's own connections hear SESSION_EXPIRED), the listener
 * linger, the default 5-second broadcast rule, the idle-connection timeout against pings, and
 * anonymous DJs for a private install.
 */
class ExpiryIT {

    private static final String DATABASE = "pika_it_expiry";
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration MAX_AGE = Duration.ofSeconds(14);
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final Duration CONNECTION_IDLE = Duration.ofSeconds(4);
    private static final int MAX_SESSIONS = 8;
    private static MicroServer server;

    @BeforeAll
    static void startServer() {
        TestServer.postgres().recreate(DATABASE);
        server = TestServer.micro("expiry-server")
                .env(TestServer.databaseEnv(DATABASE))
                .env("PIKA_RATELIMIT_AUTH_LIMIT", "100")
                .env("PIKA_LIVE_EXPIRY_IDLE", IDLE.toString())
                .env("PIKA_LIVE_EXPIRY_IDLE_MIN_AGE", "PT1S")
                .env("PIKA_LIVE_EXPIRY_MAX_AGE", MAX_AGE.toString())
                .env("PIKA_LIVE_SWEEP_INTERVAL", "PT0.5S")
                .env("PIKA_LIVE_LISTENER_LINGER", LINGER.toString())
                .env("PIKA_LIVE_LISTENER_COUNT_INTERVAL", "PT0.5S")
                .env("PIKA_WS_PING_INTERVAL", "PT1S")
                .env("PIKA_WS_IDLE_TIMEOUT", CONNECTION_IDLE.toString())
                .env("PIKA_LIVE_ALLOW_ANONYMOUS_DJS", "true")
                .env("PIKA_LIVE_MAX_SESSIONS", String.valueOf(MAX_SESSIONS))
                .start();
        server.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void idleAndOldSessionsExpireForTheirOwnConnectionsOnly() throws Exception {
        try (Dj idle = Dj.signUp(); Dj busy = Dj.signUp(); WsClient lobby = connect(); WsClient dancer = connect()) {
            String idleSession = LiveDj.newSessionId();
            String busySession = LiveDj.newSessionId();
            idle.register(idleSession);
            busy.register(busySession);
            assertEquals("ACK", busy.send(track("BROADCAST_TRACK", busySession, "5A")).getString("type"));
            dancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + idleSession + "\"}");
            dancer.await("LISTENER_COUNT", LiveDj.WAIT);

            // Keep the busy session active while the idle one expires.
            long idleExpiredBy = System.nanoTime() + IDLE.plusSeconds(4).toNanos();
            List<JsonObject> heard = new java.util.ArrayList<>();
            while (System.nanoTime() < idleExpiredBy && heard.stream().noneMatch(m -> "SESSION_EXPIRED".equals(m.getString("type")))) {
                busy.send(track("METADATA_UPDATED", busySession, "k" + System.nanoTime() % 100));
                heard.addAll(dancer.drain(Duration.ofMillis(500)));
            }
            List<String> types = heard.stream().map(m -> m.getString("type")).filter(t -> t.startsWith("SESSION_")).toList();
            assertEquals(List.of("SESSION_ENDED", "SESSION_EXPIRED"), types, "the idle session ended: " + heard);
            JsonObject expired = heard.stream().filter(m -> "SESSION_EXPIRED".equals(m.getString("type"))).findFirst().orElseThrow();
            assertEquals(idleSession, expired.getString("sessionId"));
            assertEquals("Session expired due to inactivity or age limit", expired.getString("reason"));
            List<JsonObject> djHeard = idle.ws.drain(Duration.ofMillis(500));
            assertTrue(djHeard.stream().anyMatch(m -> "SESSION_EXPIRED".equals(m.getString("type"))), "the DJ heard: " + djHeard);
            assertTrue(busy.ws.drainNow().stream().noneMatch(m -> "SESSION_EXPIRED".equals(m.getString("type"))),
                    "another DJ is not told (the original's desktops all ended their sets)");
            List<JsonObject> lobbyHeard = lobby.drain(Duration.ofMillis(300));
            assertTrue(lobbyHeard.stream().anyMatch(m -> "SESSION_ENDED".equals(m.getString("type")) && idleSession.equals(m.getString("sessionId"))));
            assertTrue(lobbyHeard.stream().noneMatch(m -> "SESSION_EXPIRED".equals(m.getString("type"))));
            assertNotNull(awaitEndedAt(idleSession), "ended_at written");

            // The busy session is active but reaches the age limit.
            JsonObject aged = null;
            long agedBy = System.nanoTime() + MAX_AGE.plusSeconds(5).toNanos();
            while (System.nanoTime() < agedBy && aged == null) {
                busy.ws.send(track("METADATA_UPDATED", busySession, "k1").build().toString());
                aged = busy.ws.drain(Duration.ofMillis(500)).stream()
                        .filter(m -> "SESSION_EXPIRED".equals(m.getString("type"))).findFirst().orElse(null);
            }
            assertNotNull(aged, "the active session expired at the age limit");
            assertEquals(busySession, aged.getString("sessionId"));
            assertNotNull(awaitEndedAt(busySession));
        }
    }

    @Test
    void theDefaultBroadcastRuleIsFiveSeconds() throws Exception {
        try (Dj dj = Dj.signUp()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            assertEquals("ACK", dj.send(track("BROADCAST_TRACK", sessionId, "1A")).getString("type"));
            keepActive(dj, sessionId, Duration.ofSeconds(2));
            assertEquals("Rate limit exceeded (wait 5s)", dj.send(track("BROADCAST_TRACK", sessionId, "2A")).getString("error"));
            keepActive(dj, sessionId, Duration.ofMillis(3_200));
            assertEquals("ACK", dj.send(track("BROADCAST_TRACK", sessionId, "3A")).getString("type"));
        }
    }

    @Test
    void aDancerWhoLeftStopsCountingAfterTheLinger() {
        try (Dj dj = Dj.signUp()) {
            String sessionId = LiveDj.newSessionId();
            dj.register(sessionId);
            WsClient dancer = connect();
            dancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
            assertEquals(1, dj.ws.await("LISTENER_COUNT", LiveDj.WAIT).getInt("count"));
            dancer.close();
            JsonObject drop = dj.ws.await("LISTENER_COUNT", LINGER.plus(LiveDj.WAIT));
            assertEquals(0, drop.getInt("count"), "the count drops once the linger is over (even as the idle session ends)");
        }
    }

    @Test
    void anonymousDjsGoLiveWhenTheInstallAllowsIt() {
        try (WsClient desktop = connect(); WsClient dancer = connect()) {
            String sessionId = LiveDj.newSessionId();
            desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + sessionId + "\",\"djName\":\"Garage DJ\",\"messageId\":\"a1\"}");
            JsonObject registered = desktop.await("SESSION_REGISTERED", LiveDj.WAIT);
            assertFalse(registered.getBoolean("authenticated"));
            assertEquals("Garage DJ", registered.getString("djName"));
            dancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
            dancer.await("LISTENER_COUNT", LiveDj.WAIT);
            desktop.send(track("BROADCAST_TRACK", sessionId, "9A").add("messageId", "a2").build().toString());
            assertEquals("ACK", desktop.awaitMatching(m -> "a2".equals(m.getString("messageId", null)), LiveDj.WAIT, "ACK").getString("type"));
            assertEquals("Garage DJ", dancer.await("NOW_PLAYING", LiveDj.WAIT).getString("djName"));
        }
    }

    /** Live state is bounded: past the node's maximum a new set is refused (close 1013) and nothing grows. */
    @Test
    void theNodeRefusesSessionsBeyondItsMaximum() {
        List<WsClient> desktops = new ArrayList<>();
        List<String> live = new ArrayList<>();
        try {
            JsonObject refusal = null;
            for (int i = 0; i <= MAX_SESSIONS && refusal == null; i++) {
                WsClient desktop = connect();
                desktops.add(desktop);
                String sessionId = LiveDj.newSessionId();
                desktop.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + sessionId + "\",\"djName\":\"Full House\",\"messageId\":\"f1\"}");
                JsonObject answer = desktop.awaitMatching(m -> "f1".equals(m.getString("messageId", null)), LiveDj.WAIT, "ACK/NACK");
                if ("ACK".equals(answer.getString("type"))) {
                    live.add(sessionId);
                } else {
                    refusal = answer;
                    assertEquals(1013, desktop.awaitClose(LiveDj.WAIT).code());
                }
            }
            assertEquals("Server busy (max sessions reached)", refusal == null ? null : refusal.getString("error"));
            assertTrue(live.size() <= MAX_SESSIONS);
            assertTrue(Api.at(server.port()).get("/health").json().getInt("activeSessions") <= MAX_SESSIONS);
        } finally {
            for (int i = 0; i < live.size(); i++) {
                desktops.get(i).send("{\"type\":\"END_SESSION\",\"sessionId\":\"" + live.get(i) + "\",\"messageId\":\"e1\"}");
                desktops.get(i).awaitMatching(m -> "e1".equals(m.getString("messageId", null)), LiveDj.WAIT, "ACK of the end");
            }
            desktops.forEach(WsClient::close);
        }
    }

    @Test
    void aConnectionThatAnswersPingsStaysAndASilentOneIsClosed() throws Exception {
        try (WsClient alive = connect(); WsClient gone = connect()) {
            gone.stopReading(); // reads nothing, so it never answers a ping
            Thread.sleep(CONNECTION_IDLE.plusSeconds(3).toMillis());
            assertFalse(alive.isClosed(), "a connection answering pings is not idle");
            gone.resumeReading();
            WsClient.Closed closed = gone.awaitClose(LiveDj.WAIT);
            // 1001 when the close frame is read in time; the server may have cut the socket by then.
            assertTrue(closed.code() == 1001 || closed.code() == -1, closed::toString);
            assertTrue(java.nio.file.Files.readString(server.log()).contains("Idle timeout"), "the server closed it as idle");
            alive.send("{\"type\":\"PING\"}");
            alive.await("PONG", LiveDj.WAIT);
        }
    }

    /** The session would idle out on this server within 3 s: analysis updates keep it active. */
    private static void keepActive(Dj dj, String sessionId, Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            dj.send(track("METADATA_UPDATED", sessionId, "1A"));
            Thread.sleep(Math.min(500, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private static jakarta.json.JsonObjectBuilder track(String type, String sessionId, String key) {
        return Json.createObjectBuilder().add("type", type).add("sessionId", sessionId)
                .add("track", Json.createObjectBuilder().add("artist", "Busy").add("title", "Track").add("key", key));
    }

    private static WsClient connect() {
        return WsClient.connect(server.port(), null);
    }

    private static java.sql.Timestamp awaitEndedAt(String sessionId) throws Exception {
        long deadline = System.nanoTime() + LiveDj.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = TestServer.postgres().connect(DATABASE);
                 PreparedStatement query = db.prepareStatement("SELECT ended_at FROM sessions WHERE id = ?")) {
                query.setString(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getTimestamp(1) != null) {
                        return row.getTimestamp(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** A DJ of this server (its own accounts). */
    private static final class Dj implements AutoCloseable {
        final LiveDj dj;
        final WsClient ws;

        private Dj(LiveDj dj, WsClient ws) {
            this.dj = dj;
            this.ws = ws;
        }

        static Dj signUp() {
            String unique = Long.toHexString(System.nanoTime());
            Api.Reply reply = Api.at(server.port()).post("/api/auth/register",
                    "{\"email\":\"exp-" + unique + "@example.com\",\"password\":\"expiry-pass\",\"displayName\":\"Exp " + unique + "\"}");
            assertEquals(201, reply.status(), reply::toString);
            LiveDj dj = LiveDj.of(reply.json());
            dj.ws = connect();
            return new Dj(dj, dj.ws);
        }

        void register(String sessionId) {
            dj.register(sessionId);
        }

        JsonObject send(jakarta.json.JsonObjectBuilder message) {
            return dj.send(message);
        }

        @Override
        public void close() {
            dj.close();
        }
    }
}
