package stream.pika.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import stream.pika.it.PushServiceEmulator;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The stage benchmark (issue 15): an event with S stages and F followers spread over them
 * ({@code SUBSCRIBE_STAGE}), one node. It measures
 * <ol>
 *   <li>a DJ hand-over on every stage at once (DJ A ends, DJ B goes live and plays), {@code --rounds}
 *       times: the time until every follower has B's first track, from A's END_SESSION and from B's
 *       BROADCAST_TRACK (p50, p99, max), and the share of connected followers that got it;</li>
 *   <li>an urgent event announcement to all followers, {@code --rounds} times (p50, p99, max, received);</li>
 *   <li>with {@code --pushes N}: an announcement with push to N devices following the event,
 *       against the push-service emulator the build installs: pushes per second, and whether every
 *       device got exactly one.</li>
 * </ol>
 * The server needs the first admin's credentials (to approve the benchmark's organizer) and
 * generous limits for one client address; see the README, "Stage benchmark".
 *
 * <pre>
 * StageBenchmark --url http://127.0.0.1:8080 --admin-email … --admin-password … [--stages 4] [--followers 10000]
 *                [--rounds 3] [--pushes 5000] [--connect-concurrency 1000]
 * </pre>
 */
public final class StageBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String url;
    private final URI ws;
    private final int stageCount;
    private final int followerCount;
    private final int concurrency;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final LeanSockets sockets;
    private final List<Follower> followers = new ArrayList<>();
    private final AtomicLong misrouted = new AtomicLong();
    private long[] stageIds;
    private long eventId;
    private final int rounds;
    /** The text of the announcement the followers wait for now. */
    private volatile String announcement;

    private StageBenchmark(Map<String, String> o) throws java.io.IOException {
        sockets = new LeanSockets("pika-stage-bench");
        url = o.getOrDefault("url", "http://127.0.0.1:8080");
        ws = URI.create(url.replaceFirst("^http", "ws") + "/ws");
        stageCount = Integer.parseInt(o.getOrDefault("stages", "4"));
        followerCount = Integer.parseInt(o.getOrDefault("followers", "10000"));
        concurrency = Integer.parseInt(o.getOrDefault("connect-concurrency", "1000"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = FanOutBenchmark.options(args);
        StageBenchmark bench = new StageBenchmark(options);
        String organizer = bench.organizer(require(options, "admin-email"), require(options, "admin-password"));
        String dj = FanOutBenchmark.registerDj(bench.url);
        bench.setUp(organizer);
        bench.handOver(dj);
        bench.announce(organizer);
        int pushes = Integer.parseInt(options.getOrDefault("pushes", "0"));
        if (pushes > 0) {
            bench.push(organizer, pushes);
        }
        bench.sockets.close();
        System.exit(0);
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    // ---- set-up

    /** A new organizer, applied and approved by the first admin: its token. */
    private String organizer(String adminEmail, String adminPassword) throws Exception {
        String email = "bench-organizer-" + run + "@example.com";
        call("POST", "/api/auth/register/organizer", "{\"email\":\"" + email + "\",\"password\":\"bench-password\","
                + "\"displayName\":\"Bench Organizer " + run + "\",\"organization\":\"Bench Events\"}", null, 201);
        String token = call("POST", "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"bench-password\"}", null, 200)
                .getString("token");
        long application = call("GET", "/api/auth/me", null, token, 200).getJsonObject("organizerApplication").getJsonNumber("id")
                .longValue();
        String admin = call("POST", "/api/auth/login", "{\"email\":\"" + adminEmail + "\",\"password\":\"" + adminPassword + "\"}",
                null, 200).getString("token");
        call("POST", "/api/admin/applications/" + application + "/approve", "", admin, 200);
        return token;
    }

    /** The event and its open stages (any DJ account may go live there), published. */
    private void setUp(String organizer) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        eventId = call("POST", "/api/events", "{\"name\":\"Bench Weekend " + run + "\",\"startsAt\":\"" + now.minus(1, ChronoUnit.HOURS)
                + "\",\"endsAt\":\"" + now.plus(2, ChronoUnit.DAYS) + "\",\"timeZone\":\"Europe/Berlin\"}", organizer, 201)
                .getJsonObject("event").getJsonNumber("id").longValue();
        stageIds = new long[stageCount];
        for (int s = 0; s < stageCount; s++) {
            stageIds[s] = call("POST", "/api/events/" + eventId + "/stages", "{\"name\":\"Stage " + (s + 1) + "\",\"openToAll\":true}",
                    organizer, 201).getJsonObject("stage").getJsonNumber("id").longValue();
        }
        call("POST", "/api/events/" + eventId + "/publish", "", organizer, 200);
        System.out.printf("Pika! stage benchmark: event %d with %d stages, %d followers, %s%n", eventId, stageCount, followerCount, url);
    }

    // ---- 1. the hand-over

    /**
     * Round 0 puts a DJ on every stage and the followers in; each later round hands every stage
     * over at once to a new DJ (the first rounds run on code the JIT has not compiled yet: each is printed).
     */
    private void handOver(String token) throws Exception {
        List<Dj> onAir = new ArrayList<>();
        for (int s = 0; s < stageCount; s++) {
            onAir.add(new Dj(s, "bench_" + run + "_0_" + s, token));
        }
        for (Dj dj : onAir) {
            dj.goLive().get(30, TimeUnit.SECONDS);
            dj.play("r0|" + dj.stage);
        }
        long start = System.nanoTime();
        connectFollowers();
        System.out.printf("followers: %d connected and following in %.1f s%n", followers.size(), (System.nanoTime() - start) / 1e9);
        await(f -> f.title != null && f.title.startsWith("r0|"), 30, "the first DJs' track");
        for (int round = 1; round <= rounds; round++) {
            List<Dj> next = new ArrayList<>();
            for (int s = 0; s < stageCount; s++) {
                next.add(new Dj(s, "bench_" + run + "_" + round + "_" + s, token));
            }
            for (Dj dj : next) {
                dj.connected.get(30, TimeUnit.SECONDS);
            }
            String prefix = "r" + round + "|";
            long handOver = System.nanoTime();
            onAir.forEach(Dj::end);
            List<CompletableFuture<Void>> live = next.stream().map(dj -> dj.goLive().thenRun(() -> {
                dj.playedAt = System.nanoTime();
                dj.play(prefix + dj.stage);
            })).toList();
            CompletableFuture.allOf(live.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            boolean all = await(f -> f.title != null && f.title.startsWith(prefix), 30, "the next DJs' first track");
            long connected = followers.stream().filter(f -> f.open).count();
            List<Follower> heard = followers.stream().filter(f -> f.title != null && f.title.startsWith(prefix)).toList();
            long[] fromEnd = heard.stream().mapToLong(f -> f.titleAt - handOver).sorted().toArray();
            long[] fromTrack = heard.stream().mapToLong(f -> f.titleAt - next.get(f.stage).playedAt).sorted().toArray();
            System.out.printf("hand-over %d on %d stages at once: %d / %d connected followers have the next DJ's first track (%.2f %%)%s%n",
                    round, stageCount, heard.size(), connected, 100.0 * heard.size() / Math.max(1, connected), all ? "" : " NOT ALL");
            System.out.printf("  from the END_SESSIONs: p50 %.1f ms, p99 %.1f ms, max %.1f ms; from the next DJ's BROADCAST_TRACK:"
                            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; misrouted %d%n",
                    millis(fromEnd, 0.50), millis(fromEnd, 0.99), millis(fromEnd, 1.0),
                    millis(fromTrack, 0.50), millis(fromTrack, 0.99), millis(fromTrack, 1.0), misrouted.get());
            onAir = next;
        }
    }

    private void connectFollowers() throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        for (int i = 0; i < followerCount; i++) {
            inFlight.acquire();
            Follower follower = new Follower(i % stageCount, "client_stage_" + run + "_" + i, inFlight);
            followers.add(follower);
            sockets.open(ws, follower);
        }
        inFlight.acquire(concurrency);
        long unanswered = followers.stream().filter(f -> !f.following).count();
        if (unanswered > 0) {
            throw new IllegalStateException(unanswered + " followers got no answer to SUBSCRIBE_STAGE");
        }
    }

    // ---- 2. the urgent announcement

    private void announce(String organizer) throws Exception {
        LeanSockets.Socket[] desk = new LeanSockets.Socket[1];
        CompletableFuture<Void> signedIn = new CompletableFuture<>();
        Map<String, CompletableFuture<String>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        sockets.open(ws, new LeanSockets.Handler() {
            @Override
            public void opened(LeanSockets.Socket socket) {
                desk[0] = socket;
                socket.send("{\"type\":\"AUTHENTICATE\",\"token\":\"" + organizer + "\",\"messageId\":\"auth\"}");
            }

            @Override
            public void text(LeanSockets.Socket socket, String message, long receivedNanos) {
                JsonObject json = FanOutBenchmark.parse(message);
                String id = json.getString("messageId", "");
                if (id.equals("auth")) {
                    signedIn.complete(null);
                } else if (answers.containsKey(id)) {
                    answers.get(id).complete(json.getString("type") + " " + json);
                }
            }

            @Override
            public void closed(LeanSockets.Socket socket, String why) {
                signedIn.completeExceptionally(new IllegalStateException("closed " + why));
                answers.values().forEach(a -> a.complete("closed " + why));
            }
        });
        signedIn.get(30, TimeUnit.SECONDS);
        for (int round = 1; round <= rounds; round++) {
            String text = "Urgent " + run + " " + round;
            String messageId = "announce_" + round;
            answers.put(messageId, new CompletableFuture<>());
            announcement = text;
            long sentAt = System.nanoTime();
            desk[0].send("{\"type\":\"SEND_EVENT_ANNOUNCEMENT\",\"eventId\":" + eventId + ",\"message\":\"" + text
                    + "\",\"priority\":\"urgent\",\"messageId\":\"" + messageId + "\"}");
            String result = answers.get(messageId).get(30, TimeUnit.SECONDS);
            if (!result.startsWith("ACK")) {
                throw new IllegalStateException("the announcement was refused: " + result);
            }
            boolean all = await(f -> text.equals(f.announced), 30, "the announcement");
            long[] latency = followers.stream().filter(f -> text.equals(f.announced)).mapToLong(f -> f.announcedAt - sentAt).sorted()
                    .toArray();
            System.out.printf("urgent announcement %d: %d / %d followers%s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", round, latency.length,
                    followers.size(), all ? "" : " NOT ALL", millis(latency, 0.50), millis(latency, 0.99), millis(latency, 1.0));
            Thread.sleep(1_000);
        }
    }

    // ---- 3. the push

    private void push(String organizer, int devices) throws Exception {
        try (PushServiceEmulator emulator = PushServiceEmulator.start()) {
            String vapidKey = call("GET", "/api/push/vapid-public-key", null, null, 200).getString("publicKey");
            List<PushServiceEmulator.Subscription> subscriptions = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < devices; i++) {
                PushServiceEmulator.Subscription subscription = emulator.subscribe(vapidKey);
                subscriptions.add(subscription);
                String clientId = "client_push_" + run + "_" + i;
                call("POST", "/api/push/subscribe", Json.createObjectBuilder().add("endpoint", subscription.endpoint())
                        .add("keys", Json.createObjectBuilder().add("p256dh", subscription.p256dh()).add("auth", subscription.auth()))
                        .add("clientId", clientId).build().toString(), null, 200);
                // Every device follows two stages: it must still get one push.
                for (int s = 0; s < Math.min(2, stageCount); s++) {
                    call("POST", "/api/stages/" + stageIds[(i + s) % stageCount] + "/subscribe", "{\"clientId\":\"" + clientId
                            + "\",\"pushEndpoint\":\"" + subscription.endpoint() + "\"}", null, 200);
                }
            }
            System.out.printf("push devices: %d subscribed and following in %.1f s%n", devices, (System.nanoTime() - start) / 1e9);
            long sent = System.nanoTime();
            JsonObject announcement = call("POST", "/api/events/" + eventId + "/announcements",
                    "{\"message\":\"Push " + run + "\",\"priority\":\"urgent\",\"push\":true}", organizer, 201).getJsonObject("announcement");
            long pushed = metric("pika_push_sent_total");
            long before = pushed;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            // The server's own counter says when every push was accepted by the push service.
            while ((pushed = metric("pika_push_sent_total")) - before < devices && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - sent) / 1e9;
            int exactlyOnce = 0;
            int none = 0;
            int more = 0;
            for (PushServiceEmulator.Subscription subscription : subscriptions) {
                int got = emulator.notifications(subscription).size();
                if (got == 1) {
                    exactlyOnce++;
                } else if (got == 0) {
                    none++;
                } else {
                    more++;
                }
            }
            System.out.printf("push to %d devices (announced to %d): %.1f s, %.0f pushes/s; exactly once %d, none %d, more than once %d%n",
                    devices, announcement.getInt("pushDevices"), seconds, devices / seconds, exactlyOnce, none, more);
        }
    }

    /** A counter of the server's (Prometheus text at /mp-metrics), 0 when absent. */
    private long metric(String name) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/mp-metrics?scope=application")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E]+)$").matcher(response.body());
        return found.find() ? (long) Double.parseDouble(found.group(1)) : 0;
    }

    // ---- helpers

    private boolean await(Predicate<Follower> done, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (followers.stream().filter(f -> f.open).allMatch(done)) {
                return true;
            }
            Thread.sleep(5);
        }
        System.out.printf("  %s: %d followers without it after %d s%n", what, followers.stream().filter(done.negate()).count(), seconds);
        return false;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))] / 1e6;
    }

    private JsonObject call(String method, String path, String body, String token, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Pika-Client", "pika-e2e");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** A DJ's connection for one stage: goes live there, plays, ends. */
    private final class Dj implements LeanSockets.Handler {
        final int stage;
        final String sessionId;
        final String token;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        private volatile CompletableFuture<Void> registered;
        private LeanSockets.Socket socket;
        volatile long playedAt;

        Dj(int stage, String sessionId, String token) {
            this.stage = stage;
            this.sessionId = sessionId;
            this.token = token;
            sockets.open(ws, this);
        }

        CompletableFuture<Void> goLive() {
            registered = new CompletableFuture<>();
            connected.thenRun(() -> socket.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + sessionId + "\",\"djName\":\"Bench\","
                    + "\"token\":\"" + token + "\",\"stageId\":" + stageIds[stage] + "}"));
            return registered;
        }

        void play(String title) {
            socket.send("{\"type\":\"BROADCAST_TRACK\",\"sessionId\":\"" + sessionId + "\",\"track\":{\"artist\":\"Bench\",\"title\":\""
                    + title + "\",\"bpm\":100}}");
        }

        void end() {
            socket.send("{\"type\":\"END_SESSION\",\"sessionId\":\"" + sessionId + "\"}");
        }

        @Override
        public void opened(LeanSockets.Socket socket) {
            this.socket = socket;
            connected.complete(null);
        }

        @Override
        public void text(LeanSockets.Socket socket, String text, long receivedNanos) {
            if (text.contains("\"type\":\"SESSION_REGISTERED\"")) {
                registered.complete(null);
            } else if (text.contains("\"type\":\"NACK\"")) {
                registered.completeExceptionally(new IllegalStateException("DJ refused: " + text));
            }
        }

        @Override
        public void closed(LeanSockets.Socket socket, String why) {
            connected.completeExceptionally(new IllegalStateException("DJ connection closed: " + why));
            if (registered != null) {
                registered.completeExceptionally(new IllegalStateException("DJ connection closed: " + why));
            }
        }
    }

    /** A phone following one stage. Messages are read by position, not parsed: one thread reads them all. */
    private final class Follower implements LeanSockets.Handler {
        final int stage;
        final String subscribe;
        private Semaphore firstAnswer;
        volatile boolean following;
        volatile boolean open;
        volatile String title;
        volatile long titleAt;
        volatile String announced;
        volatile long announcedAt;

        Follower(int stage, String clientId, Semaphore firstAnswer) {
            this.stage = stage;
            this.firstAnswer = firstAnswer;
            this.subscribe = "{\"type\":\"SUBSCRIBE_STAGE\",\"stageId\":" + stageIds[stage] + ",\"clientId\":\"" + clientId
                    + "\",\"messageId\":\"f\"}";
        }

        @Override
        public void opened(LeanSockets.Socket socket) {
            open = true;
            socket.send(subscribe);
        }

        @Override
        public void text(LeanSockets.Socket socket, String text, long receivedNanos) {
            if (!following && text.contains("\"type\":\"ACK\"")) {
                following = true;
                release();
                return;
            }
            if (text.contains("\"type\":\"EVENT_ANNOUNCEMENT\"")) {
                String expected = announcement;
                if (expected != null && text.contains("\"message\":\"" + expected + "\"")) {
                    announced = expected;
                    announcedAt = receivedNanos;
                }
                return;
            }
            if (!text.contains("\"type\":\"NOW_PLAYING\"")) {
                return;
            }
            if (!text.contains("\"stageId\":" + stageIds[stage] + "}") && !text.contains("\"stageId\":" + stageIds[stage] + ",")) {
                misrouted.incrementAndGet();
                return;
            }
            int at = text.indexOf("\"title\":\"") + 9;
            String playing = text.substring(at, text.indexOf('"', at));
            if (!playing.equals(title)) {
                titleAt = receivedNanos;
                title = playing;
            }
        }

        @Override
        public void closed(LeanSockets.Socket socket, String why) {
            open = false;
            release();
            if (!"load tool closing".equals(why)) {
                System.err.println("follower lost: " + why);
            }
        }

        private void release() {
            Semaphore first = firstAnswer;
            if (first != null) {
                firstAnswer = null;
                first.release();
            }
        }
    }
}
