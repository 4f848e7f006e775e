package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.live.control.HistoryWriter;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.control.PublishedCounts;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.SessionEvent;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How sets end: by the DJ, when the DJ does not come back within the reconnect grace, or when a
 * set expires (idle too long, or too old). Whichever way, its followers and the lobby hear it and
 * its history is closed, once.
 */
@ApplicationScoped
public class SessionSweeper {

    private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());

    @Inject
    LiveStateStore store;

    @Inject
    TopicBus bus;

    @Inject
    HistoryWriter history;

    @Inject
    LiveSettings settings;

    @Inject
    Clock clock;

    @Inject
    SessionCompanions companions;

    @Inject
    PublishedCounts publishedCounts;

    @Inject
    StageAirtime airtime;

    /** Ends sessions whose DJ did not come back within the grace, and expires stale ones. */
    public void sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (LiveSession session : store.sessions()) {
            try {
                if (graceOver(session, now)) {
                    store.removeIf(session.sessionId(), s -> graceOver(s, now))
                            .ifPresent(s -> finish(s, now, null,
                                    "the DJ did not reconnect within " + settings.reconnectGrace(), SessionEvent.Type.END, false));
                } else if (expired(session, now)) {
                    store.removeIf(session.sessionId(), s -> expired(s, now))
                            .ifPresent(s -> finish(s, now, null, "expired", SessionEvent.Type.EXPIRE, true));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Sweeping session " + session.sessionId() + " failed", e);
            }
        }
        companions.each(c -> c.sweep(now));
    }

    /** After the session left the live state: tell its followers and the lobby, write history. */
    void finish(LiveSession session, Instant now, String excludedConnectionId, String reason,
                SessionEvent.Type event, boolean expired) {
        String sessionId = session.sessionId();
        companions.each(c -> c.sessionFinished(sessionId, session.currentTrack(), now));
        Topic topic = Topic.session(sessionId);
        LiveMessages.SessionEnded ended = new LiveMessages.SessionEnded(sessionId);
        bus.publish(topic, ended, excludedConnectionId);
        bus.publish(Topic.LOBBY, ended, excludedConnectionId);
        if (expired) {
            // Only this session's connections: the original told every DJ app, and each ended its own set.
            bus.publish(topic, new LiveMessages.SessionExpired(sessionId), null);
        }
        airtime.offAir(session, now);
        publishedCounts.forget(sessionId);
        history.closeSession(sessionId, now);
        history.recordEvent(sessionId, event, now, EventDetail.of("reason", reason));
        LOG.info(() -> "Session " + sessionId + " ended: " + reason);
    }

    private boolean graceOver(LiveSession session, Instant now) {
        return session.djDisconnectedAt() != null && !now.isBefore(session.djDisconnectedAt().plus(settings.reconnectGrace()));
    }

    private boolean expired(LiveSession session, Instant now) {
        Duration idle = Duration.between(session.lastActivityAt(), now);
        Duration age = Duration.between(session.startedAt(), now);
        return (idle.compareTo(settings.expiryIdle()) > 0 && age.compareTo(settings.expiryIdleMinAge()) > 0)
                || age.compareTo(settings.expiryMaxAge()) > 0;
    }
}
