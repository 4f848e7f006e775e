package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.assertNack;
import static stream.pika.it.InteractionsIT.track;
import static stream.pika.it.LiveDj.WAIT;
import static stream.pika.it.ProtocolErrorsIT.nack;

/**
 * Defects found by trying the live core from outside, as a user and an attacker would; each test
 * failed before its fix. Each test acts from its own client address (the proxy header the shared
 * server trusts), so the per-address quotas of other tests do not interfere.
 */
@ExtendWith(TestServer.class)
class OutsideFindingsIT {

    private static final Duration QUIET = Duration.ofMillis(600);

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
    }

    private static WsClient follow(String sessionId, String clientId, String address) {
        WsClient ws = WsClient.connect(TestServer.server().port(), address);
        ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId)
                .add("sessionId", sessionId).build().toString());
        ws.await("LISTENER_COUNT", WAIT);
        return ws;
    }

    private static JsonObjectBuilder bulk(String sessionId, String clientId, String prefix, int count) {
        JsonArrayBuilder tracks = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            tracks.add(track("Artist", prefix + " " + i));
        }
        return Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", sessionId).add("clientId", clientId)
                .add("payload", Json.createObjectBuilder().add("tracks", tracks));
    }

    /** 5b: five bulk frames of 100 distinct tracks within a second delivered 500 likes to the DJ. */
    @Test
    void bulkLikesCannotFloodTheDj() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            String clientId = Dancer.newClientId();
            try (WsClient phone = follow(session, clientId, newAddress())) {
                assertAck(ask(phone, bulk(session, clientId, "Evening", 100))); // the offline queue, at once
                for (int frame = 1; frame < 5; frame++) {
                    assertNack("Rate limit exceeded (max 120 likes/min)", ask(phone, bulk(session, clientId, "Flood " + frame, 100)));
                }
                assertEquals(100, dj.ws.drain("LIKE_RECEIVED", QUIET).size(), "the DJ gets the first hundred only");
            }
        }
    }

    /** 5g: 5,000 tempo frames from one dancer reached every phone of the room 5,000 times. */
    @Test
    void tempoVotesAreThrottledAndTheirFeedbackPaced() {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            String clientId = Dancer.newClientId();
            try (WsClient voter = follow(session, clientId, newAddress());
                 WsClient neighbour = follow(session, Dancer.newClientId(), newAddress())) {
                int acknowledged = 0;
                for (int i = 0; i < 50; i++) {
                    JsonObject answer = ask(voter, Json.createObjectBuilder().add("type", "SEND_TEMPO_REQUEST").add("sessionId", session)
                            .add("clientId", clientId).add("preference", i % 2 == 0 ? "faster" : "slower"));
                    if ("ACK".equals(answer.getString("type"))) {
                        acknowledged++;
                    } else {
                        assertEquals("Rate limit exceeded (max 10 tempo votes/min)", answer.getString("error"));
                    }
                }
                assertEquals(10, acknowledged, "ten votes a minute per dancer");
                List<JsonObject> feedback = neighbour.drain("TEMPO_FEEDBACK", Duration.ofSeconds(1));
                assertFalse(feedback.isEmpty(), "the room still hears the tempo");
                assertTrue(feedback.size() <= 4, feedback.size() + " TEMPO_FEEDBACK for 10 votes within a moment: paced");
                JsonObject last = feedback.get(feedback.size() - 1);
                assertEquals(1, last.getInt("total"), "the counts as they stand: " + last);
                assertEquals(1, last.getInt("slower"), last::toString);
            }
        }
    }

    /** 5c: GET_SESSIONS and GET /api/sessions left out the announcement the original's full session object carries. */
    @Test
    void fullSessionObjectsCarryTheActiveAnnouncement() {
        try (LiveDj dj = LiveDj.signUp().connect(); WsClient phone = WsClient.connect(TestServer.server().port(), newAddress())) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertFalse(entry(sessionsOverWs(phone), session).containsKey("activeAnnouncement"), "none yet");
            assertAck(dj.send(Json.createObjectBuilder().add("type", "SEND_ANNOUNCEMENT").add("sessionId", session)
                    .add("message", "Last dance at 2am").add("durationSeconds", 600)));

            for (JsonObject entry : List.of(entry(sessionsOverWs(phone), session), entry(sessionsOverRest(), session))) {
                JsonObject announcement = entry.getJsonObject("activeAnnouncement");
                assertEquals("Last dance at 2am", announcement.getString("message"), entry::toString);
                assertTrue(announcement.getString("timestamp").endsWith("Z"));
                assertTrue(announcement.getString("endsAt").endsWith("Z"));
                assertFalse(announcement.containsKey("push"), "the original's shape: message, timestamp, endsAt");
            }

            assertAck(dj.send(Json.createObjectBuilder().add("type", "CANCEL_ANNOUNCEMENT").add("sessionId", session)));
            assertFalse(entry(sessionsOverWs(phone), session).containsKey("activeAnnouncement"), "omitted again, never null");
            assertFalse(entry(sessionsOverRest(), session).containsKey("activeAnnouncement"));
        }
    }

    private static List<JsonObject> sessionsOverWs(WsClient phone) {
        phone.send("{\"type\":\"GET_SESSIONS\"}");
        return phone.await("SESSIONS_LIST", WAIT).getJsonArray("sessions").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> sessionsOverRest() {
        Api.Reply reply = Api.at(TestServer.server().port(), newAddress()).get("/api/sessions");
        assertEquals(200, reply.status(), reply::toString);
        return Json.createReader(new java.io.StringReader(reply.body())).readArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject entry(List<JsonObject> sessions, String sessionId) {
        return sessions.stream().filter(s -> sessionId.equals(s.getString("sessionId"))).findFirst()
                .orElseThrow(() -> new AssertionError(sessionId + " not in " + sessions));
    }

    /** 5f: one DJ account on one connection registered 1,000 sessions, the node's maximum. */
    @Test
    void liveSessionsAreLimitedPerConnectionAndPerAccount() {
        LiveDj account = LiveDj.signUp();
        List<LiveDj> connections = new java.util.ArrayList<>();
        try {
            LiveDj first = account.another().connect();
            connections.add(first);
            for (int i = 0; i < 3; i++) {
                first.register(LiveDj.newSessionId());
            }
            JsonObject refused = first.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                    .add("sessionId", LiveDj.newSessionId()).add("token", first.token));
            assertNack("Too many live sessions on this connection (max 3)", refused);

            for (int i = 3; i < TestServer.MAX_SESSIONS_PER_DJ; i++) {
                LiveDj more = account.another().connect();
                connections.add(more);
                more.register(LiveDj.newSessionId());
            }
            LiveDj oneTooMany = account.another().connect();
            connections.add(oneTooMany);
            assertNack("Too many live sessions for this DJ account (max " + TestServer.MAX_SESSIONS_PER_DJ + ")",
                    oneTooMany.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                            .add("sessionId", LiveDj.newSessionId()).add("token", oneTooMany.token)));
            assertEquals(1013, oneTooMany.ws.awaitClose(WAIT).code());

            try (LiveDj other = LiveDj.signUp().connect()) {
                other.register(LiveDj.newSessionId()); // another DJ is not refused "Server busy"
            }
        } finally {
            connections.forEach(LiveDj::close);
        }
    }

    /** 5f: the full list is large; a connection asking for it in a loop is refused past its quota. */
    @Test
    void sessionListsAreLimitedPerConnection() {
        try (WsClient phone = WsClient.connect(TestServer.server().port(), newAddress())) {
            for (int i = 0; i < 20; i++) {
                phone.send("{\"type\":\"GET_SESSIONS\"}");
                phone.await("SESSIONS_LIST", WAIT);
            }
            assertNack("Rate limit exceeded (max 20 session lists/min)", ask(phone, Json.createObjectBuilder().add("type", "GET_SESSIONS")));
        }
    }

    /** 5g and 5f: what the codec let through or dropped without a word. */
    @Test
    void framesAreHeldToTheContractsTypesAndLimits() {
        try (WsClient phone = WsClient.connect(TestServer.server().port(), newAddress())) {
            assertEquals("Invalid message: pollId must be a whole number",
                    nack(phone, "{\"type\":\"END_POLL\",\"messageId\":\"t1\",\"pollId\":\"5\"}"));
            assertEquals("Invalid message: push must be true or false",
                    nack(phone, "{\"type\":\"SEND_ANNOUNCEMENT\",\"messageId\":\"t2\",\"sessionId\":\"pika_session_1\","
                            + "\"message\":\"hi\",\"push\":\"<script>\"}"));
            assertEquals("Invalid message: sessionId must be a string",
                    nack(phone, "{\"type\":\"VALIDATE_SESSION\",\"messageId\":\"t3\",\"sessionId\":12345678}"));
            assertEquals("Invalid message: data after the JSON object",
                    nack(phone, "{\"type\":\"PING\",\"messageId\":\"t4\"} garbage"));
            String deep = "[".repeat(1000) + "]".repeat(1000);
            assertEquals("Invalid message: nested deeper than 8 levels",
                    nack(phone, "{\"type\":\"PING\",\"messageId\":\"t5\",\"pad\":" + deep + "}"));
            assertEquals("Invalid message: a number's exponent is out of range",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"t6\",\"sessionId\":\"pika_session_1\","
                            + "\"track\":{\"artist\":\"A\",\"title\":\"T\",\"energy\":1E-20000000}}"));
            assertEquals("Invalid message: a number's exponent is out of range",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"t7\",\"sessionId\":\"pika_session_1\","
                            + "\"track\":{\"artist\":\"A\",\"title\":\"T\",\"energy\":1E-999999999}}"));
            assertEquals("Invalid message: a number is longer than 40 characters",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"t8\",\"sessionId\":\"pika_session_1\","
                            + "\"track\":{\"artist\":\"A\",\"title\":\"T\",\"energy\":0." + "1".repeat(50) + "}}"));
            assertEquals("Invalid message: text must not contain NUL characters",
                    nack(phone, "{\"type\":\"VALIDATE_SESSION\",\"messageId\":\"t9\",\"sessionId\":\"abc\\u0000defghij\"}"));
            // Four emoji are 8 UTF-16 units but 4 characters, as PostgreSQL counts them.
            assertEquals("Invalid message: sessionId size must be between 8 and 64",
                    nack(phone, "{\"type\":\"VALIDATE_SESSION\",\"messageId\":\"t10\",\"sessionId\":\"😀😀😀😀\"}"));
            phone.send("{\"type\":\"PING\"}");
            phone.await("PONG", WAIT);
        }
    }

    /** 5g: a session id PostgreSQL would refuse went live, and every history write of the set was dropped. */
    @Test
    void aSessionIdTheDatabaseWouldRefuseNeverGoesLive() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            for (String sessionId : List.of("😀😀😀😀", "abc\u0000defghij")) {
                JsonObject refused = dj.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION")
                        .add("sessionId", sessionId).add("token", dj.token));
                assertEquals("NACK", refused.getString("type"), refused::toString);
            }
            String eightEmoji = "😀".repeat(8); // 8 characters: a valid id, stored as such
            dj.register(eightEmoji);
            assertEquals(List.of(eightEmoji), HistoryIT.awaitRows("SELECT id FROM sessions WHERE id = ?", eightEmoji, 1));
        }
    }

    /** 5g: a client naming other client ids logged a WARNING per frame, with the raw text (control characters included). */
    @Test
    void aSecondClientIdIsLoggedOnceAndEscaped() throws IOException {
        String marker = "first_" + System.nanoTime();
        try (WsClient phone = WsClient.connect(TestServer.server().port(), newAddress())) {
            phone.send("{\"type\":\"PING\",\"clientId\":\"" + marker + "\"}");
            phone.await("PONG", WAIT);
            for (int i = 0; i < 200; i++) {
                phone.send("{\"type\":\"PING\",\"clientId\":\"other\\u0007" + i + "\"}");
            }
            for (int i = 0; i < 200; i++) {
                phone.await("PONG", WAIT);
            }
        }
        List<String> lines = Files.readAllLines(TestServer.server().log(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(marker)).toList();
        assertEquals(1, lines.size(), lines::toString);
        assertFalse(lines.get(0).contains("\u0007"), "escaped: " + lines.get(0));
        assertTrue(lines.get(0).contains("other\\u0007"), lines.get(0));
    }

    /** 5g: WADL was served at /api/application.wadl and by OPTIONS on every route. */
    @Test
    void noWadl() {
        Api api = Api.at(TestServer.server().port(), newAddress());
        Api.Reply wadl = api.get("/api/application.wadl");
        assertEquals(404, wadl.status(), wadl::toString);
        assertEquals("Not found", wadl.error());
        Api.Reply options = api.options("/api/sessions");
        assertFalse(options.body().contains("wadl"), options::toString);
    }

    /** 5g: answers the container made itself were Payara HTML pages without the security headers. */
    @Test
    void containerMadeErrorsHaveTheApiShapeAndHeaders() {
        Api api = Api.at(TestServer.server().port(), newAddress());
        Api.Reply missing = api.get("/nothing-here");
        assertEquals(404, missing.status(), missing::toString);
        assertEquals("Not found", missing.error());
        assertTrue(missing.header("Content-Security-Policy") != null, "security headers on a container error");
    }

    /** 7: a client's own CF-Connecting-IP picked its rate-limit identity behind the shipped proxy; only the configured header counts. */
    @Test
    void anUntrustedClientIpHeaderDoesNotBuyAFreshQuota() {
        String address = newAddress();
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            Api.Reply reply = Api.at(TestServer.server().port(), address).post("/api/auth/login",
                    "{\"email\":\"nobody@example.com\",\"password\":\"12345678\"}", "CF-Connecting-IP", "203.0.113." + (i + 1));
            if (reply.status() == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 3, "one quota for all the CF-Connecting-IP values: " + refused + " of 8 refused");
    }

    /** 7: the generated VAPID key pair (its private key included) was world-readable (0644). */
    @Test
    void generatedSecretsAreReadableByTheirOwnerOnly() throws IOException {
        java.nio.file.Path keys = TestServer.itDirectory().resolve("shared-server-data").resolve("vapid.properties");
        Api.at(TestServer.server().port(), newAddress()).get("/api/push/vapid-public-key"); // the keys exist by now
        assertTrue(Files.exists(keys), keys + " generated");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    }
}
