package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.PlayedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Plays waiting for the matcher, and its decisions: each play decided once (a rerun skips it). */
@Stateless
public class MatchRepository {

    /** How long a chunk's write waits for a lock before it fails. */
    static final String LOCK_TIMEOUT = "5s";

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /** Up to {@code limit} plays after {@code afterId} with no decision yet, in id order. */
    public List<PlayedName> undecided(long afterId, int limit) {
        List<PlayedName> plays = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT p.id, p.artist, p.title, p.bpm FROM played_tracks p"
                        + " WHERE p.id > ?1 AND p.global_track_id IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM track_matches m WHERE m.played_track_id = p.id) ORDER BY p.id LIMIT ?2")
                .setParameter(1, afterId).setParameter(2, limit).getResultList()) {
            Object[] row = (Object[]) o;
            plays.add(new PlayedName(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    row[3] == null ? null : ((Number) row[3]).intValue()));
        }
        return plays;
    }

    /** How many plays have no decision yet. */
    public long undecidedCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM played_tracks p WHERE p.global_track_id IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM track_matches m WHERE m.played_track_id = p.id)").getSingleResult()).longValue();
    }

    /** Writes the decisions; a play decided meanwhile (a rerun, another node) keeps its first decision. */
    public int record(List<MatchDecision> decisions) {
        Connection db = em.unwrap(Connection.class);
        try (PreparedStatement patience = db.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            patience.setString(1, LOCK_TIMEOUT);
            patience.execute(); // a table held by someone else fails the chunk (and the run, restartable) instead of hanging it
        } catch (SQLException e) {
            throw new IllegalStateException("Writing match decisions failed: " + e.getMessage(), e);
        }
        try (PreparedStatement match = db.prepareStatement("INSERT INTO track_matches (played_track_id, global_track_id, confidence,"
                + " method, status) VALUES (?, ?, ?, ?, ?) ON CONFLICT (played_track_id) DO NOTHING");
             PreparedStatement link = db.prepareStatement("UPDATE played_tracks SET global_track_id = ? WHERE id = ?"
                     + " AND global_track_id IS NULL AND EXISTS (SELECT 1 FROM track_matches m WHERE m.played_track_id = ?"
                     + " AND m.global_track_id = ? AND m.status = 'auto')")) {
            for (MatchDecision decision : decisions) {
                match.setLong(1, decision.playedTrackId());
                if (decision.globalTrackId() == null) {
                    match.setNull(2, Types.BIGINT);
                } else {
                    match.setLong(2, decision.globalTrackId());
                }
                match.setFloat(3, (float) decision.confidence());
                match.setString(4, decision.method().wire());
                match.setString(5, decision.status().wire());
                match.addBatch();
                if (decision.links()) {
                    link.setLong(1, decision.globalTrackId());
                    link.setLong(2, decision.playedTrackId());
                    link.setLong(3, decision.playedTrackId());
                    link.setLong(4, decision.globalTrackId());
                    link.addBatch();
                }
            }
            int written = 0;
            for (int count : match.executeBatch()) {
                written += Math.max(0, count);
            }
            link.executeBatch();
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("Writing match decisions failed: " + e.getMessage(), e);
        }
    }
}
