package stream.pika.events.entity;

/** A stage as the API shows it (absent fields omitted). */
public record StageView(long id, long eventId, String name, String description, Integer capacity, String status,
                        boolean openToAll, int version) {
}
