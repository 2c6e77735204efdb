-- Entities named together in the same article, one row per unordered pair
-- (entity_a_id < entity_b_id), with how many articles name both and when.
CREATE OR REPLACE VIEW entity_co_mentions AS
WITH named AS (
    SELECT DISTINCT article_id, entity_id FROM entity_mentions
)
SELECT
    x.entity_id AS entity_a_id,
    ea.name AS entity_a_name,
    ea.type AS entity_a_type,
    y.entity_id AS entity_b_id,
    eb.name AS entity_b_name,
    eb.type AS entity_b_type,
    count(*) AS articles,
    min(CAST(timezone('UTC', a.published_at) AS DATE)) AS first_date,
    max(CAST(timezone('UTC', a.published_at) AS DATE)) AS last_date
FROM named AS x
JOIN named AS y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
JOIN entities AS ea ON ea.entity_id = x.entity_id
JOIN entities AS eb ON eb.entity_id = y.entity_id
LEFT JOIN articles AS a ON a.article_id = x.article_id
GROUP BY ALL;
