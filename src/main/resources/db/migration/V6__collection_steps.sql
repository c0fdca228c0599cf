-- Each summary output of a collection is a step of its own: its state, progress and failure reason, so one failed
-- output can be retried alone, and the collection's overall state is derived from its steps.
CREATE TABLE collection_step (
    collection_id      BIGINT        NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    name               VARCHAR(64)   NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    progress           VARCHAR(200),
    detail             VARCHAR(1000),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (collection_id, name)
);
