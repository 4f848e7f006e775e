package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window counters in this process. Finished windows are swept from time to time, so memory
 * stays proportional to the keys seen within one window.
 */
@ApplicationScoped
public class InMemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private record Window(long startMillis, long endMillis, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private Clock clock;

    protected InMemoryRateLimiter() {
        // for CDI
    }

    @Inject
    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitDecision acquire(RateLimitPolicy policy, String key) {
        long now = clock.millis();
        long windowMillis = policy.window().toMillis();
        Window window = windows.compute(policy.name() + '|' + key, (k, current) ->
                current == null || now >= current.endMillis()
                        ? new Window(now, now + windowMillis, 1)
                        : new Window(current.startMillis(), current.endMillis(), current.count() + 1));
        if (attempts.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> now >= w.endMillis());
        }
        boolean allowed = window.count() <= policy.limit();
        int remaining = Math.max(0, policy.limit() - window.count());
        return new RateLimitDecision(allowed, policy.limit(), remaining, Duration.ofMillis(window.endMillis() - now));
    }

    /** Keys currently tracked (for tests and figures). */
    public int trackedKeys() {
        return windows.size();
    }
}
