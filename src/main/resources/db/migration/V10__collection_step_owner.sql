-- Which claim of the collection's work item runs a step: a step is claimed, and its state written, only under the
-- collection's live lease, so two workers never run one step, and a step left running by a worker that is gone (its
-- lease expired) is taken over by the next holder of the lease.
ALTER TABLE collection_step ADD COLUMN run_by VARCHAR(128);
-- Work asked for again while its item is queued or held (a summary step retried during a run): the item is not
-- completed but queued again, for this reason, once its holder is done.
ALTER TABLE work_item ADD COLUMN asked_again VARCHAR(32);
-- Steps left pending or running before steps were work of their own (a retry ran outside the queue, a crash left it
-- running for ever): queued, so that a worker takes them over.
INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at)
SELECT DISTINCT 'collect', s.collection_id, 'summarize', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM collection_step s
WHERE s.state IN ('pending', 'running')
AND NOT EXISTS (SELECT 1 FROM work_item w WHERE w.kind = 'collect' AND w.subject_id = s.collection_id);
