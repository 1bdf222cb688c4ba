-- Wrap-ups: what the agent noted after a call — a disposition, free notes, tags and an optional
-- follow-up — kept with the call. A call is known by its RingOut id while ringdesk places it
-- (`ringout:<id>`), by its call-log id afterwards, or by its session (`live:<sessionId>`) for a
-- call only presence told of; `peer` (the other party's match key) and `started` let History
-- find a wrap-up written before the call log's record arrived. A draft (no `saved` time) is the
-- autosave of a card still open: it survives a crash or a closed window and counts as "to wrap
-- up". `follow_up_fired` is claimed once (compare-and-set) when the reminder is shown.
CREATE TABLE wrapups (
    id              INTEGER PRIMARY KEY,
    call_key        TEXT    NOT NULL UNIQUE,
    peer            TEXT    NOT NULL DEFAULT '',
    direction       TEXT    NOT NULL DEFAULT '',
    started         INTEGER NOT NULL,
    disposition     TEXT,
    notes           TEXT    NOT NULL DEFAULT '',
    tags            TEXT    NOT NULL DEFAULT '',
    follow_up_at    INTEGER,
    follow_up_note  TEXT    NOT NULL DEFAULT '',
    follow_up_fired INTEGER NOT NULL DEFAULT 0,
    saved           INTEGER,
    updated         INTEGER NOT NULL
);
CREATE INDEX wrapups_peer ON wrapups (peer, started);
CREATE INDEX wrapups_drafts ON wrapups (started) WHERE saved IS NULL;
CREATE INDEX wrapups_follow_ups ON wrapups (follow_up_at)
    WHERE follow_up_at IS NOT NULL AND follow_up_fired = 0;

CREATE VIRTUAL TABLE wrapups_fts USING fts5 (
    text, content = '', contentless_delete = 1,
    prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER wrapups_fts_insert AFTER INSERT ON wrapups BEGIN
    INSERT INTO wrapups_fts (rowid, text)
    VALUES (new.id, coalesce(new.disposition, '') || ' ' || new.notes || ' ' || new.tags
                    || ' ' || new.follow_up_note);
END;
CREATE TRIGGER wrapups_fts_update AFTER UPDATE OF disposition, notes, tags, follow_up_note
    ON wrapups BEGIN
    DELETE FROM wrapups_fts WHERE rowid = old.id;
    INSERT INTO wrapups_fts (rowid, text)
    VALUES (new.id, coalesce(new.disposition, '') || ' ' || new.notes || ' ' || new.tags
                    || ' ' || new.follow_up_note);
END;
CREATE TRIGGER wrapups_fts_delete AFTER DELETE ON wrapups BEGIN
    DELETE FROM wrapups_fts WHERE rowid = old.id;
END;

-- The do-not-call list of this profile's cache: numbers (match keys, E.164 for phone numbers)
-- never dialed from a list or a link that calls at once.
CREATE TABLE do_not_call (
    key     TEXT    PRIMARY KEY,
    number  TEXT    NOT NULL,
    note    TEXT    NOT NULL DEFAULT '',
    added   INTEGER NOT NULL
) WITHOUT ROWID;
