package stream.pika.interactions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A dancer's like of a played track (table {@code likes}); one per dancer and played track. */
@Entity
@Table(name = "likes")
public class Like {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "played_track_id", nullable = false, updatable = false)
    private Long playedTrackId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Like() {
        // for JPA
    }

    public Like(String sessionId, String clientId, Long playedTrackId, Instant createdAt) {
        this.sessionId = sessionId;
        this.clientId = clientId;
        this.playedTrackId = playedTrackId;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String clientId() {
        return clientId;
    }

    public Long playedTrackId() {
        return playedTrackId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
