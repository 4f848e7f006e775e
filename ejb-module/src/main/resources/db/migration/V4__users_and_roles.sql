-- One user model for dancers, DJs, organizers and admins (issue 14).
-- dj_users becomes users (renamed, no compatibility view: only Pika! reads this database), with a
-- set of roles per user and an account status; dj_tokens becomes user_tokens, tokens of any role.
-- Every existing account is a DJ and active, keeps its password hash and its tokens.

ALTER TABLE dj_users RENAME TO users;
ALTER TABLE users RENAME CONSTRAINT dj_users_email_unique TO users_email_unique;
ALTER TABLE users RENAME CONSTRAINT dj_users_slug_unique TO users_slug_unique;
ALTER TABLE users RENAME CONSTRAINT dj_users_email_normalized TO users_email_normalized;
ALTER TABLE users RENAME CONSTRAINT dj_users_display_name_length TO users_display_name_length;
ALTER TABLE users RENAME CONSTRAINT dj_users_slug_format TO users_slug_format;
ALTER TABLE users RENAME CONSTRAINT dj_users_pkey TO users_pkey;
ALTER SEQUENCE dj_users_id_seq RENAME TO users_id_seq;

-- pending: an organizer application waits for an admin; rejected: it was refused; suspended: an
-- admin stopped the account (its tokens stop working at once).
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD CONSTRAINT users_status_known CHECK (status IN ('active', 'pending', 'rejected', 'suspended'));

CREATE TABLE user_roles (
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role),
    CONSTRAINT user_roles_role_known CHECK (role IN ('dancer', 'dj', 'organizer', 'admin'))
);
CREATE INDEX idx_user_roles_role ON user_roles (role);

INSERT INTO user_roles (user_id, role, granted_at) SELECT id, 'dj', created_at FROM users;

ALTER TABLE dj_tokens RENAME TO user_tokens;
ALTER TABLE user_tokens RENAME COLUMN dj_user_id TO user_id;
ALTER TABLE user_tokens RENAME CONSTRAINT dj_tokens_token_hash_unique TO user_tokens_token_hash_unique;
ALTER TABLE user_tokens RENAME CONSTRAINT dj_tokens_token_hash_format TO user_tokens_token_hash_format;
ALTER TABLE user_tokens RENAME CONSTRAINT dj_tokens_pkey TO user_tokens_pkey;
ALTER TABLE user_tokens RENAME CONSTRAINT dj_tokens_dj_user_id_fkey TO user_tokens_user_id_fkey;
ALTER SEQUENCE dj_tokens_id_seq RENAME TO user_tokens_id_seq;
ALTER INDEX idx_dj_tokens_dj_user_id RENAME TO idx_user_tokens_user_id;
