package stream.pika.live.control;

import stream.pika.live.entity.LiveSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * All live-session state any node may need: the live sessions and their owners, listeners, the
 * broadcast rate rule and message-id dedupe. Every operation that two connections may race on is
 * one atomic call here, so a Redis implementation can keep the same guarantees.
 */
public interface LiveStateStore {

    /** What a REGISTER_SESSION did. */
    enum RegistrationKind { STARTED, RESUMED, TAKEN, FULL }

    record Registration(RegistrationKind kind, LiveSession session) {
    }

    Optional<LiveSession> session(String sessionId);

    Collection<LiveSession> sessions();

    int sessionCount();

    /**
     * Starts the session, or resumes it when it is live and belongs to the same DJ account
     * (null: anonymous); the registering connection becomes its owner. Refuses a session of
     * another DJ, and a new session when {@code maxSessions} are live.
     */
    default Registration register(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions) {
        return register(sessionId, djId, djName, connectionId, now, maxSessions, null);
    }

    /** {@link #register}, a new session on a stage ({@code stageId}, null for none); a resumed one keeps its stage. */
    Registration register(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions,
                          Long stageId);

    /**
     * Takes the stage for this live session unless another live session holds it (one DJ per
     * stage). A holder whose session is no longer live holds nothing. True when this session
     * holds the stage now (it may have held it already: a reconnect).
     */
    boolean claimStage(long stageId, String sessionId);

    /**
     * The listeners key of a stage's followers (they count for whoever plays there). A session id
     * never starts with U+001F: ids are stripped of leading whitespace, which it is.
     */
    static String stageListenersKey(long stageId) {
        return "\u001fstage:" + stageId;
    }

    /** The live session holding the stage now, if any. */
    Optional<String> stageHolder(long stageId);

    /** Applies the change atomically; empty when the session is not live. */
    /** A session changed: what it was when the change was made, and what the change made of it. */
    record Changed(LiveSession before, LiveSession after) {
    }

    /** Changes a live session (atomically), if it is live. */
    Optional<Changed> change(String sessionId, UnaryOperator<LiveSession> change);

    /** Changes a live session and answers its new value, if it is live. */
    default Optional<LiveSession> update(String sessionId, UnaryOperator<LiveSession> change) {
        return change(sessionId, change).map(Changed::after);
    }

    /** Removes the session if the condition still holds, with its listeners and rate windows. */
    Optional<LiveSession> removeIf(String sessionId, Predicate<LiveSession> condition);

    /** The 5-second rule: true (and the slot taken) when the last accepted broadcast is old enough. */
    boolean tryBroadcastSlot(String sessionId, Instant now, Duration minInterval);

    /** True the first time a message id is seen in a session within {@code ttl}. */
    boolean firstSighting(String sessionId, String messageId, Instant now, Duration ttl);

    /** A dancer joined: the listener count after it and the session as it is (empty when over), read in the same step. */
    record Joined(int listeners, Optional<LiveSession> session) {
    }

    /** Counts one more connection of a dancer; returns the count after it and the session, in one step (one round trip on Redis). */
    Joined addListener(String sessionId, String clientId, Instant now, Duration linger);

    /** One connection of the dancer closed; the dancer still counts for {@code linger}. */
    void removeListener(String sessionId, String clientId, Instant now);

    /** Unique dancers connected now or within {@code linger}. */
    int listenerCount(String sessionId, Instant now, Duration linger);

    /** {@link #listenerCount} of several sessions (a shared store answers them in a few round trips, not one each). */
    default Map<String, Integer> listenerCounts(Collection<String> sessionIds, Instant now, Duration linger) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sessionIds.forEach(id -> counts.put(id, listenerCount(id, now, linger)));
        return counts;
    }

    /** How often a node says it is alive. */
    Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    /** Says this node is alive, regularly: a shared store stops counting the dancers of a node that stopped saying so. */
    default void heartbeat() {
    }
}
