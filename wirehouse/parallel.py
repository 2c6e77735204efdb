"""Worker processes for the batches of a run: a process pool whose workers start warm.

The workers are forked from a fork server (multiprocessing's "forkserver" start method) that
has imported and loaded the NLP once (wirehouse.preload): the pipeline, gazetteers, language
model and word lists. A worker then starts in milliseconds and shares those pages with the
server instead of paying some 3 s of CPU for its own copy, and later runs in the same process
reuse the server. The server is a fresh single-threaded interpreter, not a fork of the flow's
process, so it inherits none of Prefect's threads or open connections; it never imports polars
(whose threads make forking unsafe): workers import it, and the rest of a batch's needs, after
the fork. Kept free of Prefect; the flow wraps each submission in a Prefect task of its own
(flows/ingest.py).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

# The NLP modules are imported where they are used: `wirehouse ingest` imports this module to
# start the fork server before it imports anything heavy (start_server).
PRELOAD = "wirehouse.preload"  # the module the fork server imports: it calls warm_up()
_WARM_UP_TEXT = (
    "Talks resume in Geneva\n\n"
    "Secretary of State Antony Blinken met North Korea's foreign minister in Geneva on Monday. "
    '"We are ready to talk," he said, as Pyongyang promised to send 1,200 troops home.'
)


def warm_up(spacy_model: str | None = None) -> None:
    """Load the NLP's pipeline, gazetteers and word lists by analysing one short article, so a
    process pays for them once, before its first batch. Cheap where they are loaded already,
    as in a worker forked from the warm fork server; the model named is the one the flow's
    process has configured (the server may have started under another)."""
    from wirehouse import gazetteer, nlp
    from wirehouse.analysis import analyse
    from wirehouse.extract import extract
    from wirehouse.model import RawRecord

    _without_data_synthesis()
    if spacy_model != nlp.configured():
        nlp.configure(spacy_model)
    analyse(extract(RawRecord("warm-up.txt", 0, "txt", "", text=_WARM_UP_TEXT)))
    # Loaded on the first place that only the rules find, which the text above has not: some
    # 0.3 s that every worker would otherwise pay in its first batch.
    gazetteer.place_countries()


def _without_data_synthesis() -> None:
    """Keep pandera from importing hypothesis in a worker. pandera imports it, when installed
    (the test extras), on its first validation to synthesise data from schemas, which a worker
    never does; with it come pytest and trio: some 300 modules, 0.3 s of every worker's first
    batch."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]  # None: not importable


def start_server() -> None:
    """Start the fork server now, so that it loads the NLP on another core while this process
    goes on (`wirehouse ingest` imports Prefect and starts the flow run meanwhile: some 2 s).
    Returns at once; a pool made later forks its workers from this server. Where the run turns
    out to need no pool (nothing changed), the server's load was spent for nothing."""
    if _context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")  # Windows: each worker warms up on its own
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return context


@contextmanager
def batch_pool(workers: int | None = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` processes (default one per CPU), warmed up, shut down on exit.

    The run does not wait for the idle workers to exit; Python still joins them before the
    process ends."""
    from wirehouse import nlp

    pool = ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1,
        mp_context=_context(),
        initializer=warm_up,
        initargs=(nlp.configured(),),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
