"""Per-stage seconds of a batch, for the benchmark; cheap enough to leave on always.

`process_batch` opens a `collect()` scope; every `timed(stage, fn, ...)` call inside it adds its
wall-clock seconds to that stage, and the CPU seconds of its thread to the same stage in a
second dict (on a shared machine the CPU figure is the one that does not move with the load).
Outside a scope `timed` just calls the function. The scope lives in a context variable, so
threads or tasks sharing a process never mix their figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from time import perf_counter, thread_time
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class StageTimes:
    wall: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    cpu: dict[str, float] = field(default_factory=dict)  # stage -> CPU seconds of its thread


_times: ContextVar[StageTimes | None] = ContextVar("wirehouse_stage_times", default=None)


@contextmanager
def collect() -> Iterator[StageTimes]:
    """Fresh stage timings that the `timed` calls in this scope fill in."""
    times = StageTimes()
    token = _times.set(times)
    try:
        yield times
    finally:
        _times.reset(token)


def timed(stage: str, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """function(*args, **kwargs), its seconds added to `stage` in the current scope."""
    times = _times.get()
    if times is None:
        return function(*args, **kwargs)
    started, started_cpu = perf_counter(), thread_time()
    try:
        return function(*args, **kwargs)
    finally:
        add(times.wall, {stage: perf_counter() - started})
        add(times.cpu, {stage: thread_time() - started_cpu})


def add(totals: dict[str, float], more: dict[str, float]) -> None:
    """Sum `more` into `totals`, stage by stage."""
    for stage, seconds in more.items():
        totals[stage] = totals.get(stage, 0.0) + seconds
