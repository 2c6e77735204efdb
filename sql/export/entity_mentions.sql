SELECT t.*, m.published_month
FROM entity_mentions AS t
LEFT JOIN article_months AS m USING (article_id)
