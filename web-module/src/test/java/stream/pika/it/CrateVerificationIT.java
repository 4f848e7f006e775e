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
            Waits.broadcastInterval();
            // Not in the catalog, but on Spotify: found there, made a catalog record, linked.
            assertAck(booth.play(set, "Ray Charles", "Hit the Road Jack (Remastered)"));
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", set) == 4,
                    LiveDj.WAIT, "the plays written");
        }
        CrateAccuracyIT.runToTheEnd(api, admin);

        Api.Reply listed = api.get("/api/sessions/" + set + "/tracks-with-matches", Admins.bearer(dj.token));
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(!listed.containsNull(), "absent fields omitted, never null");
        JsonArray tracks = listed.json().getJsonArray("tracks");
        Map<String, JsonObject> byStatus = tracks.getValuesAs(JsonObject.class).stream()
                .filter(t -> !t.getString("artist").equals("Ray Charles"))
                .collect(Collectors.toMap(t -> t.getJsonObject("match").getString("status"), t -> t));
        assertEquals(List.of("auto", "needs_review", "unmatched"), byStatus.keySet().stream().sorted().toList(), tracks::toString);
        assertEquals("Crazy " + tag, byStatus.get("auto").getJsonObject("match").getString("title"));
        assertEquals("exact", byStatus.get("auto").getJsonObject("match").getString("method"));
        JsonObject fromSpotify = tracks.getJsonObject(3).getJsonObject("match");
        String jack = TestServer.spotify().catalog().stream().filter(t -> t.title().equals("Hit the Road Jack")).findFirst().orElseThrow().uri();
        assertEquals(List.of("auto", "spotify", "Hit the Road Jack", "Ray Charles", jack), List.of(fromSpotify.getString("status"),
                fromSpotify.getString("method"), fromSpotify.getString("title"), fromSpotify.getString("artist"), fromSpotify.getString("spotifyUri")),
                fromSpotify::toString);
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
        assertEquals(Map.of("Crazy " + tag + " (Radio Edit)", "confirmed", "Dreams " + tag + " (Rehearsal)", "confirmed", "Zzz " + tag, "rejected",
                "Hit the Road Jack (Remastered)", "auto"), statuses);
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

    @Test
    void aDjExportsTheirSetToSpotifyAsPlayed() throws Exception {
        Api api = Api.newClient();
        String admin = Admins.firstAdminToken(api);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String crazy = "spotify:track:" + uri22("export-crazy" + tag);
        String catalog = "Track URI,Track Name,Artist Name(s),ISRC\n"
                + crazy + ",Crazy " + tag + ",Gnarls Barkley,\n"
                + "spotify:track:" + uri22("export-dreams" + tag) + ",Dreams " + tag + ",Fleetwood Mac,\n"
                + ",Isrc Only " + tag + ",Nobody Famous,QZ" + tag.substring(0, 3).toUpperCase().replaceAll("[^A-Z0-9]", "X") + "2400001\n";
        Api.Reply imported = api.postRaw("/api/admin/catalog/imports", catalog, Admins.bearer(admin, "Content-Type", "text/csv", "X-Pika-Client", "pika-e2e"));
        assertEquals(201, imported.status(), imported::toString);
        assertEquals(3, imported.json().getInt("created"), imported::toString);

        String password = "dj password " + tag;
        JsonObject registered = Djs.register(Api.newClient(), password);
        LiveDj dj = LiveDj.of(registered);
        DancerLikesIT.Device laptop = new DancerLikesIT.Device();
        laptop.signIn(registered.getJsonObject("user").getString("email"), password);
        SpotifyStandIn.User spotify = SpotifyStandIn.User.fresh("DJ Exporter");
        assertEquals(dj.accountId, laptop.signInWithSpotify(spotify), "Spotify added to the DJ's account");

        String set = LiveDj.newSessionId();
        try (LiveDj booth = dj.connect()) {
            booth.register(set);
            String[][] played = {{"Gnarls Barkley", "Crazy " + tag}, {"Fleetwood Mac", "Dreams " + tag + " (Rehearsal)"},
                    {"Nobody Known", "Zzz " + tag}, {"Nobody Famous", "Isrc Only " + tag}, {"Gnarls Barkley", "Crazy " + tag}};
            for (String[] track : played) {
                assertAck(booth.play(set, track[0], track[1]));
                Waits.broadcastInterval();
            }
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", set) == 5, LiveDj.WAIT, "plays written");
        }
        CrateAccuracyIT.runToTheEnd(api, admin);

        Api.Reply exported = api.post("/api/sessions/" + set + "/export-spotify", "{}", Admins.bearer(dj.token));
        assertEquals(201, exported.status(), exported::toString);
        JsonObject answer = exported.json();
        assertTrue(answer.getString("name").startsWith(dj.displayName + "'s Set – 20"), answer::toString);
        assertEquals(1, answer.getInt("added"), "Crazy, once");
        assertEquals(List.of("2 needs review", "3 unmatched", "4 no Spotify URI"), answer.getJsonArray("leftOut").getValuesAs(JsonObject.class)
                .stream().map(o -> o.getInt("position") + " " + o.getString("reason")).toList());
        SpotifyStandIn.Playlist playlist = TestServer.spotify().playlistsOf(spotify).stream()
                .filter(p -> p.name().equals(answer.getString("name"))).findFirst().orElseThrow();
        assertEquals(List.of(crazy), playlist.uris());

        // Spotify asks to wait a second: waited out once. Thirty seconds: the DJ is told when to try again.
        TestServer.spotify().answerTooManyRequests(1, 1);
        Api.Reply patient = api.post("/api/sessions/" + set + "/export-spotify", "{\"name\":\"Second try\"}", Admins.bearer(dj.token));
        assertEquals(201, patient.status(), patient::toString);
        assertEquals("Second try", patient.json().getString("name"));
        TestServer.spotify().answerTooManyRequests(1, 30);
        Api.Reply busy = api.post("/api/sessions/" + set + "/export-spotify", "{}", Admins.bearer(dj.token));
        assertEquals(503, busy.status(), busy::toString);
        assertEquals("Spotify is busy: try again in 30 s", busy.error());

        LiveDj other = LiveDj.signUp();
        assertEquals(403, api.post("/api/sessions/" + set + "/export-spotify", "{}", Admins.bearer(other.token)).status());
        String ownSet = "crate_" + UUID.randomUUID().toString().substring(0, 12);
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement session = db.prepareStatement("INSERT INTO sessions (id, dj_user_id, dj_name, ended_at) VALUES (?, ?, 'Other', now())")) {
            session.setString(1, ownSet);
            session.setLong(2, other.accountId);
            session.executeUpdate();
        }
        Api.Reply unlinked = api.post("/api/sessions/" + ownSet + "/export-spotify", "{}", Admins.bearer(other.token));
        assertEquals(409, unlinked.status(), unlinked::toString);
        assertEquals("This account has no Spotify link", unlinked.error());
    }

    /**
     * Issue 17, item 8: two spellings of one song, once matched, are one song in the top tracks
     * (under the catalog's names), in the set's recap and on its DJ's page.
     */
    @Test
    void topTracksCountASongOnceAcrossItsSpellings() throws Exception {
        Api api = Api.newClient();
        String admin = Admins.firstAdminToken(api);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, api.postRaw("/api/admin/catalog/imports", "Track URI,Track Name,Artist Name(s)\nspotify:track:" + uri22("top" + tag)
                + ",Top Song " + tag + ",Gnarls Barkley\n", Admins.bearer(admin, "Content-Type", "text/csv", "X-Pika-Client", "pika-e2e")).status());
        String set = LiveDj.newSessionId();
        String[] spellings = {"Top Song " + tag + " (Radio Edit)", "top song " + tag + ".mp3"};
        LiveDj dj = LiveDj.signUp();
        try (LiveDj booth = dj.connect()) {
            booth.register(set);
            for (String title : spellings) {
                assertAck(booth.play(set, "Gnarls Barkley", title));
                for (int dancer = 0; dancer < 3; dancer++) {
                    String client = Dancer.newClientId();
                    try (WsClient phone = Dancer.following(set, client)) {
                        assertAck(InteractionsIT.ask(phone, InteractionsIT.like("SEND_LIKE", set, client, InteractionsIT.track("Gnarls Barkley", title))));
                    }
                }
                Waits.broadcastInterval();
            }
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM likes WHERE session_id = ?", set) == 6, LiveDj.WAIT, "six likes written");
        }
        CrateAccuracyIT.runToTheEnd(api, admin);
        assertEquals(2, DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ? AND global_track_id IS NOT NULL", set));
        List<JsonObject> top = jakarta.json.Json.createReader(new java.io.StringReader(api.get("/api/stats/top-tracks").body())).readArray()
                .getValuesAs(JsonObject.class);
        assertTrue(top.stream().anyMatch(t -> t.getString("title").equals("Top Song " + tag) && t.getString("artist").equals("Gnarls Barkley")
                        && t.getInt("likeCount") == 6)
                || (top.size() == 10 && top.stream().allMatch(t -> t.getInt("likeCount") >= 6)), top::toString);
        assertTrue(top.stream().noneMatch(t -> t.getString("title").contains(tag) && !t.getString("title").equals("Top Song " + tag)),
                "no spelling of its own: " + top);

        JsonObject recap = api.get("/api/sessions/" + set + "/recap").json();
        assertEquals(2, recap.getInt("trackCount"), recap::toString);
        assertEquals(1, recap.getInt("uniqueSongs"), "two spellings, one song: " + recap);
        for (JsonObject track : recap.getJsonArray("tracks").getValuesAs(JsonObject.class)) {
            assertEquals("Top Song " + tag, track.getJsonObject("song").getString("title"), recap::toString);
            assertEquals("spotify:track:" + uri22("top" + tag), track.getJsonObject("song").getString("spotifyUri"));
        }
        JsonObject page = api.get("/api/dj/" + dj.displayName.toLowerCase().replace(' ', '-')).json();
        assertEquals(2, page.getInt("totalTracks"), page::toString);
        assertEquals(1, page.getInt("uniqueTracks"), "the DJ's unique tracks count the song once: " + page);

        // Before matching, a play is its own names: the recap counts spellings apart and has no song.
        String unmatched = LiveDj.newSessionId();
        try (LiveDj booth = dj.connect()) {
            booth.register(unmatched);
            assertAck(booth.play(unmatched, "Nobody Known " + tag, "Not In The Catalog"));
            Waits.broadcastInterval();
            assertAck(booth.play(unmatched, "nobody known " + tag, "not in the catalog"));
            Waits.until(() -> DancerLikesIT.rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", unmatched) == 2, LiveDj.WAIT, "two plays");
        }
        JsonObject before = api.get("/api/sessions/" + unmatched + "/recap").json();
        assertEquals(1, before.getInt("uniqueSongs"), "letter case aside, the same names are one song: " + before);
        assertTrue(before.getJsonArray("tracks").getValuesAs(JsonObject.class).stream().noneMatch(t -> t.containsKey("song")), before::toString);
    }

    static String uri22(String seed) {
        String hex = Integer.toHexString(seed.hashCode()).replace("-", "");
        return (hex + "0000000000000000000000").substring(0, 22);
    }
}
