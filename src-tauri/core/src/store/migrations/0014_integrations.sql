-- CRM links. A connector (the webhook, SuiteDash) gets its work from a durable queue: events
-- derived from the cache (a call ended or was missed, a text sent or received, a wrap-up saved, a
-- contact created) and pushes the agent asked for (create a SuiteDash contact, set its tags). Each
-- item moves by compare-and-set on (state, attempts), like the SMS outbox: `pending` → `sending`
-- (claimed just before its request leaves, `alive_at` renewed while it is out) → `delivered`, or
-- back to `pending` at `next_at` (a retry), or `failed` (refused; shown, replayable). `subject`
-- says what an item is about, once per connector, so the same call or text is never queued twice;
-- items with the same `order_key` (the contact's number) go out in `id` order.
CREATE TABLE integration_queue (
    id          INTEGER PRIMARY KEY,
    connector   TEXT    NOT NULL CHECK (connector IN ('webhook', 'suitedash')),
    kind        TEXT    NOT NULL,
    event_id    TEXT    NOT NULL UNIQUE,
    subject     TEXT    NOT NULL,
    order_key   TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    created     INTEGER NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     INTEGER NOT NULL,
    alive_at    INTEGER,
    http_status INTEGER,
    error       TEXT,
    remote_id   TEXT,
    UNIQUE (connector, subject)
);
CREATE INDEX integration_queue_due ON integration_queue (connector, next_at, id)
    WHERE state IN ('pending', 'sending');
CREATE INDEX integration_queue_order ON integration_queue (connector, order_key, id)
    WHERE state IN ('pending', 'sending');

-- Small numbers a connector keeps: since when it collects events, how far it has collected, the
-- requests spent per month (SuiteDash's quota), when it last pulled.
CREATE TABLE integration_marks (
    connector TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    value     INTEGER NOT NULL,
    PRIMARY KEY (connector, name)
) WITHOUT ROWID;

-- Import mode: every CSV written for a CRM's importer, and when each contact was last in one.
CREATE TABLE contact_exports (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    target  TEXT    NOT NULL,
    path    TEXT    NOT NULL,
    rows    INTEGER NOT NULL,
    marked  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE contact_export_rows (
    export_id  INTEGER NOT NULL REFERENCES contact_exports (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (export_id, contact_id)
) WITHOUT ROWID;

-- Contacts gain a source (SuiteDash's contacts and companies), the moment each was created here
-- and when it was last exported for a CRM. SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt (ids kept: contact numbers and the full-text index refer to them) with
-- foreign keys off for this migration only (see migrations.rs).
CREATE TABLE contacts_rebuilt (
    id          INTEGER PRIMARY KEY,
    source      TEXT    NOT NULL CHECK (source IN ('personal', 'directory', 'local', 'suitedash')),
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
    updated_at  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    exported_at INTEGER
);
INSERT INTO contacts_rebuilt (id, source, remote_id, first_name, last_name, company, email,
    job_title, extension, tags, notes, raw, generation, updated_at, created_at)
SELECT id, source, remote_id, first_name, last_name, company, email, job_title, extension, tags,
    notes, raw, generation, updated_at, updated_at FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_rebuilt RENAME TO contacts;
CREATE UNIQUE INDEX contacts_remote ON contacts (source, remote_id) WHERE remote_id IS NOT NULL;
CREATE INDEX contacts_name ON contacts (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id);
CREATE INDEX contacts_created ON contacts (created_at) WHERE source = 'local';
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, name, company, email)
    VALUES (new.id, new.first_name || ' ' || new.last_name, new.company, new.email);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF first_name, last_name, company, email ON contacts BEGIN
    DELETE FROM contacts_fts WHERE rowid = old.id;
    INSERT INTO contacts_fts (rowid, name, company, email)
    VALUES (new.id, new.first_name || ' ' || new.last_name, new.company, new.email);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contacts_fts WHERE rowid = old.id;
END;

-- Texts by time, for the events collected since a moment.
CREATE INDEX messages_created ON messages (created);
