-- Events per day and quad class, for the report's timeline (days with a known date only).
SELECT
    day,
    CAST(sum(verbal_cooperation) AS BIGINT) AS "Verbal cooperation",
    CAST(sum(material_cooperation) AS BIGINT) AS "Material cooperation",
    CAST(sum(verbal_conflict) AS BIGINT) AS "Verbal conflict",
    CAST(sum(material_conflict) AS BIGINT) AS "Material conflict"
FROM events_by_day_country_pair
WHERE day IS NOT NULL
GROUP BY day
ORDER BY day
