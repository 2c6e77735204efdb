"""Amounts: numbers with what they count, in the spirit of GDELT's knowledge graph.

`find_amounts(text)` finds "between 10,000 and 12,000 soldiers" (10000..12000 soldiers),
"another 3,000 troops", "€100 million in aid" (1e8, unit EUR, counted "aid"),
"about 8% of its workforce" (8, unit percent, counted "workforce") and number words
("two dozen", "hundreds of protesters"). Dates, years and clock times are not amounts.
Word lists (scales, currencies, number words, qualifiers) are in data/amounts/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wirehouse.model import Amount
from wirehouse.resources import read_csv_rows

_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]*")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Words:
    numbers: dict[str, float]  # "two" -> 2, "dozen" -> 12
    vague: dict[str, tuple[float, float]]  # "hundreds" -> (200, 999)
    scales: dict[str, float]  # "million" -> 1e6, "bn" -> 1e9
    symbols: dict[str, str]  # "€" -> EUR, "US$" -> USD
    currency_words: dict[str, str]  # "euros" -> EUR
    qualifiers: tuple[str, ...]  # "about", "more than", "another"
    not_units: frozenset[str]  # words after a number that are not what it counts
    months: frozenset[str]
    plurals: frozenset[str]  # plural nouns not ending in -s: people, police, staff
    salient: frozenset[str]  # what a small spelled-out count is worth keeping for


@cache
def words() -> Words:
    rows = read_csv_rows("amounts", "words.csv")

    def group(name: str) -> list[dict[str, str]]:
        return [row for row in rows if row["group"] == name]

    return Words(
        numbers={r["word"]: float(r["low"]) for r in group("number")},
        vague={r["word"]: (float(r["low"]), float(r["high"])) for r in group("vague")},
        scales={r["word"]: float(r["low"]) for r in group("scale")},
        symbols={r["word"]: r["code"] for r in group("symbol")},
        currency_words={r["word"]: r["code"] for r in group("currency")},
        qualifiers=tuple(sorted((r["word"] for r in group("qualifier")), key=len, reverse=True)),
        not_units=frozenset(r["word"] for r in group("not_unit")),
        months=frozenset(r["word"] for r in group("month")),
        plurals=frozenset(r["word"] for r in group("plural")),
        salient=frozenset(r["word"] for r in group("salient")),
    )


def _alternation(options) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    w = words()
    number = rf"(?:{_DIGITS}|(?:{_alternation(w.numbers)})(?:[ -](?:{_alternation(w.numbers)}))*)"
    scale = rf"(?:\s?(?:{_alternation(w.scales)})\b)?"
    symbol = rf"(?:{_alternation(w.symbols)})?"
    value = rf"{symbol}(?:half an? (?:million|billion)|{number}{scale})"
    pct = r"(?:\s?%| per ?cent)?"
    vague = rf"(?:(?:tens|hundreds) of )?(?:{_alternation(w.vague)}) of"
    qualifier = rf"(?:(?:{_alternation(w.qualifiers)}) )?"
    return re.compile(
        rf"(?<![\w.,'’-])(?:{qualifier}(?:between (?P<low>{value}){pct} and (?P<high>{value})"
        rf"|from (?P<low2>{value}){pct} to (?P<high2>{value})"
        rf"|(?P<one>{value})(?:{pct}(?:\s?-\s?|–| to )(?P<high3>{value}))?)"
        rf"|(?P<vague>{vague}))"
        rf"(?P<percent>\s?%| per ?cent)?(?![\w])",
        re.IGNORECASE,
    )


def _number(text: str) -> float | None:
    """The value of "12,000", "1.2 billion", "€100m", "two dozen", "thirty-five"."""
    w = words()
    text = text.strip()
    half = re.fullmatch(r"(.*)half an? (million|billion)", text, re.IGNORECASE)
    if half:
        return 0.5 * w.scales[half.group(2).lower()]
    for symbol in sorted(w.symbols, key=len, reverse=True):
        if text.startswith(symbol):
            text = text[len(symbol) :].strip()
            break
    scale = 1.0
    for word, factor in sorted(w.scales.items(), key=lambda item: -len(item[0])):
        if text.lower().endswith(word) and (
            len(text) == len(word) or not text[-len(word) - 1].isalpha()
        ):
            text, scale = text[: -len(word)].strip(), factor
            break
    if re.fullmatch(_DIGITS, text):
        return float(text.replace(",", "")) * scale
    total, current = 0.0, 0.0
    for part in re.split(r"[ -]+", text.lower()):
        if part not in w.numbers:
            return None
        value = w.numbers[part]
        if value in (100.0,) and current:
            current *= value
        elif value >= 1000:
            total += (current or 1) * value
            current = 0.0
        elif value == 12 and current:
            current *= value  # "two dozen"
        else:
            current += value
    return (total + current) * scale or None


def _currency(value_text: str) -> str | None:
    for symbol, code in sorted(words().symbols.items(), key=lambda item: -len(item[0])):
        if value_text.strip().startswith(symbol):
            return code
    return None


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """What the number counts: the head noun of the words after it ("4,870 measles cases" ->
    "cases", "two Belarusian diplomats" -> "diplomats"), "of" skipped."""
    w = words()
    lead = re.match(r"\s+(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?)?", text[end:])
    stop = end + (lead.end() if lead else 0)
    found: list[tuple[str, int]] = []
    word = _WORD.match(text, stop)
    while word and len(found) < 3 and word.group(1).lower() not in w.not_units:
        token = word.group(1)
        found.append((token, word.end(1)))
        following = _WORD.match(text, word.end())
        if token.islower() and (_plural(token) or token in w.plurals):
            compound = following and _plural(following.group(1))
            return (following.group(1), following.end(1)) if compound else (token, word.end(1))
        word = following
    if found and found[0][0].islower():
        return found[0]
    return None, end


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_date_or_year(text: str, start: int, end: int, value: float) -> bool:
    w = words()
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12].split()
    near = {token.strip(",.").lower() for token in before[-1:] + after[:1]}
    if near & w.months:
        return True
    if text[end : end + 1] == ":" or text[max(0, start - 1) : start] == ":":
        return True
    digits = re.sub(r"^\D+", "", text[start:end].strip())
    return bool(re.fullmatch(r"(1[89]|20)\d\d", digits)) and 1800 <= value <= 2100


def find_amounts(text: str) -> list[Amount]:
    """Every amount in the text, in order; offsets index `text`."""
    found: list[Amount] = []
    for match in _pattern().finditer(text):
        amount = _amount(text, match)
        if amount:
            found.append(amount)
    return found


def _amount(text: str, match: re.Match[str]) -> Amount | None:
    groups = match.groupdict()
    start, end = match.span()
    currency = None
    if groups["vague"]:
        low, high = _vague(groups["vague"])
    else:
        low_text = groups["low"] or groups["low2"] or groups["one"]
        high_text = groups["high"] or groups["high2"] or groups["high3"] or low_text
        low, high = _number(low_text), _number(high_text)
        if low is None or high is None or high < low:
            return None
        if _is_date_or_year(text, start, end, low):
            return None
        currency = _currency(low_text) or _currency(high_text)
    if groups["percent"]:
        counted, stop = _unit_after(text, end)
        stop = stop if counted and re.match(r"\s+of\b", text[end:]) else end
        return Amount(text[start:stop], low, high, "percent", start, stop, counted)
    if not currency:
        following = re.match(r"\s+([A-Za-z]+)", text[end:])
        if following and following.group(1).lower() in words().currency_words:
            currency = words().currency_words[following.group(1).lower()]
            end += following.end()
    if currency:
        purpose = re.match(r"\s+(?:in|of)\s+([a-z][a-z-]*)", text[end:])
        counted = None
        if (
            purpose
            and purpose.group(1) not in words().not_units
            and not purpose.group(1).endswith("ing")
        ):
            counted, end = purpose.group(1), end + purpose.end()
        return Amount(text[start:end], low, high, currency, start, end, counted)
    counted, stop = _unit_after(text, end)
    if counted is None:
        return None
    spelled = not re.search(r"\d", match.group(0))
    if spelled and not groups["vague"] and low < 10 and counted not in words().salient:
        return None  # "two sides", "four decades": small spelled counts of what matters only
    return Amount(text[start:stop], low, high, counted, start, stop, counted)


def _vague(phrase: str) -> tuple[float, float]:
    """ "hundreds of" -> 200..999; "tens of thousands of" -> 20,000..99,999."""
    parts = phrase.lower().split()
    low, high = words().vague[parts[-2]]
    if len(parts) > 3:  # "tens of thousands of", "hundreds of millions of"
        base = low / 2  # the vague word's unit: thousands -> 1,000
        size = 10 if parts[0] == "tens" else 100
        low, high = 2 * size * base, 10 * size * base - 1
    return low, high
