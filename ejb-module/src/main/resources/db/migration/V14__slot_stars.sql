-- Slots a dancer starred in the event companion (issue 19, item 3). A signed-in dancer's stars
-- belong to the account (the browser's are merged in at sign-in); an anonymous dancer's stay in
-- the browser and reach the server only to be reminded, tied to the phone's push subscription.
-- Each star reminds its owner's push devices remind_minutes before the slot, once: a node claims
-- due stars by setting reminded_at in one UPDATE, so two nodes never both send one.
CREATE TABLE slot_stars (
    id             bigserial   PRIMARY KEY,
    slot_id        bigint      NOT NULL REFERENCES schedule_slots (id) ON DELETE CASCADE,
    user_id        bigint      REFERENCES users (id) ON DELETE CASCADE,
    push_endpoint  text,
    remind_minutes integer     NOT NULL DEFAULT 10,
    reminded_at    timestamptz,
    starred_at     timestamptz NOT NULL,
    CONSTRAINT slot_stars_has_owner CHECK (user_id IS NOT NULL OR push_endpoint IS NOT NULL),
    CONSTRAINT slot_stars_remind_minutes_range CHECK (remind_minutes BETWEEN 1 AND 120),
    CONSTRAINT slot_stars_endpoint_length CHECK (push_endpoint IS NULL OR char_length(push_endpoint) BETWEEN 10 AND 2048)
);
CREATE UNIQUE INDEX slot_stars_one_per_account ON slot_stars (slot_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX slot_stars_one_per_device ON slot_stars (slot_id, push_endpoint) WHERE user_id IS NULL;
CREATE INDEX idx_slot_stars_waiting ON slot_stars (slot_id) WHERE reminded_at IS NULL;
CREATE INDEX idx_slot_stars_device ON slot_stars (push_endpoint) WHERE user_id IS NULL;
CREATE INDEX idx_schedule_slots_starts ON schedule_slots (starts_at);

-- A signed-in dancer's phones: the reminder of an account's star goes to each of them.
CREATE INDEX idx_push_subscriptions_user_active ON push_subscriptions (user_id)
    WHERE user_id IS NOT NULL AND unsubscribed_at IS NULL;

-- A slot that moves is reminded of again at its new time.
CREATE FUNCTION slot_stars_rearm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE slot_stars SET reminded_at = NULL WHERE slot_id = NEW.id AND reminded_at IS NOT NULL;
    RETURN NEW;
END;
$$;
CREATE TRIGGER schedule_slots_rearm_stars AFTER UPDATE OF starts_at ON schedule_slots
    FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at) EXECUTE FUNCTION slot_stars_rearm();
