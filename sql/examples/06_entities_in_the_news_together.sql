-- Question: which people, organisations and places keep turning up in the same stories?
-- Reads: entity_co_mentions.
SELECT entity_a_name, entity_b_name, articles, first_date, last_date
FROM entity_co_mentions
ORDER BY articles DESC, entity_a_name, entity_b_name
LIMIT 25;
