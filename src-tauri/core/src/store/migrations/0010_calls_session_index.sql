-- Calls by their legacy session id: a missed call known from presence (`live:<sessionId>`) and
-- the call log's record of it meet there, and every stored call asks. Without this index each
-- call written scanned the whole table (a 25 000-record sync took minutes).
CREATE INDEX calls_session ON calls (session_id);
