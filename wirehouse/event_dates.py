"""Dates of events: the day a sentence names, read against the article's publication date."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from wirehouse import cameo
from wirehouse.event_actors import Word


def _time_word(words: list[Word], k: int) -> bool:
    """A word of a time phrase between subject and verb ("Lithuania on Tuesday ordered")."""
    word = words[k]
    kinds = cameo.kinds_of(word.lower)
    if "time" in kinds or word.text.isdigit() or word.lower in _MONTHS:
        return True
    following = words[k + 1] if k + 1 < len(words) else None
    return "time_preposition" in kinds and following is not None and _time_word(words, k + 1)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTH})\b(?: (?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(rf"\b(?P<word>{'|'.join(_WEEKDAYS)}|yesterday|today)\b", re.IGNORECASE)


def _event_date(sentence: str, published_at: datetime | None) -> datetime | None:
    """The date written in the sentence, read against the published date; else published_at."""
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        found = pattern.search(sentence)
        if found:
            dated = _calendar_date(found, published_at)
            if dated:
                return dated
    found = _RELATIVE.search(sentence)
    if found and published_at is not None:
        word = found["word"].lower()
        if word == "today":
            back = 0
        elif word == "yesterday":
            back = 1
        else:
            back = (published_at.weekday() - _WEEKDAYS.index(word)) % 7
        return published_at - timedelta(days=back)
    return published_at


def _calendar_date(found: re.Match[str], published_at: datetime | None) -> datetime | None:
    month, day = _MONTHS[found["month"].lower()], int(found["day"])
    if found["year"]:
        year = int(found["year"])
    elif published_at is not None:
        year = published_at.year
    else:
        return None
    try:
        dated = datetime(year, month, day, tzinfo=published_at.tzinfo if published_at else None)
    except ValueError:
        return None
    if not found["year"] and published_at is not None and dated - published_at > timedelta(31):
        dated = dated.replace(year=year - 1)
    return dated
