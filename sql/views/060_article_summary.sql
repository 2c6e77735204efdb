-- One row per article: its metadata, the file it came from, and what was extracted from it.
CREATE OR REPLACE VIEW article_summary AS
WITH files AS (
    SELECT article_id, min(path) AS path, min(format) AS format
    FROM source_files WHERE article_id IS NOT NULL GROUP BY article_id
),
mention_counts AS (
    SELECT article_id, count(*) AS mentions, count(DISTINCT entity_id) AS entities
    FROM entity_mentions GROUP BY article_id
),
quote_counts AS (
    SELECT article_id, count(*) AS quotes, count(DISTINCT speaker) AS speakers
    FROM quotes GROUP BY article_id
),
event_counts AS (
    SELECT
        article_id,
        count(*) AS events,
        count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict_events,
        round(avg(goldstein), 2) AS mean_goldstein
    FROM events GROUP BY article_id
),
amount_counts AS (
    SELECT article_id, count(*) AS amounts FROM amounts GROUP BY article_id
)
SELECT
    a.article_id,
    a.title,
    a.author,
    a.source,
    a.url,
    a.published_at,
    CAST(timezone('UTC', a.published_at) AS DATE) AS published_day,
    a.language,
    f.path,
    f.format,
    length(a.body) AS body_chars,
    COALESCE(mc.entities, 0) AS entities,
    COALESCE(mc.mentions, 0) AS mentions,
    COALESCE(qc.quotes, 0) AS quotes,
    COALESCE(qc.speakers, 0) AS speakers,
    COALESCE(ec.events, 0) AS events,
    COALESCE(ec.conflict_events, 0) AS conflict_events,
    ec.mean_goldstein,
    COALESCE(ac.amounts, 0) AS amounts
FROM articles AS a
LEFT JOIN files AS f USING (article_id)
LEFT JOIN mention_counts AS mc USING (article_id)
LEFT JOIN quote_counts AS qc USING (article_id)
LEFT JOIN event_counts AS ec USING (article_id)
LEFT JOIN amount_counts AS ac USING (article_id);
