package stream.pika.crate.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import stream.pika.crate.entity.Candidate;
import stream.pika.crate.entity.CatalogTrack;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global catalog in PostgreSQL: imports in chunks (a record is known by its Spotify URI or
 * ISRC; a known one is merged, missing facts filled in), and the candidates of a played track:
 * the same normalized names first (a b-tree lookup), else the nearest by trigram similarity.
 */
@Stateless
public class CatalogRepository {

    /** Trigram similarity a candidate needs (pg_trgm's {@code %}): low, since the scoring decides. */
    static final double TRIGRAM_THRESHOLD = 0.3;

    /** Created and merged records of one chunk. */
    public record Upserted(int created, int merged) {
    }

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    /** Writes a chunk of imported tracks (one transaction). */
    public Upserted upsert(List<CatalogTrack> tracks) {
        // The same song twice in one chunk is one record: the later row fills what the first lacks.
        Map<String, CatalogTrack> byKey = new LinkedHashMap<>();
        for (CatalogTrack track : tracks) {
            String key = track.spotifyUri() != null ? track.spotifyUri() : "isrc:" + track.isrc();
            byKey.merge(key, track, CatalogRepository::filled);
        }
        Connection db = em.unwrap(Connection.class);
        try {
            Map<String, Long> known = known(db, byKey.values());
            int created = 0;
            int merged = 0;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO global_tracks (spotify_uri, isrc, title, artist, album,"
                    + " duration_ms, release_year, bpm, musical_key, energy, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = db.prepareStatement("UPDATE global_tracks SET spotify_uri = coalesce(spotify_uri, ?),"
                         + " isrc = coalesce(isrc, ?), album = coalesce(album, ?), duration_ms = coalesce(duration_ms, ?),"
                         + " release_year = coalesce(release_year, ?), bpm = coalesce(bpm, ?), musical_key = coalesce(musical_key, ?),"
                         + " energy = coalesce(energy, ?), updated_at = now() WHERE id = ?")) {
                for (CatalogTrack track : byKey.values()) {
                    Long id = track.spotifyUri() != null && known.containsKey(track.spotifyUri()) ? known.get(track.spotifyUri())
                            : track.isrc() != null ? known.get("isrc:" + track.isrc()) : null;
                    if (id == null) {
                        insert.setString(1, track.spotifyUri());
                        insert.setString(2, track.isrc());
                        insert.setString(3, track.title());
                        insert.setString(4, track.artist());
                        facts(insert, 5, track);
                        insert.setString(11, TrackNormalizer.searchText(track.artist(), track.title()));
                        insert.addBatch();
                        created++;
                    } else {
                        update.setString(1, track.spotifyUri());
                        update.setString(2, track.isrc());
                        facts(update, 3, track);
                        update.setLong(9, id);
                        update.addBatch();
                        merged++;
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            return new Upserted(created, merged);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the catalog failed: " + e.getMessage(), e);
        }
    }

    /** The records a chunk names already, by URI and by "isrc:" + ISRC. */
    private static Map<String, Long> known(Connection db, java.util.Collection<CatalogTrack> tracks) throws SQLException {
        List<String> uris = new ArrayList<>();
        List<String> isrcs = new ArrayList<>();
        for (CatalogTrack track : tracks) {
            if (track.spotifyUri() != null) {
                uris.add(track.spotifyUri());
            }
            if (track.isrc() != null) {
                isrcs.add(track.isrc());
            }
        }
        Map<String, Long> known = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, spotify_uri, isrc FROM global_tracks"
                + " WHERE spotify_uri = ANY (?) OR isrc = ANY (?)")) {
            Array uriArray = db.createArrayOf("text", uris.toArray());
            Array isrcArray = db.createArrayOf("text", isrcs.toArray());
            query.setArray(1, uriArray);
            query.setArray(2, isrcArray);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2) != null) {
                        known.put(rows.getString(2), rows.getLong(1));
                    }
                    if (rows.getString(3) != null) {
                        known.putIfAbsent("isrc:" + rows.getString(3), rows.getLong(1));
                    }
                }
            }
        }
        return known;
    }

    private static void facts(PreparedStatement statement, int from, CatalogTrack track) throws SQLException {
        statement.setString(from, track.album());
        setInt(statement, from + 1, track.durationMs());
        setInt(statement, from + 2, track.releaseYear());
        if (track.bpm() == null) {
            statement.setNull(from + 3, Types.REAL);
        } else {
            statement.setFloat(from + 3, track.bpm().floatValue());
        }
        statement.setString(from + 4, track.musicalKey());
        if (track.energy() == null) {
            statement.setNull(from + 5, Types.REAL);
        } else {
            statement.setFloat(from + 5, track.energy().floatValue());
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static CatalogTrack filled(CatalogTrack first, CatalogTrack later) {
        return new CatalogTrack(first.spotifyUri() != null ? first.spotifyUri() : later.spotifyUri(),
                first.isrc() != null ? first.isrc() : later.isrc(), first.title(), first.artist(),
                first.album() != null ? first.album() : later.album(),
                first.durationMs() != null ? first.durationMs() : later.durationMs(),
                first.releaseYear() != null ? first.releaseYear() : later.releaseYear(),
                first.bpm() != null ? first.bpm() : later.bpm(),
                first.musicalKey() != null ? first.musicalKey() : later.musicalKey(),
                first.energy() != null ? first.energy() : later.energy());
    }

    /** The records DJs taught these search texts to be (confirmed or chosen matches). */
    public Map<String, Long> taught(List<String> searchTexts) {
        Map<String, Long> taught = new HashMap<>();
        if (searchTexts.isEmpty()) {
            return taught;
        }
        Connection db = em.unwrap(Connection.class);
        try (PreparedStatement query = db.prepareStatement("SELECT raw_key, global_track_id FROM track_aliases WHERE raw_key = ANY (?)")) {
            query.setArray(1, db.createArrayOf("text", searchTexts.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    taught.put(rows.getString(1), rows.getLong(2));
                }
            }
            return taught;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading taught matches failed: " + e.getMessage(), e);
        }
    }

    /** A record made from a Spotify hit (or the one that has its URI already); answers its id. */
    public long fromSpotify(String uri, String title, String artist, Integer durationMs) {
        return ((Number) em.createNativeQuery("INSERT INTO global_tracks (spotify_uri, title, artist, duration_ms, search_text)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (spotify_uri) DO UPDATE SET duration_ms = coalesce(global_tracks.duration_ms,"
                        + " EXCLUDED.duration_ms) RETURNING id")
                .setParameter(1, uri).setParameter(2, title).setParameter(3, artist).setParameter(4, durationMs)
                .setParameter(5, TrackNormalizer.searchText(artist, title)).getSingleResult()).longValue();
    }

    public Optional<String> spotifyUriOfPlay(long playedTrackId) {
        List<?> rows = em.createNativeQuery("SELECT g.spotify_uri FROM played_tracks p JOIN global_tracks g ON g.id = p.global_track_id"
                + " WHERE p.id = ?1 AND g.spotify_uri IS NOT NULL").setParameter(1, playedTrackId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /**
     * The candidates of each search text (one transaction for the lot): the records with exactly
     * those normalized names, else with exactly the names read the other way round
     * ({@code swappedTexts}, same order: artist and title swapped by the tags), else the
     * {@code limit} nearest by trigram similarity (the slow path: some 40 ms at 200,000 records).
     */
    public Map<String, List<Candidate>> candidates(List<String> searchTexts, List<String> swappedTexts, int limit) {
        Connection db = em.unwrap(Connection.class);
        Map<String, List<Candidate>> found = new HashMap<>();
        try (PreparedStatement threshold = db.prepareStatement("SELECT set_config('pg_trgm.similarity_threshold', ?, true)");
             PreparedStatement exact = db.prepareStatement("SELECT id, title, artist, duration_ms, bpm FROM global_tracks"
                     + " WHERE search_text = ? LIMIT ?");
             PreparedStatement near = db.prepareStatement("SELECT id, title, artist, duration_ms, bpm FROM global_tracks"
                     + " WHERE search_text % ? ORDER BY similarity(search_text, ?) DESC, id LIMIT ?")) {
            threshold.setString(1, Double.toString(TRIGRAM_THRESHOLD));
            threshold.execute();
            for (int i = 0; i < searchTexts.size(); i++) {
                String text = searchTexts.get(i);
                if (found.containsKey(text)) {
                    continue;
                }
                exact.setString(1, text);
                exact.setInt(2, limit);
                List<Candidate> candidates = read(exact);
                if (candidates.isEmpty() && !swappedTexts.get(i).equals(text)) {
                    exact.setString(1, swappedTexts.get(i));
                    candidates = read(exact);
                }
                if (candidates.isEmpty() && !text.isEmpty()) {
                    near.setString(1, text);
                    near.setString(2, text);
                    near.setInt(3, limit);
                    candidates = read(near);
                }
                found.put(text, candidates);
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading catalog candidates failed: " + e.getMessage(), e);
        }
    }

    private static List<Candidate> read(PreparedStatement query) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int duration = rows.getInt(4);
                Integer durationMs = rows.wasNull() ? null : duration;
                float bpm = rows.getFloat(5);
                candidates.add(new Candidate(rows.getLong(1), rows.getString(2), rows.getString(3), durationMs, rows.wasNull() ? null : (double) bpm));
            }
        }
        return candidates;
    }
}
