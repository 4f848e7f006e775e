package stream.pika.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to PostgreSQL off the live path, in order per key (a session: its row before its tracks,
 * likes and votes), by a few writer threads of its own. (Not a task per write on the managed
 * executor: each submission there captures the thread context, a scan of the application's jars,
 * and the first write of every broadcast would pay it on the DJ's thread before the room hears
 * the track.) A database that is down or refuses for a moment makes the queue wait and retry with
 * backoff; nothing is dropped except a write that can never succeed (a data error), which is
 * logged in full and counted ({@link #refusedForGood()}).
 */
@ApplicationScoped
public class OrderedWrites {

    private static final Logger LOG = Logger.getLogger(OrderedWrites.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(15);
    /** Far beyond what a set produces during any outage; past it the oldest write is dropped loudly. */
    static final int MAX_QUEUED_PER_KEY = 50_000;

    private record Write(String description, Runnable action) {
    }

    private final class KeyQueue {
        final String key;
        final Deque<Write> writes = new ArrayDeque<>();
        boolean draining;
        int failures;

        KeyQueue(String key) {
            this.key = key;
        }
    }

    /** Writer threads: each drains one key's queue at a time. */
    static final int WRITERS = 4;

    private final Map<String, KeyQueue> queues = new ConcurrentHashMap<>();
    /** Keys whose queue has writes and no writer yet. */
    private final BlockingQueue<KeyQueue> ready = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicLong refusedForGood = new AtomicLong();
    private volatile boolean stopped;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @PostConstruct
    void startWriters() {
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = threads.newThread(this::write);
            writer.setName("pika-history-writer-" + i);
            writer.start();
            writers.add(writer);
        }
    }

    private void write() {
        while (!stopped) {
            try {
                KeyQueue queue = ready.poll(1, TimeUnit.SECONDS);
                if (queue != null) {
                    drain(queue);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "History writer failed", e);
            }
        }
    }

    /** Writes waiting in all queues (for figures and tests). */
    public int pending() {
        return queues.values().stream().mapToInt(q -> {
            synchronized (q) {
                return q.writes.size();
            }
        }).sum();
    }

    /** Writes the database refused for good since the start (each logged with its reason). */
    public long refusedForGood() {
        return refusedForGood.get();
    }

    /**
     * Queues a write after the writes queued before it under the same key (a session id). The
     * write is one transaction.
     */
    public void submit(String key, String description, Runnable action) {
        KeyQueue queue = queues.computeIfAbsent(key, KeyQueue::new);
        boolean start;
        synchronized (queue) {
            if (queue.writes.size() >= MAX_QUEUED_PER_KEY) {
                Write dropped = queue.writes.pollFirst();
                refusedForGood.incrementAndGet();
                LOG.severe(() -> "History of " + key + " is " + MAX_QUEUED_PER_KEY
                        + " writes behind; dropped the oldest: " + dropped.description());
            }
            queue.writes.addLast(new Write(description, action));
            start = !queue.draining;
            queue.draining = true;
        }
        if (start) {
            ready.add(queue);
        }
    }

    private void drain(KeyQueue queue) {
        while (true) {
            Write next;
            synchronized (queue) {
                next = queue.writes.peekFirst();
                if (next == null) {
                    queue.draining = false;
                    queues.remove(queue.key, queue);
                    return;
                }
            }
            try {
                next.action().run();
                if (queue.failures > 0) {
                    int attempts = queue.failures;
                    LOG.info(() -> "History writes of " + queue.key + " resumed after " + attempts + " failed attempt(s)");
                    queue.failures = 0;
                }
                synchronized (queue) {
                    queue.writes.pollFirst();
                }
            } catch (RuntimeException e) {
                if (permanent(e)) {
                    long refused = refusedForGood.incrementAndGet();
                    LOG.log(Level.SEVERE, "History write '" + next.description() + "' of " + queue.key
                            + " can never succeed (" + rootMessage(e) + "); not written (" + refused + " such write(s) since start)", e);
                    synchronized (queue) {
                        queue.writes.pollFirst();
                    }
                    continue;
                }
                queue.failures++;
                if (queue.failures == 1) {
                    LOG.warning(() -> "History writes of " + queue.key + " paused, the database refused '"
                            + next.description() + "' (" + rootMessage(e) + "); retrying until it accepts");
                }
                long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(queue.failures - 1, 5));
                scheduler.schedule(() -> ready.add(queue), delay, TimeUnit.MILLISECONDS);
                return;
            }
        }
    }

    /** Data and programming errors cannot succeed on a retry; anything else (connection, pool, timeout) can. */
    static boolean permanent(Throwable failure) {
        boolean sawSql = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                sawSql = true;
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"))) {
                    return true;
                }
            }
        }
        return !sawSql;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Gives queued writes a moment to reach the database when the application stops. */
    @PreDestroy
    void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int left = pending();
        if (left > 0) {
            LOG.warning(() -> left + " history write(s) not written at shutdown");
        }
        stopped = true;
        writers.forEach(Thread::interrupt);
    }
}
