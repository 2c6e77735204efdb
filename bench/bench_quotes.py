"""Time quote finding on paragraphs crowded with quotes: python bench/bench_quotes.py

One paragraph holding N short quotes for growing N: framed by a pronoun ("He said “…” and
‘…’."), then by role words that look back through the article ("the company said", "the
minister said", N organisations named). CPU time (process_time); the time per quote should stay
flat as N grows (quoted spans and mentions are indexed once per article, look-backs bisect).
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
        _time("pronoun-framed", text, ENTITIES, MENTIONS)
    for pairs in (1000, 2000, 4000):
        _time("role-framed", *_role_paragraph(pairs))


def _time(label: str, text: str, entities: list[Entity], mentions: list[Mention]) -> None:
    started = time.process_time()
    quotes = find_quotes(text, entities, mentions)
    seconds = time.process_time() - started
    per_quote = seconds / len(quotes) * 1e6
    print(f"{len(quotes):6d} {label} quotes: {seconds:.3f} s ({per_quote:.0f} µs/quote)")


def _role_paragraph(pairs: int) -> tuple[str, list[Entity], list[Mention]]:
    text, entities, mentions = "", [], []
    for n in range(pairs):
        name = f"Acme{n} Ltd"
        entities.append(Entity(f"acme{n}", name, "ORG"))
        mentions.append(Mention(f"acme{n}", name, len(text), len(text) + len(name)))
        text += f"{name} sold shares. “We are fine,” the company said. “Good,” the minister said. "
    return text, entities, mentions


if __name__ == "__main__":
    main()
