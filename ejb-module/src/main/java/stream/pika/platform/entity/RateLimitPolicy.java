package stream.pika.platform.entity;

import java.time.Duration;

/**
 * A named quota: at most {@code limit} attempts per {@code window} for one key (client IP,
 * client id, account). Several routes may share one policy and so one quota.
 *
 * @param name   the bucket name, part of every key
 * @param limit  attempts per window, at least 1
 * @param window the window length, positive
 */
public record RateLimitPolicy(String name, int limit, Duration window) {

    public RateLimitPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy name required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }
}
