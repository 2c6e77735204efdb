-- Question: what numbers do the articles report (troops, casualties, money), and where?
-- Reads: amounts, articles. A range shows both ends; an exact number has low = high.
SELECT
    m.unit,
    m.text,
    m.low,
    m.high,
    a.title,
    a.published_at
FROM amounts AS m
JOIN articles AS a USING (article_id)
ORDER BY m.unit, m.high DESC NULLS LAST, a.title;
