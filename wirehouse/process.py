"""One batch of files through read -> extract -> transform -> validate, ready to load.

Pure with respect to the warehouse: it takes the hashes already loaded and returns frames.
Every file ends as loaded, unchanged or rejected with a reason; nothing raises out of here
for a bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from wirehouse.extract import ExtractError, extract
from wirehouse.model import SourceFile
from wirehouse.read import DEFAULT_MAX_BYTES, ReadError, file_bytes, read_records, sha256
from wirehouse.timing import collect, timed
from wirehouse.transform import analyse, article_rows, build_tables
from wirehouse.validate import validate


@dataclass
class BatchResult:
    tables: dict[str, pl.DataFrame]
    unchanged: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES


def process_batch(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings | None = None
) -> BatchResult:
    """The batch's frames, with the seconds each stage took in BatchResult.seconds."""
    with collect() as seconds:
        result = _process_batch(sources, known, run_id, settings)
    result.seconds = seconds
    return result


def _process_batch(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings | None = None
) -> BatchResult:
    settings = settings or Settings()
    per_article: list[dict[str, list[dict[str, Any]]]] = []
    source_rows: list[dict[str, Any]] = []
    unchanged: list[str] = []
    seen_ids: dict[str, str] = {}
    for source in sources:
        outcome = _process_file(source, known.get(source.path), run_id, settings, seen_ids)
        if outcome is None:
            unchanged.append(source.path)
            continue
        rows, articles = outcome
        source_rows.extend(rows)
        per_article.extend(articles)
    tables = timed("tables", build_tables, per_article, source_rows)
    validated = timed("validate", validate, tables, run_id)
    validated.tables["rejected_rows"] = validated.rejected_rows
    return BatchResult(validated.tables, unchanged)


def _process_file(
    source: SourceFile,
    known_hash: str | None,
    run_id: str,
    settings: Settings,
    seen_ids: dict[str, str],
):
    """(source rows, article rows) for one file, or None when it is unchanged."""

    def rejected(record: int, digest: str, reason: str) -> dict[str, Any]:
        return _source_row(source, record, digest, None, reason, run_id)

    try:
        data = timed("read", file_bytes, source, settings.max_bytes)
    except (ReadError, OSError) as error:
        return [rejected(0, sha256(b""), _reason(error))], []
    digest = sha256(data)
    if digest == known_hash:
        return None
    try:
        records = timed("read", read_records, source, data)
    except ReadError as error:
        return [rejected(0, digest, str(error))], []
    if not records:
        return [rejected(0, digest, "no article records in the file")], []
    source_rows, article_rows_ = [], []
    for raw in records:
        try:
            article = timed("extract", extract, raw)
            if article.article_id in seen_ids:
                raise ExtractError(f"duplicate article: same url as {seen_ids[article.article_id]}")
            rows = article_rows(article, analyse(article))
        except ExtractError as error:
            source_rows.append(rejected(raw.record, digest, str(error)))
            continue
        except Exception as error:  # a bug in a stage must not stop the run or lose the file
            source_rows.append(rejected(raw.record, digest, f"internal error: {_reason(error)}"))
            continue
        seen_ids[article.article_id] = f"{raw.path} record {raw.record}"
        source_rows.append(
            _source_row(source, raw.record, digest, article.article_id, None, run_id)
        )
        article_rows_.append(rows)
    return source_rows, article_rows_


def _source_row(
    source: SourceFile,
    record: int,
    digest: str,
    article_id: str | None,
    error: str | None,
    run_id: str,
) -> dict[str, Any]:
    return {
        "path": source.path,
        "record": record,
        "content_sha256": digest,
        "format": source.format,
        "article_id": article_id,
        "status": "rejected" if error else "loaded",
        "error": error,
        "run_id": run_id,
    }


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read file: {error.strerror}"
    return f"{type(error).__name__}: {error}" if not isinstance(error, ReadError) else str(error)


def reject_claimed_articles(
    tables: dict[str, pl.DataFrame], owners: dict[str, str]
) -> dict[str, pl.DataFrame]:
    """Articles whose id another file already holds are rejected, not merged or overwritten."""
    batch_paths = set(tables["source_files"]["path"].to_list())
    claimed = {aid: path for aid, path in owners.items() if path not in batch_paths}
    if not claimed:
        return tables
    ids = list(claimed)
    out = {
        name: (
            frame.filter(~pl.col("article_id").is_in(ids))
            if "article_id" in frame.columns and name not in ("source_files", "rejected_rows")
            else frame
        )
        for name, frame in tables.items()
    }
    sources = tables["source_files"]
    hit = pl.col("article_id").is_in(ids)
    owner = pl.col("article_id").replace_strict(claimed, default=None, return_dtype=pl.String)
    out["source_files"] = sources.with_columns(
        pl.when(hit).then(pl.lit("rejected")).otherwise(pl.col("status")).alias("status"),
        pl.when(hit)
        .then(pl.lit("duplicate article: same url as ") + owner)
        .otherwise(pl.col("error"))
        .alias("error"),
        pl.when(hit).then(None).otherwise(pl.col("article_id")).alias("article_id"),
    )
    return out
