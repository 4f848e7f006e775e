package stream.pika.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** An organizer's announcement to an event's followers, kept with the event. */
@Entity
@Table(name = "event_announcements")
@NamedQuery(name = EventAnnouncement.OF_EVENT_SINCE,
        query = "SELECT a FROM EventAnnouncement a WHERE a.eventId = :event AND a.createdAt > :since ORDER BY a.createdAt DESC, a.id DESC")
public class EventAnnouncement {

    public static final String OF_EVENT_SINCE = "EventAnnouncement.ofEventSince";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private Long eventId;

    @Column(name = "organizer_id", nullable = false, updatable = false)
    private Long organizerId;

    @Column(nullable = false, updatable = false)
    private String message;

    @Column(nullable = false, updatable = false)
    @Convert(converter = AnnouncementPriority.Column.class)
    private AnnouncementPriority priority;

    @Column(nullable = false, updatable = false)
    private boolean push;

    @Column(name = "push_devices")
    private Integer pushDevices;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected EventAnnouncement() {
        // for JPA
    }

    public EventAnnouncement(long eventId, long organizerId, AnnouncementRequest request, Instant at) {
        this.eventId = eventId;
        this.organizerId = organizerId;
        this.message = request.message();
        this.priority = request.level();
        this.push = request.withPush();
        this.createdAt = at;
    }

    public Long id() {
        return id;
    }

    public boolean push() {
        return push;
    }

    /** How many devices the push went to. */
    public void pushedTo(int devices) {
        this.pushDevices = devices;
    }

    /** {@code EVENT_ANNOUNCEMENT} as followers receive it. */
    public EventAnnouncementReceived message() {
        return new EventAnnouncementReceived(eventId, message, priority.value(), createdAt, id);
    }

    public AnnouncementView view() {
        return new AnnouncementView(id, eventId, message, priority.value(), push, pushDevices, createdAt);
    }
}
