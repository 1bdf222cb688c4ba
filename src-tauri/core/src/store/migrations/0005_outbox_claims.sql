-- Outbox claims across processes. `alive_at` is the last moment the sender of a `sending` item was
-- known to be waiting for its answer: set when it claims the item (just before the request leaves)
-- and renewed while the request is out. The grace before an unknown outcome is looked up in the
-- message store counts from it, so a slow answer is never taken for a lost one.
ALTER TABLE outbox ADD COLUMN alive_at INTEGER;
UPDATE outbox SET alive_at = last_attempt;

-- The windows of history still to fetch are spans (a frame is a WebSocket frame).
ALTER TABLE sync_frames RENAME TO sync_spans;
