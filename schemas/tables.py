"""The checks each table must pass before it is loaded.

Column order here is the column order of the frames the transform stage builds.
Cross-table checks (offsets against the article body) live in wirehouse.validate.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

ID = r"^[0-9a-f]{16}$"
ISO3 = r"^[A-Z]{3}$"
CAMEO_ACTOR = r"^[A-Z]{3}([A-Z]{3})*$"
EVENT_CODE = r"^[0-9]{2,4}$"
FORMATS = ["txt", "md", "html", "json", "jsonl"]
ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP"]


class _Offsets(pa.DataFrameModel):
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)

    @pa.dataframe_check(error="end_char must be greater than start_char")
    def span_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("end_char") > pl.col("start_char"))


class SourceFilesSchema(pa.DataFrameModel):
    path: str = pa.Field(str_length={"min_value": 1})
    record: int = pa.Field(ge=0)
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    format: str = pa.Field(isin=FORMATS)
    article_id: str = pa.Field(nullable=True, str_matches=ID)
    status: str = pa.Field(isin=["loaded", "rejected"])
    error: str = pa.Field(nullable=True)
    run_id: str

    @pa.dataframe_check(
        error="a rejected file needs an error and no article; a loaded one the reverse"
    )
    def status_matches_error(cls, data: pa.PolarsData) -> pl.LazyFrame:
        loaded = pl.col("status") == "loaded"
        return data.lazyframe.select(
            pl.when(loaded)
            .then(pl.col("error").is_null() & pl.col("article_id").is_not_null())
            .otherwise(pl.col("error").is_not_null())
        )

    class Config:
        unique = ["path", "record"]


class ArticlesSchema(pa.DataFrameModel):
    article_id: str = pa.Field(unique=True, str_matches=ID)
    title: str = pa.Field(nullable=True)
    author: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    source: str = pa.Field(nullable=True)
    published_at: pl.Datetime("us", "UTC") = pa.Field(nullable=True)  # type: ignore[valid-type]
    language: str = pa.Field(nullable=True, str_matches=r"^[a-z]{2}$")
    body: str = pa.Field(str_length={"min_value": 1})
    path: str
    record: int = pa.Field(ge=0)


class EntitiesSchema(pa.DataFrameModel):
    entity_id: str = pa.Field(unique=True, str_matches=ID)
    name: str = pa.Field(str_length={"min_value": 1})
    type: str = pa.Field(isin=ENTITY_TYPES)
    country_code: str = pa.Field(nullable=True, str_matches=ISO3)
    cameo_code: str = pa.Field(nullable=True, str_matches=CAMEO_ACTOR)


class EntityMentionsSchema(_Offsets):
    article_id: str = pa.Field(str_matches=ID)
    entity_id: str = pa.Field(str_matches=ID)
    text: str = pa.Field(str_length={"min_value": 1})
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)
    role: str = pa.Field(nullable=True)
    kind: str = pa.Field(nullable=True)


class QuotesSchema(_Offsets):
    quote_id: str = pa.Field(unique=True, str_matches=ID)
    article_id: str = pa.Field(str_matches=ID)
    text: str = pa.Field(str_length={"min_value": 1})
    speaker: str = pa.Field(nullable=True)
    speaker_entity_id: str = pa.Field(nullable=True, str_matches=ID)
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)
    is_scare_quote: bool
    speech_verb: str = pa.Field(nullable=True)

    @pa.dataframe_check(error="a scare quote has no speaker")
    def scare_quote_unattributed(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(~pl.col("is_scare_quote") | pl.col("speaker").is_null())


class EventsSchema(pa.DataFrameModel):
    event_id: str = pa.Field(unique=True, str_matches=ID)
    article_id: str = pa.Field(str_matches=ID)
    actor1_code: str = pa.Field(nullable=True, str_matches=CAMEO_ACTOR)
    actor2_code: str = pa.Field(nullable=True, str_matches=CAMEO_ACTOR)
    actor1_name: str = pa.Field(nullable=True)
    actor2_name: str = pa.Field(nullable=True)
    event_code: str = pa.Field(str_matches=EVENT_CODE)
    event_root_code: str = pa.Field(str_matches=r"^[0-9]{2}$")
    quad_class: int = pa.Field(isin=[1, 2, 3, 4])
    goldstein: float = pa.Field(nullable=True, ge=-10.0, le=10.0)
    sentence_start: int = pa.Field(ge=0)
    sentence_end: int = pa.Field(ge=0)
    event_text: str = pa.Field(nullable=True)
    is_hypothetical: bool
    event_date: pl.Date = pa.Field(nullable=True)
    place_code: str = pa.Field(nullable=True)
    place_entity_id: str = pa.Field(nullable=True, str_matches=ID)
    actor1_entity_id: str = pa.Field(nullable=True, str_matches=ID)
    actor2_entity_id: str = pa.Field(nullable=True, str_matches=ID)

    @pa.dataframe_check(error="event_root_code must be the first two digits of event_code")
    def root_is_prefix(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("event_code").str.slice(0, 2) == pl.col("event_root_code")
        )

    @pa.dataframe_check(error="quad_class does not match the event root")
    def quad_matches_root(cls, data: pa.PolarsData) -> pl.LazyFrame:
        root = pl.col("event_root_code").cast(pl.Int32, strict=False)
        expected = (
            pl.when(root <= 5).then(1).when(root <= 8).then(2).when(root <= 13).then(3).otherwise(4)
        )
        return data.lazyframe.select(expected == pl.col("quad_class"))

    @pa.dataframe_check(error="sentence_end must be greater than sentence_start")
    def sentence_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("sentence_end") > pl.col("sentence_start"))


class AmountsSchema(_Offsets):
    article_id: str = pa.Field(str_matches=ID)
    text: str = pa.Field(str_length={"min_value": 1})
    low: float = pa.Field(nullable=True)
    high: float = pa.Field(nullable=True)
    unit: str = pa.Field(nullable=True)
    counted: str = pa.Field(nullable=True)
    start_char: int = pa.Field(ge=0)
    end_char: int = pa.Field(ge=0)

    @pa.dataframe_check(error="low must not exceed high")
    def range_ordered(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("low").is_null() | pl.col("high").is_null() | (pl.col("low") <= pl.col("high"))
        )


class RejectedRowsSchema(pa.DataFrameModel):
    run_id: str
    table_name: str
    article_id: str = pa.Field(nullable=True)
    row_json: str
    failure: str
    rejected_at: pl.Datetime("us", "UTC")  # type: ignore[valid-type]
