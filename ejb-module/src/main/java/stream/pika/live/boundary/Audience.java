package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections and who they listen to: a new connection waits in the lobby (session starts
 * and ends), a dancer follows one session (SUBSCRIBE) and is counted by client id, lingering a
 * while after a disconnect so a flaky phone does not flicker the count.
 */
@ApplicationScoped
public class Audience {

    /** A dancer's connection following a session. */
    private record Following(String sessionId, String clientId) {
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
        Following follow = following.remove(caller.connectionId());
        if (follow != null && follow.clientId() != null) {
            store.removeListener(follow.sessionId(), follow.clientId(), now);
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
            companions.each(c -> replies.addAll(c.lateJoiner(live.get(), caller.clientId(), now)));
        }
        return Outcome.done(replies);
    }

    /** PING: the connection is alive. */
    public Outcome ping() {
        return Outcome.done(new LiveMessages.Pong());
    }

    /** The session this connection follows (SUBSCRIBE), if any. */
    public Optional<String> followedBy(String connectionId) {
        return Optional.ofNullable(following.get(connectionId)).map(Following::sessionId);
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
            if (publishedCounts.changed(sessionId, count)) {
                bus.publish(Topic.session(sessionId), new LiveMessages.ListenerCount(sessionId, count), null);
            }
        });
        // Forget the sessions that ended (read only for those missing from the list, which may be a second behind).
        Set<String> listed = Set.copyOf(ours);
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
