-- A chat's posts in RingCentral's order: by creation time, then by RingCentral's id (numeric
-- strings: shorter is smaller), never by the order the cache happened to store them in — posts
-- of one millisecond, stored by different pages, kept apart and in order across pages.
DROP INDEX posts_chat;
CREATE INDEX posts_chat ON posts (chat_id, created DESC, length(remote_id) DESC, remote_id DESC);
