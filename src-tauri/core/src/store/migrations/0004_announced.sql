-- Inbound SMS the agent has been told about (a desktop notification), so each is announced
-- exactly once: across WebSocket replays, catch-up syncs, restarts, and processes sharing the
-- cache. `created` lets old rows be pruned once their messages are too old to announce anyway.
CREATE TABLE announced (
    message_id   INTEGER PRIMARY KEY,
    created      INTEGER NOT NULL,
    announced_at INTEGER NOT NULL
);
CREATE INDEX announced_created ON announced (created);

-- When announcing started for this cache: older messages are history, never announced.
CREATE TABLE announce_horizon (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    since INTEGER NOT NULL
);

-- Finds the unread inbound messages still to announce without scanning the whole table.
CREATE INDEX messages_unread_inbound ON messages (created, id)
    WHERE direction = 'inbound' AND read = 0;
