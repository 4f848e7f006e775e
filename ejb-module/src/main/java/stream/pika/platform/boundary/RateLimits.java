package stream.pika.platform.boundary;

import stream.pika.platform.entity.RateLimitExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import stream.pika.platform.control.RateLimiter;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/** The one place every rate limit is enforced, whatever the key (client IP, client id, account). */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    RateLimiter limiter;

    @Inject
    Config config;

    private final Map<Quota, RateLimitPolicy> policies = new EnumMap<>(Quota.class);

    /** The policy in force for a quota: its defaults, overridden by configuration. */
    public RateLimitPolicy policy(Quota quota) {
        synchronized (policies) {
            return policies.computeIfAbsent(quota, this::configured);
        }
    }

    /**
     * Counts one attempt and refuses it when the quota is used up.
     *
     * @throws RateLimitExceeded when the key has no attempts left in the current window
     */
    public RateLimitDecision enforce(Quota quota, String key) {
        return enforce(quota, key, 1);
    }

    /**
     * Counts {@code permits} attempts at once (all or none).
     *
     * @throws RateLimitExceeded when they do not all fit in the current window
     */
    public RateLimitDecision enforce(Quota quota, String key, int permits) {
        RateLimitDecision decision = acquire(quota, key, permits);
        if (!decision.allowed()) {
            throw new RateLimitExceeded(decision);
        }
        return decision;
    }

    /** Counts {@code permits} attempts at once (all or none): true when they fit, false when the quota is used up. */
    public boolean admits(Quota quota, String key, int permits) {
        return acquire(quota, key, permits).allowed();
    }

    private RateLimitDecision acquire(Quota quota, String key, int permits) {
        RateLimitDecision decision = limiter.acquire(policy(quota), key, permits);
        if (!decision.allowed()) {
            LOG.fine(() -> "Rate limit " + quota.key() + " reached for " + key);
        }
        return decision;
    }

    private RateLimitPolicy configured(Quota quota) {
        RateLimitPolicy defaults = quota.defaultPolicy();
        String prefix = "pika.ratelimit." + quota.key();
        int limit = config.getOptionalValue(prefix + ".limit", Integer.class).orElse(defaults.limit());
        Duration window = config.getOptionalValue(prefix + ".window", String.class)
                .map(Duration::parse).orElse(defaults.window());
        RateLimitPolicy policy = new RateLimitPolicy(quota.key(), limit, window);
        LOG.info(() -> "Rate limit " + quota.key() + ": " + policy.limit() + " per " + policy.window());
        return policy;
    }
}
