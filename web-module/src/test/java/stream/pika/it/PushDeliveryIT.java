package stream.pika.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.HistoryIT.awaitRows;

/**
 * Web Push delivery (issue 5) against a real push service, the npm {@code web-push-testing}
 * emulator: it checks our VAPID signature, decrypts each push and shows us the plain text.
 * Announcements with {@code push: true} reach only their session's subscribers (the original's
 * "Global Megaphone" pushed them to everyone); {@code /api/push/send} needs the DJ's real token;
 * 410 marks a subscription gone; 429/5xx are retried; the DJ's app never waits for a push service.
 */
@ExtendWith(TestServer.class)
class PushDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static PushServiceEmulator pushService;
    private static String vapidKey;

    @BeforeAll
    static void startPushService() {
        pushService = PushServiceEmulator.start();
        vapidKey = Api.newClient().get("/api/push/vapid-public-key").json().getString("publicKey");
    }

    @AfterAll
    static void stopPushService() {
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void anAnnouncementReachesOnlyTheSubscribersOfItsSession() throws Exception {
        try (LiveDj djA = LiveDj.signUp().connect(); LiveDj djB = LiveDj.signUp().connect()) {
            String a = LiveDj.newSessionId();
            String b = LiveDj.newSessionId();
            djA.register(a);
            djB.register(b);
            var a1 = subscribed(a);
            var a2 = subscribed(a);
            var b1 = subscribed(b);
            var unbound = subscribed(null);

            assertAck(djA.send(announcement(a, "Last dance at midnight \uD83D\uDC83").add("push", true)));
            JsonObject expectedA = Json.createObjectBuilder().add("title", "Announcement from " + djA.displayName)
                    .add("body", "Last dance at midnight \uD83D\uDC83").add("data", Json.createObjectBuilder().add("url", "/live")).build();
            assertEquals(List.of(expectedA), awaitNotifications(a1, 1), "the decrypted payload is what we sent");
            assertEquals(List.of(expectedA), awaitNotifications(a2, 1));

            assertAck(djB.send(announcement(b, "Workshop in room B").add("push", true)));
            assertEquals(1, awaitNotifications(b1, 1).size());
            assertEquals("Workshop in room B", awaitNotifications(b1, 1).get(0).getString("body"));
            assertEquals("Announcement from " + djB.displayName, awaitNotifications(b1, 1).get(0).getString("title"));

            // Without push the announcement stays on the screens.
            assertAck(djA.send(announcement(a, "Water at the bar").add("push", false)));
            assertAck(djB.send(announcement(b, "Second workshop").add("push", true)));
            assertEquals(2, awaitNotifications(b1, 2).size());
            assertEquals(List.of(expectedA), parsed(notifications(a1)), "B's pushes never reach A's subscribers, A's push:false none");
            assertEquals(List.of(expectedA), parsed(notifications(a2)));
            assertEquals(List.of(), notifications(unbound), "a subscription bound to no session gets no announcement");
        }
    }

    @Test
    void anExpiredSubscriptionIsMarkedUnsubscribedAfterIts410() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            var stays = subscribed(session);
            var leaves = subscribed(session);
            pushService.expire(leaves);

            JsonObject answer = sendAsDj(dj.token, "{\"payload\":{\"title\":\"Floor\",\"body\":\"Open\"},\"filter\":\"all\"}");
            assertEquals(stats(1, 1, 2), answer.getJsonObject("stats"), answer::toString);
            assertEquals(List.of("gone"), awaitRows("SELECT CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END"
                    + " FROM push_subscriptions WHERE endpoint = ? AND unsubscribed_at IS NOT NULL", leaves.endpoint(), 1));
            assertEquals(List.of("active"), awaitRows("SELECT CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END"
                    + " FROM push_subscriptions WHERE endpoint = ?", stays.endpoint(), 1));

            JsonObject next = sendAsDj(dj.token, "{\"payload\":\"Plain text push\",\"filter\":\"all\"}");
            assertEquals(stats(1, 0, 1), next.getJsonObject("stats"), "the gone subscription is not tried again");
            assertEquals("Plain text push", awaitRaw(stays, 2).get(1));
        }
    }

    @Test
    void aDjsOwnPushNeedsTheRealTokenAndReachesOnlyTheirSession() throws Exception {
        try (LiveDj dj = LiveDj.signUp().connect(); LiveDj other = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            String otherSession = LiveDj.newSessionId();
            dj.register(session);
            other.register(otherSession);
            var mine = subscribed(session);
            var theirs = subscribed(otherSession);
            String body = "{\"payload\":{\"title\":\"Floor update\",\"body\":\"Social dancing until 2\",\"icon\":\"/icon-192.png\","
                    + "\"data\":{\"url\":\"/live\",\"tag\":\"floor\"}},\"filter\":\"all\"}";

            Api.Reply wrong = Api.newClient().post("/api/push/send", body, "Authorization", "Bearer pk_dj_" + "0".repeat(32));
            assertEquals(401, wrong.status(), wrong::toString);
            Api.Reply hash = Api.newClient().post("/api/push/send", body, "Authorization", "Bearer " + Djs.tokenHash(dj.token));
            assertEquals(401, hash.status(), "the stored hash is not a token (the original let it through)");
            assertEquals(401, Api.newClient().post("/api/push/send", body).status());

            JsonObject answer = sendAsDj(dj.token, body);
            assertEquals(Json.createObjectBuilder().add("success", true).add("stats", stats(1, 0, 1)).build(), answer);
            assertEquals(Json.createReader(new StringReader(body)).readObject().getJsonObject("payload"), awaitNotifications(mine, 1).get(0));
            assertEquals(List.of(), notifications(theirs), "another DJ's subscribers get nothing");

            Api.Reply bad = Api.newClient().post("/api/push/send", "{\"payload\":{\"title\":\"No body\"}}", "Authorization", "Bearer " + dj.token);
            assertEquals(400, bad.status());
            assertEquals("payload.body is required", bad.error());
            Api.Reply badFilter = Api.newClient().post("/api/push/send", "{\"payload\":\"x\",\"filter\":\"everyone\"}",
                    "Authorization", "Bearer " + dj.token);
            assertEquals("filter must be \"all\" or \"debug\"", badFilter.error());
            Api.Reply huge = Api.newClient().post("/api/push/send", "{\"payload\":\"" + "x".repeat(4_000) + "\"}",
                    "Authorization", "Bearer " + dj.token);
            assertEquals("payload must be at most 3072 bytes of JSON", huge.error());

            LiveDj offline = LiveDj.signUp();
            Api.Reply notLive = Api.newClient().post("/api/push/send", body, "Authorization", "Bearer " + offline.token);
            assertEquals(409, notLive.status());
            assertEquals("No live session: pushes go to the dancers of your live session", notLive.error());
        }
    }

    /**
     * A push service that answers 503 (Retry-After: 1) and 429 before accepting gets the push
     * again after the wait; one that keeps failing counts as failed after three attempts and
     * keeps its subscription. The DJ's app gets its ACK at once although the service is slow.
     */
    @Test
    void busyPushServicesAreRetriedWithBackoffAndNeverDelayTheDj() throws Exception {
        AtomicInteger flakyCalls = new AtomicInteger();
        List<Long> flakyTimes = new CopyOnWriteArrayList<>();
        AtomicInteger brokenCalls = new AtomicInteger();
        AtomicInteger slowCalls = new AtomicInteger();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        respond(service, "/flaky", n -> {
            flakyTimes.add(System.nanoTime());
            return switch (flakyCalls.incrementAndGet()) {
                case 1 -> 503;
                case 2 -> 429;
                default -> 201;
            };
        });
        respond(service, "/broken", n -> {
            brokenCalls.incrementAndGet();
            return 500;
        });
        respond(service, "/slow", n -> {
            slowCalls.incrementAndGet();
            Waits.pause(Duration.ofSeconds(6));
            return 201;
        });
        service.start();
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            String base = "http://127.0.0.1:" + service.getAddress().getPort();
            subscribeRaw(base + "/flaky/1", session);
            subscribeRaw(base + "/broken/1", session);

            JsonObject answer = sendAsDj(dj.token, "{\"payload\":\"Retry me\",\"filter\":\"all\"}");
            assertEquals(stats(1, 1, 2), answer.getJsonObject("stats"), answer::toString);
            assertEquals(3, flakyCalls.get(), "503, 429, then accepted");
            assertTrue(Duration.ofNanos(flakyTimes.get(1) - flakyTimes.get(0)).toMillis() >= 1_000,
                    "the second attempt waited for Retry-After: 1");
            assertEquals(3, brokenCalls.get(), "three attempts, then failed");
            assertEquals(List.of("active"), awaitRows("SELECT CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END"
                    + " FROM push_subscriptions WHERE endpoint = ?", base + "/broken/1", 1), "a 500 does not unsubscribe");

            // A push service that takes 6 s per push: the DJ's announcement is acknowledged at once.
            String slowSession = LiveDj.newSessionId();
            try (LiveDj slowDj = LiveDj.signUp().connect()) {
                slowDj.register(slowSession);
                for (int i = 0; i < 3; i++) {
                    subscribeRaw(base + "/slow/" + i, slowSession);
                }
                long start = System.nanoTime();
                assertAck(slowDj.send(announcement(slowSession, "Slow phones").add("push", true)));
                long ackMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(ackMillis < 3_000, "ACK after " + ackMillis + " ms");
                Waits.until(() -> slowCalls.get() == 3, WAIT, "the slow pushes arrive");
            }
        } finally {
            service.stop(0);
        }
    }

    @Test
    void sendsAndFailuresAreCountedInTheMetrics() throws Exception {
        long sentBefore = metric("pika_push_sent_total");
        long expiredBefore = metric("pika_push_expired_total");
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            subscribed(session);
            var gone = subscribed(session);
            pushService.expire(gone);
            assertEquals(stats(1, 1, 2), sendAsDj(dj.token, "{\"payload\":\"Counted\",\"filter\":\"all\"}").getJsonObject("stats"));
        }
        assertTrue(metric("pika_push_sent_total") >= sentBefore + 1);
        assertTrue(metric("pika_push_expired_total") >= expiredBefore + 1);
    }

    // ---- helpers

    private static PushServiceEmulator.Subscription subscribed(String sessionId) {
        var subscription = pushService.subscribe(vapidKey);
        JsonObjectBuilder body = Json.createObjectBuilder().add("endpoint", subscription.endpoint())
                .add("keys", Json.createObjectBuilder().add("p256dh", subscription.p256dh()).add("auth", subscription.auth()))
                .add("clientId", Dancer.newClientId());
        if (sessionId != null) {
            body.add("sessionId", sessionId);
        }
        Api.Reply reply = Api.newClient().post("/api/push/subscribe", body.build().toString());
        assertEquals(200, reply.status(), reply::toString);
        return subscription;
    }

    /** A subscription for a push service of the test's own, with a real P-256 key so the push can be encrypted. */
    private static void subscribeRaw(String endpoint, String sessionId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        byte[] auth = new byte[16];
        RANDOM.nextBytes(auth);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String body = Json.createObjectBuilder().add("endpoint", endpoint)
                .add("keys", Json.createObjectBuilder().add("p256dh", url.encodeToString(point)).add("auth", url.encodeToString(auth)))
                .add("clientId", Dancer.newClientId()).add("sessionId", sessionId).build().toString();
        Api.Reply reply = Api.newClient().post("/api/push/subscribe", body);
        assertEquals(200, reply.status(), reply::toString);
    }

    private static void copy(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static void respond(HttpServer server, String path, IntFunction<Integer> status) {
        server.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            int code = status.apply(0);
            if (code == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
    }

    private static JsonObject sendAsDj(String token, String body) {
        Api.Reply reply = Api.newClient().post("/api/push/send", body, "Authorization", "Bearer " + token);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonObject stats(int sent, int failed, int total) {
        return Json.createObjectBuilder().add("sent", sent).add("failed", failed).add("total", total).build();
    }

    private static List<String> notifications(PushServiceEmulator.Subscription subscription) {
        return pushService.notifications(subscription);
    }

    private static List<String> awaitRaw(PushServiceEmulator.Subscription subscription, int count) {
        Waits.until(() -> pushService.notifications(subscription).size() >= count, WAIT, count + " push(es) at " + subscription.clientHash());
        return pushService.notifications(subscription);
    }

    private static List<JsonObject> awaitNotifications(PushServiceEmulator.Subscription subscription, int count) {
        return parsed(awaitRaw(subscription, count));
    }

    private static List<JsonObject> parsed(List<String> texts) {
        List<JsonObject> parsed = new ArrayList<>();
        for (String text : texts) {
            parsed.add(Json.createReader(new StringReader(text)).readObject());
        }
        return parsed;
    }

    private static JsonObjectBuilder announcement(String sessionId, String message) {
        return Json.createObjectBuilder().add("type", "SEND_ANNOUNCEMENT").add("sessionId", sessionId).add("message", message);
    }

    private static void assertAck(JsonObject answer) {
        assertEquals("ACK", answer.getString("type"), answer::toString);
    }

    /** A counter from MicroProfile Metrics (Prometheus text at /mp-metrics). */
    private static long metric(String name) {
        String text = Api.newClient().get("/mp-metrics?scope=application").body();
        Matcher found = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E]+)$").matcher(text);
        return found.find() ? (long) Double.parseDouble(found.group(1)) : 0;
    }


}
