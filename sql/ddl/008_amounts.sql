CREATE TABLE IF NOT EXISTS amounts (
    article_id VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    low        DOUBLE,
    high       DOUBLE,
    unit       VARCHAR,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL
);
