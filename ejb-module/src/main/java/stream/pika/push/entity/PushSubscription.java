package stream.pika.push.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A browser's push subscription (table {@code push_subscriptions}), keyed by its push-service
 * endpoint. Keys are kept as the browser sent them. {@code unsubscribedAt} marks an opt-out or a
 * subscription the push service declared gone.
 */
@Entity
@Table(name = "push_subscriptions")
public class PushSubscription {

    @Id
    private String endpoint;

    @Column(nullable = false)
    private String p256dh;

    @Column(nullable = false)
    private String auth;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    /** The session whose announcements this phone wants (null: none yet). */
    @Column(name = "subscribed_session_id")
    private String subscribedSessionId;

    protected PushSubscription() {
        // for JPA
    }

    public PushSubscription(String endpoint, String p256dh, String auth, String clientId, Instant createdAt) {
        this.endpoint = endpoint;
        this.p256dh = p256dh;
        this.auth = auth;
        this.clientId = clientId;
        this.createdAt = createdAt;
    }

    public String subscribedSessionId() {
        return subscribedSessionId;
    }

    public void unsubscribe(Instant at) {
        if (unsubscribedAt == null) {
            unsubscribedAt = at;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public String p256dh() {
        return p256dh;
    }

    public String auth() {
        return auth;
    }

    public String clientId() {
        return clientId;
    }

    public Long userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant unsubscribedAt() {
        return unsubscribedAt;
    }
}
