-- Organizer applications, shadow bans and the admin audit trail (issue 14).

-- An application to organize events: a new account (status pending until decided) or an existing
-- user (a DJ) applying for the organizer role. One pending application per user at a time.
CREATE TABLE organizer_applications (
    id           bigserial   PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization text        NOT NULL,
    website      text,
    message      text,
    status       text        NOT NULL DEFAULT 'pending',
    reason       text,
    submitted_at timestamptz NOT NULL,
    decided_at   timestamptz,
    decided_by   bigint      REFERENCES users (id),
    CONSTRAINT organizer_applications_status_known CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT organizer_applications_organization_length CHECK (char_length(organization) BETWEEN 1 AND 100),
    CONSTRAINT organizer_applications_website_length CHECK (website IS NULL OR char_length(website) <= 200),
    CONSTRAINT organizer_applications_message_length CHECK (message IS NULL OR char_length(message) <= 1000),
    CONSTRAINT organizer_applications_reason_length CHECK (reason IS NULL OR char_length(reason) <= 500),
    CONSTRAINT organizer_applications_decided CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX organizer_applications_one_pending ON organizer_applications (user_id) WHERE status = 'pending';
CREATE INDEX idx_organizer_applications_status ON organizer_applications (status, submitted_at);

-- A shadow ban mutes a user or a device (client id): its interactions are answered but reach
-- nobody. Lifting one keeps the row (lifted_at) for the record; one ban in force per target.
CREATE TABLE shadow_bans (
    id         bigserial   PRIMARY KEY,
    user_id    bigint      REFERENCES users (id) ON DELETE CASCADE,
    client_id  text,
    reason     text        NOT NULL,
    created_by bigint      NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    lifted_by  bigint      REFERENCES users (id),
    lifted_at  timestamptz,
    CONSTRAINT shadow_bans_one_target CHECK ((user_id IS NULL) <> (client_id IS NULL)),
    CONSTRAINT shadow_bans_reason_length CHECK (char_length(reason) BETWEEN 1 AND 500),
    CONSTRAINT shadow_bans_client_id_length CHECK (client_id IS NULL OR char_length(client_id) BETWEEN 1 AND 256)
);
CREATE UNIQUE INDEX shadow_bans_one_per_user ON shadow_bans (user_id) WHERE lifted_at IS NULL AND user_id IS NOT NULL;
CREATE UNIQUE INDEX shadow_bans_one_per_client ON shadow_bans (client_id) WHERE lifted_at IS NULL AND client_id IS NOT NULL;

-- Every admin action, written in the transaction of the action. Append-only: the triggers below
-- refuse UPDATE, DELETE and TRUNCATE for every database user, the owner included.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_id    bigint,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    reason      text,
    client_ip   text,
    details     text
);
CREATE INDEX idx_audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_id, occurred_at);
CREATE INDEX idx_audit_log_target ON audit_log (target_type, target_id, occurred_at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
