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
 * ISRC; a known one is merged, missing facts filled in) with their blocking keys, and the
 * candidates of a chunk of played tracks (see {@link #candidates}).
 */
@Stateless
public class CatalogRepository {

    /** Trigram similarity an artist name needs to stand for a misspelt one (pg_trgm's {@code %}): the scoring decides the rest. */
    static final double NAME_SIMILARITY = 0.3;
    /** Catalog names taken per artist name of a play. */
    static final int NEAR_NAMES = 3;

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
            List<CatalogTrack> inserted = new ArrayList<>();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO global_tracks (spotify_uri, isrc, title, artist, album,"
                    + " duration_ms, release_year, bpm, musical_key, energy, search_text, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"id"});
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
                        insert.setString(12, TrackNormalizer.title(track.title()));
                        insert.addBatch();
                        inserted.add(track);
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
                List<Long> ids = new ArrayList<>();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                Map<Long, Credit> credits = new HashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    credits.put(ids.get(i), new Credit(inserted.get(i).artist(), inserted.get(i).title()));
                }
                credit(db, credits);
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
        long id = ((Number) em.createNativeQuery("INSERT INTO global_tracks (spotify_uri, title, artist, duration_ms, search_text, title_key)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (spotify_uri) DO UPDATE SET duration_ms = coalesce(global_tracks.duration_ms,"
                        + " EXCLUDED.duration_ms) RETURNING id")
                .setParameter(1, uri).setParameter(2, title).setParameter(3, artist).setParameter(4, durationMs)
                .setParameter(5, TrackNormalizer.searchText(artist, title)).setParameter(6, TrackNormalizer.title(title))
                .getSingleResult()).longValue();
        try {
            credit(em.unwrap(Connection.class), Map.of(id, new Credit(artist, title)));
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the catalog failed: " + e.getMessage(), e);
        }
        return id;
    }

    /**
     * The blocking keys of records written before they existed (V11): each record's song name and
     * artist names, {@code limit} records at a time; answers how many it filled (0: none left).
     */
    public int fillMissingKeys(int limit) {
        Connection db = em.unwrap(Connection.class);
        Map<Long, Credit> artists = new HashMap<>();
        try (PreparedStatement missing = db.prepareStatement("SELECT id, title, artist FROM global_tracks WHERE title_key IS NULL"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED");
             PreparedStatement fill = db.prepareStatement("UPDATE global_tracks SET title_key = ? WHERE id = ?")) {
            missing.setInt(1, limit);
            try (ResultSet rows = missing.executeQuery()) {
                while (rows.next()) {
                    fill.setString(1, TrackNormalizer.title(rows.getString(2)));
                    fill.setLong(2, rows.getLong(1));
                    fill.addBatch();
                    artists.put(rows.getLong(1), new Credit(rows.getString(3), rows.getString(2)));
                }
            }
            fill.executeBatch();
            credit(db, artists);
            return artists.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Filling the catalog's keys failed: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the planner's statistics of the catalog's tables up to date, after an import: without
     * them, a catalog that grew from nothing is planned as if empty (the artist names searched one
     * by one rather than through their trigram index, some 3 ms a name instead of 0.03).
     */
    public void refreshStatistics() {
        em.createNativeQuery("ANALYZE global_tracks, global_track_artists, catalog_artist_names").executeUpdate();
    }

    /** A record's artist and title fields, as imported. */
    private record Credit(String artist, String title) {
    }

    /** Records which artist names each record credits (with its song name), and each name once. */
    private static void credit(Connection db, Map<Long, Credit> creditOf) throws SQLException {
        if (creditOf.isEmpty()) {
            return;
        }
        try (PreparedStatement credits = db.prepareStatement("INSERT INTO global_track_artists (name, global_track_id, title_key)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement names = db.prepareStatement("INSERT INTO catalog_artist_names (name) SELECT unnest(?::text[])"
                     + " ON CONFLICT DO NOTHING")) {
            java.util.Set<String> all = new java.util.TreeSet<>(); // sorted: two imports insert names in one order, no deadlock
            for (Map.Entry<Long, Credit> record : creditOf.entrySet()) {
                String song = TrackNormalizer.title(record.getValue().title());
                for (String name : TrackNormalizer.artists(record.getValue().artist())) {
                    credits.setString(1, name);
                    credits.setLong(2, record.getKey());
                    credits.setString(3, song);
                    credits.addBatch();
                    all.add(name);
                }
            }
            credits.executeBatch();
            names.setArray(1, db.createArrayOf("text", all.toArray()));
            names.execute();
        }
    }

    public Optional<String> spotifyUriOfPlay(long playedTrackId) {
        List<?> rows = em.createNativeQuery("SELECT g.spotify_uri FROM played_tracks p JOIN global_tracks g ON g.id = p.global_track_id"
                + " WHERE p.id = ?1 AND g.spotify_uri IS NOT NULL").setParameter(1, playedTrackId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /**
     * The candidates of each play, keyed by its search text, a chunk's plays in a few queries
     * (blocking, not a search of every record): the records with exactly its normalized names, or
     * those names read the other way round (the tags swapped); else the records that credit one of
     * its artists, or a name within trigram reach of one (a misspelt artist; among the artist
     * names, a table far smaller than the catalog), nearest song name first; else the records with
     * exactly its song name (the artist unknown to the catalog: a cover, or a wrong tag). A play
     * whose artist and song are both unknown has none: it is not in the catalog, or not findable
     * without a person (the review queue and Spotify are the next steps).
     */
    public Map<String, List<Candidate>> candidates(List<PlayKeys> lookups, int limit) {
        Connection db = em.unwrap(Connection.class);
        Map<String, List<Candidate>> found = new HashMap<>();
        try {
            try (PreparedStatement planner = db.prepareStatement("SELECT set_config('random_page_cost', '1.1', true)")) {
                // This transaction's lookups are a thousand index probes into a catalog that lives in memory: with the
                // default cost of a random read (4, spinning disks) PostgreSQL read all 200,000 records instead (4x slower).
                planner.execute();
            }
            List<String> texts = new ArrayList<>();
            for (PlayKeys lookup : lookups) {
                texts.add(lookup.text());
                texts.add(lookup.swapped().text());
            }
            Map<String, List<Candidate>> exact = byKey(db, "search_text", texts, limit);
            List<PlayKeys> open = new ArrayList<>();
            for (PlayKeys lookup : lookups) {
                if (found.containsKey(lookup.text())) {
                    continue;
                }
                List<Candidate> same = exact.getOrDefault(lookup.text(), exact.getOrDefault(lookup.swapped().text(), List.of()));
                found.put(lookup.text(), same);
                if (same.isEmpty()) {
                    open.add(lookup);
                }
            }
            if (open.isEmpty()) {
                return found;
            }
            Map<String, List<String>> nearNames = nearArtistNames(db, open);
            // One row per reading of each open play: its catalog artist names and its song name.
            List<Integer> index = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> songs = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                for (PlayKeys.Reading reading : List.of(open.get(i).straight(), open.get(i).swapped())) {
                    java.util.Set<String> credited = new java.util.TreeSet<>();
                    reading.artists().forEach(name -> credited.addAll(nearNames.getOrDefault(name, List.of())));
                    if (!credited.isEmpty() && !reading.title().isEmpty()) {
                        index.add(i);
                        names.add(String.join("|", credited));
                        songs.add(reading.title());
                    }
                }
            }
            Map<Integer, List<Candidate>> byArtist = new HashMap<>();
            if (!index.isEmpty()) {
                try (PreparedStatement query = db.prepareStatement("SELECT q.i, g.id, g.title, g.artist, g.duration_ms, g.bpm"
                        + " FROM unnest(?::int[], ?::text[], ?::text[]) AS q(i, names, song) CROSS JOIN LATERAL ("
                        + "   SELECT a.global_track_id FROM global_track_artists a WHERE a.name = ANY (string_to_array(q.names, '|'))"
                        + "   ORDER BY similarity(a.title_key, q.song) DESC, a.global_track_id LIMIT ?) best"
                        + " JOIN global_tracks g ON g.id = best.global_track_id ORDER BY q.i")) {
                    query.setArray(1, db.createArrayOf("integer", index.toArray()));
                    query.setArray(2, db.createArrayOf("text", names.toArray()));
                    query.setArray(3, db.createArrayOf("text", songs.toArray()));
                    query.setInt(4, limit);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            List<Candidate> list = byArtist.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>());
                            Candidate candidate = candidate(rows, 2);
                            if (list.stream().noneMatch(c -> c.globalTrackId() == candidate.globalTrackId())) {
                                list.add(candidate);
                            }
                        }
                    }
                }
            }
            List<String> unknownArtists = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                if (byArtist.containsKey(i)) {
                    found.put(open.get(i).text(), byArtist.get(i));
                } else {
                    unknownArtists.add(open.get(i).straight().title());
                }
            }
            if (!unknownArtists.isEmpty()) {
                Map<String, List<Candidate>> bySong = byKey(db, "title_key", unknownArtists, limit);
                for (int i = 0; i < open.size(); i++) {
                    if (!byArtist.containsKey(i)) {
                        found.put(open.get(i).text(), bySong.getOrDefault(open.get(i).straight().title(), List.of()));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading catalog candidates failed: " + e.getMessage(), e);
        }
    }

    /** The records whose {@code column} (search_text or title_key) is one of {@code keys}: up to {@code limit} each. */
    private static Map<String, List<Candidate>> byKey(Connection db, String column, List<String> keys, int limit) throws SQLException {
        Map<String, List<Candidate>> found = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT g." + column + ", g.id, g.title, g.artist, g.duration_ms, g.bpm"
                + " FROM unnest(?::text[]) AS k(key) JOIN global_tracks g ON g." + column + " = k.key")) {
            query.setArray(1, db.createArrayOf("text", keys.stream().filter(k -> !k.isEmpty()).distinct().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<Candidate> list = found.computeIfAbsent(rows.getString(1), k -> new ArrayList<>());
                    if (list.size() < limit) {
                        list.add(candidate(rows, 2));
                    }
                }
            }
        }
        return found;
    }

    /**
     * For each artist name of the open plays, the catalog's names that stand for it: itself when
     * the catalog credits it; else, for a name as tagged (not the swapped reading, whose "artists"
     * are mostly song words), the nearest {@value #NEAR_NAMES} by trigram similarity (at least
     * {@value #NAME_SIMILARITY}: a misspelt artist).
     */
    private static Map<String, List<String>> nearArtistNames(Connection db, List<PlayKeys> open) throws SQLException {
        java.util.Set<String> asked = new java.util.TreeSet<>();
        java.util.Set<String> tagged = new java.util.TreeSet<>();
        for (PlayKeys lookup : open) {
            tagged.addAll(lookup.straight().artists());
            asked.addAll(lookup.straight().artists());
            asked.addAll(lookup.swapped().artists());
        }
        Map<String, List<String>> near = new HashMap<>();
        if (asked.isEmpty()) {
            return near;
        }
        try (PreparedStatement exact = db.prepareStatement("SELECT name FROM catalog_artist_names WHERE name = ANY (?)")) {
            exact.setArray(1, db.createArrayOf("text", asked.toArray()));
            try (ResultSet rows = exact.executeQuery()) {
                while (rows.next()) {
                    near.put(rows.getString(1), List.of(rows.getString(1)));
                }
            }
        }
        tagged.removeAll(near.keySet());
        if (tagged.isEmpty()) {
            return near;
        }
        try (PreparedStatement threshold = db.prepareStatement("SELECT set_config('pg_trgm.similarity_threshold', ?, true)");
             PreparedStatement query = db.prepareStatement("SELECT q.name, n.name FROM unnest(?::text[]) AS q(name) CROSS JOIN LATERAL ("
                     + "  SELECT c.name FROM catalog_artist_names c WHERE c.name % q.name"
                     + "  ORDER BY similarity(c.name, q.name) DESC, c.name LIMIT " + NEAR_NAMES + ") n")) {
            threshold.setString(1, Double.toString(NAME_SIMILARITY));
            threshold.execute();
            query.setArray(1, db.createArrayOf("text", tagged.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    near.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return near;
    }

    private static Candidate candidate(ResultSet rows, int from) throws SQLException {
        int duration = rows.getInt(from + 3);
        Integer durationMs = rows.wasNull() ? null : duration;
        float bpm = rows.getFloat(from + 4);
        return new Candidate(rows.getLong(from), rows.getString(from + 1), rows.getString(from + 2), durationMs, rows.wasNull() ? null : (double) bpm);
    }

}
