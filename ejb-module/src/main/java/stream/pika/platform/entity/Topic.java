package stream.pika.platform.entity;

import java.util.Optional;

/**
 * A fan-out channel: {@code session:<id>}, {@code stage:<id>}, {@code event:<id>} (its followers),
 * {@code event-staff:<id>} (its organizers' dashboards), the {@code lobby} (connections that follow
 * nothing yet) and {@code system}.
 */
public record Topic(String name) {

    public static final Topic LOBBY = new Topic("lobby");
    public static final Topic SYSTEM = new Topic("system");
    private static final String SESSION = "session:";

    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name required");
        }
        if (name.indexOf('\n') >= 0 || name.startsWith("!")) {
            // the Redis bus's envelope is line-separated, and its own orders start with '!'
            throw new IllegalArgumentException("a topic name is one line and does not start with '!'");
        }
    }

    public static Topic session(String sessionId) {
        return new Topic(SESSION + sessionId);
    }

    public static Topic event(long eventId) {
        return new Topic("event:" + eventId);
    }

    public static Topic eventStaff(long eventId) {
        return new Topic("event-staff:" + eventId);
    }

    public static Topic stage(long stageId) {
        return new Topic("stage:" + stageId);
    }

    /** The session a {@code session:<id>} topic is for. */
    public Optional<String> sessionId() {
        return name.startsWith(SESSION) ? Optional.of(name.substring(SESSION.length())) : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
