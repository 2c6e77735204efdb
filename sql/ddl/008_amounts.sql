-- Numbers and what they count, GDELT GKG style.
CREATE TABLE IF NOT EXISTS amounts (
    article_id VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    low        DOUBLE,
    high       DOUBLE,
    unit       VARCHAR,  -- what is counted, a currency code for money, or 'percent'
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    counted    VARCHAR   -- what a sum of money or a share is of ("aid", "workforce")
);
-- Warehouses made before `counted` existed gain it in place.
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS counted VARCHAR;
