package stream.pika.bench;

import stream.pika.interactions.control.RedisInteractionStore;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.control.RedisLiveStateStore;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.RedisConnection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Session operations against a real Redis, as a node performs them for one protocol message:
 * register (REGISTER_SESSION), track update (BROADCAST_TRACK: message-id dedupe, the broadcast
 * rule, the session's new track), subscribe (SUBSCRIBE: the sessions list, count the dancer and read the
 * session in one script, and a late joiner's poll and announcement) and vote (VOTE_ON_POLL). Prints the
 * percentiles of each, measured around the store calls on {@code --threads} threads at once,
 * and of the parts of a subscribe (indented).
 *
 * <pre>
 * SessionOpsBenchmark --redis redis://127.0.0.1:6379 [--sessions 200] [--rounds 25] [--threads 1] [--warmup-rounds 5]
 * </pre>
 */
public final class SessionOpsBenchmark {

    private static final Duration LINGER = Duration.ofMinutes(5);

    private SessionOpsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("redis", "redis://127.0.0.1:6379");
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "200"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "25"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup-rounds", "5"));
        String prefix = "pika-bench-ops-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

        RedisConnection redis = RedisConnection.open(url, prefix, Duration.ofSeconds(2));
        try {
            LiveStateStore live = new RedisLiveStateStore(redis);
            RedisInteractionStore interactions = new RedisInteractionStore(redis);
            System.out.printf("Pika! session operations against %s: %d sessions x %d rounds on %d thread(s) (+%d warm-up rounds)%n",
                    url, sessions, rounds, threads, warmup);
            Map<String, long[]> samples = new LinkedHashMap<>();
            for (String op : List.of("register", "track update", "subscribe", "vote",
                    "  sessions list", "  add listener, read session", "  poll, announcement")) {
                samples.put(op, new long[sessions * rounds]);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int round = -warmup; round < rounds; round++) {
                int r = round;
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int s = thread; s < sessions; s += threads) {
                            oneSet(live, interactions, s, r, r < 0 ? null : samples, sessions);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            }
            pool.shutdown();
            samples.forEach((op, nanos) -> {
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                System.out.printf("%-28s p50 %6.3f ms  p95 %6.3f ms  p99 %6.3f ms  max %7.3f ms  (%d samples)%n", op,
                        ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
            });
        } finally {
            // Leave nothing behind in a shared Redis.
            redis.client().getKeys().deleteByPattern(prefix + ":*");
            redis.shutdown();
        }
    }

    /** The store calls of one DJ message and of one dancer's subscribe and vote, timed. */
    private static void oneSet(LiveStateStore live, RedisInteractionStore interactions, int s, int round,
                               Map<String, long[]> samples, int sessions) {
        String sessionId = "bench_session_" + s;
        String connection = "bench-" + s + "-" + round;
        Instant now = Instant.now();
        int slot = round * sessions + s;

        long start = System.nanoTime();
        live.register(sessionId, 1000L + s, "Bench DJ " + s, connection, now, 1_000_000);
        record(samples, "register", slot, start);

        TrackInfo track = new TrackInfo("Track " + round, "Artist " + s, BigDecimal.valueOf(100), null, null, null, null, null, null);
        start = System.nanoTime();
        if (live.firstSighting(sessionId, "m" + round, now, Duration.ofMinutes(1))) {
            live.tryBroadcastSlot(sessionId, now, Duration.ZERO.plusMillis(1));
            live.update(sessionId, session -> session.playing(track, now));
        }
        record(samples, "track update", slot, start);

        String client = "client_bench_" + s + "_" + round;
        start = System.nanoTime();
        long part = start;
        live.sessions();
        part = record(samples, "  sessions list", slot, part);
        live.addListener(sessionId, client, now, LINGER);
        part = record(samples, "  add listener, read session", slot, part);
        interactions.lateJoinerState(sessionId, client);
        record(samples, "  poll, announcement", slot, part);
        record(samples, "subscribe", slot, start);

        long pollId = 1_000_000L * (s + 1);
        if (round <= 0 && interactions.poll(pollId).isEmpty()) {
            interactions.startPoll(RunningPoll.open(pollId, sessionId, "Tempo?", List.of("Up", "Down"), now, null));
        }
        start = System.nanoTime();
        interactions.vote(pollId, client, round & 1, now);
        record(samples, "vote", slot, start);
    }

    /** Records the time since {@code start}; returns now, the start of the next part. */
    private static long record(Map<String, long[]> samples, String op, int slot, long start) {
        long now = System.nanoTime();
        if (samples != null) {
            samples.get(op)[slot] = now - start;
        }
        return now;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
