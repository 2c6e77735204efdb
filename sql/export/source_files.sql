-- Rejected files have no article, so they fall in the unknown-month partition.
SELECT s.*, m.published_month
FROM source_files AS s
LEFT JOIN article_months AS m USING (article_id)
