-- Attach a DuckLake and make it the default catalog, so the warehouse SQL runs on it unchanged.
-- {catalog} is the quoted 'ducklake:...' string; {options} empty or (DATA_PATH 'dir/', ...).
ATTACH IF NOT EXISTS {catalog} AS lake {options};
USE lake;
