"""A bug in one NLP stage costs the article that stage's rows, not the article: it is loaded
with the rest, and the failure is quarantined in rejected_rows with its reason."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from wirehouse import analysis, load
from wirehouse.model import Article
from wirehouse.process import _process_batch
from wirehouse.read import discover

STORY = (
    "Kenya condemned Somalia on Monday over the border raid.\n\n"
    '"We will not accept this," said Ruth Achieng, Kenya\'s foreign minister. '
    "The raid cost $4 million in damage."
)


def _broken(*_args, **_kwargs):
    raise ValueError("a bug met on unusual text")


def _article() -> Article:
    return Article(
        article_id="0123456789abcdef",
        path="a.txt",
        record=0,
        format="txt",
        content_sha256="0" * 64,
        title=None,
        author=None,
        url=None,
        source=None,
        published_at=None,
        language="english",
        body=STORY,
    )


def test_a_failing_events_stage_leaves_the_other_stages_rows(monkeypatch) -> None:
    monkeypatch.setattr(analysis, "find_events", _broken)
    result = analysis.analyse(_article())
    assert result.events == []
    assert [q.speaker for q in result.quotes] == ["Ruth Achieng"]
    assert {e.name for e in result.entities} >= {"Kenya", "Somalia", "Ruth Achieng"}
    assert result.amounts
    assert result.failures == {"events": "internal error: ValueError: a bug met on unusual text"}


def test_a_failing_entities_stage_skips_quotes_and_events_but_keeps_amounts(monkeypatch):
    monkeypatch.setattr(analysis, "find_entities", _broken)
    result = analysis.analyse(_article())
    assert (result.entities, result.quotes, result.events) == ([], [], [])
    assert [a.low for a in result.amounts] == [4_000_000]
    assert result.failures["entities"].startswith("internal error: ValueError")
    assert (
        result.failures["quotes"]
        == result.failures["events"]
        == ("not run: the entities stage failed")
    )


def test_a_time_limit_inside_a_stage_is_not_taken_for_a_stage_failure(monkeypatch) -> None:
    def too_slow(*_args):
        raise TimeoutError("time limit")

    monkeypatch.setattr(analysis, "find_quotes", too_slow)
    with pytest.raises(TimeoutError):
        analysis.analyse(_article())


def test_the_article_loads_and_the_failure_is_quarantined(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(analysis, "find_quotes", _broken)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text("Border raid\n\n" + STORY, encoding="utf-8")
    batch = _process_batch(list(discover(tmp_path / "in")), {}, "run-1")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load.ensure_schema(con)
    load.load_batch(con, batch.tables)

    assert con.execute("SELECT status, error FROM source_files").fetchall() == [("loaded", None)]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 1
    [(table, article_id, failure, run_id)] = con.execute(
        "SELECT table_name, article_id, failure, run_id FROM rejected_rows"
    ).fetchall()
    assert (table, run_id) == ("quotes", "run-1")
    assert article_id == con.execute("SELECT article_id FROM articles").fetchone()[0]
    assert failure == (
        "the quotes stage failed, so the article was loaded without its quotes: "
        "internal error: ValueError: a bug met on unusual text"
    )
