package stream.pika.platform.control;

import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.WireFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic bus of a single node: memberships in maps, delivery by handing the encoded text to
 * each member's outbox on the publisher's thread (an outbox only queues, so this never waits).
 */
@ApplicationScoped
@Typed(InMemoryTopicBus.class)
public class InMemoryTopicBus implements TopicBus {

    private final Map<String, Outbox> connections = new ConcurrentHashMap<>();
    private final Map<Topic, Set<Outbox>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<Topic>> memberships = new ConcurrentHashMap<>();

    @Override
    public void open(Outbox connection) {
        connections.put(connection.id(), connection);
    }

    @Override
    public void close(String connectionId) {
        Outbox connection = connections.remove(connectionId);
        Set<Topic> topics = memberships.remove(connectionId);
        if (connection != null && topics != null) {
            topics.forEach(topic -> removeMember(topic, connection));
        }
    }

    @Override
    public boolean disconnect(String connectionId, int code, String reason) {
        Outbox connection = connections.get(connectionId);
        if (connection == null) {
            return false;
        }
        connection.close(code, reason);
        return true;
    }

    @Override
    public void join(String connectionId, Topic topic) {
        Outbox connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        memberships.computeIfAbsent(connectionId, id -> ConcurrentHashMap.newKeySet()).add(topic);
        // Inside compute, so a concurrent removal of the last member cannot drop this one.
        members.compute(topic, (t, set) -> {
            Set<Outbox> audience = set == null ? ConcurrentHashMap.newKeySet() : set;
            audience.add(connection);
            return audience;
        });
    }

    @Override
    public void leave(String connectionId, Topic topic) {
        Outbox connection = connections.get(connectionId);
        Set<Topic> topics = memberships.get(connectionId);
        if (topics != null) {
            topics.remove(topic);
        }
        if (connection != null) {
            removeMember(topic, connection);
        }
    }

    @Override
    public void publish(Topic topic, Object message, String excludedConnectionId) {
        if (hasMembers(topic)) {
            deliver(topic, WireFormat.toJson(message), excludedConnectionId);
        }
    }

    /** Whether a connection of this node joined the topic. */
    boolean hasMembers(Topic topic) {
        Set<Outbox> audience = members.get(topic);
        return audience != null && !audience.isEmpty();
    }

    /** Hands already encoded text to this node's members of the topic, but the excluded one. */
    void deliver(Topic topic, String json, String excludedConnectionId) {
        Set<Outbox> audience = members.get(topic);
        if (audience == null) {
            return;
        }
        for (Outbox member : audience) {
            if (!member.id().equals(excludedConnectionId)) {
                member.send(json);
            }
        }
    }

    private void removeMember(Topic topic, Outbox connection) {
        members.computeIfPresent(topic, (t, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }
}
