package stream.pika.live.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;

/** Connection telemetry of a session (table {@code session_events}). */
@Entity
@Table(name = "session_events")
public class SessionEvent {

    /** What happened to the DJ's connection. Stored in lower case. */
    public enum Type {
        CONNECT, DISCONNECT, RECONNECT, END, EXPIRE;

        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "event_type", nullable = false, updatable = false)
    @Convert(converter = SessionEventTypeConverter.class)
    private Type type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** Free-form JSON, e.g. {@code {"reason":"...","clientVersion":"0.3.0"}}. */
    @Column(name = "metadata", updatable = false)
    private String metadataJson;

    protected SessionEvent() {
        // for JPA
    }

    public SessionEvent(String sessionId, Type type, Instant occurredAt, String metadataJson) {
        this.sessionId = sessionId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.metadataJson = metadataJson;
    }

    public Long id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Type type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String metadataJson() {
        return metadataJson;
    }
}
