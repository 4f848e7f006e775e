package stream.pika.platform.control;

import java.time.Duration;
import java.util.UUID;

/**
 * The local Redis (127.0.0.1:6379, or {@code PIKA_TEST_REDIS_URL}) for the stores' contract tests,
 * each test under a prefix of its own so runs never see each other's keys.
 */
public final class LocalRedis {

    private LocalRedis() {
    }

    public static RedisConnection connect() {
        String url = System.getenv().getOrDefault("PIKA_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        return RedisConnection.open(url, "pika-contract-" + UUID.randomUUID(), Duration.ofSeconds(2));
    }
}
