package stream.pika.platform.control;

import org.junit.jupiter.api.Test;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryRateLimiterTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T20:00:00Z"));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    private final RateLimitPolicy fivePerQuarterHour = new RateLimitPolicy("auth", 5, Duration.ofMinutes(15));

    @Test
    void allowsTheLimitThenRefusesUntilTheWindowEnds() {
        for (int i = 1; i <= 5; i++) {
            RateLimitDecision decision = limiter.acquire(fivePerQuarterHour, "10.0.0.1");
            assertTrue(decision.allowed(), "attempt " + i);
            assertEquals(5 - i, decision.remaining());
        }
        clock.advance(Duration.ofMinutes(10));
        RateLimitDecision refused = limiter.acquire(fivePerQuarterHour, "10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(Duration.ofMinutes(5), refused.resetIn());
        assertEquals(300, refused.retryAfterSeconds());

        clock.advance(Duration.ofMinutes(5));
        assertTrue(limiter.acquire(fivePerQuarterHour, "10.0.0.1").allowed(), "a new window");
    }

    @Test
    void keysAndPoliciesAreIndependent() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire(fivePerQuarterHour, "10.0.0.1");
        }
        assertFalse(limiter.acquire(fivePerQuarterHour, "10.0.0.1").allowed());
        assertTrue(limiter.acquire(fivePerQuarterHour, "10.0.0.2").allowed());
        assertTrue(limiter.acquire(new RateLimitPolicy("likes", 10, Duration.ofMinutes(1)), "10.0.0.1").allowed());
    }

    @Test
    void finishedWindowsAreSwept() {
        RateLimitPolicy perSecond = new RateLimitPolicy("burst", 1, Duration.ofSeconds(1));
        for (int i = 0; i < 2000; i++) {
            limiter.acquire(perSecond, "client-" + i);
        }
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 2048; i++) {
            limiter.acquire(perSecond, "late-client");
        }
        assertEquals(1, limiter.trackedKeys(), "only the live window is kept");
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertEquals(1, new RateLimitDecision(false, 1, 0, Duration.ofMillis(10)).retryAfterSeconds());
        assertEquals(2, new RateLimitDecision(false, 1, 0, Duration.ofMillis(1001)).retryAfterSeconds());
    }
}
