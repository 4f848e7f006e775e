package stream.pika.push.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import stream.pika.push.entity.PushReport;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.platform.entity.PikaException;
import stream.pika.push.control.VapidKeys;
import stream.pika.push.entity.PushSubscription;
import stream.pika.push.entity.PushTarget;
import stream.pika.push.entity.SubscriptionRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Phones' Web Push subscriptions, each bound to the session whose announcements it wants (the
 * original kept no session and pushed every announcement to everyone).
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
public class PushSubscriptions {

    private static final Logger LOG = Logger.getLogger(PushSubscriptions.class.getName());

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    VapidKeys vapid;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** Hosts whose push endpoints may be plain http (a push-service emulator in tests); none by default. */
    @Inject
    @ConfigProperty(name = "pika.push.insecure-hosts", defaultValue = " ")
    String insecureHostsSetting;

    public String publicKey() {
        return vapid.publicKey();
    }

    /**
     * Stores the subscription, or renews it (new keys, active again, the new session) when the
     * endpoint is known.
     *
     * @throws PikaException INVALID for an endpoint that is not https or keys of the wrong size
     */
    public void subscribe(@NotNull @Valid SubscriptionRequest request) {
        checkEndpoint(request.endpoint());
        String p256dh = checkKey(request.keys().p256dh(), 65, "keys.p256dh must be a 65-byte P-256 key in base64");
        String auth = checkKey(request.keys().auth(), 16, "keys.auth must be a 16-byte secret in base64");
        // One statement, so two subscribes of the same endpoint at once both succeed (a find-then-persist
        // let the second fail on the primary key): a known endpoint gets the new keys, is active
        // again, and keeps its client id and session unless new ones are given.
        // A signed-in dancer's phone becomes the account's (its starred slots' reminders reach it);
        // one bound to an account before stays with it.
        Long account = CallerIds.ifSignedIn(context, Roles.SIGNED_IN).orElse(null);
        em.createNativeQuery("INSERT INTO push_subscriptions (endpoint, p256dh, auth, client_id, created_at, subscribed_session_id, user_id)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS bigint))"
                        + " ON CONFLICT (endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,"
                        + " client_id = COALESCE(EXCLUDED.client_id, push_subscriptions.client_id), unsubscribed_at = NULL,"
                        + " subscribed_session_id = COALESCE(EXCLUDED.subscribed_session_id, push_subscriptions.subscribed_session_id),"
                        + " user_id = COALESCE(push_subscriptions.user_id, EXCLUDED.user_id)")
                .setParameter(1, request.endpoint())
                .setParameter(2, p256dh)
                .setParameter(3, auth)
                .setParameter(4, request.clientId())
                .setParameter(5, java.sql.Timestamp.from(clock.instant()))
                .setParameter(6, request.sessionId())
                .setParameter(7, account)
                .executeUpdate();
        // The entity cached in this context, if any, would not know: forget it.
        em.getEntityManagerFactory().getCache().evict(PushSubscription.class, request.endpoint());
        LOG.fine(() -> "Push subscription for session " + request.sessionId() + " stored");
    }

    /** The phone opted out; an unknown endpoint is fine (nothing to do). */
    public void unsubscribe(String endpoint) {
        PushSubscription subscription = endpoint == null ? null : em.find(PushSubscription.class, endpoint);
        if (subscription != null) {
            subscription.unsubscribe(clock.instant());
        }
    }

    /** The newest active subscriptions of these sessions, at most {@code limit}. */
    public List<PushTarget> activeFor(Collection<String> sessionIds, int limit) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM PushSubscription p WHERE p.unsubscribedAt IS NULL"
                        + " AND p.subscribedSessionId IN :sessions ORDER BY p.createdAt DESC", PushSubscription.class)
                .setParameter("sessions", sessionIds)
                .setMaxResults(limit)
                .getResultStream()
                .map(PushTarget::of)
                .toList();
    }

    /** The active subscriptions among these endpoints (an event's followers' devices, each once). */
    public List<PushTarget> activeAt(Collection<String> endpoints) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM PushSubscription p WHERE p.unsubscribedAt IS NULL AND p.endpoint IN :endpoints",
                        PushSubscription.class)
                .setParameter("endpoints", endpoints)
                .getResultStream()
                .map(PushTarget::of)
                .toList();
    }

    /** The active subscriptions of these accounts' phones (a signed-in dancer's reminders). */
    public List<PushTarget> activeOfAccounts(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM PushSubscription p WHERE p.unsubscribedAt IS NULL AND p.userId IN :users",
                        PushSubscription.class)
                .setParameter("users", userIds)
                .getResultStream()
                .map(PushTarget::of)
                .toList();
    }

    /** Whether the account has a phone that takes pushes. */
    public boolean hasActive(long userId) {
        return !em.createNativeQuery("SELECT 1 FROM push_subscriptions WHERE user_id = ?1 AND unsubscribed_at IS NULL LIMIT 1")
                .setParameter(1, userId).getResultList().isEmpty();
    }

    /**
     * The signed-in dancer's phone: its pushes for the account (reminders of starred slots) reach it.
     * A phone already bound to another account keeps that account (the newer sign-in does not take it over).
     */
    public void bindToAccount(String endpoint, long userId) {
        em.createNativeQuery("UPDATE push_subscriptions SET user_id = ?2 WHERE endpoint = ?1 AND user_id IS NULL")
                .setParameter(1, endpoint).setParameter(2, userId).executeUpdate();
        em.getEntityManagerFactory().getCache().evict(PushSubscription.class, endpoint);
    }

    /**
     * The device's push endpoint a request names must be a subscription of this site that still
     * takes pushes (a stage follow, a starred slot's reminder).
     *
     * @throws PikaException INVALID otherwise
     */
    public void requireActive(String endpoint) {
        if (!isActive(endpoint)) {
            throw PikaException.invalid("pushEndpoint is not a push subscription of this site: subscribe at /api/push/subscribe first");
        }
    }

    /** Whether this endpoint is a subscription that still takes pushes. */
    public boolean isActive(String endpoint) {
        PushSubscription subscription = endpoint == null ? null : em.find(PushSubscription.class, endpoint);
        return subscription != null && subscription.unsubscribedAt() == null;
    }

    /** The push service said these subscriptions no longer exist (404/410): never push to them again. */
    /** Adds a settled send to its hour's tally (one statement: nodes add to the same row). */
    public void tally(int sent, int failed) {
        if (sent == 0 && failed == 0) {
            return;
        }
        em.createNativeQuery("INSERT INTO push_hourly (hour, sent, failed) VALUES (date_trunc('hour', CAST(?1 AS timestamptz)), ?2, ?3)"
                        + " ON CONFLICT (hour) DO UPDATE SET sent = push_hourly.sent + EXCLUDED.sent, failed = push_hourly.failed + EXCLUDED.failed")
                .setParameter(1, java.sql.Timestamp.from(clock.instant())).setParameter(2, sent).setParameter(3, failed).executeUpdate();
    }

    /** Pushes sent and failed since {@code since} (by whole hours: the hour {@code since} falls in counts). */
    public PushReport tallySince(java.time.Instant since) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT coalesce(sum(sent), 0), coalesce(sum(failed), 0) FROM push_hourly"
                + " WHERE hour >= date_trunc('hour', CAST(?1 AS timestamptz))").setParameter(1, java.sql.Timestamp.from(since)).getSingleResult();
        int sent = ((Number) row[0]).intValue();
        int failed = ((Number) row[1]).intValue();
        return new PushReport(sent, failed, sent + failed);
    }

    public int markGone(Collection<String> endpoints) {
        if (endpoints.isEmpty()) {
            return 0;
        }
        int changed = em.createQuery("UPDATE PushSubscription p SET p.unsubscribedAt = :now"
                        + " WHERE p.endpoint IN :endpoints AND p.unsubscribedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("endpoints", endpoints)
                .executeUpdate();
        LOG.info(() -> changed + " push subscription(s) marked unsubscribed: their push service answered 404/410");
        return changed;
    }

    private void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw PikaException.invalid("endpoint must be an https URL");
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        boolean allowedHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && insecureHosts().contains(uri.getHost());
        if (!https && !allowedHttp) {
            throw PikaException.invalid("endpoint must be an https URL");
        }
    }

    private Set<String> insecureHosts() {
        return Arrays.stream(insecureHostsSetting.split(",")).map(String::strip).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** The key in base64url without padding (what push encryption takes), after checking its decoded length. */
    private static String checkKey(String key, int bytes, String problem) {
        String url = key.replace('+', '-').replace('/', '_').replace("=", "");
        try {
            if (Base64.getUrlDecoder().decode(url).length != bytes) {
                throw PikaException.invalid(problem);
            }
        } catch (IllegalArgumentException e) {
            throw PikaException.invalid(problem);
        }
        return url;
    }
}
