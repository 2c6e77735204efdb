"""One benchmark ingest in a process of its own (so its memory can be measured alone).

    python bench/ingest_once.py CORPUS DB [--rerun] [--overhead]

Runs the ingest flow on CORPUS into DB (and again, unchanged, with --rerun) and prints one JSON
object: seconds, per-stage seconds and counts of each run; with --overhead, also Prefect's cost
per task next to plain function calls and a plain process pool. PREFECT_API_URL should point at
a running Prefect API (bench/run.py starts one), so no run pays for starting a server.

Prefect and the flow are imported in main(), not at the top: a worker process imports this
file again as its main module, and a worker started by `wirehouse ingest` imports no Prefect.
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

OVERHEAD_TASKS = 24


def timed_ingest(corpus: str, db: str) -> dict[str, object]:
    from flows.ingest import ingest

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
    """CPU seconds of this process, of its children that have exited, and of the pool's fork
    server, which lives on, with the workers it forked and has reaped."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    total = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    for child in psutil.Process().children():
        try:
            if _role(child) == "forkserver":
                times = child.cpu_times()
                total += sum((times.user, times.system, times.children_user, times.children_system))
        except psutil.Error:  # exited meanwhile
            continue
    return total


def _wait_for_workers(timeout: float = 30.0) -> None:
    """Until the run's worker processes have exited and been reaped, so their CPU time counts
    (multiprocessing's resource tracker and the pool's fork server live as long as this
    process: not waited for, but the fork server's children, the workers, are)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _workers(psutil.Process()):
            return
        time.sleep(0.05)


def _workers(process: psutil.Process) -> list[psutil.Process]:
    found = []
    for child in process.children():
        role = _role(child)
        if role == "forkserver":
            found += child.children()
        elif role != "resource_tracker":
            found.append(child)
    return found


def _role(process: psutil.Process) -> str:
    try:
        command = " ".join(process.cmdline())
    except psutil.Error:  # a worker that has exited and is not reaped yet (or just was)
        return "exited"
    for role in ("resource_tracker", "forkserver"):
        if f"multiprocessing.{role} import main" in command:
            return role
    return "worker"


def nothing(value: int) -> int:
    return value


def overhead(count: int) -> dict[str, float]:
    """Seconds Prefect adds per task, as the ingest flow uses tasks: a batch task on threads
    handing its work to a process pool, against the same pool used directly; an inline task
    (the load) against a plain call."""
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE
    from prefect.task_runners import ThreadPoolTaskRunner

    @task(cache_policy=NO_CACHE)
    def nothing_task(value: int) -> int:
        return value

    @task(cache_policy=NO_CACHE)
    def nothing_on_pool(pool: ProcessPoolExecutor, value: int) -> int:
        return pool.submit(nothing, value).result()

    @flow(task_runner=ThreadPoolTaskRunner(max_workers=4))
    def overhead_flow() -> dict[str, float]:
        return _overhead(count, nothing_task, nothing_on_pool)

    return overhead_flow()


def _overhead(count: int, nothing_task, nothing_on_pool) -> dict[str, float]:
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
        report["overhead"] = overhead(OVERHEAD_TASKS)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
