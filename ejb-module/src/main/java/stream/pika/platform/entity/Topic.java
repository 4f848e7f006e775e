package stream.pika.platform.entity;

/**
 * A fan-out channel: {@code session:<id>}, {@code stage:<id>}, {@code event:<id>}, the
 * {@code lobby} (connections that follow no session yet) and {@code system}.
 */
public record Topic(String name) {

    public static final Topic LOBBY = new Topic("lobby");
    public static final Topic SYSTEM = new Topic("system");

    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name required");
        }
    }

    public static Topic session(String sessionId) {
        return new Topic("session:" + sessionId);
    }

    public static Topic event(long eventId) {
        return new Topic("event:" + eventId);
    }

    @Override
    public String toString() {
        return name;
    }
}
