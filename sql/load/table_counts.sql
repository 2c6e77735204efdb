SELECT 'articles' AS table_name, count(*) AS row_count FROM articles
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'entity_mentions', count(*) FROM entity_mentions
UNION ALL SELECT 'quotes', count(*) FROM quotes
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'amounts', count(*) FROM amounts
UNION ALL SELECT 'source_files', count(*) FROM source_files
UNION ALL SELECT 'rejected_rows', count(*) FROM rejected_rows
