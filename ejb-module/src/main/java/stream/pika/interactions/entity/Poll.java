package stream.pika.interactions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import stream.pika.platform.entity.JsonStringList;

import java.time.Instant;
import java.util.List;

/** A DJ's poll (table {@code polls}); its id is the wire {@code pollId}. */
@Entity
@Table(name = "polls")
public class Poll {

    public static final String ACTIVE = "active";
    public static final String CLOSED = "closed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(nullable = false, updatable = false)
    private String question;

    @Column(nullable = false, updatable = false)
    @Convert(converter = JsonStringList.class)
    private List<String> options;

    @Column(nullable = false)
    private String status;

    @Column(name = "current_track_artist", updatable = false)
    private String currentTrackArtist;

    @Column(name = "current_track_title", updatable = false)
    private String currentTrackTitle;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    /** When the poll closes by itself; absent for an open-ended poll. */
    @Column(name = "ends_at", updatable = false)
    private Instant endsAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Poll() {
        // for JPA
    }

    public Poll(String sessionId, String question, List<String> options, String currentTrackArtist,
                String currentTrackTitle, Instant startedAt, Instant endsAt) {
        this.sessionId = sessionId;
        this.question = question;
        this.options = List.copyOf(options);
        this.currentTrackArtist = currentTrackArtist;
        this.currentTrackTitle = currentTrackTitle;
        this.startedAt = startedAt;
        this.endsAt = endsAt;
        this.status = ACTIVE;
    }

    public void close(Instant at) {
        if (ACTIVE.equals(status)) {
            status = CLOSED;
            endedAt = at;
        }
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public Long id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String question() {
        return question;
    }

    public List<String> options() {
        return options;
    }

    public String status() {
        return status;
    }

    public String currentTrackArtist() {
        return currentTrackArtist;
    }

    public String currentTrackTitle() {
        return currentTrackTitle;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
