"""Worker processes for the batches of a run: a process pool whose workers load the NLP once.

Kept free of Prefect so a worker starts by importing only what a batch needs; the flow wraps
each submission in a Prefect task of its own (flows/ingest.py).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from wirehouse.extract import extract
from wirehouse.model import RawRecord
from wirehouse.transform import analyse

_WARM_UP_TEXT = (
    "Talks resume in Geneva\n\n"
    "Secretary of State Antony Blinken met North Korea's foreign minister in Geneva on Monday. "
    '"We are ready to talk," he said, as Pyongyang promised to send 1,200 troops home.'
)


def warm_up() -> None:
    """Load the NLP's pipeline, gazetteers and word lists by analysing one short article, so a
    worker pays for them once, before its first batch."""
    _without_data_synthesis()
    analyse(extract(RawRecord("warm-up.txt", 0, "txt", "", text=_WARM_UP_TEXT)))


def _without_data_synthesis() -> None:
    """Keep pandera from importing hypothesis in a worker. pandera imports it, when installed
    (the test extras), on its first validation to synthesise data from schemas, which a worker
    never does; with it come pytest and trio: some 300 modules, 0.3 s of every worker's first
    batch."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]  # None: not importable


@contextmanager
def batch_pool(workers: int | None = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` processes (default one per CPU), warmed up, shut down on exit.

    The run does not wait for the idle workers to exit (about a second: unloading spaCy and
    the rest); Python still joins them before the process ends."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or open connections
    pool = ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1, mp_context=context, initializer=warm_up
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
