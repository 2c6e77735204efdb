"""The ingest flow: files under a folder become rows in the warehouse.

Thin Prefect wrappers around wirehouse's plain stage functions. Files are processed in
batches (one task per batch, so Prefect's bookkeeping stays small next to the work), and
batches are loaded one at a time by the single writer, each in its own transaction.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.artifacts import record_run_artifact
from wirehouse import load
from wirehouse.model import SourceFile
from wirehouse.process import (
    DEFAULT_MAX_SECONDS,
    BatchResult,
    Settings,
    process_batch,
    reject_claimed_articles,
)
from wirehouse.read import DEFAULT_MAX_BYTES, discover
from wirehouse.summary import RunSummary, progress_bar


@task(name="process-batch", cache_policy=NO_CACHE, retries=0)
def process_batch_task(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings
) -> BatchResult:
    return process_batch(sources, known, run_id, settings)


@task(name="load-batch", cache_policy=NO_CACHE, retries=0)
def load_batch_task(db_path: str, result: BatchResult) -> dict[str, int]:
    with load.connect(db_path) as con:
        tables = result.tables
        owners = load.article_owners(con, tables["articles"]["article_id"].to_list())
        tables = reject_claimed_articles(tables, owners)
        load.load_batch(con, tables)
    return {"loaded": int((tables["source_files"]["status"] == "loaded").sum())}


@dataclass
class _Window:
    """Batches submitted but not yet loaded; bounded so the corpus is never held at once."""

    size: int
    futures: deque = field(default_factory=deque)


def _batches(sources: list[SourceFile], size: int):
    iterator = iter(sources)
    while batch := list(islice(iterator, size)):
        yield batch


@flow(name="wirehouse-ingest", log_prints=False, validate_parameters=False)
def ingest(
    input_dir: str = "data/samples",
    db_path: str = "warehouse.duckdb",
    batch_size: int = 50,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    wait_seconds: float = 0.0,
    show_progress: bool = False,
) -> RunSummary:
    """Ingest every supported file under input_dir into the warehouse at db_path."""
    started = time.monotonic()
    run_id = str(flow_run.id or uuid.uuid4())
    root = Path(input_dir)
    if not root.exists():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    sources = list(discover(root))
    summary = RunSummary(run_id=run_id, db_path=db_path, files_seen=len(sources))
    settings = Settings(max_bytes=max_bytes, max_seconds=max_seconds)
    with load.writer_lock(db_path, wait_seconds):
        with load.connect(db_path) as con:
            load.start_run(con, run_id, str(root.resolve()))
            known = load.known_hashes(con)
        try:
            _run_batches(
                sources, known, run_id, settings, db_path, batch_size, summary, show_progress
            )
        except BaseException as error:
            _finish(db_path, summary, "failed", f"{type(error).__name__}: {error}")
            raise
        summary.seconds = time.monotonic() - started
        _finish(db_path, summary, "completed")
    record_run_artifact(summary)  # the run's counts and rejects, in the Prefect UI
    get_run_logger().info(summary.one_line())
    return summary


def _run_batches(sources, known, run_id, settings, db_path, batch_size, summary, show_progress):
    window = _Window(size=2)
    with progress_bar(len(sources), enabled=show_progress) as advance:

        def drain_one() -> None:
            future, count = window.futures.popleft()
            result = future.result()
            load_batch_task(db_path, result)
            summary.add_batch(result)
            advance(count)

        for batch in _batches(sources, batch_size):
            relevant = {s.path: known[s.path] for s in batch if s.path in known}
            future = process_batch_task.submit(batch, relevant, run_id, settings)
            window.futures.append((future, len(batch)))
            if len(window.futures) >= window.size:
                drain_one()
        while window.futures:
            drain_one()


def _finish(db_path: str, summary: RunSummary, status: str, message: str | None = None) -> None:
    with load.connect(db_path) as con:
        summary.table_rows = load.table_counts(con)
        load.finish_run(con, summary.run_id, status, summary.counts(), message)
    load.publish(db_path)
