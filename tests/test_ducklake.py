"""The DuckLake target: concurrent ingest runs into one lake whose catalog is in PostgreSQL.

Needs a PostgreSQL server: WIREHOUSE_TEST_PG (a libpq connection string, exported by
.ci/postgres.sh) or the local default that script starts. Skipped only when none answers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO
from wirehouse import ducklake

PG_DEFAULT = "host=127.0.0.1 port=54329 user=postgres dbname=postgres"
CONTRACT_COLUMNS = {
    "source_files": "path, content_sha256, format, article_id, status, error, run_id",
    "articles": "article_id, title, author, url, source, published_at, language, body",
    "entities": "entity_id, name, type, country_code, cameo_code",
    "entity_mentions": "article_id, entity_id, text, start_char, end_char",
    "quotes": "quote_id, article_id, text, speaker, speaker_entity_id, start_char, end_char",
    "events": "event_id, article_id, actor1_code, actor2_code, actor1_name, actor2_name, "
    "event_code, event_root_code, quad_class, goldstein, sentence_start, sentence_end",
    "amounts": "article_id, text, low, high, unit, start_char, end_char",
}
PLACES = ("Geneva", "Vienna", "Doha", "Oslo", "Ankara", "Nairobi")


def _postgres() -> str:
    conninfo = os.environ.get("WIREHOUSE_TEST_PG", PG_DEFAULT)
    con = duckdb.connect(config={"autoload_known_extensions": False})
    try:
        con.execute(f"LOAD '{ducklake.extension_file('postgres_scanner')}'")
        con.execute(f"ATTACH '{conninfo}' AS pg (TYPE postgres, READ_ONLY)")
    except duckdb.Error as error:
        pytest.skip(f"no PostgreSQL reachable at '{conninfo}' (source .ci/postgres.sh): {error}")
    finally:
        con.close()
    return conninfo


@pytest.fixture
def lake(tmp_path: Path):
    """A fresh lake: its own catalog schema in PostgreSQL, data files under tmp_path."""
    conninfo = _postgres()
    schema = f"wirehouse_test_{uuid.uuid4().hex[:12]}"
    spec = f"ducklake:postgres:{conninfo}?data_path={tmp_path / 'lake'}&metadata_schema={schema}"
    yield spec
    con = duckdb.connect(config={"autoload_known_extensions": False})
    con.execute(f"LOAD '{ducklake.extension_file('postgres_scanner')}'")
    con.execute(f"ATTACH '{conninfo}' AS pg (TYPE postgres)")
    con.execute(f"CALL postgres_execute('pg', 'DROP SCHEMA IF EXISTS {schema} CASCADE')")
    con.close()


def _write_stories(folder: Path, desk: str, count: int) -> None:
    """count small articles that all name the same countries, so the two runs share entities."""
    folder.mkdir(parents=True)
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        body = (
            f"The United States and China held talks in {place} on Monday, story {n} of the "
            f'{desk} desk. "We made progress," Secretary of State Antony Blinken said. '
            "North Korea demanded that Washington lift sanctions."
        )
        story = {"title": f"{desk} story {n}", "body": body, "url": f"https://{desk}.test/{n}"}
        (folder / f"{desk}_{n}.json").write_text(json.dumps(story), encoding="utf-8")


@pytest.fixture(scope="module")
def prefect_api() -> str:
    """One Prefect API for the ingest workers, as a deployment has (no server start per run)."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    return server.api_url


def _ingest(folder: Path, spec: str, prefect_api: str) -> subprocess.Popen:
    env = os.environ | {"PREFECT_API_URL": prefect_api}
    command = [sys.executable, "-m", "wirehouse.cli", "ingest", str(folder), "--db", spec]
    command += ["--batch-size", "2", "--workers", "1", "--no-progress"]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_two_concurrent_ingests_load_one_lake(lake: str, prefect_api: str, tmp_path: Path) -> None:
    _write_stories(tmp_path / "east", "east", 6)
    _write_stories(tmp_path / "west", "west", 6)
    runs = [_ingest(tmp_path / d, lake, prefect_api) for d in ("east", "west")]
    for run in runs:
        output, _ = run.communicate(timeout=600)
        assert run.returncode == 0, output

    con = ducklake.connect(lake)
    try:
        for table, columns in CONTRACT_COLUMNS.items():
            con.execute(f"SELECT {columns} FROM {table} LIMIT 1").fetchall()
        titles = {t for (t,) in con.execute("SELECT title FROM articles").fetchall()}
        assert titles == {f"{d} story {n}" for d in ("east", "west") for n in range(6)}
        statuses = con.execute("SELECT status, count(*) FROM source_files GROUP BY 1").fetchall()
        assert statuses == [("loaded", 12)]
        runs_done = con.execute("SELECT status FROM runs").fetchall()
        assert runs_done == [("completed",), ("completed",)]
        shared = con.execute(
            "SELECT count(*), count(DISTINCT entity_id) FROM entities WHERE name = 'China'"
        ).fetchone()
        assert shared == (1, 1)  # one row for an entity both runs wrote
        mentions = con.execute(
            "SELECT count(DISTINCT article_id) FROM entity_mentions JOIN entities USING (entity_id)"
            " WHERE name = 'China'"
        ).fetchone()
        assert mentions == (12,)
    finally:
        con.close()


def test_a_batch_commit_that_loses_a_race_is_retried(lake: str) -> None:
    """Two workers add the same new entity at once: one row, the later commit retried."""
    winner, loser = ducklake.connect(lake), ducklake.connect(lake)
    add_entity = "INSERT INTO entities VALUES ('e1', ?, 'GPE', 'CHN', 'CHN')"
    attempts: list[int] = []

    def work() -> None:
        attempts.append(1)
        with ducklake.batch_transaction(loser, "run-loser"):
            if loser.execute("SELECT count(*) FROM entities").fetchone() == (0,):
                loser.execute(add_entity, ["China"])
            if len(attempts) == 1:  # another worker commits the same entity meanwhile
                with ducklake.batch_transaction(winner, "run-winner"):
                    winner.execute(add_entity, ["China"])

    try:
        ducklake.retrying(work)
        rows = loser.execute("SELECT entity_id FROM entities").fetchall()
    finally:
        winner.close()
        loser.close()
    assert len(attempts) == 2
    assert rows == [("e1",)]


def test_a_rerun_into_a_sqlite_lake_changes_nothing(tmp_path: Path) -> None:
    from flows.ingest import run_ingest

    _write_stories(tmp_path / "desk", "desk", 3)
    spec = f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}"
    first = run_ingest(input_dir=str(tmp_path / "desk"), db_path=spec)
    again = run_ingest(input_dir=str(tmp_path / "desk"), db_path=spec)
    assert (first.files_loaded, again.files_loaded, again.files_unchanged) == (3, 0, 3)
    assert any((tmp_path / "catalog.sqlite.files").rglob("*.parquet"))
    con = ducklake.connect(spec)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    finally:
        con.close()


def test_analysts_commands_read_a_lake_without_writing_to_it(tmp_path: Path, capsys) -> None:
    from flows.ingest import run_ingest
    from wirehouse import targets
    from wirehouse.cli import main

    _write_stories(tmp_path / "desk", "desk", 2)
    spec = f"ducklake:sqlite:{tmp_path / 'catalog.sqlite'}"
    run_ingest(input_dir=str(tmp_path / "desk"), db_path=spec)

    assert main(["query", "--db", spec, "SELECT count(*) AS n_articles FROM articles"]) == 0
    assert "n_articles" in capsys.readouterr().out
    assert main(["export", "--db", spec, "--parquet", str(tmp_path / "pq")]) == 0
    exported = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'pq'}/articles/**/*.parquet'")
    assert exported.fetchone() == (2,)
    assert main(["report", "--db", spec, "-o", str(tmp_path / "r.html")]) == 0
    assert "<h2>Warehouse</h2>" in (tmp_path / "r.html").read_text(encoding="utf-8")

    reader = targets.connect_reader(spec)
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            reader.execute("DELETE FROM articles")
    finally:
        reader.close()


def test_reading_a_lake_that_does_not_exist_says_so_and_creates_nothing(tmp_path: Path, capsys):
    from wirehouse.cli import main

    spec = f"ducklake:sqlite:{tmp_path / 'missing.sqlite'}"
    assert main(["query", "--db", spec, "SELECT 1"]) == 2
    assert "no lake catalog" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
