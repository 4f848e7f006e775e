package stream.pika.platform.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuotaTest {

    @Test
    void authQuotaIsTheOriginals() {
        assertEquals(new RateLimitPolicy("auth", 5, Duration.ofMinutes(15)), Quota.AUTH.defaultPolicy());
    }

    @Test
    void policiesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("x", 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(" ", 1, Duration.ofSeconds(1)));
    }
}
