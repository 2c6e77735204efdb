-- One row per distinct event, GDELT-style: the same day, actor codes, CAMEO code and
-- hypothetical flag reported by several sentences or articles merge into one row, with the
-- number of mentions (coded sentences) and of distinct articles. The day is the event's own
-- date, else the article's publication day in UTC. event_mentions links each coded sentence
-- back to its merged event, its article and the sentence text.
CREATE OR REPLACE VIEW event_mentions AS
SELECT
    md5(concat_ws(
        '|',
        coalesce(CAST(COALESCE(e.event_date, CAST(timezone('UTC', a.published_at) AS DATE)) AS VARCHAR), ''),
        coalesce(e.actor1_code, ''),
        coalesce(e.actor2_code, ''),
        e.event_code,
        CAST(e.is_hypothetical AS VARCHAR)
    )) AS merged_event_id,
    e.event_id,
    e.article_id,
    a.title AS article_title,
    a.url AS article_url,
    a.published_at,
    COALESCE(e.event_date, CAST(timezone('UTC', a.published_at) AS DATE)) AS day,
    e.actor1_code,
    e.actor2_code,
    e.event_code,
    e.is_hypothetical,
    e.event_text,
    e.sentence_start,
    e.sentence_end,
    substring(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM events AS e
LEFT JOIN articles AS a USING (article_id);

CREATE OR REPLACE VIEW events_merged AS
SELECT
    m.merged_event_id,
    m.day,
    m.actor1_code,
    m.actor2_code,
    any_value(e.actor1_name) AS actor1_name,
    any_value(e.actor2_name) AS actor2_name,
    m.event_code,
    any_value(e.event_root_code) AS event_root_code,
    any_value(e.quad_class) AS quad_class,
    any_value(e.goldstein) AS goldstein,
    m.is_hypothetical,
    any_value(e.place_code) AS place_code,
    count(*) AS num_mentions,
    count(DISTINCT m.article_id) AS num_articles,
    min(m.published_at) AS first_reported_at,
    min(m.event_text) AS example_text
FROM event_mentions AS m
JOIN events AS e USING (event_id)
GROUP BY m.merged_event_id, m.day, m.actor1_code, m.actor2_code, m.event_code, m.is_hypothetical;
