CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    role       VARCHAR,  -- title or role written with the name ("Foreign Minister")
    kind       VARCHAR   -- name, alias, metonym, demonym, pronoun, role
);
