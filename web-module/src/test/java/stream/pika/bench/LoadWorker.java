package stream.pika.bench;

import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One load process: the DJs and listeners of a slice of the sessions. Talks to the coordinator
 * on stdin/stdout: prints {@code READY <connections>}, waits for {@code GO}, broadcasts, then
 * prints {@code RESULT <expected> <delivered> <misrouted> <duplicates> <refused>} and keeps its
 * connections until {@code EXIT} (every process is done): a process that finished its slice and
 * dropped 10,000 connections would load the servers while another's last tracks are delivered.
 */
final class LoadWorker {

    private final String wsUrl;
    private final String token;
    private final String run;
    private final int first;
    private final int last;
    private final int totalSessions;
    private final int listenersPerSession;
    private final int tracks;
    /** Tracks broadcast first and not measured: the server's code paths get compiled. */
    private final int warmup;
    private final long intervalNanos;
    private final int concurrency;
    /** {@code lean} (listeners on one selector thread) or {@code jdk} (java.net.http, one exchange each). */
    private final String client;
    /** The nodes listeners connect to, in turn. */
    private final String[] listenerUrls;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

    /** Send time per session slot and track, in nanoTime. */
    private final long[][] sentAt;
    private final AtomicLongArray latencies;
    /** Per sample: when its track was sent, in epoch ms (to find the slow moments in GC logs). */
    private final AtomicLongArray sentAtMillis;
    /** Send time per session slot and track, in epoch ms. */
    private final long[][] sentAtWall;
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong misrouted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lostListeners = new AtomicLong();
    private final List<WebSocket> sockets = new ArrayList<>();

    private LoadWorker(Map<String, String> o) {
        wsUrl = o.get("url").replaceFirst("^http", "ws") + "/ws";
        listenerUrls = Arrays.stream(o.getOrDefault("listener-urls", o.get("url")).split(","))
                .map(u -> u.strip().replaceFirst("^http", "ws") + "/ws").toArray(String[]::new);
        token = o.get("token");
        run = o.get("run");
        first = Integer.parseInt(o.get("first-session"));
        last = Integer.parseInt(o.get("last-session"));
        totalSessions = Integer.parseInt(o.get("sessions"));
        listenersPerSession = Integer.parseInt(o.get("listeners"));
        tracks = Integer.parseInt(o.get("tracks"));
        warmup = Integer.parseInt(o.getOrDefault("warmup-tracks", "1"));
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(o.getOrDefault("interval-ms", "6000")));
        concurrency = Integer.parseInt(o.getOrDefault("connect-concurrency", "64"));
        client = o.getOrDefault("client", "jdk");
        sentAt = new long[last - first][tracks];
        latencies = new AtomicLongArray((last - first) * listenersPerSession * tracks);
        sentAtMillis = new AtomicLongArray(latencies.length());
        sentAtWall = new long[last - first][tracks];
    }

    static void run(Map<String, String> options) throws Exception {
        LoadWorker worker = new LoadWorker(options);
        try {
            worker.connect();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the coordinator sees the end of the stream, not a worker that waits for ever
        }
        System.out.printf("READY %d %d %d %d%n", worker.sockets.size() + worker.leanListeners, worker.listenersConnected, worker.listenerNanos,
                worker.listenerCpuMillis);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        if (!"GO".equals(in.readLine())) {
            return;
        }
        System.gc(); // the connect phase's garbage, not the broadcast's

        worker.broadcast();
        FanOutBenchmark.writeLatencies(Path.of(options.get("results")), worker.latencies, worker.sentAtMillis, (int) worker.samples.get());
        long expected = (long) (worker.last - worker.first) * worker.listenersPerSession * worker.tracks;
        System.out.printf("RESULT %d %d %d %d %d%n", expected, worker.delivered.get(), worker.misrouted.get(),
                worker.duplicates.get(), worker.refused.get());
        System.out.flush();
        in.readLine(); // EXIT, or the coordinator is gone
        worker.sockets.forEach(WebSocket::abort);
        if (worker.lean != null) {
            worker.lean.close();
        }
        System.exit(0);
    }

    private String sessionId(int session) {
        return "bench_" + run + "_" + session;
    }

    private final List<WebSocket> djs = new ArrayList<>();
    /** The listeners' part of the setup: from the first listener's connect to the last SUBSCRIBE answered. */
    private long listenerNanos;
    /** This load process's CPU time over the same phase (its JIT compiler included), in ms. */
    private long listenerCpuMillis;
    private int listenersConnected;
    /** Listeners on {@link LeanSockets} with {@code --client lean}, else null. */
    private LeanSockets lean;
    private int leanListeners;

    private void connect() throws Exception {
        for (int s = first; s < last; s++) {
            CompletableFuture<JsonObject> registered = new CompletableFuture<>();
            WebSocket dj = open(new Dj(registered), wsUrl).join();
            dj.sendText("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + sessionId(s) + "\",\"djName\":\"Bench\",\"token\":\""
                    + token + "\"}", true).join();
            JsonObject answer = registered.get(30, TimeUnit.SECONDS);
            if (!"SESSION_REGISTERED".equals(answer.getString("type"))) {
                throw new IllegalStateException("session " + sessionId(s) + " not registered: " + answer);
            }
            djs.add(dj);
            sockets.add(dj);
        }
        long listenersStart = System.nanoTime();
        long cpuStart = cpuMillis();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch subscribed = new CountDownLatch((last - first) * listenersPerSession);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        if ("lean".equals(client)) {
            lean = new LeanSockets("pika-bench-listeners");
        }
        for (int s = first; s < last; s++) {
            for (int l = 0; l < listenersPerSession; l++) {
                inFlight.acquire();
                Listener listener = new Listener(s - first, sessionId(s), subscribed, inFlight);
                String subscribe = "{\"type\":\"SUBSCRIBE\",\"clientId\":\"client_bench_" + run + "_" + s + "_" + l
                        + "\",\"sessionId\":\"" + sessionId(s) + "\"}";
                URI url = URI.create(listenerUrls[l % listenerUrls.length]);
                if (lean != null) {
                    lean.open(url, listener.lean(subscribe));
                    leanListeners++;
                    continue;
                }
                opening.add(open(listener, url.toString()).thenCompose(ws -> ws.sendText(subscribe, true)).whenComplete((ws, e) -> {
                    if (e != null) {
                        inFlight.release();
                        System.err.println("listener connect failed: " + e);
                    }
                }));
            }
        }
        for (CompletableFuture<WebSocket> socket : opening) {
            sockets.add(socket.get(60, TimeUnit.SECONDS));
        }
        if (!subscribed.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(subscribed.getCount() + " listeners got no answer to SUBSCRIBE");
        }
        listenerNanos = System.nanoTime() - listenersStart;
        listenerCpuMillis = cpuMillis() - cpuStart;
        listenersConnected = (last - first) * listenersPerSession;
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    private CompletableFuture<WebSocket> open(WebSocket.Listener listener, String url) {
        return http.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30))
                .buildAsync(URI.create(url), listener);
    }

    private void broadcast() throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<long[]> schedule = new ArrayList<>();
        for (int s = first; s < last; s++) {
            long offset = intervalNanos * s / totalSessions; // spread the DJs over the interval
            for (int t = -warmup; t < tracks; t++) {
                schedule.add(new long[]{start + offset + (t + warmup) * intervalNanos, s, t});
            }
        }
        schedule.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] slot : schedule) {
            long wait = slot[0] - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int s = (int) slot[1];
            int t = (int) slot[2];
            String frame = "{\"type\":\"BROADCAST_TRACK\",\"sessionId\":\"" + sessionId(s) + "\",\"messageId\":\"m" + s + "_" + t
                    + "\",\"track\":{\"artist\":\"Bench Artist\",\"title\":\"bench|" + s + "|" + t + "\",\"bpm\":100}}";
            if (t >= 0) {
                sentAtWall[s - first][t] = System.currentTimeMillis();
                sentAt[s - first][t] = System.nanoTime();
            }
            djs.get(s - first).sendText(frame, true);
        }
        Thread.sleep(3_000); // the last deliveries land
    }

    /** A DJ connection: waits for SESSION_REGISTERED, then counts NACKs. */
    private final class Dj implements WebSocket.Listener {
        private final CompletableFuture<JsonObject> registered;
        private final StringBuilder text = new StringBuilder();

        Dj(CompletableFuture<JsonObject> registered) {
            this.registered = registered;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
            text.append(data);
            if (lastPart) {
                JsonObject message = FanOutBenchmark.parse(text);
                text.setLength(0);
                String type = message.getString("type", "");
                if (!registered.isDone() && ("SESSION_REGISTERED".equals(type) || "NACK".equals(type))) {
                    registered.complete(message);
                } else if ("NACK".equals(type)) {
                    refused.incrementAndGet();
                    System.err.println("DJ refused: " + message);
                }
            }
            ws.request(1);
            return null;
        }
    }

    private static final Set<String> LOBBY_NEWS = Set.of("SESSION_STARTED", "SESSION_ENDED");
    /** Where "type" stands in the object differs between messages: found anywhere. */
    private static final String SESSIONS_LIST = "\"type\":\"SESSIONS_LIST\"";

    /**
     * Whether a message is the lobby's list, without scanning all of a long one: its "type"
     * stands at its end (the server writes fields in name order) or at its start. A list with
     * "type" elsewhere is parsed, and ignored by {@code handle}: slower, still right.
     */
    private static boolean isSessionsList(String text) {
        if (text.length() < 1024) {
            return text.contains(SESSIONS_LIST);
        }
        return text.startsWith(SESSIONS_LIST, 1) || text.indexOf(SESSIONS_LIST, text.length() - 64) >= 0;
    }

    /** A listener: checks every message belongs to its session and times each track. */
    private final class Listener implements WebSocket.Listener {
        private final int slot;
        private final String sessionId;
        private final CountDownLatch subscribed;
        private final Semaphore inFlight;
        private final boolean[] seen = new boolean[tracks];
        private boolean answered;
        private final StringBuilder text = new StringBuilder();

        Listener(int slot, String sessionId, CountDownLatch subscribed, Semaphore inFlight) {
            this.slot = slot;
            this.sessionId = sessionId;
            this.subscribed = subscribed;
            this.inFlight = inFlight;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
            long now = System.nanoTime();
            text.append(data);
            if (lastPart) {
                message(text, now);
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void message(CharSequence text, long now) {
            // The lobby's session list (200 sessions at the start) is not what is measured: not parsed.
            if (!isSessionsList(text.toString())) {
                handle(FanOutBenchmark.parse(text), now);
            }
        }

        /** This listener on a lean socket: SUBSCRIBE once open. */
        LeanSockets.Handler lean(String subscribe) {
            return new LeanSockets.Handler() {
                @Override
                public void opened(LeanSockets.Socket socket) {
                    socket.send(subscribe);
                }

                @Override
                public void text(LeanSockets.Socket socket, String text, long receivedNanos) {
                    message(text, receivedNanos);
                }

                @Override
                public void closed(LeanSockets.Socket socket, String why) {
                    if (!answered) {
                        inFlight.release();
                    }
                    if (!"load tool closing".equals(why) && lostListeners.incrementAndGet() <= 3) {
                        System.err.println("listener of " + sessionId + " lost: " + why);
                    }
                }
            };
        }

        private void handle(JsonObject message, long now) {
            String type = message.getString("type", "");
            if (!answered && "LISTENER_COUNT".equals(type)) {
                answered = true;
                subscribed.countDown();
                inFlight.release();
            }
            String about = message.getString("sessionId", sessionId);
            if (!answered && LOBBY_NEWS.contains(type)) {
                return; // not subscribed yet: still in the lobby, which hears every session start and end
            }
            if (!sessionId.equals(about)) {
                if (misrouted.incrementAndGet() <= 3) {
                    System.err.println("misrouted to a listener of " + sessionId + ": " + message);
                }
                return;
            }
            if ("NOW_PLAYING".equals(type)) {
                String[] title = message.getJsonObject("track").getString("title").split("\\|");
                int t = Integer.parseInt(title[2]);
                if (t < 0) {
                    return; // warm-up
                }
                if (seen[t]) {
                    duplicates.incrementAndGet();
                    return;
                }
                seen[t] = true;
                delivered.incrementAndGet();
                long sent = sentAt[slot][t];
                if (sent > 0) {
                    int sample = (int) samples.getAndIncrement();
                    latencies.set(sample, now - sent);
                    sentAtMillis.set(sample, sentAtWall[slot][t]);
                }
            }
        }
    }
}
