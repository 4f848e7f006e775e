package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sessions routes of the REST API, in the original's shapes, at all three mount points. */
@ExtendWith(TestServer.class)
class SessionsRestIT {

    @Test
    void liveAndActiveSessions() {
        Api api = Api.newClient();
        try (LiveDj dj = LiveDj.signUp().connect(); LiveDj quiet = LiveDj.signUp().connect()) {
            String playing = LiveDj.newSessionId();
            String silent = LiveDj.newSessionId();
            dj.register(playing);
            quiet.register(silent);
            dj.play(playing, "Active Artist", "Active Title");
            try (WsClient a = Dancer.following(playing); WsClient b = Dancer.following(playing)) {
                for (String path : List.of("/api/sessions", "/api/session", "/sessions")) {
                    Api.Reply reply = api.get(path);
                    assertEquals(200, reply.status(), path);
                    JsonObject entry = find(array(reply.body()), "sessionId", playing);
                    assertEquals("Active Title", entry.getJsonObject("currentTrack").getString("title"));
                    Protocol.valid(entry);
                }

                JsonObject active = api.get("/api/sessions/active").json();
                assertTrue(active.getBoolean("live"));
                assertTrue(active.getInt("count") >= 2);
                JsonObject on = find(active.getJsonArray("sessions"), "sessionId", playing);
                assertEquals(2, on.getInt("listenerCount"));
                assertEquals(0.1, on.getJsonNumber("momentum").doubleValue(), 1e-9);
                assertEquals(java.util.Set.of("title", "artist", "bpm"), on.getJsonObject("currentTrack").keySet());
                JsonObject off = find(active.getJsonArray("sessions"), "sessionId", silent);
                assertEquals(JsonValue.ValueType.NULL, off.get("currentTrack").getValueType(), "the original sends null here");
            }
        }
    }

    @Test
    void historyRecentAndRecap() {
        Api api = Api.newClient();
        String sessionId = LiveDj.newSessionId();
        try (LiveDj dj = LiveDj.signUp().connect()) {
            dj.register(sessionId);
            dj.play(sessionId, "First", "Track");
            Waits.broadcastInterval();
            dj.play(sessionId, "Second", "Track");
            dj.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", sessionId));
        }
        JsonArray history = awaitRows(api, "/api/sessions/" + sessionId + "/history", 2);
        assertEquals("Second", history.getJsonObject(0).getString("artist"), "newest first");
        assertEquals(java.util.Set.of("id", "artist", "title", "playedAt"), history.getJsonObject(0).keySet());
        assertEquals(history, array(api.get("/sessions/" + sessionId + "/history").body()));

        awaitTrue(() -> array(api.get("/api/sessions/recent").body()).stream()
                .anyMatch(s -> s.asJsonObject().getString("id").equals(sessionId)), "the ended set is recent");

        Api.Reply recap = api.get("/api/session/" + sessionId + "/recap");
        assertEquals(200, recap.status(), recap::toString);
        JsonObject body = recap.json();
        assertEquals(sessionId, body.getString("sessionId"));
        assertEquals(2, body.getInt("trackCount"));
        assertEquals(0, body.getInt("totalLikes"));
        assertTrue(body.getString("endedAt").endsWith("Z"));
        JsonObject first = body.getJsonArray("tracks").getJsonObject(0);
        assertEquals(1, first.getInt("position"));
        assertEquals("First", first.getString("artist"));
        assertEquals(102, first.getInt("bpm"));
        assertEquals(JsonValue.ValueType.NULL, first.get("key").getValueType(), "database NULLs stay null, as the original");
        assertEquals(JsonValue.ValueType.NULL, first.get("tempo").getValueType());

        Api.Reply unknown = api.get("/api/sessions/" + LiveDj.newSessionId() + "/recap");
        assertEquals(404, unknown.status());
        assertEquals("Session not found", unknown.error());
        Api.Reply bad = api.get("/api/sessions/short/recap");
        assertEquals(400, bad.status());
        assertEquals("Invalid session id", bad.error());
    }

    private static JsonArray awaitRows(Api api, String path, int rows) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray found;
        do {
            found = array(api.get(path).body());
            if (found.size() >= rows) {
                return found;
            }
            Waits.pause(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " has " + found.size() + " rows, not " + rows);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Waits.pause(Duration.ofMillis(200));
        }
    }

    private static JsonObject find(JsonArray array, String field, String value) {
        return array.stream().map(JsonValue::asJsonObject).filter(o -> value.equals(o.getString(field, null)))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + array));
    }

    static JsonArray array(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

}
