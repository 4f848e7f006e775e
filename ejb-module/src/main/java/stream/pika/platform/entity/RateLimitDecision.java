package stream.pika.platform.entity;

import java.time.Duration;

/**
 * The outcome of one attempt against a rate limit.
 *
 * @param allowed   whether the attempt may go ahead
 * @param limit     attempts allowed per window
 * @param remaining attempts left in the current window after this one
 * @param resetIn   time until the current window ends (when a refused caller may retry)
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, Duration resetIn) {

    /** Whole seconds until the window resets, at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long millis = resetIn.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
