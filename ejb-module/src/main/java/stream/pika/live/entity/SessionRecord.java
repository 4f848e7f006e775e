package stream.pika.live.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The stored history of a DJ's session (table {@code sessions}); its id is chosen by the DJ app.
 * A session without {@code endedAt} has not been ended yet.
 */
@Entity
@Table(name = "sessions")
public class SessionRecord {

    @Id
    private String id;

    /** The owning DJ account, absent for anonymous DJs. */
    @Column(name = "dj_user_id")
    private Long djUserId;

    @Column(name = "dj_name", nullable = false)
    private String djName;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected SessionRecord() {
        // for JPA
    }

    public SessionRecord(String id, Long djUserId, String djName, Instant startedAt) {
        this.id = id;
        this.djUserId = djUserId;
        this.djName = djName;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public Long djUserId() {
        return djUserId;
    }

    public String djName() {
        return djName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }
}
