-- Question: is the news getting more hostile? Events per month by quad class, with the mean
-- Goldstein score (-10 most conflictual .. +10 most cooperative).
-- Reads: events_by_day_country_pair; events whose date is unknown are left out.
SELECT
    date_trunc('month', day) AS month,
    CAST(sum(events) AS BIGINT) AS events,
    CAST(sum(verbal_cooperation) AS BIGINT) AS verbal_cooperation,
    CAST(sum(material_cooperation) AS BIGINT) AS material_cooperation,
    CAST(sum(verbal_conflict) AS BIGINT) AS verbal_conflict,
    CAST(sum(material_conflict) AS BIGINT) AS material_conflict,
    round(sum(mean_goldstein * events) / sum(events), 2) AS mean_goldstein
FROM events_by_day_country_pair
WHERE day IS NOT NULL
GROUP BY month
ORDER BY month;
