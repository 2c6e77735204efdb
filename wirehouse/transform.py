"""Transform stage: lay each article and its analysis out as polars tables.

wirehouse.analysis runs the NLP on one article (pure: body in, Analysis out); `article_rows`
turns an article and its analysis into rows, and `build_tables` a batch of those rows and
their source-file outcomes into one frame per table.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from functools import cache
from typing import Any

import polars as pl

from schemas import TABLE_SCHEMAS
from wirehouse.model import Analysis, Article
from wirehouse.validate import STAGE_FAILURES

TABLES = tuple(TABLE_SCHEMAS)


# The tables whose rows each NLP stage produces: what an article lacks when that stage fails.
STAGE_TABLES = {
    "entities": ("entities", "entity_mentions"),
    "amounts": ("amounts",),
    "quotes": ("quotes",),
    "events": ("events",),
}


def _fields_of(record: Any) -> dict[str, Any]:
    """A record's fields by name: dataclasses.asdict without its deep copy, which the records
    of wirehouse.model do not need (their fields hold plain values) and which cost more than
    building the rest of the rows."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def row_id(*parts: object) -> str:
    key = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def polars_schema(table: str) -> dict[str, pl.DataType]:
    columns = TABLE_SCHEMAS[table].to_schema().columns
    return {name: column.dtype.type for name, column in columns.items()}


def frame(table: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    schema = polars_schema(table)
    return pl.DataFrame(
        [{name: row.get(name) for name in schema} for row in rows], schema=schema, orient="row"
    )


def article_rows(article: Article, analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysed article contributes to each content table."""
    aid = article.article_id
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [_fields_of(article)],
        "entities": [_fields_of(entity) for entity in analysis.entities],
        "entity_mentions": [{"article_id": aid, **_fields_of(m)} for m in analysis.mentions],
        "quotes": [
            {
                "quote_id": row_id(aid, "quote", q.start_char, q.end_char),
                "article_id": aid,
                **_fields_of(q),
            }
            for q in analysis.quotes
        ],
        "events": [_event_row(aid, index, event) for index, event in enumerate(analysis.events)],
        "amounts": [{"article_id": aid, **_fields_of(a)} for a in analysis.amounts],
        STAGE_FAILURES: [
            {
                "table_name": table,
                "article_id": aid,
                "stage": stage,
                "failure": f"the {stage} stage failed, so the article was loaded without its "
                f"{table}: {reason}",
            }
            for stage, reason in analysis.failures.items()
            for table in STAGE_TABLES[stage]
        ],
    }
    return rows


def _event_row(article_id: str, index: int, event) -> dict[str, Any]:
    row = _fields_of(event)
    code = event.event_code
    row.update(
        event_id=row_id(
            article_id,
            "event",
            event.sentence_start,
            code,
            event.actor1_code,
            event.actor2_code,
            index,
        ),
        article_id=article_id,
        event_root_code=code[:2],
        event_date=event.event_date.date() if event.event_date else None,
    )
    return row


def build_tables(
    per_article: list[dict[str, list[dict[str, Any]]]],
    source_rows: list[dict[str, Any]],
) -> dict[str, pl.DataFrame]:
    """One frame per table for a batch, entities deduplicated by id, and the failed stages'
    rows under STAGE_FAILURES (validate quarantines them)."""
    merged: dict[str, list[dict[str, Any]]] = {table: [] for table in (*TABLES, STAGE_FAILURES)}
    merged["source_files"] = list(source_rows)
    for rows in per_article:
        for table, table_rows in rows.items():
            merged[table].extend(table_rows)
    merged["entities"] = list({row["entity_id"]: row for row in merged["entities"]}.values())
    failures = merged.pop(STAGE_FAILURES)
    tables = {table: frame(table, rows) for table, rows in merged.items()}
    tables[STAGE_FAILURES] = pl.DataFrame(failures, schema=_FAILURE_COLUMNS, orient="row")
    return tables


_FAILURE_COLUMNS = {name: pl.String for name in ("table_name", "article_id", "stage", "failure")}
