-- One row per ingest run: when, over what, and what came of it.
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    input_root      VARCHAR,
    status          VARCHAR NOT NULL,  -- running, completed, failed, interrupted
    files_seen      INTEGER,
    files_loaded    INTEGER,
    files_unchanged INTEGER,
    files_rejected  INTEGER,
    rows_rejected   INTEGER,
    message         VARCHAR
);
