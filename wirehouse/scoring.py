"""Scoring rules for the quality check: one gold article against the rows predicted for it.

Pure functions over gold annotations (the data/gold/*.gold.json format) and warehouse rows as
dicts; wirehouse.evaluate reads the warehouse and prints the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

HOLDOUT_DIR = "unseen"  # gold articles kept out of tuning: scored, never used to set a floor
QUOTE_OVERLAP = 0.8  # share of tokens two quote texts must have in common to count as one quote
AMOUNT_TOLERANCE = 0.005  # relative difference allowed between a gold and a predicted value

Row = dict[str, Any]


def is_holdout(relative_path: str) -> bool:
    """Whether a gold input (its path relative to the gold folder) is in the unseen holdout."""
    return relative_path.split("/", 1)[0] == HOLDOUT_DIR


# ---------------------------------------------------------------------------------- tallies


@dataclass
class Tally:
    """hit out of total; the rate is None when there was nothing to score."""

    hit: float = 0
    total: float = 0

    def add(self, hit: bool | float, total: float = 1) -> None:
        self.hit += float(hit)
        self.total += total

    def __iadd__(self, other: Tally) -> Tally:
        self.hit += other.hit
        self.total += other.total
        return self

    @property
    def rate(self) -> float | None:
        return self.hit / self.total if self.total else None


# The measures, in the order the report prints them. "entities.spurious" is a count per article
# (hit = spurious entities, total = 1 article), so its rate is the mean per article.
MEASURES = (
    "quotes.recall",
    "quotes.precision",
    "quotes.speaker",
    "quotes.exact_text",
    "entities.recall",
    "entities.surface",
    "entities.spurious",
    "entities.type",
    "entities.code",
    "events.recall",
    "events.recall_required",
    "events.precision",
    "events.not_events",
    "events.hypothetical",
    "events.date",
    "amounts.recall",
    "metadata",
    "boilerplate",
    "body",
)


@dataclass
class ArticleScore:
    gold_file: str
    input_path: str
    loaded: bool
    tallies: dict[str, Tally] = field(default_factory=lambda: {m: Tally() for m in MEASURES})
    misses: list[str] = field(default_factory=list)

    def miss(self, section: str, text: str) -> None:
        self.misses.append(f"{section}: {text}")


# ------------------------------------------------------------------------------ normalising

_QUOTE_MARKS = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u201c\u201d\u201e\u00ab\u00bb\u00a0",
    "'''''''\"\"\"\"\" ",
)
_TOKEN = re.compile(r"\w+(?:'\w+)*")


def normalise(text: str | None) -> str:
    """Casefolded text with straight quotes and single spaces, for comparing strings."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split()).casefold()


def tokens(text: str | None) -> Counter[str]:
    return Counter(_TOKEN.findall(normalise(text)))


def normalise_name(name: str | None) -> str:
    """A name compared loosely: no leading 'the', no trailing dot or possessive."""
    text = normalise(name).strip(" .,;:'\"")
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s$", "", text)


def _names(item: dict[str, Any], *keys: str) -> set[str]:
    names: set[str] = set()
    for key in keys:
        value = item.get(key)
        for name in value if isinstance(value, list) else [value]:
            if name:
                names.add(normalise_name(name))
    return names


# ----------------------------------------------------------------------------------- quotes


def _overlap(gold: Counter[str], predicted: Counter[str]) -> tuple[float, float]:
    """(share of the gold tokens the prediction covers, share of the prediction inside gold)."""
    common = sum((gold & predicted).values())
    return common / max(1, sum(gold.values())), common / max(1, sum(predicted.values()))


def _match_quote(gold: dict[str, Any], predicted: list[Row], used: set[int]) -> list[int]:
    """Indexes of the predicted quotes that make up this gold quote: one row, or its parts.

    Rows are taken greedily, biggest overlap first, while most of a row's words are words of
    the gold quote not yet covered; the gold quote is found when its words are mostly covered.
    """
    gold_tokens = tokens(gold["text"])
    candidates = [(tokens(row.get("text")), i) for i, row in enumerate(predicted) if i not in used]
    candidates.sort(key=lambda c: -sum((gold_tokens & c[0]).values()))
    residual, chosen = Counter(gold_tokens), []
    for row_tokens, index in candidates:
        common = row_tokens & residual
        if common and sum(common.values()) >= QUOTE_OVERLAP * sum(row_tokens.values()):
            chosen.append(index)
            residual -= common
    covered = gold_tokens.total() - residual.total()
    return chosen if covered >= QUOTE_OVERLAP * max(1, gold_tokens.total()) else []


def _speaker_ok(gold: dict[str, Any], speakers: list[str | None]) -> bool:
    if gold.get("speaker") is None:
        return all(not speaker for speaker in speakers)
    accepted = _names(gold, "speaker", "speaker_org", "speaker_aliases")
    return all(speaker and normalise_name(speaker) in accepted for speaker in speakers)


def score_quotes(gold: list[dict[str, Any]], predicted: list[Row], score: ArticleScore) -> None:
    t = score.tallies
    used: set[int] = set()
    # statements before scare quotes and titles: a headline's scare quote must not take the
    # body's quotation of the same words
    ordered = sorted(
        gold,
        key=lambda q: (q.get("required", True) is False, q.get("kind") in ("scare", "title")),
    )
    for quote in ordered:
        required = quote.get("required", True) is not False
        parts = _match_quote(quote, predicted, used)
        used.update(parts)
        if required:
            t["quotes.recall"].add(bool(parts))
        if not parts:
            if required:
                score.miss("quote missed", f'"{quote["text"]}" ({quote.get("speaker")})')
            continue
        if required or quote.get("kind") in ("scare", "title"):
            speakers = [predicted[i].get("speaker") for i in parts]
            ok = _speaker_ok(quote, speakers)
            t["quotes.speaker"].add(ok)
            if not ok:
                score.miss(
                    "quote speaker",
                    f'"{_short(quote["text"])}" expected {quote.get("speaker")!r}, got {speakers}',
                )
        if required:
            cover, purity = _overlap(
                tokens(quote["text"]),
                sum((tokens(predicted[i].get("text")) for i in parts), Counter()),
            )
            exact = cover >= 0.98 and purity >= 0.98
            t["quotes.exact_text"].add(exact)
            if not exact:
                got = " | ".join(str(predicted[i].get("text")) for i in parts)
                score.miss("quote text", f'expected "{quote["text"]}", got "{got}"')
    for index, row in enumerate(predicted):
        if index in used:
            t["quotes.precision"].add(True)
        elif not row.get("is_scare_quote"):
            t["quotes.precision"].add(False)
            score.miss("quote unexpected", f'"{row.get("text")}" ({row.get("speaker")})')


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------- entities


def _surface_resolved(surface: str | list[str], names: set[str], mentions: list[Row]) -> bool:
    """A mention written as this surface (or one of its listed spellings) resolves to names."""
    wanted = {normalise_name(s) for s in (surface if isinstance(surface, list) else [surface])}
    return any(
        normalise_name(m.get("text")) in wanted and normalise_name(m.get("name")) in names
        for m in mentions
    )


def _gold_entity_for(name: str, gold: list[dict[str, Any]]) -> dict[str, Any] | None:
    for entity in gold:
        if normalise_name(name) in _names(entity, "name", "aliases"):
            return entity
    return None


def score_entities(gold: list[dict[str, Any]], mentions: list[Row], score: ArticleScore) -> None:
    t = score.tallies
    predicted = {}
    for mention in mentions:
        predicted.setdefault(normalise_name(mention.get("name")), mention)
    for entity in (e for e in gold if e.get("required", True) is not False):
        names = _names(entity, "name", "aliases")
        found = next((predicted[n] for n in names if n in predicted), None)
        t["entities.recall"].add(found is not None)
        if found is None:
            score.miss("entity missed", f"{entity['name']} ({entity.get('type')})")
        else:
            _score_entity_labels(entity, found, score)
        for surface in entity.get("surface", [entity["name"]]):
            ok = _surface_resolved(surface, names, mentions)
            t["entities.surface"].add(ok)
            if not ok and found is not None:
                score.miss("surface unresolved", f"'{surface}' should resolve to {entity['name']}")
    spurious = sorted(
        {m.get("name") for m in mentions if _gold_entity_for(m.get("name") or "", gold) is None}
    )
    t["entities.spurious"].add(len(spurious))
    for name in spurious:
        score.miss("entity unexpected", str(name))


def _score_entity_labels(entity: dict[str, Any], found: Row, score: ArticleScore) -> None:
    t = score.tallies
    if entity.get("type"):
        ok = (found.get("type") or "").upper() == entity["type"].upper()
        t["entities.type"].add(ok)
        if not ok:
            score.miss(
                "entity type",
                f"{entity['name']}: expected {entity['type']}, got {found.get('type')}",
            )
    code = entity.get("code")
    if code:
        codes = [found.get("cameo_code") or "", found.get("country_code") or ""]
        ok = any(c.upper().startswith(code.upper()) for c in codes if c)
        t["entities.code"].add(ok)
        if not ok:
            score.miss(
                "entity code",
                f"{entity['name']}: expected {code}, got "
                f"{found.get('cameo_code')}/{found.get('country_code')}",
            )


# ----------------------------------------------------------------------------------- events


def _actor_ok(spec: Any, code: str | None) -> bool:
    if isinstance(spec, list):
        return any(_actor_ok(s, code) for s in spec)
    if spec == "*":
        return True
    if spec is None:
        return not code
    return bool(code) and str(code).upper().startswith(str(spec).upper())


def _root(row: Row) -> str:
    root = row.get("event_root_code") or str(row.get("event_code") or "")[:2]
    return str(root).zfill(2)


def event_matches(gold: dict[str, Any], row: Row) -> bool:
    if _root(row) not in {str(r).zfill(2) for r in gold.get("roots", [])}:
        return False
    a1, a2 = row.get("actor1_code"), row.get("actor2_code")
    direct = _actor_ok(gold.get("actor1"), a1) and _actor_ok(gold.get("actor2"), a2)
    swapped = _actor_ok(gold.get("actor1"), a2) and _actor_ok(gold.get("actor2"), a1)
    return direct or (bool(gold.get("symmetric")) and swapped)


def _describe_event(row: Row) -> str:
    flag = " hypothetical" if row.get("is_hypothetical") else ""
    text = f" [{row.get('event_text')}]" if row.get("event_text") else ""
    return (
        f"{row.get('actor1_code')} -> {row.get('actor2_code')} {row.get('event_code')}{flag}{text}"
    )


def _describe_gold_event(event: dict[str, Any]) -> str:
    return (
        f"{event.get('actor1')} -> {event.get('actor2')} roots {event.get('roots')}: "
        f"{event.get('what', '')}"
    )


def score_events(gold: dict[str, Any], predicted: list[Row], score: ArticleScore) -> None:
    t = score.tallies
    events = gold.get("events", [])
    used: set[int] = set()
    for event in sorted(events, key=lambda e: e.get("required", True) is False):
        required = event.get("required", True) is not False
        index = next(
            (i for i, row in enumerate(predicted) if i not in used and event_matches(event, row)),
            None,
        )
        t["events.recall"].add(index is not None)
        if required:
            t["events.recall_required"].add(index is not None)
        if index is None:
            if required:
                score.miss("event missed", _describe_gold_event(event))
            continue
        used.add(index)
        _score_event_details(event, predicted[index], score)
    for row in predicted:
        ok = any(event_matches(event, row) for event in events)
        t["events.precision"].add(ok)
        if not ok:
            score.miss("event unexpected", _describe_event(row))
    _score_not_events(gold.get("not_events", []), predicted, score)


def _score_event_details(event: dict[str, Any], row: Row, score: ArticleScore) -> None:
    t = score.tallies
    expected = bool(event.get("hypothetical", False))
    ok = bool(row.get("is_hypothetical")) == expected
    t["events.hypothetical"].add(ok)
    if not ok:
        score.miss("event hypothetical", f"expected {expected}: {_describe_event(row)}")
    if event.get("date") and "event_date" in row:
        got = _as_date(row.get("event_date"))
        ok = got is not None and got.isoformat() == event["date"]
        t["events.date"].add(ok)
        if not ok:
            score.miss("event date", f"expected {event['date']}, got {got}: {_describe_event(row)}")


def _score_not_events(
    not_events: list[dict[str, Any]], predicted: list[Row], score: ArticleScore
) -> None:
    for event in not_events:
        wrong = [r for r in predicted if not r.get("is_hypothetical") and event_matches(event, r)]
        score.tallies["events.not_events"].add(not wrong)
        for row in wrong:
            score.miss("negated event coded", f"{_describe_event(row)} ({event.get('what', '')})")


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------- amounts

_UNIT_WORDS = {
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage": "percent",
    "€": "eur",
    "$": "usd",
    "£": "gbp",
    "¥": "jpy",
}


def _unit_words(unit: str | None) -> list[str]:
    text = _UNIT_WORDS.get(normalise(unit), normalise(unit))
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[\w-]+", text)]


def _unit_ok(gold: str | None, predicted: str | None) -> bool:
    wanted, got = _unit_words(gold), _unit_words(predicted)
    if not wanted:
        return True
    return bool(got) and (wanted == got or wanted[-1] == got[-1] or " ".join(wanted) in got)


def _gold_range(amount: dict[str, Any]) -> tuple[float, float]:
    low = amount.get("low", amount.get("value"))
    high = amount.get("high", amount.get("value", low))
    return float(low), float(high)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= AMOUNT_TOLERANCE * max(1.0, abs(b))


def amount_matches(gold: dict[str, Any], row: Row) -> bool:
    units = [gold.get("unit"), *gold.get("unit_alternatives", [])]
    if row.get("low") is None or not any(_unit_ok(u, row.get("unit")) for u in units):
        return False
    low, high = _gold_range(gold)
    got_low = float(row["low"])
    got_high = float(row["high"]) if row.get("high") is not None else got_low
    if gold.get("vague"):
        return got_low <= high and got_high >= low
    return _close(got_low, low) and _close(got_high, high)


def score_amounts(gold: list[dict[str, Any]], predicted: list[Row], score: ArticleScore) -> None:
    used: set[int] = set()
    for amount in (a for a in gold if a.get("required", True) is not False):
        index = next(
            (i for i, row in enumerate(predicted) if i not in used and amount_matches(amount, row)),
            None,
        )
        score.tallies["amounts.recall"].add(index is not None)
        if index is None:
            low, high = _gold_range(amount)
            score.miss(
                "amount missed", f'"{amount.get("text")}" = {low:g}..{high:g} {amount.get("unit")}'
            )
        else:
            used.add(index)
    for index, row in enumerate(predicted):
        if index not in used and not any(amount_matches(a, row) for a in gold):
            score.miss(
                "amount unexpected",
                f'"{row.get("text")}" = {row.get("low")}..{row.get("high")} {row.get("unit")}',
            )


# ------------------------------------------------------------------------- metadata, body


def _author_names(text: str) -> set[str]:
    return {normalise(name) for name in re.split(r";|\band\b|&", text) if name.strip()}


def _metadata_ok(name: str, expected: str, got: Any) -> bool:
    if got is None:
        return False
    if name == "published":
        when = got if isinstance(got, datetime) else None
        dates = {_as_date(got)}
        if when is not None and when.tzinfo is not None:
            dates.add(when.astimezone(UTC).date())
        return expected[:10] in {d.isoformat() for d in dates if d}
    if name == "url":
        return str(got).rstrip("/") == expected.rstrip("/")
    if name == "author":  # every author the gold names is one of those found
        return _author_names(expected) <= _author_names(re.sub(r"^by\s+", "", str(got), flags=re.I))
    return normalise(str(got)) == normalise(expected)


def score_article_text(gold: dict[str, Any], article: Row, score: ArticleScore) -> None:
    t = score.tallies
    expected = {"title": gold.get("title"), **{k: v for k, v in gold.get("metadata", {}).items()}}
    columns = {
        "title": "title",
        "author": "author",
        "published": "published_at",
        "source": "source",
        "url": "url",
    }
    for name, value in expected.items():
        if value is None or name not in columns:
            continue
        got = article.get(columns[name])
        ok = _metadata_ok(name, str(value), got)
        t["metadata"].add(ok)
        if not ok:
            score.miss("metadata", f"{name}: expected {value!r}, got {got!r}")
    body = normalise(article.get("body"))
    for text in gold.get("boilerplate_not_in_body", []):
        ok = normalise(text) not in body
        t["boilerplate"].add(ok)
        if not ok:
            score.miss("boilerplate in body", repr(text))
    for text in gold.get("body_contains", []):
        ok = normalise(text) in body
        t["body"].add(ok)
        if not ok:
            score.miss("body lacks", repr(text))
