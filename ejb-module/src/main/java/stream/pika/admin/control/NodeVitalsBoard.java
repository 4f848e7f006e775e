package stream.pika.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.redisson.client.codec.StringCodec;
import stream.pika.admin.entity.NodeVitals;
import stream.pika.platform.control.RedisConnection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the nodes put their vitals for the admin console: in Redis when the platform runs several
 * nodes (every node's latest sample, and an hour of samples), else in this node's memory. A node
 * that stops sampling drops off the board after {@link #FRESH}.
 */
@ApplicationScoped
public class NodeVitalsBoard {

    /** A node whose last sample is older than this is not shown. */
    public static final Duration FRESH = Duration.ofSeconds(30);
    /** How far back the board keeps samples. */
    public static final Duration KEPT = Duration.ofHours(1);
    private static final int KEPT_SAMPLES = 800; // an hour at one sample every 5 s, per node, with room

    @Inject
    RedisConnection redis;

    private final Map<String, NodeVitals> latest = new ConcurrentHashMap<>();
    private final Deque<NodeVitals> history = new ArrayDeque<>();

    public void record(NodeVitals vitals) {
        if (!redis.enabled()) {
            recordHere(vitals);
            return;
        }
        redis.run(() -> {
            redis.client().getMap(redis.key("vitals", "latest"), StringCodec.INSTANCE).fastPut(vitals.node(), vitals.line());
            var samples = redis.client().<String>getList(redis.key("vitals", "history", vitals.node()), StringCodec.INSTANCE);
            samples.add(vitals.line());
            samples.trim(-KEPT_SAMPLES, -1);
        }, () -> recordHere(vitals));
    }

    private synchronized void recordHere(NodeVitals vitals) {
        latest.put(vitals.node(), vitals);
        history.addLast(vitals);
        while (history.size() > KEPT_SAMPLES) {
            history.removeFirst();
        }
    }

    /** Each node's latest sample, if fresh. */
    public List<NodeVitals> nodes(Instant now) {
        List<NodeVitals> all = !redis.enabled() ? List.copyOf(latest.values()) : redis.orElse(
                () -> redis.client().<String, String>getMap(redis.key("vitals", "latest"), StringCodec.INSTANCE).readAllValues()
                        .stream().map(NodeVitals::ofLine).toList(),
                () -> List.copyOf(latest.values()));
        return all.stream().filter(v -> v.sampledAt().isAfter(now.minus(FRESH)))
                .sorted(java.util.Comparator.comparing(NodeVitals::node)).toList();
    }

    /** Every sample of the last hour, oldest first. */
    public List<NodeVitals> lastHour(Instant now) {
        List<NodeVitals> all = !redis.enabled() ? historyHere() : redis.orElse(
                () -> nodes(now).stream()
                        .flatMap(node -> redis.client().<String>getList(redis.key("vitals", "history", node.node()), StringCodec.INSTANCE)
                                .readAll().stream())
                        .map(NodeVitals::ofLine).sorted(java.util.Comparator.comparing(NodeVitals::sampledAt)).toList(),
                this::historyHere);
        Instant since = now.minus(KEPT);
        return all.stream().filter(v -> v.sampledAt().isAfter(since)).toList();
    }

    private synchronized List<NodeVitals> historyHere() {
        return new ArrayList<>(history);
    }
}
