SELECT t.*, m.published_month
FROM quotes AS t
LEFT JOIN article_months AS m USING (article_id)
