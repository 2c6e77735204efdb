-- Tables and views present in the warehouse, so the scorer can treat a missing one as empty.
SELECT table_name FROM information_schema.tables
