"""Time entity recognition per article: python bench/bench_entities.py [ROUNDS]

Parses every article beside a gold file in data/gold (and the shared seed) ROUNDS times with
wirehouse.nlp.parse and wirehouse.entities.find_entities and prints milliseconds per article:
the whole parse (tokenizer, sentences, recogniser) and the tokenizer and sentencizer alone, so
the recogniser's own share is the difference. CPU time (process_time), so other load on a
shared machine does not count. Start-up (building the gazetteer) is timed apart.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_quality import DEFAULT_DIRS, articles  # noqa: E402

from wirehouse import nlp  # noqa: E402
from wirehouse.entities import find_entities  # noqa: E402


def main(rounds: int) -> None:
    started = time.process_time()
    pipeline = nlp.pipeline()
    startup = time.process_time() - started
    bodies = [body for d in DEFAULT_DIRS if d.is_dir() for _, body, _ in articles(d)]
    chars = sum(len(body) for body in bodies)

    started = time.process_time()
    for _ in range(rounds):
        for body in bodies:
            find_entities(nlp.parse(body))
    whole = (time.process_time() - started) / (rounds * len(bodies))

    base = [name for name in pipeline.pipe_names if name != "wirehouse_entities"]
    started = time.process_time()
    with pipeline.select_pipes(enable=base):
        for _ in range(rounds):
            for body in bodies:
                pipeline(body)
    tokens_only = (time.process_time() - started) / (rounds * len(bodies))

    print(f"articles {len(bodies)} (mean {chars // len(bodies)} chars), rounds {rounds}")
    print(f"start-up (gazetteer, matchers): {startup * 1000:.0f} ms once per process")
    print(f"parse + find_entities: {whole * 1000:.2f} ms/article")
    print(f"tokenizer + sentences only: {tokens_only * 1000:.2f} ms/article")
    print(f"entity recognition share: {(whole - tokens_only) * 1000:.2f} ms/article")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
