package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.DjProfile;
import stream.pika.live.control.HistoryWriter;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.control.SessionArchive;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.SessionEvent;
import stream.pika.live.entity.SessionViews;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.WireFormat;
import stream.pika.platform.entity.RenderedMessage;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live sessions: a DJ goes live, broadcasts what is playing, ends the set; dancers follow a
 * session and get its news. Every /ws message about sessions lands here; replies go back in the
 * {@link Outcome}, news goes out through the {@link TopicBus} (session topic, or the lobby for
 * connections that follow no session), history goes to the database through the
 * {@link HistoryWriter}, never on this thread.
 */
@ApplicationScoped
public class LiveSessions {

    public static final int CLOSE_AUTHENTICATION = 4001;
    public static final int CLOSE_NOT_YOURS = 4003;
    public static final int CLOSE_BUSY = 1013;
    static final String NOT_FOUND = "Session not found";

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    /** A dancer's connection following a session. */
    private record Following(String sessionId, String clientId) {
    }

    @Inject
    LiveStateStore store;

    @Inject
    TopicBus bus;

    @Inject
    HistoryWriter history;

    @Inject
    SessionArchive archive;

    @Inject
    DjAccounts accounts;

    @Inject
    LiveSettings settings;

    @Inject
    RateLimits rateLimits;

    @Inject
    Clock clock;

    @Inject
    Instance<SessionCompanion> companions;

    /** Connections of this node that registered a session (connection id to session id). */
    private final Map<String, String> djConnections = new ConcurrentHashMap<>();
    /** Connections of this node following a session. */
    private final Map<String, Following> following = new ConcurrentHashMap<>();
    /** The listener count last sent per session, so an unchanged count is not sent again. */
    private final Map<String, Integer> publishedCounts = new ConcurrentHashMap<>();

    // ---- connections

    /** A new connection starts in the lobby, where session starts and ends are announced. */
    public void connected(Outbox connection) {
        bus.open(connection);
        bus.join(connection.id(), Topic.LOBBY);
    }

    /** The connection is gone: a DJ's session waits out the reconnect grace, a dancer lingers in the count. */
    public void disconnected(Caller caller) {
        Instant now = now();
        bus.close(caller.connectionId());
        String sessionId = djConnections.remove(caller.connectionId());
        if (sessionId != null) {
            store.update(sessionId, s -> s.ownedBy(caller.connectionId()) ? s.djGone(now) : s)
                    .filter(s -> s.djDisconnectedAt() != null && s.ownerConnectionId().equals(caller.connectionId()))
                    .ifPresent(s -> {
                        LOG.info(() -> "DJ of session " + sessionId + " disconnected; waiting " + settings.reconnectGrace() + " for a reconnect");
                        history.recordEvent(sessionId, SessionEvent.Type.DISCONNECT, now, json("reason", "connection closed"));
                    });
        }
        Following follow = following.remove(caller.connectionId());
        if (follow != null && follow.clientId() != null) {
            store.removeListener(follow.sessionId(), follow.clientId(), now);
        }
    }

    // ---- the DJ

    /**
     * REGISTER_SESSION: needs a valid DJ token (unless anonymous DJs are allowed). Starts the
     * session, or resumes it when the same DJ account registers it again (a reconnect).
     */
    public Outcome register(Caller caller, String requestedId, String requestedName, String token, String clientVersion) {
        Instant now = now();
        Optional<DjProfile> dj = Optional.empty();
        if (token == null || token.isEmpty()) {
            if (!settings.allowAnonymousDjs()) {
                return Outcome.refusedAndClosed("Authentication required", CLOSE_AUTHENTICATION);
            }
        } else {
            dj = accounts.authenticate(token);
            if (dj.isEmpty()) {
                return Outcome.refusedAndClosed("Invalid token", CLOSE_AUTHENTICATION);
            }
        }
        Long djId = dj.map(DjProfile::id).orElse(null);
        String djName = dj.map(DjProfile::displayName).orElse(requestedName == null ? "DJ" : requestedName);
        String sessionId = requestedId == null ? "session_" + now.toEpochMilli() : requestedId;
        if (!storedSessionMayBeUsedBy(sessionId, djId)) {
            return Outcome.refusedAndClosed("Session belongs to another DJ", CLOSE_NOT_YOURS);
        }
        Optional<String> overLimit = sessionLimitRefusal(caller, sessionId, djId);
        if (overLimit.isPresent()) {
            LOG.warning(() -> "Refused session " + sessionId + " to " + describe(djId) + ": " + overLimit.get());
            return Outcome.refusedAndClosed(overLimit.get(), CLOSE_BUSY);
        }
        LiveStateStore.Registration registration =
                store.register(sessionId, djId, djName, caller.connectionId(), now, settings.maxSessions());
        switch (registration.kind()) {
            case FULL -> {
                LOG.warning(() -> "Refused session " + sessionId + ": " + settings.maxSessions() + " sessions are live");
                return Outcome.refusedAndClosed("Server busy (max sessions reached)", CLOSE_BUSY);
            }
            case TAKEN -> {
                LOG.warning(() -> "Refused session " + sessionId + " to " + describe(djId) + ": it belongs to another DJ");
                return Outcome.refusedAndClosed("Session belongs to another DJ", CLOSE_NOT_YOURS);
            }
            case STARTED -> {
                enterSession(caller.connectionId(), sessionId, now);
                history.openSession(sessionId, djId, djName, now);
                history.recordEvent(sessionId, SessionEvent.Type.CONNECT, now, json("clientVersion",
                        clientVersion == null ? "0.3.0" : clientVersion));
                LiveMessages.SessionStarted started = new LiveMessages.SessionStarted(sessionId, djName, now);
                bus.publish(Topic.LOBBY, started, caller.connectionId());
                bus.publish(Topic.session(sessionId), started, caller.connectionId());
                LOG.info(() -> "Session " + sessionId + " started by " + describe(djId));
            }
            case RESUMED -> {
                enterSession(caller.connectionId(), sessionId, now);
                history.recordEvent(sessionId, SessionEvent.Type.RECONNECT, now, json("clientVersion",
                        clientVersion == null ? "0.3.0" : clientVersion));
                LOG.info(() -> "Session " + sessionId + " resumed by " + describe(djId));
            }
        }
        return Outcome.done(new LiveMessages.SessionRegistered(sessionId, djId != null, djName));
    }

    /** BROADCAST_TRACK: the new track goes to the session's dancers (not back to the DJ). */
    public Outcome broadcastTrack(Caller caller, String sessionId, TrackInfo track, String messageId) {
        Instant now = now();
        Optional<Outcome> refused = refusedUnlessOwner(caller, sessionId, "Unauthorized track broadcast");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!store.tryBroadcastSlot(sessionId, now, settings.broadcastMinInterval())) {
            return Outcome.refused("Rate limit exceeded (wait 5s)");
        }
        if (messageId != null && !store.firstSighting(sessionId, messageId, now, settings.messageIdTtl())) {
            return Outcome.done();
        }
        Optional<LiveStateStore.Changed> changed = store.change(sessionId, s -> s.playing(track, now));
        if (changed.isEmpty()) {
            return Outcome.refused(NOT_FOUND);
        }
        TrackInfo previous = changed.get().before().currentTrack();
        // The play is queued for the history before anyone hears of it, so a like of it is written after it.
        history.recordTrack(sessionId, track, now);
        eachCompanion(c -> c.trackPlayed(sessionId, previous, track, now));
        Topic topic = Topic.session(sessionId);
        if (previous != null && !previous.sameTrackAs(track)) {
            bus.publish(topic, new LiveMessages.TempoReset(sessionId), caller.connectionId());
        }
        bus.publish(topic, new LiveMessages.NowPlaying(sessionId, changed.get().after().djName(), track), caller.connectionId());
        return Outcome.done();
    }

    /** METADATA_UPDATED: late analysis (BPM, key) of the track that is playing. */
    public Outcome updateMetadata(Caller caller, String sessionId, TrackInfo track) {
        Instant now = now();
        Optional<Outcome> refused = refusedUnlessOwner(caller, sessionId, "Unauthorized metadata update");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<LiveStateStore.Changed> changed = store.change(sessionId,
                s -> track.sameTrackAs(s.currentTrack()) ? s.playing(track, now) : s);
        TrackInfo playing = changed.map(c -> c.before().currentTrack()).orElse(null);
        if (playing == null) {
            return Outcome.done(); // nothing plays: a late update of a stopped track is moot
        }
        if (!track.sameTrackAs(playing)) {
            return Outcome.refused("Track is not the one playing");
        }
        bus.publish(Topic.session(sessionId), new LiveMessages.MetadataUpdated(sessionId, track), caller.connectionId());
        history.updateAnalysis(sessionId, track);
        return Outcome.done();
    }

    /** TRACK_STOPPED: nothing plays now. */
    public Outcome stopTrack(Caller caller, String sessionId) {
        Instant now = now();
        Optional<Outcome> refused = refusedUnlessOwner(caller, sessionId, "Unauthorized track stop");
        if (refused.isPresent()) {
            return refused.get();
        }
        store.update(sessionId, s -> s.stopped(now));
        bus.publish(Topic.session(sessionId), new LiveMessages.TrackStopped(sessionId), caller.connectionId());
        return Outcome.done();
    }

    /** END_SESSION: the set is over for everyone following it. */
    public Outcome endSession(Caller caller, String sessionId) {
        Instant now = now();
        Optional<Outcome> refused = refusedUnlessOwner(caller, sessionId, "Unauthorized end session");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<LiveSession> ended = store.removeIf(sessionId, s -> s.ownedBy(caller.connectionId()));
        if (ended.isEmpty()) {
            return Outcome.refused(NOT_FOUND);
        }
        djConnections.remove(caller.connectionId(), sessionId);
        finish(ended.get(), now, caller.connectionId(), "ended by the DJ", SessionEvent.Type.END, false);
        bus.leave(caller.connectionId(), Topic.session(sessionId));
        bus.join(caller.connectionId(), Topic.LOBBY);
        return Outcome.done();
    }

    // ---- dancers and everyone

    /**
     * SUBSCRIBE: follow a session (leaving the lobby), counted by client id; the answer brings a
     * late joiner up to date: the lean session list, the listener count, then either
     * SESSION_ENDED (the set is over) or what is playing.
     */
    public Outcome subscribe(Caller caller, String sessionId) {
        List<Object> replies = new ArrayList<>();
        replies.add(leanSessionsList());
        if (sessionId == null) {
            return Outcome.done(replies);
        }
        Instant now = now();
        Following target = new Following(sessionId, caller.clientId());
        Following before = following.put(caller.connectionId(), target);
        if (before == null) {
            bus.leave(caller.connectionId(), Topic.LOBBY);
        } else if (!before.equals(target)) {
            bus.leave(caller.connectionId(), Topic.session(before.sessionId()));
            if (before.clientId() != null) {
                store.removeListener(before.sessionId(), before.clientId(), now);
            }
        }
        bus.join(caller.connectionId(), Topic.session(sessionId));
        LiveStateStore.Joined joined = caller.clientId() != null && !target.equals(before)
                ? store.addListener(sessionId, caller.clientId(), now, settings.listenerLinger())
                : new LiveStateStore.Joined(store.listenerCount(sessionId, now, settings.listenerLinger()), store.session(sessionId));
        replies.add(new LiveMessages.ListenerCount(sessionId, joined.listeners()));
        Optional<LiveSession> live = joined.session();
        if (live.isEmpty()) {
            replies.add(new LiveMessages.SessionEnded(sessionId));
        } else {
            if (live.get().currentTrack() != null) {
                replies.add(new LiveMessages.NowPlaying(sessionId, live.get().djName(), live.get().currentTrack()));
            }
            eachCompanion(c -> replies.addAll(c.lateJoiner(live.get(), caller.clientId(), now)));
        }
        return Outcome.done(replies);
    }

    private record LeanList(List<LiveMessages.SessionBrief> sessions, RenderedMessage message) {
    }

    /** The lean list as last rendered: a crowd's SUBSCRIBEs share one text instead of serializing every session each. */
    private volatile LeanList leanList = new LeanList(List.of(), null);

    private RenderedMessage leanSessionsList() {
        List<LiveMessages.SessionBrief> briefs = store.sessions().stream().map(LiveMessages.SessionBrief::of).toList();
        LeanList last = leanList;
        if (last.message() != null && last.sessions().equals(briefs)) {
            return last.message();
        }
        RenderedMessage rendered = new RenderedMessage(WireFormat.toJson(new LiveMessages.SessionsList(briefs)));
        leanList = new LeanList(briefs, rendered);
        return rendered;
    }

    private record FullList(List<LiveMessages.SessionSummary> sessions, RenderedMessage message) {
    }

    /** The full list as last rendered: rendered again only when a session or an announcement changed. */
    private volatile FullList fullList = new FullList(List.of(), null);

    /** GET_SESSIONS: every live session in full (never acknowledged, as the original). */
    public Outcome sessionsList(Caller caller) {
        try {
            rateLimits.enforce(Quota.SESSIONS_LIST, caller.connectionId());
        } catch (RateLimitExceeded e) {
            return Outcome.refused("Rate limit exceeded (max " + e.decision().limit() + " session lists/min)");
        }
        List<LiveMessages.SessionSummary> summaries = summaries();
        FullList last = fullList;
        if (last.message() == null || !last.sessions().equals(summaries)) {
            last = new FullList(summaries, new RenderedMessage(WireFormat.toJson(new LiveMessages.SessionsList(summaries))));
            fullList = last;
        }
        return Outcome.unacknowledged(last.message());
    }

    /** VALIDATE_SESSION: is the set still live (a DJ in its reconnect grace counts as live)? */
    public Outcome validate(String sessionId) {
        return Outcome.done(new LiveMessages.SessionValid(sessionId, store.session(sessionId).isPresent()));
    }

    public Outcome ping() {
        return Outcome.done(new LiveMessages.Pong());
    }

    /** Every live session, as {@code GET /api/sessions} and GET_SESSIONS show them. */
    public List<LiveMessages.SessionSummary> summaries() {
        Instant now = now();
        Map<String, LiveMessages.ActiveAnnouncement> announcements = new HashMap<>();
        eachCompanion(c -> announcements.putAll(c.activeAnnouncements(now)));
        return store.sessions().stream()
                .map(s -> LiveMessages.SessionSummary.of(s, announcements.get(s.sessionId())))
                .toList();
    }

    /** {@code GET /api/sessions/active}: the live sets with their listener counts. */
    public SessionViews.ActiveSessions active() {
        Instant now = now();
        return SessionViews.ActiveSessions.of(store.sessions().stream().map(s -> {
            int listeners = store.listenerCount(s.sessionId(), now, settings.listenerLinger());
            TrackInfo track = s.currentTrack();
            return new SessionViews.ActiveSession(s.sessionId(), s.djName(), s.startedAt(),
                    track == null ? null : new SessionViews.ActiveTrack(track.title(), track.artist(), track.bpm()),
                    listeners, Math.min(1.0, listeners * 0.05));
        }).toList());
    }

    public int liveCount() {
        return store.sessionCount();
    }

    // ---- timers

    /** Ends sessions whose DJ did not come back within the grace, and expires stale ones. */
    public void sweep() {
        Instant now = now();
        for (LiveSession session : store.sessions()) {
            try {
                if (session.djDisconnectedAt() != null
                        && !now.isBefore(session.djDisconnectedAt().plus(settings.reconnectGrace()))) {
                    store.removeIf(session.sessionId(), s -> s.djDisconnectedAt() != null
                                    && !now.isBefore(s.djDisconnectedAt().plus(settings.reconnectGrace())))
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
        eachCompanion(c -> c.sweep(now));
    }

    /**
     * Sends LISTENER_COUNT to each session whose count changed since it was last sent. With
     * several nodes only the node of the session's DJ connection sends it, so dancers get it once.
     */
    public void publishListenerCounts() {
        Instant now = now();
        String node = NodeIdentity.nodeId() + "-";
        List<String> ours = store.sessions().stream()
                .filter(session -> session.ownerConnectionId().startsWith(node))
                .map(LiveSession::sessionId)
                .toList();
        store.listenerCounts(ours, now, settings.listenerLinger()).forEach((sessionId, count) -> {
            Integer before = publishedCounts.put(sessionId, count);
            if (before == null ? count > 0 : !before.equals(count)) {
                bus.publish(Topic.session(sessionId), new LiveMessages.ListenerCount(sessionId, count), null);
            }
        });
        // Forget the sessions that ended (read only for those missing from the list, which may be a second behind).
        Set<String> listed = Set.copyOf(ours);
        publishedCounts.keySet().removeIf(id -> !listed.contains(id) && store.session(id).isEmpty());
    }

    /** This node is alive (every {@link LiveStateStore#HEARTBEAT_INTERVAL}): its dancers keep counting. */
    public void heartbeat() {
        store.heartbeat();
    }

    /** The live session, if it is live (a DJ in the reconnect grace counts). */
    public Optional<LiveSession> live(String sessionId) {
        return store.session(sessionId);
    }

    /** The live sessions this DJ account registered (usually one). */
    public List<LiveSession> liveSetsOf(long djId) {
        return store.sessions().stream().filter(s -> Long.valueOf(djId).equals(s.djId())).toList();
    }

    /** The session this connection follows (SUBSCRIBE), if any. */
    public Optional<String> followedBy(String connectionId) {
        return Optional.ofNullable(following.get(connectionId)).map(Following::sessionId);
    }

    // ---- rules and helpers

    /**
     * Only the connection that owns a live session may act for its DJ: empty when this one may,
     * else the refusal to answer ({@code Session not found}, or {@code unauthorized}).
     */
    public Optional<Outcome> refusedUnlessOwner(Caller caller, String sessionId, String unauthorized) {
        Optional<LiveSession> live = store.session(sessionId);
        if (live.isEmpty()) {
            return Optional.of(Outcome.refused(NOT_FOUND));
        }
        return live.get().ownedBy(caller.connectionId()) ? Optional.empty() : Optional.of(Outcome.refused(unauthorized));
    }

    private boolean expired(LiveSession session, Instant now) {
        Duration idle = Duration.between(session.lastActivityAt(), now);
        Duration age = Duration.between(session.startedAt(), now);
        return (idle.compareTo(settings.expiryIdle()) > 0 && age.compareTo(settings.expiryIdleMinAge()) > 0)
                || age.compareTo(settings.expiryMaxAge()) > 0;
    }

    /** After the session left the live state: tell its followers and the lobby, write history. */
    private void finish(LiveSession session, Instant now, String excludedConnectionId, String reason,
                        SessionEvent.Type event, boolean expired) {
        String sessionId = session.sessionId();
        eachCompanion(c -> c.sessionFinished(sessionId, session.currentTrack(), now));
        Topic topic = Topic.session(sessionId);
        LiveMessages.SessionEnded ended = new LiveMessages.SessionEnded(sessionId);
        bus.publish(topic, ended, excludedConnectionId);
        bus.publish(Topic.LOBBY, ended, excludedConnectionId);
        if (expired) {
            // Only this session's connections: the original told every DJ app, and each ended its own set.
            bus.publish(topic, new LiveMessages.SessionExpired(sessionId), null);
        }
        publishedCounts.remove(sessionId);
        history.closeSession(sessionId, now);
        history.recordEvent(sessionId, event, now, json("reason", reason));
        LOG.info(() -> "Session " + sessionId + " ended: " + reason);
    }

    /** A companion that fails is logged; the session's own news (NOW_PLAYING, SESSION_ENDED) still goes out. */
    private void eachCompanion(Consumer<SessionCompanion> call) {
        for (SessionCompanion companion : companions) {
            try {
                call.accept(companion);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Session companion " + companion.getClass().getSimpleName() + " failed", e);
            }
        }
    }

    private void enterSession(String connectionId, String sessionId, Instant now) {
        String before = djConnections.put(connectionId, sessionId);
        if (before != null && !before.equals(sessionId)) {
            // The DJ app moved on to another session on this connection: the old one waits out
            // the reconnect grace as if the connection had dropped.
            bus.leave(connectionId, Topic.session(before));
            store.update(before, s -> s.ownedBy(connectionId) ? s.djGone(now) : s);
        }
        bus.leave(connectionId, Topic.LOBBY);
        bus.join(connectionId, Topic.session(sessionId));
    }

    /**
     * One account, and one connection, may hold only a few live sessions at once, so nobody can
     * fill the node's {@code max-sessions} alone. Resuming a session already held is always fine.
     */
    private Optional<String> sessionLimitRefusal(Caller caller, String sessionId, Long djId) {
        Collection<LiveSession> live = store.sessions();
        if (live.stream().anyMatch(s -> s.sessionId().equals(sessionId))) {
            return Optional.empty();
        }
        if (djId != null && live.stream().filter(s -> djId.equals(s.djId())).count() >= settings.maxSessionsPerDj()) {
            return Optional.of("Too many live sessions for this DJ account (max " + settings.maxSessionsPerDj() + ")");
        }
        // Sessions this connection moved on from still count while they wait out their grace.
        if (live.stream().filter(s -> s.ownerConnectionId().equals(caller.connectionId())).count()
                >= settings.maxSessionsPerConnection()) {
            return Optional.of("Too many live sessions on this connection (max " + settings.maxSessionsPerConnection() + ")");
        }
        return Optional.empty();
    }

    /** A session id already in the history may only be used again by the DJ who registered it. */
    private boolean storedSessionMayBeUsedBy(String sessionId, Long djId) {
        try {
            return archive.ownerOf(sessionId).map(owner -> djId == null ? owner.djId() == null : djId.equals(owner.djId()))
                    .orElse(true);
        } catch (RuntimeException e) {
            // The database is down: the live state still guards ownership; history catches up later.
            LOG.warning(() -> "Could not check the stored owner of session " + sessionId + ": " + e.getMessage());
            return true;
        }
    }

    private static String describe(Long djId) {
        return djId == null ? "an anonymous DJ" : "DJ account " + djId;
    }

    private static String json(String key, String value) {
        return WireFormat.jsonp().createObjectBuilder().add(key, value).build().toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
