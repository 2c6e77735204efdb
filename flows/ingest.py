"""The ingest flow: files under a folder become rows in the warehouse.

Thin Prefect wrappers around wirehouse's plain stage functions. Files go in batches, one task
per batch, so Prefect's bookkeeping stays small next to the work. Batches run in parallel worker
processes: by default a process pool the flow starts (wirehouse.parallel; each batch's Prefect
task waits on it from a thread, so workers never load Prefect), or a Dask cluster. At most a
small window of batches is in flight, so the corpus is never held at once; the flow itself is
the single writer and loads each result in order, one transaction per batch. Files whose bytes
are unchanged since the last run are recognised here by their hash and never sent to a worker.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from itertools import islice
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.artifacts import record_run_artifact
from wirehouse import load, targets
from wirehouse.model import SourceFile
from wirehouse.parallel import batch_pool
from wirehouse.process import (
    DEFAULT_MAX_SECONDS,
    BatchResult,
    Settings,
    process_batch,
    reject_claimed_articles,
)
from wirehouse.read import DEFAULT_MAX_BYTES, ReadError, discover, file_bytes, sha256
from wirehouse.summary import RunSummary, progress_bar
from wirehouse.timing import add

DEFAULT_BATCH_SIZE = 50  # at most; smaller so that every worker gets two batches
TASK_RUNNERS = ("default", "dask")


@task(name="process-batch", cache_policy=NO_CACHE, retries=0)
def process_batch_task(
    sources: list[SourceFile], known: dict[str, str], run_id: str, settings: Settings
) -> BatchResult:
    return process_batch(sources, known, run_id, settings)


@task(name="load-batch", cache_policy=NO_CACHE, retries=0)
def load_batch_task(
    con: duckdb.DuckDBPyConnection, db_path: str, run_id: str, result: BatchResult
) -> int:
    """Load one batch in one transaction (again, on a lake, if another writer won a conflict)."""

    def attempt() -> int:
        ids = result.tables["articles"]["article_id"].to_list()
        with targets.batch_transaction(con, db_path, run_id):
            tables = reject_claimed_articles(result.tables, load.article_owners(con, ids))
            load.replace_batch(con, tables)
        return int((tables["source_files"]["status"] == "loaded").sum())

    return targets.write(db_path, attempt)


@task(name="process-batch", cache_policy=NO_CACHE, retries=0)
def process_batch_on_pool(
    pool: ProcessPoolExecutor,
    sources: list[SourceFile],
    known: dict[str, str],
    run_id: str,
    settings: Settings,
) -> BatchResult:
    """The same work as process_batch_task, done by a worker of the flow's process pool."""
    return pool.submit(process_batch, sources, known, run_id, settings).result()


def make_task_runner(
    kind: str = "default", dask_address: str | None = None, workers: int | None = None
) -> TaskRunner:
    """Where the batch tasks run: threads that hand each batch to the flow's process pool
    (default), or a Dask cluster (a new LocalCluster unless dask_address names a scheduler)."""
    if kind == "default":
        return ThreadPoolTaskRunner(max_workers=2 * _cpus(workers))
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        logging.getLogger("distributed").setLevel(logging.WARNING)
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        cluster = {
            "n_workers": _cpus(workers),
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": ":0",
        }
        return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs=cluster)
    raise ValueError(f"unknown task runner {kind!r}; choose one of {', '.join(TASK_RUNNERS)}")


def _cpus(workers: int | None) -> int:
    return workers or os.cpu_count() or 1


@contextmanager
def _shared_prefect_api() -> Iterator[None]:
    """Point the Dask workers this process starts at its Prefect API. Without a configured
    PREFECT_API_URL each worker would start a temporary Prefect server of its own."""
    from prefect.settings import PREFECT_API_URL

    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        del os.environ["PREFECT_API_URL"]


@flow(
    name="wirehouse-ingest",
    log_prints=False,
    validate_parameters=False,
    task_runner=make_task_runner(),
)
def ingest(
    input_dir: str = "data/samples",
    db_path: str = "warehouse.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    wait_seconds: float = 0.0,
    show_progress: bool = False,
    window: int | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Ingest every supported file under input_dir into the warehouse (or lake) at db_path.

    window: batches in flight at once (default two per worker), which bounds the memory used;
    workers: processes of the default task runner's pool (default one per CPU)."""
    started = time.monotonic()
    run_id = str(flow_run.id or uuid.uuid4())
    root = Path(input_dir)
    if not root.exists():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    sources = list(discover(root))
    summary = RunSummary(run_id=run_id, db_path=db_path, files_seen=len(sources))
    settings = Settings(max_bytes=max_bytes, max_seconds=max_seconds)
    with targets.writer_lock(db_path, wait_seconds):
        con = targets.connect(db_path)
        try:
            sole_writer = not targets.is_lake(db_path)
            targets.write(
                db_path, lambda: load.start_run(con, run_id, str(root.resolve()), sole_writer)
            )
            known = load.known_hashes(con)
            try:
                changed = _drop_unchanged(sources, known, max_bytes, summary)
                batches = _batches(changed, _batch_size(len(changed), batch_size, workers))
                width = window or 2 * _cpus(workers)
                with _local_pool(workers, len(batches)) as pool:
                    _run_batches(
                        batches,
                        known,
                        run_id,
                        settings,
                        con,
                        db_path,
                        width,
                        pool,
                        summary,
                        show_progress,
                    )
            except BaseException as error:
                _finish(con, db_path, summary, "failed", f"{type(error).__name__}: {error}")
                raise
            summary.seconds = time.monotonic() - started
            _finish(con, db_path, summary, "completed")
        finally:
            con.close()
            targets.publish(db_path)
    record_run_artifact(summary)  # the run's counts and rejects, in the Prefect UI
    get_run_logger().info(summary.one_line())
    return summary


def run_ingest(
    task_runner: str = "default",
    dask_address: str | None = None,
    workers: int | None = None,
    **parameters: object,
) -> RunSummary:
    """The ingest flow on the chosen task runner; parameters as for `ingest`."""
    runner = make_task_runner(task_runner, dask_address, workers)
    with (
        _no_heartbeats_on_a_temporary_server(),
        _shared_prefect_api() if task_runner == "dask" else nullcontext(),
    ):
        return ingest.with_options(task_runner=runner)(workers=workers, **parameters)


@contextmanager
def _no_heartbeats_on_a_temporary_server() -> Iterator[None]:
    """Heartbeats let a Prefect server notice a crashed run. Prefect's temporary server lives
    only as long as this process, so nobody would notice; and stopping the heartbeat thread
    costs up to a second at the end of every run (most of a no-op rerun)."""
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )

    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        yield
        return
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def _local_pool(workers: int | None, batches: int):
    """The flow's own process pool when its tasks run on threads (the default task runner) and
    there is more than one batch: for one, starting workers would cost more than it saves."""
    runner = FlowRunContext.get().task_runner
    if isinstance(runner, ThreadPoolTaskRunner) and batches > 1:
        return batch_pool(workers)
    return nullcontext()


def _drop_unchanged(
    sources: list[SourceFile], known: dict[str, str], max_bytes: int, summary: RunSummary
) -> list[SourceFile]:
    """The sources whose bytes differ from the last run's (or are new); the rest are counted
    as unchanged. Hashing here keeps a no-op rerun to reading and hashing the files."""
    candidates = [s for s in sources if s.path in known]
    with ThreadPoolExecutor(max_workers=4) as pool:
        digests = dict(
            zip(
                (s.path for s in candidates),
                pool.map(lambda s: _digest(s, max_bytes), candidates),
                strict=True,
            )
        )
    unchanged = {path for path, digest in digests.items() if digest == known[path]}
    summary.files_unchanged += len(unchanged)
    return [s for s in sources if s.path not in unchanged]


def _digest(source: SourceFile, max_bytes: int) -> str | None:
    """The file's hash, or None when the worker must look at it (unreadable, too large)."""
    try:  # the worker's own safe reader: no escaping links, named pipes or unbounded reads
        return sha256(file_bytes(source, max_bytes))
    except (ReadError, OSError):
        return None


def _batch_size(files: int, most: int, workers: int | None) -> int:
    """Files per batch: up to `most`, and as even as that allows: every worker gets the same
    number of batches, at least two, of nearly the same size, so the workers end together
    instead of one finishing a last short batch alone. One batch when everything fits in one."""
    if files <= most:
        return most
    per_round = 2 * _cpus(workers)  # two batches per worker
    rounds = -(-files // (per_round * most))
    return max(1, -(-files // (rounds * per_round)))


def _batches(sources: list[SourceFile], size: int) -> list[list[SourceFile]]:
    iterator = iter(sources)
    return list(iter(lambda: list(islice(iterator, size)), []))


def _run_batches(
    batches: list[list[SourceFile]],
    known: dict[str, str],
    run_id: str,
    settings: Settings,
    con: duckdb.DuckDBPyConnection,
    db_path: str,
    window: int,
    pool: ProcessPoolExecutor | None,
    summary: RunSummary,
    show_progress: bool,
) -> None:
    total = sum(len(batch) for batch in batches) + summary.files_unchanged
    with progress_bar(total, enabled=show_progress) as advance:
        advance(summary.files_unchanged)
        for result, count in _results(batches, known, run_id, settings, window, pool):
            load_started, load_cpu = time.perf_counter(), time.thread_time()
            load_batch_task(con, db_path, run_id, result)
            result.seconds["load"] = time.perf_counter() - load_started
            result.cpu_seconds["load"] = time.thread_time() - load_cpu
            summary.add_batch(result)
            add(summary.stage_seconds, result.seconds)
            add(summary.stage_cpu_seconds, result.cpu_seconds)
            advance(count)


def _results(
    batches: list[list[SourceFile]],
    known: dict[str, str],
    run_id: str,
    settings: Settings,
    window: int,
    pool: ProcessPoolExecutor | None,
) -> Iterator[tuple[BatchResult, int]]:
    """Each batch's result, in submission order, with at most `window` batches in flight.

    A single batch runs right here: starting worker processes would cost more than it saves."""

    def relevant(batch: list[SourceFile]) -> dict[str, str]:
        return {s.path: known[s.path] for s in batch if s.path in known}

    if len(batches) == 1:
        batch = batches[0]
        yield process_batch_task(batch, relevant(batch), run_id, settings), len(batch)
        return
    in_flight: deque = deque()
    for batch in batches:
        if pool is not None:
            future = process_batch_on_pool.submit(pool, batch, relevant(batch), run_id, settings)
        else:
            future = process_batch_task.submit(batch, relevant(batch), run_id, settings)
        in_flight.append((future, len(batch)))
        if len(in_flight) >= window:
            future, count = in_flight.popleft()
            yield future.result(), count
    while in_flight:
        future, count = in_flight.popleft()
        yield future.result(), count


def _finish(
    con: duckdb.DuckDBPyConnection,
    db_path: str,
    summary: RunSummary,
    status: str,
    message: str | None = None,
) -> None:
    def record() -> None:
        load.finish_run(con, summary.run_id, status, summary.counts(), message)

    targets.write(db_path, record)
    summary.table_rows = load.table_counts(con)
