-- Dancer accounts with Spotify (issue 16): an account opened with "Sign in with Spotify" has no
-- password (and maybe no e-mail: Spotify's is not proof of owning the address), and an account
-- may link one Spotify account, whose refresh token is stored encrypted (AES-GCM, never in clear).

ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

CREATE TABLE spotify_links (
    user_id          bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    spotify_user_id  text        NOT NULL,
    display_name     text,
    refresh_token    bytea,
    scopes           text        NOT NULL DEFAULT '',
    status           text        NOT NULL DEFAULT 'linked',
    linked_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT spotify_links_spotify_user_unique UNIQUE (spotify_user_id),
    CONSTRAINT spotify_links_status_known CHECK (status IN ('linked', 'broken')),
    CONSTRAINT spotify_links_spotify_user_length CHECK (char_length(spotify_user_id) BETWEEN 1 AND 200)
);
