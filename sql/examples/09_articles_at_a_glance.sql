-- Question: which articles carry the most coded content, and which yielded nothing?
-- Reads: article_summary. Articles with no entities, quotes or events sort last.
SELECT
    title,
    source,
    published_day,
    path,
    entities,
    quotes,
    events,
    amounts,
    mean_goldstein
FROM article_summary
ORDER BY events + quotes + entities DESC, published_day DESC NULLS LAST, title;
