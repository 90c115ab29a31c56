-- The PostgreSQL event store, in its own schema ({schema} is replaced by the configured name).
-- Positions are assigned by the writer while it holds the schema's advisory write lock, and the lock is
-- released only after the commit is visible, so positions become visible in order: a reader that moves
-- forward from its last position never skips an event committed late (docs/decisions/0002).
CREATE SCHEMA IF NOT EXISTS {schema};

CREATE TABLE IF NOT EXISTS {schema}.events (
    position    bigint      PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    stream      text        NOT NULL,
    revision    bigint      NOT NULL,
    type        text        NOT NULL,
    data        bytea       NOT NULL,   -- UTF-8 JSON as appended, byte for byte (jsonb would reorder it)
    metadata    bytea       NOT NULL,   -- UTF-8 JSON
    recorded_at timestamptz NOT NULL,
    CONSTRAINT events_stream_revision UNIQUE (stream, revision)
);

CREATE TABLE IF NOT EXISTS {schema}.checkpoints (
    subscription_id text        PRIMARY KEY,
    position        bigint      NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS {schema}.schema_version (
    version    int         PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO {schema}.schema_version (version) VALUES (1) ON CONFLICT DO NOTHING;
