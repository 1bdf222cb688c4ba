-- Call lists: numbers to dial one after another, in order, paced by the agent. Each entry moves
-- through its states by compare-and-set: `waiting` → `dialing` (claimed before its RingOut is
-- sent, so two windows or a crash never dial it twice) → `called` (its call placed, `call_key`
-- naming it) → `done`, or `call_back` (back in the list at `return_at`), or `skipped`. Progress
-- is the table itself: it survives restarts.
CREATE TABLE call_lists (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created INTEGER NOT NULL
);
CREATE TABLE call_list_entries (
    id        INTEGER PRIMARY KEY,
    list_id   INTEGER NOT NULL REFERENCES call_lists (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL DEFAULT '',
    number    TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    note      TEXT    NOT NULL DEFAULT '',
    state     TEXT    NOT NULL DEFAULT 'waiting'
              CHECK (state IN ('waiting', 'dialing', 'called', 'done', 'call_back', 'skipped')),
    call_key  TEXT,
    return_at INTEGER,
    updated   INTEGER NOT NULL
);
CREATE INDEX call_list_entries_order ON call_list_entries (list_id, position);
CREATE INDEX call_list_entries_call ON call_list_entries (call_key) WHERE call_key IS NOT NULL;
