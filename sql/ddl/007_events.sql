-- CAMEO-coded events, one row per coded mention, GDELT-style.
CREATE TABLE IF NOT EXISTS events (
    event_id         VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    actor1_code      VARCHAR,
    actor2_code      VARCHAR,
    actor1_name      VARCHAR,
    actor2_name      VARCHAR,
    event_code       VARCHAR NOT NULL,
    event_root_code  VARCHAR NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        DOUBLE,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    event_text       VARCHAR,  -- the words the code came from
    is_hypothetical  BOOLEAN NOT NULL DEFAULT false,
    event_date       DATE,
    place_code       VARCHAR,
    place_entity_id  VARCHAR,
    actor1_entity_id VARCHAR,
    actor2_entity_id VARCHAR
);
