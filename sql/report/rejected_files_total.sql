-- Files rejected by any run and not loaded since.
SELECT count(*) FROM source_files WHERE status = 'rejected'
