package stream.pika.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/** A room of an event ("Main Floor"): dancers follow it, DJs go live on it, one at a time. */
@Entity
@Table(name = "stages")
@NamedQuery(name = Stage.OF_EVENT, query = "SELECT s FROM Stage s WHERE s.event.id = :event ORDER BY s.id")
public class Stage {

    public static final String OF_EVENT = "Stage.ofEvent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private Event event;

    @Column(nullable = false)
    private String name;

    private String description;

    private Integer capacity;

    @Column(nullable = false)
    @Convert(converter = StageStatus.Column.class)
    private StageStatus status;

    @Column(name = "open_to_all", nullable = false)
    private boolean openToAll;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Stage() {
        // for JPA
    }

    public Stage(Event event, StageDetails details, Instant createdAt) {
        this.event = event;
        this.status = StageStatus.ACTIVE;
        this.createdAt = createdAt;
        change(details);
    }

    public Long id() {
        return id;
    }

    public Event event() {
        return event;
    }

    public String name() {
        return name;
    }

    public boolean openToAll() {
        return openToAll;
    }

    public StageStatus status() {
        return status;
    }

    public void change(StageDetails details) {
        this.name = details.name().strip();
        this.description = Optional.ofNullable(details.description()).map(String::strip).filter(d -> !d.isEmpty()).orElse(null);
        this.capacity = details.capacity();
        this.openToAll = Boolean.TRUE.equals(details.openToAll());
    }

    public void changeStatus(StageStatus next) {
        this.status = next;
    }

    public StageView view() {
        return new StageView(id, event.id(), name, description, capacity, status.value(), openToAll, version);
    }
}
