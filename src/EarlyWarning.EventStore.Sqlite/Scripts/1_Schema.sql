-- The SQLite event store. Positions are assigned by the single writer while it holds the write lock,
-- so they are dense and commit in order (docs/decisions/0002).
CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,          -- global position in $all; the rowid, so $all reads walk the table in order
    event_id    BLOB    NOT NULL UNIQUE,      -- 16 bytes; unique across the store, the idempotency key
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        BLOB    NOT NULL,             -- UTF-8 JSON as appended, byte for byte
    metadata    BLOB    NOT NULL,             -- UTF-8 JSON
    recorded_at INTEGER NOT NULL,             -- microseconds since the Unix epoch, UTC
    UNIQUE (stream, revision)
);

CREATE TABLE IF NOT EXISTS checkpoints (
    subscription_id TEXT    PRIMARY KEY,
    position        INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at INTEGER NOT NULL
);

INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER));
