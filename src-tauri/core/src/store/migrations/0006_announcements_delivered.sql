-- An announcement is claimed when its message is stored, and delivered once the desktop's
-- notifier has taken it: one claimed but never delivered (a lagging notifier, a crash between
-- the two) is handed to the notifier again. Announcements made before this column existed were
-- delivered.
ALTER TABLE announced ADD COLUMN delivered_at INTEGER;
UPDATE announced SET delivered_at = announced_at;
CREATE INDEX announced_undelivered ON announced (created) WHERE delivered_at IS NULL;
