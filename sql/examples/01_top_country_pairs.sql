-- Question: which countries act on which most often, and is it mostly cooperation or conflict?
-- Reads: events_by_day_country_pair. One row per ordered pair (actor1 -> actor2), busiest first.
SELECT
    actor1_country,
    actor2_country,
    CAST(sum(events) AS BIGINT) AS events,
    CAST(sum(verbal_cooperation + material_cooperation) AS BIGINT) AS cooperation,
    CAST(sum(verbal_conflict + material_conflict) AS BIGINT) AS conflict,
    round(sum(mean_goldstein * events) / sum(events), 2) AS mean_goldstein
FROM events_by_day_country_pair
WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL
GROUP BY actor1_country, actor2_country
ORDER BY events DESC, actor1_country, actor2_country
LIMIT 20;
