"""Inputs that once broke a reader (found by the fuzzer or by hand), replayed on every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.fuzz_readers import check_input, split_input

REGRESSIONS = sorted((Path(__file__).parent / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=[path.name for path in REGRESSIONS])
def test_kept_input_is_read_or_rejected(path: Path) -> None:
    check_input(*split_input(path.read_bytes()))
