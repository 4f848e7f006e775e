-- Smart Crate (issue 17): one canonical record per song, every play linked to it once matched,
-- how each link was decided, and the points and badges of the DJs who verify them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE global_tracks (
    id            bigserial   PRIMARY KEY,
    spotify_uri   text,
    isrc          text,
    title         text        NOT NULL,
    artist        text        NOT NULL,
    album         text,
    duration_ms   integer,
    release_year  integer,
    bpm           real,
    musical_key   text,
    energy        real,
    -- The matcher's normalized "artists title": what pg_trgm compares played tracks with.
    search_text   text        NOT NULL,
    verified      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT global_tracks_spotify_uri_unique UNIQUE (spotify_uri),
    CONSTRAINT global_tracks_title_length CHECK (char_length(title) BETWEEN 1 AND 500),
    CONSTRAINT global_tracks_artist_length CHECK (char_length(artist) BETWEEN 0 AND 500),
    CONSTRAINT global_tracks_duration_positive CHECK (duration_ms IS NULL OR duration_ms > 0),
    CONSTRAINT global_tracks_energy_range CHECK (energy IS NULL OR energy BETWEEN 0 AND 1)
);
CREATE UNIQUE INDEX global_tracks_isrc_unique ON global_tracks (isrc) WHERE isrc IS NOT NULL;
CREATE INDEX idx_global_tracks_search ON global_tracks USING gin (search_text gin_trgm_ops);
CREATE INDEX idx_global_tracks_exact ON global_tracks (search_text);

ALTER TABLE played_tracks ADD COLUMN global_track_id bigint REFERENCES global_tracks (id) ON DELETE SET NULL;
CREATE INDEX idx_played_tracks_global ON played_tracks (global_track_id) WHERE global_track_id IS NOT NULL;
CREATE INDEX idx_played_tracks_unmatched ON played_tracks (id) WHERE global_track_id IS NULL;

CREATE TABLE track_matches (
    id               bigserial   PRIMARY KEY,
    played_track_id  bigint      NOT NULL REFERENCES played_tracks (id) ON DELETE CASCADE,
    global_track_id  bigint      REFERENCES global_tracks (id) ON DELETE CASCADE,
    confidence       real        NOT NULL,
    method           text        NOT NULL,
    status           text        NOT NULL,
    decided_by       bigint      REFERENCES users (id) ON DELETE SET NULL,
    decided_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT track_matches_one_per_play UNIQUE (played_track_id),
    CONSTRAINT track_matches_confidence_range CHECK (confidence BETWEEN 0 AND 1),
    CONSTRAINT track_matches_method_known CHECK (method IN ('exact', 'fuzzy', 'spotify', 'manual')),
    CONSTRAINT track_matches_status_known CHECK (status IN ('auto', 'needs_review', 'confirmed', 'rejected', 'unmatched'))
);
CREATE INDEX idx_track_matches_review ON track_matches (status) WHERE status = 'needs_review';

-- What DJs taught the matcher: these raw strings are this record (a confirmed or chosen match).
CREATE TABLE track_aliases (
    raw_key          text        PRIMARY KEY,
    global_track_id  bigint      NOT NULL REFERENCES global_tracks (id) ON DELETE CASCADE,
    taught_by        bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_activity (
    id          bigserial   PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      text        NOT NULL,
    points      integer     NOT NULL,
    subject_id  bigint,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_user_activity_user ON user_activity (user_id, created_at DESC);

CREATE TABLE badges (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    badge       text        NOT NULL,
    awarded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, badge)
);

-- Catalog imports: each file, its counts, and the rows refused with their line numbers.
CREATE TABLE catalog_imports (
    id           bigserial   PRIMARY KEY,
    imported_by  bigint      REFERENCES users (id) ON DELETE SET NULL,
    file_name    text,
    rows_read    integer     NOT NULL DEFAULT 0,
    created      integer     NOT NULL DEFAULT 0,
    merged       integer     NOT NULL DEFAULT 0,
    refused      jsonb       NOT NULL DEFAULT '[]',
    status       text        NOT NULL DEFAULT 'running',
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    CONSTRAINT catalog_imports_status_known CHECK (status IN ('running', 'done', 'failed'))
);

-- "Pika! Likes" takes a matched play's Spotify URI from the catalog before searching.
ALTER TABLE spotify_outbox ADD COLUMN played_track_id bigint;

-- One run of a job at a time across nodes (a lease the run renews as it goes), and the runs'
-- history: what started them, on which node, when, and how they ended.
CREATE TABLE job_leases (
    job         text        PRIMARY KEY,
    holder      text        NOT NULL,
    held_until  timestamptz NOT NULL
);

CREATE TABLE job_runs (
    id            bigserial   PRIMARY KEY,
    job           text        NOT NULL,
    execution_id  bigint,
    node          text        NOT NULL,
    started_by    text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    status        text        NOT NULL DEFAULT 'running',
    items_read    bigint      NOT NULL DEFAULT 0,
    items_written bigint      NOT NULL DEFAULT 0
);
CREATE INDEX idx_job_runs_job ON job_runs (job, started_at DESC);
