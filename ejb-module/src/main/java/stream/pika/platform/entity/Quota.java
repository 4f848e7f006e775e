package stream.pika.platform.entity;

import java.time.Duration;

/**
 * The platform's quotas with their defaults. Each can be tuned with
 * {@code pika.ratelimit.<name>.limit} and {@code pika.ratelimit.<name>.window} (ISO-8601 duration).
 */
public enum Quota {
    /** Register, login and token regeneration share one quota per client IP (as the original). */
    AUTH("auth", 5, Duration.ofMinutes(15));

    private final String key;
    private final int defaultLimit;
    private final Duration defaultWindow;

    Quota(String key, int defaultLimit, Duration defaultWindow) {
        this.key = key;
        this.defaultLimit = defaultLimit;
        this.defaultWindow = defaultWindow;
    }

    public String key() {
        return key;
    }

    public RateLimitPolicy defaultPolicy() {
        return new RateLimitPolicy(key, defaultLimit, defaultWindow);
    }
}
