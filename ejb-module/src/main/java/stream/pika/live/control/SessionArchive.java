package stream.pika.live.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.live.entity.PlayedTrack;
import stream.pika.live.entity.SessionEvent;
import stream.pika.live.entity.TrackInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The history of sessions in PostgreSQL: each method is one transaction, called by the
 * {@link HistoryWriter} off the live path (and once, to check who owns a session id).
 */
@Stateless
public class SessionArchive {

    /** Who registered a stored session: {@code djId} null for an anonymous DJ. */
    public record StoredOwner(Long djId) {
    }

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    public Optional<StoredOwner> ownerOf(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT dj_user_id FROM sessions WHERE id = ?1")
                .setParameter(1, sessionId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new StoredOwner(rows.get(0) == null ? null : ((Number) rows.get(0)).longValue()));
    }

    /** Inserts the session, or re-opens it (clears {@code ended_at}) when the same DJ registers it again. */
    public void open(String sessionId, Long djId, String djName, Instant startedAt, Long stageId) {
        em.createNativeQuery("INSERT INTO sessions (id, dj_user_id, dj_name, started_at, stage_id) VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON CONFLICT (id) DO UPDATE SET ended_at = NULL, dj_name = EXCLUDED.dj_name,"
                        + " stage_id = COALESCE(EXCLUDED.stage_id, sessions.stage_id)"
                        + " WHERE sessions.dj_user_id IS NOT DISTINCT FROM EXCLUDED.dj_user_id")
                .setParameter(1, sessionId)
                .setParameter(2, djId)
                .setParameter(3, djName)
                .setParameter(4, startedAt.atOffset(ZoneOffset.UTC))
                .setParameter(5, stageId)
                .executeUpdate();
    }

    public void recordTrack(String sessionId, TrackInfo track, Instant playedAt) {
        PlayedTrack row = new PlayedTrack(sessionId, track.artist(), track.title(), playedAt);
        row.analysis(whole(track.bpm()), track.key(), whole(track.energy()), whole(track.danceability()),
                whole(track.brightness()), whole(track.acousticness()), whole(track.groove()));
        em.persist(row);
    }

    /** Late analysis (METADATA_UPDATED) of the last play of that track in the session. */
    public int updateAnalysis(String sessionId, TrackInfo track) {
        return em.createNativeQuery("UPDATE played_tracks SET bpm = COALESCE(?1, bpm), key = COALESCE(?2, key),"
                        + " energy = COALESCE(?3, energy), danceability = COALESCE(?4, danceability),"
                        + " brightness = COALESCE(?5, brightness), acousticness = COALESCE(?6, acousticness),"
                        + " groove = COALESCE(?7, groove)"
                        + " WHERE id = (SELECT id FROM played_tracks WHERE session_id = ?8 AND artist = ?9 AND title = ?10"
                        + " ORDER BY played_at DESC, id DESC LIMIT 1)")
                .setParameter(1, whole(track.bpm()))
                .setParameter(2, track.key())
                .setParameter(3, whole(track.energy()))
                .setParameter(4, whole(track.danceability()))
                .setParameter(5, whole(track.brightness()))
                .setParameter(6, whole(track.acousticness()))
                .setParameter(7, whole(track.groove()))
                .setParameter(8, sessionId)
                .setParameter(9, track.artist())
                .setParameter(10, track.title())
                .executeUpdate();
    }

    public void close(String sessionId, Instant endedAt) {
        em.createNativeQuery("UPDATE sessions SET ended_at = GREATEST(?1, started_at) WHERE id = ?2 AND ended_at IS NULL")
                .setParameter(1, endedAt.atOffset(ZoneOffset.UTC))
                .setParameter(2, sessionId)
                .executeUpdate();
    }

    public void recordEvent(String sessionId, SessionEvent.Type type, Instant at, String metadataJson) {
        em.persist(new SessionEvent(sessionId, type, at, metadataJson));
    }

    private static Integer whole(BigDecimal value) {
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
