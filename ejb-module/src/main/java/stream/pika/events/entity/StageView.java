package stream.pika.events.entity;

/**
 * A stage as the API shows it (absent fields omitted); {@code live} is the set on air there, when
 * the answer tells it (an event's page, a stage's).
 */
public record StageView(long id, long eventId, String name, String description, Integer capacity, String status,
                        boolean openToAll, int version, OnAir live) {

    public StageView(long id, long eventId, String name, String description, Integer capacity, String status,
                     boolean openToAll, int version) {
        this(id, eventId, name, description, capacity, status, openToAll, version, null);
    }

    /** The same stage, with the set on air there (null: nobody plays). */
    public StageView onAir(OnAir set) {
        return new StageView(id, eventId, name, description, capacity, status, openToAll, version, set);
    }
}
