-- Every amounts row of one article; the scorer reads optional columns by name when present.
SELECT * FROM amounts WHERE article_id = ?
