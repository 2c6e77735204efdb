-- Question: when people are quoted, whom do they talk about?
-- Reads: speaker_mentions (entities named inside each speaker's quotes). The top five
-- subjects of every speaker, most mentioned first.
SELECT speaker, entity_name, entity_type, mentions, quotes
FROM speaker_mentions
QUALIFY row_number() OVER (PARTITION BY speaker ORDER BY mentions DESC, entity_name) <= 5
ORDER BY speaker, mentions DESC, entity_name;
