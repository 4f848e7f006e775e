package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.crate.entity.Activity;
import stream.pika.crate.entity.CatalogEntry;
import stream.pika.crate.entity.MatchView;
import stream.pika.crate.entity.PlayWithMatch;
import stream.pika.platform.entity.UtcInstants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A DJ's verification of their sets' matches: reads, decisions, what they teach, points and badges. */
@Stateless
public class VerificationRepository {

    /** A match with what deciding it needs: its play, the play's names and its set's DJ. */
    public record MatchFacts(long matchId, long playedTrackId, String artist, String title, Long djId, Long globalTrackId, String status) {
    }

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /** The DJ account of the set, if the set exists (empty Optional inside: a set of no account). */
    public Optional<Optional<Long>> djOfSession(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT dj_user_id FROM sessions WHERE id = ?1").setParameter(1, sessionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(rows.get(0)).map(id -> ((Number) id).longValue()));
    }

    /** The set's DJ name and the day it started (UTC), for the default name of its export. */
    public Optional<Object[]> setFacts(String sessionId) {
        List<?> rows = em.createNativeQuery("SELECT dj_name, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM sessions WHERE id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    public List<PlayWithMatch> playsOf(String sessionId) {
        List<PlayWithMatch> plays = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT p.id, p.artist, p.title, p.played_at, m.id, m.global_track_id, g.title, g.artist,"
                        + " g.spotify_uri, m.confidence, m.method, m.status FROM played_tracks p"
                        + " LEFT JOIN track_matches m ON m.played_track_id = p.id LEFT JOIN global_tracks g ON g.id = m.global_track_id"
                        + " WHERE p.session_id = ?1 ORDER BY p.played_at, p.id")
                .setParameter(1, sessionId).getResultList()) {
            Object[] r = (Object[]) o;
            MatchView match = r[4] == null ? null : new MatchView(((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                    (String) r[6], (String) r[7], (String) r[8], Math.round(((Number) r[9]).doubleValue() * 10_000) / 10_000.0,
                    (String) r[10], (String) r[11]);
            plays.add(new PlayWithMatch(((Number) r[0]).longValue(), (String) r[1], (String) r[2], UtcInstants.fromColumn(r[3]), match));
        }
        return plays;
    }

    public Optional<MatchFacts> match(long matchId) {
        List<?> rows = em.createNativeQuery("SELECT m.id, p.id, p.artist, p.title, s.dj_user_id, m.global_track_id, m.status"
                        + " FROM track_matches m JOIN played_tracks p ON p.id = m.played_track_id JOIN sessions s ON s.id = p.session_id"
                        + " WHERE m.id = ?1")
                .setParameter(1, matchId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new MatchFacts(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6]));
    }

    public boolean trackExists(long globalTrackId) {
        return !em.createNativeQuery("SELECT 1 FROM global_tracks WHERE id = ?1").setParameter(1, globalTrackId).getResultList().isEmpty();
    }

    /**
     * The DJ's decision ({@code method} null: as the matcher found it): the match confirmed (with its record: the one proposed or the one chosen)
     * or rejected, the play linked or unlinked, the record verified, and the lesson kept: these raw
     * names are this record, for every DJ's plays to come and for those waiting with the same names.
     */
    public void decide(MatchFacts match, Long globalTrackId, String status, String method, long djId, String rawKey) {
        em.createNativeQuery("UPDATE track_matches SET global_track_id = ?2, status = ?3, method = coalesce(?4, method), confidence = ?5,"
                        + " decided_by = ?6, decided_at = now() WHERE id = ?1")
                .setParameter(1, match.matchId()).setParameter(2, globalTrackId).setParameter(3, status).setParameter(4, method)
                .setParameter(5, globalTrackId == null ? 0f : 1f).setParameter(6, djId).executeUpdate();
        em.createNativeQuery("UPDATE played_tracks SET global_track_id = ?2 WHERE id = ?1")
                .setParameter(1, match.playedTrackId()).setParameter(2, globalTrackId).executeUpdate();
        if (globalTrackId == null) {
            return;
        }
        em.createNativeQuery("UPDATE global_tracks SET verified = true, updated_at = now() WHERE id = ?1").setParameter(1, globalTrackId)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO track_aliases (raw_key, global_track_id, taught_by) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (raw_key) DO UPDATE SET global_track_id = EXCLUDED.global_track_id, taught_by = EXCLUDED.taught_by,"
                        + " created_at = now()")
                .setParameter(1, rawKey).setParameter(2, globalTrackId).setParameter(3, djId).executeUpdate();
        // Plays with exactly these names that wait for a person, or found nothing, are this record too.
        em.createNativeQuery("WITH same AS (UPDATE track_matches m SET global_track_id = ?3, status = 'auto', method = 'manual', confidence = 1"
                        + " FROM played_tracks p WHERE p.id = m.played_track_id AND p.artist = ?1 AND p.title = ?2"
                        + " AND m.status IN ('needs_review', 'unmatched') RETURNING p.id)"
                        + " UPDATE played_tracks SET global_track_id = ?3 WHERE id IN (SELECT id FROM same)")
                .setParameter(1, match.artist()).setParameter(2, match.title()).setParameter(3, globalTrackId).executeUpdate();
    }

    /** Points for an action; answers the user's verifications so far. */
    public long award(long userId, String action, int points, long subjectId) {
        em.createNativeQuery("INSERT INTO user_activity (user_id, action, points, subject_id) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, action).setParameter(3, points).setParameter(4, subjectId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT count(*) FROM user_activity WHERE user_id = ?1 AND action LIKE 'match.%'")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    public void badge(long userId, String badge) {
        em.createNativeQuery("INSERT INTO badges (user_id, badge) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, userId).setParameter(2, badge).executeUpdate();
    }

    public Activity activity(long userId) {
        long points = ((Number) em.createNativeQuery("SELECT coalesce(sum(points), 0) FROM user_activity WHERE user_id = ?1")
                .setParameter(1, userId).getSingleResult()).longValue();
        List<String> badges = em.createNativeQuery("SELECT badge FROM badges WHERE user_id = ?1 ORDER BY awarded_at, badge")
                .setParameter(1, userId).getResultList().stream().map(String.class::cast).toList();
        List<Activity.Entry> recent = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT action, points, created_at FROM user_activity WHERE user_id = ?1"
                + " ORDER BY created_at DESC, id DESC LIMIT 20").setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) o;
            recent.add(new Activity.Entry((String) r[0], ((Number) r[1]).intValue(), UtcInstants.fromColumn(r[2])));
        }
        return new Activity(points, badges, recent);
    }

    /** Catalog records nearest to the words, for a DJ's manual pick. */
    public List<CatalogEntry> search(String normalizedQuery, int limit) {
        List<CatalogEntry> found = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT id, title, artist, album, duration_ms, spotify_uri, verified FROM global_tracks"
                        + " WHERE search_text % ?1 OR search_text LIKE ?2 ORDER BY similarity(search_text, ?1) DESC, id LIMIT ?3")
                .setParameter(1, normalizedQuery).setParameter(2, "%" + normalizedQuery.replace("%", "").replace("_", "") + "%")
                .setParameter(3, limit).getResultList()) {
            Object[] r = (Object[]) o;
            found.add(new CatalogEntry(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], Boolean.TRUE.equals(r[6])));
        }
        return found;
    }
}
