package stream.pika.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.WriteRedisConnectionException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * This node's one Redis client, when {@code PIKA_REDIS_URL} is set (without it every store and
 * the topic bus stay in memory and the node runs alone). Commands time out well under a second
 * and a lost connection is retried every half second, so topic listeners are back within a
 * second of Redis. Values are plain strings (JSON where structured), readable with redis-cli.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "pika.redis.url")
    Optional<String> url;

    /** Prefix of every key and channel, so several installs (or test runs) can share a Redis. */
    @Inject
    @ConfigProperty(name = "pika.redis.prefix", defaultValue = "pika")
    String prefix;

    @Inject
    @ConfigProperty(name = "pika.redis.timeout", defaultValue = "PT0.5S")
    Duration timeout;

    @Inject
    Instance<DatabaseSchema> database;

    /** {@code <prefix>:<installation id>}, once known: every key and channel starts with it. */
    private volatile String keyPrefix;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private RedissonClient client;
    private RedisUrl target;
    private final AtomicBoolean degraded = new AtomicBoolean();
    /** A call missed Redis in what may be a busy moment: the next probes ask Redis themselves. */
    private final AtomicBoolean suspect = new AtomicBoolean();
    /** Pings of {@link #confirmBusyMoment} missed in a row. */
    private final AtomicInteger missedPings = new AtomicInteger();
    /** Pings missed in a row (a second apart) that make an outage of a busy moment. */
    static final int MISSED_PINGS_FOR_OUTAGE = 2;
    private final AtomicInteger goodProbes = new AtomicInteger();
    static final int PROBES_TO_RECOVER = 2;
    /** When Redis last came back (0: never gone): a failure soon after is the same outage ending, not a new one. */
    private volatile long recoveredNanos;
    /** How long after Redis's return a failure counts as its connections still reconnecting. */
    static final long SETTLING_NANOS = TimeUnit.SECONDS.toNanos(10);
    private ScheduledFuture<?> probe;
    /** Outside the container only (tools and unit tests): the timer of {@link #soon}. */
    private ScheduledExecutorService ownTimer;
    private final List<Runnable> recoveryActions = new CopyOnWriteArrayList<>();

    /** A connection outside the container (benchmarks and tools): no probe for Redis's return. */
    public static RedisConnection open(String url, String prefix, Duration timeout) {
        return open(new RedisConnection(), url, prefix, timeout);
    }

    /** {@link #open(String, String, Duration)} for a subclass (tests that make calls fail). */
    static <C extends RedisConnection> C open(C opened, String url, String prefix, Duration timeout) {
        RedisConnection connection = opened;
        connection.url = Optional.of(url);
        connection.prefix = prefix;
        connection.keyPrefix = prefix; // a tool's own keys: no database to name
        connection.timeout = timeout;
        connection.connect();
        return opened;
    }

    @PostConstruct
    void connect() {
        if (url.isEmpty() || url.get().isBlank()) {
            LOG.info("No PIKA_REDIS_URL: live state, topics and rate limits stay in this node's memory");
            return;
        }
        try {
            target = RedisUrl.parse(url.get().strip());
        } catch (IllegalArgumentException e) {
            throw StartupFailure.fail(e.getMessage(), e);
        }
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // The node starts even when Redis is down for a moment; commands fail fast until it is back.
        config.setLazyInitialization(true);
        target.applyTo(config, (int) timeout.toMillis(), (int) Math.max(500, timeout.toMillis()),
                new ConstantDelay(Duration.ofMillis(500)));
        client = Redisson.create(config);
        LOG.info(() -> "Live state, topics and rate limits in Redis: " + target.describe() + ", keys under " + prefix + ":<installation id>:");
        if (scheduler == null) {
            return; // outside the container
        }
        // While Redis is away the stores do not call it for every message; this probe notices its return.
        probe = scheduler.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        if (probe != null) {
            probe.cancel(false);
        }
        if (client != null) {
            client.shutdown();
        }
        synchronized (this) {
            if (ownTimer != null) {
                ownTimer.shutdownNow();
            }
        }
    }

    /** Connects when the application starts, so a wrong PIKA_REDIS_URL stops the start, not the first dancer. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the @PostConstruct did the work
    }

    /** Closes the client of {@link #open}. */
    public void shutdown() {
        close();
    }

    public boolean enabled() {
        return client != null;
    }

    public RedissonClient client() {
        if (client == null) {
            throw new IllegalStateException("Redis is not configured");
        }
        return client;
    }

    /**
     * The key (or channel) name for {@code parts}: {@code <prefix>:<installation>:a:b}. The
     * installation id is the database's ({@link DatabaseSchema#installationId()}): state in Redis
     * from another database (recreated, restored elsewhere, another install on the same prefix)
     * is never seen, so a new poll 1 cannot inherit an old poll 1's votes.
     */
    public String key(String... parts) {
        String start = keyPrefix;
        if (start == null) {
            start = prefix + ':' + database.get().installationId();
            keyPrefix = start;
        }
        return start + ':' + String.join(":", parts);
    }

    /** Whether this node works with Redis now (for health and readiness): not degraded, and Redis answers. */
    public boolean answers() {
        if (client == null || degraded.get()) {
            return false;
        }
        try {
            ping();
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /**
     * While degraded, every second: Redis counts as back after {@value #PROBES_TO_RECOVER} answers
     * in a row, so the pool's other connections have reconnected too (one answer right after a
     * restart would be followed by failures on the connections still broken).
     */
    void probe() {
        if (!degraded.get()) {
            confirmBusyMoment();
            return;
        }
        try {
            ping();
            if (goodProbes.incrementAndGet() >= PROBES_TO_RECOVER) {
                recovered();
            }
        } catch (RuntimeException e) {
            goodProbes.set(0);
        }
    }

    /**
     * After a call missed Redis in what may be a busy moment, every second: an answered ping ends
     * the doubt; {@value #MISSED_PINGS_FOR_OUTAGE} missed in a row (or one refused) make it an
     * outage, so a Redis that stopped, or went silent, is taken for away within a few seconds
     * even when no call comes meanwhile, and its return then writes back what this node did.
     */
    private void confirmBusyMoment() {
        if (!suspect.get()) {
            return;
        }
        try {
            ping();
            missedPings.set(0);
            suspect.set(false);
        } catch (RuntimeException e) {
            if (!ambiguous(e) || missedPings.incrementAndGet() >= MISSED_PINGS_FOR_OUTAGE) {
                missedPings.set(0);
                suspect.set(false);
                degrade(e);
            }
        }
    }

    private void ping() {
        client.getBucket(key("ping")).isExists();
    }

    /**
     * Runs the Redis call, or the fallback while Redis is away (without waiting for it) or when
     * the call fails; {@link #failed} decides whether that failure makes Redis count as away.
     */
    public <T> T orElse(Supplier<T> remote, Supplier<T> fallback) {
        return orOnMiss(remote, miss -> fallback.get());
    }

    /** How a call missed Redis: what its fallback needs to know to catch up later. */
    public enum Miss {
        /** Redis is away: the call was not made. */
        AWAY,
        /** A busy moment, and the command never left this node (not written, no connection free). */
        UNSENT,
        /** A busy moment, and no answer came in time: the command was most likely carried out. */
        UNANSWERED
    }

    /** {@link #orElse}, the fallback told how the call missed. */
    public <T> T orOnMiss(Supplier<T> remote, Function<Miss, T> fallback) {
        if (degraded.get()) {
            return fallback.apply(Miss.AWAY);
        }
        try {
            return remote.get();
        } catch (RedisException e) {
            return fallback.apply(missed(e));
        } catch (CompletionException e) {
            // An asynchronous call joined on this thread: the Redis failure is its cause.
            if (e.getCause() instanceof RedisException cause) {
                return fallback.apply(missed(cause));
            }
            throw e;
        }
    }

    private Miss missed(RedisException e) {
        failed(e);
        if (degraded.get()) {
            return Miss.AWAY;
        }
        boolean unsent = e instanceof WriteRedisConnectionException
                || (e instanceof RedisTimeoutException && !(e instanceof RedisResponseTimeoutException));
        return unsent ? Miss.UNSENT : Miss.UNANSWERED;
    }

    /** {@link #orElse} for calls without a result. */
    public void run(Runnable remote, Runnable fallback) {
        orElse(() -> {
            remote.run();
            return null;
        }, () -> {
            fallback.run();
            return null;
        });
    }

    /** Called (on the probe's thread) each time Redis is back after an outage. */
    public void onRecovery(Runnable action) {
        recoveryActions.add(action);
    }

    /**
     * A Redis call failed and fell back on memory. A timeout, or a command the client could not
     * write (Redisson's "Unable to write command into connection! Check CPU usage of the JVM": its
     * I/O threads starved, or it is reconnecting), may be a busy moment: a crowd connecting can
     * starve this JVM for a second or more while Redis is there, and taking that for an outage
     * would keep the node's whole state in memory for seconds. Then the probe decides, within a
     * few seconds. Any other failure makes Redis count as away at once (logged once per outage,
     * not per message).
     */
    public void failed(RuntimeException e) {
        if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
            LOG.fine(() -> "A Redis call was interrupted (the node is stopping): " + e.getMessage());
            return; // not an outage
        }
        if (ambiguous(e)) {
            suspect.set(true);
            LOG.fine(() -> "Redis missed a call (" + e.getMessage() + "); it fell back on memory, the probe will tell whether Redis is away");
            return;
        }
        degrade(e);
    }

    private static boolean ambiguous(RuntimeException e) {
        return e instanceof RedisTimeoutException || e instanceof WriteRedisConnectionException;
    }

    private void degrade(RuntimeException e) {
        goodProbes.set(0);
        if (degraded.compareAndSet(false, true)) {
            long sinceReturn = System.nanoTime() - recoveredNanos;
            if (recoveredNanos != 0 && sinceReturn < SETTLING_NANOS) {
                // Some of the pool's connections were still reconnecting: the outage is ending, not starting again.
                LOG.info(() -> "Redis failed again " + sinceReturn / 1_000_000 + " ms after it came back (" + e.getMessage()
                        + "); serving from memory until its connections answer");
            } else {
                LOG.warning(() -> "Redis unavailable (" + e.getMessage() + "): this node serves its own connections from"
                        + " its own memory until Redis is back");
            }
        }
    }

    /**
     * Runs {@code task} in about a second, on the container's scheduler (a thread of its own
     * outside the container): catching up on what a busy moment left in memory, off the caller's thread.
     */
    public void soon(Runnable task) {
        ScheduledExecutorService timers = scheduler;
        if (timers == null) {
            timers = ownTimer();
        }
        timers.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Catching up with Redis failed: " + e.getMessage(), e);
            }
        }, 1, TimeUnit.SECONDS);
    }

    private synchronized ScheduledExecutorService ownTimer() {
        if (ownTimer == null) {
            ownTimer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "pika-redis-catch-up");
                thread.setDaemon(true);
                return thread;
            });
        }
        return ownTimer;
    }

    /** The probe saw Redis answer enough times: say once that it is back, then catch up. Only the probe decides this (one good call on a half-reconnected pool is not enough). */
    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            recoveredNanos = System.nanoTime();
            LOG.info("Redis is back");
            for (Runnable action : recoveryActions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "After Redis came back: " + e.getMessage(), e);
                }
            }
        }
    }

    public boolean degraded() {
        return degraded.get();
    }
}
