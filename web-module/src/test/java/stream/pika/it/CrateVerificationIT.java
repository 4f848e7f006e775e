package stream.pika.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.assertAck;

/**
 * Issue 17, item 6: a DJ reviews the matches of their own set, confirms, rejects, picks another
 * record from a catalog search; decisions earn points (and at 100 the badge track_detective) and
 * teach the matcher, so the same names in another DJ's set link by themselves.
 */
@ExtendWith(TestServer.class)
class CrateVerificationIT {

    @Test
    void aDjVerifiesTheirSetAndTeachesTheMatcher() throws Exception {
        Api api = Api.newClient();
        String admin = Admins.firstAdminToken(api);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String catalog = "Track URI,Track Name,Artist Name(s),Track Duration (ms)\n"
                + "spotify:track:" + uri22("crazy" + tag) + ",Crazy " + tag + ",Gnarls Barkley,178000\n"
                + "spotify:track:" + uri22("dreams" + tag) + ",Dreams " + tag + ",Fleetwood Mac,257000\n"
                + "spotify:track:" + uri22("dreamslive" + tag) + ",Dreams " + tag + " - Live,Fleetwood Mac,280000\n";
        assertEquals(201, api.postRaw("/api/admin/catalog/imports", catalog,
                Admins.bearer(admin, "Content-Type", "text/csv", "X-Pika-Client", "pika-e2e")).status());

        LiveDj dj = LiveDj.signUp();
        LiveDj rival = LiveDj.signUp();
        String set = LiveDj.newSessionId();
        try (LiveDj booth = dj.connect()) {
            booth.register(set);
            assertAck(booth.play(set, "Gnarls Barkley", "Crazy " + tag + " (Radio Edit)"));
            Waits.broadcastInterval();
            assertAck(booth.play(set, "Fleetwood Mac", "Dreams " + tag + " (Rehearsal)"));
            Waits.broadcastInterval();
            assertAck(booth.play(set, "Nobody Known", "Zzz " + tag));
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", set) == 3,
                    LiveDj.WAIT, "the plays written");
        }
        CrateAccuracyIT.runToTheEnd(api, admin);

        Api.Reply listed = api.get("/api/sessions/" + set + "/tracks-with-matches", Admins.bearer(dj.token));
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(!listed.containsNull(), "absent fields omitted, never null");
        JsonArray tracks = listed.json().getJsonArray("tracks");
        Map<String, JsonObject> byStatus = tracks.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(t -> t.getJsonObject("match").getString("status"), t -> t));
        assertEquals(List.of("auto", "needs_review", "unmatched"), byStatus.keySet().stream().sorted().toList(), tracks::toString);
        assertEquals("Crazy " + tag, byStatus.get("auto").getJsonObject("match").getString("title"));
        assertEquals(403, api.get("/api/sessions/" + set + "/tracks-with-matches", Admins.bearer(rival.token)).status(), "another DJ's set");
        assertEquals(404, api.get("/api/sessions/no_such_set_at_all/tracks-with-matches", Admins.bearer(dj.token)).status());
        assertEquals(401, api.get("/api/sessions/" + set + "/tracks-with-matches").status());

        long auto = byStatus.get("auto").getJsonObject("match").getJsonNumber("matchId").longValue();
        long review = byStatus.get("needs_review").getJsonObject("match").getJsonNumber("matchId").longValue();
        long none = byStatus.get("unmatched").getJsonObject("match").getJsonNumber("matchId").longValue();
        assertEquals(403, api.post("/api/matches/" + auto + "/confirm", "", Admins.bearer(rival.token)).status(), "not the rival's to verify");
        assertEquals(200, api.post("/api/matches/" + auto + "/confirm", "", Admins.bearer(dj.token)).status());
        assertEquals(409, api.post("/api/matches/" + auto + "/confirm", "", Admins.bearer(dj.token)).status(), "verified already");
        assertEquals(409, api.post("/api/matches/" + none + "/confirm", "", Admins.bearer(dj.token)).status(), "nothing proposed");

        // The rehearsal take is the studio record: found through the catalog search, chosen.
        Api.Reply search = api.get("/api/catalog/search?q=dreams%20" + tag + "%20fleetwood", Admins.bearer(dj.token));
        assertEquals(200, search.status(), search::toString);
        long studio = search.json().getJsonArray("tracks").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("title").equals("Dreams " + tag)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(400, api.get("/api/catalog/search?q=x", Admins.bearer(dj.token)).status());
        assertEquals(404, api.post("/api/matches/" + review + "/choose", "{\"globalTrackId\":999999999}", Admins.bearer(dj.token)).status());
        assertEquals(200, api.post("/api/matches/" + review + "/choose", "{\"globalTrackId\":" + studio + "}", Admins.bearer(dj.token)).status());
        assertEquals(200, api.post("/api/matches/" + none + "/reject", "", Admins.bearer(dj.token)).status());

        JsonObject after = api.get("/api/sessions/" + set + "/tracks-with-matches", Admins.bearer(dj.token)).json();
        Map<String, String> statuses = after.getJsonArray("tracks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(t -> t.getString("title"), t -> t.getJsonObject("match").getString("status")));
        assertEquals(Map.of("Crazy " + tag + " (Radio Edit)", "confirmed", "Dreams " + tag + " (Rehearsal)", "confirmed", "Zzz " + tag, "rejected"),
                statuses);
        assertEquals(1, DancerLikesIT.rows("SELECT count(*) FROM global_tracks WHERE id = ? AND verified", studio));
        JsonObject activity = api.get("/api/me/activity", Admins.bearer(dj.token)).json().getJsonObject("activity");
        assertEquals(20, activity.getInt("points"), activity::toString);
        assertEquals(3, activity.getJsonArray("recent").size());

        // The lesson: the same names in the rival's set link by themselves.
        String rivalSet = LiveDj.newSessionId();
        try (LiveDj booth = rival.connect()) {
            booth.register(rivalSet);
            assertAck(booth.play(rivalSet, "Fleetwood Mac", "Dreams " + tag + " (Rehearsal)"));
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", rivalSet) == 1,
                    LiveDj.WAIT, "the rival's play written");
        }
        CrateAccuracyIT.runToTheEnd(api, admin);
        JsonObject taught = api.get("/api/sessions/" + rivalSet + "/tracks-with-matches", Admins.bearer(rival.token)).json()
                .getJsonArray("tracks").getJsonObject(0).getJsonObject("match");
        assertEquals(List.of("auto", "manual", studio), List.of(taught.getString("status"), taught.getString("method"),
                taught.getJsonNumber("globalTrackId").longValue()), taught::toString);

        // 100 verifications make a track detective.
        String big = "crate_" + UUID.randomUUID().toString().substring(0, 12);
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE)) {
            try (PreparedStatement session = db.prepareStatement("INSERT INTO sessions (id, dj_user_id, dj_name, ended_at) VALUES (?, ?, 'Big Set', now())")) {
                session.setString(1, big);
                session.setLong(2, dj.accountId);
                session.executeUpdate();
            }
            try (PreparedStatement play = db.prepareStatement("INSERT INTO played_tracks (session_id, artist, title) VALUES (?, 'Gnarls Barkley', ?)")) {
                for (int i = 0; i < 100; i++) {
                    play.setString(1, big);
                    play.setString(2, "Crazy " + tag);
                    play.addBatch();
                }
                play.executeBatch();
            }
        }
        CrateAccuracyIT.runToTheEnd(api, admin);
        JsonArray bigSet = api.get("/api/sessions/" + big + "/tracks-with-matches", Admins.bearer(dj.token)).json().getJsonArray("tracks");
        assertEquals(100, bigSet.size());
        for (JsonObject play : bigSet.getValuesAs(JsonObject.class)) {
            assertEquals(200, api.post("/api/matches/" + play.getJsonObject("match").getJsonNumber("matchId") + "/confirm", "",
                    Admins.bearer(dj.token)).status());
        }
        JsonObject detective = api.get("/api/me/activity", Admins.bearer(dj.token)).json().getJsonObject("activity");
        assertEquals(1020, detective.getInt("points"));
        assertEquals("[\"track_detective\"]", detective.getJsonArray("badges").toString());
        assertNull(api.get("/api/me/activity", Admins.bearer(rival.token)).json().getJsonObject("activity").get("badges").asJsonArray()
                .stream().findFirst().orElse(null), "the rival earned nothing");
    }

    private static String uri22(String seed) {
        String hex = Integer.toHexString(seed.hashCode()).replace("-", "");
        return (hex + "0000000000000000000000").substring(0, 22);
    }
}
