package stream.pika.events.entity;

import java.util.List;

/**
 * An organizer announced something to an event (fired in its transaction): once committed, the
 * followers hear it and, with push, these devices get it.
 */
public record AnnouncementMade(EventAnnouncementReceived message, String eventName, List<String> pushDevices, boolean push) {

    public AnnouncementMade {
        pushDevices = List.copyOf(pushDevices);
    }
}
