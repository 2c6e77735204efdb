-- The content hash each known path was last loaded or rejected with.
SELECT path, any_value(content_sha256) AS content_sha256
FROM source_files
GROUP BY path
