package stream.pika.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.events.entity.DueReminder;
import stream.pika.events.entity.StarOwner;
import stream.pika.platform.entity.UtcInstants;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Stars in SQL. An owner is an account ({@code user_id}) or, for an anonymous dancer, a push endpoint. */
@ApplicationScoped
public class JpaStarRepository implements StarRepository {


    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> slotsOf(long eventId, Collection<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return List.of();
        }
        return ((List<Number>) em.createNativeQuery("SELECT s.id FROM schedule_slots s JOIN stages g ON g.id = s.stage_id"
                        + " WHERE g.event_id = ?1 AND s.id = ANY (CAST(?2 AS bigint[]))")
                .setParameter(1, eventId).setParameter(2, array(slotIds))
                .getResultList()).stream().map(Number::longValue).toList();
    }

    @Override
    public void star(StarOwner owner, Collection<Long> slotIds, int remindMinutes, Instant at) {
        if (slotIds.isEmpty()) {
            return;
        }
        // No conflict target: either partial unique index (one star per account, one per device) applies.
        em.createNativeQuery("INSERT INTO slot_stars (slot_id, user_id, push_endpoint, remind_minutes, starred_at)"
                        + " SELECT slot, CAST(?1 AS bigint), CAST(?2 AS text), ?3, ?4 FROM unnest(CAST(?5 AS bigint[])) AS slot ON CONFLICT DO NOTHING")
                .setParameter(1, owner.userId()).setParameter(2, owner.pushEndpoint()).setParameter(3, remindMinutes)
                .setParameter(4, Timestamp.from(at)).setParameter(5, array(slotIds))
                .executeUpdate();
    }

    @Override
    public void unstar(StarOwner owner, Collection<Long> slotIds) {
        if (slotIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("DELETE FROM slot_stars st WHERE " + owned(owner) + " AND st.slot_id = ANY (CAST(?2 AS bigint[]))")
                .setParameter(1, key(owner)).setParameter(2, array(slotIds))
                .executeUpdate();
    }

    @Override
    public void changeLead(StarOwner owner, long eventId, int minutes) {
        em.createNativeQuery("UPDATE slot_stars st SET remind_minutes = ?3 WHERE " + owned(owner)
                        + " AND st.slot_id IN (SELECT s.id FROM schedule_slots s JOIN stages g ON g.id = s.stage_id WHERE g.event_id = ?2)")
                .setParameter(1, key(owner)).setParameter(2, eventId).setParameter(3, minutes)
                .executeUpdate();
    }

    @Override
    public int adopt(String pushEndpoint, long userId) {
        int adopted = em.createNativeQuery("INSERT INTO slot_stars (slot_id, user_id, push_endpoint, remind_minutes, reminded_at, starred_at)"
                        + " SELECT slot_id, CAST(?2 AS bigint), push_endpoint, remind_minutes, reminded_at, starred_at FROM slot_stars"
                        + " WHERE push_endpoint = ?1 AND user_id IS NULL ON CONFLICT DO NOTHING")
                .setParameter(1, pushEndpoint).setParameter(2, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM slot_stars WHERE push_endpoint = ?1 AND user_id IS NULL").setParameter(1, pushEndpoint)
                .executeUpdate();
        return adopted;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> starred(StarOwner owner, long eventId) {
        return ((List<Number>) em.createNativeQuery("SELECT st.slot_id FROM slot_stars st JOIN schedule_slots s ON s.id = st.slot_id"
                        + " JOIN stages g ON g.id = s.stage_id WHERE " + owned(owner) + " AND g.event_id = ?2 ORDER BY s.starts_at, s.id")
                .setParameter(1, key(owner)).setParameter(2, eventId)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public int lead(StarOwner owner, long eventId, int fallback) {
        List<Number> latest = em.createNativeQuery("SELECT st.remind_minutes FROM slot_stars st JOIN schedule_slots s ON s.id = st.slot_id"
                        + " JOIN stages g ON g.id = s.stage_id WHERE " + owned(owner) + " AND g.event_id = ?2 ORDER BY st.starred_at DESC, st.id DESC LIMIT 1")
                .setParameter(1, key(owner)).setParameter(2, eventId)
                .getResultList();
        return latest.isEmpty() ? fallback : latest.get(0).intValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DueReminder> claimDue(Instant now, int limit) {
        List<Number> claimed = em.createNativeQuery("UPDATE slot_stars SET reminded_at = CAST(?1 AS timestamptz) WHERE id IN ("
                        + " SELECT st.id FROM slot_stars st JOIN schedule_slots s ON s.id = st.slot_id JOIN stages g ON g.id = s.stage_id"
                        + " JOIN events e ON e.id = g.event_id"
                        + " WHERE st.reminded_at IS NULL AND e.status IN ('published', 'active')"
                        + " AND s.starts_at > CAST(?1 AS timestamptz)"
                        + " AND s.starts_at <= CAST(?1 AS timestamptz) + make_interval(mins => st.remind_minutes)"
                        + " ORDER BY s.starts_at LIMIT ?2 FOR UPDATE OF st SKIP LOCKED)"
                        + " AND reminded_at IS NULL RETURNING id")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit)
                .getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT st.id, s.id, st.user_id, st.push_endpoint, e.id, e.name, e.time_zone, g.name,"
                        + " s.title, CASE WHEN s.booking_status IN ('accepted', 'completed') THEN u.display_name END, s.starts_at"
                        + " FROM slot_stars st JOIN schedule_slots s ON s.id = st.slot_id JOIN stages g ON g.id = s.stage_id"
                        + " JOIN events e ON e.id = g.event_id LEFT JOIN users u ON u.id = s.dj_id"
                        + " WHERE st.id = ANY (CAST(?1 AS bigint[])) ORDER BY s.starts_at, st.id")
                .setParameter(1, array(claimed.stream().map(Number::longValue).toList()))
                .getResultList();
        return rows.stream().map(r -> new DueReminder(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], ((Number) r[4]).longValue(), (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], UtcInstants.fromColumn(r[10]))).toList();
    }

    /** The owner's rows: parameter 1 is {@link #key}. */
    private static String owned(StarOwner owner) {
        return owner.signedIn() ? "st.user_id = ?1" : "st.user_id IS NULL AND st.push_endpoint = ?1";
    }

    private static Object key(StarOwner owner) {
        return owner.signedIn() ? owner.userId() : owner.pushEndpoint();
    }

    /** PostgreSQL's array literal of ids (parameters of type array are not portable through JPA). */
    private static String array(Collection<Long> ids) {
        StringBuilder literal = new StringBuilder("{");
        for (Long id : ids) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append(id.longValue());
        }
        return literal.append('}').toString();
    }
}
