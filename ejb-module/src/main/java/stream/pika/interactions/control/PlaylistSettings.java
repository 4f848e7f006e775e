package stream.pika.interactions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * "Pika! Likes" settings (environment: {@code PIKA_SPOTIFY_SYNC_INTERVAL=PT1S} and so on).
 */
@ApplicationScoped
public class PlaylistSettings {

    /** How often each node looks for dancers with queued playlist changes. */
    @Inject
    @ConfigProperty(name = "pika.spotify.sync-interval", defaultValue = "PT1S")
    Duration syncInterval;

    /** The first wait after Spotify failed (5xx, no answer); doubled at each failure in a row, at most {@link #maxBackoff}. */
    @Inject
    @ConfigProperty(name = "pika.spotify.backoff", defaultValue = "PT2S")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "pika.spotify.max-backoff", defaultValue = "PT10M")
    Duration maxBackoff;

    /** A search hit below this likeness (0 to 1) is not added: the track is "not found on Spotify". */
    @Inject
    @ConfigProperty(name = "pika.spotify.match-threshold", defaultValue = "0.8")
    double matchThreshold;

    public Duration syncInterval() {
        return syncInterval;
    }

    /** The wait after the {@code failures}-th failure in a row. */
    public Duration backoffAfter(int failures) {
        Duration wait = backoff.multipliedBy(1L << Math.min(20, Math.max(0, failures - 1)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    public double matchThreshold() {
        return matchThreshold;
    }
}
