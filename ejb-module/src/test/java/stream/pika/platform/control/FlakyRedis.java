package stream.pika.platform.control;

import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.WriteRedisConnectionException;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The local Redis, with the next call made to fail on demand, as it fails under load or in an
 * outage: everything else is the real client against the real server.
 */
public final class FlakyRedis extends RedisConnection {

    private final AtomicReference<RedisException> nextFailure = new AtomicReference<>();

    public static FlakyRedis local() {
        String url = System.getenv().getOrDefault("PIKA_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        return open(new FlakyRedis(), url, "pika-flaky-" + UUID.randomUUID(), Duration.ofSeconds(2));
    }

    /** The next call fails as when Redis is gone: the node serves from memory until the probe sees it back. */
    public void goesAway() {
        nextFailure.set(new RedisConnectionException("Connection refused (a test's outage)"));
    }

    /**
     * The next call's command is not written while Redis answers the others: Redisson's failure on
     * a machine whose CPUs are taken by a crowd connecting.
     */
    public void missesNextCall() {
        nextFailure.set(new WriteRedisConnectionException("Unable to write command into connection! Check CPU usage of the JVM (a test's busy moment)"));
    }

    @Override
    public <T> T orOnMiss(Supplier<T> remote, Function<Miss, T> fallback) {
        RedisException failure = nextFailure.getAndSet(null);
        if (failure != null && !degraded()) {
            return super.orOnMiss(() -> {
                throw failure;
            }, fallback);
        }
        return super.orOnMiss(remote, fallback);
    }

    /** Redis answers the probes until it counts as back: the recovery actions have run when this returns. */
    public void comesBack() {
        while (degraded()) {
            probe();
        }
    }
}
