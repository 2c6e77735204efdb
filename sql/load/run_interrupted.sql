-- Runs still marked running when a new run holds the writer lock ended without finishing
-- (killed, or the machine went down): say so. Their files are picked up by this run.
UPDATE runs
SET status = 'interrupted', finished_at = ?,
    message = 'the run ended without finishing (killed or crashed); a later run took over'
WHERE status = 'running'
