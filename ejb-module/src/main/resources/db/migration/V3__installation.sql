-- One row naming this database for good. Live state kept outside it (Redis keys and channels) is
-- named with this id, so a node never acts on state that belongs to another database: one
-- recreated under the same name, or another install sharing the Redis prefix.
CREATE TABLE installation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    only_row boolean NOT NULL DEFAULT true,
    CONSTRAINT installation_one_row UNIQUE (only_row),
    CONSTRAINT installation_only_row_true CHECK (only_row)
);

INSERT INTO installation DEFAULT VALUES;
