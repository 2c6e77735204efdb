"""One benchmark ingest in a process of its own (so its memory can be measured alone).

    python bench/ingest_once.py CORPUS DB [--rerun] [--overhead]

Runs the ingest flow on CORPUS into DB (and again, unchanged, with --rerun) and prints one JSON
object: seconds, per-stage seconds and counts of each run; with --overhead, also Prefect's cost
per task next to plain function calls and a plain process pool. PREFECT_API_URL should point at
a running Prefect API (bench/run.py starts one), so no run pays for starting a server.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from flows.ingest import ingest  # noqa: E402

OVERHEAD_TASKS = 24


def timed_ingest(corpus: str, db: str) -> dict[str, object]:
    started, started_cpu = time.perf_counter(), _cpu_seconds()
    summary = ingest(input_dir=corpus, db_path=db)
    seconds = time.perf_counter() - started
    _wait_for_workers()
    return {
        "seconds": seconds,
        "cpu_seconds": _cpu_seconds() - started_cpu,
        "flow_seconds": summary.seconds,
        "articles_loaded": summary.articles_loaded,
        "files_seen": summary.files_seen,
        "files_loaded": summary.files_loaded,
        "files_unchanged": summary.files_unchanged,
        "files_rejected": summary.files_rejected,
        "stage_seconds": summary.stage_seconds,
        "stage_cpu_seconds": summary.stage_cpu_seconds,
        "table_rows": summary.table_rows,
    }


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have exited (the workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _wait_for_workers(timeout: float = 30.0) -> None:
    """Until the run's worker processes have exited and been reaped, so their CPU time counts
    (multiprocessing's resource tracker lives as long as this process: not waited for)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = [child for child in psutil.Process().children() if not _tracker(child)]
        if not workers:
            return
        time.sleep(0.05)


def _tracker(process: psutil.Process) -> bool:
    try:
        return "resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:  # a worker that has exited and is not reaped yet (or just was)
        return False


def nothing(value: int) -> int:
    return value


@task(cache_policy=NO_CACHE)
def nothing_task(value: int) -> int:
    return value


@task(cache_policy=NO_CACHE)
def nothing_on_pool(pool: ProcessPoolExecutor, value: int) -> int:
    return pool.submit(nothing, value).result()


@flow(task_runner=ThreadPoolTaskRunner(max_workers=4))
def overhead_flow(count: int) -> dict[str, float]:
    """Seconds Prefect adds per task, as the ingest flow uses tasks: a batch task on threads
    handing its work to a process pool, against the same pool used directly; an inline task
    (the load) against a plain call."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(nothing, range(2)))  # workers up before timing
        started = time.perf_counter()
        for future in [nothing_on_pool.submit(pool, i) for i in range(count)]:
            future.result()
        with_prefect = (time.perf_counter() - started) / count
        started = time.perf_counter()
        for future in [pool.submit(nothing, i) for i in range(count)]:
            future.result()
        plain_pool = (time.perf_counter() - started) / count
    started = time.perf_counter()
    for i in range(count):
        nothing_task(i)
    inline_task = (time.perf_counter() - started) / count
    return {
        "submitted_task_seconds": max(0.0, with_prefect - plain_pool),
        "inline_task_seconds": inline_task,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("db")
    parser.add_argument("--rerun", action="store_true")
    parser.add_argument("--overhead", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {"first": timed_ingest(args.corpus, args.db)}
    if args.rerun:
        report["rerun"] = timed_ingest(args.corpus, args.db)
    if args.overhead:
        report["overhead"] = overhead_flow(OVERHEAD_TASKS)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
