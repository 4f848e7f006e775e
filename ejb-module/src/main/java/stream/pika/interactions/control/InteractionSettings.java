package stream.pika.interactions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Interaction settings (environment: the property name in upper case with '_', e.g.
 * {@code PIKA_INTERACTIONS_TEMPO_VOTE_LIFE=PT2M}). Defaults are the original's figures.
 */
@ApplicationScoped
public class InteractionSettings {

    /** A tempo vote counts this long unless the dancer votes again. */
    @Inject
    @ConfigProperty(name = "pika.interactions.tempo-vote-life", defaultValue = "PT5M")
    Duration tempoVoteLife;

    /** Likes kept per session while their track has no play written yet. */
    @Inject
    @ConfigProperty(name = "pika.interactions.max-pending-likes", defaultValue = "1000")
    int maxPendingLikes;

    public Duration tempoVoteLife() {
        return tempoVoteLife;
    }

    public int maxPendingLikes() {
        return maxPendingLikes;
    }
}
