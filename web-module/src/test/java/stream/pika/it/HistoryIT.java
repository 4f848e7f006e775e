package stream.pika.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a set leaves in PostgreSQL: the session row, each track once, late analysis, the end, telemetry. */
@ExtendWith(TestServer.class)
class HistoryIT {

    @Test
    void aSetIsWrittenInOrderAndOnce() throws Exception {
        String sessionId = LiveDj.newSessionId();
        try (LiveDj dj = LiveDj.signUp().connect()) {
            dj.register(sessionId);
            dj.play(sessionId, "Artist", "One");
            Waits.broadcastInterval();
            dj.play(sessionId, "Artist", "One"); // the same track again: not a new play
            Waits.broadcastInterval();
            dj.play(sessionId, "Artist", "Two");
            dj.send(Json.createObjectBuilder().add("type", "METADATA_UPDATED").add("sessionId", sessionId)
                    .add("track", Json.createObjectBuilder().add("artist", "Artist").add("title", "Two").add("bpm", 96.4).add("key", "5A")));
            dj.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId));

            List<String> rows = awaitRows("SELECT title || ' ' || coalesce(bpm::text, '-') || ' ' || coalesce(key, '-')"
                    + " FROM played_tracks WHERE session_id = ? ORDER BY played_at, id", sessionId, 2);
            assertEquals(List.of("One 102 -", "Two 96 5A"), rows);
            assertEquals(List.of(dj.accountId + " " + dj.displayName + " ended"), awaitRows(
                    "SELECT dj_user_id || ' ' || dj_name || ' ' || CASE WHEN ended_at IS NULL THEN 'open' ELSE 'ended' END"
                            + " FROM sessions WHERE id = ? AND ended_at IS NOT NULL", sessionId, 1));
            assertEquals(List.of("connect", "end"), awaitRows(
                    "SELECT event_type FROM session_events WHERE session_id = ? ORDER BY occurred_at, id", sessionId, 2));
        }
    }

    static List<String> awaitRows(String sql, String sessionId, int expected) throws Exception {
        return awaitRowsIn(TestServer.DATABASE, sql, sessionId, expected);
    }

    /** The rows of {@code sql} (one parameter, the session id) once there are {@code expected}, or after 10 s. */
    static List<String> awaitRowsIn(String database, String sql, String sessionId, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> rows;
        do {
            rows = new ArrayList<>();
            try (Connection db = TestServer.postgres().connect(database);
                 PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, sessionId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
            }
            if (rows.size() >= expected) {
                return rows;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return rows;
    }

}
