package stream.pika.platform.control;

import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.Topic;

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
}
