-- Everyone quoted, with how often, over which dates, and their most recent quote as a sample.
-- Dates are the quoting articles' publication days (UTC); quotes with no named speaker are left out.
CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT
    q.speaker,
    max(q.speaker_entity_id) AS speaker_entity_id,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    min(CAST(timezone('UTC', a.published_at) AS DATE)) AS first_date,
    max(CAST(timezone('UTC', a.published_at) AS DATE)) AS last_date,
    COALESCE(arg_max(q.text, a.published_at), min(q.text)) AS sample_quote
FROM quotes AS q
LEFT JOIN articles AS a USING (article_id)
WHERE q.speaker IS NOT NULL
GROUP BY q.speaker;
