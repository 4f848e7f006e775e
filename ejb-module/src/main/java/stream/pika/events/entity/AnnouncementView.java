package stream.pika.events.entity;

import java.time.Instant;

/**
 * An event announcement as its organizer sees it: with whether it was pushed, and to how many
 * devices; {@code followers} (the devices following a stage of the event when it was sent) only
 * in the answer to sending it.
 */
public record AnnouncementView(long id, long eventId, String message, String priority, boolean push, Integer pushDevices,
                               Instant timestamp, Integer followers) {

    public AnnouncementView(long id, long eventId, String message, String priority, boolean push, Integer pushDevices,
                            Instant timestamp) {
        this(id, eventId, message, priority, push, pushDevices, timestamp, null);
    }

    /** The same, sent to this many followers. */
    public AnnouncementView reaching(int followerCount) {
        return new AnnouncementView(id, eventId, message, priority, push, pushDevices, timestamp, followerCount);
    }
}
