package stream.pika.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.events.entity.EventAnnouncementReceived;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The announcements of the last {@link #WINDOW} per event, for followers who arrive late: read
 * from the database at most once a second per event (a room of phones subscribing at once reads
 * once), and an announcement made on this node is known here at once.
 */
@ApplicationScoped
public class RecentAnnouncements {

    /** How far back a late follower is told. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_PER_EVENT = 20;
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_EVENTS = 10_000;

    private record Known(List<EventAnnouncementReceived> announcements, long readAtNanos) {
    }

    @Inject
    EventAnnouncements announcements;

    @Inject
    Clock clock;

    private final Map<Long, Known> byEvent = new ConcurrentHashMap<>();

    /** The event's announcements of the last 15 minutes, oldest first (the order they were made). */
    public List<EventAnnouncementReceived> of(long eventId) {
        Instant since = clock.instant().minus(WINDOW);
        Known known = byEvent.get(eventId);
        if (known == null || System.nanoTime() - known.readAtNanos() > FRESH_NANOS) {
            known = new Known(announcements.since(eventId, since, MAX_PER_EVENT), System.nanoTime());
            if (byEvent.size() >= MAX_EVENTS) {
                byEvent.clear();
            }
            byEvent.put(eventId, known);
        }
        return known.announcements().stream().filter(a -> a.timestamp().isAfter(since))
                .sorted(Comparator.comparing(EventAnnouncementReceived::timestamp).thenComparingLong(EventAnnouncementReceived::id))
                .toList();
    }

    /** Made on this node: known at once, without waiting for the next read. */
    void made(EventAnnouncementReceived announcement) {
        byEvent.computeIfPresent(announcement.eventId(), (id, known) -> {
            List<EventAnnouncementReceived> now = new ArrayList<>(known.announcements());
            now.add(announcement);
            return new Known(now, known.readAtNanos());
        });
    }
}
