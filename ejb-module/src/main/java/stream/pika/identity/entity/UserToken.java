package stream.pika.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A token as stored (table {@code user_tokens}): only the SHA-256 of the token the user holds.
 * A user may hold several (desktop app, web) up to a limit; each one can be revoked on its own.
 */
@Entity
@Table(name = "user_tokens")
@NamedQuery(name = UserToken.BY_HASH,
        query = "SELECT t FROM UserToken t JOIN FETCH t.account WHERE t.tokenHash = :hash")
@NamedQuery(name = UserToken.OF_ACCOUNT_NEWEST_FIRST,
        query = "SELECT t FROM UserToken t WHERE t.account = :account ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = UserToken.TOUCH,
        query = "UPDATE UserToken t SET t.lastUsed = :now WHERE t.id = :id AND (t.lastUsed IS NULL OR t.lastUsed < :staleBefore)")
public class UserToken {

    public static final String BY_HASH = "UserToken.byHash";
    public static final String OF_ACCOUNT_NEWEST_FIRST = "UserToken.ofAccountNewestFirst";
    public static final String TOUCH = "UserToken.touch";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount account;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "last_used")
    private Instant lastUsed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected UserToken() {
        // for JPA
    }

    public UserToken(UserAccount account, String tokenHash, String name, Instant createdAt) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String name() {
        return name;
    }

    public Instant lastUsed() {
        return lastUsed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
