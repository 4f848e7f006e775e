package stream.pika.crate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast the matcher asks Spotify: at most {@code PIKA_CRATE_SPOTIFY_REQUESTS_PER_SECOND} (5) on
 * this node, and not at all while Spotify asked to wait ({@code Retry-After}) or is failing.
 */
@ApplicationScoped
public class SpotifyPacer {

    @Inject
    @ConfigProperty(name = "pika.crate.spotify-requests-per-second", defaultValue = "5")
    double requestsPerSecond;

    private long nextAllowedNanos = System.nanoTime();
    private volatile Instant pausedUntil = Instant.EPOCH;

    /** Whether Spotify may be asked now (not while paused). */
    public boolean open(Instant now) {
        return !now.isBefore(pausedUntil);
    }

    /** Waits (on the job's thread) until the next request keeps the pace. */
    public void await() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long interval = (long) (1_000_000_000L / Math.max(0.01, requestsPerSecond));
            long slot = Math.max(now, nextAllowedNanos);
            nextAllowedNanos = slot + interval;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Spotify asked to wait, or failed: no requests until then. */
    public void pause(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    public Duration failurePause() {
        return Duration.ofSeconds(30);
    }
}
