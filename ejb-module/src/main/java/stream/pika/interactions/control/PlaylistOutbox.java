package stream.pika.interactions.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.interactions.entity.PlaylistWork;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persisted queue of "Pika! Likes" changes and the state of each dancer's playlist: what
 * was asked (in order), who works on a dancer now (a lease: one node at a time, so a dancer's
 * changes reach Spotify in order), when to try again, and what the playlist holds. Each method
 * is one transaction.
 */
@Stateless
public class PlaylistOutbox {

    /** One search answer per track, shared by every dancer. */
    public record Lookup(String uri, double confidence) {
    }

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /**
     * Queues a change of the dancer's playlist, when the dancer has linked Spotify (called in the
     * like's own transaction: the like and its queued add are written together or not at all).
     */
    public void queue(long userId, PlaylistWork.Action action, Long playedTrackId, String trackKey, String artist, String title, Instant at) {
        em.createNativeQuery("INSERT INTO spotify_outbox (user_id, action, track_key, artist, title, created_at, played_track_id)"
                        + " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM spotify_links WHERE user_id = ?1)")
                .setParameter(1, userId)
                .setParameter(2, action.name().toLowerCase(java.util.Locale.ROOT))
                .setParameter(3, trackKey)
                .setParameter(4, artist)
                .setParameter(5, title)
                .setParameter(6, at.atOffset(ZoneOffset.UTC))
                .setParameter(7, playedTrackId)
                .executeUpdate();
    }

    /** Dancers with queued changes, a working link, and nobody on them or waiting out a failure. */
    public List<Long> dueDancers(int limit) {
        List<?> rows = em.createNativeQuery("SELECT o.user_id FROM spotify_outbox o"
                        + " JOIN spotify_links l ON l.user_id = o.user_id AND l.status = 'linked'"
                        + " LEFT JOIN spotify_playlist_sync s ON s.user_id = o.user_id"
                        + " WHERE (s.lease_until IS NULL OR s.lease_until < now()) AND (s.not_before IS NULL OR s.not_before <= now())"
                        + " GROUP BY o.user_id ORDER BY min(o.id) LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Takes the dancer for {@code length} unless another node has them or they wait out a failure. */
    public boolean lease(long userId, String holder, Duration length) {
        return em.createNativeQuery("INSERT INTO spotify_playlist_sync (user_id, lease_holder, lease_until, updated_at)"
                        + " VALUES (?1, ?2, now() + make_interval(secs => ?3), now())"
                        + " ON CONFLICT (user_id) DO UPDATE SET lease_holder = EXCLUDED.lease_holder,"
                        + " lease_until = EXCLUDED.lease_until, updated_at = now()"
                        + " WHERE (spotify_playlist_sync.lease_until IS NULL OR spotify_playlist_sync.lease_until < now())"
                        + " AND (spotify_playlist_sync.not_before IS NULL OR spotify_playlist_sync.not_before <= now())")
                .setParameter(1, userId)
                .setParameter(2, holder)
                .setParameter(3, (double) length.toMillis() / 1000)
                .executeUpdate() == 1;
    }

    /** Keeps the dancer for {@code length} more, while this node still has them. */
    public void extend(long userId, String holder, Duration length) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET lease_until = now() + make_interval(secs => ?3), updated_at = now()"
                        + " WHERE user_id = ?1 AND lease_holder = ?2")
                .setParameter(1, userId).setParameter(2, holder).setParameter(3, (double) length.toMillis() / 1000).executeUpdate();
    }

    /** The dancer's first {@code limit} queued changes, the playlist, and its entries for those tracks. */
    public PlaylistWork work(long userId, int limit) {
        List<?> sync = em.createNativeQuery("SELECT playlist_id, uncertain FROM spotify_playlist_sync WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        String playlistId = null;
        boolean uncertain = false;
        if (!sync.isEmpty()) {
            Object[] row = (Object[]) sync.get(0);
            playlistId = (String) row[0];
            uncertain = Boolean.TRUE.equals(row[1]);
        }
        List<PlaylistWork.Change> changes = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT id, action, track_key, artist, title, played_track_id FROM spotify_outbox WHERE user_id = ?1"
                + " ORDER BY id LIMIT ?2").setParameter(1, userId).setParameter(2, limit).getResultList()) {
            Object[] row = (Object[]) o;
            changes.add(new PlaylistWork.Change(((Number) row[0]).longValue(), PlaylistWork.Action.valueOf(((String) row[1]).toUpperCase(java.util.Locale.ROOT)),
                    (String) row[2], (String) row[3], (String) row[4], row[5] == null ? null : ((Number) row[5]).longValue()));
        }
        Map<String, PlaylistWork.Entry> entries = new HashMap<>();
        if (!changes.isEmpty()) {
            for (Object o : em.createNativeQuery("SELECT track_key, spotify_uri, status FROM spotify_playlist_tracks WHERE user_id = ?1"
                            + " AND track_key IN (SELECT track_key FROM spotify_outbox WHERE user_id = ?1 AND id <= ?2)")
                    .setParameter(1, userId).setParameter(2, changes.get(changes.size() - 1).id()).getResultList()) {
                Object[] row = (Object[]) o;
                entries.put((String) row[0], new PlaylistWork.Entry((String) row[1], "added".equals(row[2])));
            }
        }
        return new PlaylistWork(userId, playlistId, uncertain, changes, entries);
    }

    public Optional<Lookup> lookup(String trackKey) {
        List<?> rows = em.createNativeQuery("SELECT spotify_uri, confidence FROM spotify_track_lookups WHERE track_key = ?1")
                .setParameter(1, trackKey).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Lookup((String) row[0], ((Number) row[1]).doubleValue()));
    }

    public void rememberLookup(String trackKey, String uri, double confidence) {
        em.createNativeQuery("INSERT INTO spotify_track_lookups (track_key, spotify_uri, confidence, looked_up_at) VALUES (?1, ?2, ?3, now())"
                        + " ON CONFLICT (track_key) DO UPDATE SET spotify_uri = EXCLUDED.spotify_uri, confidence = EXCLUDED.confidence,"
                        + " looked_up_at = EXCLUDED.looked_up_at")
                .setParameter(1, trackKey).setParameter(2, uri).setParameter(3, (float) confidence).executeUpdate();
    }

    /** The playlist Pika! made for the dancer (kept at once: a failure later must not make a second one). */
    public void playlistMade(long userId, String playlistId) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET playlist_id = ?2, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).setParameter(2, playlistId).executeUpdate();
    }

    /** The dancer deleted the playlist: nothing Pika! added is in a playlist any more. */
    public void playlistGone(long userId) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET playlist_id = NULL, uncertain = false, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM spotify_playlist_tracks WHERE user_id = ?1 AND status = 'added'")
                .setParameter(1, userId).executeUpdate();
    }

    /** Changes are about to be sent: if this node stops before {@link #sent}, the next run reads the playlist first. */
    public void sending(long userId) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET uncertain = true, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }

    /**
     * The changes up to {@code lastChangeId} are done: the playlist's entries as they now are
     * ({@code entries}; a null entry was removed), the queue without them, the dancer released.
     */
    public void sent(long userId, long lastChangeId, Map<String, PlaylistWork.Entry> entries) {
        entries.forEach((trackKey, entry) -> {
            if (entry == null) {
                em.createNativeQuery("DELETE FROM spotify_playlist_tracks WHERE user_id = ?1 AND track_key = ?2")
                        .setParameter(1, userId).setParameter(2, trackKey).executeUpdate();
            } else {
                em.createNativeQuery("INSERT INTO spotify_playlist_tracks (user_id, track_key, spotify_uri, status, updated_at)"
                                + " VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT (user_id, track_key) DO UPDATE SET"
                                + " spotify_uri = EXCLUDED.spotify_uri, status = EXCLUDED.status, updated_at = now()")
                        .setParameter(1, userId).setParameter(2, trackKey).setParameter(3, entry.uri())
                        .setParameter(4, entry.added() ? "added" : "not_found").executeUpdate();
            }
        });
        em.createNativeQuery("DELETE FROM spotify_outbox WHERE user_id = ?1 AND id <= ?2")
                .setParameter(1, userId).setParameter(2, lastChangeId).executeUpdate();
        em.createNativeQuery("UPDATE spotify_playlist_sync SET uncertain = false, failures = 0, not_before = NULL, last_error = NULL,"
                        + " lease_holder = NULL, lease_until = NULL, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }

    /** Spotify failed: the dancer's changes stay queued until {@code retryAt} ({@code counts}: one more failure in a row). */
    public void failed(long userId, Instant retryAt, boolean counts, String error) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET failures = failures + ?2, not_before = ?3, last_error = ?4,"
                        + " lease_holder = NULL, lease_until = NULL, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).setParameter(2, counts ? 1 : 0).setParameter(3, retryAt.atOffset(ZoneOffset.UTC))
                .setParameter(4, error).executeUpdate();
    }

    public int failures(long userId) {
        List<?> rows = em.createNativeQuery("SELECT failures FROM spotify_playlist_sync WHERE user_id = ?1").setParameter(1, userId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    public void release(long userId) {
        em.createNativeQuery("UPDATE spotify_playlist_sync SET lease_holder = NULL, lease_until = NULL, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }
}
