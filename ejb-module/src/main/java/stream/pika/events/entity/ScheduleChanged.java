package stream.pika.events.entity;

/**
 * A slot of an event was created, changed, removed or its booking changed: fired in the
 * organizer's (or DJ's) transaction; the event's followers and dashboards hear of it once it commits.
 */
public record ScheduleChanged(long eventId, SlotView slot, Change change) {

    public enum Change {
        CREATED, CHANGED, REMOVED, BOOKING;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
