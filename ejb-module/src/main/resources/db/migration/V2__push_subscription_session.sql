-- Web Push bound to a session: an announcement reaches only the subscribers of its session
-- (the original pushed every announcement to every subscriber). No foreign key: a phone may
-- subscribe before the session's row is written (history is written asynchronously).
ALTER TABLE push_subscriptions ADD COLUMN subscribed_session_id text;
ALTER TABLE push_subscriptions ADD CONSTRAINT push_subscriptions_session_id_length
    CHECK (subscribed_session_id IS NULL OR char_length(subscribed_session_id) BETWEEN 8 AND 64);
CREATE INDEX idx_push_subscriptions_session_active ON push_subscriptions (subscribed_session_id)
    WHERE unsubscribed_at IS NULL;
