-- Event announcements (issue 15): an organizer's message to everyone following any stage of the
-- event, kept with the event (late followers get the last 15 minutes; dashboards show the history).

CREATE TABLE event_announcements (
    id            bigserial   PRIMARY KEY,
    event_id      bigint      NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organizer_id  bigint      NOT NULL REFERENCES users (id),
    message       text        NOT NULL,
    priority      text        NOT NULL,
    push          boolean     NOT NULL DEFAULT false,
    -- Devices the push went to (one per device, however many stages it follows); null without push.
    push_devices  integer,
    created_at    timestamptz NOT NULL,
    CONSTRAINT event_announcements_message_length CHECK (char_length(message) BETWEEN 1 AND 500),
    CONSTRAINT event_announcements_priority_known CHECK (priority IN ('info', 'warning', 'urgent'))
);
CREATE INDEX idx_event_announcements_event ON event_announcements (event_id, created_at DESC);

-- Push devices of an event's followers: found by stage, once per endpoint.
CREATE INDEX idx_stage_subscriptions_push ON stage_subscriptions (stage_id)
    WHERE push_endpoint IS NOT NULL AND unsubscribed_at IS NULL;
