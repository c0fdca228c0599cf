-- What a researcher should know about a run, e.g. that it came more than 7 days after the one before, so posts
-- older than X's recent search reaches may be missing between them.
ALTER TABLE collection_run ADD COLUMN note VARCHAR(300);
