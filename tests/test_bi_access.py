"""BI tools read while the pipeline writes: a read-only reader in another process stays open
through a real ingest run without errors on either side, and its next connection sees the new
articles; SQLAlchemy's duckdb-engine (what Superset uses) reads the views read-only."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from analyst_fixture import build
from prefect_server import BIN, prefect_env
from sqlalchemy import create_engine, inspect, text
from test_views import VIEWS

from wirehouse.resources import data_path, sql_path

pytestmark = pytest.mark.slow

NEW_ARTICLES = ("floods_kenya_somalia.txt", "sardine_quota_setubal.txt")
READER = Path(__file__).parent / "bi_reader.py"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A warehouse with three articles, then a real ingest run of two more while a read-only
    reader in another process holds the warehouse open."""
    root = tmp_path_factory.mktemp("bi")
    db = root / "warehouse.duckdb"
    build(db)
    inbox = root / "inbox"
    inbox.mkdir()
    for name in NEW_ARTICLES:
        shutil.copy(data_path("gold", name), inbox / name)
    stop = root / "stop"
    reader = subprocess.Popen(
        [sys.executable, str(READER), str(db), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = json.loads(reader.stdout.readline())
        command = [str(BIN / "wirehouse"), "ingest", str(inbox), "--db", str(db), "--no-progress"]
        run = subprocess.run(
            command,
            # Prefect's temporary server gets longer than its 20 s to start on a busy machine
            env=prefect_env(root / "prefect")
            | {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"},
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=30)
    return {"db": db, "ready": ready, "run": run, "reader": json.loads(out), "reader_err": err}


def test_the_run_succeeds_while_a_reader_holds_the_warehouse(ingested):
    run = ingested["run"]
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"loaded {len(NEW_ARTICLES)}" in run.stdout


def test_the_reader_sees_no_error_and_its_next_connection_sees_the_new_articles(ingested):
    reader = ingested["reader"]
    assert ingested["ready"] == {"ready": 3}
    assert reader["errors"] == [], ingested["reader_err"]
    assert reader["queries"] > 10  # it really was reading during the run
    assert reader["same_connection"] == 3  # an open connection keeps its snapshot
    assert reader["after"] == 3 + len(NEW_ARTICLES)
    assert set(NEW_ARTICLES) <= set(reader["paths"])


@pytest.mark.parametrize("how", ["url", "connect_args"])
def test_sqlalchemy_duckdb_engine_reads_the_views_read_only(ingested, how):
    """The two ways docs/analysts.md gives for Superset: the URI alone, or engine parameters."""
    if how == "url":
        engine = create_engine(f"duckdb:///{ingested['db']}?access_mode=read_only")
    else:
        engine = create_engine(f"duckdb:///{ingested['db']}", connect_args={"read_only": True})
    try:
        assert set(VIEWS) <= set(inspect(engine).get_view_names())
        with engine.connect() as connection:
            paths = connection.execute(text("SELECT path FROM article_summary")).scalars().all()
            assert set(NEW_ARTICLES) <= set(paths)
            speakers = connection.execute(
                text("SELECT speaker, quotes FROM quotes_by_speaker WHERE speaker = :name"),
                {"name": "Andrius Vaitkus"},
            ).all()
            assert speakers and speakers[0].quotes >= 1
            with pytest.raises(Exception, match="read-only"):
                connection.execute(text("CREATE TABLE scratch (x INTEGER)"))
    finally:
        engine.dispose()


def test_every_example_runs_on_the_ingested_warehouse(ingested):
    with duckdb.connect(str(ingested["db"]), read_only=True) as con:
        for example in sorted(sql_path("examples").glob("*.sql")):
            con.execute(example.read_text(encoding="utf-8")).fetchall()
