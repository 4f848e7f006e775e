package stream.pika.events.control;

import stream.pika.events.entity.EventAnnouncement;

import java.time.Instant;
import java.util.List;

/** Stored event announcements. */
public interface EventAnnouncementRepository {

    EventAnnouncement add(EventAnnouncement announcement);

    /** The event's announcements made after {@code since}, newest first, at most {@code limit}. */
    List<EventAnnouncement> since(long eventId, Instant since, int limit);
}
