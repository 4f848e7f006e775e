package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * The audit findings of contract §4 that no other test closes on its own (README "Audit
 * findings and the tests that close them" lists every finding with its test): tokens that never
 * expired, the like limit keyed on a client-chosen id, client ids as the only key to a dancer's
 * likes, one shared "unknown" rate-limit bucket without a proxy header, and the production
 * compose file that did not pass the VAPID keys.
 */
@ExtendWith(TestServer.class)
class AuditClosureIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** "auth.ts – add token expiry" (open in the audit): a token unused for 90 days stops working and is removed. */
    @Test
    void aTokenUnusedForNinetyDaysLapses() throws Exception {
        LiveDj idle = LiveDj.signUp();
        LiveDj recent = LiveDj.signUp();
        setLastUse(idle.token, 91);
        setLastUse(recent.token, 89);

        Api.Reply refused = Api.newClient().get("/api/auth/me", "Authorization", "Bearer " + idle.token);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals(0, tokenRows(idle.token), "the lapsed token is removed");
        try (LiveDj dj = idle.connect()) {
            JsonObject answer = dj.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                    .add("sessionId", LiveDj.newSessionId()).add("token", idle.token));
            assertEquals("Invalid token", answer.getString("error"), answer::toString);
        }
        assertEquals(200, Api.newClient().get("/api/auth/me", "Authorization", "Bearer " + recent.token).status(),
                "a token used 89 days ago still works");
    }

    /** "Every login inserts a new token and they pile up": a DJ keeps the 10 newest, the oldest stops working. */
    @Test
    void tokensDoNotPileUp() throws Exception {
        JsonObject dj = Djs.register(Api.newClient(), "password-1");
        String email = dj.getJsonObject("user").getString("email");
        String first = dj.getString("token");
        for (int i = 0; i < 10; i++) {
            // From a new address each time: the auth quota is per client IP.
            Api.Reply login = Api.newClient().post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"password-1\"}");
            assertEquals(200, login.status(), login::toString);
        }
        assertEquals(401, Api.newClient().get("/api/auth/me", "Authorization", "Bearer " + first).status(), "the 11th token revoked the first");
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM user_tokens WHERE user_id = ?")) {
            query.setLong(1, dj.getJsonObject("user").getJsonNumber("id").longValue());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertEquals(10, result.getInt(1));
            }
        }
    }

    /**
     * "The like limit is keyed on a client-chosen clientId": a script that mints a new client id
     * per connection still meets the per-address quota (1,000 likes a minute, each track of a bulk
     * frame counted, not each frame), while another network keeps liking. The DJ gets exactly
     * the likes that were accepted.
     */
    @Test
    void newClientIdsDoNotBuyNewLikes() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            String network = "198.51.100." + (1 + (int) (System.nanoTime() % 200));
            int accepted = 0;
            JsonObject refusal = null;
            List<WsClient> phones = new ArrayList<>();
            try {
                for (int phone = 0; phone < 12 && refusal == null; phone++) {
                    String clientId = Dancer.newClientId();
                    WsClient ws = WsClient.connect(TestServer.server().port(), network);
                    phones.add(ws);
                    ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId)
                            .add("sessionId", session).build().toString());
                    ws.await("LISTENER_COUNT", WAIT);
                    JsonArrayBuilder tracks = Json.createArrayBuilder();
                    for (int t = 0; t < 100; t++) {
                        tracks.add(track("Artist", "Track " + phone + "-" + t));
                    }
                    JsonObject answer = ask(ws, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", session)
                            .add("clientId", clientId).add("payload", Json.createObjectBuilder().add("tracks", tracks)));
                    if ("ACK".equals(answer.getString("type"))) {
                        accepted += 100;
                    } else {
                        refusal = answer;
                    }
                }
            } finally {
                phones.forEach(WsClient::close);
            }
            assertEquals(1000, accepted, "ten client ids' bulk frames of 100, until the address quota");
            assertEquals("Rate limit exceeded: too many likes from this network, try again in a minute",
                    refusal == null ? null : refusal.getString("error"));
            AtomicLong delivered = new AtomicLong();
            Waits.until(() -> delivered.addAndGet(dj.ws.drain("LIKE_RECEIVED", Duration.ZERO).size()) >= 1000, WAIT,
                    "the DJ got the 1,000 accepted likes");
            assertEquals(1000, delivered.get() + dj.ws.drain("LIKE_RECEIVED", Duration.ofMillis(500)).size(), "and no more");

            String otherClient = Dancer.newClientId();
            try (WsClient other = Dancer.following(session, otherClient)) {
                assertAck(ask(other, like("SEND_LIKE", session, otherClient, track("Artist", "Track 1"))));
            }
        }
    }

    /**
     * "Client likes can be read by clientId without auth": the client id is the phone's secret
     * (the web app makes it from a random UUID and keeps it on the phone), so it must never
     * reach anyone else: no live message and no public REST answer carries it.
     */
    @Test
    void aDancersClientIdNeverReachesAnyoneElse() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Artist Secret", "Track Secret"));
            String secret = Dancer.newClientId();
            try (WsClient me = Dancer.following(session, secret); WsClient neighbour = Dancer.following(session)) {
                assertAck(ask(me, like("SEND_LIKE", session, secret, track("Artist Secret", "Track Secret"))));
                assertAck(ask(me, Json.createObjectBuilder().add("type", "SEND_TEMPO_REQUEST").add("sessionId", session)
                        .add("preference", "faster").add("clientId", secret)));
                assertAck(ask(me, Json.createObjectBuilder().add("type", "SEND_REACTION").add("sessionId", session)
                        .add("reaction", "thank_you").add("clientId", secret)));
                JsonObject poll = dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                        .add("question", "Next?").add("options", Json.createArrayBuilder().add("Blues").add("Pop")));
                assertAck(poll);
                long pollId = me.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();
                assertAck(ask(me, Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId)
                        .add("optionIndex", 0).add("clientId", secret)));
                neighbour.await("POLL_UPDATE", WAIT);

                List<String> seen = new ArrayList<>();
                neighbour.drain(Duration.ofMillis(500)).forEach(m -> seen.add(m.toString()));
                dj.ws.drain(Duration.ofMillis(200)).forEach(m -> seen.add(m.toString()));
                try (WsClient late = Dancer.following(session)) {
                    late.drain(Duration.ofMillis(500)).forEach(m -> seen.add(m.toString()));
                }
                assertFalse(seen.isEmpty());
                seen.forEach(message -> assertFalse(message.contains(secret), message));
            }
            Api api = Api.newClient();
            for (String path : List.of("/api/sessions/active", "/api/session/" + session + "/recap", "/api/stats/top-tracks",
                    "/api/stats/global", "/api/sessions/recent", "/api/session/" + session + "/history")) {
                Api.Reply reply = api.get(path);
                assertEquals(200, reply.status(), path + " " + reply);
                assertFalse(reply.body().contains(secret), path);
            }
            Waits.until(() -> Api.newClient().get("/api/client/" + secret + "/likes").json().getJsonArray("likes").size() == 1,
                    WAIT, "the phone itself reads its like with its id");
        }
    }

    /**
     * "Rate-limit keys collapse to one 'unknown' bucket when no proxy header is present": two
     * phones connecting directly (no proxy, no header) have a quota each.
     */
    @Test
    void directClientsWithoutAProxyHeaderHaveAQuotaEach() throws Exception {
        int port = TestServer.server().port();
        int first = 0;
        for (int i = 0; i < 6; i++) {
            first = loginFrom("127.0.0.2", port);
        }
        assertEquals(429, first, "the sixth attempt from 127.0.0.2 is over the shared auth quota of 5");
        assertEquals(401, loginFrom("127.0.0.3", port), "127.0.0.3 has its own quota");
    }

    /** "docker-compose.prod.yml does not pass VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY": ours passes all three to both nodes. */
    @Test
    void theComposeFilePassesTheVapidKeysToTheApp() throws IOException {
        String compose = Files.readString(Path.of("..", "docker", "compose.yml"));
        String app = compose.substring(compose.indexOf("\nx-app: &app"), compose.indexOf("\nservices:"));
        for (String name : List.of("PIKA_VAPID_PUBLIC_KEY", "PIKA_VAPID_PRIVATE_KEY", "PIKA_VAPID_SUBJECT")) {
            assertTrue(app.contains(name + ": ${" + name), name + " is passed to the app nodes");
        }
        for (String node : List.of("app1", "app2")) {
            assertTrue(compose.contains("\n  " + node + ":\n    <<: *app\n"), node + " takes the app settings");
        }
    }

    // ---- helpers

    /** POST /api/auth/login over a socket bound to {@code source} (a 127/8 address), without any proxy header. */
    private static int loginFrom(String source, int port) throws IOException {
        byte[] body = "{\"email\":\"nobody@example.com\",\"password\":\"12345678\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "X-Pika-Client: pika-e2e\r\nX-Requested-With: Pika\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static void setLastUse(String token, int daysAgo) throws Exception {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement update = db.prepareStatement("UPDATE user_tokens SET created_at = now() - make_interval(days => ?),"
                     + " last_used = now() - make_interval(days => ?) WHERE token_hash = ?")) {
            update.setInt(1, daysAgo);
            update.setInt(2, daysAgo);
            update.setString(3, Djs.tokenHash(token));
            assertEquals(1, update.executeUpdate());
        }
    }

    private static int tokenRows(String token) throws Exception {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM user_tokens WHERE token_hash = ?")) {
            query.setString(1, Djs.tokenHash(token));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

}
