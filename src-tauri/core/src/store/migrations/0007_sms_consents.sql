-- SMS consent records as RingCentral keeps them (searchSmsConsentRecords), replaced whole at
-- each read: the newest opt-out or opt-in of each recipient for one business number, or for
-- all of them ('*').
CREATE TABLE sms_consents (
    own_number TEXT NOT NULL,
    peer_key   TEXT NOT NULL,
    opted_out  INTEGER NOT NULL,
    source     TEXT,
    modified   INTEGER NOT NULL,
    PRIMARY KEY (own_number, peer_key)
) WITHOUT ROWID;
CREATE INDEX sms_consents_peer ON sms_consents (peer_key);
