package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rolling windows shared by all nodes, so a client cannot multiply its quota by spreading over
 * them: one sorted set per policy and key ({@code <prefix>:rate:<policy>:<key>}) holds the times
 * of its allowed attempts, trimmed, checked and added in one Lua call. If Redis does not answer,
 * this node counts on its own for the moment (a limit that still holds per node beats none).
 */
@ApplicationScoped
@Typed(RedisRateLimiter.class)
public class RedisRateLimiter implements RateLimiter {

    /** KEYS[1] the window; ARGV now, window ms, limit, a unique member, permits. Returns {allowed, used, oldest}. */
    private static final String ACQUIRE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local used = redis.call('ZCARD', KEYS[1])
            local allowed = 0
            local permits = tonumber(ARGV[5])
            if used + permits <= tonumber(ARGV[3]) then
              for i = 1, permits do
                redis.call('ZADD', KEYS[1], now, ARGV[4] .. ':' .. i)
              end
              used = used + permits
              allowed = 1
            end
            redis.call('PEXPIRE', KEYS[1], window)
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {allowed, used, tonumber(oldest[2] or now)}
            """;

    @Inject
    RedisConnection redis;

    @Inject
    InMemoryRateLimiter fallback;

    @Inject
    Clock clock;

    @Override
    public RateLimitDecision acquire(RateLimitPolicy policy, String key, int permits) {
        return redis.orElse(() -> shared(policy, key, permits), () -> fallback.acquire(policy, key, permits));
    }

    private RateLimitDecision shared(RateLimitPolicy policy, String key, int permits) {
        long now = clock.millis();
        long window = policy.window().toMillis();
        String windowKey = redis.key("rate", policy.name(), key);
        List<Long> result = redis.client().getScript(StringCodec.INSTANCE).eval(windowKey, RScript.Mode.READ_WRITE, ACQUIRE,
                RScript.ReturnType.MULTI, List.of(windowKey), String.valueOf(now), String.valueOf(window),
                String.valueOf(policy.limit()), now + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()), String.valueOf(permits));
        int used = result.get(1).intValue();
        long resetIn = Math.max(0, result.get(2) + window - now);
        return new RateLimitDecision(result.get(0) == 1L, policy.limit(), Math.max(0, policy.limit() - used),
                Duration.ofMillis(resetIn));
    }
}
