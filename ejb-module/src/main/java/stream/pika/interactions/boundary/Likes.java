package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.InteractionArchive;
import stream.pika.interactions.control.InteractionSettings;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.control.TrackKeys;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.interactions.entity.Liker;
import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.live.boundary.Audience;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.OrderedWrites;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Dancers' likes of the track playing: one per dancer and track, delivered to the DJ's screen
 * (LIKE_RECEIVED) within a per-dancer and a per-address budget, and written to the history once
 * the track's play row exists (a like of a track not yet written waits for it).
 */
@ApplicationScoped
public class Likes {

    static final String TOO_MANY_FROM_ADDRESS = "Rate limit exceeded: too many likes from this network, try again in a minute";

    private static final Logger LOG = Logger.getLogger(Likes.class.getName());

    /** A like whose track has no play written yet. */
    private record PendingLike(Liker liker, String artist, String title, Instant at) {
    }

    @Inject
    LiveSessions sessions;

    @Inject
    Audience audience;

    @Inject
    InteractionStore store;

    @Inject
    InteractionArchive archive;

    @Inject
    OrderedWrites history;

    @Inject
    TopicBus bus;

    @Inject
    RateLimits rateLimits;

    @Inject
    InteractionSettings settings;

    @Inject
    ShadowBanList shadowBans;

    @Inject
    Clock clock;

    private final Map<String, Set<PendingLike>> pendingLikes = new ConcurrentHashMap<>();

    /** SEND_LIKE: one like per dancer and track (normalized artist and title), 10 per minute. */
    public Outcome like(Caller caller, String sessionId, TrackInfo track) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty()) {
            return Outcome.refused("No active session found");
        }
        if (caller.clientId() == null) {
            return Outcome.refused("Client ID required for likes");
        }
        if (!rateLimits.admits(Quota.LIKES, caller.clientId(), 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.LIKES).limit() + "/min)");
        }
        Optional<String> overBudget = likeBudgetRefusal(caller, 1);
        if (overBudget.isPresent()) {
            return Outcome.refused(overBudget.get());
        }
        if (shadowBans.mutes(caller.clientId())) {
            return Outcome.done(); // shadow-banned: answered as usual, kept from everyone
        }
        if (!store.like(session.get(), caller.liker(), trackKey(track))) {
            return Outcome.refused("Already liked this track");
        }
        writeLike(session.get(), new PendingLike(Liker.of(caller), track.artist(), track.title(), now()));
        bus.publish(Topic.session(session.get()), new InteractionMessages.LikeReceived(track), caller.connectionId());
        return Outcome.done();
    }

    /**
     * SEND_BULK_LIKE: the web's offline queue, flushed after a reconnect (at most 100 tracks a
     * frame). The frames have their own quota, and every track counts against the dancer's and
     * the address's like budgets, so a loop of bulk frames cannot flood the DJ's screen.
     */
    public Outcome bulkLike(Caller caller, String sessionId, List<TrackInfo> tracks) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty() || caller.clientId() == null) {
            return Outcome.refused("Session or Client ID missing");
        }
        if (!rateLimits.admits(Quota.BULK_LIKES, caller.clientId(), 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.BULK_LIKES).limit() + " bulk likes/min)");
        }
        Optional<String> overBudget = likeBudgetRefusal(caller, tracks.size());
        if (overBudget.isPresent()) {
            return Outcome.refused(overBudget.get());
        }
        if (shadowBans.mutes(caller.clientId())) {
            return Outcome.done();
        }
        Instant now = now();
        Topic topic = Topic.session(session.get());
        for (TrackInfo track : tracks) {
            if (store.like(session.get(), caller.liker(), trackKey(track))) {
                writeLike(session.get(), new PendingLike(Liker.of(caller), track.artist(), track.title(), now));
                bus.publish(topic, new InteractionMessages.LikeReceived(track), caller.connectionId());
            }
        }
        return Outcome.done();
    }

    /**
     * REMOVE_LIKE: takes the like back (no broadcast, as the original). A signed-in dancer's like
     * is the account's: taken back here, it is gone from every device (and from "Pika! Likes").
     */
    public Outcome removeLike(Caller caller, String sessionId, TrackInfo track) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty() || caller.clientId() == null) {
            return Outcome.refused("Session or Client ID missing");
        }
        if (store.unlike(session.get(), caller.liker(), trackKey(track))) {
            Liker liker = Liker.of(caller);
            Set<PendingLike> pending = pendingLikes.get(session.get());
            boolean wasPending = pending != null && pending.removeIf(p -> p.liker().sameAs(liker)
                    && p.artist().equals(track.artist()) && p.title().equals(track.title()));
            if (!wasPending) {
                Instant at = now();
                history.submit(session.get(), "remove like",
                        () -> archive.removeLike(session.get(), liker, track.artist(), track.title(), at));
            }
        }
        return Outcome.done();
    }

    /** The dancer took the like back from their journal: it no longer counts in the live set either. */
    void takenBack(String sessionId, long accountId, String artist, String title) {
        store.unlike(sessionId, Caller.accountLiker(accountId), TrackKeys.of(artist, title));
    }

    /** The track's play row is queued: the likes that waited for it are written after it. */
    void trackPlayed(String sessionId, TrackInfo track) {
        Set<PendingLike> pending = pendingLikes.get(sessionId);
        if (pending != null) {
            List<PendingLike> playable = new ArrayList<>();
            pending.removeIf(p -> p.artist().equals(track.artist()) && p.title().equals(track.title()) && playable.add(p));
            playable.forEach(p -> writeLike(sessionId, p));
        }
    }

    /** The set is over: likes of tracks it never played are not stored (and said so). */
    void sessionFinished(String sessionId) {
        Set<PendingLike> unlinked = pendingLikes.remove(sessionId);
        if (unlinked != null && !unlinked.isEmpty()) {
            LOG.warning(() -> unlinked.size() + " like(s) of session " + sessionId + " name tracks never played in it; not stored");
        }
    }

    /** The session a like is for: the one named, else (the original's fallback) the one the dancer follows. Must be live. */
    private Optional<String> likedSession(Caller caller, String sessionId) {
        return audience.interactionTarget(caller, sessionId).map(LiveSession::sessionId);
    }

    private void writeLike(String sessionId, PendingLike like) {
        history.submit(sessionId, "record like", () -> {
            if (!archive.recordLike(sessionId, like.liker(), like.artist(), like.title(), like.at())) {
                Set<PendingLike> pending = pendingLikes.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet());
                if (pending.size() < settings.maxPendingLikes()) {
                    pending.add(like); // linked when the track is played
                } else {
                    LOG.warning(() -> "Session " + sessionId + " has " + settings.maxPendingLikes()
                            + " likes of unplayed tracks; dropped one of " + like.artist() + " - " + like.title());
                }
            }
        });
    }

    /**
     * What one dancer, and one address, may deliver to the DJ per window, single and bulk likes
     * together (new client ids do not buy new likes: the address has a budget of its own).
     */
    private Optional<String> likeBudgetRefusal(Caller caller, int likes) {
        if (!rateLimits.admits(Quota.LIKES_DELIVERED, caller.clientId(), likes)) {
            return Optional.of("Rate limit exceeded (max " + rateLimits.policy(Quota.LIKES_DELIVERED).limit() + " likes/min)");
        }
        if (caller.address() != null && !rateLimits.admits(Quota.LIKES_PER_ADDRESS, caller.address(), likes)) {
            return Optional.of(TOO_MANY_FROM_ADDRESS);
        }
        return Optional.empty();
    }

    /** The original's like key: lower case, trimmed, inner whitespace collapsed, {@code artist::title}. */
    static String trackKey(TrackInfo track) {
        return TrackKeys.of(track.artist(), track.title());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
