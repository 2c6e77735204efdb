"""Where the project's data files and SQL live, in a checkout or an installed wheel."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _root(name: str) -> Path:
    installed = _PACKAGE / "_resources" / name
    return installed if installed.is_dir() else _CHECKOUT / name


def data_path(*parts: str) -> Path:
    """A file under data/ (gazetteers, CAMEO tables, word lists, samples)."""
    return _root("data").joinpath(*parts)


def sql_path(*parts: str) -> Path:
    """A file under sql/ (DDL, views, examples)."""
    return _root("sql").joinpath(*parts)


def read_sql(*parts: str) -> str:
    return sql_path(*parts).read_text(encoding="utf-8")


@cache
def read_csv_rows(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV under data/ as dicts; lines starting with '#' are comments."""
    with data_path(*parts).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return tuple(csv.DictReader(lines))
