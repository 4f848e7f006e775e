package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.live.entity.PlayStatistics;
import stream.pika.live.entity.SetSummary;
import stream.pika.live.entity.UpcomingGig;
import stream.pika.platform.control.SongIdentity;
import stream.pika.platform.entity.UtcInstants;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The profile's figures in SQL, each one query over the DJ's sets (indexed by account). */
@ApplicationScoped
public class JpaDjProfileRepository implements DjProfileRepository {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Override
    public Bio bio(long djId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT bio, avatar_url FROM users WHERE id = ?1").setParameter(1, djId).getSingleResult();
        return new Bio((String) row[0], (String) row[1]);
    }

    @Override
    public void saveBio(long djId, String bio, String avatarUrl) {
        em.createNativeQuery("UPDATE users SET bio = ?2, avatar_url = ?3 WHERE id = ?1")
                .setParameter(1, djId).setParameter(2, bio).setParameter(3, avatarUrl).executeUpdate();
    }

    @Override
    public Career career(long djId, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*),"
                        + " count(DISTINCT e.id) FILTER (WHERE e.status <> 'draft'),"
                        + " coalesce(sum(extract(epoch FROM (coalesce(s.ended_at, CAST(?2 AS timestamptz)) - s.started_at))), 0) / 3600.0"
                        + " FROM sessions s LEFT JOIN stages g ON g.id = s.stage_id LEFT JOIN events e ON e.id = g.event_id"
                        + " WHERE s.dj_user_id = ?1")
                .setParameter(1, djId).setParameter(2, Timestamp.from(now)).getSingleResult();
        return new Career(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Math.round(((Number) row[2]).doubleValue() * 10) / 10.0);
    }

    @Override
    public PlayStatistics plays(long djId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*),"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(p.bpm, g.bpm)), count(coalesce(p.bpm, g.bpm)),"
                        + " avg(coalesce(p.energy, g.energy * 100)), count(coalesce(p.energy, g.energy)),"
                        + " avg(p.danceability), count(p.danceability),"
                        + " avg(g.release_year), count(g.release_year),"
                        + " count(DISTINCT " + SongIdentity.of("p") + ")"
                        + " FROM played_tracks p JOIN sessions s ON s.id = p.session_id LEFT JOIN global_tracks g ON g.id = p.global_track_id"
                        + " WHERE s.dj_user_id = ?1")
                .setParameter(1, djId).getSingleResult();
        return new PlayStatistics(((Number) row[0]).longValue(), decimal(row[1]), ((Number) row[2]).intValue(), decimal(row[3]),
                ((Number) row[4]).intValue(), decimal(row[5]), ((Number) row[6]).intValue(), decimal(row[7]), ((Number) row[8]).intValue(),
                ((Number) row[9]).longValue());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UpcomingGig> upcoming(long djId, Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.name, g.name, s.starts_at, s.ends_at, e.time_zone"
                        + " FROM schedule_slots s JOIN stages g ON g.id = s.stage_id JOIN events e ON e.id = g.event_id"
                        + " WHERE s.dj_id = ?1 AND s.booking_status = 'accepted' AND e.status IN ('published', 'active')"
                        + " AND s.ends_at > CAST(?2 AS timestamptz) ORDER BY s.starts_at LIMIT ?3")
                .setParameter(1, djId).setParameter(2, Timestamp.from(now)).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new UpcomingGig(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                UtcInstants.fromColumn(r[3]), UtcInstants.fromColumn(r[4]), (String) r[5])).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SetSummary> sets(long djId, int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.dj_name, s.started_at, s.ended_at,"
                        + " (SELECT count(*) FROM played_tracks p WHERE p.session_id = s.id),"
                        + " (SELECT count(*) FROM likes l WHERE l.session_id = s.id), e.name, g.name"
                        + " FROM sessions s LEFT JOIN stages g ON g.id = s.stage_id LEFT JOIN events e ON e.id = g.event_id"
                        + " WHERE s.dj_user_id = ?1 ORDER BY s.started_at DESC, s.id OFFSET ?2 LIMIT ?3")
                .setParameter(1, djId).setParameter(2, offset).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new SetSummary((String) r[0], (String) r[1], UtcInstants.fromColumn(r[2]), UtcInstants.fromColumn(r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), (String) r[6], (String) r[7])).toList();
    }

    @Override
    public long setCount(long djId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM sessions WHERE dj_user_id = ?1").setParameter(1, djId)
                .getSingleResult()).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
