package stream.pika.platform.control;

import org.junit.jupiter.api.Test;
import stream.pika.platform.entity.Outbox;
import stream.pika.platform.entity.Topic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link TopicBus} must do for the connections of its node, in memory and over Redis
 * alike: a message reaches the topic's connections only, never the excluded sender, in publish
 * order, and nothing after a leave or a close. (Delivery to other nodes is TwoNodesIT's.)
 */
public abstract class TopicBusContract {

    abstract TopicBus bus();

    /** A connection that keeps what it was sent (equal to itself only, as a real connection). */
    static final class Phone implements Outbox {
        private final String id;
        private final List<String> received = new CopyOnWriteArrayList<>();

        Phone(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void send(String json) {
            received.add(json);
        }

        @Override
        public void close(int code, String reason) {
            received.add("closed " + code + " " + reason);
        }

        List<String> received() {
            return received;
        }
    }

    public record Message(String type, int n) {
    }

    @Test
    void aTopicsConnectionsGetItsMessagesButNotTheSender() {
        TopicBus bus = bus();
        Phone dj = new Phone("node-1-dj");
        Phone dancer = new Phone("node-1-dancer");
        Phone elsewhere = new Phone("node-1-elsewhere");
        for (Phone phone : List.of(dj, dancer, elsewhere)) {
            bus.open(phone);
        }
        Topic session = Topic.session("set-bus-1");
        bus.join(dj.id(), session);
        bus.join(dancer.id(), session);
        bus.join(elsewhere.id(), Topic.session("set-bus-2"));

        bus.publish(session, new Message("NOW_PLAYING", 1), dj.id());
        assertEquals(List.of("{\"type\":\"NOW_PLAYING\",\"n\":1}"), dancer.received());
        assertEquals(List.of(), dj.received(), "never back to the sender");
        assertEquals(List.of(), elsewhere.received(), "never into another session");

        bus.publish(session, new Message("POLL_ENDED", 2), null);
        assertEquals(2, dancer.received().size());
        assertEquals(1, dj.received().size(), "no exclusion: the DJ too");
    }

    @Test
    void orderIsKeptAndLeavingOrClosingStopsDelivery() {
        TopicBus bus = bus();
        Phone dancer = new Phone("node-1-ordered");
        bus.open(dancer);
        Topic session = Topic.session("set-bus-3");
        bus.join(dancer.id(), session);
        for (int i = 0; i < 200; i++) {
            bus.publish(session, new Message("LIKE_RECEIVED", i), null);
        }
        assertEquals(200, dancer.received().size());
        for (int i = 0; i < 200; i++) {
            assertEquals("{\"type\":\"LIKE_RECEIVED\",\"n\":" + i + "}", dancer.received().get(i));
        }
        bus.leave(dancer.id(), session);
        bus.publish(session, new Message("LIKE_RECEIVED", 200), null);
        assertEquals(200, dancer.received().size(), "nothing after leaving");
        bus.join(dancer.id(), Topic.LOBBY);
        bus.close(dancer.id());
        bus.publish(Topic.LOBBY, new Message("SESSION_STARTED", 0), null);
        assertEquals(200, dancer.received().size(), "nothing after closing");
    }
}
