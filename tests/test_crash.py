"""kill -9 at any moment of a real `wirehouse ingest` leaves a warehouse that opens, holds no
half-loaded article, and the next run reaches exactly the rows of an uninterrupted run.

One warehouse goes through a series of killed runs (while starting, inside a batch's
transaction, at a moment of the load, while writing the publish copy, just before the publish
rename, while seeding a lost writer copy), each checked; then a clean run must equal a
reference run, table by table and row by row.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb
import pytest

from tests.runs import (
    contract_rows,
    finish,
    kill_group,
    open_copy,
    orphans,
    prefect_api_url,
    start_ingest,
    write_small_corpus,
)

FILES = 200
OPTIONS = ("--batch-size", "20")


@pytest.fixture(scope="module")
def api_url() -> str:
    return prefect_api_url()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crash_corpus")
    write_small_corpus(root, FILES)
    return root


@pytest.fixture(scope="module")
def reference(corpus: Path, api_url: str, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("crash_reference") / "warehouse.duckdb"
    # batched differently from the killed runs: the rows must not depend on the batching
    code, _out, err = finish(start_ingest(corpus, db, api_url, "--batch-size", str(FILES)))
    assert code == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        return contract_rows(con)


def _wait_for_lock(db: Path, pid: int, timeout: float = 120) -> None:
    """Until the run holds the writer lock (it writes its pid into the lock file)."""
    lock = Path(f"{db}.ingest.lock")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip() == f"pid {pid}":
            return
        time.sleep(0.05)
    raise AssertionError("the run never took the writer lock")


def _check_consistent(db: Path, scratch: Path) -> None:
    """The published warehouse and the writer copy both open and hold no orphan rows."""
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            assert orphans(con) == {}
    writer = Path(f"{db}.writer")
    if writer.exists():
        with open_copy(writer, scratch) as con:
            assert orphans(con) == {}
        shutil.rmtree(scratch)


def _killed_after(corpus, db, api_url, seconds: float, after_lock: bool) -> None:
    run = start_ingest(corpus, db, api_url, *OPTIONS)
    if after_lock:
        _wait_for_lock(db, run.pid)
    time.sleep(seconds)
    assert run.poll() is None, "the run finished before it could be killed"
    kill_group(run)


def _killed_at(corpus, db, api_url, point: str) -> None:
    code, _out, err = finish(start_ingest(corpus, db, api_url, *OPTIONS, kill_at=point))
    assert code == -9, f"the run was not killed at {point}: {err[-2000:]}"


def test_kill_9_then_rerun_equals_an_uninterrupted_run(
    corpus: Path, api_url: str, reference, tmp_path: Path
) -> None:
    db = tmp_path / "warehouse.duckdb"
    scratch = tmp_path / "scratch"

    _killed_after(corpus, db, api_url, 0.5, after_lock=False)  # while starting up
    _check_consistent(db, scratch)

    _killed_at(corpus, db, api_url, "mid-batch")  # inside a batch's transaction
    _check_consistent(db, scratch)
    assert Path(f"{db}.writer").exists()

    _killed_after(corpus, db, api_url, 1.5, after_lock=True)  # wherever the run is by then
    _check_consistent(db, scratch)

    _killed_at(corpus, db, api_url, "publish-copy")  # half a publish copy on disk
    _check_consistent(db, scratch)
    assert any(p.name.endswith(".publishing") for p in tmp_path.iterdir())

    _killed_at(corpus, db, api_url, "publish-rename")  # complete copy, not yet renamed
    _check_consistent(db, scratch)
    assert not db.exists()  # readers never see a half-published warehouse: none yet

    code, _out, err = finish(start_ingest(corpus, db, api_url, *OPTIONS))
    assert code == 0, err
    Path(f"{db}.writer").unlink()  # the writer copy is lost: it is seeded from the published one
    Path(f"{db}.writer.wal").unlink(missing_ok=True)
    _killed_at(corpus, db, api_url, "seed-copy")  # killed half-way through seeding it
    assert not Path(f"{db}.writer").exists()
    _check_consistent(db, scratch)

    code, _out, err = finish(start_ingest(corpus, db, api_url, *OPTIONS))
    assert code == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        assert orphans(con) == {}
        final = contract_rows(con)
        statuses = dict(con.execute("SELECT status, count(*) FROM runs GROUP BY 1").fetchall())
    assert "running" not in statuses, statuses  # the killed runs are closed, not left running
    assert statuses.get("interrupted", 0) >= 1, statuses
    for table, rows in reference.items():
        assert final[table] == rows, f"{table} differs from the uninterrupted run"
    assert not any(p.name.endswith(".publishing") for p in tmp_path.iterdir())
