package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.events.boundary.Stages;
import stream.pika.events.entity.StageAdmission;
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
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What the DJ does with a live session: goes live (or resumes after a reconnect), broadcasts the
 * track playing, updates its analysis, stops it, ends the set. Only the connection that owns a
 * session acts for its DJ. Replies go back in the {@link Outcome}, news goes out through the
 * {@link TopicBus}, history through the {@link HistoryWriter}, never on this thread.
 */
@ApplicationScoped
public class DjBooth {

    public static final int CLOSE_AUTHENTICATION = 4001;
    public static final int CLOSE_NOT_YOURS = 4003;
    public static final int CLOSE_BUSY = 1013;
    /** The refusal for a session that is not live (the original's wording). */
    public static final String SESSION_NOT_FOUND = "Session not found";
    /** Refusals of going live on a stage (NACKs: the DJ app may try again, or without a stage). */
    public static final String STAGE_NOT_FOUND = "Stage not found";
    public static final String STAGE_TAKEN = "Stage already has active DJ";
    public static final String NOT_BOOKED = "Not booked on this stage";
    public static final String ON_ANOTHER_STAGE = "Session is live on another stage";

    private static final Logger LOG = Logger.getLogger(DjBooth.class.getName());

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
    Clock clock;

    @Inject
    SessionCompanions companions;

    @Inject
    SessionSweeper sweeper;

    @Inject
    ShadowBanList shadowBans;

    @Inject
    Stages stages;

    @Inject
    StageAirtime airtime;

    /** Connections of this node that registered a session (connection id to session id). */
    private final Map<String, String> djConnections = new ConcurrentHashMap<>();

    /**
     * REGISTER_SESSION: needs a valid DJ token (unless anonymous DJs are allowed). Starts the
     * session, or resumes it when the same DJ account registers it again (a reconnect).
     */
    public Outcome register(Caller caller, String requestedId, String requestedName, String token, String clientVersion) {
        return register(caller, requestedId, requestedName, token, clientVersion, null);
    }

    /**
     * REGISTER_SESSION, on a stage when {@code stageId} is given: the stage must exist and be on,
     * the DJ booked there now (or within 30 minutes) unless the stage is open, and no other live
     * session may hold it.
     */
    public Outcome register(Caller caller, String requestedId, String requestedName, String token, String clientVersion,
                            Long stageId) {
        Instant now = now();
        Optional<DjProfile> dj = Optional.empty();
        if (token == null || token.isEmpty()) {
            if (!settings.allowAnonymousDjs()) {
                return Outcome.refusedAndClosed("Authentication required", CLOSE_AUTHENTICATION);
            }
        } else {
            // A shadow-banned DJ gets the answer of a bad token: nothing to tell it apart.
            dj = accounts.authenticateDj(token).filter(profile -> !shadowBans.mutesUser(profile.id()));
            if (dj.isEmpty()) {
                return Outcome.refusedAndClosed("Invalid token", CLOSE_AUTHENTICATION);
            }
        }
        Long djId = dj.map(DjProfile::id).orElse(null);
        if (stageId != null) {
            StageAdmission admission = stages.admission(stageId, djId);
            if (admission != StageAdmission.ADMITTED) {
                LOG.info(() -> "Refused stage " + stageId + " to " + describe(djId) + ": " + admission);
                return Outcome.refused(admission == StageAdmission.NO_STAGE ? STAGE_NOT_FOUND : NOT_BOOKED);
            }
        }
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
                store.register(sessionId, djId, djName, caller.connectionId(), now, settings.maxSessions(), stageId);
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
                if (stageId != null && !store.claimStage(stageId, sessionId)) {
                    store.removeIf(sessionId, s -> s.ownedBy(caller.connectionId()));
                    return Outcome.refused(STAGE_TAKEN);
                }
                enterSession(caller.connectionId(), sessionId, now);
                history.openSession(sessionId, djId, djName, now, stageId);
                history.recordEvent(sessionId, SessionEvent.Type.CONNECT, now, EventDetail.of("clientVersion",
                        clientVersion == null ? "0.3.0" : clientVersion));
                airtime.onAir(registration.session()); // before the news, so the stage's followers hear it
                LiveMessages.SessionStarted started = new LiveMessages.SessionStarted(sessionId, djName, now, stageId);
                bus.publish(Topic.LOBBY, started, caller.connectionId());
                bus.publish(Topic.session(sessionId), started, caller.connectionId());
                LOG.info(() -> "Session " + sessionId + " started by " + describe(djId));
            }
            case RESUMED -> {
                LiveSession resumed = registration.session();
                if (stageId != null && resumed.stageId() != null && !stageId.equals(resumed.stageId())) {
                    // A set holds its stage until it ends: it does not move to another one (checked before any claim).
                    store.update(sessionId, s -> s.ownedBy(caller.connectionId()) ? s.djGone(now) : s);
                    return Outcome.refused(ON_ANOTHER_STAGE);
                }
                if (stageId != null && !store.claimStage(stageId, sessionId)) {
                    store.update(sessionId, s -> s.ownedBy(caller.connectionId()) ? s.djGone(now) : s);
                    return Outcome.refused(STAGE_TAKEN);
                }
                if (stageId != null && resumed.stageId() == null) {
                    // A set of its own comes back on a stage (claimed above): from now on it is that stage's.
                    resumed = store.update(sessionId, s -> s.onStage(stageId)).orElse(resumed.onStage(stageId));
                }
                airtime.onAir(resumed);
                enterSession(caller.connectionId(), sessionId, now);
                history.recordEvent(sessionId, SessionEvent.Type.RECONNECT, now, EventDetail.of("clientVersion",
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
            return Outcome.refused(SESSION_NOT_FOUND);
        }
        TrackInfo previous = changed.get().before().currentTrack();
        // The play is queued for the history before anyone hears of it, so a like of it is written after it.
        history.recordTrack(sessionId, track, now);
        companions.each(c -> c.trackPlayed(sessionId, previous, track, now));
        Topic topic = Topic.session(sessionId);
        if (previous != null && !previous.sameTrackAs(track)) {
            bus.publish(topic, new LiveMessages.TempoReset(sessionId), caller.connectionId());
        }
        bus.publish(topic, LiveMessages.NowPlaying.of(changed.get().after()), caller.connectionId());
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
            return Outcome.refused(SESSION_NOT_FOUND);
        }
        djConnections.remove(caller.connectionId(), sessionId);
        sweeper.finish(ended.get(), now, caller.connectionId(), "ended by the DJ", SessionEvent.Type.END, false);
        bus.leave(caller.connectionId(), Topic.session(sessionId));
        bus.join(caller.connectionId(), Topic.LOBBY);
        return Outcome.done();
    }

    /**
     * Only the connection that owns a live session may act for its DJ: empty when this one may,
     * else the refusal to answer ({@code Session not found}, or {@code unauthorized}).
     */
    public Optional<Outcome> refusedUnlessOwner(Caller caller, String sessionId, String unauthorized) {
        Optional<LiveSession> live = store.session(sessionId);
        if (live.isEmpty()) {
            return Optional.of(Outcome.refused(SESSION_NOT_FOUND));
        }
        return live.get().ownedBy(caller.connectionId()) ? Optional.empty() : Optional.of(Outcome.refused(unauthorized));
    }

    /**
     * Closes this node's connections of a DJ account that may no longer act (suspended, its DJ
     * role removed, shadow-banned) as a bad token is closed; its sessions wait out the reconnect
     * grace, and the reconnect is refused. Returns how many connections were closed.
     */
    public int dismiss(long djId, String why) {
        int closed = 0;
        for (Map.Entry<String, String> connection : djConnections.entrySet()) {
            Optional<LiveSession> live = store.session(connection.getValue());
            if (live.isPresent() && Long.valueOf(djId).equals(live.get().djId())
                    && bus.disconnect(connection.getKey(), CLOSE_AUTHENTICATION, "Invalid token")) {
                closed++;
            }
        }
        if (closed > 0) {
            int count = closed;
            LOG.info(() -> "Closed " + count + " connection(s) of DJ account " + djId + ": " + why);
        }
        return closed;
    }

    /** The DJ account whose session this connection runs, if it registered one with a token. */
    public Optional<Long> djOf(String connectionId) {
        String sessionId = djConnections.get(connectionId);
        return sessionId == null ? Optional.empty() : store.session(sessionId).map(LiveSession::djId);
    }

    /** The DJ's connection is gone: its session waits out the reconnect grace. */
    void connectionLost(String connectionId, Instant now) {
        String sessionId = djConnections.remove(connectionId);
        if (sessionId == null) {
            return;
        }
        store.update(sessionId, s -> s.ownedBy(connectionId) ? s.djGone(now) : s)
                .filter(s -> s.djDisconnectedAt() != null && s.ownerConnectionId().equals(connectionId))
                .ifPresent(s -> {
                    LOG.info(() -> "DJ of session " + sessionId + " disconnected; waiting " + settings.reconnectGrace() + " for a reconnect");
                    history.recordEvent(sessionId, SessionEvent.Type.DISCONNECT, now, EventDetail.of("reason", "connection closed"));
                });
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
