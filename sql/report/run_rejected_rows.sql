-- Rows the given run quarantined because they failed their schema.
SELECT table_name, article_id, failure, row_json
FROM rejected_rows
WHERE run_id = ?
ORDER BY table_name, article_id, failure
