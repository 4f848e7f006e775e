package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.EndTimers;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.interactions.entity.PollRules;
import stream.pika.live.boundary.DjBooth;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.platform.entity.Topic;
import stream.pika.push.boundary.PushNotifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DJ's announcements: one shown per session until it ends or is cancelled, optionally pushed
 * to the phones of the session's followers (within the push quota).
 */
@ApplicationScoped
public class Announcements {

    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

    @Inject
    DjBooth booth;

    @Inject
    LiveSessions sessions;

    @Inject
    InteractionStore store;

    @Inject
    TopicBus bus;

    @Inject
    PushNotifications pushNotifications;

    @Inject
    EndTimers timers;

    @Inject
    Clock clock;

    /** SEND_ANNOUNCEMENT: shown to the session's dancers until {@code endsAt} (the server enforces it). */
    public Outcome announce(Caller caller, String sessionId, String message, Integer durationSeconds, boolean push) {
        Optional<String> invalid = PollRules.announcementProblem(message, durationSeconds);
        if (invalid.isPresent()) {
            return Outcome.refused("Invalid announcement: " + invalid.get());
        }
        Optional<Outcome> refused = booth.refusedUnlessOwner(caller, sessionId, "Unauthorized announcement");
        if (refused.isPresent()) {
            return refused.get();
        }
        // Read once: the set may end meanwhile, and then nothing is announced or pushed.
        Optional<LiveSession> live = sessions.live(sessionId);
        if (live.isEmpty()) {
            return Outcome.refused(DjBooth.SESSION_NOT_FOUND);
        }
        if (push) {
            try {
                pushNotifications.admit(PushNotifications.senderKey(live.get()));
            } catch (RateLimitExceeded e) {
                return Outcome.refused("Rate limit exceeded: too many push notifications, try again in a minute");
            }
        }
        Instant now = now();
        Announcement announcement = new Announcement(message, now, durationSeconds == null ? null : now.plusSeconds(durationSeconds), push);
        store.announce(sessionId, announcement);
        String djName = live.get().djName();
        bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementReceived(sessionId, djName, announcement),
                caller.connectionId());
        if (push) {
            pushNotifications.announce(sessionId, djName, message);
        }
        if (announcement.endsAt() != null) {
            timers.at(announcement.endsAt(), () -> expire(sessionId));
        }
        return Outcome.done();
    }

    /** CANCEL_ANNOUNCEMENT: the announcement disappears from every phone of the session. */
    public Outcome cancelAnnouncement(Caller caller, String sessionId) {
        Optional<Outcome> refused = booth.refusedUnlessOwner(caller, sessionId, "Unauthorized cancel announcement");
        if (refused.isPresent()) {
            return refused.get();
        }
        store.cancelAnnouncement(sessionId);
        bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementCancelled(sessionId), caller.connectionId());
        return Outcome.done();
    }

    /** The announcements shown now, by session id. */
    Map<String, LiveMessages.ActiveAnnouncement> active(Instant now) {
        Map<String, LiveMessages.ActiveAnnouncement> shown = new HashMap<>();
        for (String sessionId : store.announcingSessions()) {
            store.announcement(sessionId).filter(a -> !a.over(now)).ifPresent(a ->
                    shown.put(sessionId, new LiveMessages.ActiveAnnouncement(a.message(), a.timestamp(), a.endsAt())));
        }
        return shown;
    }

    /** Takes down what is over but whose timer was lost (at most once: the store decides atomically). */
    void sweep() {
        store.announcingSessions().forEach(this::expire);
    }

    private void expire(String sessionId) {
        try {
            store.expireAnnouncement(sessionId, clock.instant()).ifPresent(a ->
                    bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementCancelled(sessionId), null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Expiring the announcement of session " + sessionId + " failed", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
