package stream.pika.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An admin's shadow ban of a user or a device ({@code clientId}): its interactions are answered
 * as usual but reach nobody and count nowhere; a banned DJ cannot go live. Lifting it keeps the row.
 */
@Entity
@Table(name = "shadow_bans")
@NamedQuery(name = ShadowBan.IN_FORCE, query = "SELECT b FROM ShadowBan b WHERE b.liftedAt IS NULL ORDER BY b.id")
@NamedQuery(name = ShadowBan.ALL, query = "SELECT b FROM ShadowBan b ORDER BY b.id DESC")
@NamedQuery(name = ShadowBan.COUNT_ALL, query = "SELECT COUNT(b) FROM ShadowBan b")
public class ShadowBan {

    public static final String IN_FORCE = "ShadowBan.inForce";
    public static final String ALL = "ShadowBan.all";
    public static final String COUNT_ALL = "ShadowBan.countAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", updatable = false)
    private Long userId;

    @Column(name = "client_id", updatable = false)
    private String clientId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "lifted_by")
    private Long liftedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    protected ShadowBan() {
        // for JPA
    }

    public ShadowBan(BanTarget target, String reason, long createdBy, Instant createdAt) {
        this.userId = target.userId().orElse(null);
        this.clientId = target.clientId().orElse(null);
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public BanTarget target() {
        return userId != null ? BanTarget.user(userId) : BanTarget.client(clientId);
    }

    public boolean inForce() {
        return liftedAt == null;
    }

    public void lift(long adminId, Instant at) {
        this.liftedBy = adminId;
        this.liftedAt = at;
    }

    public ShadowBanView view() {
        return new ShadowBanView(id, userId, clientId, reason, createdBy, createdAt, liftedBy, liftedAt);
    }
}
