-- How often each entity is mentioned per publication day (UTC; NULL when the article's date is
-- unknown), and in how many articles.
CREATE OR REPLACE VIEW entity_mentions_by_day AS
SELECT
    CAST(timezone('UTC', a.published_at) AS DATE) AS day,
    m.entity_id,
    en.name,
    en.type,
    en.country_code,
    en.cameo_code,
    count(*) AS mentions,
    count(DISTINCT m.article_id) AS articles
FROM entity_mentions AS m
JOIN entities AS en ON en.entity_id = m.entity_id
LEFT JOIN articles AS a ON a.article_id = m.article_id
GROUP BY ALL;
