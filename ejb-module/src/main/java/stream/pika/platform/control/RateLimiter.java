package stream.pika.platform.control;

import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

/** Counts attempts per policy and key. Implementations: in memory (one node), Redis (several). */
public interface RateLimiter {

    /** Records one attempt for {@code key} under {@code policy} and says whether it is allowed. */
    default RateLimitDecision acquire(RateLimitPolicy policy, String key) {
        return acquire(policy, key, 1);
    }

    /**
     * Records {@code permits} attempts at once (a bulk frame's likes), all or none: allowed only
     * when all of them fit in the window.
     */
    RateLimitDecision acquire(RateLimitPolicy policy, String key, int permits);
}
