package stream.pika.platform.control;

import org.junit.jupiter.api.Test;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RateLimiter} must do, in memory (Java) and in Redis (Lua) alike: rolling
 * windows per policy and key, several attempts at once all or none, on a clock the test moves.
 */
abstract class RateLimiterContract {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T20:00:00Z"));

    abstract RateLimiter limiter();

    @Test
    void aRollingWindowPerKey() {
        RateLimiter limiter = limiter();
        RateLimitPolicy threePerMinute = new RateLimitPolicy("contract", 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire(threePerMinute, "client-a").allowed());
            clock.advance(Duration.ofSeconds(10));
        }
        RateLimitDecision refused = limiter.acquire(threePerMinute, "client-a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(limiter.acquire(threePerMinute, "client-b").allowed(), "another key has its own window");
        clock.advance(Duration.ofSeconds(31)); // the first attempt is now more than a minute old
        assertTrue(limiter.acquire(threePerMinute, "client-a").allowed(), "rolling: one slot came free");
        assertFalse(limiter.acquire(threePerMinute, "client-a").allowed());
        assertTrue(limiter.acquire(new RateLimitPolicy("other", 3, Duration.ofMinutes(1)), "client-a").allowed(),
                "another policy has its own window");
    }

    @Test
    void severalAttemptsAtOnceAreAllOrNone() {
        RateLimiter limiter = limiter();
        RateLimitPolicy hundredTwenty = new RateLimitPolicy("contract-bulk", 120, Duration.ofMinutes(1));
        assertTrue(limiter.acquire(hundredTwenty, "client-a", 100).allowed(), "an offline flush of 100");
        assertFalse(limiter.acquire(hundredTwenty, "client-a", 100).allowed(), "a second one does not fit");
        RateLimitDecision small = limiter.acquire(hundredTwenty, "client-a", 20);
        assertTrue(small.allowed(), "the refused 100 took nothing");
        assertEquals(0, small.remaining());
        assertFalse(limiter.acquire(hundredTwenty, "client-a").allowed());
        clock.advance(Duration.ofSeconds(61));
        assertTrue(limiter.acquire(hundredTwenty, "client-a", 120).allowed());
    }
}
