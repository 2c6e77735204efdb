"""Two runs on one warehouse at once: the second waits (--wait) or exits with a clear message
and a non-zero status; the warehouse is never corrupted."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from tests.runs import finish, orphans, prefect_api_url, start_ingest, write_small_corpus
from wirehouse.load import writer_lock

FILES = 20  # 4 each of txt, md, json, jsonl (3 records each) and broken JSON
LOADED_ARTICLES = 4 + 4 + 4 + 4 * 3


@pytest.fixture(scope="module")
def api_url() -> str:
    return prefect_api_url()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("concurrency_corpus")
    write_small_corpus(root, FILES)
    return root


def _articles(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        assert orphans(con) == {}
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_busy_warehouse_is_refused_or_waited_for(corpus: Path, api_url: str, tmp_path: Path):
    db = tmp_path / "warehouse.duckdb"
    with writer_lock(db):  # another run holds the warehouse
        impatient = start_ingest(corpus, db, api_url)
        patient = start_ingest(corpus, db, api_url, "--wait", "300")
        code, out, err = finish(impatient)
        assert code == 2, err
        assert "another ingest run" in err and "--wait SECONDS" in err
        assert "Traceback" not in err and "Traceback" not in out
        time.sleep(1.0)
        assert patient.poll() is None, "the waiting run did not wait"
        assert not db.exists()  # nothing was written while the lock was held
    code, out, err = finish(patient)
    assert code == 0, err
    assert _articles(db) == LOADED_ARTICLES


def test_two_runs_started_at_once(corpus: Path, api_url: str, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    runs = [start_ingest(corpus, db, api_url, "--wait", "300") for _ in range(2)]
    for run in runs:
        code, _out, err = finish(run)
        assert code == 0, err
    assert _articles(db) == LOADED_ARTICLES
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT status, files_seen, files_unchanged FROM runs ORDER BY started_at"
        ).fetchall()
    assert [status for status, _seen, _unchanged in rows] == ["completed", "completed"]
    # one run loaded the files; the other, serialised behind it, found them all unchanged
    assert sorted(unchanged for _status, _seen, unchanged in rows) == [0, FILES]
