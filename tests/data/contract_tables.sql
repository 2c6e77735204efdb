-- The warehouse contract (/work/shared/CONTRACT.md) and nothing more, plus the one extra column
-- the views may read (events.event_date, always through COALESCE with the article's date).
CREATE TABLE source_files (path VARCHAR, content_sha256 VARCHAR, format VARCHAR,
    article_id VARCHAR, status VARCHAR, error VARCHAR, run_id VARCHAR);
CREATE TABLE articles (article_id VARCHAR, title VARCHAR, author VARCHAR, url VARCHAR,
    source VARCHAR, published_at TIMESTAMP WITH TIME ZONE, language VARCHAR, body VARCHAR);
CREATE TABLE entities (entity_id VARCHAR, name VARCHAR, type VARCHAR, country_code VARCHAR,
    cameo_code VARCHAR);
CREATE TABLE entity_mentions (article_id VARCHAR, entity_id VARCHAR, text VARCHAR,
    start_char INTEGER, end_char INTEGER);
CREATE TABLE quotes (quote_id VARCHAR, article_id VARCHAR, text VARCHAR, speaker VARCHAR,
    speaker_entity_id VARCHAR, start_char INTEGER, end_char INTEGER);
CREATE TABLE events (event_id VARCHAR, article_id VARCHAR, actor1_code VARCHAR,
    actor2_code VARCHAR, actor1_name VARCHAR, actor2_name VARCHAR, event_code VARCHAR,
    event_root_code VARCHAR, quad_class INTEGER, goldstein DOUBLE, sentence_start INTEGER,
    sentence_end INTEGER, event_date DATE);
CREATE TABLE amounts (article_id VARCHAR, text VARCHAR, low DOUBLE, high DOUBLE, unit VARCHAR,
    start_char INTEGER, end_char INTEGER);
