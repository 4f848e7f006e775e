package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.HistoryIT.awaitRows;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;
import static stream.pika.it.LiveDj.WAIT;

/**
 * The REST routes of interactions (contract section 2), each with its auth rule and bad input:
 * a dancer's likes, top tracks, global totals, a DJ's page, the recap's polls (its own DJ only)
 * and sync-fingerprints (its own DJ only; the original let anyone write it).
 */
@ExtendWith(TestServer.class)
class InteractionsRestIT {

    @Test
    void likesStatsAndTheDjPage() throws Exception {
        Api api = Api.newClient();
        String sessionId = LiveDj.newSessionId();
        String clientId = Dancer.newClientId();
        String title = "Liked " + clientId;
        try (LiveDj dj = LiveDj.signUp().connect()) {
            dj.register(sessionId);
            dj.play(sessionId, "Rest Artist", title);
            try (WsClient phone = Dancer.following(sessionId, clientId)) {
                assertAck(ask(phone, like("SEND_LIKE", sessionId, clientId, track("Rest Artist", title))));
                awaitRows("SELECT id FROM likes WHERE session_id = ?", sessionId, 1);
            }

            JsonObject likes = api.get("/api/client/" + clientId + "/likes").json();
            assertEquals(clientId, likes.getString("clientId"));
            assertEquals(1, likes.getInt("totalLikes"));
            JsonObject liked = likes.getJsonArray("likes").getJsonObject(0);
            assertEquals(List.of(sessionId, "Rest Artist", title, dj.displayName),
                    List.of(liked.getString("sessionId"), liked.getString("artist"), liked.getString("title"), liked.getString("djName")));
            Protocol.valid(liked);
            assertEquals(400, api.get("/api/client/not-a-client/likes").status());
            assertEquals("Invalid client ID format", api.get("/api/client/not-a-client/likes").error());
            assertEquals(0, api.get("/api/client/client_nobody_at_all/likes").json().getInt("totalLikes"));

            JsonArray top = array(api.get("/api/stats/top-tracks").body());
            assertTrue(top.size() <= 10);
            // Ours (one like) is there, unless ten tracks of other tests have as many likes or more.
            List<JsonObject> ranked = top.getValuesAs(JsonObject.class);
            assertTrue(ranked.stream().anyMatch(t -> title.equals(t.getString("title")) && t.getInt("likeCount") == 1)
                    || (ranked.size() == 10 && ranked.stream().allMatch(t -> t.getInt("likeCount") >= 1)), top::toString);
            for (int i = 1; i < ranked.size(); i++) {
                assertTrue(ranked.get(i - 1).getInt("likeCount") >= ranked.get(i).getInt("likeCount"), "most liked first: " + top);
            }

            JsonObject global = api.get("/api/stats/global").json();
            assertTrue(global.getInt("totalSessions") >= 1 && global.getInt("totalTracks") >= 1 && global.getInt("totalLikes") >= 1);

            String slug = dj.displayName.toLowerCase().replace(' ', '-');
            JsonObject page = api.get("/api/dj/" + slug).json();
            assertEquals(dj.displayName, page.getString("djName"));
            assertEquals(1, page.getInt("totalSessions"));
            JsonObject set = page.getJsonArray("sessions").getJsonObject(0);
            assertEquals(sessionId, set.getString("id"));
            assertEquals(1, set.getInt("trackCount"));
            assertTrue(set.isNull("endedAt"), "a running set, as the original writes it");
            assertEquals(404, api.get("/api/dj/nobody-has-this-slug").status());
            assertEquals("DJ not found", api.get("/api/dj/nobody-has-this-slug").error());
            assertEquals(400, api.get("/api/dj/Not%20A%20Slug").status());
        }
    }

    @Test
    void pollResultsAreForTheSetsOwnDjOnly() throws Exception {
        Api api = Api.newClient();
        String sessionId = LiveDj.newSessionId();
        try (LiveDj dj = LiveDj.signUp().connect(); LiveDj other = LiveDj.signUp()) {
            dj.register(sessionId);
            dj.play(sessionId, "Artist", "Poll Track");
            String clientId = Dancer.newClientId();
            try (WsClient phone = Dancer.following(sessionId, clientId)) {
                dj.ws.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", sessionId).add("question", "Next?")
                        .add("options", Json.createArrayBuilder().add("Blues").add("Swing")).build().toString());
                long pollId = dj.ws.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();
                phone.await("POLL_STARTED", WAIT);
                assertAck(ask(phone, Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId)
                        .add("optionIndex", 1).add("clientId", clientId)));
                assertAck(dj.send(Json.createObjectBuilder().add("type", "END_POLL").add("pollId", pollId)));
                awaitRows("SELECT id FROM polls WHERE session_id = ? AND status = 'closed'", sessionId, 1);
            }

            JsonObject anonymous = api.get("/api/sessions/" + sessionId + "/recap").json();
            assertFalse(anonymous.containsKey("polls"));
            JsonObject stranger = api.get("/api/session/" + sessionId + "/recap", "Authorization", "Bearer " + other.token).json();
            assertFalse(stranger.containsKey("polls"));

            JsonObject own = api.get("/api/sessions/" + sessionId + "/recap", "Authorization", "Bearer " + dj.token).json();
            assertEquals(1, own.getInt("totalPolls"));
            assertEquals(1, own.getInt("totalPollVotes"));
            JsonObject poll = own.getJsonArray("polls").getJsonObject(0);
            assertEquals("Next?", poll.getString("question"));
            assertEquals(List.of(0, 1), poll.getJsonArray("votes").getValuesAs(jakarta.json.JsonNumber.class).stream()
                    .map(jakarta.json.JsonNumber::intValue).toList());
            assertEquals(1, poll.getInt("winnerIndex"));
            assertEquals("Swing", poll.getString("winner"));
            assertEquals("Poll Track", poll.getJsonObject("currentTrack").getString("title"));
            assertTrue(poll.getString("endedAt").endsWith("Z"));
        }
    }

    @Test
    void onlyTheSetsDjMaySyncFingerprints() throws Exception {
        Api api = Api.newClient();
        String sessionId = LiveDj.newSessionId();
        try (LiveDj dj = LiveDj.signUp().connect(); LiveDj other = LiveDj.signUp()) {
            dj.register(sessionId);
            dj.play(sessionId, "Artist", "Analysed");
            awaitRows("SELECT id FROM played_tracks WHERE session_id = ?", sessionId, 1);
            String body = "{\"tracks\":[{\"artist\":\"Artist\",\"title\":\"Analysed\",\"bpm\":98,\"key\":\"8A\",\"energy\":61},"
                    + "{\"artist\":\"Artist\",\"title\":\"Never Played\",\"bpm\":120}]}";
            String path = "/api/sessions/" + sessionId + "/sync-fingerprints";

            assertEquals(401, api.post(path, body).status());
            assertEquals(401, api.post(path, body, "Authorization", "Bearer pk_dj_00000000000000000000000000000000").status());
            Api.Reply foreign = api.post(path, body, "Authorization", "Bearer " + other.token);
            assertEquals(403, foreign.status(), foreign::toString);

            Api.Reply synced = api.post(path, body, "Authorization", "Bearer " + dj.token);
            assertEquals(200, synced.status(), synced::toString);
            assertEquals(List.of(1, 2, sessionId), List.of(synced.json().getInt("synced"), synced.json().getInt("total"),
                    synced.json().getString("sessionId")));
            assertEquals(List.of("98 8A 61"), awaitRows("SELECT bpm || ' ' || key || ' ' || energy FROM played_tracks"
                    + " WHERE session_id = ?", sessionId, 1));

            Api.Reply missing = api.post(path, "{}", "Authorization", "Bearer " + dj.token);
            assertEquals(400, missing.status());
            assertEquals("Invalid request: tracks array required", missing.error());
            assertEquals(404, api.post("/api/sessions/pika_0_unknown/sync-fingerprints", body,
                    "Authorization", "Bearer " + dj.token).status());
        }
    }

    private static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }
}
