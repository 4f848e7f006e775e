package stream.pika.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A DJ's read-only calendar feed token (its hash): it opens the DJ's gig feed and nothing else. */
@Entity
@Table(name = "calendar_tokens")
@NamedQuery(name = CalendarToken.BY_HASH, query = "SELECT t FROM CalendarToken t WHERE t.tokenHash = :hash")
public class CalendarToken {

    public static final String BY_HASH = "CalendarToken.byHash";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarToken() {
        // for JPA
    }

    public CalendarToken(long userId, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public long userId() {
        return userId;
    }

    public void replace(String newHash, Instant at) {
        this.tokenHash = newHash;
        this.createdAt = at;
    }
}
