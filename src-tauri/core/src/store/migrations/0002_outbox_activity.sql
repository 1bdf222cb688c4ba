-- What ringdesk itself does: SMS waiting to be sent, read state waiting to reach RingCentral,
-- and the activity log of every API action. No secrets and no message bodies in the log.

CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    peer_key      TEXT    NOT NULL,
    to_number     TEXT    NOT NULL,
    from_number   TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    created       INTEGER NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'unknown', 'sent', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_attempt  INTEGER,
    message_id    INTEGER,
    error         TEXT
);
CREATE INDEX outbox_open ON outbox (state, id) WHERE state IN ('pending', 'sending', 'unknown');
CREATE INDEX outbox_peer ON outbox (peer_key, id);

CREATE TABLE read_queue (
    message_id  INTEGER PRIMARY KEY,
    read        INTEGER NOT NULL,
    queued_at   INTEGER NOT NULL
);

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    request_id  TEXT,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('ok', 'error')),
    http_status INTEGER,
    duration_ms INTEGER NOT NULL,
    error_code  TEXT
);
CREATE INDEX activity_at ON activity (at DESC, id DESC);
