-- Likes that follow the dancer (issue 16, items 4-6): a like made on a signed-in connection
-- carries the account; the browser it came from is kept as the hash of its device cookie, so an
-- account can claim the anonymous likes a browser made under a client id (once per client id).
ALTER TABLE likes ADD COLUMN user_id bigint REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE likes ADD COLUMN device_hash text;
ALTER TABLE likes ADD CONSTRAINT likes_device_hash_length CHECK (device_hash IS NULL OR char_length(device_hash) = 64);
CREATE UNIQUE INDEX likes_one_per_account_and_track ON likes (played_track_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX idx_likes_account_created ON likes (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX idx_likes_client_device ON likes (client_id, device_hash) WHERE user_id IS NULL;

CREATE TABLE client_claims (
    client_id     text        PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    likes_claimed integer     NOT NULL,
    claimed_at    timestamptz NOT NULL,
    CONSTRAINT client_claims_client_id_length CHECK (char_length(client_id) BETWEEN 1 AND 256)
);

-- "Pika! Likes": what a dancer's likes and unlikes ask of their Spotify playlist, in order,
-- persisted before anything is sent (a restart loses nothing), and what the playlist holds.
CREATE TABLE spotify_outbox (
    id         bigserial   PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action     text        NOT NULL,
    track_key  text        NOT NULL,
    artist     text        NOT NULL,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT spotify_outbox_action_known CHECK (action IN ('add', 'remove'))
);
CREATE INDEX idx_spotify_outbox_user ON spotify_outbox (user_id, id);

-- One row per dancer with Spotify work: the playlist, who works on it now (a lease, so that
-- one node at a time sends a dancer's changes, in order), and when to try again after a failure.
CREATE TABLE spotify_playlist_sync (
    user_id      bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    playlist_id  text,
    lease_holder text,
    lease_until  timestamptz,
    not_before   timestamptz,
    failures     integer     NOT NULL DEFAULT 0,
    uncertain    boolean     NOT NULL DEFAULT false,
    last_error   text,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE spotify_playlist_tracks (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_key   text        NOT NULL,
    spotify_uri text,
    status      text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, track_key),
    CONSTRAINT spotify_playlist_tracks_status_known CHECK (status IN ('added', 'not_found'))
);

-- What a Spotify search found for a track (artist::title as likes key it), shared by every
-- dancer: a track liked by 300 dancers is searched once.
CREATE TABLE spotify_track_lookups (
    track_key    text        PRIMARY KEY,
    spotify_uri  text,
    confidence   real        NOT NULL,
    looked_up_at timestamptz NOT NULL
);
