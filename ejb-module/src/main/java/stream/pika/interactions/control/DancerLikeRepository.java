package stream.pika.interactions.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import stream.pika.interactions.entity.PlaylistWork;
import stream.pika.platform.entity.UtcInstants;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A signed-in dancer's likes across devices: claims, the journal's pages, removal, exports. Each method is one transaction. */
@Stateless
public class DancerLikeRepository {

    /** A like as listed: the set's event (null ids when not on a stage) and the set. */
    public record Row(long id, String artist, String title, Instant likedAt, String sessionId, String djName, Instant startedAt,
                      Long eventId, String eventName) {
    }

    /** A like taken back: the set it was in and its track. */
    public record Removed(String sessionId, String artist, String title) {
    }

    /** A liked track to export, with one of its plays. */
    public record Liked(String artist, String title, long playedTrackId) {
    }

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    PlaylistOutbox playlist;

    /** Whether likes of this client id were made in this browser (claimed or not). */
    public boolean usedHere(String clientId, String device) {
        return !em.createNativeQuery("SELECT 1 FROM likes WHERE client_id = ?1 AND device_hash = ?2 LIMIT 1")
                .setParameter(1, clientId).setParameter(2, device).getResultList().isEmpty();
    }

    /**
     * Gives the account the browser's anonymous likes under the client id (a like the account
     * has already is dropped, not doubled), queues them for "Pika! Likes"; empty when the client
     * id was claimed before (by anyone).
     */
    public Optional<Integer> claim(long userId, String clientId, String device, Instant at) {
        int recorded = em.createNativeQuery("INSERT INTO client_claims (client_id, user_id, likes_claimed, claimed_at)"
                        + " VALUES (?1, ?2, 0, ?3) ON CONFLICT (client_id) DO NOTHING")
                .setParameter(1, clientId).setParameter(2, userId).setParameter(3, at.atOffset(ZoneOffset.UTC)).executeUpdate();
        if (recorded == 0) {
            return Optional.empty();
        }
        em.createNativeQuery("DELETE FROM likes a WHERE a.client_id = ?1 AND a.device_hash = ?2 AND a.user_id IS NULL"
                        + " AND EXISTS (SELECT 1 FROM likes b WHERE b.played_track_id = a.played_track_id AND b.user_id = ?3)")
                .setParameter(1, clientId).setParameter(2, device).setParameter(3, userId).executeUpdate();
        List<?> claimed = em.createNativeQuery("WITH claimed AS (UPDATE likes SET user_id = ?3 WHERE client_id = ?1 AND device_hash = ?2"
                        + " AND user_id IS NULL RETURNING played_track_id, created_at)"
                        + " SELECT p.artist, p.title, c.created_at, p.id FROM claimed c JOIN played_tracks p ON p.id = c.played_track_id"
                        + " ORDER BY c.created_at")
                .setParameter(1, clientId).setParameter(2, device).setParameter(3, userId).getResultList();
        for (Object o : claimed) {
            Object[] row = (Object[]) o;
            playlist.queue(userId, PlaylistWork.Action.ADD, ((Number) row[3]).longValue(), TrackKeys.of((String) row[0], (String) row[1]),
                    (String) row[0], (String) row[1], UtcInstants.fromColumn(row[2]));
        }
        em.createNativeQuery("UPDATE client_claims SET likes_claimed = ?2 WHERE client_id = ?1")
                .setParameter(1, clientId).setParameter(2, claimed.size()).executeUpdate();
        return Optional.of(claimed.size());
    }

    /** A page of the dancer's likes: by event, then set, then like, each newest first. */
    public List<Row> page(long userId, Long eventId, int offset, int size) {
        Query query = em.createNativeQuery("SELECT l.id, p.artist, p.title, l.created_at, s.id, s.dj_name, s.started_at, e.id, e.name"
                        + " FROM likes l JOIN played_tracks p ON p.id = l.played_track_id JOIN sessions s ON s.id = l.session_id"
                        + " LEFT JOIN stages st ON st.id = s.stage_id LEFT JOIN events e ON e.id = st.event_id"
                        + " WHERE l.user_id = ?1" + (eventId == null ? "" : " AND e.id = ?4")
                        + " ORDER BY max(l.created_at) OVER (PARTITION BY e.id) DESC, e.id,"
                        + " max(l.created_at) OVER (PARTITION BY s.id) DESC, s.id, l.created_at DESC, l.id DESC"
                        + " OFFSET ?2 LIMIT ?3")
                .setParameter(1, userId).setParameter(2, offset).setParameter(3, size);
        if (eventId != null) {
            query.setParameter(4, eventId);
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], UtcInstants.fromColumn(r[3]), (String) r[4], (String) r[5],
                    UtcInstants.fromColumn(r[6]), r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8]));
        }
        return rows;
    }

    public long count(long userId, Long eventId) {
        Query query = em.createNativeQuery("SELECT count(*) FROM likes l" + (eventId == null ? "" : " JOIN sessions s ON s.id = l.session_id"
                + " JOIN stages st ON st.id = s.stage_id") + " WHERE l.user_id = ?1" + (eventId == null ? "" : " AND st.event_id = ?2"))
                .setParameter(1, userId);
        if (eventId != null) {
            query.setParameter(2, eventId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Where each track stands in the dancer's "Pika! Likes": added, not-found or pending; absent without a link or when never queued. */
    public Map<String, String> spotifyStates(long userId, List<String> trackKeys) {
        Map<String, String> states = new HashMap<>();
        if (trackKeys.isEmpty()
                || em.createNativeQuery("SELECT 1 FROM spotify_links WHERE user_id = ?1").setParameter(1, userId).getResultList().isEmpty()) {
            return states;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < trackKeys.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        Query pending = em.createNativeQuery("SELECT DISTINCT track_key FROM spotify_outbox WHERE user_id = ?1 AND track_key IN (" + in + ")");
        Query known = em.createNativeQuery("SELECT track_key, status FROM spotify_playlist_tracks WHERE user_id = ?1 AND track_key IN (" + in + ")");
        pending.setParameter(1, userId);
        known.setParameter(1, userId);
        for (int i = 0; i < trackKeys.size(); i++) {
            pending.setParameter(i + 2, trackKeys.get(i));
            known.setParameter(i + 2, trackKeys.get(i));
        }
        for (Object o : known.getResultList()) {
            Object[] row = (Object[]) o;
            states.put((String) row[0], "added".equals(row[1]) ? "added" : "not-found");
        }
        for (Object key : pending.getResultList()) {
            states.put((String) key, "pending");
        }
        // A like never queued (made before Spotify was linked) has no state: "pending" would never end.
        return states;
    }

    /** Removes the dancer's like (only theirs) and queues its removal from "Pika! Likes". */
    public Optional<Removed> remove(long userId, long likeId, Instant at) {
        List<?> rows = em.createNativeQuery("WITH gone AS (DELETE FROM likes WHERE id = ?1 AND user_id = ?2 RETURNING session_id, played_track_id)"
                        + " SELECT g.session_id, p.artist, p.title FROM gone g JOIN played_tracks p ON p.id = g.played_track_id")
                .setParameter(1, likeId).setParameter(2, userId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Removed removed = new Removed((String) row[0], (String) row[1], (String) row[2]);
        playlist.queue(userId, PlaylistWork.Action.REMOVE, null, TrackKeys.of(removed.artist(), removed.title()), removed.artist(),
                removed.title(), at);
        return Optional.of(removed);
    }

    /** The dancer's likes of the event (or the set), oldest first, each track once. */
    public List<Liked> likesOf(long userId, Long eventId, String sessionId) {
        Query query = em.createNativeQuery("SELECT p.artist, p.title, min(l.created_at) AS first_liked, min(p.id) FROM likes l"
                        + " JOIN played_tracks p ON p.id = l.played_track_id JOIN sessions s ON s.id = l.session_id"
                        + " LEFT JOIN stages st ON st.id = s.stage_id WHERE l.user_id = ?1 AND "
                        + (eventId != null ? "st.event_id = ?2" : "s.id = ?2")
                        + " GROUP BY p.artist, p.title ORDER BY first_liked")
                .setParameter(1, userId).setParameter(2, eventId != null ? eventId : sessionId);
        List<Liked> likes = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] row = (Object[]) o;
            likes.add(new Liked((String) row[0], (String) row[1], ((Number) row[3]).longValue()));
        }
        return likes;
    }

    /** The name an export gets by default: the event's (the set's event, or its DJ's name for a set on no stage). */
    public Optional<String> exportTitle(Long eventId, String sessionId) {
        List<?> rows = eventId != null
                ? em.createNativeQuery("SELECT name FROM events WHERE id = ?1").setParameter(1, eventId).getResultList()
                : em.createNativeQuery("SELECT coalesce(e.name, s.dj_name) FROM sessions s LEFT JOIN stages st ON st.id = s.stage_id"
                + " LEFT JOIN events e ON e.id = st.event_id WHERE s.id = ?1").setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }
}
