-- Question: who and what is mentioned most, and on how many days?
-- Reads: entity_mentions_by_day.
SELECT
    name,
    type,
    country_code,
    CAST(sum(mentions) AS BIGINT) AS mentions,
    CAST(sum(articles) AS BIGINT) AS articles,
    count(day) AS days_in_the_news,
    min(day) AS first_day,
    max(day) AS last_day
FROM entity_mentions_by_day
GROUP BY name, type, country_code
ORDER BY mentions DESC, name
LIMIT 25;
