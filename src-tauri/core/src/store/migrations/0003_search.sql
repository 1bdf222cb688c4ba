-- Search: every number seen, with its digits for as-you-type prefix and suffix search and the
-- last name shown for it; full-text indexes over contact names, number names and message text.

CREATE TABLE numbers (
    id              INTEGER PRIMARY KEY,
    match_key       TEXT    NOT NULL UNIQUE,
    e164_digits     TEXT    NOT NULL,
    national_digits TEXT    NOT NULL,
    reversed_digits TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX numbers_e164 ON numbers (e164_digits);
CREATE INDEX numbers_national ON numbers (national_digits);
CREATE INDEX numbers_reversed ON numbers (reversed_digits);

CREATE VIRTUAL TABLE numbers_fts USING fts5 (
    name, content = '', contentless_delete = 1,
    prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER numbers_fts_insert AFTER INSERT ON numbers WHEN new.name <> '' BEGIN
    INSERT INTO numbers_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER numbers_fts_update AFTER UPDATE OF name ON numbers BEGIN
    DELETE FROM numbers_fts WHERE rowid = old.id;
    INSERT INTO numbers_fts (rowid, name) SELECT new.id, new.name WHERE new.name <> '';
END;

CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, company, email, content = '', contentless_delete = 1,
    prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2'
);
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

CREATE VIRTUAL TABLE messages_fts USING fts5 (
    text, content = '', contentless_delete = 1,
    prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    DELETE FROM messages_fts WHERE rowid = old.id;
END;

-- Numbers already stored before this migration become searchable too (their digits are filled
-- in by the migration's Rust step, which needs the numbering plan).
INSERT OR IGNORE INTO numbers (match_key, e164_digits, national_digits, reversed_digits, name)
SELECT peer_key, '', '', '', max(peer_name) FROM (
    SELECT peer_key, peer_name FROM calls WHERE peer_key IS NOT NULL
    UNION ALL SELECT peer_key, peer_name FROM messages WHERE peer_key IS NOT NULL
) GROUP BY peer_key;
INSERT OR IGNORE INTO numbers (match_key, e164_digits, national_digits, reversed_digits, name)
SELECT DISTINCT match_key, '', '', '', '' FROM contact_numbers;
INSERT INTO contacts_fts (rowid, name, company, email)
SELECT id, first_name || ' ' || last_name, company, email FROM contacts;
INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages;
