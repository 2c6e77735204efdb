SELECT a.*, m.published_month
FROM articles AS a
JOIN article_months AS m USING (article_id)
