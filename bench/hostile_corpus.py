"""Benchmark: the hostile corpus at full size, through process_batch, file by file.

Writes the test suite's hostile corpus (tests/hostile.py) plus large variants no test should
wait for: a file just under and one over the default 20 MiB limit, HTML nested 200,000 levels,
a 10 MB single-line page, 900,000 quotation marks in a row, 60,000 short quotes, a JSONL feed
of 20,000 records with one in ten broken, JSON nested 1,000,000 levels. Prints, per file, the
seconds it took and its outcome, and fails (exit 1) when a file overruns the time limit.

Usage: python bench/hostile_corpus.py [folder]   (default: a temporary folder)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile import PARAGRAPHS, article_record, article_text, write_corpus
from wirehouse.process import DEFAULT_MAX_SECONDS, Settings, process_batch
from wirehouse.read import DEFAULT_MAX_BYTES, discover


def write_large_variants(root: Path) -> None:
    big = root / "large"
    big.mkdir(parents=True, exist_ok=True)
    filler = " ".join(PARAGRAPHS) + "\n\n"
    (big / "just_under_limit.txt").write_text(
        article_text("Under") + filler * ((DEFAULT_MAX_BYTES - 4096) // len(filler)),
        encoding="utf-8",
    )
    with (big / "over_limit.txt").open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: costs no disk
    (big / "nested_200k.html").write_text(
        "<html><body>" + "<div>" * 200_000 + "<p>deep</p></body></html>", encoding="utf-8"
    )
    (big / "one_line_10mb.html").write_text(
        "<html><body><article><p>" + "word " * 2_000_000 + "</p></article></body></html>",
        encoding="utf-8",
    )
    # just under the body limit, so they reach the quote finder
    (big / "quote_marks.txt").write_text(
        "Quotes everywhere\n\n" + "\u201c" * 900_000, encoding="utf-8"
    )
    (big / "quote_pairs.txt").write_text(
        "Quotes everywhere\n\n" + "He said \u201ca\u201d and \u2018b\u2019. " * 30_000,
        encoding="utf-8",
    )
    lines = [
        json.dumps(article_record(f"Town{n}")) if n % 10 else '{"broken": ' for n in range(20_000)
    ]
    (big / "feed_20k.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (big / "nested_1m.json").write_text("[" * 1_000_000, encoding="utf-8")


def main(folder: str | None = None) -> int:
    base = Path(folder or tempfile.mkdtemp(prefix="wirehouse-hostile-"))
    root = base / "corpus"
    write_corpus(root, base / "outside")
    write_large_variants(root)
    settings = Settings(max_bytes=DEFAULT_MAX_BYTES, max_seconds=DEFAULT_MAX_SECONDS)
    slow = 0
    process_batch(list(discover(root / "good")), {}, "warm-up", settings)
    for source in discover(root):
        started = time.perf_counter()
        result = process_batch([source], {}, "bench", settings)
        seconds = time.perf_counter() - started
        rows = result.tables["source_files"]
        loaded = int((rows["status"] == "loaded").sum())
        first_error = next((e for e in rows["error"].to_list() if e), "")
        print(f"{seconds:7.2f}s  {loaded:5d}/{rows.height:<5d} {source.path}  {first_error[:70]}")
        slow += seconds > DEFAULT_MAX_SECONDS + 5
    print(f"corpus in {base}; files over the time limit: {slow}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
