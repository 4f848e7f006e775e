-- Events and stages (issue 15): an organizer's event with rooms (stages), a schedule of slots per
-- stage with a booked DJ, and the dancers who follow a stage across DJ hand-overs.

CREATE TABLE events (
    id           bigserial   PRIMARY KEY,
    organizer_id bigint      NOT NULL REFERENCES users (id),
    name         text        NOT NULL,
    description  text,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    time_zone    text        NOT NULL,
    status       text        NOT NULL DEFAULT 'draft',
    created_at   timestamptz NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    CONSTRAINT events_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT events_description_length CHECK (description IS NULL OR char_length(description) <= 500),
    CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT events_status_known CHECK (status IN ('draft', 'published', 'active', 'ended')),
    -- The application checks the zone against the JDK's IANA list; this keeps rubbish out.
    CONSTRAINT events_time_zone_shape CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$')
);
CREATE INDEX idx_events_organizer ON events (organizer_id, starts_at);
CREATE INDEX idx_events_status ON events (status, starts_at);

CREATE TABLE stages (
    id          bigserial   PRIMARY KEY,
    event_id    bigint      NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    capacity    integer,
    status      text        NOT NULL DEFAULT 'active',
    -- Any DJ may go live here, booked or not (an open stage).
    open_to_all boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    version     integer     NOT NULL DEFAULT 0,
    CONSTRAINT stages_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT stages_description_length CHECK (description IS NULL OR char_length(description) <= 500),
    CONSTRAINT stages_capacity_positive CHECK (capacity IS NULL OR capacity > 0),
    CONSTRAINT stages_status_known CHECK (status IN ('active', 'paused', 'closed'))
);
CREATE INDEX idx_stages_event ON stages (event_id);

ALTER TABLE sessions ADD COLUMN stage_id bigint REFERENCES stages (id);
CREATE INDEX idx_sessions_stage ON sessions (stage_id) WHERE stage_id IS NOT NULL;

CREATE TABLE stage_subscriptions (
    id                   bigserial   PRIMARY KEY,
    stage_id             bigint      NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
    client_id            text        NOT NULL,
    user_id              bigint      REFERENCES users (id) ON DELETE SET NULL,
    push_endpoint        text        REFERENCES push_subscriptions (endpoint) ON DELETE SET NULL,
    subscribed_at        timestamptz NOT NULL,
    unsubscribed_at      timestamptz,
    CONSTRAINT stage_subscriptions_one_per_client UNIQUE (stage_id, client_id),
    CONSTRAINT stage_subscriptions_client_id_length CHECK (char_length(client_id) BETWEEN 1 AND 256)
);

CREATE TABLE schedule_slots (
    id             bigserial   PRIMARY KEY,
    stage_id       bigint      NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    title          text        NOT NULL,
    kind           text        NOT NULL DEFAULT 'social',
    dj_id          bigint      REFERENCES users (id),
    booking_status text,
    version        integer     NOT NULL DEFAULT 0,
    CONSTRAINT schedule_slots_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT schedule_slots_title_length CHECK (char_length(title) BETWEEN 1 AND 100),
    CONSTRAINT schedule_slots_kind_known CHECK (kind IN ('social', 'workshop', 'competition', 'other')),
    CONSTRAINT schedule_slots_booking_known CHECK (booking_status IN ('invited', 'accepted', 'declined', 'completed')),
    CONSTRAINT schedule_slots_booking_has_dj CHECK ((dj_id IS NULL) = (booking_status IS NULL)),
    -- No two slots of one stage overlap. The stage id as a one-point range compares with && using
    -- PostgreSQL's own range operator classes, so no extension (btree_gist) is needed.
    CONSTRAINT schedule_slots_no_overlap EXCLUDE USING gist (
        int8range(stage_id, stage_id, '[]') WITH &&,
        tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX idx_schedule_slots_dj ON schedule_slots (dj_id, starts_at) WHERE dj_id IS NOT NULL;

-- A DJ's read-only calendar feed token (GET /api/dj/bookings.ics?token=): one per DJ, stored as
-- SHA-256 only; it opens the feed and nothing else.
CREATE TABLE calendar_tokens (
    user_id    bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT calendar_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT calendar_tokens_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$')
);

-- A slot lies inside its event, whoever writes it; and an event cannot shrink away from its slots.
CREATE FUNCTION schedule_slot_inside_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    event_start timestamptz;
    event_end   timestamptz;
BEGIN
    SELECT e.starts_at, e.ends_at INTO event_start, event_end
    FROM stages s JOIN events e ON e.id = s.event_id WHERE s.id = NEW.stage_id;
    IF NEW.starts_at < event_start OR NEW.ends_at > event_end THEN
        RAISE EXCEPTION 'schedule slot outside its event' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'schedule_slots_inside_event';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER schedule_slots_inside_event BEFORE INSERT OR UPDATE ON schedule_slots
    FOR EACH ROW EXECUTE FUNCTION schedule_slot_inside_event();

CREATE FUNCTION event_keeps_its_slots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM schedule_slots sl JOIN stages s ON s.id = sl.stage_id
               WHERE s.event_id = NEW.id AND (sl.starts_at < NEW.starts_at OR sl.ends_at > NEW.ends_at)) THEN
        RAISE EXCEPTION 'event would leave schedule slots outside it' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'schedule_slots_inside_event';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER events_keep_their_slots BEFORE UPDATE OF starts_at, ends_at ON events
    FOR EACH ROW EXECUTE FUNCTION event_keeps_its_slots();
