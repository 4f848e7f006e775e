package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.boundary.RecentAnnouncements;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.Quota;
import stream.pika.events.entity.FollowableStage;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.control.PublishedCounts;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.RenderedMessage;
import stream.pika.platform.entity.Topic;
import stream.pika.platform.entity.WireFormat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The connections and who they listen to: a new connection waits in the lobby (session starts
 * and ends), a dancer follows one session (SUBSCRIBE) or one stage (SUBSCRIBE_STAGE: whoever plays
 * there) and is counted by client id, lingering a while after a disconnect so a flaky phone does
 * not flicker the count.
 */
@ApplicationScoped
public class Audience {

    /** Refusals of SUBSCRIBE_STAGE. */
    public static final String STAGE_NOT_FOUND = "Stage not found";
    public static final String STAGE_CLOSED = "Stage is closed";

    /** A dancer's connection following a session, or a stage (whoever plays on it: {@code sessionId} null). */
    private record Following(String sessionId, String clientId, Long stageId, Long eventId) {
        static Following session(String sessionId, String clientId) {
            return new Following(sessionId, clientId, null, null);
        }

        static Following stage(FollowableStage stage, String clientId) {
            return new Following(null, clientId, stage.stageId(), stage.eventId());
        }

        boolean ofStage() {
            return stageId != null;
        }

        /** The listeners key it counts in: its session's, or its stage's. */
        String listenersKey() {
            return ofStage() ? LiveStateStore.stageListenersKey(stageId) : sessionId;
        }
    }

    /** The lobby's list as last sent, with the store's list it came from (a store hands out the same list until it changes). */
    private record LeanList(Collection<LiveSession> source, List<LiveMessages.SessionBrief> sessions, RenderedMessage message) {
    }

    @Inject
    LiveStateStore store;

    @Inject
    TopicBus bus;

    @Inject
    LiveSettings settings;

    @Inject
    Clock clock;

    @Inject
    SessionCompanions companions;

    @Inject
    DjBooth booth;

    @Inject
    PublishedCounts publishedCounts;

    @Inject
    StageAirtime airtime;

    @Inject
    SignedInConnections signedIn;

    @Inject
    RateLimits rateLimits;

    @Inject
    RecentAnnouncements recentAnnouncements;

    /** Connections of this node following a session. */
    private final Map<String, Following> following = new ConcurrentHashMap<>();

    /** The lean list as last rendered: a crowd's SUBSCRIBEs share one text instead of serializing every session each. */
    private volatile LeanList leanList = new LeanList(List.of(), List.of(), null);

    /** A new connection starts in the lobby, where session starts and ends are announced. */
    public void connected(Outbox connection) {
        bus.open(connection);
        bus.join(connection.id(), Topic.LOBBY);
    }

    /** The connection is gone: a DJ's session waits out the reconnect grace, a dancer lingers in the count. */
    public void disconnected(Caller caller) {
        Instant now = now();
        bus.close(caller.connectionId());
        booth.connectionLost(caller.connectionId(), now);
        signedIn.disconnected(caller.connectionId());
        Following follow = following.remove(caller.connectionId());
        if (follow != null && follow.clientId() != null) {
            store.removeListener(follow.listenersKey(), follow.clientId(), now);
        }
    }

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
        Following target = Following.session(sessionId, caller.clientId());
        Following before = following.put(caller.connectionId(), target);
        leave(caller, before, target, now);
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
                replies.add(LiveMessages.NowPlaying.of(live.get()));
            }
            companions.each(c -> replies.addAll(c.lateJoiner(live.get(), caller.clientId(), now)));
        }
        return Outcome.done(replies);
    }

    /**
     * SUBSCRIBE_STAGE: follow a stage, whoever plays on it (leaving the lobby or what the
     * connection followed), and its event (announcements, schedule changes). The answer is the
     * stage as it is: the set on air (listener count, what plays, the running poll and
     * announcement) or STAGE_IDLE with the slot coming next; from then on a DJ hand-over reaches
     * the connection by itself.
     */
    public Outcome followStage(Caller caller, long stageId) {
        if (!rateLimits.admits(Quota.STAGE_SUBSCRIBES, caller.connectionId(), 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.STAGE_SUBSCRIBES).limit() + " stage follows/min)");
        }
        Optional<FollowableStage> stage = airtime.followable(stageId);
        if (stage.isEmpty()) {
            return Outcome.refused(STAGE_NOT_FOUND);
        }
        if (!stage.get().open()) {
            return Outcome.refused(STAGE_CLOSED);
        }
        Instant now = now();
        Following target = Following.stage(stage.get(), caller.clientId());
        Following before = following.put(caller.connectionId(), target);
        leave(caller, before, target, now);
        bus.join(caller.connectionId(), Topic.stage(stageId));
        bus.join(caller.connectionId(), Topic.event(stage.get().eventId()));
        if (caller.clientId() != null && !target.equals(before)) {
            store.addListener(target.listenersKey(), caller.clientId(), now, settings.listenerLinger());
        }
        List<Object> replies = new ArrayList<>();
        Optional<LiveSession> live = airtime.onAirNow(stageId);
        if (live.isEmpty()) {
            replies.add(airtime.idle(stageId, now));
        } else {
            replies.add(new LiveMessages.ListenerCount(live.get().sessionId(), listeners(live.get(), now)));
            if (live.get().currentTrack() != null) {
                replies.add(LiveMessages.NowPlaying.of(live.get()));
            }
            companions.each(c -> replies.addAll(c.lateJoiner(live.get(), caller.clientId(), now)));
        }
        if (before == null || !Long.valueOf(stage.get().eventId()).equals(before.eventId())) {
            replies.addAll(recentAnnouncements.of(stage.get().eventId())); // what the event said in the last 15 minutes
        }
        return Outcome.done(replies);
    }

    /** The connection moves from what it followed (the lobby when nothing) to {@code target}. */
    private void leave(Caller caller, Following before, Following target, Instant now) {
        if (before == null) {
            bus.leave(caller.connectionId(), Topic.LOBBY);
            return;
        }
        if (before.equals(target)) {
            return;
        }
        if (before.ofStage()) {
            bus.leave(caller.connectionId(), Topic.stage(before.stageId()));
            if (!Objects.equals(before.eventId(), target.eventId())) {
                bus.leave(caller.connectionId(), Topic.event(before.eventId()));
            }
        } else {
            bus.leave(caller.connectionId(), Topic.session(before.sessionId()));
        }
        if (before.clientId() != null) {
            store.removeListener(before.listenersKey(), before.clientId(), now);
        }
    }

    /** Dancers of the set: those who subscribed to it, and the followers of its stage. */
    public int listeners(LiveSession session, Instant now) {
        int count = store.listenerCount(session.sessionId(), now, settings.listenerLinger());
        if (session.stageId() != null) {
            count += store.listenerCount(LiveStateStore.stageListenersKey(session.stageId()), now, settings.listenerLinger());
        }
        return count;
    }

    /** The stages this node's connections follow (dancers) or watch (organizers' dashboards). */
    public Set<Long> stagesFollowedHere() {
        Set<Long> stages = new HashSet<>(signedIn.stagesWatchedHere());
        following.values().forEach(follow -> {
            if (follow.ofStage()) {
                stages.add(follow.stageId());
            }
        });
        return stages;
    }

    /** Every few seconds: this node's stage relays agree with the store. */
    public void reconcileStages() {
        airtime.reconcile(stagesFollowedHere());
    }

    /** PING: the connection is alive. */
    public Outcome ping() {
        return Outcome.done(new LiveMessages.Pong());
    }

    /** The session this connection follows: the one it subscribed to, or the one on air on its stage, if any. */
    public Optional<String> followedBy(String connectionId) {
        Following follow = following.get(connectionId);
        if (follow == null) {
            return Optional.empty();
        }
        if (follow.ofStage()) {
            return bus.relayInto(Topic.stage(follow.stageId())).flatMap(Topic::sessionId);
        }
        return Optional.of(follow.sessionId());
    }

    /**
     * The live set a dancer's like, vote or reaction is for: the one it names, if live; else the
     * one it follows, when it names none or follows a stage (whose DJ may have handed over before
     * the phone caught up: its interactions go to the next DJ without the phone doing anything).
     */
    public Optional<LiveSession> interactionTarget(Caller caller, String named) {
        if (named != null) {
            Optional<LiveSession> live = store.session(named);
            Following follow = following.get(caller.connectionId());
            if (live.isPresent() || follow == null || !follow.ofStage()) {
                return live;
            }
        }
        return followedBy(caller.connectionId()).flatMap(store::session);
    }

    /**
     * Sends LISTENER_COUNT to each session whose count changed since it was last sent. With
     * several nodes only the node of the session's DJ connection sends it, so dancers get it once.
     */
    public void publishListenerCounts() {
        Instant now = now();
        String node = NodeIdentity.nodeId() + "-";
        List<LiveSession> ours = store.sessions().stream()
                .filter(session -> session.ownerConnectionId().startsWith(node))
                .toList();
        List<String> keys = new ArrayList<>();
        ours.forEach(session -> {
            keys.add(session.sessionId());
            if (session.stageId() != null) {
                keys.add(LiveStateStore.stageListenersKey(session.stageId())); // its stage's followers listen too
            }
        });
        Map<String, Integer> counts = store.listenerCounts(keys, now, settings.listenerLinger());
        for (LiveSession session : ours) {
            String sessionId = session.sessionId();
            int count = counts.getOrDefault(sessionId, 0)
                    + (session.stageId() == null ? 0 : counts.getOrDefault(LiveStateStore.stageListenersKey(session.stageId()), 0));
            if (publishedCounts.changed(sessionId, count)) {
                bus.publish(Topic.session(sessionId), new LiveMessages.ListenerCount(sessionId, count), null);
            }
        }
        // Forget the sessions that ended (read only for those missing from the list, which may be a second behind).
        Set<String> listed = ours.stream().map(LiveSession::sessionId).collect(Collectors.toSet());
        publishedCounts.forgetIf(id -> !listed.contains(id) && store.session(id).isEmpty());
    }

    /** This node is alive (every {@link LiveStateStore#HEARTBEAT_INTERVAL}): its dancers keep counting. */
    public void heartbeat() {
        store.heartbeat();
    }

    private RenderedMessage leanSessionsList() {
        Collection<LiveSession> live = store.sessions();
        LeanList last = leanList;
        if (last.message() != null && last.source() == live) {
            return last.message(); // a crowd subscribing at once: one list, not one per dancer
        }
        List<LiveMessages.SessionBrief> briefs = live.stream().map(LiveMessages.SessionBrief::of).toList();
        if (last.message() != null && last.sessions().equals(briefs)) {
            leanList = new LeanList(live, briefs, last.message());
            return last.message();
        }
        RenderedMessage rendered = new RenderedMessage(WireFormat.toJson(new LiveMessages.SessionsList(briefs)));
        leanList = new LeanList(live, briefs, rendered);
        return rendered;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
