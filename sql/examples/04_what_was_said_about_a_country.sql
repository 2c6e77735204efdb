-- Question: what exactly was said about each country, and by whom? (Filter on country_code,
-- e.g. WHERE en.country_code = 'RUS', to read one country's quotes.)
-- Reads: quotes, entity_mentions, entities, articles; a mention counts when it lies inside the quote.
SELECT DISTINCT
    en.name AS country,
    q.speaker,
    q.text AS quote,
    a.title,
    a.published_at
FROM quotes AS q
JOIN entity_mentions AS m
    ON m.article_id = q.article_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
JOIN entities AS en ON en.entity_id = m.entity_id
JOIN articles AS a ON a.article_id = q.article_id
WHERE en.type = 'GPE' AND q.speaker IS NOT NULL
ORDER BY country, a.published_at NULLS LAST, q.speaker;
