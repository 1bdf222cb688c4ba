-- Team Messaging: chats, posts and persons as RingCentral sends them, and the agent's own read
-- state and notification level per chat (RingCentral keeps no read state a third-party app can
-- use), and the chat's last change its posts were caught up to. Posts are searchable with
-- everything else.

CREATE TABLE chats (
    id          TEXT    PRIMARY KEY,
    kind        TEXT    NOT NULL,
    name        TEXT,
    description TEXT,
    public      INTEGER NOT NULL DEFAULT 0,
    archived    INTEGER NOT NULL DEFAULT 0,
    member      INTEGER NOT NULL DEFAULT 1,
    members     TEXT    NOT NULL DEFAULT '[]',
    favorite    INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL,
    modified    INTEGER NOT NULL,
    read_until  INTEGER NOT NULL DEFAULT 0,
    notify      TEXT    CHECK (notify IN ('all', 'mentions', 'muted')),
    posts_until INTEGER
);
CREATE INDEX chats_recent ON chats (member, modified DESC);

CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    remote_id   TEXT    NOT NULL UNIQUE,
    chat_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    creator     TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    mentions    TEXT    NOT NULL DEFAULT '[]',
    parent_id   TEXT,
    thread_id   TEXT,
    created     INTEGER NOT NULL,
    modified    INTEGER NOT NULL
);
CREATE INDEX posts_chat ON posts (chat_id, created DESC, id DESC);

CREATE TABLE persons (
    id          TEXT    PRIMARY KEY,
    first_name  TEXT    NOT NULL DEFAULT '',
    last_name   TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    fetched     INTEGER NOT NULL
);

CREATE VIRTUAL TABLE posts_fts USING fts5 (
    text, content = '', contentless_delete = 1,
    prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN
    DELETE FROM posts_fts WHERE rowid = old.id;
    INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    DELETE FROM posts_fts WHERE rowid = old.id;
END;
