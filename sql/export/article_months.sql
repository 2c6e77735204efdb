-- Each article's publication month (UTC, 'YYYY-MM'); NULL when its date is unknown.
-- Every exported table is partitioned by the month of the article its rows belong to.
CREATE OR REPLACE TEMP VIEW article_months AS
SELECT article_id, strftime(timezone('UTC', published_at), '%Y-%m') AS published_month
FROM articles
