package stream.pika.events.entity;

import java.time.Instant;

/** {@code EVENT_ANNOUNCEMENT}: what every connection following a stage of the event receives. */
public record EventAnnouncementReceived(String type, long eventId, String message, String priority, Instant timestamp, long id) {
    public EventAnnouncementReceived(long eventId, String message, String priority, Instant timestamp, long id) {
        this("EVENT_ANNOUNCEMENT", eventId, message, priority, timestamp, id);
    }
}
