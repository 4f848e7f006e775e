-- Issue 17, throughput: the matcher looks a play up by blocking keys instead of a trigram search
-- over every record (45 ms a play at 200,000 records). A record's song name and each credited
-- artist's name, normalized as the matcher does (Java: TrackNormalizer), so filled by the
-- application: at import, and at start for records written before this version (CatalogKeys).
ALTER TABLE global_tracks ADD COLUMN title_key text;
CREATE INDEX idx_global_tracks_title_key ON global_tracks (title_key);

-- Which records credit which artist name, with the record's song name: an artist's records are
-- ranked by song name from this index alone (no visit to each record).
CREATE TABLE global_track_artists (
    name            text   NOT NULL,
    global_track_id bigint NOT NULL REFERENCES global_tracks (id) ON DELETE CASCADE,
    title_key       text   NOT NULL,
    PRIMARY KEY (name, global_track_id) INCLUDE (title_key)
);
CREATE INDEX idx_global_track_artists_track ON global_track_artists (global_track_id);

-- Every artist name once: a misspelt artist is found by trigram similarity among names (a table
-- some ten times smaller than the catalog, of short strings), then its records by the key above.
CREATE TABLE catalog_artist_names (
    name text PRIMARY KEY
);
-- fastupdate off: a new name goes into the index itself, not a pending list each search would scan.
CREATE INDEX idx_catalog_artist_names_trgm ON catalog_artist_names USING gin (name gin_trgm_ops) WITH (fastupdate = off);
