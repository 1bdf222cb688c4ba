-- Contacts, call log, messages and sync state: what RingCentral tells us.
-- Times are milliseconds since the Unix epoch, UTC. Numbers are stored under their match key
-- (phone::MatchKey: E.164 plus ";ext=N", or "ext:N" for an internal extension).

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    source      TEXT    NOT NULL CHECK (source IN ('personal', 'directory', 'local')),
    remote_id   TEXT,
    first_name  TEXT    NOT NULL DEFAULT '',
    last_name   TEXT    NOT NULL DEFAULT '',
    company     TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    job_title   TEXT    NOT NULL DEFAULT '',
    extension   TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    raw         TEXT,
    generation  INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX contacts_remote ON contacts (source, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX contacts_name ON contacts (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);

CREATE TABLE contact_numbers (
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    match_key   TEXT    NOT NULL,
    label       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (contact_id, match_key)
) WITHOUT ROWID;
CREATE INDEX contact_numbers_key ON contact_numbers (match_key, contact_id);

CREATE TABLE calls (
    id          INTEGER PRIMARY KEY,
    remote_id   TEXT    NOT NULL UNIQUE,
    session_id  TEXT    NOT NULL DEFAULT '',
    start_time  INTEGER NOT NULL,
    duration    INTEGER NOT NULL DEFAULT 0,
    direction   TEXT    NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    kind        TEXT    NOT NULL DEFAULT 'voice',
    action      TEXT    NOT NULL DEFAULT '',
    result      TEXT    NOT NULL DEFAULT '',
    missed      INTEGER NOT NULL DEFAULT 0,
    peer_key    TEXT,
    peer_number TEXT    NOT NULL DEFAULT '',
    peer_name   TEXT    NOT NULL DEFAULT '',
    own_number  TEXT    NOT NULL DEFAULT '',
    legs        TEXT    NOT NULL DEFAULT '[]',
    raw         TEXT
);
CREATE INDEX calls_time ON calls (start_time DESC, id DESC);
CREATE INDEX calls_peer ON calls (peer_key, start_time DESC, id DESC);
CREATE INDEX calls_missed ON calls (start_time DESC, id DESC) WHERE missed = 1;

CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY,
    peer_key        TEXT,
    peer_number     TEXT    NOT NULL DEFAULT '',
    own_number      TEXT    NOT NULL DEFAULT '',
    last_message_id INTEGER,
    last_time       INTEGER NOT NULL DEFAULT 0,
    unread          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_time ON conversations (last_time DESC, id DESC);
CREATE INDEX conversations_peer ON conversations (peer_key);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL,
    direction       TEXT    NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    created         INTEGER NOT NULL,
    modified        INTEGER NOT NULL,
    peer_key        TEXT,
    peer_number     TEXT    NOT NULL DEFAULT '',
    peer_name       TEXT    NOT NULL DEFAULT '',
    own_number      TEXT    NOT NULL DEFAULT '',
    text            TEXT    NOT NULL DEFAULT '',
    read            INTEGER NOT NULL DEFAULT 1,
    status          TEXT    NOT NULL DEFAULT '',
    delivery_error  TEXT,
    raw             TEXT
);
CREATE INDEX messages_thread ON messages (conversation_id, created DESC, id DESC);
CREATE INDEX messages_peer ON messages (peer_key, created DESC, id DESC);

-- Conversations follow their messages in the same transaction: last message and unread count.
CREATE TRIGGER messages_conversation_insert AFTER INSERT ON messages BEGIN
    INSERT INTO conversations (id, peer_key, peer_number, own_number, last_message_id, last_time, unread)
    VALUES (new.conversation_id, new.peer_key, new.peer_number, new.own_number, new.id, new.created, new.read = 0)
    ON CONFLICT (id) DO UPDATE SET
        unread          = unread + (new.read = 0),
        last_message_id = CASE WHEN new.created >= last_time THEN new.id ELSE last_message_id END,
        peer_key        = coalesce(peer_key, new.peer_key),
        last_time       = max(last_time, new.created);
END;

CREATE TRIGGER messages_conversation_read AFTER UPDATE OF read ON messages BEGIN
    UPDATE conversations SET unread = unread + (new.read = 0) - (old.read = 0)
    WHERE id = new.conversation_id;
END;

CREATE TRIGGER messages_conversation_delete AFTER DELETE ON messages BEGIN
    DELETE FROM conversations WHERE id = old.conversation_id
        AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = old.conversation_id);
    UPDATE conversations SET unread = unread - (old.read = 0) WHERE id = old.conversation_id;
    UPDATE conversations SET (last_message_id, last_time) = (
        SELECT id, created FROM messages WHERE conversation_id = old.conversation_id
        ORDER BY created DESC, id DESC LIMIT 1)
    WHERE id = old.conversation_id AND last_message_id = old.id;
END;

-- One row per synced feed: its sync token and where a full sync stands.
CREATE TABLE sync_state (
    feed        TEXT    PRIMARY KEY,
    token       TEXT,
    synced_at   INTEGER,
    page_cursor TEXT,
    generation  INTEGER NOT NULL DEFAULT 0
);

-- Time windows still to fetch with a paged listing (backfill of older history, or the gap a
-- forced full sync left): [date_from, date_to), date_to moving down as pages are stored.
CREATE TABLE sync_frames (
    id          INTEGER PRIMARY KEY,
    feed        TEXT    NOT NULL,
    purpose     TEXT    NOT NULL CHECK (purpose IN ('backfill', 'gap')),
    date_from   INTEGER NOT NULL,
    date_to     INTEGER NOT NULL
);
