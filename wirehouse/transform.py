"""Transform stage: analyse each article's body and lay the results out as polars tables.

`analyse` runs the NLP on one article (pure: body in, Analysis out); `build_tables` turns a
batch of articles, their analyses and their source-file outcomes into one frame per table.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

import polars as pl

from schemas import TABLE_SCHEMAS
from wirehouse import nlp
from wirehouse.amounts import find_amounts
from wirehouse.entities import find_entities
from wirehouse.events import find_events
from wirehouse.model import Analysis, Article
from wirehouse.quotes import find_quotes
from wirehouse.timing import timed

TABLES = tuple(TABLE_SCHEMAS)


def analyse(article: Article) -> Analysis:
    """Entities, amounts, quotes and events of one article; offsets index article.body."""
    doc = timed("entities", nlp.parse, article.body)  # the recogniser runs in the pipeline
    entities, mentions = timed("entities", find_entities, doc)
    amounts = timed("amounts", find_amounts, article.body)
    analysis = Analysis(entities=entities, mentions=mentions, amounts=amounts)
    analysis.quotes = timed("quotes", find_quotes, doc, entities, mentions)
    analysis.events = timed("events", find_events, doc, entities, mentions, article.published_at)
    return analysis


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
        "articles": [asdict(article)],
        "entities": [asdict(entity) for entity in analysis.entities],
        "entity_mentions": [{"article_id": aid, **asdict(m)} for m in analysis.mentions],
        "quotes": [
            {
                "quote_id": row_id(aid, "quote", q.start_char, q.end_char),
                "article_id": aid,
                **asdict(q),
            }
            for q in analysis.quotes
        ],
        "events": [_event_row(aid, index, event) for index, event in enumerate(analysis.events)],
        "amounts": [{"article_id": aid, **asdict(a)} for a in analysis.amounts],
    }
    return rows


def _event_row(article_id: str, index: int, event) -> dict[str, Any]:
    row = asdict(event)
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
    """One frame per table for a batch; entities are deduplicated by id."""
    merged: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    merged["source_files"] = list(source_rows)
    for rows in per_article:
        for table, table_rows in rows.items():
            merged[table].extend(table_rows)
    merged["entities"] = list({row["entity_id"]: row for row in merged["entities"]}.values())
    return {table: frame(table, rows) for table, rows in merged.items()}
