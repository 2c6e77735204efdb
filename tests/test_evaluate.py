"""The quality scorer, proven on hand-built warehouses: perfect, imperfect and empty."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from wirehouse.evaluate import evaluate, input_file_for, main
from wirehouse.resources import sql_path

GOLD = {
    "title": "Kenya and Somalia reopen border",
    "metadata": {"author": "Jo Reporter", "published": "2025-03-11", "source": "Wire", "url": None},
    "boilerplate_not_in_body": ["READ MORE"],
    "body_contains": ["Kenya and Somalia agreed"],
    "quotes": [
        {"text": "We will work together, Trade must flow.", "speaker": "Amina Yusuf"},
        {"text": "We shall see.", "speaker": None},
        {"text": "observers", "speaker": None, "required": False, "kind": "scare"},
    ],
    "entities": [
        {"name": "Kenya", "type": "GPE", "code": "KEN", "surface": ["Kenya", "Nairobi"]},
        {"name": "Somalia", "type": "GPE", "code": "SOM"},
        {
            "name": "Amina Yusuf",
            "type": "PERSON",
            "code": "KEN",
            "surface": ["Amina Yusuf", "Yusuf"],
        },
        {"name": "Ethiopia", "type": "GPE", "code": "ETH", "surface": ["Ethiopia"]},
        {"name": "Horn of Africa", "type": "LOC", "required": False},
    ],
    "amounts": [
        {"text": "$5 million", "value": 5000000, "unit": "USD"},
        {"text": "hundreds of traders", "low": 200, "high": 999, "unit": "traders", "vague": True},
        {"text": "30%", "value": 30, "unit": "percent"},
    ],
    "events": [
        {
            "actor1": "KEN",
            "actor2": "SOM",
            "roots": ["03", "05"],
            "symmetric": True,
            "date": "2025-03-10",
        },
        {"actor1": "ETH", "actor2": "KEN", "roots": ["11"]},
        {
            "actor1": "KEN",
            "actor2": "SOM",
            "roots": ["07"],
            "hypothetical": True,
            "required": False,
        },
    ],
    "not_events": [{"actor1": "ETH", "actor2": "*", "roots": ["05", "06"]}],
}

BODY = (
    "Kenya and Somalia agreed on Monday to reopen the border, officials in Nairobi said. "
    '"We will work together," said Amina Yusuf. "Trade must flow." Yusuf also invited '
    "'observers'. \"We shall see.\" The deal was criticised by Ethiopia. Hundreds of traders, "
    "30% of them women, wait. Nairobi may give $5 million."
)

ENTITIES = [
    ("e-ken", "Kenya", "GPE", "KEN", "KEN"),
    ("e-som", "Somalia", "GPE", "SOM", "SOM"),
    ("e-amina", "Amina Yusuf", "PERSON", "KEN", "KENGOV"),
    ("e-eth", "Ethiopia", "GPE", "ETH", "ETH"),
    ("e-horn", "Horn of Africa", "LOC", None, None),
    ("e-nbo", "Nairobi", "GPE", "KEN", "KEN"),
    ("e-yusuf", "Yusuf", "PERSON", None, None),
]


def make_gold_dir(tmp_path: Path) -> Path:
    gold_dir = tmp_path / "gold"
    (gold_dir / "east").mkdir(parents=True)
    (gold_dir / "east" / "border.txt").write_text("Kenya and Somalia reopen border\n\n" + BODY)
    (gold_dir / "east" / "border.gold.json").write_text(json.dumps(GOLD))
    return gold_dir


def make_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    for ddl in sorted(sql_path("ddl").glob("*.sql")):
        con.execute(ddl.read_text(encoding="utf-8"))
    return con


def load_article(con, body: str = BODY, author: str = "Jo Reporter", day: int = 11) -> None:
    published = datetime(2025, 3, day, 9, 0, tzinfo=UTC)
    con.execute(
        "INSERT INTO source_files VALUES ('east/border.txt', 0, 'sha', 'txt', 'a1', 'loaded',"
        " NULL, 'r1')"
    )
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'Kenya and Somalia reopen border', ?, NULL, 'Wire',"
        " ?, 'en', ?, 'east/border.txt', 0)",
        [author, published, body],
    )
    con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", ENTITIES)


def add_mentions(con, mentions: list[tuple[str, str]]) -> None:
    rows = []
    for entity_id, text in mentions:
        start = BODY.index(text)
        rows.append(("a1", entity_id, text, start, start + len(text), None, "name"))
    con.executemany("INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def add_quotes(con, quotes: list[tuple[str, str | None, bool]]) -> None:
    rows = [
        (f"q{i}", "a1", text, speaker, None, 0, len(text), scare, None)
        for i, (text, speaker, scare) in enumerate(quotes)
    ]
    con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def add_events(con, events: list[tuple[str, str, str, bool, date | None]]) -> None:
    rows = [
        (
            f"v{i}",
            "a1",
            a1,
            a2,
            None,
            None,
            code,
            code[:2],
            1,
            1.0,
            0,
            10,
            "words",
            hyp,
            day,
            None,
            None,
            None,
            None,
        )
        for i, (a1, a2, code, hyp, day) in enumerate(events)
    ]
    marks = ", ".join(["?"] * 19)
    con.executemany(f"INSERT INTO events VALUES ({marks})", rows)


def add_amounts(con, amounts: list[tuple[float, float, str]]) -> None:
    rows = [("a1", f"{low}", low, high, unit, 0, 1) for low, high, unit in amounts]
    con.executemany(
        "INSERT INTO amounts (article_id, text, low, high, unit, start_char, end_char)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def test_input_file_is_found_beside_its_gold_file(tmp_path: Path) -> None:
    gold_dir = make_gold_dir(tmp_path)
    found = input_file_for(gold_dir / "east" / "border.gold.json")
    assert found == gold_dir / "east" / "border.txt"


def test_a_perfect_prediction_scores_one_everywhere(tmp_path: Path) -> None:
    gold_dir = make_gold_dir(tmp_path)
    db = tmp_path / "w.duckdb"
    with make_warehouse(db) as con:
        load_article(con)
        add_mentions(
            con,
            [
                ("e-ken", "Kenya"),
                ("e-ken", "Nairobi"),
                ("e-som", "Somalia"),
                ("e-amina", "Amina Yusuf"),
                ("e-amina", "Yusuf"),
                ("e-eth", "Ethiopia"),
            ],
        )
        # the split quote as two rows; the scare quote marked and without a speaker
        add_quotes(
            con,
            [
                ("We will work together,", "Amina Yusuf", False),
                ("Trade must flow.", "Amina Yusuf", False),
                ("We shall see.", None, False),
                ("observers", None, True),
            ],
        )
        add_events(
            con,
            [
                ("SOMGOV", "KEN", "057", False, date(2025, 3, 10)),  # reversed: symmetric
                ("SOM", "KEN", "057", False, date(2025, 3, 10)),  # a repeat is no error
                ("ETHGOV", "KENGOV", "111", False, None),
                ("KEN", "SOM", "071", True, None),
            ],
        )
        add_amounts(con, [(5e6, 5e6, "USD"), (200, 999, "traders"), (30, 30, "percent")])

    report = evaluate(gold_dir, db)
    scores = report.scores()
    assert report.articles[0].input_path == "east/border.txt"
    assert report.articles[0].misses == []
    for measure, value in scores.items():
        expected = 0.0 if measure == "entities.spurious" else 1.0
        assert value == pytest.approx(expected), measure


def test_an_imperfect_prediction_is_scored_item_by_item(tmp_path: Path) -> None:
    gold_dir = make_gold_dir(tmp_path)
    db = tmp_path / "w.duckdb"
    with make_warehouse(db) as con:
        load_article(con, body=BODY + "\n\nREAD MORE", author="By Jo Reporter", day=9)
        # Somalia missed; "Nairobi" and "Yusuf" become entities of their own
        add_mentions(
            con,
            [
                ("e-ken", "Kenya"),
                ("e-nbo", "Nairobi"),
                ("e-amina", "Amina Yusuf"),
                ("e-yusuf", "Yusuf"),
                ("e-eth", "Ethiopia"),
                ("e-horn", "Kenya"),
            ],
        )
        add_quotes(
            con,
            [
                ("We will work together, Trade must flow.", "Yusuf", False),
                ("Hello there friends", "Amina Yusuf", False),
                ("observers", "Amina Yusuf", False),
            ],
        )
        add_events(
            con,
            [
                ("KEN", "SOM", "057", False, None),  # right, but no date
                ("ETH", "KEN", "120", False, None),  # wrong root
                ("ETH", "SOM", "057", False, None),  # the negated event
                ("ETH", "SOM", "057", True, None),  # ... flagged hypothetical: allowed
                ("KEN", "SOM", "071", False, None),
            ],
        )  # hypothetical flag missing
        add_amounts(con, [(5.0, 5.0, "USD"), (300, 300, "traders"), (30, 30, "%")])

    report = evaluate(gold_dir, db)
    s = report.scores()
    assert s["quotes.recall"] == pytest.approx(1 / 2)
    assert s["quotes.precision"] == pytest.approx(2 / 3)
    assert s["quotes.speaker"] == 0.0  # "Yusuf" is not canonical; the scare quote got a speaker
    assert s["entities.recall"] == pytest.approx(3 / 4)
    assert s["entities.surface"] == pytest.approx(3 / 6)
    assert s["entities.spurious"] == 2.0
    assert s["entities.code"] == pytest.approx(1.0)
    assert s["events.recall"] == pytest.approx(2 / 3)
    assert s["events.recall_required"] == pytest.approx(1 / 2)
    assert s["events.precision"] == pytest.approx(2 / 5)
    assert s["events.not_events"] == 0.0
    assert s["events.hypothetical"] == pytest.approx(1 / 2)
    assert s["events.date"] == 0.0
    assert s["amounts.recall"] == pytest.approx(2 / 3)
    assert s["metadata"] == pytest.approx(3 / 4)
    assert s["boilerplate"] == 0.0
    misses = "\n".join(report.articles[0].misses)
    assert 'quote missed: "We shall see."' in misses
    assert "entity missed: Somalia" in misses
    assert "surface unresolved: 'Nairobi' should resolve to Kenya" in misses
    assert "entity unexpected: Yusuf" in misses
    assert "event unexpected: ETH -> KEN 120" in misses
    assert "negated event coded: ETH -> SOM 057" in misses
    assert "published: expected '2025-03-11'" in misses
    rendered = report.render()
    assert "== east/border.txt" in rendered and "quotes.recall" in rendered


def test_empty_tables_score_zero_without_crashing(tmp_path: Path) -> None:
    gold_dir = make_gold_dir(tmp_path)
    db = tmp_path / "w.duckdb"
    with make_warehouse(db) as con:
        load_article(con)
    s = evaluate(gold_dir, db).scores()
    assert s["quotes.recall"] == 0.0
    assert s["entities.recall"] == 0.0
    assert s["events.recall_required"] == 0.0
    assert s["amounts.recall"] == 0.0
    assert s["quotes.precision"] is None  # nothing predicted, nothing to be precise about
    assert s["metadata"] == 1.0


def test_a_warehouse_without_tables_reports_the_article_missing(tmp_path: Path) -> None:
    gold_dir = make_gold_dir(tmp_path)
    db = tmp_path / "bare.duckdb"
    duckdb.connect(str(db)).close()
    report = evaluate(gold_dir, db)
    assert report.articles[0].loaded is False
    assert report.scores()["entities.recall"] == 0.0
    assert "NOT LOADED" in report.render()


def test_main_prints_the_report_and_writes_json(tmp_path: Path, capsys) -> None:
    gold_dir = make_gold_dir(tmp_path)
    db = tmp_path / "w.duckdb"
    with make_warehouse(db) as con:
        load_article(con)
    out = tmp_path / "scores.json"
    assert main([str(gold_dir), "--db", str(db), "--json", str(out)]) == 0
    assert "== overall (1 gold articles)" in capsys.readouterr().out
    assert json.loads(out.read_text())["overall"]["metadata"] == 1.0
    assert main([str(gold_dir), "--db", str(tmp_path / "missing.duckdb")]) == 2


def test_a_split_quote_with_a_long_first_half_is_one_quote_in_two_rows() -> None:
    from wirehouse.evaluate import ArticleScore
    from wirehouse.scoring import score_quotes

    gold = [{"text": "One two three four five six seven eight nine, Ten.", "speaker": "Ann Lee"}]
    rows = [
        {"text": "One two three four five six seven eight nine,", "speaker": "Ann Lee"},
        {"text": "Ten.", "speaker": "Ann Lee"},
    ]
    score = ArticleScore("g", "p", True)
    score_quotes(gold, rows, score)
    assert score.tallies["quotes.precision"].rate == 1.0
    assert score.tallies["quotes.exact_text"].rate == 1.0
    assert score.misses == []


def test_a_headline_scare_quote_does_not_take_the_body_statement_of_the_same_words() -> None:
    from wirehouse.evaluate import ArticleScore
    from wirehouse.scoring import score_quotes

    gold = [
        {"text": "harassment", "speaker": None, "kind": "scare", "required": False},
        {"text": "harassment", "speaker": "Taiwan", "required": False},
    ]
    rows = [{"text": "harassment", "speaker": "Taiwan"}]
    score = ArticleScore("g", "p", True)
    score_quotes(gold, rows, score)
    assert score.misses == []
    assert score.tallies["quotes.precision"].rate == 1.0
