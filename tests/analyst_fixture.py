"""Builds the small hand-made warehouse in tests/data/analyst_warehouse.json (for the analysts'
views, examples, export and report tests) through the real load path: writer copy, then publish.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from wirehouse import load

FIXTURE = Path(__file__).parent / "data" / "analyst_warehouse.json"


def fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _span(body: str, text: str, occurrence: int = 0) -> tuple[int, int]:
    pattern = re.escape(text)
    if text[0].isalnum() and text[-1].isalnum():
        pattern = rf"\b{pattern}\b"
    found = list(re.finditer(pattern, body))
    assert len(found) > occurrence, f"{text!r} #{occurrence} not in body"
    match = found[occurrence]
    return match.start(), match.end()


def _insert(con: duckdb.DuckDBPyConnection, table: str, row: dict) -> None:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def _timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _article_rows(con: duckdb.DuckDBPyConnection, article: dict, run_id: str) -> None:
    body, article_id = article["body"], article["article_id"]
    _insert(con, "source_files", {
        "path": article["path"], "record": 0, "format": article["format"],
        "content_sha256": hashlib.sha256(body.encode()).hexdigest(), "article_id": article_id,
        "status": "loaded", "error": None, "run_id": run_id,
    })  # fmt: skip
    _insert(con, "articles", {
        **{key: article[key] for key in ("article_id", "title", "author", "url", "source")},
        "published_at": _timestamp(article["published_at"]), "language": article["language"],
        "body": body, "path": article["path"], "record": 0,
    })  # fmt: skip
    for entity_id, text, *occurrence in article["mentions"]:
        start, end = _span(body, text, *occurrence)
        _insert(con, "entity_mentions", {
            "article_id": article_id, "entity_id": entity_id, "text": text,
            "start_char": start, "end_char": end,
        })  # fmt: skip
    for number, quote in enumerate(article["quotes"]):
        start, end = _span(body, quote["text"])
        _insert(con, "quotes", {
            "quote_id": f"{article_id}-q{number}", "article_id": article_id, **quote,
            "start_char": start, "end_char": end,
        })  # fmt: skip
    for number, event in enumerate(article["events"]):
        event = dict(event)
        start, end = _span(body, event.pop("sentence"))
        day = event.pop("event_date", None)
        _insert(con, "events", {
            "event_id": f"{article_id}-e{number}", "article_id": article_id, **event,
            "event_root_code": event["event_code"][:2], "sentence_start": start,
            "sentence_end": end, "event_date": date.fromisoformat(day) if day else None,
        })  # fmt: skip
    for amount in article["amounts"]:
        start, end = _span(body, amount["text"])
        _insert(con, "amounts", {"article_id": article_id, **amount,
                                 "start_char": start, "end_char": end})  # fmt: skip


def build(db_path: str | Path) -> dict:
    """Write the fixture warehouse at db_path (published, as a run would leave it)."""
    data = fixture()
    run = data["runs"][0]
    with load.connect(db_path) as con:
        _insert(con, "runs", {
            **run, "started_at": _timestamp(run["started_at"]),
            "finished_at": _timestamp(run["finished_at"]), "input_root": "/data/in",
        })  # fmt: skip
        for entity in data["entities"]:
            _insert(con, "entities", entity)
        for article in data["articles"]:
            _article_rows(con, article, run["run_id"])
        for rejected in data["rejected_files"]:
            _insert(con, "source_files", {
                **rejected, "record": 0, "content_sha256": "0" * 64, "article_id": None,
                "status": "rejected", "run_id": run["run_id"],
            })  # fmt: skip
        for row in data["rejected_rows"]:
            _insert(con, "rejected_rows", {
                **row, "run_id": run["run_id"], "rejected_at": datetime(2025, 10, 22, tzinfo=UTC),
            })  # fmt: skip
    load.publish(db_path)
    return data
