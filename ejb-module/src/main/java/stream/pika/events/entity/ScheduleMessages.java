package stream.pika.events.entity;

/** The live messages of an event's schedule, for its followers and open dashboards. */
public final class ScheduleMessages {

    private ScheduleMessages() {
    }

    /** {@code SCHEDULE_UPDATED}: a slot was created, moved, resized or removed. */
    public record ScheduleUpdated(String type, long eventId, String change, SlotView slot) {
        public ScheduleUpdated(long eventId, String change, SlotView slot) {
            this("SCHEDULE_UPDATED", eventId, change, slot);
        }
    }

    /** {@code BOOKING_UPDATED}: a slot's DJ booking changed (invited, accepted, declined, cancelled). */
    public record BookingUpdated(String type, long eventId, SlotView slot) {
        public BookingUpdated(long eventId, SlotView slot) {
            this("BOOKING_UPDATED", eventId, slot);
        }
    }
}
