-- Question: which sentences were coded as conflict, and what did they say? (Offsets point into
-- articles.body; DuckDB's substring counts from 1, Python offsets from 0.)
-- Reads: events, articles.
SELECT
    a.title,
    e.actor1_name,
    e.event_code,
    e.actor2_name,
    e.goldstein,
    substring(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM events AS e
JOIN articles AS a USING (article_id)
WHERE e.quad_class IN (3, 4)
ORDER BY e.goldstein, a.title, e.sentence_start;
