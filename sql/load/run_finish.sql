UPDATE runs
SET finished_at = ?, status = ?, files_seen = ?, files_loaded = ?, files_unchanged = ?,
    files_rejected = ?, rows_rejected = ?, message = ?
WHERE run_id = ?
