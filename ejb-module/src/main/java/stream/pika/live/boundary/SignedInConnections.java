package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.boundary.EventAnnouncements;
import stream.pika.events.boundary.Events;
import stream.pika.events.entity.AnnouncementRequest;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.Outcome;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.platform.entity.Topic;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Live connections that said who they are: AUTHENTICATE with an account's token (an organizer's
 * dashboard, say), or a DJ's connection that registered its session with one. What such a
 * connection may do is decided when it acts, with the account's roles as they are then.
 */
@ApplicationScoped
public class SignedInConnections {

    public static final String INVALID_TOKEN = "Invalid token";
    private static final Logger LOG = Logger.getLogger(SignedInConnections.class.getName());

    @Inject
    DjAccounts accounts;

    @Inject
    DjBooth booth;

    @Inject
    RateLimits rateLimits;

    @Inject
    EventAnnouncements eventAnnouncements;

    @Inject
    Events events;

    @Inject
    TopicBus bus;

    @Inject
    StageAirtime airtime;

    /** Dashboard connections of this node and the stages of the event each watches. */
    private final Map<String, Set<Long>> watching = new ConcurrentHashMap<>();

    /** Connections of this node authenticated with AUTHENTICATE (connection id to account id). */
    private final Map<String, Long> users = new ConcurrentHashMap<>();

    /** AUTHENTICATE {token}: the connection acts for the token's account from now on (a bad token changes nothing). */
    public Outcome authenticate(Caller caller, String token) {
        if (!rateLimits.admits(Quota.WS_AUTHENTICATE, caller.connectionId(), 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.WS_AUTHENTICATE).limit() + " per minute)");
        }
        Optional<SignedInUser> user = token == null ? Optional.empty() : accounts.authenticate(token);
        if (user.isEmpty()) {
            return Outcome.refused(INVALID_TOKEN);
        }
        users.put(caller.connectionId(), user.get().profile().id());
        LOG.fine(() -> "Connection " + caller.connectionId() + " authenticated as account " + user.get().profile().id());
        return Outcome.done();
    }

    /**
     * The account the connection acts for: the one it authenticated as, else the signed-in
     * browser's (a page of this platform opened it), else its DJ's session's.
     */
    public Optional<Long> userOf(Caller caller) {
        Long user = users.get(caller.connectionId());
        if (user != null) {
            return Optional.of(user);
        }
        return caller.signedIn() ? Optional.of(caller.accountId()) : booth.djOf(caller.connectionId());
    }

    /** SEND_EVENT_ANNOUNCEMENT: as {@code POST /api/events/{id}/announcements}, for the connection's account. */
    public Outcome announceToEvent(Caller caller, long eventId, AnnouncementRequest request) {
        Optional<Long> user = userOf(caller);
        if (user.isEmpty()) {
            return Outcome.refused(EventAnnouncements.UNAUTHORIZED);
        }
        try {
            eventAnnouncements.announceAs(user.get(), eventId, request);
            return Outcome.done();
        } catch (RateLimitExceeded e) {
            return Outcome.refused("Rate limit exceeded (try again in " + e.decision().retryAfterSeconds() + "s)");
        } catch (PikaException e) {
            return Outcome.refused(e.getMessage());
        }
    }

    /**
     * WATCH_EVENT: an organizer's dashboard follows everything of its event as it happens: every
     * schedule change in full, bookings, announcements (the event's staff topic), and what is on
     * air on each of its stages (whoever plays there: SESSION_STARTED, NOW_PLAYING,
     * LISTENER_COUNT, SESSION_ENDED, STAGE_IDLE) without counting as a listener. It leaves the
     * lobby: the platform's other sets are no news to it.
     */
    public Outcome watchEvent(Caller caller, long eventId) {
        Optional<Long> user = userOf(caller);
        if (user.isEmpty() || !events.organizedBy(eventId, user.get())) {
            return Outcome.refused(EventAnnouncements.UNAUTHORIZED);
        }
        bus.join(caller.connectionId(), Topic.eventStaff(eventId));
        Set<Long> stages = Set.copyOf(events.stageIds(eventId));
        watching.put(caller.connectionId(), stages);
        stages.forEach(stageId -> bus.join(caller.connectionId(), Topic.stage(stageId)));
        airtime.reconcile(stages);
        bus.leave(caller.connectionId(), Topic.LOBBY);
        return Outcome.done();
    }

    /** The stages this node's dashboards watch (their relays are kept like those of followed stages). */
    Set<Long> stagesWatchedHere() {
        Set<Long> stages = new HashSet<>();
        watching.values().forEach(stages::addAll);
        return stages;
    }

    void disconnected(String connectionId) {
        users.remove(connectionId);
        watching.remove(connectionId);
    }
}
