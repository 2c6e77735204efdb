CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR NOT NULL,
    title        VARCHAR,
    author       VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    published_at TIMESTAMP WITH TIME ZONE,
    language     VARCHAR,
    body         VARCHAR NOT NULL,
    path         VARCHAR NOT NULL,
    record       INTEGER NOT NULL
);
