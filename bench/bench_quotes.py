"""Time quote finding on paragraphs crowded with quotes: python bench/bench_quotes.py

One paragraph holding N short quotes, each framed by a pronoun ("He said “…” and ‘…’."), for
growing N. CPU time (process_time); the time per quote should stay flat as N grows (the
quoted spans and mentions are indexed once per article, not rescanned per quote).
"""

from __future__ import annotations

import time

from wirehouse import coref
from wirehouse.model import Entity, Mention
from wirehouse.quotes import find_quotes

ENTITIES = [Entity("trump", "Donald Trump", "PERSON"), Entity("putin", "Vladimir Putin", "PERSON")]
MENTIONS = [Mention("trump", "Trump", 0, 5), Mention("putin", "Putin", 10, 15)]


def main() -> None:
    coref.person_gender("Trump", ENTITIES[0], MENTIONS)  # loads the name table once
    for pairs in (1000, 2000, 4000, 8000):
        text = "Trump met Putin. " + "He said \u201ca\u201d and \u2018b\u2019. " * pairs
        started = time.process_time()
        quotes = find_quotes(text, ENTITIES, MENTIONS)
        seconds = time.process_time() - started
        per_quote = seconds / len(quotes) * 1e6
        print(
            f"{len(quotes):6d} quotes in one paragraph: {seconds:.3f} s ({per_quote:.0f} µs/quote)"
        )


if __name__ == "__main__":
    main()
