-- When the member last had their archive deleted from Open Humans: a sync that was running then must not
-- bring it back.
ALTER TABLE archive_state ADD COLUMN archive_deleted_at TIMESTAMP WITH TIME ZONE;
