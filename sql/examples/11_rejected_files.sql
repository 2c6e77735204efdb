-- Question: which input files did not make it into the warehouse, and why?
-- Reads: source_files. Fix the file (or the reason) and the next run picks it up.
SELECT path, format, error, run_id
FROM source_files
WHERE status = 'rejected'
ORDER BY path;
