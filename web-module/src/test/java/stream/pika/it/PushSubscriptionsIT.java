package stream.pika.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.HistoryIT.awaitRows;

/**
 * Push subscriptions (issue 5, first part): the VAPID public key (generated once and kept across
 * restarts), subscribe bound to a session with an upsert by endpoint, unsubscribe, the validation
 * of endpoints and keys, and the per-IP limit.
 */
@ExtendWith(TestServer.class)
@Order(2)
class PushSubscriptionsIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theVapidKeyIsAP256PointAndSurvivesARestart() {
        String key = Api.newClient().get("/api/push/vapid-public-key").json().getString("publicKey");
        byte[] point = Base64.getUrlDecoder().decode(key);
        assertEquals(65, point.length);
        assertEquals(4, point[0], "an uncompressed point");
        TestServer.restart();
        assertEquals(key, Api.newClient().get("/api/push/vapid-public-key").json().getString("publicKey"));
    }

    @Test
    void aSubscriptionIsBoundToItsSessionAndUpsertedByEndpoint() throws Exception {
        Api api = Api.newClient();
        String endpoint = "https://push.example/send/" + RANDOM.nextInt(1_000_000_000);
        String session = LiveDj.newSessionId();
        assertEquals(200, api.post("/api/push/subscribe", body(endpoint, base64(p256dh()), base64(bytes(16)), session)).status());
        assertEquals(List.of(session + " active"), awaitRows("SELECT subscribed_session_id || ' ' ||"
                + " CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END FROM push_subscriptions WHERE endpoint = ?", endpoint, 1));

        assertEquals(200, api.post("/api/push/unsubscribe", "{\"endpoint\":\"" + endpoint + "\"}").status());
        assertEquals(List.of(session + " gone"), awaitRows("SELECT subscribed_session_id || ' ' ||"
                + " CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END FROM push_subscriptions WHERE endpoint = ?", endpoint, 1));

        // The same browser subscribes again for another session, with url-safe keys: one row, active, the new session.
        String next = LiveDj.newSessionId();
        String newKey = Base64.getUrlEncoder().withoutPadding().encodeToString(p256dh());
        assertEquals(200, Api.newClient().post("/api/push/subscribe", body(endpoint, newKey, base64(bytes(16)), next)).status());
        assertEquals(List.of(next + " active " + newKey), awaitRows("SELECT subscribed_session_id || ' ' ||"
                + " CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END || ' ' || p256dh"
                + " FROM push_subscriptions WHERE endpoint = ?", endpoint, 1));

        // An emulator's plain-http endpoint is accepted only on a configured host.
        assertEquals(200, Api.newClient().post("/api/push/subscribe",
                body("http://127.0.0.1:9/push/" + RANDOM.nextInt(1_000_000), base64(p256dh()), base64(bytes(16)), next)).status());
    }

    /** Finding 5g: two subscribes of one endpoint at once gave 500 "duplicate key"; now both succeed, one row. */
    @Test
    void concurrentSubscribesOfOneEndpointAllSucceed() throws Exception {
        String endpoint = "https://push.example/race/" + RANDOM.nextInt(1_000_000_000);
        String session = LiveDj.newSessionId();
        java.util.concurrent.ExecutorService phones = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String key = base64(p256dh());
                Api api = Api.at(TestServer.server().port(), "198.19.7." + (10 + i));
                replies.add(phones.submit(() -> api.post("/api/push/subscribe", body(endpoint, key, base64(bytes(16)), session))));
            }
            for (java.util.concurrent.Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get();
                assertEquals(200, answer.status(), answer::toString);
            }
        } finally {
            phones.shutdownNow();
        }
        assertEquals(List.of(session + " active"), awaitRows("SELECT subscribed_session_id || ' ' ||"
                + " CASE WHEN unsubscribed_at IS NULL THEN 'active' ELSE 'gone' END FROM push_subscriptions WHERE endpoint = ?", endpoint, 1));
    }

    @Test
    void badSubscriptionsAreRefusedWithAReason() {
        String key = base64(p256dh());
        String auth = base64(bytes(16));
        String session = LiveDj.newSessionId();
        refused("endpoint must be an https URL", body("http://push.example/x", key, auth, session));
        refused("endpoint must be an https URL", body("not a url at all", key, auth, session));
        refused("keys.p256dh must be a 65-byte P-256 key in base64", body("https://push.example/a", base64(bytes(64)), auth, session));
        refused("keys.auth must be a 16-byte secret in base64", body("https://push.example/a", key, base64(bytes(12)), session));
        refused("keys are required", "{\"endpoint\":\"https://push.example/a\"}");
        refused("sessionId must be 8 to 64 characters", body("https://push.example/a", key, auth, "short"));
    }

    @Test
    void fiveCallsAMinutePerClientIp() {
        Api api = Api.newClient();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.post("/api/push/unsubscribe", "{\"endpoint\":\"https://push.example/none\"}").status());
        }
        Api.Reply limited = api.post("/api/push/subscribe", body("https://push.example/b", base64(p256dh()), base64(bytes(16)), null));
        assertEquals(429, limited.status());
        assertTrue(limited.header("Retry-After") != null);
        assertEquals(200, Api.newClient().post("/api/push/unsubscribe", "{\"endpoint\":\"https://push.example/none\"}").status(),
                "another client IP has its own quota");
    }

    private static void refused(String reason, String body) {
        Api.Reply reply = Api.newClient().post("/api/push/subscribe", body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(reason, reply.error());
    }

    private static String body(String endpoint, String p256dh, String auth, String sessionId) {
        return "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"" + auth + "\"},"
                + "\"clientId\":\"client_push_tester\"" + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    }

    /** A 65-byte uncompressed-point-shaped key (the server checks its size and encoding). */
    private static byte[] p256dh() {
        byte[] key = bytes(65);
        key[0] = 4;
        return key;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
