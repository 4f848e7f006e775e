package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.PlayedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        // Two statements for the whole chunk (arrays, not a row at a time): the write is a good part of a chunk's time.
        List<Long> plays = new ArrayList<>();
        List<Long> records = new ArrayList<>();
        List<Float> confidences = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<Long> linkedPlays = new ArrayList<>();
        List<Long> linkedRecords = new ArrayList<>();
        for (MatchDecision decision : decisions) {
            plays.add(decision.playedTrackId());
            records.add(decision.globalTrackId());
            confidences.add((float) decision.confidence());
            methods.add(decision.method().wire());
            statuses.add(decision.status().wire());
            if (decision.links()) {
                linkedPlays.add(decision.playedTrackId());
                linkedRecords.add(decision.globalTrackId());
            }
        }
        try (PreparedStatement match = db.prepareStatement("INSERT INTO track_matches (played_track_id, global_track_id, confidence,"
                + " method, status) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::real[], ?::text[], ?::text[])"
                + " ON CONFLICT (played_track_id) DO NOTHING");
             PreparedStatement link = db.prepareStatement("UPDATE played_tracks p SET global_track_id = v.record"
                     + " FROM unnest(?::bigint[], ?::bigint[]) AS v(play, record) WHERE p.id = v.play AND p.global_track_id IS NULL"
                     + " AND EXISTS (SELECT 1 FROM track_matches m WHERE m.played_track_id = v.play"
                     + " AND m.global_track_id = v.record AND m.status = 'auto')")) {
            match.setArray(1, db.createArrayOf("bigint", plays.toArray()));
            match.setArray(2, db.createArrayOf("bigint", records.toArray()));
            match.setArray(3, db.createArrayOf("real", confidences.toArray()));
            match.setArray(4, db.createArrayOf("text", methods.toArray()));
            match.setArray(5, db.createArrayOf("text", statuses.toArray()));
            int written = match.executeUpdate();
            if (!linkedPlays.isEmpty()) {
                link.setArray(1, db.createArrayOf("bigint", linkedPlays.toArray()));
                link.setArray(2, db.createArrayOf("bigint", linkedRecords.toArray()));
                link.executeUpdate();
            }
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("Writing match decisions failed: " + e.getMessage(), e);
        }
    }
}
