package stream.pika.platform.control;

import org.junit.jupiter.api.AfterEach;

/** The rate-limit contract, in the local Redis (its Lua script). */
class RedisRateLimiterTest extends RateLimiterContract {

    private RedisConnection redis;

    @Override
    RateLimiter limiter() {
        redis = LocalRedis.connect();
        RedisRateLimiter limiter = new RedisRateLimiter();
        limiter.redis = redis;
        limiter.clock = clock;
        limiter.fallback = new InMemoryRateLimiter(clock);
        return limiter;
    }

    @AfterEach
    void disconnect() {
        if (redis != null) {
            redis.client().getKeys().deleteByPattern(redis.key("*"));
            redis.shutdown();
        }
    }
}
