"""One batch of files through read -> extract -> transform -> validate, ready to load.

Pure with respect to the warehouse: it takes the hashes already loaded and returns frames.
Every file ends as loaded, unchanged or rejected with a reason; nothing raises out of here
for a bad input. No single file may stall a batch: each file runs under a size limit and a
time limit (Settings), and the reject says which limit it hit.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from wirehouse.analysis import analyse
from wirehouse.extract import ExtractError, extract
from wirehouse.model import SourceFile
from wirehouse.read import DEFAULT_MAX_BYTES, ReadError, file_bytes, read_records, sha256
from wirehouse.timing import collect, timed
from wirehouse.transform import article_rows, build_tables
from wirehouse.validate import mark_rejected, validate

DEFAULT_MAX_SECONDS = 60.0
MAX_BODY_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer body is no article anyway
_REPEAT_SECONDS = 0.05  # a time-out swallowed by a library's `except Exception` comes back
_NOT_READ = sha256(b"")  # the hash kept for a file rejected by a limit: the next run retries it


@dataclass
class BatchResult:
    tables: dict[str, pl.DataFrame]
    unchanged: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall-clock seconds
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # stage -> CPU seconds


@dataclass
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_seconds: float | None = DEFAULT_MAX_SECONDS  # per file; None or 0 means no limit


class FileTimeLimit(TimeoutError):
    """A file took longer than Settings.max_seconds to read, extract and analyse."""


def process_batch(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings | None = None
) -> BatchResult:
    """The batch's frames, with the seconds each stage took in BatchResult.seconds (and its
    CPU seconds in BatchResult.cpu_seconds)."""
    with collect() as times:
        result = _process_batch(sources, known, run_id, settings)
    result.seconds, result.cpu_seconds = times.wall, times.cpu
    return result


def _process_batch(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings | None = None
) -> BatchResult:
    settings = settings or Settings()
    outcomes: list[tuple[list[dict[str, Any]], list[dict[str, list[dict[str, Any]]]]]] = []
    unchanged: list[str] = []
    seen_ids: dict[str, str] = {}
    for source in sources:
        outcome = _guarded_file(source, known.get(source.path), run_id, settings, seen_ids)
        if outcome is None:
            unchanged.append(source.path)
            continue
        outcomes.append(outcome)
    try:
        tables = _tables(outcomes, run_id)
    except Exception:  # one file's rows broke the batch's frames: find it, keep the others
        tables = _tables([_survivor(outcome, run_id) for outcome in outcomes], run_id)
    return BatchResult(tables, unchanged)


def _tables(outcomes, run_id: str) -> dict[str, pl.DataFrame]:
    source_rows = [row for rows, _articles in outcomes for row in rows]
    per_article = [article for _rows, articles in outcomes for article in articles]
    tables = timed("tables", build_tables, per_article, source_rows)
    validated = timed("validate", validate, tables, run_id)
    validated.tables["rejected_rows"] = validated.rejected_rows
    return validated.tables


def _survivor(outcome, run_id: str):
    """The file's outcome if its rows make valid frames on their own, else its rejection."""
    rows, articles = outcome
    try:
        _tables([outcome], run_id)
    except Exception as error:
        rejected = [
            {**row, "article_id": None, "status": "rejected", "error": _internal(error)}
            for row in rows
        ]
        return rejected, []
    return rows, articles


class _Rejected(Exception):
    """The whole file is rejected, with this reason and content hash."""

    def __init__(self, reason: str, digest: str = _NOT_READ) -> None:
        super().__init__(reason)
        self.reason, self.digest = reason, digest


def _guarded_file(
    source: SourceFile,
    known_hash: str | None,
    run_id: str,
    settings: Settings,
    seen_ids: dict[str, str],
):
    """(source rows, article rows) for one file, or None when it is unchanged.

    Reading the file, and then each of its records, runs under the time limit: no article can
    stall the batch, and a long feed is not rejected for being long. A file with a record that
    ran out of time keeps no content hash, so the next run reads it again."""

    def row(record: int, digest: str, article_id: str | None, error: str | None):
        return _source_row(source, record, digest, article_id, error, run_id)

    try:
        with time_limit(settings.max_seconds):
            read = _read_file(source, known_hash, settings)
    except FileTimeLimit:
        return [row(0, _NOT_READ, None, _time_reason("reading the file", settings))], []
    except _Rejected as reject:
        return [row(0, reject.digest, None, reject.reason)], []
    except Exception as error:  # a bug in reading must not stop the run either
        return [row(0, _NOT_READ, None, _internal(error))], []
    if read is None:
        return None
    digest, records = read
    claimed: dict[str, str] = {}
    source_rows, article_rows_ = [], []
    for raw in records:
        try:
            with time_limit(settings.max_seconds):
                article, rows = _record_rows(raw, seen_ids, claimed)
        except FileTimeLimit:
            reason = _time_reason("processing the article", settings)
            source_rows.append(row(raw.record, _NOT_READ, None, reason))
            continue
        except ExtractError as error:
            source_rows.append(row(raw.record, digest, None, _extract_reason(error, raw)))
            continue
        except Exception as error:  # a bug in a stage must not stop the run or lose the file
            source_rows.append(row(raw.record, digest, None, _internal(error)))
            continue
        claimed[article.article_id] = f"{raw.path} record {raw.record}"
        source_rows.append(row(raw.record, digest, article.article_id, None))
        article_rows_.append(rows)
    if any(r["content_sha256"] == _NOT_READ for r in source_rows):
        source_rows = [{**r, "content_sha256": _NOT_READ} for r in source_rows]
    seen_ids.update(claimed)
    return source_rows, article_rows_


def _read_file(source: SourceFile, known_hash: str | None, settings: Settings):
    """(content hash, raw records), or None when the file is unchanged since the last run."""
    try:
        data = timed("read", file_bytes, source, settings.max_bytes)
    except (ReadError, OSError) as error:
        raise _Rejected(_read_reason(error)) from None
    digest = sha256(data)
    if digest == known_hash:
        return None
    try:
        records = timed("read", read_records, source, data)
    except ReadError as error:
        raise _Rejected(str(error), digest) from None
    if not records:
        raise _Rejected("no article records in the file", digest)
    return digest, records


def _record_rows(raw, seen_ids: dict[str, str], claimed: dict[str, str]):
    """(article, its rows in every table) for one raw record; ExtractError when it has none."""
    article = timed("extract", extract, raw)
    owner = seen_ids.get(article.article_id) or claimed.get(article.article_id)
    if owner:
        raise ExtractError(f"duplicate article: same url as {owner}")
    if len(article.body) > MAX_BODY_CHARS:
        raise ExtractError(
            f"article text too long to analyse: {len(article.body):,} characters "
            f"(limit {MAX_BODY_CHARS:,})"
        )
    return article, article_rows(article, analyse(article))


def _time_reason(what: str, settings: Settings) -> str:
    return f"time limit: {what} took longer than {settings.max_seconds:g} s (--max-seconds)"


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


def _read_reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"cannot read file: {error.strerror or error}"
    reason = str(error)
    return f"{reason} (--max-bytes)" if reason.startswith("file too large") else reason


def _extract_reason(error: ExtractError, raw) -> str:
    reason = str(error)
    if raw.format == "html" and reason.startswith("no article text") and _too_deep(raw.text):
        return (
            "no article text found: the HTML nests tags more than 255 levels deep and the "
            "parser stops there (tags are not followed deeper, by design)"
        )
    return reason


def _too_deep(html: str) -> bool:
    """Whether lxml (as trafilatura uses it, without huge_tree) gives up on the nesting."""
    from lxml import etree

    parser = etree.HTMLParser()
    try:
        etree.fromstring(html, parser)
    except (etree.LxmlError, ValueError):
        return False
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _internal(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply to process (recursion limit reached)"
    return f"internal error: {type(error).__name__}: {error}"


# --- the per-file time limit -----------------------------------------------------------------


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise FileTimeLimit in the calling thread once `seconds` have passed, and again every
    50 ms until the block ends, so a library that catches it cannot carry on regardless.

    In a process's main thread (a worker of a process pool) this is SIGALRM; in any other
    thread (Prefect's thread pool, a Dask worker thread) a watchdog thread raises the error in
    the worker thread. Either way the error arrives between two Python bytecodes: one long call
    into C code (one regular expression, one lxml parse) finishes before it is raised."""
    if not seconds or seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    active = [True]

    def on_alarm(_signum, _frame) -> None:
        if active[0]:
            raise FileTimeLimit

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    finally:
        _disarm(lambda: active.__setitem__(0, False))
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:  # someone else's alarm was set: it goes on, less the time spent here
            remaining = max(outer_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, outer_interval)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    thread_id = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    active = [True]

    def interrupt() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if active[0]:
                    _raise_in_thread(thread_id, FileTimeLimit)
            wait = _REPEAT_SECONDS

    def stop() -> None:
        with lock:
            active[0] = False

    watchdog = threading.Thread(target=interrupt, name="wirehouse-time-limit", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        _disarm(stop)
        _raise_in_thread(thread_id, None)  # drop a time-out queued but not yet raised
        done.set()


def _disarm(stop) -> None:
    """Run stop() even when the time-out lands while it runs (it is then simply retried)."""
    while True:
        try:
            stop()
            return
        except FileTimeLimit:
            continue


def _raise_in_thread(thread_id: int, error: type[BaseException] | None) -> None:
    exc = ctypes.py_object(error) if error is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), exc)


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
    reasons = {aid: f"duplicate article: same url as {path}" for aid, path in claimed.items()}
    out["source_files"] = mark_rejected(tables["source_files"], reasons)
    return out
