"""The analysts' views exist in every warehouse and answer correctly; every example query runs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from analyst_fixture import build

from wirehouse import load
from wirehouse.resources import sql_path

VIEWS = {
    "events_by_day_country_pair",
    "quotes_by_speaker",
    "speaker_mentions",
    "entity_co_mentions",
    "entity_mentions_by_day",
    "article_summary",
}
EXAMPLES = sorted(sql_path("examples").glob("*.sql"))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("views") / "warehouse.duckdb"
    build(path)
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_a_fresh_warehouse_has_every_view(tmp_path):
    with load.connect(tmp_path / "fresh.duckdb") as con:
        names = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        assert names >= VIEWS
        for view in VIEWS:
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone() == (0,)


def test_views_are_recreated_when_the_schema_is_ensured_again(tmp_path):
    path = tmp_path / "again.duckdb"
    with load.connect(path) as con:
        con.execute("DROP VIEW article_summary")
    with load.connect(path) as con:
        assert con.execute("SELECT count(*) FROM article_summary").fetchone() == (0,)


def test_events_by_day_country_pair_counts_quad_classes_per_day(warehouse):
    got = rows(warehouse, "SELECT * FROM events_by_day_country_pair ORDER BY day, actor1_country")
    by_key = {(r["day"] and r["day"].isoformat(), r["actor1_country"], r["actor2_country"]): r
              for r in got}  # fmt: skip
    demand = by_key[("2025-04-28", "USA", "PRK")]
    assert (demand["events"], demand["verbal_conflict"], demand["mean_goldstein"]) == (1, 1, -5.0)
    aid = by_key[("2025-04-28", "PRK", "RUS")]
    assert (aid["material_cooperation"], aid["mean_goldstein"]) == (1, 8.3)
    # USAGOV is folded into its country
    assert by_key[("2025-04-28", "USA", "RUS")]["verbal_conflict"] == 1
    # an undated article: the event's own date wins, else the day is unknown
    assert by_key[("2025-05-02", "USA", "RUS")]["verbal_cooperation"] == 1
    assert by_key[(None, "USA", "UKR")]["events"] == 1
    # a +03:00 timestamp at 08:00 is the same UTC day
    assert by_key[("2025-10-21", "LTU", "BLR")]["material_conflict"] == 1
    assert sum(r["events"] for r in got) == 7


def test_quotes_by_speaker_has_dates_and_a_sample(warehouse):
    got = {r["speaker"]: r for r in rows(warehouse, "SELECT * FROM quotes_by_speaker")}
    trump = got["Donald Trump"]
    assert (trump["quotes"], trump["articles"], trump["speaker_entity_id"]) == (2, 2, "e-trump")
    assert trump["first_date"].isoformat() == trump["last_date"].isoformat() == "2025-04-28"
    assert trump["sample_quote"].startswith("There was no reason for Putin")
    assert got["Andrius Vaitkus"]["last_date"].isoformat() == "2025-10-21"


def test_speaker_mentions_finds_entities_inside_quotes_only(warehouse):
    got = {
        (r["speaker"], r["entity_name"]) for r in rows(warehouse, "SELECT * FROM speaker_mentions")
    }
    assert got == {
        ("State Department", "North Korea"),
        ("State Department", "Ukraine"),
        ("Donald Trump", "Vladimir Putin"),
        ("Donald Trump", "Ukraine"),
        ("Donald Trump", "Russia"),
        ("Andrius Vaitkus", "Belarus"),
    }


def test_entity_co_mentions_are_unordered_pairs_per_article(warehouse):
    got = rows(warehouse, "SELECT * FROM entity_co_mentions")
    pairs = {frozenset((r["entity_a_name"], r["entity_b_name"])): r["articles"] for r in got}
    assert len(pairs) == len(got)
    assert all(r["entity_a_id"] < r["entity_b_id"] for r in got)
    assert pairs[frozenset(("Russia", "Ukraine"))] == 2
    assert pairs[frozenset(("Lithuania", "Belarus"))] == 1
    assert frozenset(("Lithuania", "Russia")) not in pairs


def test_entity_mentions_by_day(warehouse):
    got = rows(warehouse, "SELECT * FROM entity_mentions_by_day WHERE name = 'Russia' ORDER BY day")
    assert [(r["day"] and r["day"].isoformat(), r["mentions"]) for r in got] == [
        ("2025-04-28", 2),
        (None, 2),
    ]


def test_article_summary_counts_what_each_article_yielded(warehouse):
    got = {r["article_id"]: r for r in rows(warehouse, "SELECT * FROM article_summary")}
    assert set(got) == {"a-nk", "a-ltu", "a-undated"}
    nk = got["a-nk"]
    assert (nk["entities"], nk["mentions"], nk["quotes"], nk["events"], nk["amounts"]) == (
        7, 12, 2, 3, 1,
    )  # fmt: skip
    assert nk["path"] == "us_north_korea_demand.txt"
    assert got["a-undated"]["published_day"] is None
    assert got["a-undated"]["amounts"] == 0


def test_views_read_only_contract_tables():
    """Views must survive Python changes: on a warehouse holding only the contract's tables and
    columns, every view is created and every example runs."""
    contract = (Path(__file__).parent / "data" / "contract_tables.sql").read_text(encoding="utf-8")
    con = duckdb.connect()
    con.execute(contract)
    for view in VIEWS:  # the analysts' views; other views may read pipeline-only columns
        (script,) = sql_path("views").glob(f"0[0-9]0_{view}.sql")
        con.execute(script.read_text(encoding="utf-8"))
    for view in VIEWS:
        con.execute(f"SELECT * FROM {view}").fetchall()
    for example in EXAMPLES:
        con.execute(example.read_text(encoding="utf-8")).fetchall()
    con.close()


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_says_its_question_and_answers_it(warehouse, example):
    sql = example.read_text(encoding="utf-8")
    assert sql.startswith("-- Question: "), f"{example.name} must open with its question"
    assert warehouse.execute(sql).fetchall(), f"{example.name} found nothing in the sample"


def test_there_are_examples():
    assert len(EXAMPLES) >= 8
