package stream.pika.interactions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Paces TEMPO_FEEDBACK per session, as listener counts are: the first vote after a quiet
 * interval goes out at once (without its sender, as the original), the votes that follow within
 * the interval are folded into one message with the counts as they stand at its end (without
 * the last of their senders). A room of a
 * thousand dancers voting at once gets a few messages, not a thousand.
 */
@ApplicationScoped
public class TempoFeedbackPacer {

    private static final Logger LOG = Logger.getLogger(TempoFeedbackPacer.class.getName());

    /** Per session: when feedback last went out, and whether a folded one is due. */
    private static final class Pace {
        long lastSentMillis = Long.MIN_VALUE / 2;
        boolean flushDue;
        /** The last voter of the folded message does not get it back (the others' votes it does). */
        String lastSender;
    }

    @Inject
    TopicBus bus;

    @Inject
    InteractionStore store;

    @Inject
    InteractionSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "pika.interactions.tempo-feedback-interval", defaultValue = "PT0.5S")
    Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    /** A vote changed the session's counts to {@code counts}. */
    public void voted(String sessionId, TempoCounts counts, String senderConnectionId) {
        long now = clock.millis();
        long wait;
        Pace pace = paces.computeIfAbsent(sessionId, id -> new Pace());
        synchronized (pace) {
            if (pace.flushDue) {
                pace.lastSender = senderConnectionId;
                return; // folded into the flush already scheduled
            }
            wait = pace.lastSentMillis + interval.toMillis() - now;
            if (wait <= 0) {
                pace.lastSentMillis = now;
            } else {
                pace.flushDue = true;
                pace.lastSender = senderConnectionId;
            }
        }
        if (wait <= 0) {
            bus.publish(Topic.session(sessionId), new InteractionMessages.TempoFeedback(sessionId, counts), senderConnectionId);
        } else {
            scheduler.schedule(() -> flush(sessionId, pace), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** The session is over: nothing more to pace. */
    public void forget(String sessionId) {
        paces.remove(sessionId);
    }

    private void flush(String sessionId, Pace pace) {
        if (paces.get(sessionId) != pace) {
            return; // the session ended meanwhile
        }
        try {
            String excluded;
            synchronized (pace) {
                pace.flushDue = false;
                pace.lastSentMillis = clock.millis();
                excluded = pace.lastSender;
            }
            TempoCounts counts = store.tempo(sessionId, clock.instant(), settings.tempoVoteLife());
            bus.publish(Topic.session(sessionId), new InteractionMessages.TempoFeedback(sessionId, counts), excluded);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tempo feedback of session " + sessionId + " not sent", e);
        }
    }
}
