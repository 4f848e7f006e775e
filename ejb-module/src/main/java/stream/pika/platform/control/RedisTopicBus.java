package stream.pika.platform.control;

import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.WriterThreads;
import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.WireFormat;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RTopic;
import org.redisson.api.RTopicAsync;
import org.redisson.client.codec.StringCodec;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The topic bus of several nodes. Memberships stay on the node that holds the connection; a
 * publish is encoded once, handed to this node's members at once, and sent through one Redis
 * channel to the other nodes, which hand it to theirs. Each node skips what it published itself,
 * so every connection gets a message exactly once, and sender exclusion works across nodes
 * (connection ids carry their node's id).
 *
 * <p>The publishing thread never waits for Redis: messages queue for one sender thread, which
 * sends them in order, several per round trip. While Redis is away the node keeps serving its
 * own connections; messages for the other nodes that Redis does not take are dropped (pub/sub
 * keeps nothing either) and late joiners get their state from the store, never from the bus.
 */
@ApplicationScoped
@Typed(RedisTopicBus.class)
public class RedisTopicBus implements TopicBus {

    private static final Logger LOG = Logger.getLogger(RedisTopicBus.class.getName());
    private static final int MAX_QUEUED = 100_000;
    private static final int BATCH = 256;
    private static final char SEPARATOR = '\n';
    /** The bus's own orders travel as envelopes whose topic no real topic can have. */
    private static final String RELAY = "!relay";
    private static final String END_RELAY = "!end-relay";

    @Inject
    RedisConnection redis;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Instance<WriterThreads> writerThreads;

    private final InMemoryTopicBus local = new InMemoryTopicBus();
    private final BlockingQueue<String> outgoing = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean overflowLogged = new AtomicBoolean();
    private final AtomicBoolean incomingOverflowLogged = new AtomicBoolean();
    private final String node = NodeIdentity.nodeId();
    private RTopic channel;
    private Thread sender;
    private Thread receiver;
    /** Messages from other nodes, handed to this node's connections by one thread, in arrival order. */
    private final BlockingQueue<String> incoming = new ArrayBlockingQueue<>(MAX_QUEUED);
    private volatile boolean subscribed;

    protected RedisTopicBus() {
        // for CDI
    }

    /** A bus outside the container (tests and tools): its threads from {@code threads}. */
    public RedisTopicBus(RedisConnection redis, ThreadFactory threads) {
        this.redis = redis;
        this.plainThreads = threads;
    }

    private ThreadFactory plainThreads;

    @PostConstruct
    public void start() {
        ThreadFactory factory = threads != null ? threads : plainThreads;
        channel = redis.client().getTopic(redis.key("bus"), StringCodec.INSTANCE);
        subscribe();
        sender = factory.newThread(this::sendLoop);
        sender.setName("pika-topic-sender");
        sender.start();
        // Not Redisson's listener threads: the writer threads the web adapter makes write to a
        // connection without allocating a fresh output buffer per message.
        receiver = writerThreads != null && writerThreads.isResolvable()
                ? writerThreads.get().newThread("pika-topic-receiver", this::receiveLoop)
                : factory.newThread(this::receiveLoop);
        receiver.start();
    }

    @PreDestroy
    public void stop() {
        running.set(false);
        if (sender != null) {
            sender.interrupt();
        }
        if (receiver != null) {
            receiver.interrupt();
        }
        if (channel != null) {
            channel.removeAllListeners();
        }
    }

    @Override
    public void open(Outbox connection) {
        local.open(connection);
    }

    @Override
    public void close(String connectionId) {
        local.close(connectionId);
    }

    @Override
    public boolean disconnect(String connectionId, int code, String reason) {
        return local.disconnect(connectionId, code, reason);
    }

    @Override
    public void join(String connectionId, Topic topic) {
        local.join(connectionId, topic);
    }

    @Override
    public void leave(String connectionId, Topic topic) {
        local.leave(connectionId, topic);
    }

    @Override
    public void publish(Topic topic, Object message, String excludedConnectionId) {
        String json = WireFormat.toJson(message);
        local.deliver(topic, json, excludedConnectionId);
        enqueue(excludedConnectionId == null ? "" : excludedConnectionId, topic.name(), json);
    }

    /** Through the same queue as the messages, so every node sets it before it delivers what this node publishes next. */
    @Override
    public void relay(Topic target, Topic source) {
        local.relay(target, source);
        enqueue("", RELAY, target.name() + SEPARATOR + source.name());
    }

    @Override
    public void endRelay(Topic target, Topic source) {
        local.endRelay(target, source);
        enqueue("", END_RELAY, target.name() + SEPARATOR + source.name());
    }

    @Override
    public void relayHere(Topic target, Optional<Topic> source) {
        local.relayHere(target, source);
    }

    @Override
    public Optional<Topic> relayInto(Topic target) {
        return local.relayInto(target);
    }

    private void enqueue(String excluded, String topic, String body) {
        String envelope = node + SEPARATOR + excluded + SEPARATOR + topic + SEPARATOR + body;
        if (!outgoing.offer(envelope)) {
            dropped.incrementAndGet();
            if (overflowLogged.compareAndSet(false, true)) {
                LOG.warning(() -> "Topic messages for other nodes are being dropped: " + MAX_QUEUED + " wait for Redis");
            }
        }
    }

    /** Messages not delivered to other nodes (Redis away or too slow), since start. */
    public long dropped() {
        return dropped.get();
    }

    private void received(String envelope) {
        int first = envelope.indexOf(SEPARATOR);
        int second = envelope.indexOf(SEPARATOR, first + 1);
        int third = envelope.indexOf(SEPARATOR, second + 1);
        if (first < 0 || second < 0 || third < 0 || envelope.regionMatches(0, node, 0, first) && first == node.length()) {
            return; // malformed, or our own: delivered locally already
        }
        String excluded = envelope.substring(first + 1, second);
        String name = envelope.substring(second + 1, third);
        if (name.equals(RELAY) || name.equals(END_RELAY)) {
            relayed(name, envelope.substring(third + 1));
            return;
        }
        Topic topic = new Topic(name);
        if (local.hasMembers(topic)) {
            local.deliver(topic, envelope.substring(third + 1), excluded.isEmpty() ? null : excluded);
        }
    }

    private void relayed(String order, String topics) {
        int split = topics.indexOf(SEPARATOR);
        if (split < 0) {
            return;
        }
        Topic target = new Topic(topics.substring(0, split));
        Topic source = new Topic(topics.substring(split + 1));
        if (order.equals(RELAY)) {
            local.relay(target, source);
        } else {
            local.endRelay(target, source);
        }
    }

    private void subscribe() {
        try {
            channel.addListener(String.class, (name, envelope) -> {
                if (!incoming.offer(envelope) && incomingOverflowLogged.compareAndSet(false, true)) {
                    LOG.warning(() -> "Topic messages from other nodes are being dropped: " + MAX_QUEUED + " wait for delivery");
                }
            });
            subscribed = true;
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }

    private void receiveLoop() {
        while (running.get()) {
            try {
                received(incoming.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering a message from another node failed", e);
            }
        }
    }

    private void sendLoop() {
        List<String> batch = new ArrayList<>(BATCH);
        while (running.get()) {
            try {
                String next = outgoing.poll(1, TimeUnit.SECONDS);
                if (!subscribed && !redis.degraded()) {
                    subscribe();
                }
                if (next == null) {
                    continue;
                }
                batch.add(next);
                outgoing.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One round trip for the lot, in order; dropped (and counted) if Redis does not take them.
     * This thread is the bus's own, so it may wait for Redis; it tries even while the stores
     * work from memory, since a slow moment must not cost the other nodes their messages.
     */
    private void send(List<String> batch) {
        try {
            if (batch.size() == 1) {
                channel.publish(batch.get(0));
            } else {
                RBatch round = redis.client().createBatch(BatchOptions.defaults());
                RTopicAsync topic = round.getTopic(redis.key("bus"), StringCodec.INSTANCE);
                batch.forEach(topic::publishAsync);
                round.execute();
            }
            overflowLogged.set(false);
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            redis.failed(e);
        }
    }

    @Override
    public int connectionsHere() {
        return local.connectionsHere();
    }

    @Override
    public long deliveredHere() {
        return local.deliveredHere();
    }
}
