"""Validate stage: every table passes its pandera schema (schemas/) before it is loaded.

Rows that fail are split off with the reason and quarantined in `rejected_rows`; an article
that fails takes its dependent rows with it and its source file is marked rejected, so the
warehouse never holds a half-loaded article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandera.polars as pa
import polars as pl

from schemas import TABLE_SCHEMAS

CHILD_TABLES = ("entity_mentions", "quotes", "events", "amounts")
OFFSET_TABLES = ("entity_mentions", "quotes", "amounts")
_FAILURE = "_failure"
# The rows transform.build_tables lays out for NLP stages that failed on an article: which table
# was left without its rows (table_name), the article, the stage and the failure
STAGE_FAILURES = "stage_failures"


@dataclass
class Validated:
    tables: dict[str, pl.DataFrame]
    rejected_rows: pl.DataFrame
    rejected_articles: dict[str, str] = field(default_factory=dict)  # article_id -> reason


def split_valid(table: str, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows that pass the table's schema, failing rows with a `_failure` column)."""
    try:
        TABLE_SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        reasons = _reasons_by_row(errors.failure_cases, frame.height)
    else:
        return frame, frame.clear().with_columns(pl.lit(None, pl.String).alias(_FAILURE))
    indexed = frame.with_row_index("_row").with_columns(
        pl.col("_row").replace_strict(reasons, default=None, return_dtype=pl.String).alias(_FAILURE)
    )
    good = indexed.filter(pl.col(_FAILURE).is_null()).drop("_row", _FAILURE)
    bad = indexed.filter(pl.col(_FAILURE).is_not_null()).drop("_row")
    return good, bad


def _reasons_by_row(failures: pl.DataFrame, height: int) -> dict[int, str]:
    reasons: dict[int, list[str]] = {}
    for case in failures.iter_rows(named=True):
        column = case["column"] or "row"
        text = f"{column}: {case['check']}"
        if case["failure_case"] is not None and case["column"]:
            text += f" (got {str(case['failure_case'])[:80]!r})"
        rows = range(height) if case["index"] is None else [case["index"]]
        for row in rows:
            reasons.setdefault(row, []).append(text)
    return {row: "; ".join(dict.fromkeys(texts)) for row, texts in reasons.items()}


def offset_failures(table: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Rows whose [start_char, end_char) slice of the article body is not their text."""
    bodies = articles.select("article_id", pl.col("body").alias("_body"))
    joined = table.join(bodies, on="article_id", how="left")
    sliced = pl.col("_body").str.slice(
        pl.col("start_char"), pl.col("end_char") - pl.col("start_char")
    )
    mismatch = (
        pl.col("_body").is_null()
        | (sliced != pl.col("text"))
        | (pl.col("end_char") > pl.col("_body").str.len_chars())
    )
    return joined.with_columns(
        pl.when(pl.col("_body").is_null())
        .then(pl.lit("article_id: no such article in this batch"))
        .when(mismatch)
        .then(pl.lit("start_char/end_char: body[start_char:end_char] is not the row's text"))
        .otherwise(None)
        .alias(_FAILURE)
    ).drop("_body")


def validate(tables: dict[str, pl.DataFrame], run_id: str) -> Validated:
    # pandera runs each check as a polars query of its own, some 300 a batch, on frames of a
    # few hundred rows; polars' in-memory engine answers such a query in a quarter of the time
    # its default (streaming) engine takes to start one. Same results either way.
    with pl.Config(engine_affinity="in-memory"):
        return _validate(tables, run_id)


def _validate(tables: dict[str, pl.DataFrame], run_id: str) -> Validated:
    quarantine: list[tuple[str, pl.DataFrame]] = []
    articles, bad_articles = split_valid("articles", tables["articles"])
    rejected_articles = dict(zip(bad_articles["article_id"], bad_articles[_FAILURE], strict=True))
    quarantine.append(("articles", bad_articles))
    entities, bad_entities = split_valid("entities", tables["entities"])
    quarantine.append(("entities", bad_entities))
    out = {"articles": articles, "entities": entities}
    for table in CHILD_TABLES:
        frame = tables[table].filter(~pl.col("article_id").is_in(list(rejected_articles)))
        frame, bad = split_valid(table, frame)
        quarantine.append((table, bad))
        if table in OFFSET_TABLES:
            checked = offset_failures(frame, articles)
            quarantine.append((table, checked.filter(pl.col(_FAILURE).is_not_null())))
            frame = checked.filter(pl.col(_FAILURE).is_null()).drop(_FAILURE)
        out[table] = frame
    out["entity_mentions"], orphans = _drop_orphan_mentions(out["entity_mentions"], entities)
    quarantine.append(("entity_mentions", orphans))
    failed = {aid: f"article failed validation: {why}" for aid, why in rejected_articles.items()}
    out["source_files"] = mark_rejected(tables["source_files"], failed)
    out["source_files"], bad_sources = split_valid("source_files", out["source_files"])
    quarantine.append(("source_files", bad_sources))
    quarantine.extend(_failed_stages(tables.get(STAGE_FAILURES)))
    return Validated(out, rejected_rows_frame(quarantine, run_id), rejected_articles)


def _failed_stages(failures: pl.DataFrame | None) -> list[tuple[str, pl.DataFrame]]:
    """The failed NLP stages' rows by the table they left empty, ready for quarantine."""
    if failures is None or failures.is_empty():
        return []
    rows = failures.rename({"failure": _FAILURE})
    return [
        (table, group.drop("table_name"))
        for (table,), group in rows.partition_by("table_name", as_dict=True).items()
    ]


def _drop_orphan_mentions(mentions: pl.DataFrame, entities: pl.DataFrame):
    known = pl.col("entity_id").is_in(entities["entity_id"].to_list())
    orphans = mentions.filter(~known).with_columns(
        pl.lit("entity_id: the entity failed validation").alias(_FAILURE)
    )
    return mentions.filter(known), orphans


def mark_rejected(sources: pl.DataFrame, reasons: dict[str, str]) -> pl.DataFrame:
    """Source rows of the given articles become rejected with their reason (article id ->
    the whole reason), and lose their article id."""
    if not reasons:
        return sources
    hit = pl.col("article_id").is_in(list(reasons))
    reason = pl.col("article_id").replace_strict(reasons, default=None, return_dtype=pl.String)
    return sources.with_columns(
        pl.when(hit).then(pl.lit("rejected")).otherwise(pl.col("status")).alias("status"),
        pl.when(hit).then(reason).otherwise(pl.col("error")).alias("error"),
        pl.when(hit).then(None).otherwise(pl.col("article_id")).alias("article_id"),
    )


def rejected_rows_frame(quarantine: list[tuple[str, pl.DataFrame]], run_id: str) -> pl.DataFrame:
    now = datetime.now(UTC)
    rows = []
    for table, bad in quarantine:
        for row in bad.iter_rows(named=True):
            failure = row.pop(_FAILURE)
            rows.append(
                {
                    "run_id": run_id,
                    "table_name": table,
                    "article_id": row.get("article_id"),
                    "row_json": json.dumps(row, default=str, ensure_ascii=False),
                    "failure": failure,
                    "rejected_at": now,
                }
            )
    schema = {
        "run_id": pl.String,
        "table_name": pl.String,
        "article_id": pl.String,
        "row_json": pl.String,
        "failure": pl.String,
        "rejected_at": pl.Datetime("us", "UTC"),
    }
    return pl.DataFrame(rows, schema=schema, orient="row")
