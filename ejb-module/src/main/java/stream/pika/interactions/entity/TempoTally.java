package stream.pika.interactions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The tempo votes a track got, counted when the track changed or the set ended (table {@code tempo_votes}). */
@Entity
@Table(name = "tempo_votes")
public class TempoTally {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "played_track_id", updatable = false)
    private Long playedTrackId;

    @Column(name = "track_artist", nullable = false, updatable = false)
    private String trackArtist;

    @Column(name = "track_title", nullable = false, updatable = false)
    private String trackTitle;

    @Column(name = "slower_count", nullable = false)
    private int slower;

    @Column(name = "perfect_count", nullable = false)
    private int perfect;

    @Column(name = "faster_count", nullable = false)
    private int faster;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TempoTally() {
        // for JPA
    }

    public TempoTally(String sessionId, Long playedTrackId, String trackArtist, String trackTitle,
                      int slower, int perfect, int faster, Instant createdAt) {
        this.sessionId = sessionId;
        this.playedTrackId = playedTrackId;
        this.trackArtist = trackArtist;
        this.trackTitle = trackTitle;
        this.slower = slower;
        this.perfect = perfect;
        this.faster = faster;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Long playedTrackId() {
        return playedTrackId;
    }

    public String trackArtist() {
        return trackArtist;
    }

    public String trackTitle() {
        return trackTitle;
    }

    public int slower() {
        return slower;
    }

    public int perfect() {
        return perfect;
    }

    public int faster() {
        return faster;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
