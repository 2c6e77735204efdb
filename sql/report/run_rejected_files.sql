-- Files (or JSON records) the given run rejected, and why.
SELECT path, format, error
FROM source_files
WHERE status = 'rejected' AND run_id = ?
ORDER BY path
