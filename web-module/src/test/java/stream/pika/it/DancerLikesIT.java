package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.assertNack;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * Issue 16, items 4–7: likes that follow a signed-in dancer across devices (the upgrade's
 * session cookie binds a same-origin connection to the account; a browser's anonymous likes are
 * claimed once), and "Pika! Likes" in the dancer's Spotify through the persisted outbox: found by
 * search (or "not found"), deduplicated, removed on unlike, batched by 100, paced by 429 and 503,
 * through expired and revoked tokens, a deleted playlist and a restart of the node. Then exports.
 */
@ExtendWith(TestServer.class)
class DancerLikesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ORIGIN = TestServer.PUBLIC_URL;

    /** A browser on a phone or laptop: one cookie jar for its pages, its API calls and its /ws upgrades. */
    static final class Device {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final String address = Api.newClient().clientIp();

        Api.Reply send(String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(TestServer.baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", address).header("Accept", "application/json").header("X-Pika-Client", "pika-e2e");
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Api.Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Api.Reply get(String path) {
            return send("GET", path, null);
        }

        Api.Reply post(String path, String json) {
            return send("POST", path, json);
        }

        /** The sign-in form, as a browser posts it. */
        void signIn(String email, String password) {
            HttpRequest form = HttpRequest.newBuilder(TestServer.baseUri().resolve("/auth/signin")).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                            + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "&next=/")).build();
            try {
                assertEquals(303, http.send(form, HttpResponse.BodyHandlers.ofString()).statusCode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** "Sign in with Spotify" as this Spotify user, as the browser follows the redirects. */
        long signInWithSpotify(SpotifyStandIn.User user) {
            TestServer.spotify().signInAs(user);
            URI authorize = URI.create(get("/api/auth/spotify/login").header("Location"));
            try {
                HttpResponse<String> spotify = http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
                URI callback = URI.create(spotify.headers().firstValue("Location").orElseThrow());
                Api.Reply back = get(callback.getRawPath() + "?" + callback.getRawQuery());
                assertEquals(303, back.status(), back::toString);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return get("/api/auth/me").json().getJsonObject("user").getJsonNumber("id").longValue();
        }

        /** The live page's connection: same origin, so the upgrade carries the session and device cookies. */
        WsClient live(String sessionId, String clientId) {
            return live(sessionId, clientId, ORIGIN);
        }

        WsClient live(String sessionId, String clientId, String origin) {
            WsClient ws = WsClient.connect(http, TestServer.server().port(), "Origin", origin, "X-Forwarded-For", address);
            ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId).add("sessionId", sessionId).build().toString());
            ws.await("LISTENER_COUNT", LiveDj.WAIT);
            return ws;
        }

        boolean hasDeviceCookie() {
            return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .anyMatch(c -> c.getName().equals("pika_device"));
        }
    }

    @Test
    void likesFollowTheDancerFromDeviceToDevice() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Joni Mitchell", "Blue Motel Room"));

            // A phone likes anonymously, then its dancer signs up with Spotify on it and claims those likes.
            Device phone = new Device();
            String phoneClient = Dancer.newClientId();
            WsClient anonymous = phone.live(session, phoneClient);
            assertTrue(phone.hasDeviceCookie(), "a same-origin upgrade gives the browser its device cookie");
            assertAck(ask(anonymous, like("SEND_LIKE", session, phoneClient, track("Joni Mitchell", "Blue Motel Room"))));
            anonymous.close();
            Waits.until(() -> rows("SELECT count(*) FROM likes WHERE client_id = ? AND device_hash IS NOT NULL AND user_id IS NULL", phoneClient) == 1,
                    WAIT, "the anonymous like with its device");
            SpotifyStandIn.User mia = SpotifyStandIn.User.fresh("Mia Claims");
            long account = phone.signInWithSpotify(mia);

            // Another dancer's laptop cannot claim the phone's client id: it never used it.
            Device eve = new Device();
            eve.signInWithSpotify(SpotifyStandIn.User.fresh("Eve Elsewhere"));
            eve.live(session, Dancer.newClientId()).close();
            Api.Reply stolen = eve.post("/api/dancer/claim", "{\"clientId\":\"" + phoneClient + "\"}");
            assertEquals(403, stolen.status(), stolen::toString);
            assertEquals("This browser has made no likes under that client id", stolen.error());

            Api.Reply claimed = phone.post("/api/dancer/claim", "{\"clientId\":\"" + phoneClient + "\"}");
            assertEquals(200, claimed.status(), claimed::toString);
            assertEquals(1, claimed.json().getInt("claimed"));
            Api.Reply again = phone.post("/api/dancer/claim", "{\"clientId\":\"" + phoneClient + "\"}");
            assertEquals(409, again.status(), "once per client id: " + again);
            assertEquals(400, phone.post("/api/dancer/claim", "{\"clientId\":\"\"}").status());
            assertEquals(401, new Device().post("/api/dancer/claim", "{\"clientId\":\"" + phoneClient + "\"}").status(), "signed in only");
            assertEquals(1, rows("SELECT count(*) FROM likes WHERE user_id = ?", account));

            // Signed in on the phone and on a laptop: one dancer, whose likes are one set.
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Gnarls Barkley", "Crazy"));
            WsClient phoneLive = phone.live(session, phoneClient);
            assertAck(ask(phoneLive, like("SEND_LIKE", session, phoneClient, track("Gnarls Barkley", "Crazy"))));
            Device laptop = new Device();
            assertEquals(account, laptop.signInWithSpotify(mia));
            String laptopClient = Dancer.newClientId();
            WsClient laptopLive = laptop.live(session, laptopClient);
            assertNack("Already liked this track", ask(laptopLive, like("SEND_LIKE", session, laptopClient, track("Gnarls Barkley", "Crazy"))));
            Waits.until(() -> rows("SELECT count(*) FROM likes WHERE user_id = ?", account) == 2, WAIT, "the phone's like, with the account");
            // Taken back on the laptop: gone everywhere, so the phone may like it again.
            assertAck(ask(laptopLive, like("REMOVE_LIKE", session, laptopClient, track("Gnarls Barkley", "Crazy"))));
            Waits.until(() -> rows("SELECT count(*) FROM likes WHERE user_id = ?", account) == 1, WAIT, "the like removed everywhere");
            assertAck(ask(phoneLive, like("SEND_LIKE", session, phoneClient, track("Gnarls Barkley", "Crazy"))));
            Waits.until(() -> rows("SELECT count(*) FROM likes WHERE user_id = ?", account) == 2, WAIT, "liked again");

            // A page of another origin gets no account and no device, whatever cookies the browser holds.
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Adele", "Rolling in the Deep"));
            String foreignClient = Dancer.newClientId();
            WsClient foreign = phone.live(session, foreignClient, "https://evil.example");
            assertAck(ask(foreign, like("SEND_LIKE", session, foreignClient, track("Adele", "Rolling in the Deep"))));
            Waits.until(() -> rows("SELECT count(*) FROM likes WHERE client_id = ? AND user_id IS NULL AND device_hash IS NULL", foreignClient) == 1,
                    WAIT, "an anonymous like from a foreign page");

            // The journal: every device's likes, by event and set, newest first.
            JsonObject journal = phone.get("/api/dancer/likes").json();
            assertEquals(2, journal.getInt("total"), journal::toString);
            JsonArray groups = journal.getJsonArray("groups");
            assertEquals(1, groups.size(), journal::toString);
            JsonObject set = groups.getJsonObject(0);
            assertEquals(session, set.getString("sessionId"));
            assertTrue(!set.containsKey("eventId"), "no event for a set on no stage: omitted, not null");
            JsonArray liked = set.getJsonArray("likes");
            assertEquals("Crazy", liked.getJsonObject(0).getString("title"));
            assertEquals("Blue Motel Room", liked.getJsonObject(1).getString("title"));
            assertEquals(journal, laptop.get("/api/dancer/likes").json(), "the same list on every device");
            assertEquals(400, phone.get("/api/dancer/likes?page=x").status());

            // Removed from the journal: gone, and the phone's live set knows it.
            long blueMotel = liked.getJsonObject(1).getJsonNumber("id").longValue();
            assertEquals(404, eve.send("DELETE", "/api/dancer/likes/" + blueMotel, null).status(), "only the dancer's own");
            assertEquals(200, laptop.send("DELETE", "/api/dancer/likes/" + blueMotel, null).status());
            assertEquals(1, rows("SELECT count(*) FROM likes WHERE user_id = ?", account));
            assertEquals(404, laptop.send("DELETE", "/api/dancer/likes/" + blueMotel, null).status());
            phoneLive.close();
            laptopLive.close();
            foreign.close();
        }
    }

    @Test
    void likedTracksGoToPikaLikesOnce() throws Exception {
        SpotifyStandIn standIn = TestServer.spotify();
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            Device phone = new Device();
            SpotifyStandIn.User ana = SpotifyStandIn.User.fresh("Ana Playlist");
            long account = phone.signInWithSpotify(ana);
            String client = Dancer.newClientId();
            WsClient live = phone.live(session, client);

            // As DJ software tags them: a track number and a mix tag, a featured artist, and a song Spotify lacks.
            assertAck(dj.play(session, "Ed Sheeran", "03 - Shape of You (Extended Mix)"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Ed Sheeran", "03 - Shape of You (Extended Mix)"))));
            assertAck(ask(live, like("REMOVE_LIKE", session, client, track("Ed Sheeran", "03 - Shape of You (Extended Mix)"))));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Ed Sheeran", "03 - Shape of You (Extended Mix)"))));
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Mark Ronson feat. Bruno Mars", "Uptown Funk"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Mark Ronson feat. Bruno Mars", "Uptown Funk"))));
            Waits.broadcastInterval();
            assertAck(dj.play(session, "The Unsigned Quartet", "A Song Nobody Released"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("The Unsigned Quartet", "A Song Nobody Released"))));

            String shapeOfYou = uriOf("Shape of You", "Ed Sheeran");
            String uptownFunk = uriOf("Uptown Funk", "Mark Ronson");
            Waits.until(() -> tracksOf(ana).equals(List.of(shapeOfYou, uptownFunk)), WAIT, "Pika! Likes with both songs, once each");
            assertEquals(1, standIn.playlistsOf(ana).size());
            assertEquals("Pika! Likes", standIn.playlistsOf(ana).get(0).name());
            Waits.until(() -> spotifyStates(phone).contains("not-found"), WAIT, "the journal shows the song Spotify lacks");
            assertEquals(List.of("not-found", "added", "added"), spotifyStates(phone));

            // Unlike: out of the playlist.
            assertAck(ask(live, like("REMOVE_LIKE", session, client, track("Mark Ronson feat. Bruno Mars", "Uptown Funk"))));
            Waits.until(() -> tracksOf(ana).equals(List.of(shapeOfYou)), WAIT, "Uptown Funk removed");

            // 429: Spotify's Retry-After is waited out before the next call.
            int before = standIn.calls().size();
            standIn.answerTooManyRequests(1, 2);
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Bill Withers", "Ain't No Sunshine"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Bill Withers", "Ain't No Sunshine"))));
            String sunshine = uriOf("Ain't No Sunshine", "Bill Withers");
            Waits.until(() -> tracksOf(ana).contains(sunshine), WAIT, "added after the wait");
            List<SpotifyStandIn.Call> calls = standIn.calls().subList(before, standIn.calls().size());
            assertEquals(429, calls.get(0).status(), calls::toString);
            assertTrue(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()).toMillis() >= 1900,
                    "the next call came before Retry-After: " + calls);

            // 503 twice: backed off, then added; an access token that expired early: refreshed once, added.
            standIn.answerUnavailable(2);
            int refreshes = standIn.refreshes();
            standIn.expireAccessTokens();
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Amy Winehouse", "Rehab"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Amy Winehouse", "Rehab"))));
            String rehab = uriOf("Rehab", "Amy Winehouse");
            Waits.until(() -> tracksOf(ana).contains(rehab), WAIT, "added after two 503s and a refresh");
            assertTrue(standIn.refreshes() > refreshes, "the expired access token was refreshed");
            assertEquals(List.of(shapeOfYou, sunshine, rehab), tracksOf(ana));

            // The dancer deletes the playlist: the next like makes a new one.
            String first = standIn.playlistsOf(ana).get(0).id();
            standIn.deletePlaylist(first);
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Sade", "Smooth Operator"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Sade", "Smooth Operator"))));
            String smooth = uriOf("Smooth Operator", "Sade");
            Waits.until(() -> tracksOf(ana).equals(List.of(smooth)), WAIT, "a new Pika! Likes");
            assertNotEquals(first, standIn.playlistsOf(ana).get(0).id());

            // The dancer revokes Pika! in Spotify: the link is broken, the like waits; reconnecting sends it.
            standIn.revokeRefreshTokensOf(ana);
            standIn.expireAccessTokens();
            Waits.broadcastInterval();
            assertAck(dj.play(session, "Hozier", "Take Me to Church"));
            assertAck(ask(live, like("SEND_LIKE", session, client, track("Hozier", "Take Me to Church"))));
            Waits.until(() -> "broken".equals(phone.get("/api/me/spotify").json().getJsonObject("spotify").getString("status")),
                    WAIT, "reconnect Spotify");
            assertEquals(1, rows("SELECT count(*) FROM spotify_outbox WHERE user_id = ?", account), "the like waits in the outbox");
            phone.signInWithSpotify(ana);
            String church = uriOf("Take Me to Church", "Hozier");
            Waits.until(() -> tracksOf(ana).equals(List.of(smooth, church)), WAIT, "sent once reconnected");
            live.close();
            String log = java.nio.file.Files.readString(TestServer.itDirectory().resolve("shared-server.log"));
            for (String token : standIn.tokensOf(ana)) {
                assertTrue(!log.contains(token), "a token of Spotify's in the log");
                assertEquals(List.of(), SpotifySignInIT.tablesHolding(token), "a token of Spotify's in clear");
            }
        }
    }

    @Test
    void queuedLikesSurviveARestartAndGoInBatchesOfAHundred() throws Exception {
        SpotifyStandIn standIn = TestServer.spotify();
        List<SpotifyStandIn.Track> songs = standIn.catalog().subList(100, 210);
        Device phone = new Device();
        SpotifyStandIn.User leo = SpotifyStandIn.User.fresh("Leo Batches");
        long account = phone.signInWithSpotify(leo);
        standIn.answerUnavailable(1_000_000); // Spotify is down while the likes come in
        LiveDj account0 = LiveDj.signUp();
        List<LiveDj> booths = new ArrayList<>();
        try {
            List<String> sessions = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                booths.add(account0.another().connect()); // a set per connection, as the DJ app runs them
                sessions.add(LiveDj.newSessionId());
                booths.get(s).register(sessions.get(s));
            }
            long[] lastPlayed = new long[10];
            for (int round = 0; round < 11; round++) {
                for (int s = 0; s < 10; s++) {
                    // Each set keeps the broadcast interval from its own last play (a slow play late in a round must not shorten it).
                    if (round > 0) {
                        Waits.pause(TestServer.BROADCAST_MIN_INTERVAL.plusMillis(50).minusNanos(System.nanoTime() - lastPlayed[s]));
                    }
                    SpotifyStandIn.Track song = songs.get(s * 11 + round);
                    lastPlayed[s] = System.nanoTime();
                    assertAck(booths.get(s).play(sessions.get(s), song.artists().get(0), song.title()));
                }
            }
            // Two tabs of the signed-in phone flush their offline likes, one bulk frame per set.
            for (int tab = 0; tab < 2; tab++) {
                String client = Dancer.newClientId();
                WsClient live = phone.live(sessions.get(0), client);
                for (int s = tab * 5; s < tab * 5 + 5; s++) {
                    JsonArrayBuilder tracks = Json.createArrayBuilder();
                    for (int round = 0; round < 11; round++) {
                        SpotifyStandIn.Track song = songs.get(s * 11 + round);
                        tracks.add(track(song.artists().get(0), song.title()));
                    }
                    assertAck(ask(live, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", sessions.get(s))
                            .add("clientId", client).add("payload", Json.createObjectBuilder().add("tracks", tracks))));
                }
                live.close();
            }
            Waits.until(() -> rows("SELECT count(*) FROM spotify_outbox WHERE user_id = ?", account) == 110, WAIT, "110 adds queued");
        } catch (RuntimeException | Error e) {
            standIn.answerUnavailable(0);
            throw e;
        } finally {
            booths.forEach(LiveDj::close);
        }
        int before = standIn.calls().size();
        TestServer.restart();
        standIn.answerUnavailable(0);
        Waits.until(() -> tracksOf(leo).size() >= 110, Duration.ofSeconds(60), "every queued like added after the restart");
        Waits.pause(Duration.ofSeconds(1));
        List<String> added = tracksOf(leo);
        assertEquals(110, added.size(), "none lost, none doubled");
        assertEquals(songs.stream().map(SpotifyStandIn.Track::uri).collect(java.util.stream.Collectors.toSet()), new HashSet<>(added));
        List<SpotifyStandIn.Call> adds = standIn.calls().subList(before, standIn.calls().size()).stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/tracks") && c.status() == 201).toList();
        assertEquals(List.of(100, 10), adds.stream().map(SpotifyStandIn.Call::tracks).toList(), "one call per 100 tracks");
        assertEquals(0, rows("SELECT count(*) FROM spotify_outbox WHERE user_id = ?", account));
    }

    @Test
    void anEventsLikesExportToANewPlaylistInOrder() {
        Api api = Api.newClient();
        StageFollowersIT.Floor floor = StageFollowersIT.Floor.open(api, "Export Night");
        Device phone = new Device();
        SpotifyStandIn.User kim = SpotifyStandIn.User.fresh("Kim Exports");
        phone.signInWithSpotify(kim);
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            StageFollowersIT.goLive(dj, session, floor.stageId());
            String client = Dancer.newClientId();
            WsClient live = phone.live(session, client);
            String[][] played = {{"Fleetwood Mac", "Dreams"}, {"Nobody Known", "Unreleased Demo"}, {"Vance Joy", "Riptide"}};
            for (String[] song : played) {
                assertAck(dj.play(session, song[0], song[1]));
                assertAck(ask(live, like("SEND_LIKE", session, client, track(song[0], song[1]))));
                Waits.broadcastInterval();
            }
            Waits.until(() -> spotifyStates(phone).size() == 3, WAIT, "three likes written");
            Api.Reply exported = phone.post("/api/dancer/exports", "{\"eventId\":" + floor.eventId() + "}");
            assertEquals(201, exported.status(), exported::toString);
            JsonObject answer = exported.json();
            assertEquals("Export Night – favourites", answer.getString("name"));
            assertEquals(2, answer.getInt("added"));
            assertEquals("Unreleased Demo", answer.getJsonArray("notFound").getJsonObject(0).getString("title"));
            SpotifyStandIn.Playlist playlist = TestServer.spotify().playlistsOf(kim).stream()
                    .filter(p -> p.name().equals("Export Night – favourites")).findFirst().orElseThrow();
            assertEquals("https://open.spotify.com/playlist/" + playlist.id(), answer.getString("playlistUrl"));
            assertEquals(List.of(uriOf("Dreams", "Fleetwood Mac"), uriOf("Riptide", "Vance Joy")), playlist.uris(), "in the order liked");

            Api.Reply named = phone.post("/api/dancer/exports", "{\"sessionId\":\"" + session + "\",\"name\":\"Kim's set\"}");
            assertEquals(201, named.status(), named::toString);
            assertEquals("Kim's set", named.json().getString("name"));
            assertEquals(400, phone.post("/api/dancer/exports", "{}").status());
            assertEquals(400, phone.post("/api/dancer/exports", "{\"eventId\":1,\"sessionId\":\"" + session + "\"}").status());
            assertEquals(404, phone.post("/api/dancer/exports", "{\"eventId\":" + (floor.eventId() + 100_000) + "}").status());
            Device stranger = new Device();
            stranger.signInWithSpotify(SpotifyStandIn.User.fresh("No Likes Here"));
            Api.Reply nothing = stranger.post("/api/dancer/exports", "{\"eventId\":" + floor.eventId() + "}");
            assertEquals(404, nothing.status(), nothing::toString);
            assertEquals("You have no likes there to export", nothing.error());
            live.close();
        }
    }

    @Test
    void aPlayLinkedToTheCatalogTakesItsSpotifyUriWithoutASearch() throws Exception {
        Device phone = new Device();
        SpotifyStandIn.User uma = SpotifyStandIn.User.fresh("Uma Catalog");
        phone.signInWithSpotify(uma);
        String riptide = uriOf("Riptide", "Vance Joy");
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            // Tags no search would make sense of; Smart Crate linked the play to the catalog's record.
            assertAck(dj.play(session, "VJ", "trk07 final master"));
            Waits.until(() -> rows("SELECT count(*) FROM played_tracks WHERE session_id = ?", session) == 1, WAIT, "the play written");
            try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
                 PreparedStatement link = db.prepareStatement("WITH g AS (INSERT INTO global_tracks (spotify_uri, title, artist, search_text)"
                         + " VALUES (?, 'Riptide', 'Vance Joy', 'vance joy riptide') ON CONFLICT (spotify_uri) DO UPDATE SET title = EXCLUDED.title"
                         + " RETURNING id) UPDATE played_tracks SET global_track_id = (SELECT id FROM g) WHERE session_id = ?")) {
                link.setString(1, riptide);
                link.setString(2, session);
                assertEquals(1, link.executeUpdate());
            }
            String client = Dancer.newClientId();
            WsClient live = phone.live(session, client);
            int searches = (int) TestServer.spotify().calls().stream().filter(c -> c.path().equals("/v1/search")).count();
            assertAck(ask(live, like("SEND_LIKE", session, client, track("VJ", "trk07 final master"))));
            Waits.until(() -> tracksOf(uma).equals(List.of(riptide)), WAIT, "the catalog's track in Pika! Likes");
            assertEquals(searches, TestServer.spotify().calls().stream().filter(c -> c.path().equals("/v1/search")).count(), "no search");
            live.close();
        }
    }

    /** The stand-in catalog's URI of the song. */
    private static String uriOf(String title, String artist) {
        return TestServer.spotify().catalog().stream().filter(t -> t.title().equals(title) && t.artists().contains(artist))
                .findFirst().orElseThrow().uri();
    }

    /** The tracks of the user's one "Pika! Likes" playlist (none while there is none). */
    private static List<String> tracksOf(SpotifyStandIn.User user) {
        List<SpotifyStandIn.Playlist> playlists = TestServer.spotify().playlistsOf(user).stream()
                .filter(p -> p.name().equals("Pika! Likes")).toList();
        return playlists.isEmpty() ? List.of() : List.copyOf(playlists.get(playlists.size() - 1).uris());
    }

    /** The journal's Spotify state of each like, newest first. */
    private static List<String> spotifyStates(Device device) {
        List<String> states = new ArrayList<>();
        for (JsonObject group : device.get("/api/dancer/likes").json().getJsonArray("groups").getValuesAs(JsonObject.class)) {
            for (JsonObject like : group.getJsonArray("likes").getValuesAs(JsonObject.class)) {
                states.add(like.getString("spotify", "none"));
            }
        }
        return states;
    }

    static long rows(String sql, Object... parameters) {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
