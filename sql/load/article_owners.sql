-- Which file already holds each of the given article ids (to catch two files, one url).
SELECT article_id, path
FROM source_files
WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
