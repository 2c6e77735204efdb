CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,
    speaker           VARCHAR,
    speaker_entity_id VARCHAR,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    is_scare_quote    BOOLEAN NOT NULL DEFAULT false,
    speech_verb       VARCHAR
);
