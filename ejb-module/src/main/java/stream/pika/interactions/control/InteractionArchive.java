package stream.pika.interactions.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import stream.pika.interactions.entity.Liker;
import stream.pika.interactions.entity.PlaylistWork;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.platform.entity.WireFormat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Likes, tempo tallies, polls and poll votes in PostgreSQL: each method is one transaction,
 * called through the session's ordered history queue (so a like is written after its track).
 */
@Stateless
public class InteractionArchive {

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    PlaylistOutbox playlist;

    /**
     * Links the like to the newest play of that exact track in the session; false when the track
     * has no play written yet (the caller keeps the like until it has). A signed-in dancer's like
     * carries the account (if it is in good standing) and queues the track for "Pika! Likes".
     */
    public boolean recordLike(String sessionId, Liker liker, String artist, String title, Instant at) {
        Long playedTrackId = newestPlay(sessionId, artist, title);
        if (playedTrackId == null) {
            return false;
        }
        int written = em.createNativeQuery("INSERT INTO likes (session_id, client_id, played_track_id, created_at, user_id, device_hash)"
                        + " VALUES (?1, ?2, ?3, ?4, (SELECT id FROM users WHERE id = ?5 AND status = 'active'), ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, sessionId)
                .setParameter(2, liker.clientId())
                .setParameter(3, playedTrackId)
                .setParameter(4, at.atOffset(ZoneOffset.UTC))
                .setParameter(5, liker.accountId())
                .setParameter(6, liker.device())
                .executeUpdate();
        if (written == 1 && liker.accountId() != null) {
            playlist.queue(liker.accountId(), PlaylistWork.Action.ADD, playedTrackId, TrackKeys.of(artist, title), artist, title, at);
        }
        return true;
    }

    /** Takes the like back: a signed-in dancer's from every device (and from "Pika! Likes"), else the client id's. */
    public void removeLike(String sessionId, Liker liker, String artist, String title, Instant at) {
        Long playedTrackId = newestPlay(sessionId, artist, title);
        if (playedTrackId == null) {
            return;
        }
        if (liker.accountId() != null) {
            int removed = em.createNativeQuery("DELETE FROM likes WHERE played_track_id = ?1 AND user_id = ?2")
                    .setParameter(1, playedTrackId)
                    .setParameter(2, liker.accountId())
                    .executeUpdate();
            if (removed > 0) {
                playlist.queue(liker.accountId(), PlaylistWork.Action.REMOVE, playedTrackId, TrackKeys.of(artist, title), artist, title, at);
            }
            return;
        }
        em.createNativeQuery("DELETE FROM likes WHERE session_id = ?1 AND client_id = ?2 AND played_track_id = ?3 AND user_id IS NULL")
                .setParameter(1, sessionId)
                .setParameter(2, liker.clientId())
                .setParameter(3, playedTrackId)
                .executeUpdate();
    }

    /** The tempo votes a track got, linked to its newest play. */
    public void recordTempo(String sessionId, String artist, String title, TempoCounts counts, Instant at) {
        em.createNativeQuery("INSERT INTO tempo_votes (session_id, played_track_id, track_artist, track_title,"
                        + " slower_count, perfect_count, faster_count, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, sessionId)
                .setParameter(2, newestPlay(sessionId, artist, title))
                .setParameter(3, artist)
                .setParameter(4, title)
                .setParameter(5, counts.slower())
                .setParameter(6, counts.perfect())
                .setParameter(7, counts.faster())
                .setParameter(8, at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Inserts a running poll (closing any the session still has open); its id is the wire {@code pollId}. */
    /** The next {@code count} ids of the polls' own sequence, reserved for polls about to start. */
    public List<Long> reservePollIds(int count) {
        List<?> ids = em.createNativeQuery("SELECT nextval(pg_get_serial_sequence('polls', 'id')) FROM generate_series(1, ?1)")
                .setParameter(1, count)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Writes a started poll with its reserved id; the session's running poll, if any, is closed first. */
    public void createPoll(long pollId, String sessionId, String question, List<String> options, String trackArtist, String trackTitle,
                           Instant startedAt, Instant endsAt) {
        em.createNativeQuery("UPDATE polls SET status = 'closed', ended_at = GREATEST(?1, started_at)"
                        + " WHERE session_id = ?2 AND status = 'active'")
                .setParameter(1, startedAt.atOffset(ZoneOffset.UTC))
                .setParameter(2, sessionId)
                .executeUpdate();
        String optionsJson = WireFormat.jsonp().createArrayBuilder(options).build().toString();
        em.createNativeQuery("INSERT INTO polls (id, session_id, question, options, status, current_track_artist,"
                        + " current_track_title, started_at, ends_at) VALUES (?8, ?1, ?2, CAST(?3 AS jsonb), 'active', ?4, ?5, ?6, ?7)")
                .setParameter(8, pollId)
                .setParameter(1, sessionId)
                .setParameter(2, question)
                .setParameter(3, optionsJson)
                .setParameter(4, trackArtist)
                .setParameter(5, trackTitle)
                .setParameter(6, startedAt.atOffset(ZoneOffset.UTC))
                .setParameter(7, endsAt == null ? null : endsAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    public void closePoll(long pollId, Instant endedAt) {
        em.createNativeQuery("UPDATE polls SET status = 'closed', ended_at = GREATEST(?1, started_at)"
                        + " WHERE id = ?2 AND status = 'active'")
                .setParameter(1, endedAt.atOffset(ZoneOffset.UTC))
                .setParameter(2, pollId)
                .executeUpdate();
    }

    public void recordPollVote(long pollId, String clientId, int optionIndex, Instant at) {
        em.createNativeQuery("INSERT INTO poll_votes (poll_id, client_id, option_index, voted_at) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT (poll_id, client_id) DO NOTHING")
                .setParameter(1, pollId)
                .setParameter(2, clientId)
                .setParameter(3, optionIndex)
                .setParameter(4, at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private Long newestPlay(String sessionId, String artist, String title) {
        List<?> rows = em.createNativeQuery("SELECT id FROM played_tracks WHERE session_id = ?1 AND artist = ?2 AND title = ?3"
                        + " ORDER BY played_at DESC, id DESC LIMIT 1")
                .setParameter(1, sessionId)
                .setParameter(2, artist)
                .setParameter(3, title)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
