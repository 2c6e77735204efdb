-- Every input file (and every record of a JSON/JSONL file) ever seen, loaded or rejected.
CREATE TABLE IF NOT EXISTS source_files (
    path           VARCHAR NOT NULL,  -- relative to the input root
    record         INTEGER NOT NULL,  -- 0 for one-article files; record number in JSON/JSONL
    content_sha256 VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,
    article_id     VARCHAR,
    status         VARCHAR NOT NULL,  -- loaded, rejected
    error          VARCHAR,
    run_id         VARCHAR NOT NULL
);
