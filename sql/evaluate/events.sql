-- Every events row of one article; the scorer reads optional columns by name when present.
SELECT * FROM events WHERE article_id = ?
