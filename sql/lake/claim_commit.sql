-- First statement of every batch transaction on a lake: see sql/lake/ddl/001_lake_commits.sql.
UPDATE lake_commits SET run_id = ?, committed_at = now();
