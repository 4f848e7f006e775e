package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import stream.pika.payara.EmbeddedDatabase;
import stream.pika.payara.MicroServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database goes away under a running set and comes back: the set goes on (tracks reach the
 * dancers), health says so (503 in the original's shape, readiness DOWN), and once the database
 * is back the history catches up with nothing lost, in order, without a restart. Uses its own
 * PostgreSQL (the embedded one of the run command) so it can be stopped.
 */
class DatabaseOutageIT {

    @Test
    void theSetGoesOnAndHistoryCatchesUp() throws Exception {
        Path data = TestServer.itDirectory().resolve("outage-postgres");
        int port = TestServer.freePort();
        EmbeddedDatabase postgres = EmbeddedDatabase.start(data, port);
        try {
            postgres.server().recreate("pika");
            try (MicroServer micro = TestServer.micro("database-outage")
                    .env("PIKA_DB_URL", postgres.server().jdbcUrl("pika"))
                    .env("PIKA_DB_USER", "postgres")
                    .env("PIKA_DB_PASSWORD", "postgres")
                    .env("PIKA_LIVE_BROADCAST_MIN_INTERVAL", "PT1S")
                    .start()) {
                micro.awaitHealthy(Duration.ofMinutes(2));
                URI base = micro.baseUri();
                LiveDj dj = LiveDj.of(Api.at(micro.port()).post("/api/auth/register", Djs.newRegistration("outage-pass")).json());
                dj.ws = WsClient.connect(micro.port(), null);
                String sessionId = LiveDj.newSessionId();
                dj.register(sessionId);
                WsClient dancer = WsClient.connect(micro.port(), null);
                dancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
                dancer.await("LISTENER_COUNT", LiveDj.WAIT);

                postgres.close();
                HttpResponse<String> down = get(base.resolve("/health"));
                assertEquals(503, down.statusCode(), down.body());
                JsonObject body = new Api.Reply(503, down.headers(), down.body()).json();
                assertEquals("error", body.getString("status"));
                assertEquals("Database unavailable", body.getString("error"));
                assertFalse(body.containsKey("activeSessions"));
                assertEquals(503, get(base.resolve("/mp-health/ready")).statusCode());

                for (int i = 1; i <= 3; i++) {
                    assertEquals("ACK", dj.play(sessionId, "Outage", "Track " + i).getString("type"));
                    assertEquals("Track " + i, dancer.await("NOW_PLAYING", LiveDj.WAIT).getJsonObject("track").getString("title"),
                            "the set goes on without the database");
                    Thread.sleep(1_100);
                }
                // START_POLL does not wait for the database (finding: it blocked the DJ's connection up to 3 s, then
                // failed): its id was reserved ahead, the DJ hears POLL_STARTED at once, the row follows later.
                long asked = System.nanoTime();
                dj.ws.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", sessionId).add("messageId", "p1")
                        .add("question", "Still dancing?").add("options", Json.createArrayBuilder().add("Yes").add("Very")).build().toString());
                long pollId = dj.ws.await("POLL_STARTED", LiveDj.WAIT).getJsonNumber("pollId").longValue();
                assertEquals("ACK", dj.ws.awaitMatching(m -> "p1".equals(m.getString("messageId", null)), LiveDj.WAIT, "ACK").getString("type"));
                long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
                assertTrue(answeredMillis < 2_000, "START_POLL answered in " + answeredMillis + " ms with the database down");
                dancer.await("POLL_STARTED", LiveDj.WAIT);
                assertEquals("ACK", dj.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId)).getString("type"));

                postgres = EmbeddedDatabase.start(data, port);
                awaitStatus(base.resolve("/health"), 200, Duration.ofSeconds(60));
                assertEquals(200, get(base.resolve("/mp-health/ready")).statusCode());
                List<String> tracks = awaitRows(postgres, "SELECT title FROM played_tracks WHERE session_id = '" + sessionId
                        + "' ORDER BY played_at, id", 3);
                assertEquals(List.of("Track 1", "Track 2", "Track 3"), tracks, "every play written, in order");
                assertEquals(1, awaitRows(postgres, "SELECT id FROM sessions WHERE id = '" + sessionId + "' AND ended_at IS NOT NULL", 1).size());
                assertEquals(List.of("Still dancing? closed"), awaitRows(postgres, "SELECT question || ' ' || status FROM polls WHERE id = "
                        + pollId + " AND session_id = '" + sessionId + "'", 1), "the poll's row written with its id once the database was back");
                dancer.close();
                dj.close();
            }
        } finally {
            postgres.close();
        }
    }

    private static List<String> awaitRows(EmbeddedDatabase postgres, String sql, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> rows = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            rows = new ArrayList<>();
            try (Connection db = postgres.server().connect("pika"); Statement query = db.createStatement();
                 ResultSet result = query.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            if (rows.size() >= expected) {
                return rows;
            }
            Thread.sleep(500);
        }
        return rows;
    }

    private static void awaitStatus(URI uri, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(uri).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        fail(uri + " answered " + last + ", not " + status + ", within " + timeout);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
