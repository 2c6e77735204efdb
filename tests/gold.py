"""The hand-annotated articles the rules were tuned on (data/gold without its unseen/
holdout), each read and extracted as the pipeline does: what the quality floors score."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from wirehouse.extract import extract
from wirehouse.model import Article
from wirehouse.read import discover, file_bytes, read_records
from wirehouse.resources import data_path
from wirehouse.scoring import is_holdout


def tuned_gold_articles() -> Iterator[tuple[dict, Article]]:
    for source in discover(data_path("gold")):
        gold_file = Path(source.absolute).with_suffix(".gold.json")
        if is_holdout(source.path) or not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for raw in read_records(source, file_bytes(source)):
            yield gold, extract(raw)
