"""Parquet export: every contract table, partitioned by publication month, reads back whole."""

from __future__ import annotations

import duckdb
import pyarrow.dataset as ds
import pytest
from analyst_fixture import build

from wirehouse import load
from wirehouse.cli import main
from wirehouse.export import PARTITIONED_TABLES, export_parquet

CONTRACT_TABLES = (*PARTITIONED_TABLES, "entities")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    db = root / "warehouse.duckdb"
    build(db)
    out = root / "parquet"
    assert main(["export", "--parquet", str(out), "--db", str(db)]) == 0
    return db, out


def read_back(out, table: str) -> duckdb.DuckDBPyRelation:
    pattern = out / table / "**" / "*.parquet"
    return duckdb.sql(f"SELECT * FROM read_parquet('{pattern}', hive_partitioning = true)")


def test_every_table_reads_back_with_all_rows_and_columns(exported):
    db, out = exported
    with duckdb.connect(str(db), read_only=True) as con:
        for table in CONTRACT_TABLES:
            expected = con.execute(f"SELECT * FROM {table}").fetchall()
            columns = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            back = read_back(out, table)
            assert set(columns) <= set(back.columns), table
            got = back.select(", ".join(columns)).fetchall()
            assert sorted(map(repr, got)) == sorted(map(repr, expected)), table


def test_rows_are_partitioned_by_their_articles_month(exported):
    _, out = exported
    months = read_back(out, "articles").select("article_id, published_month").fetchall()
    assert dict(months) == {"a-nk": "2025-04", "a-ltu": "2025-10", "a-undated": None}
    folders = sorted(p.name for p in (out / "events").iterdir())
    assert folders == [
        "published_month=2025-04",
        "published_month=2025-10",
        "published_month=__HIVE_DEFAULT_PARTITION__",
    ]
    events = read_back(out, "events").select("event_id, published_month").fetchall()
    assert {month for event_id, month in events if event_id.startswith("a-undated")} == {None}
    rejected = read_back(out, "source_files").filter("status = 'rejected'")
    assert rejected.select("published_month").fetchall() == [(None,)]


def test_pyarrow_reads_the_partitioned_dataset(exported):
    _, out = exported
    dataset = ds.dataset(out / "quotes", format="parquet", partitioning="hive")
    table = dataset.to_table(filter=ds.field("published_month") == "2025-10")
    assert sorted(table.column("speaker").to_pylist()) == [
        "Andrius Vaitkus",
        "Belarus <script>alert(1)</script>",
    ]


def test_reexport_replaces_months_that_are_gone_and_keeps_empty_tables_readable(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    build(db)
    out = tmp_path / "parquet"
    export_parquet(db, out)
    with load.connect(db) as con:
        for table in ("entity_mentions", "quotes", "events", "amounts", "articles"):
            con.execute(f"DELETE FROM {table} WHERE article_id = 'a-ltu'")
        con.execute("DELETE FROM quotes")
    load.publish(db)
    tables = {t.table: t for t in export_parquet(db, out)}
    assert not (out / "articles" / "published_month=2025-10").exists()
    assert tables["quotes"].rows == 0
    assert read_back(out, "quotes").fetchall() == []
    assert "speaker" in read_back(out, "quotes").columns


def test_missing_warehouse_is_a_clear_error(tmp_path, capsys):
    assert main(["export", "--parquet", str(tmp_path / "p"), "--db", str(tmp_path / "no.duckdb")])
    assert "warehouse not found" in capsys.readouterr().err
