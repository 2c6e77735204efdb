"""The worker pool: workers forked warm from a fork server that loaded the NLP once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from tests.conftest import REPO
from wirehouse.parallel import batch_pool


def _worker_state() -> dict[str, object]:
    from wirehouse import gazetteer, nlp

    return {
        "cpu_seconds": time.process_time(),  # since the fork: the worker's own start
        "parent": os.getppid(),
        "pipelines_loaded_here": nlp.pipeline.cache_info().misses,
        "place_countries_loaded": gazetteer.place_countries.cache_info().currsize,
    }


def test_a_worker_starts_warm_from_the_fork_server() -> None:
    """A spawned worker spent some 3 s of CPU importing and loading the NLP before its first
    batch; a forked one inherits all that from the server and is ready in a fraction."""
    with batch_pool(1) as pool:
        state = pool.submit(_worker_state).result()
    assert state["parent"] != os.getpid()  # forked by the server, not by this process
    assert state["pipelines_loaded_here"] == 1  # the server's load, inherited; not a second
    assert state["place_countries_loaded"] == 1  # a table the warm-up text does not reach
    assert state["cpu_seconds"] < 0.5


def run_probe(probe: str) -> dict:
    """The JSON object a fresh interpreter prints last after running `probe`."""
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_fork_server_loads_the_nlp_without_polars_prefect_or_threads() -> None:
    """What the server imports, every worker inherits in a forked copy: polars' threads (and
    Prefect's) would be held in the copy in whatever state the fork found them."""
    probe = (
        "import json, sys, threading; import wirehouse.preload; from wirehouse import nlp; "
        "print(json.dumps({'modules': sorted(m for m in ('polars', 'prefect', 'pandera') "
        "if m in sys.modules), 'threads': threading.active_count(), "
        "'pipeline': nlp.pipeline.cache_info().currsize}))"
    )
    assert run_probe(probe) == {"modules": [], "threads": 1, "pipeline": 1}


def test_start_server_returns_while_the_server_loads() -> None:
    """`wirehouse ingest` starts the server before it imports Prefect: the call must not wait
    for the NLP to load, and the server must be up, loading, when it returns."""
    probe = (
        "import json, time, psutil; from wirehouse.parallel import start_server; "
        "started = time.perf_counter(); start_server(); took = time.perf_counter() - started; "
        "deadline = time.perf_counter() + 10; servers = []\n"
        "while not servers and time.perf_counter() < deadline:\n"
        "    servers = [p for p in psutil.Process().children() "
        "if 'multiprocessing.forkserver' in ' '.join(p.cmdline())]\n"
        "    time.sleep(0.05)\n"
        "print(json.dumps({'seconds': took, 'servers': len(servers)}))"
    )
    state = run_probe(probe)
    assert state["servers"] == 1
    assert state["seconds"] < 1.5  # the server's load takes seconds more (2.3 s of CPU)


def test_the_command_starts_the_server_early_only_for_a_run_likely_to_use_the_pool(tmp_path):
    """More than one batch of files written since the warehouse was: a new warehouse, or new
    files; not a rerun over files the warehouse is newer than, nor a folder of one batch."""
    from wirehouse.cli import _pool_likely

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Story {name}\n\nText.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert _pool_likely(str(folder), str(db), batch_size=2)  # no warehouse yet
    assert not _pool_likely(str(folder), str(db), batch_size=3)  # one batch
    db.write_bytes(b"")
    os.utime(db, (time.time() + 60, time.time() + 60))  # written after the files
    assert not _pool_likely(str(folder), str(db), batch_size=2)
    for file in folder.iterdir():
        os.utime(file, (time.time() + 120, time.time() + 120))  # then the files again
    assert _pool_likely(str(folder), str(db), batch_size=2)
