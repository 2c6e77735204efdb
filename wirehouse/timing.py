"""Per-stage wall-clock seconds of a batch, for the benchmark; cheap enough to leave on always.

`process_batch` opens a `collect()` scope; every `timed(stage, fn, ...)` call inside it adds its
seconds to that stage. Outside a scope `timed` just calls the function. The scope lives in a
context variable, so threads or tasks sharing a process never mix their figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import perf_counter
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_seconds: ContextVar[dict[str, float] | None] = ContextVar("wirehouse_stage_seconds", default=None)


@contextmanager
def collect() -> Iterator[dict[str, float]]:
    """A fresh stage -> seconds dict that the `timed` calls in this scope fill in."""
    totals: dict[str, float] = {}
    token = _seconds.set(totals)
    try:
        yield totals
    finally:
        _seconds.reset(token)


def timed(stage: str, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """function(*args, **kwargs), its seconds added to `stage` in the current scope."""
    totals = _seconds.get()
    if totals is None:
        return function(*args, **kwargs)
    started = perf_counter()
    try:
        return function(*args, **kwargs)
    finally:
        totals[stage] = totals.get(stage, 0.0) + perf_counter() - started


def add(totals: dict[str, float], more: dict[str, float]) -> None:
    """Sum `more` into `totals`, stage by stage."""
    for stage, seconds in more.items():
        totals[stage] = totals.get(stage, 0.0) + seconds
