package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Stage follows in SQL: one row per stage and device, written with an upsert (a device may follow again). */
@ApplicationScoped
public class JpaStageFollowRepository implements StageFollowRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public void follow(long stageId, String clientId, String pushEndpoint, Long userId, Instant at) {
        em.createNativeQuery("INSERT INTO stage_subscriptions (stage_id, client_id, user_id, push_endpoint, subscribed_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON CONFLICT (stage_id, client_id) DO UPDATE SET subscribed_at = EXCLUDED.subscribed_at,"
                        + " unsubscribed_at = NULL,"
                        + " user_id = COALESCE(EXCLUDED.user_id, stage_subscriptions.user_id),"
                        + " push_endpoint = COALESCE(EXCLUDED.push_endpoint, stage_subscriptions.push_endpoint)")
                .setParameter(1, stageId).setParameter(2, clientId).setParameter(3, userId).setParameter(4, pushEndpoint)
                .setParameter(5, Timestamp.from(at))
                .executeUpdate();
    }

    @Override
    public boolean unfollow(long stageId, String clientId, Instant at) {
        return em.createNativeQuery("UPDATE stage_subscriptions SET unsubscribed_at = ?3"
                        + " WHERE stage_id = ?1 AND client_id = ?2 AND unsubscribed_at IS NULL")
                .setParameter(1, stageId).setParameter(2, clientId).setParameter(3, Timestamp.from(at))
                .executeUpdate() > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> pushEndpoints(long eventId, int limit) {
        return em.createNativeQuery("SELECT DISTINCT s.push_endpoint FROM stage_subscriptions s JOIN stages st ON st.id = s.stage_id"
                        + " WHERE st.event_id = ?1 AND s.push_endpoint IS NOT NULL AND s.unsubscribed_at IS NULL"
                        + " ORDER BY s.push_endpoint LIMIT ?2")
                .setParameter(1, eventId).setParameter(2, limit)
                .getResultList();
    }

    @Override
    public int followers(long eventId) {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT s.client_id) FROM stage_subscriptions s JOIN stages st ON st.id = s.stage_id"
                        + " WHERE st.event_id = ?1 AND s.unsubscribed_at IS NULL")
                .setParameter(1, eventId).getSingleResult()).intValue();
    }
}
