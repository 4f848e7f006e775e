package stream.pika.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One row of the append-only {@code audit_log}: who did what to which target, when, why and from
 * where. Written in the transaction of the action it records; never changed (the database refuses).
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private String targetId;

    @Column(updatable = false)
    private String reason;

    @Column(name = "client_ip", updatable = false)
    private String clientIp;

    @Column(updatable = false)
    private String details;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(Instant occurredAt, AuditAct act) {
        this.occurredAt = occurredAt;
        this.actorId = act.actorId();
        this.action = act.action();
        this.targetType = act.targetType();
        this.targetId = act.targetId();
        this.reason = act.reason();
        this.clientIp = act.clientIp();
        this.details = act.details();
    }

    public AuditView view() {
        return new AuditView(id, occurredAt, actorId, action, targetType, targetId, reason, clientIp, details);
    }
}
