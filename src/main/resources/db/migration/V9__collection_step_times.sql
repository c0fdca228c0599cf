-- When each summary step started and finished (done or failed): what a researcher waiting for a file asks.
ALTER TABLE collection_step ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE collection_step ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
