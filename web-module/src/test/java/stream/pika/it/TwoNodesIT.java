package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stream.pika.payara.MicroServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * Two Payara Micro nodes sharing the local Redis and PostgreSQL (issue 6): a publish on one node
 * reaches the followers of that session on both nodes exactly once and nobody else; sender
 * exclusion holds across nodes; late joiners on the other node get the state from Redis; a vote
 * race from two nodes counts once; rate limits are shared; a restarted node loses no set.
 */
class TwoNodesIT {

    private static final String DATABASE = "pika_it_nodes";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final String PREFIX = "pika-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final String[] VAPID = vapidPair();
    private static MicroServer one;
    private static MicroServer two;
    private static int onePort;

    @BeforeAll
    static void startNodes() {
        TestServer.postgres().recreate(DATABASE);
        CompletableFuture<MicroServer> first = CompletableFuture.supplyAsync(() -> node("node-one", TestServer.freePort()));
        CompletableFuture<MicroServer> second = CompletableFuture.supplyAsync(() -> node("node-two", TestServer.freePort()));
        one = first.join();
        two = second.join();
        onePort = one.port();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (MicroServer node : new MicroServer[]{one, two}) {
            if (node != null) {
                node.close();
            }
        }
        // Leave nothing of this run in the shared Redis.
        new ProcessBuilder("sh", "-c", "redis-cli --scan --pattern '" + PREFIX + ":*' | xargs -r redis-cli del > /dev/null")
                .inheritIO().start().waitFor();
    }

    /** A node of this class's cluster; both name the first admin, so they race to create it at start. */
    static MicroServer node(String name, int port) {
        return node(name, port, DATABASE, "redis://127.0.0.1:6379", PREFIX,
                Map.of("PIKA_ADMIN_EMAIL", TestServer.ADMIN_EMAIL, "PIKA_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD,
                        // Smart Crate: both nodes try to run track matching every 2 s, and 1 s after a set ends.
                        "PIKA_CRATE_MATCHING_INTERVAL", "PT2S", "PIKA_CRATE_SESSION_END_DELAY", "PT1S",
                        // Both nodes look for due reminders of starred slots twice a second, and push to the emulator
                        // with the cluster's one VAPID key pair (a phone subscribes with whichever node it reached).
                        "PIKA_REMINDERS_INTERVAL", "PT0.5S", "PIKA_PUSH_INSECURE_HOSTS", "127.0.0.1,localhost",
                        "PIKA_VAPID_PUBLIC_KEY", VAPID[0], "PIKA_VAPID_PRIVATE_KEY", VAPID[1]));
    }

    /** A node of a cluster: the shared database and Redis, the shared server's test settings. */
    static MicroServer node(String name, int port, String database, String redisUrl, String prefix) {
        return node(name, port, database, redisUrl, prefix, Map.of());
    }

    private static MicroServer node(String name, int port, String database, String redisUrl, String prefix, Map<String, String> extra) {
        MicroServer node = TestServer.micro(name).port(port)
                .env(extra)
                .env(TestServer.databaseEnv(database))
                .env(Map.of("PIKA_REDIS_URL", redisUrl, "PIKA_REDIS_PREFIX", prefix,
                        "PIKA_TRUSTED_PROXIES", TestServer.TRUSTED_PROXY,
                        "PIKA_RATELIMIT_WS_CONNECTS_LIMIT", "1000000",
                        "PIKA_LIVE_BROADCAST_MIN_INTERVAL", "PT0.2S",
                        "PIKA_LIVE_SWEEP_INTERVAL", "PT0.5S",
                        "PIKA_LIVE_LISTENER_COUNT_INTERVAL", "PT0.5S",
                        "PIKA_LIVE_LISTENER_LINGER", "PT2S",
                        "PIKA_DATA_DIR", TestServer.itDirectory().resolve(name + "-data").toString()))
                .start();
        node.awaitHealthy(Duration.ofMinutes(2));
        return node;
    }

    /** Issue 17, item 3: runs by the schedule and at a set's end, never two at once on the two nodes. */
    @Test
    void trackMatchingRunsOneAtATimeAcrossNodesBySchedulesAndSetEnds() throws Exception {
        String session = LiveDj.newSessionId();
        try (LiveDj dj = dj(one)) {
            dj.register(session);
            assertAck(dj.play(session, "Nobody Catalogued", "A Song For The Matcher"));
            Waits.until(() -> rows("SELECT count(*) FROM played_tracks WHERE session_id = '" + session + "'") == 1, WAIT, "the play written");
            long before = rows("SELECT count(*) FROM job_runs WHERE started_by = 'session end'");
            assertAck(dj.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", session)));
            Waits.until(() -> rows("SELECT count(*) FROM job_runs WHERE started_by = 'session end' AND status = 'COMPLETED'") > before,
                    Duration.ofSeconds(20), "a run after the set's end");
        }
        Waits.until(() -> rows("SELECT count(*) FROM track_matches m JOIN played_tracks p ON p.id = m.played_track_id"
                + " WHERE p.session_id = '" + session + "'") == 1, Duration.ofSeconds(20), "the set's play decided");
        Waits.until(() -> rows("SELECT count(*) FROM job_runs WHERE started_by = 'schedule' AND ended_at IS NOT NULL") >= 4,
                Duration.ofSeconds(40), "scheduled runs");
        assertEquals(0, rows("SELECT count(*) FROM job_runs a JOIN job_runs b ON a.id < b.id AND a.job = b.job"
                + " WHERE a.started_at < coalesce(b.ended_at, 'infinity') AND b.started_at < coalesce(a.ended_at, 'infinity')"),
                "two runs at once");
        assertEquals(0, rows("SELECT count(*) FROM job_runs WHERE status NOT IN ('COMPLETED', 'running')"), "a run failed");
    }

    /** A P-256 pair as Pika! takes it: {public (uncompressed point), private (scalar)}, base64url. */
    private static String[] vapidPair() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            java.security.KeyPair pair = generator.generateKeyPair();
            java.security.spec.ECPoint w = ((java.security.interfaces.ECPublicKey) pair.getPublic()).getW();
            byte[] point = new byte[65];
            point[0] = 4;
            System.arraycopy(fixed32(w.getAffineX()), 0, point, 1, 32);
            System.arraycopy(fixed32(w.getAffineY()), 0, point, 33, 32);
            byte[] scalar = fixed32(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
            java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
            return new String[]{url.encodeToString(point), url.encodeToString(scalar)};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed32(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static long rows(String sql) {
        try (Connection db = TestServer.postgres().connect(DATABASE); PreparedStatement query = db.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPublishReachesItsSessionOnBothNodesOnceAndNobodyElse() {
        try (LiveDj djA = dj(one); LiveDj djB = dj(two)) {
            String a = LiveDj.newSessionId();
            String b = LiveDj.newSessionId();
            djA.register(a);
            djB.register(b);
            try (WsClient a1 = follow(one, a); WsClient a2 = follow(two, a); WsClient b1 = follow(one, b); WsClient b2 = follow(two, b)) {
                assertAck(djA.play(a, "Artist A", "Track A"));
                assertAck(djB.play(b, "Artist B", "Track B"));
                for (WsClient dancer : List.of(a1, a2)) {
                    List<JsonObject> playing = nowPlaying(dancer);
                    assertEquals(1, playing.size(), "exactly once: " + playing);
                    assertEquals("Track A", playing.get(0).getJsonObject("track").getString("title"));
                }
                for (WsClient dancer : List.of(b1, b2)) {
                    List<JsonObject> playing = nowPlaying(dancer);
                    assertEquals(1, playing.size(), "exactly once: " + playing);
                    assertEquals("Track B", playing.get(0).getJsonObject("track").getString("title"));
                }
                assertTrue(djA.ws.drain("NOW_PLAYING", QUIET).isEmpty(), "not back to its DJ");
            }
        }
    }

    @Test
    void senderExclusionHoldsAcrossNodesAndLateJoinersReadTheStore() {
        try (LiveDj dj = dj(one)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Ray Charles", "Hit the Road Jack"));
            String clientOne = Dancer.newClientId();
            try (WsClient onOne = follow(one, session, clientOne); WsClient onTwo = follow(two, session)) {
                assertAck(ask(onOne, like("SEND_LIKE", session, clientOne, track("Ray Charles", "Hit the Road Jack"))));
                assertEquals("Hit the Road Jack", onTwo.await("LIKE_RECEIVED", WAIT).getJsonObject("payload")
                        .getJsonObject("track").getString("title"));
                assertTrue(onOne.drain("LIKE_RECEIVED", QUIET).isEmpty(), "the liker does not hear its own like");

                // A late joiner on the other node: what is playing, the running poll and the announcement.
                assertAck(dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                        .add("question", "Next?").add("options", Json.createArrayBuilder().add("Blues").add("Pop"))));
                assertAck(dj.send(Json.createObjectBuilder().add("type", "SEND_ANNOUNCEMENT").add("sessionId", session)
                        .add("message", "Workshop at 3")));
                try (WsClient late = follow(two, session)) {
                    List<JsonObject> state = late.drain(QUIET);
                    assertTrue(state.stream().anyMatch(m -> "NOW_PLAYING".equals(m.getString("type"))
                            && "Hit the Road Jack".equals(m.getJsonObject("track").getString("title"))), state::toString);
                    assertTrue(state.stream().anyMatch(m -> "POLL_STARTED".equals(m.getString("type"))), state::toString);
                    assertTrue(state.stream().anyMatch(m -> "ANNOUNCEMENT_RECEIVED".equals(m.getString("type"))), state::toString);
                }
            }
        }
    }

    /** One dancer on both nodes votes twice at the same moment: counted once. */
    @Test
    void aVoteRaceFromTwoNodesCountsOnce() throws Exception {
        try (LiveDj dj = dj(one)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            String client = Dancer.newClientId();
            try (WsClient phone = follow(one, session, client); WsClient tablet = follow(two, session, client);
                 WsClient witness = follow(two, session)) {
                assertAck(dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                        .add("question", "Tempo?").add("options", Json.createArrayBuilder().add("Up").add("Down"))));
                long pollId = witness.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();
                phone.await("POLL_STARTED", WAIT);
                tablet.await("POLL_STARTED", WAIT);
                for (int round = 0; round < 5; round++) {
                    CompletableFuture<JsonObject> first = CompletableFuture.supplyAsync(() -> ask(phone, vote(pollId, 0, client)));
                    CompletableFuture<JsonObject> second = CompletableFuture.supplyAsync(() -> ask(tablet, vote(pollId, 1, client)));
                    assertAck(first.join());
                    assertAck(second.join());
                }
                List<JsonObject> updates = witness.drain("POLL_UPDATE", QUIET);
                assertEquals(1, updates.size(), updates::toString);
                assertEquals(1, updates.get(0).getInt("totalVotes"));
                assertEquals(1, voteRows(pollId));
            }
        }
    }

    /** Five failed logins through node one and the sixth through node two: one quota. */
    @Test
    void rateLimitsAreSharedByTheNodes() {
        String address = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(250));
        String body = "{\"email\":\"nobody@example.com\",\"password\":\"12345678\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Api.at(one.port(), address).post("/api/auth/login", body, "X-Requested-With", "Pika").status());
        }
        Api.Reply sixth = Api.at(two.port(), address).post("/api/auth/login", body, "X-Requested-With", "Pika");
        assertEquals(429, sixth.status(), sixth::toString);
    }

    @Test
    void listenersAreCountedOverBothNodes() {
        try (LiveDj dj = dj(one)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            try (WsClient onOne = follow(one, session); WsClient onTwo = follow(two, session)) {
                onOne.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type")) && m.getInt("count") == 2, WAIT, "count 2");
                onTwo.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type")) && m.getInt("count") == 2, WAIT, "count 2");
                assertEquals(List.of(), onOne.drain("LISTENER_COUNT", Duration.ofSeconds(2)), "one node sends the count, once");
                assertEquals(List.of(), onTwo.drain("LISTENER_COUNT", Duration.ofMillis(100)));
                Api.Reply health = Api.at(two.port()).get("/health");
                assertEquals("connected", health.json().getString("redis"));
                assertTrue(health.json().getInt("activeSessions") >= 1);
            }
        }
    }

    /**
     * Node one stops mid-set: its DJ and dancer come back through node two (the DJ re-registers
     * within the grace), they get the current track, nobody hears SESSION_ENDED; node one
     * starts again and serves the same set.
     */
    @Test
    void aRestartedNodeEndsNoSet() throws Exception {
        LiveDj dj = dj(one);
        String session = LiveDj.newSessionId();
        dj.register(session);
        assertAck(dj.play(session, "Etta James", "At Last"));
        String movingClient = Dancer.newClientId();
        WsClient moving = follow(one, session, movingClient);
        try (WsClient staying = follow(two, session)) {
            nowPlaying(staying);
            one.close();
            dj.ws = WsClient.connect(two.port(), null);
            dj.register(session);
            WsClient back = follow(two, session, movingClient);
            assertEquals("At Last", back.drain("NOW_PLAYING", QUIET).get(0).getJsonObject("track").getString("title"));
            back.close();
            moving.close();

            one = node("node-one", onePort);
            try (WsClient onRestarted = follow(one, session)) {
                assertEquals("At Last", onRestarted.drain("NOW_PLAYING", QUIET).get(0).getJsonObject("track").getString("title"));
                Waits.pause(Duration.ofMillis(300));
                assertAck(dj.play(session, "Etta James", "Something's Got a Hold on Me"));
                assertEquals(1, nowPlaying(onRestarted).size());
                assertEquals(1, staying.drain("NOW_PLAYING", QUIET).size());
            }
            assertTrue(staying.drain(QUIET).stream().noneMatch(m -> "SESSION_ENDED".equals(m.getString("type"))));
        } finally {
            dj.close();
        }
    }

    /**
     * A node dies without a word (killed, no shutdown): the dancers it held stop counting once its
     * heartbeat lapses, and the poll whose timer it held still ends on time, closed by another
     * node's sweep. The DJ's app reconnects to a live node as it would behind a balancer.
     */
    @Test
    void aNodeThatDiesLeavesNoPhantomDancersAndNoStuckPoll() throws Exception {
        MicroServer three = node("node-three", TestServer.freePort());
        LiveDj dj = dj(three);
        try {
            String session = LiveDj.newSessionId();
            dj.register(session);
            try (WsClient staying = follow(one, session); WsClient onDoomedNode = follow(three, session)) {
                staying.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type")) && m.getInt("count") == 2, WAIT, "count 2");
                assertAck(dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                        .add("question", "One more blues?").add("options", Json.createArrayBuilder().add("Yes").add("No"))
                        .add("durationSeconds", 30)));
                long pollId = staying.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();
                Instant endsAt = Instant.now().plusSeconds(30);

                three.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                dj.ws = WsClient.connect(one.port(), null);
                dj.register(session);

                staying.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type")) && m.getInt("count") == 1,
                        Duration.ofSeconds(40), "the dead node's dancer no longer counted");
                JsonObject ended = staying.awaitMatching(m -> "POLL_ENDED".equals(m.getString("type")), Duration.ofSeconds(45),
                        "the poll ended by a living node");
                assertEquals(pollId, ended.getJsonNumber("pollId").longValue());
                assertFalse(Instant.now().isBefore(endsAt.minusSeconds(1)), "not before its time");
            }
        } finally {
            dj.close();
            three.close();
        }
    }

    /** A shadow ban made through node one holds on node two's open connections within a second. */
    @Test
    void aShadowBanReachesTheOtherNodeWithinASecond() {
        Api admin = Api.at(onePort, "198.18.201." + (1 + ThreadLocalRandom.current().nextInt(250)));
        Api.Reply login = admin.post("/api/auth/login",
                "{\"email\":\"" + TestServer.ADMIN_EMAIL + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        assertEquals(200, login.status(), "the first admin exists once, whichever node created it: " + login);
        String adminToken = login.json().getString("token");
        try (LiveDj dj = dj(two)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Nina Simone", "Feeling Good"));
            String bannedClient = Dancer.newClientId();
            try (WsClient banned = follow(two, session, bannedClient); WsClient witness = follow(two, session)) {
                Api.Reply ban = admin.post("/api/admin/shadow-bans", "{\"clientId\":\"" + bannedClient + "\",\"reason\":\"spam\"}",
                        Admins.bearer(adminToken));
                assertEquals(201, ban.status(), ban::toString);
                Waits.pause(Duration.ofSeconds(1));
                assertAck(ask(banned, like("SEND_LIKE", session, bannedClient, track("Nina Simone", "Feeling Good"))));
                assertEquals(List.of(), dj.ws.drain("LIKE_RECEIVED", QUIET), "muted on node two");
                assertEquals(List.of(), witness.drain("LIKE_RECEIVED", Duration.ofMillis(100)));
            }
        }
    }

    @Test
    void stageFollowersOnBothNodesMoveWithAHandOverAcrossNodes() {
        Api api = Api.at(one.port(), address());
        String organizer = Admins.organizerToken(() -> Api.at(two.port(), address()));
        long eventId = StageFollowersIT.event(api, organizer, "Two-node Night");
        long stageId = StageFollowersIT.stage(api, organizer, eventId, "{\"name\":\"Main Floor\",\"openToAll\":true}");
        assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());
        List<WsClient> followers = new ArrayList<>();
        try (LiveDj djA = dj(one); LiveDj djB = dj(two); WsClient desk = WsClient.connect(one.port(), null)) {
            String setA = LiveDj.newSessionId();
            StageFollowersIT.goLive(djA, setA, stageId);
            for (int i = 0; i < 40; i++) {
                WsClient phone = WsClient.connect((i % 2 == 0 ? one : two).port(), null);
                followers.add(phone);
                StageFollowersIT.followStageAll(phone, stageId, Dancer.newClientId());
            }
            assertAck(djA.play(setA, "Artist A", "Before the hand-over"));
            for (WsClient phone : followers) {
                assertEquals(setA, phone.await("NOW_PLAYING", WAIT).getString("sessionId"));
            }
            assertAck(djA.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", setA)));
            String setB = LiveDj.newSessionId();
            StageFollowersIT.goLive(djB, setB, stageId); // on the other node
            assertAck(djB.play(setB, "Artist B", "After the hand-over"));
            int heard = 0;
            for (WsClient phone : followers) {
                if (setB.equals(phone.awaitMatching(m -> "NOW_PLAYING".equals(m.getString("type", null)), WAIT, "B's first track")
                        .getString("sessionId"))) {
                    heard++;
                }
            }
            assertEquals(followers.size(), heard, "every follower on both nodes hears the next DJ");

            // A follower on each node still names set A: its like goes to B, on node two.
            for (int i = 0; i < 2; i++) {
                String clientId = Dancer.newClientId();
                WsClient phone = WsClient.connect((i == 0 ? one : two).port(), null);
                followers.add(phone);
                StageFollowersIT.followStageAll(phone, stageId, clientId);
                assertAck(ask(phone, like("SEND_LIKE", setA, clientId, track("Artist B", "After the hand-over"))));
                assertEquals("After the hand-over", djB.ws.await("LIKE_RECEIVED", WAIT).getJsonObject("payload")
                        .getJsonObject("track").getString("title"));
            }

            // The organizer announces on node one; the followers on node two hear it too.
            assertAck(ask(desk, Json.createObjectBuilder().add("type", "AUTHENTICATE").add("token", organizer)));
            assertAck(ask(desk, Json.createObjectBuilder().add("type", "SEND_EVENT_ANNOUNCEMENT").add("eventId", eventId)
                    .add("message", "Last dance at 3").add("priority", "info")));
            for (WsClient phone : followers) {
                assertEquals("Last dance at 3", phone.await("EVENT_ANNOUNCEMENT", WAIT).getString("message"));
            }
        } finally {
            followers.forEach(WsClient::close);
        }
    }

    /**
     * Issue 19, item 3: both nodes look for due reminders twice a second; 30 phones starred a slot
     * that starts in 3 minutes (half through each node), and each phone is reminded exactly once.
     */
    @Test
    void aStarredSlotIsRemindedOnceWhateverNodeClaimsIt() {
        Api viaOne = Api.at(one.port(), address());
        Api viaTwo = Api.at(two.port(), address());
        String organizer = Admins.organizerToken(() -> Api.at(two.port(), address()));
        long eventId = StageFollowersIT.event(viaOne, organizer, "Two-node Reminders");
        long stageId = StageFollowersIT.stage(viaOne, organizer, eventId, "{\"name\":\"Main Floor\"}");
        assertEquals(200, viaOne.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofMinutes(3));
        Api.Reply slot = viaTwo.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofMinutes(30)) + "\",\"title\":\"Strictly finals\"}", Admins.bearer(organizer));
        assertEquals(201, slot.status(), slot::toString);
        long slotId = slot.json().getJsonObject("slot").getJsonNumber("id").longValue();
        String vapidKey = viaOne.get("/api/push/vapid-public-key").json().getString("publicKey");
        try (PushServiceEmulator pushService = PushServiceEmulator.start()) {
            List<PushServiceEmulator.Subscription> phones = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Api node = Api.at((i % 2 == 0 ? one : two).port(), address()); // a phone's own address (push subscribes are limited per address)
                PushServiceEmulator.Subscription phone = pushService.subscribe(vapidKey);
                Api.Reply subscribed = node.post("/api/push/subscribe", Json.createObjectBuilder().add("endpoint", phone.endpoint())
                        .add("keys", Json.createObjectBuilder().add("p256dh", phone.p256dh()).add("auth", phone.auth()))
                        .add("clientId", Dancer.newClientId()).build().toString());
                assertEquals(200, subscribed.status(), subscribed::toString);
                Api.Reply starred = node.post("/api/events/" + eventId + "/stars", "{\"star\":[" + slotId + "],\"pushEndpoint\":\""
                        + phone.endpoint() + "\"}");
                assertEquals(200, starred.status(), starred::toString);
                phones.add(phone);
            }
            Waits.until(() -> phones.stream().allMatch(phone -> !pushService.notifications(phone).isEmpty()), Duration.ofSeconds(20),
                    "every phone reminded");
            Waits.pause(Duration.ofSeconds(3)); // six more rounds of both nodes
            for (PushServiceEmulator.Subscription phone : phones) {
                List<String> received = pushService.notifications(phone);
                assertEquals(1, received.size(), received::toString);
                assertTrue(received.get(0).contains("Strictly finals"), received::toString);
            }
            assertEquals(30, rows("SELECT count(*) FROM slot_stars WHERE slot_id = " + slotId + " AND reminded_at IS NOT NULL"));
        }
    }

    /** These nodes have no Spotify client id: the Spotify features are off and say so; the rest works (issue 16, item 1). */
    @Test
    void withoutASpotifyClientIdSpotifyIsOffAndSaysSo() {
        Api api = Api.at(one.port(), address());
        JsonObject status = api.get("/api/spotify/status").json();
        assertFalse(status.getBoolean("enabled"));
        assertTrue(status.getString("reason").contains("PIKA_SPOTIFY_CLIENT_ID"), status::toString);
        Api.Reply login = api.get("/api/auth/spotify/login");
        assertEquals(503, login.status(), login::toString);
        assertEquals("Spotify is not configured on this platform", login.error());
        assertFalse(api.get("/signin").body().contains("Sign in with Spotify"), "no Spotify button without Spotify");
    }

    // ---- helpers

    private static String address() {
        return "198.18.201." + (1 + ThreadLocalRandom.current().nextInt(250));
    }

    static LiveDj dj(MicroServer node) {
        LiveDj dj = LiveDj.of(Djs.register(Api.at(node.port(), "198.18.200." + (1 + ThreadLocalRandom.current().nextInt(250))), "dj-password"));
        dj.ws = WsClient.connect(node.port(), null);
        return dj;
    }

    static WsClient follow(MicroServer node, String session) {
        return follow(node, session, Dancer.newClientId());
    }

    static WsClient follow(MicroServer node, String session, String clientId) {
        WsClient ws = WsClient.connect(node.port(), null);
        ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId).add("sessionId", session).build().toString());
        ws.await("LISTENER_COUNT", WAIT);
        return ws;
    }

    /** The NOW_PLAYING the dancer gets now, and any copy that follows within the quiet time. */
    private static List<JsonObject> nowPlaying(WsClient dancer) {
        List<JsonObject> all = new ArrayList<>();
        all.add(dancer.await("NOW_PLAYING", WAIT));
        all.addAll(dancer.drain("NOW_PLAYING", QUIET));
        return all;
    }

    private static JsonObjectBuilder vote(long pollId, int option, String clientId) {
        return Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId).add("optionIndex", option).add("clientId", clientId);
    }

    private static int voteRows(long pollId) throws Exception {
        Waits.pause(Duration.ofMillis(500));
        try (Connection db = TestServer.postgres().connect(DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM poll_votes WHERE poll_id = ?")) {
            query.setLong(1, pollId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
