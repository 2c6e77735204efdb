-- The article loaded from one input file (path relative to the input root); first record wins.
SELECT a.article_id, a.title, a.author, a.url, a.source, a.published_at, a.body
FROM source_files AS f
JOIN articles AS a ON a.article_id = f.article_id
WHERE f.path = ? AND f.status = 'loaded'
ORDER BY f.record
LIMIT 1
