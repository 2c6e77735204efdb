"""Load stage: validated frames into the DuckDB warehouse, one transaction per batch.

All SQL comes from sql/; every value reaches DuckDB as a bound parameter or a registered frame.
One writer at a time: `writer_lock` guards the warehouse against overlapping runs.

Readers never meet the writer: the pipeline writes its own copy (`<db>.writer`) and, at the
end of a run, publishes it as `<db>` by an atomic rename. DuckDB lets one process write or
many read a file, not both; with this, BI tools keep read-only connections open on `<db>`
(they go on seeing the snapshot they opened) and see the new data on their next connection.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from schemas import TABLE_SCHEMAS
from wirehouse.resources import read_sql, sql_path

BATCH_TABLES = (*TABLE_SCHEMAS, "rejected_rows")  # every table a batch writes


class WarehouseBusy(Exception):
    """Another run holds the warehouse's writer lock."""


def writer_path(db_path: str | Path) -> Path:
    """The pipeline's private working copy of the warehouse at db_path."""
    return Path(f"{db_path}.writer")


def connect(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open the writer's copy of the warehouse, creating tables and views when missing.

    A warehouse published before its working copy existed (or whose copy was deleted)
    seeds the copy, so no loaded row is ever lost."""
    working = writer_path(db_path)
    published = Path(db_path)
    if not working.exists() and published.exists():
        # via a temporary name: a run killed mid-copy must not leave half a warehouse behind
        seeding = working.with_name(f".{working.name}.seeding")
        shutil.copyfile(published, seeding)
        os.replace(seeding, working)
    con = duckdb.connect(str(working))
    ensure_schema(con)
    return con


def publish(db_path: str | Path) -> None:
    """Replace the published warehouse with the writer's copy, atomically."""
    working = writer_path(db_path)
    with duckdb.connect(str(working)) as con:
        con.execute("CHECKPOINT")
    published = Path(db_path)
    for leftover in published.parent.iterdir():  # a run killed while publishing left these
        if leftover.name.startswith(f".{published.name}.") and leftover.name.endswith(
            ".publishing"
        ):
            leftover.unlink(missing_ok=True)  # no other run can be publishing: we hold the lock
    staging = published.with_name(f".{published.name}.{os.getpid()}.publishing")
    shutil.copyfile(working, staging)
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, published)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for folder in ("ddl", "views"):
        for script in sorted(sql_path(folder).glob("*.sql")):
            con.execute(script.read_text(encoding="utf-8"))


@contextmanager
def writer_lock(db_path: str | Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock; wait up to wait_seconds, then raise WarehouseBusy."""
    lock_path = Path(f"{db_path}.ingest.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise WarehouseBusy(
                        f"another ingest run ({holder}) is loading {db_path}; "
                        "try again when it finishes, or pass --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def known_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute(read_sql("load", "known_files.sql")).fetchall())


def article_owners(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    if not article_ids:
        return {}
    rows = con.execute(read_sql("load", "article_owners.sql"), [article_ids]).fetchall()
    return dict(rows)


def load_batch(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
    """Replace the batch's files' rows and insert the new ones, all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        replace_batch(con, tables)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def replace_batch(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
    """load_batch's statements, inside a transaction the caller holds."""
    try:
        for table in BATCH_TABLES:
            con.register(f"batch_{table}", tables[table])
        con.execute(read_sql("load", "replace_batch.sql"))
    finally:
        for table in BATCH_TABLES:
            con.unregister(f"batch_{table}")


def start_run(
    con: duckdb.DuckDBPyConnection, run_id: str, input_root: str, sole_writer: bool = True
) -> None:
    """Record the run as running. The sole writer (it holds the writer lock) also closes the
    rows of earlier runs that never finished; a lake has live concurrent runs, so it cannot."""
    now = datetime.now(UTC)
    if sole_writer:
        con.execute(read_sql("load", "run_interrupted.sql"), [now])
    con.execute(read_sql("load", "run_start.sql"), [run_id, now, input_root])


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    counts: dict[str, int],
    message: str | None = None,
) -> None:
    con.execute(
        read_sql("load", "run_finish.sql"),
        [
            datetime.now(UTC),
            status,
            counts.get("seen", 0),
            counts.get("loaded", 0),
            counts.get("unchanged", 0),
            counts.get("rejected", 0),
            counts.get("rows_rejected", 0),
            message,
            run_id,
        ],
    )


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(read_sql("load", "table_counts.sql")).fetchall())
