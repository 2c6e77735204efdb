-- One row that every batch commit on a lake rewrites (sql/lake/claim_commit.sql). DuckLake
-- commits optimistically and lets two inserts of the same new entity both succeed; with this
-- row in every batch transaction, two writers' commits always conflict and the later one is
-- retried on the new state, so shared entities and the one-file-per-url rule stay exact.
CREATE TABLE IF NOT EXISTS lake_commits (
    run_id       VARCHAR,
    committed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO lake_commits SELECT NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM lake_commits);
