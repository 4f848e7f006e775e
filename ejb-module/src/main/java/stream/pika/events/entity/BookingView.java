package stream.pika.events.entity;

/** A DJ's booking as the DJ sees it: the slot, and the event and stage it belongs to. */
public record BookingView(SlotView slot, long eventId, String eventName, String timeZone, long stageId, String stageName) {
}
