-- The most mentioned entities, with their type.
SELECT name, type, CAST(sum(mentions) AS BIGINT) AS mentions
FROM entity_mentions_by_day
GROUP BY entity_id, name, type
ORDER BY mentions DESC, name
LIMIT 20
