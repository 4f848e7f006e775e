package stream.pika.platform.control;

import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.WireFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The topic bus of a single node: memberships in maps, delivery by handing the encoded text to
 * each member's outbox on the publisher's thread (an outbox only queues, so this never waits).
 */
@ApplicationScoped
@Typed(InMemoryTopicBus.class)
public class InMemoryTopicBus implements TopicBus {

    private final Map<String, Outbox> connections = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final Map<Topic, Set<Outbox>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<Topic>> memberships = new ConcurrentHashMap<>();
    /** Relays: the source of each target, and the targets of each source (changed under this bus's lock, read freely). */
    private final Map<Topic, Topic> sourceOf = new ConcurrentHashMap<>();
    private final Map<Topic, Set<Topic>> targetsOf = new ConcurrentHashMap<>();

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

    @Override
    public void relay(Topic target, Topic source) {
        relayHere(target, Optional.of(source));
    }

    @Override
    public synchronized void endRelay(Topic target, Topic source) {
        if (source.equals(sourceOf.get(target))) {
            relayHere(target, Optional.empty());
        }
    }

    @Override
    public synchronized void relayHere(Topic target, Optional<Topic> source) {
        Topic before = source.isPresent() ? sourceOf.put(target, source.get()) : sourceOf.remove(target);
        if (before != null && !source.equals(Optional.of(before))) {
            targetsOf.computeIfPresent(before, (s, targets) -> {
                targets.remove(target);
                return targets.isEmpty() ? null : targets;
            });
        }
        source.ifPresent(s -> targetsOf.computeIfAbsent(s, t -> ConcurrentHashMap.newKeySet()).add(target));
    }

    @Override
    public Optional<Topic> relayInto(Topic target) {
        return Optional.ofNullable(sourceOf.get(target));
    }

    /** Whether a connection of this node joined the topic, or a topic it is relayed into. */
    boolean hasMembers(Topic topic) {
        if (hasOwnMembers(topic)) {
            return true;
        }
        Set<Topic> targets = targetsOf.get(topic);
        return targets != null && targets.stream().anyMatch(this::hasOwnMembers);
    }

    private boolean hasOwnMembers(Topic topic) {
        Set<Outbox> audience = members.get(topic);
        return audience != null && !audience.isEmpty();
    }

    /** Hands already encoded text to this node's members of the topic and of the topics it is relayed into, but the excluded one. */
    void deliver(Topic topic, String json, String excludedConnectionId) {
        deliverTo(members.get(topic), json, excludedConnectionId);
        Set<Topic> targets = targetsOf.get(topic);
        if (targets != null) {
            targets.forEach(target -> deliverTo(members.get(target), json, excludedConnectionId));
        }
    }

    private void deliverTo(Set<Outbox> audience, String json, String excludedConnectionId) {
        if (audience == null) {
            return;
        }
        int handed = 0;
        for (Outbox member : audience) {
            if (!member.id().equals(excludedConnectionId)) {
                member.send(json);
                handed++;
            }
        }
        delivered.add(handed);
    }

    @Override
    public int connectionsHere() {
        return connections.size();
    }

    @Override
    public long deliveredHere() {
        return delivered.sum();
    }

    private void removeMember(Topic topic, Outbox connection) {
        members.computeIfPresent(topic, (t, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }
}
