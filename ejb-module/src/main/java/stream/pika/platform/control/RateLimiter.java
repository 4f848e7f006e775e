package stream.pika.platform.control;

import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

/** Counts attempts per policy and key. Implementations: in memory (one node), Redis (several). */
public interface RateLimiter {

    /** Records one attempt for {@code key} under {@code policy} and says whether it is allowed. */
    RateLimitDecision acquire(RateLimitPolicy policy, String key);
}
