package stream.pika.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/** A dance event (a weekend, a night) run by one organizer, with stages and a schedule. */
@Entity
@Table(name = "events")
@NamedQuery(name = Event.WITH_STATUS, query = "SELECT e FROM Event e WHERE e.status = :status ORDER BY e.startsAt, e.id")
@NamedQuery(name = Event.COUNT_WITH_STATUS, query = "SELECT COUNT(e) FROM Event e WHERE e.status = :status")
@NamedQuery(name = Event.OF_ORGANIZER, query = "SELECT e FROM Event e WHERE e.organizerId = :organizer ORDER BY e.startsAt DESC, e.id DESC")
@NamedQuery(name = Event.COUNT_OF_ORGANIZER, query = "SELECT COUNT(e) FROM Event e WHERE e.organizerId = :organizer")
public class Event {

    public static final String WITH_STATUS = "Event.withStatus";
    public static final String COUNT_WITH_STATUS = "Event.countWithStatus";
    public static final String OF_ORGANIZER = "Event.ofOrganizer";
    public static final String COUNT_OF_ORGANIZER = "Event.countOfOrganizer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organizer_id", nullable = false, updatable = false)
    private Long organizerId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    @Convert(converter = EventStatus.Column.class)
    private EventStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Event() {
        // for JPA
    }

    public Event(long organizerId, EventDetails details, Instant createdAt) {
        this.organizerId = organizerId;
        this.status = EventStatus.DRAFT;
        this.createdAt = createdAt;
        change(details);
    }

    public Long id() {
        return id;
    }

    public long organizerId() {
        return organizerId;
    }

    public EventStatus status() {
        return status;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String name() {
        return name;
    }

    public String timeZone() {
        return timeZone;
    }

    public boolean ownedBy(long userId) {
        return organizerId == userId;
    }

    /** Everyone sees an event once it is published; a draft only its organizer. */
    public boolean isPublic() {
        return status != EventStatus.DRAFT;
    }

    public boolean contains(Instant start, Instant end) {
        return !start.isBefore(startsAt) && !end.isAfter(endsAt);
    }

    public void change(EventDetails details) {
        this.name = details.name().strip();
        this.description = Optional.ofNullable(details.description()).map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.timeZone = details.timeZone();
    }

    /** Moves the event on (draft → published → active → ended); false when that is not the next step. */
    public boolean moveTo(EventStatus next) {
        boolean allowed = switch (next) {
            case PUBLISHED -> status == EventStatus.DRAFT;
            case ACTIVE -> status == EventStatus.PUBLISHED;
            case ENDED -> status == EventStatus.PUBLISHED || status == EventStatus.ACTIVE;
            case DRAFT -> false;
        };
        if (allowed) {
            status = next;
        }
        return allowed;
    }

    public EventView view() {
        return new EventView(id, organizerId, name, description, startsAt, endsAt, timeZone, status.value(), version);
    }
}
