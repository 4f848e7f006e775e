package stream.pika.platform.control;

import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.Topic;

import java.util.Optional;

/**
 * Delivers messages to the connections that joined a topic. A message is encoded once per
 * publish; a publisher's own connection can be left out (sender exclusion, by connection id,
 * which stays valid across nodes). Implementations: in memory (one node), Redis (several).
 */
public interface TopicBus {

    /** Makes a connection of this node reachable; it joins no topic yet. */
    void open(Outbox connection);

    /** Forgets a connection and all its memberships. */
    void close(String connectionId);

    /** Closes a connection of this node with a close code and reason; false when this node has no such connection. */
    boolean disconnect(String connectionId, int code, String reason);

    void join(String connectionId, Topic topic);

    void leave(String connectionId, Topic topic);

    /** Sends to every connection of the topic but {@code excludedConnectionId} (may be null). */
    void publish(Topic topic, Object message, String excludedConnectionId);

    /**
     * From now on, on every node, the messages of {@code source} also reach the members of
     * {@code target} (a stage's followers hear the session live on it). A target has one source:
     * a new one replaces the old. Ordered with this node's publishes: a message published after
     * the relay reaches the target's members on every node.
     */
    void relay(Topic target, Topic source);

    /** Ends the relay into {@code target} on every node, if {@code source} is still the one relayed. */
    void endRelay(Topic target, Topic source);

    /** Sets (or, with an empty source, ends) the relay into {@code target} on this node only: a node catching up with the store. */
    void relayHere(Topic target, Optional<Topic> source);

    /** The topic relayed into {@code target} on this node, if any. */
    Optional<Topic> relayInto(Topic target);

    /** Connections open on this node now. */
    int connectionsHere();

    /** Messages handed to this node's connections since it started (one per recipient). */
    long deliveredHere();
}
