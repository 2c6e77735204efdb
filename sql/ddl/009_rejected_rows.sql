-- Rows that failed their pandera schema: quarantined with the reason, never dropped silently.
CREATE TABLE IF NOT EXISTS rejected_rows (
    run_id      VARCHAR NOT NULL,
    table_name  VARCHAR NOT NULL,
    article_id  VARCHAR,
    row_json    VARCHAR NOT NULL,
    failure     VARCHAR NOT NULL,
    rejected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
