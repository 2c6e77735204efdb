"""Real Prefect flow runs on real files into a real DuckDB file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SHARED, query, run_ingest
from wirehouse.cli import main
from wirehouse.load import BATCH_TABLES

CONTENT_TABLES = BATCH_TABLES
GOOD_JSONL = [
    json.dumps({"title": f"Story {n}", "body": f"Story number {n} happened today."}) for n in (1, 3)
]
BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n" + bytes(300), "binary file (PNG"),
    "broken.json": (b'{"title": "x", "body": ', "not valid JSON at line 1 column 24"),
    "nav_only.html": (
        b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        "no article text found",
    ),
    "no_body.json": (json.dumps({"title": "Only a title"}).encode(), "no article text found"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, root, dirs_exist_ok=True)
    for name, (data, _reason) in BAD_FILES.items():
        (root / "bad" / name).parent.mkdir(exist_ok=True)
        (root / "bad" / name).write_bytes(data)
    lines = [GOOD_JSONL[0], '{"title": "broken', GOOD_JSONL[1]]
    (root / "feeds").mkdir()
    (root / "feeds" / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    legacy = "Le café de Genève a rouvert ses portes lundi, a déclaré le propriétaire. " * 3
    (root / "legacy_cp1252.txt").write_bytes(("Café reopens\n\n" + legacy).encode("cp1252"))
    (root / "utf16.txt").write_bytes(("Café reopens\n\n" + legacy).encode("utf-16"))
    return root


@pytest.fixture(scope="module")
def warehouse(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "warehouse.duckdb"
    summary = run_ingest(corpus, db)
    assert summary.files_seen == len(list(corpus.rglob("*.*")))
    return db


def snapshot(db: Path) -> dict[str, list[tuple]]:
    return {
        table: sorted(query(db, f"SELECT * FROM {table}"), key=repr) for table in CONTENT_TABLES
    }


def test_every_bad_file_is_recorded_with_its_reason(warehouse: Path) -> None:
    rows = dict(query(warehouse, "SELECT path, error FROM source_files WHERE status='rejected'"))
    for name, (_data, reason) in BAD_FILES.items():
        assert reason in rows.pop(f"bad/{name}")
    assert rows == {
        "feeds/mixed.jsonl": "line 2: not valid JSON at column 11: Unterminated string starting at"
    }


def test_every_good_file_and_record_is_loaded(warehouse: Path) -> None:
    loaded = query(warehouse, "SELECT path, record FROM source_files WHERE status='loaded'")
    assert ("feeds/mixed.jsonl", 0) in loaded and ("feeds/mixed.jsonl", 2) in loaded
    sample_files = {p.name for p in SAMPLES.iterdir()}
    assert sample_files <= {path for path, _ in loaded}
    assert len(query(warehouse, "SELECT * FROM articles")) == len(loaded)
    titles = {t for (t,) in query(warehouse, "SELECT title FROM articles")}
    assert {"Story 1", "Story 3", "Café reopens"} <= titles
    bodies = query(
        warehouse,
        "SELECT body FROM articles WHERE path LIKE '%reopens%' "
        "OR path IN ('legacy_cp1252.txt', 'utf16.txt')",
    )
    assert len(bodies) == 2 and all("Le café de Genève" in b for (b,) in bodies)


def test_source_rows_point_at_their_articles(warehouse: Path) -> None:
    orphans = query(
        warehouse,
        """
        SELECT s.path FROM source_files s LEFT JOIN articles a USING (article_id)
        WHERE s.status = 'loaded' AND a.article_id IS NULL""",
    )
    assert orphans == []
    assert query(warehouse, "SELECT count(*) FROM source_files WHERE path LIKE '/%'") == [(0,)]


def test_offsets_index_the_body(warehouse: Path) -> None:
    for table in ("entity_mentions", "quotes", "amounts"):
        bad = query(
            warehouse,
            f"""
            SELECT t.text FROM {table} t JOIN articles a USING (article_id)
            WHERE substring(a.body, t.start_char + 1, t.end_char - t.start_char) <> t.text""",
        )
        assert bad == [], table


def test_contract_tables_have_their_columns(warehouse: Path) -> None:
    contract = (SHARED / "CONTRACT.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", contract, flags=re.M)[1:]:
        table = section.split()[0]
        expected = set()
        for line in section.splitlines():
            cells = [c.strip() for c in line.strip("|").split("|")]
            if line.startswith("|") and cells[0] not in ("column", "---"):
                expected |= {name.strip() for name in cells[0].split(",")}
        columns = {
            name
            for (name,) in query(
                warehouse,
                "SELECT column_name FROM information_schema.columns WHERE table_name=?",
                [table],
            )
        }
        assert expected <= columns, (table, expected - columns)


def test_rerun_changes_nothing_and_an_edit_replaces_one_article(
    corpus: Path, warehouse: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(warehouse, db)
    before = snapshot(db)
    summary = run_ingest(corpus, db)
    assert summary.files_unchanged == summary.files_seen
    assert snapshot(db) == before

    edited = tmp_path / "edited"
    shutil.copytree(corpus, edited)
    kenya = edited / "kenya_somalia_border_talks.txt"
    kenya.write_text(
        kenya.read_text(encoding="utf-8").replace("three border", "four border"), encoding="utf-8"
    )
    summary = run_ingest(edited, db)
    assert (summary.files_loaded, summary.files_unchanged) == (1, summary.files_seen - 1)
    after = snapshot(db)
    kenya_id = query(db, "SELECT article_id FROM articles WHERE path = ?", [kenya.name])[0][0]
    for table in ("articles", "entity_mentions", "quotes", "events", "amounts"):
        others_before = [r for r in before[table] if kenya_id not in r]
        others_after = [r for r in after[table] if kenya_id not in r]
        assert others_before == others_after, table
    [(body,)] = query(db, "SELECT body FROM articles WHERE article_id = ?", [kenya_id])
    assert "four border crossings" in body
    assert query(db, "SELECT count(*) FROM articles WHERE path = ?", [kenya.name]) == [(1,)]


def test_cli_exits_zero_with_rejects_and_prints_summary(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"files seen \d+ · loaded \d+ · unchanged 0 · rejected 5 \(6 records\)", out)
    assert "empty file" in out and "articles" in out
    assert main(["ingest", str(tmp_path / "missing"), "--db", str(db)]) == 2


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    from wirehouse.load import WarehouseBusy, writer_lock

    db = tmp_path / "locked.duckdb"
    with writer_lock(db), pytest.raises(WarehouseBusy, match="another ingest run"):
        run_ingest(SAMPLES, db)


def test_cli_refuses_a_spacy_model_that_is_not_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "never.duckdb"
    assert main(["ingest", str(SAMPLES), "--db", str(db), "--spacy-model", "no_such_model"]) == 2
    assert "spaCy model 'no_such_model' is not installed" in capsys.readouterr().err
    assert not db.exists()


def test_cli_evaluate_scores_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    shutil.copytree(SHARED / "seed", seed)
    db = tmp_path / "seed.duckdb"
    run_ingest(seed, db)
    assert main(["evaluate", str(seed), "--db", str(db), "--no-misses"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"quotes\.recall\s+1\.000 \(5/5\)", out)
    assert re.search(r"entities\.recall\s+1\.000 \(12/12\)", out)


def test_a_second_file_with_a_loaded_url_is_rejected_not_merged(tmp_path: Path) -> None:
    root, db = tmp_path / "in", tmp_path / "dup.duckdb"
    root.mkdir()
    story = {
        "title": "Port reopens",
        "body": "The port reopened on Friday.",
        "url": "https://x.org/p",
    }
    (root / "a.json").write_text(json.dumps(story), encoding="utf-8")
    run_ingest(root, db)
    (root / "b.json").write_text(json.dumps({**story, "title": "Copy"}), encoding="utf-8")
    run_ingest(root, db)
    rows = query(db, "SELECT path, status, error FROM source_files ORDER BY path")
    assert rows == [
        ("a.json", "loaded", None),
        ("b.json", "rejected", "duplicate article: same url as a.json"),
    ]
    assert query(db, "SELECT title FROM articles") == [("Port reopens",)]


def test_an_article_failing_its_schema_rejects_its_source_row() -> None:
    import polars as pl

    from wirehouse.transform import frame
    from wirehouse.validate import validate

    article = {
        "article_id": "0123456789abcdef",
        "body": "Text.",
        "path": "a.txt",
        "record": 0,
        "language": "english",
    }
    source = {
        "path": "a.txt",
        "record": 0,
        "content_sha256": "0" * 64,
        "format": "txt",
        "article_id": "0123456789abcdef",
        "status": "loaded",
        "run_id": "r",
    }
    tables = {
        name: frame(name, [])
        for name in ("entities", "entity_mentions", "quotes", "events", "amounts")
    }
    tables |= {
        "articles": frame("articles", [article]),
        "source_files": frame("source_files", [source]),
    }
    result = validate(tables, "r")
    assert result.tables["articles"].height == 0
    [row] = result.tables["source_files"].to_dicts()
    assert (row["status"], row["article_id"]) == ("rejected", None)
    assert row["error"].startswith("article failed validation: language")
    assert result.rejected_rows.filter(pl.col("table_name") == "articles").height == 1
