-- The most recent ingest run.
SELECT run_id, started_at, finished_at, status, input_root, files_seen, files_loaded,
       files_unchanged, files_rejected, rows_rejected, message
FROM runs
ORDER BY started_at DESC
LIMIT 1
