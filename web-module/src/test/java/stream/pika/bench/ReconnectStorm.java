package stream.pika.bench;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reconnect-storm benchmark: two nodes sharing Redis, S DJs on the node that survives, L
 * dancers per session spread over both nodes. Every DJ broadcasts a track; then the other node is
 * killed ({@code kill -9}), and its dancers reconnect to the survivor as the original web app does
 * (a jittered backoff: 0.5–1 s, doubling per failed attempt up to 5 s) and SUBSCRIBE again. It
 * prints how long until every dancer of the dead node has the current NOW_PLAYING again (from the
 * kill), then broadcasts the next track and counts who got it (expected: every dancer).
 *
 * <pre>
 * ReconnectStorm --survivor http://127.0.0.1:8080 --victim http://127.0.0.1:8081 --victim-pid PID
 *                [--sessions 100] [--listeners 100] [--connect-concurrency 2000] [--token pk_dj_…]
 * </pre>
 */
public final class ReconnectStorm {

    private final URI survivor;
    private final URI victim;
    private final long victimPid;
    private final int sessions;
    private final int listeners;
    private final int concurrency;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final LeanSockets sockets;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    /** The title each session's dancers must have as NOW_PLAYING. */
    private final String[] current;
    private final List<Dancer> dancers = new ArrayList<>();
    private final List<LeanSockets.Socket> djs = new ArrayList<>();
    private volatile long killedAt;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong misrouted = new AtomicLong();

    private ReconnectStorm(Map<String, String> o) throws Exception {
        survivor = URI.create(o.getOrDefault("survivor", "http://127.0.0.1:8080").replaceFirst("^http", "ws") + "/ws");
        victim = URI.create(o.getOrDefault("victim", "http://127.0.0.1:8081").replaceFirst("^http", "ws") + "/ws");
        victimPid = Long.parseLong(o.get("victim-pid"));
        if (victimPid <= 1) {
            throw new IllegalArgumentException("--victim-pid must be the other node's process id");
        }
        sessions = Integer.parseInt(o.getOrDefault("sessions", "100"));
        listeners = Integer.parseInt(o.getOrDefault("listeners", "100"));
        concurrency = Integer.parseInt(o.getOrDefault("connect-concurrency", "2000"));
        current = new String[sessions];
        sockets = new LeanSockets("pika-storm");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = FanOutBenchmark.options(args);
        String token = options.containsKey("token") ? options.get("token")
                : FanOutBenchmark.registerDj(options.getOrDefault("survivor", "http://127.0.0.1:8080"));
        new ReconnectStorm(options).storm(token);
        System.exit(0);
    }

    private String sessionId(int s) {
        return "storm_" + run + "_" + s;
    }

    private void storm(String token) throws Exception {
        System.out.printf("Pika! reconnect storm: %d sessions x %d dancers, DJs and half the dancers on %s, half on %s (pid %d)%n",
                sessions, listeners, survivor, victim, victimPid);
        goLive(token);
        long start = System.nanoTime();
        connectDancers();
        System.out.printf("connected: %d dancers subscribed in %.1f s%n", dancers.size(), (System.nanoTime() - start) / 1e9);

        broadcast(0);
        awaitCurrent(dancers, 30, "track 0");
        List<Dancer> onVictim = dancers.stream().filter(d -> d.onVictim).toList();

        killedAt = System.nanoTime();
        ProcessHandle.of(victimPid).orElseThrow(() -> new IllegalStateException("no process " + victimPid)).destroyForcibly();
        System.out.printf("killed the node with %d dancers (kill -9 %d)%n", onVictim.size(), victimPid);
        boolean allBack = await(onVictim, Dancer::back, 120, "after the kill");
        long[] back = onVictim.stream().filter(d -> d.backAt > 0).mapToLong(d -> d.backAt - killedAt).sorted().toArray();
        System.out.printf("reconnected with the current NOW_PLAYING: %d / %d%s; time from the kill: p50 %.2f s, p99 %.2f s,"
                        + " all %s; %d reconnect attempts%n",
                back.length, onVictim.size(), allBack ? "" : " (NOT ALL)", seconds(back, 0.50), seconds(back, 0.99),
                allBack && back.length > 0 ? String.format("%.2f s", back[back.length - 1] / 1e9) : "not within 120 s", attempts.get());

        Thread.sleep(5_500); // the broadcast rule: one track per session every 5 s
        long sent = System.nanoTime();
        broadcast(1);
        boolean everyone = awaitCurrent(dancers, 15, "track 1");
        long got = dancers.stream().filter(d -> d.hasCurrent()).count();
        long[] latency = dancers.stream().filter(d -> d.hasCurrent()).mapToLong(d -> d.currentAt - sent).sorted().toArray();
        System.out.printf("next broadcast: %d / %d dancers (%.3f %%)%s, p99 %.1f ms, misrouted %d%n", got, dancers.size(),
                100.0 * got / dancers.size(), everyone ? "" : " MISSING SOME", seconds(latency, 0.99) * 1000, misrouted.get());
        sockets.close();
    }

    private static double seconds(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e9;
    }

    private void goLive(String token) throws Exception {
        List<CompletableFuture<String>> registered = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            String register = "{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + sessionId(s) + "\",\"djName\":\"Storm\",\"token\":\""
                    + token + "\"}";
            djs.add(sockets.open(survivor, new LeanSockets.Handler() {
                @Override
                public void opened(LeanSockets.Socket socket) {
                    socket.send(register);
                }

                @Override
                public void text(LeanSockets.Socket socket, String text, long receivedNanos) {
                    JsonObject message = FanOutBenchmark.parse(text);
                    String type = message.getString("type", "");
                    if (!answer.isDone() && ("SESSION_REGISTERED".equals(type) || "NACK".equals(type))) {
                        answer.complete(type + " " + message);
                    } else if ("NACK".equals(type)) {
                        System.err.println("DJ refused: " + message);
                    }
                }

                @Override
                public void closed(LeanSockets.Socket socket, String why) {
                    answer.complete("closed " + why);
                }
            }));
            registered.add(answer);
        }
        for (CompletableFuture<String> answer : registered) {
            String result = answer.get(30, TimeUnit.SECONDS);
            if (!result.startsWith("SESSION_REGISTERED")) {
                throw new IllegalStateException("a DJ did not go live: " + result);
            }
        }
    }

    private void connectDancers() throws InterruptedException {
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(concurrency);
        for (int s = 0; s < sessions; s++) {
            for (int l = 0; l < listeners; l++) {
                inFlight.acquire();
                Dancer dancer = new Dancer(s, "client_storm_" + run + "_" + s + "_" + l, l % 2 == 1, inFlight);
                dancers.add(dancer);
                dancer.connect(dancer.onVictim ? victim : survivor);
            }
        }
        inFlight.acquire(concurrency); // every dancer answered
        long unanswered = dancers.stream().filter(d -> !d.subscribed).count();
        if (unanswered > 0) {
            throw new IllegalStateException(unanswered + " dancers got no answer to SUBSCRIBE");
        }
    }

    private void broadcast(int track) {
        for (int s = 0; s < sessions; s++) {
            current[s] = "storm|" + s + "|" + track;
            djs.get(s).send("{\"type\":\"BROADCAST_TRACK\",\"sessionId\":\"" + sessionId(s) + "\",\"track\":{\"artist\":\"Storm\",\"title\":\""
                    + current[s] + "\",\"bpm\":100}}");
        }
    }

    /** Waits until every dancer given has its session's current track; false when the time ran out. */
    private boolean awaitCurrent(List<Dancer> who, int seconds, String what) throws InterruptedException {
        return await(who, Dancer::hasCurrent, seconds, what);
    }

    private boolean await(List<Dancer> who, java.util.function.Predicate<Dancer> done, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (who.stream().allMatch(done)) {
                return true;
            }
            Thread.sleep(20);
        }
        List<Dancer> missing = who.stream().filter(done.negate()).toList();
        System.out.printf("  %s: %d of %d dancers without the current track after %d s (sessions %s; they have %s)%n", what,
                missing.size(), who.size(), seconds, missing.stream().map(d -> d.session).distinct().limit(5).toList(),
                missing.stream().map(d -> String.valueOf(d.playing)).distinct().limit(3).toList());
        return false;
    }

    /** A phone: follows one session, reconnects with the web app's jittered backoff when its connection drops. */
    private final class Dancer implements LeanSockets.Handler {
        private final int session;
        private final String subscribe;
        private final boolean onVictim;
        private java.util.concurrent.Semaphore firstAnswer;
        private volatile boolean subscribed;
        /** The title of the last NOW_PLAYING it got, and when. */
        private volatile String playing;
        private volatile long currentAt;
        /** When it had the current track again after the kill. */
        private volatile long backAt;
        private int failures;
        private volatile boolean reconnected;

        Dancer(int session, String clientId, boolean onVictim, java.util.concurrent.Semaphore firstAnswer) {
            this.session = session;
            this.onVictim = onVictim;
            this.firstAnswer = firstAnswer;
            this.subscribe = "{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + clientId + "\",\"sessionId\":\"" + sessionId(session) + "\"}";
        }

        boolean hasCurrent() {
            return current[session].equals(playing);
        }

        /** Reconnected after the kill and told what is playing. */
        boolean back() {
            return backAt > 0;
        }

        void connect(URI where) {
            sockets.open(where, this);
        }

        @Override
        public void opened(LeanSockets.Socket socket) {
            reconnected = killedAt > 0;
            failures = 0;
            socket.send(subscribe);
        }

        @Override
        public void text(LeanSockets.Socket socket, String text, long receivedNanos) {
            // One thread reads every dancer: the 10,000 NOW_PLAYINGs of a broadcast arrive at once,
            // so they are read by position, not parsed (a full parse each would be the tool's delay).
            // Where "type" stands in the object differs between messages: found anywhere.
            if (!subscribed && text.contains("\"type\":\"LISTENER_COUNT\"")) {
                subscribed = true;
                release();
                return;
            }
            if (!text.contains("\"type\":\"NOW_PLAYING\"")) {
                return;
            }
            if (!text.contains("\"sessionId\":\"" + sessionId(session) + "\"")) {
                misrouted.incrementAndGet();
                return;
            }
            int title = text.indexOf("\"title\":\"") + 9;
            playing = text.substring(title, text.indexOf('"', title));
            currentAt = receivedNanos;
            if (killedAt > 0 && backAt == 0 && onVictim && reconnected && hasCurrent()) {
                backAt = receivedNanos;
            }
        }

        @Override
        public void closed(LeanSockets.Socket socket, String why) {
            release();
            if (killedAt == 0 || "load tool closing".equals(why)) {
                if (killedAt == 0) {
                    System.err.println("dancer lost before the kill: " + why);
                }
                return;
            }
            // The web app: retry after a jittered delay, doubling per failure, at most 5 s.
            long cap = Math.min(5_000, 1_000L << Math.min(failures, 3));
            long delay = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
            failures++;
            retries.schedule(() -> {
                attempts.incrementAndGet();
                connect(survivor);
            }, delay, TimeUnit.MILLISECONDS);
        }

        private void release() {
            java.util.concurrent.Semaphore first = firstAnswer;
            if (first != null) {
                firstAnswer = null;
                first.release();
            }
        }
    }
}
