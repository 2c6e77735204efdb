"""The DuckLake target: the warehouse tables in a lake whose catalog lives in PostgreSQL,
SQLite or a DuckDB file and whose data are Parquet files in a folder.

A spec is the DuckLake attach string plus optional attach options as a query string:
    ducklake:postgres:dbname=lake host=db.internal?data_path=/lake/files/
    ducklake:sqlite:catalog.sqlite            (data in catalog.sqlite.files/)
    ducklake:catalog.ducklake?data_path=files/
Many ingest workers may write one lake at once: DuckLake commits optimistically, and a batch
whose commit conflicts with another worker's is retried (`retrying`). The extensions are loaded
from the duckdb-extension-* PyPI packages; DuckDB is never allowed to download one.
"""

from __future__ import annotations

import importlib.util
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode

import duckdb

from wirehouse.resources import read_sql, sql_path

PREFIX = "ducklake:"
EXTENSION_PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
}
ATTACH_OPTIONS = ("data_path", "metadata_schema", "encrypted", "data_inlining_row_limit")
RETRYABLE = ("conflict", "database is locked", "duplicate key value")
R = TypeVar("R")
_log = logging.getLogger(__name__)


class LakeError(Exception):
    """A lake spec or set-up the user has to fix; the message says how."""


def is_lake(db: str | Path) -> bool:
    return str(db).startswith(PREFIX)


def split_spec(spec: str) -> tuple[str, dict[str, str]]:
    """('ducklake:...' attach string, {option: value}) from a spec."""
    catalog, _, query = spec.partition("?")
    options = dict(parse_qsl(query, keep_blank_values=False))
    unknown = sorted(set(options) - set(ATTACH_OPTIONS))
    if unknown:
        raise LakeError(f"unknown DuckLake option(s) {unknown}; known: {list(ATTACH_OPTIONS)}")
    return catalog, options


def with_data_path(spec: str, data_path: str | None) -> str:
    """The spec with its data folder set (a `--data-path` given on the command line wins)."""
    if not data_path:
        return spec
    if not is_lake(spec):
        raise LakeError("--data-path is for a lake (--db ducklake:...), not a warehouse file")
    catalog, options = split_spec(spec)
    options["data_path"] = data_path
    return f"{catalog}?{urlencode(options, safe='/:')}"


def extension_file(name: str) -> Path:
    """The extension binary shipped in its PyPI package, for this DuckDB release."""
    package = EXTENSION_PACKAGES[name]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise LakeError(f"the DuckDB extension {name} is missing: pip install {package}")
    path = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}"
    path = path / f"{name}.duckdb_extension"
    if not path.exists():
        raise LakeError(f"{package} has no build for DuckDB {duckdb.__version__} ({path})")
    return path


def connect(spec: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the lake, with the warehouse tables in it.

    Workers starting together on a new lake race to create its catalog; the losers retry.
    A read-only connection (analysts, export, report) creates nothing and writes nothing."""
    catalog, options = split_spec(spec)
    target = catalog.removeprefix(PREFIX)
    sqlite_file = target.removeprefix("sqlite:") if target.startswith("sqlite:") else None
    if sqlite_file and "data_path" not in options:
        options["data_path"] = f"{sqlite_file}.files"
    if read_only and sqlite_file and not Path(sqlite_file).exists():
        raise LakeError(f"no lake catalog at {sqlite_file}; run `wirehouse ingest` into it first")
    if options.get("data_path") and not read_only:
        Path(options["data_path"]).mkdir(parents=True, exist_ok=True)
    try:
        return retrying(lambda: _open(catalog, options, read_only))
    except duckdb.Error as error:
        raise LakeError(f"cannot open the lake {catalog}: {error}") from error


def _open(catalog: str, options: dict[str, str], read_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    try:
        for name in _extensions_for(catalog.removeprefix(PREFIX)):
            con.execute(f"LOAD {_literal(str(extension_file(name)))}")
        attach = read_sql("lake", "attach.sql")
        clause = _options_clause(options, read_only)
        con.execute(attach.format(catalog=_literal(catalog), options=clause))
        if not read_only:
            _in_transaction(con, _ensure_lake_schema)
    except BaseException:
        con.close()
        raise
    return con


def _ensure_lake_schema(con: duckdb.DuckDBPyConnection) -> None:
    from wirehouse.load import ensure_schema

    ensure_schema(con)
    for script in sorted(sql_path("lake", "ddl").glob("*.sql")):
        con.execute(script.read_text(encoding="utf-8"))


@contextmanager
def batch_transaction(con: duckdb.DuckDBPyConnection, run_id: str) -> Iterator[None]:
    """One batch's transaction on the lake; its commit conflicts with any other writer's
    concurrent batch commit (the caller retries, see `retrying`)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(read_sql("lake", "claim_commit.sql"), [run_id])
        yield
        con.execute("COMMIT")
    except BaseException:
        _rollback_quietly(con)
        raise


def _extensions_for(target: str) -> list[str]:
    if target.startswith(("postgres:", "postgresql:")):
        return ["ducklake", "postgres_scanner"]
    if target.startswith("sqlite:"):
        return ["ducklake", "sqlite_scanner"]
    return ["ducklake"]


def _in_transaction(con: duckdb.DuckDBPyConnection, work: Callable[..., R]) -> R:
    con.execute("BEGIN TRANSACTION")
    try:
        result = work(con)
        con.execute("COMMIT")
    except BaseException:
        _rollback_quietly(con)
        raise
    return result


def _rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """A failed DuckLake COMMIT has already ended the transaction; ROLLBACK would then fail."""
    with suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def retrying(work: Callable[[], R], attempts: int = 12) -> R:
    """work(), run again after a short random pause when another lake writer won a conflict."""
    for attempt in range(attempts):
        try:
            return work()
        except duckdb.Error as error:
            if attempt == attempts - 1 or not is_conflict(error):
                raise
            _log.info("lake commit lost a race (%s); retrying", error)
        time.sleep(min(2.0, 0.05 * 2**attempt) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")


def is_conflict(error: BaseException | None) -> bool:
    """Whether error (or the one it was raised while handling) is a lost commit race."""
    while error is not None:
        if isinstance(error, duckdb.Error) and any(word in str(error) for word in RETRYABLE):
            return True
        error = error.__context__
    return False


def _options_clause(options: dict[str, str], read_only: bool = False) -> str:
    items = [f"{key.upper()} {_literal(value)}" for key, value in options.items()]
    if read_only:
        items.append("READ_ONLY")
    return f"({', '.join(items)})" if items else ""


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
