"""The Dask task runner (a real LocalCluster) loads the same rows as the default process pool."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, query
from wirehouse.load import BATCH_TABLES

pytestmark = pytest.mark.slow

CONTRACT_TABLES = BATCH_TABLES
RUN_COLUMNS = {"run_id", "rejected_at"}  # differ between any two runs by design


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples plus a feed and a rejected file: several batches of two files each."""
    root = tmp_path_factory.mktemp("dask_corpus")
    shutil.copytree(SAMPLES, root, dirs_exist_ok=True)
    stories = [
        {
            "title": f"Talks in Geneva, day {day}",
            "body": f"Russia and Ukraine met in Geneva on day {day}. "
            '"We want peace," Foreign Minister Sergei Lavrov said.',
            "url": f"https://example.org/geneva/{day}",
        }
        for day in (1, 2, 3)
    ]
    (root / "feed.jsonl").write_text("\n".join(map(json.dumps, stories)), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def contract_rows(db: Path) -> dict[str, list[tuple]]:
    rows = {}
    for table in CONTRACT_TABLES:
        columns = [c for (c,) in query(db, f"SELECT name FROM pragma_table_info('{table}')")]
        kept = ", ".join(c for c in columns if c not in RUN_COLUMNS)
        rows[table] = sorted(query(db, f"SELECT {kept} FROM {table}"), key=repr)
    return rows


def test_dask_runner_loads_the_same_rows_as_the_default_runner(
    corpus: Path, tmp_path: Path
) -> None:
    from flows.ingest import run_ingest

    results = {}
    for runner in ("default", "dask"):
        db = tmp_path / f"{runner}.duckdb"
        summary = run_ingest(
            task_runner=runner, workers=2, input_dir=str(corpus), db_path=str(db), batch_size=2
        )
        assert summary.files_seen == 10
        assert summary.files_rejected == 1
        results[runner] = contract_rows(db)

    default, dask = results["default"], results["dask"]
    assert len(default["articles"]) == 13  # 7 one-article samples, 3 + 3 feed records
    assert default["entity_mentions"] and default["quotes"]  # the comparison covers the NLP
    for table in CONTRACT_TABLES:
        assert dask[table] == default[table], f"{table} differs between the runners"
