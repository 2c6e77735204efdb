SELECT t.*, m.published_month
FROM events AS t
LEFT JOIN article_months AS m USING (article_id)
