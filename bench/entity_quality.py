"""Score entity recognition and resolution against hand-annotated gold files.

    python bench/entity_quality.py [GOLD_DIR ...]   (default: data/gold and the shared seed)

For every article beside a *.gold.json file: read and extract it as the pipeline does, parse it,
find entities, and compare with the gold "entities" list:
- recall: required gold entities found under their canonical name (case-insensitive);
- resolution: gold surface forms all of whose mentions in the body resolve to that entity;
- spurious: found entities matching no gold entity's name, surface forms or aliases;
- codes: found gold entities whose cameo_code or country_code starts with the gold "code"
  (as wirehouse.scoring scores them).
Prints the misses per article, then the totals.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wirehouse import nlp
from wirehouse.entities import find_entities
from wirehouse.extract import extract
from wirehouse.read import discover, file_bytes, read_records
from wirehouse.scoring import is_holdout

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = (ROOT / "data" / "gold", ROOT.parent / "shared" / "seed")


@dataclass
class Score:
    required: int = 0
    found: int = 0
    forms: int = 0
    resolved: int = 0
    spurious: int = 0
    articles: int = 0
    codes: int = 0
    coded: int = 0
    misses: list[str] = field(default_factory=list)


def _strings(values) -> list[str]:
    """Gold lists may nest; flatten them to strings."""
    if isinstance(values, str):
        return [values]
    return [text for value in values or [] for text in _strings(value)]


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _occurrences(body: str, surface: str, mentions) -> set[tuple[int, int]]:
    """Whole-word places of a surface form that are not inside a longer mention."""
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    places = set()
    for match in pattern.finditer(body):
        start, end = match.span()
        inside = any(
            m.start_char <= start
            and end <= m.end_char
            and (m.start_char, m.end_char) != (start, end)
            for m in mentions
        )
        if not inside:
            places.add((start, end))
    return places


def score_article(body: str, gold: dict, score: Score, label: str) -> None:
    entities, mentions = find_entities(nlp.parse(body))
    names = {e.entity_id: e.name for e in entities}
    found_names = {_norm(e.name) for e in entities}
    by_name = {_norm(e.name): e for e in entities}
    known: set[str] = set()
    score.articles += 1
    owners: dict[str, set[str]] = {}  # surface form -> every gold name that lists it
    for item in gold.get("entities", []):
        for surface in _strings(item.get("surface", [])):
            owners.setdefault(_norm(surface), set()).add(_norm(item["name"]))
    for item in gold.get("entities", []):
        forms = [
            item["name"],
            *_strings(item.get("surface", [])),
            *_strings(item.get("aliases", [])),
        ]
        known.update(_norm(form) for form in forms)
        if item.get("required", True):
            score.required += 1
            if _norm(item["name"]) in found_names:
                score.found += 1
                _score_code(item, by_name[_norm(item["name"])], score, label)
            else:
                score.misses.append(f"{label}: missing {item['type']} {item['name']!r}")
        for surface in _strings(item.get("surface", [])):
            places = _occurrences(body, surface, mentions)
            if not places:
                continue
            score.forms += 1
            hits = [m for m in mentions if (m.start_char, m.end_char) in places]
            wrong = {names[m.entity_id] for m in hits}
            wrong = {name for name in wrong if _norm(name) not in owners[_norm(surface)]}
            if wrong or len(hits) < len(places):
                got = ", ".join(sorted(wrong)) or f"{len(hits)}/{len(places)} found"
                score.misses.append(f"{label}: {surface!r} should be {item['name']!r}, got {got}")
            else:
                score.resolved += 1
    for entity in entities:
        if _norm(entity.name) not in known:
            score.spurious += 1
            score.misses.append(f"{label}: spurious {entity.type} {entity.name!r}")


def _score_code(item: dict, entity, score: Score, label: str) -> None:
    code = (item.get("code") or "").upper()
    if not code:
        return
    score.codes += 1
    found = [c.upper() for c in (entity.cameo_code, entity.country_code) if c]
    if any(c.startswith(code) for c in found):
        score.coded += 1
    else:
        score.misses.append(f"{label}: {item['name']!r} code {code}, got {'/'.join(found)}")


def articles(directory: Path):
    for source in discover(directory):
        if is_holdout(source.path):
            continue
        gold_path = Path(source.absolute).with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for raw in read_records(source, file_bytes(source)):
            yield source.path, extract(raw).body, gold


def main(argv: list[str]) -> int:
    dirs = [Path(arg) for arg in argv] or [d for d in DEFAULT_DIRS if d.is_dir()]
    score = Score()
    for directory in dirs:
        for label, body, gold in articles(directory):
            score_article(body, gold, score, label)
    print("\n".join(score.misses))
    recall = score.found / max(score.required, 1)
    resolution = score.resolved / max(score.forms, 1)
    print(
        f"\narticles {score.articles}  entity recall {recall:.3f} ({score.found}/{score.required})"
        f"  resolution {resolution:.3f} ({score.resolved}/{score.forms})"
        f"  spurious/article {score.spurious / max(score.articles, 1):.2f}"
        f"  codes {score.coded / max(score.codes, 1):.3f} ({score.coded}/{score.codes})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
