"""Parquet export: every contract table as Hive-partitioned Parquet, by article publication month.

Reads the published warehouse read-only, so it runs beside a scheduled ingest. Each table lands
in DIR/<table>/published_month=YYYY-MM/*.parquet (unknown dates under
published_month=__HIVE_DEFAULT_PARTITION__, which Parquet readers return as NULL); entities,
shared by all articles, are one file, DIR/entities/entities.parquet.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from wirehouse import targets
from wirehouse.resources import read_sql

PARTITIONED_TABLES = (
    "source_files",
    "articles",
    "entity_mentions",
    "quotes",
    "events",
    "amounts",
)
SINGLE_FILE_TABLES = ("entities",)
EMPTY_FILE = "published_month=__HIVE_DEFAULT_PARTITION__/empty.parquet"


@dataclass(frozen=True)
class ExportedTable:
    table: str
    rows: int
    files: int


def _select(table: str) -> str:
    return read_sql("export", f"{table}.sql").strip().rstrip(";")


def _copy(con: duckdb.DuckDBPyConnection, template: str, table: str, target: Path) -> None:
    # the query comes from sql/export; the target path is a bound parameter
    statement = read_sql("export", template).format(select=_select(table))
    con.execute(statement, [str(target)])


def _write_table(con: duckdb.DuckDBPyConnection, table: str, target: Path) -> int:
    rows = con.execute(f"SELECT count(*) FROM ({_select(table)})").fetchone()[0]
    if table in SINGLE_FILE_TABLES:
        target.mkdir(parents=True)
        _copy(con, "copy_single.sql", table, target / f"{table}.parquet")
    else:
        _copy(con, "copy_partitioned.sql", table, target)
        if rows == 0:
            (target / EMPTY_FILE).parent.mkdir(parents=True, exist_ok=True)
            _copy(con, "copy_empty.sql", table, target / EMPTY_FILE)
    return rows


def _export_table(con: duckdb.DuckDBPyConnection, table: str, out_dir: Path) -> ExportedTable:
    """Write the table beside its earlier export, then swap it in: a reader never sees a
    half-written table, and months that are gone from the warehouse are gone from the export."""
    final, fresh, stale = (out_dir / name for name in (table, f".{table}.new", f".{table}.old"))
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    rows = _write_table(con, table, fresh)
    if final.exists():
        final.rename(stale)
    fresh.rename(final)
    shutil.rmtree(stale, ignore_errors=True)
    return ExportedTable(table, rows, len(list(final.rglob("*.parquet"))))


def export_parquet(db_path: str | Path, out_dir: str | Path) -> list[ExportedTable]:
    """Write every contract table of the warehouse (a file or a ducklake: spec) as Parquet
    under out_dir."""
    with targets.connect_reader(db_path) as con:
        out = Path(out_dir).resolve()
        out.mkdir(parents=True, exist_ok=True)
        con.execute(read_sql("export", "article_months.sql"))
        return [
            _export_table(con, table, out) for table in (*PARTITIONED_TABLES, *SINGLE_FILE_TABLES)
        ]
