-- A member's import of their X data export (the latest one): what the upload held, how far the import got and how
-- it ended. The posts it read wait in posts_file (tweetflow.imports.dir) until the import ends, then go.
CREATE TABLE archive_import (
    member_id          BIGINT        NOT NULL PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    state              VARCHAR(16)   NOT NULL,
    posts_file         VARCHAR(1000),
    account_id         VARCHAR(32),
    account_username   VARCHAR(64),
    account_name       VARCHAR(128),
    exported_at        TIMESTAMP WITH TIME ZONE,
    posts_read         BIGINT        NOT NULL DEFAULT 0,
    files_read         VARCHAR(4000),
    files_not_read     INTEGER       NOT NULL DEFAULT 0,
    weeks              INTEGER,
    detail             VARCHAR(1000),
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE
);
