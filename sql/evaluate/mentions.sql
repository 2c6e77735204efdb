-- Every entity mention of one article with the canonical entity it resolves to.
SELECT m.text, e.name, e.type, e.cameo_code, e.country_code
FROM entity_mentions AS m
JOIN (SELECT DISTINCT entity_id, name, type, cameo_code, country_code FROM entities) AS e
    ON e.entity_id = m.entity_id
WHERE m.article_id = ?
ORDER BY m.start_char
