INSERT INTO runs (run_id, started_at, input_root, status) VALUES (?, ?, ?, 'running')
