package stream.pika.events.entity;

import java.time.Instant;

/** An event announcement as its organizer sees it: with whether it was pushed, and to how many devices. */
public record AnnouncementView(long id, long eventId, String message, String priority, boolean push, Integer pushDevices,
                               Instant timestamp) {
}
