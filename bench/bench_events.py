"""Benchmark: milliseconds per article spent coding CAMEO events (parsing and entities excluded).

Runs the tuned gold articles (data/gold without its unseen/ holdout) through parse and the
entity layer once, then times `find_events` alone over several rounds.
Usage: python bench/bench_events.py [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from wirehouse.entities import find_entities
from wirehouse.events import find_events
from wirehouse.extract import extract
from wirehouse.nlp import parse
from wirehouse.read import discover, file_bytes, read_records
from wirehouse.resources import data_path
from wirehouse.scoring import is_holdout


def prepared(root: Path) -> list[tuple]:
    items = []
    for source in discover(root):
        if source.path.endswith((".gold.json", "README.md")) or is_holdout(source.path):
            continue  # the unseen holdout is scored, never read while tuning
        for raw in read_records(source, file_bytes(source)):
            article = extract(raw)
            doc = parse(article.body)
            entities, mentions = find_entities(doc)
            items.append((doc, entities, mentions, article.published_at))
    return items


def main(rounds: int = 20) -> None:
    items = prepared(data_path("gold"))
    for item in items:  # warm the vocabulary and lookup caches
        find_events(*item)
    started = time.perf_counter()
    events = 0
    for _ in range(rounds):
        for item in items:
            events += len(find_events(*item))
    elapsed = time.perf_counter() - started
    runs = rounds * len(items)
    print(
        f"events: {len(items)} articles x {rounds} rounds, "
        f"{1000 * elapsed / runs:.2f} ms per article, {events // rounds} events per round"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
