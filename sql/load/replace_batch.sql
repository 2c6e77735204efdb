-- Load one validated batch. Runs inside the caller's transaction, after the batch frames are
-- registered as batch_<table>. A file in the batch replaces every row its earlier version made.
CREATE OR REPLACE TEMP TABLE replaced_articles AS
    SELECT article_id FROM source_files
    WHERE article_id IS NOT NULL AND path IN (SELECT path FROM batch_source_files)
    UNION
    SELECT article_id FROM batch_articles;

DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM replaced_articles);
DELETE FROM quotes          WHERE article_id IN (SELECT article_id FROM replaced_articles);
DELETE FROM events          WHERE article_id IN (SELECT article_id FROM replaced_articles);
DELETE FROM amounts         WHERE article_id IN (SELECT article_id FROM replaced_articles);
DELETE FROM articles        WHERE article_id IN (SELECT article_id FROM replaced_articles);
DELETE FROM source_files    WHERE path IN (SELECT path FROM batch_source_files);
-- Entities are shared: a batch refreshes the rows it names and never deletes others.
DELETE FROM entities        WHERE entity_id IN (SELECT entity_id FROM batch_entities);

INSERT INTO entities        BY NAME SELECT * FROM batch_entities;
INSERT INTO articles        BY NAME SELECT * FROM batch_articles;
INSERT INTO entity_mentions BY NAME SELECT * FROM batch_entity_mentions;
INSERT INTO quotes          BY NAME SELECT * FROM batch_quotes;
INSERT INTO events          BY NAME SELECT * FROM batch_events;
INSERT INTO amounts         BY NAME SELECT * FROM batch_amounts;
INSERT INTO source_files    BY NAME SELECT * FROM batch_source_files;
INSERT INTO rejected_rows   BY NAME SELECT * FROM batch_rejected_rows;

DROP TABLE replaced_articles;
