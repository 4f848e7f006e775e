package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded fuzzing from outside, as the findings were made: hostile and malformed /ws frames over
 * persistent and fresh connections, and random REST requests. Each run is seeded (printed, and
 * fixed with {@code -Dpika.fuzz.seed}), bounded in count and time, and checks what must hold
 * whatever comes in: no connection closed but for the protocol's reasons, no 5xx, every answer in
 * the API's shape with the security headers, the node healthy throughout and the live flow
 * working afterwards.
 */
@ExtendWith(TestServer.class)
class FuzzIT {

    private static final Duration FRAME_BUDGET = Duration.ofSeconds(40);
    private static final Duration REST_BUDGET = Duration.ofSeconds(25);
    private static final int MAX_FRAMES = 30_000;
    private static final int MAX_REQUESTS = 3_000;

    private static long seed() {
        return Long.getLong("pika.fuzz.seed", System.nanoTime());
    }

    @Test
    void hostileFramesGetAnswersNotCrashes() {
        long seed = seed();
        Random random = new Random(seed);
        System.out.println("frame fuzzer seed: " + seed + " (-Dpika.fuzz.seed=" + seed + " repeats this run)");
        String network = "198.19." + random.nextInt(250) + "." + (1 + random.nextInt(250));
        List<WsClient> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            phones.add(WsClient.connect(TestServer.server().port(), network));
        }
        Map<String, Integer> answers = new TreeMap<>();
        int frames = 0;
        int reconnects = 0;
        long deadline = System.nanoTime() + FRAME_BUDGET.toNanos();
        try {
            while (frames < MAX_FRAMES && System.nanoTime() < deadline) {
                if (random.nextInt(50) == 0) {
                    // A fresh connection gets anything, going live included, which may end it for the protocol's reasons.
                    try (WsClient fresh = WsClient.connect(TestServer.server().port(), network)) {
                        fresh.send(HostileFrames.next(random));
                        fresh.drain(Duration.ofMillis(20)).forEach(m -> answers.merge(m.getString("type", "?"), 1, Integer::sum));
                    }
                    frames++;
                    reconnects++;
                    continue;
                }
                WsClient phone = phones.get(random.nextInt(phones.size()));
                assertFalse(phone.isClosed(), "a persistent connection was closed: " + (phone.isClosed()
                        ? phone.awaitClose(Duration.ofSeconds(1)) : "") + " (seed " + seed + ")");
                phone.send(HostileFrames.keepingTheConnection(random));
                frames++;
                if (frames % 500 == 0) {
                    for (WsClient each : phones) {
                        each.drainNow().forEach(m -> answers.merge(m.getString("type", "?"), 1, Integer::sum));
                    }
                    assertEquals(200, Api.at(TestServer.server().port()).get("/health").status(), "healthy after " + frames + " frames");
                }
            }
        } finally {
            phones.forEach(WsClient::close);
        }
        System.out.printf("frame fuzzer: %d frames (%d on fresh connections), answers %s%n", frames, reconnects, answers);
        assertTrue(answers.getOrDefault("NACK", 0) > 0, "the fuzzer reached the server's validation");

        // The live flow still works.
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            try (WsClient dancer = Dancer.following(session)) {
                assertEquals("ACK", dj.play(session, "After", "The Fuzz").getString("type"));
                assertEquals("The Fuzz", dancer.await("NOW_PLAYING", LiveDj.WAIT).getJsonObject("track").getString("title"));
            }
        }
    }

    @Test
    void randomRequestsGetTheApisAnswers() throws Exception {
        long seed = seed();
        Random random = new Random(seed);
        System.out.println("REST fuzzer seed: " + seed + " (-Dpika.fuzz.seed=" + seed + " repeats this run)");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + REST_BUDGET.toNanos();
        int requests = 0;
        while (requests < MAX_REQUESTS && System.nanoTime() < deadline) {
            HostileRequests.Request request = HostileRequests.next(random);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(TestServer.baseUri() + request.path()))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Forwarded-For", "198.18." + random.nextInt(250) + "." + (1 + random.nextInt(250)))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
            request.headers().forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            requests++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = request.method() + " " + request.path() + " " + abbreviate(request.body()) + " (seed " + seed + ")";
            if (response.statusCode() >= 500) {
                fail(response.statusCode() + " " + response.body() + " for " + what);
            }
            assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), "security headers on " + what);
            if (response.statusCode() >= 400 && !"HEAD".equals(request.method())) {
                JsonObject error = Json.createReader(new java.io.StringReader(response.body())).readObject();
                assertTrue(error.containsKey("error"), "the API's error shape for " + what + ": " + response.body());
            }
        }
        System.out.printf("REST fuzzer: %d requests, statuses %s%n", requests, statuses);
        assertEquals(200, Api.at(TestServer.server().port()).get("/health").status());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
