-- One row per canonical real-world thing, shared by all articles.
CREATE TABLE IF NOT EXISTS entities (
    entity_id    VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    type         VARCHAR NOT NULL,
    country_code VARCHAR,
    cameo_code   VARCHAR
);
