-- The busiest ordered country pairs (actor1 -> actor2), with their mean Goldstein score.
SELECT
    actor1_country || ' → ' || actor2_country AS pair,
    CAST(sum(events) AS BIGINT) AS events,
    round(sum(mean_goldstein * events) / sum(events), 2) AS mean_goldstein
FROM events_by_day_country_pair
WHERE actor1_country IS NOT NULL AND actor2_country IS NOT NULL
GROUP BY pair
ORDER BY events DESC, pair
LIMIT 15
