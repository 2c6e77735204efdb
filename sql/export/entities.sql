SELECT * FROM entities
