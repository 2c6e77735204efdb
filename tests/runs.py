"""Helpers for tests that run `wirehouse ingest` as real subprocesses (crash, concurrency).

All runs share one Prefect API server started here, so each subprocess skips the temporary
server start-up; each run is its own process group, so a kill -9 takes its workers along.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

from schemas import TABLE_SCHEMAS
from tests.hostile import article_record, article_text

REPO = Path(__file__).resolve().parents[1]
CONTRACT_TABLES = tuple(TABLE_SCHEMAS)
RUN_COLUMNS = {"run_id", "rejected_at", "started_at", "finished_at"}

# A run whose kill point is a moment inside the code: the wrapper kills its own process (and
# group) with SIGKILL when the named step starts, so the point is hit exactly, not by timing.
KILL_WRAPPER = """
import os, shutil, signal, sys
point = os.environ["WIREHOUSE_TEST_KILL_AT"]
real_replace, real_copyfile = os.replace, shutil.copyfile

def die():
    os.killpg(os.getpgid(0), signal.SIGKILL)

def replace(src, dst, *args, **kwargs):
    if point == "publish-rename" and str(src).endswith(".publishing"):
        die()
    return real_replace(src, dst, *args, **kwargs)

def copyfile(src, dst, *args, **kwargs):
    if point in ("publish-copy", "seed-copy") and str(dst).endswith(
        ".publishing" if point == "publish-copy" else ".seeding"
    ):
        with open(src, "rb") as source, open(dst, "wb") as target:
            target.write(source.read(os.path.getsize(src) // 2))
        die()
    return real_copyfile(src, dst, *args, **kwargs)

os.replace, shutil.copyfile = replace, copyfile

from wirehouse import load

real_replace_batch, batches = load.replace_batch, []

def replace_batch(con, tables):  # runs inside the batch's transaction
    real_replace_batch(con, tables)
    batches.append(1)
    if point == "mid-batch" and len(batches) == 3:  # the third batch's rows are in, uncommitted
        die()

load.replace_batch = replace_batch
from wirehouse.cli import main
sys.exit(main(sys.argv[1:]))
"""


def prefect_api_url() -> str:
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    return server.api_url


def environment(api_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PREFECT_API_URL=api_url,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    return env


def start_ingest(
    corpus: Path, db: Path, api_url: str, *options: str, kill_at: str | None = None
) -> subprocess.Popen:
    args = [str(corpus), "--db", str(db), "--no-progress", *options]
    env = environment(api_url)
    if kill_at:
        env["WIREHOUSE_TEST_KILL_AT"] = kill_at
        command = [sys.executable, "-c", KILL_WRAPPER, "ingest", *args]
    else:
        command = [sys.executable, "-m", "wirehouse.cli", "ingest", *args]
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: killed with its workers
    )


def kill_group(process: subprocess.Popen) -> None:
    """kill -9 the run and every process it started (its group is its own pid)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise
    return process.returncode, out, err


def write_small_corpus(root: Path, files: int) -> None:
    """files small articles in every format, a few of them bad."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        kind = n % 5
        topic = f"Town{n}"
        if kind == 0:
            (root / f"a{n:04d}.txt").write_text(article_text(topic), encoding="utf-8")
        elif kind == 1:
            text = "# " + article_text(topic).replace("\n\n", "\n\n", 1)
            (root / f"a{n:04d}.md").write_text(text, encoding="utf-8")
        elif kind == 2:
            record = article_record(topic, url=f"https://example.com/{n}")
            (root / f"a{n:04d}.json").write_text(json.dumps(record), encoding="utf-8")
        elif kind == 3:
            lines = [json.dumps(article_record(f"{topic}x{k}")) for k in range(3)]
            (root / f"a{n:04d}.jsonl").write_text("\n".join(lines), encoding="utf-8")
        else:
            (root / f"a{n:04d}.json").write_text('{"title": "broken', encoding="utf-8")


def open_copy(db: Path, scratch: Path) -> duckdb.DuckDBPyConnection:
    """A connection to a copy of db (and its WAL), as the next run would find it."""
    scratch.mkdir(parents=True, exist_ok=True)
    target = scratch / db.name
    for suffix in ("", ".wal"):
        source = Path(f"{db}{suffix}")
        if source.exists():
            Path(f"{target}{suffix}").write_bytes(source.read_bytes())
    return duckdb.connect(str(target))


ORPHANS = {
    "articles without a loaded source row": """
        SELECT count(*) FROM articles a WHERE NOT EXISTS (
            SELECT 1 FROM source_files s WHERE s.article_id = a.article_id
            AND s.status = 'loaded')""",
    "loaded source rows without their article": """
        SELECT count(*) FROM source_files s WHERE s.status = 'loaded' AND NOT EXISTS (
            SELECT 1 FROM articles a WHERE a.article_id = s.article_id)""",
    **{
        f"{table} without their article": f"""
        SELECT count(*) FROM {table} t WHERE NOT EXISTS (
            SELECT 1 FROM articles a WHERE a.article_id = t.article_id)"""
        for table in ("entity_mentions", "quotes", "events", "amounts")
    },
    "mentions without their entity": """
        SELECT count(*) FROM entity_mentions m WHERE NOT EXISTS (
            SELECT 1 FROM entities e WHERE e.entity_id = m.entity_id)""",
}


def orphans(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {name: con.execute(sql).fetchone()[0] for name, sql in ORPHANS.items()}
    return {name: count for name, count in counts.items() if count}


def contract_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every contract table's rows, sorted, without the columns that name a run or a time."""
    rows = {}
    for table in CONTRACT_TABLES:
        columns = [
            name
            for (name,) in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            if name not in RUN_COLUMNS
        ]
        select = ", ".join(f'"{name}"' for name in columns)
        rows[table] = sorted(
            con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr
        )  # names from the catalogue and the contract list, not from input
    return rows
