-- Who talks about whom: each speaker with the entities named inside the spans of their quotes.
-- A mention counts when it lies wholly within the quote's character span in the same article;
-- the speaker naming themself is left out.
CREATE OR REPLACE VIEW speaker_mentions AS
SELECT
    q.speaker,
    max(q.speaker_entity_id) AS speaker_entity_id,
    m.entity_id,
    en.name AS entity_name,
    en.type AS entity_type,
    en.country_code AS entity_country_code,
    count(*) AS mentions,
    count(DISTINCT q.quote_id) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    min(CAST(timezone('UTC', a.published_at) AS DATE)) AS first_date,
    max(CAST(timezone('UTC', a.published_at) AS DATE)) AS last_date
FROM quotes AS q
JOIN entity_mentions AS m
    ON m.article_id = q.article_id
    AND m.start_char >= q.start_char
    AND m.end_char <= q.end_char
JOIN entities AS en ON en.entity_id = m.entity_id
LEFT JOIN articles AS a ON a.article_id = q.article_id
WHERE q.speaker IS NOT NULL
    AND m.entity_id IS DISTINCT FROM q.speaker_entity_id
GROUP BY q.speaker, m.entity_id, en.name, en.type, en.country_code;
