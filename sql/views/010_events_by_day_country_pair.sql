-- GDELT-style daily event counts per ordered country pair (actor1 acting on actor2).
-- The day is the event's own date when the coder found one, else the article's publication
-- day in UTC; NULL when neither is known. Countries are the first three letters of the CAMEO
-- actor codes (USAGOV -> USA); NULL when the event has no such actor.
CREATE OR REPLACE VIEW events_by_day_country_pair AS
SELECT
    COALESCE(e.event_date, CAST(timezone('UTC', a.published_at) AS DATE)) AS day,
    left(e.actor1_code, 3) AS actor1_country,
    left(e.actor2_code, 3) AS actor2_country,
    count(*) AS events,
    count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
    round(avg(e.goldstein), 2) AS mean_goldstein,
    count(DISTINCT e.article_id) AS articles
FROM events AS e
LEFT JOIN articles AS a USING (article_id)
GROUP BY ALL;
