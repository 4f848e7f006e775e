package stream.pika.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * REST requests a fuzzer sends: the API's routes with hostile path parameters and query strings,
 * methods they do and do not take (TRACE included), and bodies from valid to garbage, on GET and
 * DELETE too. (Paths whose escapes do not decode cannot be sent with the JDK's client:
 * {@code ContainerAnswersIT} sends them over a raw socket.)
 */
final class HostileRequests {

    record Request(String method, String path, String body, Map<String, String> headers) {
    }

    private static final List<String> ROUTES = List.of("/api/auth/register", "/api/auth/login", "/api/auth/me",
            "/api/auth/regenerate-token", "/api/sessions", "/api/sessions/active", "/api/sessions/recent",
            "/api/sessions/{id}/history", "/api/sessions/{id}/recap", "/api/session/{id}/sync-fingerprints",
            "/api/sessions/{id}/sync-fingerprints", "/api/likes/{id}", "/api/client/{id}/likes", "/api/stats", "/api/stats/global",
            "/api/dj/{id}", "/api/push/vapid-public-key", "/api/push/subscribe", "/api/push/unsubscribe", "/api/push/send",
            "/health", "/mp-health/ready", "/", "/api", "/api/application.wadl", "/nothing/{id}", "/ws");

    private static final List<String> IDS = List.of("pika_session_1", "x", "%F0%9F%98%80%F0%9F%98%80",
            "a".repeat(300), "123", "-1", "%20", "null", "%3Cscript%3E", "%27%20OR%201%3D1");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "TRACE");

    private static final List<String> BODIES = List.of("{}", "[]", "null", "\"text\"", "{\"email\":\"a@b.co\",\"password\":\"12345678\"}",
            "{\"email\":5}", "{\"email\":\"a\\u0000b@c.de\",\"password\":\"12345678\",\"displayName\":\"DJ\"}",
            "{\"tracks\":[{\"artist\":\"A\",\"title\":\"T\",\"energy\":1E-20000000}]}", "{\"tracks\":" + "[".repeat(50) + "]".repeat(50) + "}",
            "{\"endpoint\":\"https://push.example/x\",\"keys\":{\"p256dh\":\"x\",\"auth\":\"y\"}}", "{\"a\":1} trailing", "{\"a\":",
            "not json at all", "{\"title\":\"" + "t".repeat(2000) + "\"}");

    private HostileRequests() {
    }

    static Request next(Random random) {
        String method = pick(random, METHODS);
        String path = pick(random, ROUTES).replace("{id}", pick(random, IDS));
        if (random.nextInt(4) == 0) {
            path += "?" + pick(random, List.of("limit=10", "limit=-5", "limit=999999999999", "clientId=%00", "a=%F0%9F%98%80", "q="));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Pika-Client", random.nextInt(5) == 0 ? "someone-else" : "pika-e2e");
        if (random.nextInt(3) == 0) {
            headers.put("Authorization", "Bearer " + pick(random, List.of("pk_dj_00000000000000000000000000000000", "", "x", "pk_dj_")));
        }
        String body = null;
        boolean usuallyBodiless = method.equals("GET") || method.equals("DELETE") || method.equals("TRACE");
        boolean withBody = usuallyBodiless ? random.nextInt(6) == 0 : random.nextInt(4) != 0;
        if (!method.equals("HEAD") && withBody) {
            body = pick(random, BODIES);
            headers.put("Content-Type", pick(random, List.of("application/json", "application/json; charset=UTF-8", "text/plain",
                    "application/x-www-form-urlencoded", "application/xml")));
        }
        return new Request(method, path, body, headers);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
