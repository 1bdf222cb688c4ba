-- Team chat posts go through the outbox too, exactly once like texts: an item with a chat is a
-- post to that chat (its recipient and sender numbers are empty), sent as RingCentral's post
-- `post_id`.
ALTER TABLE outbox ADD COLUMN chat_id TEXT;
ALTER TABLE outbox ADD COLUMN post_id TEXT;
CREATE INDEX outbox_open_posts ON outbox (chat_id, id)
    WHERE chat_id IS NOT NULL AND state IN ('pending', 'sending', 'unknown');
