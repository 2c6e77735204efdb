-- Every quotes row of one article; the scorer reads optional columns by name when present.
SELECT * FROM quotes WHERE article_id = ?
