package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.platform.entity.RateLimitPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rolling windows in this process: each key keeps the times of its allowed attempts within the
 * window (at most the limit), so "10 per minute" holds for any minute, not per calendar slot.
 * Idle keys are swept from time to time, so memory stays proportional to the keys seen within
 * one window.
 */
@ApplicationScoped
@Typed(InMemoryRateLimiter.class)
public class InMemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    /** Allowed attempts of one key, oldest first (a ring of at most {@code limit} times). */
    private static final class Log {
        final long windowMillis;
        final ArrayDeque<Long> times = new ArrayDeque<>();

        Log(long windowMillis) {
            this.windowMillis = windowMillis;
        }

        void forget(long now) {
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
        }
    }

    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();
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
    public RateLimitDecision acquire(RateLimitPolicy policy, String key, int permits) {
        long now = clock.millis();
        long windowMillis = policy.window().toMillis();
        RateLimitDecision[] decision = new RateLimitDecision[1];
        logs.compute(policy.name() + '|' + key, (k, log) -> {
            Log current = log == null ? new Log(windowMillis) : log;
            current.forget(now);
            boolean allowed = current.times.size() + permits <= policy.limit();
            if (allowed) {
                for (int i = 0; i < permits; i++) {
                    current.times.addLast(now);
                }
            }
            long resetIn = current.times.isEmpty() ? windowMillis : current.times.peekFirst() + windowMillis - now;
            decision[0] = new RateLimitDecision(allowed, policy.limit(), policy.limit() - current.times.size(),
                    Duration.ofMillis(resetIn));
            return current;
        });
        if (attempts.incrementAndGet() % SWEEP_EVERY == 0) {
            for (String k : logs.keySet()) {
                logs.computeIfPresent(k, (key2, log) -> {
                    log.forget(now);
                    return log.times.isEmpty() ? null : log;
                });
            }
        }
        return decision[0];
    }

    /** Keys currently tracked (for tests and figures). */
    public int trackedKeys() {
        return logs.size();
    }
}
