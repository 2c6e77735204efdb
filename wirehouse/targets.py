"""Where a run writes, by its --db value: a DuckDB warehouse file (wirehouse.load: one writer,
an atomic snapshot published per run) or a DuckLake (wirehouse.ducklake: many writers, no
snapshot to publish, analysts attach the lake). Same calls for both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from wirehouse import ducklake, load

R = TypeVar("R")


def is_lake(db: str | Path) -> bool:
    return ducklake.is_lake(db)


def connect(db: str | Path) -> duckdb.DuckDBPyConnection:
    return ducklake.connect(str(db)) if is_lake(db) else load.connect(db)


def connect_reader(db: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection for analysts' commands: the published warehouse file (never the
    writer's copy, so a running ingest is neither blocked nor seen half-done) or the lake."""
    if is_lake(db):
        return ducklake.connect(str(db), read_only=True)
    if not Path(db).exists():
        raise FileNotFoundError(f"warehouse not found: {db}; run `wirehouse ingest` first")
    return duckdb.connect(str(db), read_only=True)


def publish(db: str | Path) -> None:
    """Make the run's rows visible to readers: a lake's commits already are."""
    if not is_lake(db):
        load.publish(db)


@contextmanager
def writer_lock(db: str | Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """One writer per warehouse file; a lake takes many at once, so nothing to hold."""
    if is_lake(db):
        yield
        return
    with load.writer_lock(db, wait_seconds):
        yield


@contextmanager
def batch_transaction(
    con: duckdb.DuckDBPyConnection, db: str | Path, run_id: str
) -> Iterator[None]:
    """The transaction one batch loads in: committed at the end, rolled back on an error."""
    if is_lake(db):
        with ducklake.batch_transaction(con, run_id):
            yield
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def write(db: str | Path, work: Callable[[], R]) -> R:
    """Run one write transaction; on a lake, again if another writer's commit conflicted."""
    return ducklake.retrying(work) if is_lake(db) else work()


def display_name(db: str | Path) -> str:
    """A short name for titles: the lake's spec without its options, or the file's name."""
    return ducklake.split_spec(str(db))[0] if is_lake(db) else Path(db).name


def display(db: str | Path) -> str:
    """The target as shown to people: a lake's spec, or the warehouse file's full path."""
    return str(db) if is_lake(db) else str(Path(db).resolve())
