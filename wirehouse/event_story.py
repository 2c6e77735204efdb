"""The story around a sentence: the article's home country, its two sides, its latest exchange."""

from __future__ import annotations

from collections.abc import Sequence

from wirehouse.event_actors import Actor, Word
from wirehouse.event_words import ADJACENT, _actor1, _actor2, _home_actor
from wirehouse.model import Entity, Event, Mention


def _crisis_place(
    text: str, sentences: list[list[Word]], known: Sequence[tuple[Mention, Entity]]
) -> Entity | None:
    """The country the lead sentence places the story in ("Fighting in Chad has ..."): where
    aid pledged with no recipient named is going."""
    if not sentences:
        return None
    lead_end = sentences[0][-1].end
    placed = None
    for mention, entity in known:
        if mention.start_char >= lead_end:
            break
        if entity.type != "GPE" or not entity.country_code or not entity.cameo_code:
            continue
        before = text[max(0, mention.start_char - 5) : mention.start_char].lower()
        if before.endswith(("help ", " to ", " for ")):
            return entity  # "pledged $410 million to help Chad": the aid's own recipient
        if before.endswith(" in ") and placed is None:
            placed = entity
    return placed


def _previous_source(
    events: Sequence[Event], by_id: dict[str, Entity], start: int
) -> Entity | None:
    """The country or organisation that acted in the sentence just before `start`: what a
    sentence-initial "It" continues ("Rwanda denied the accusation. It also accused ...")."""
    if not events or start - events[-1].sentence_end > ADJACENT:
        return None
    entity = by_id.get(events[-1].actor1_entity_id or "")
    return entity if entity is not None and entity.type in ("GPE", "ORG") else None


def _country_counts(
    known: Sequence[tuple[Mention, Entity]],
) -> tuple[dict[str, int], dict[str, Entity]]:
    """How often the article names each country, and each country's first entity."""
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for _, entity in known:
        if entity.type == "GPE" and entity.country_code:
            counts[entity.country_code] = counts.get(entity.country_code, 0) + 1
            first.setdefault(entity.country_code, entity)
    return counts, first


def _home_country(known: Sequence[tuple[Mention, Entity]]) -> Entity | None:
    """The country the article names most often (for "the authorities", "protesters")."""
    counts, first = _country_counts(known)
    if not counts:
        return None
    return first[max(counts, key=lambda code: counts[code])]


def _latest_pair(history: Sequence[Event]) -> list[Actor]:
    """The two sides of the latest event with two ("Kenya and Somalia agreed", "hosted
    delegations from Russia and Ukraine"): what a later "both sides" stands for."""
    if not history:
        return []
    last = history[-1]
    for event in reversed(history):
        if (event.sentence_start, event.event_code) != (last.sentence_start, last.event_code):
            last = event
        same = [
            e
            for e in history
            if (e.sentence_start, e.event_code, e.event_text)
            == (event.sentence_start, event.event_code, event.event_text)
        ]
        for side in (  # "welcomed by the US and Britain": the welcomed are the two sides
            {e.actor2_code: _actor2(e) for e in same if e.actor2_code},
            {e.actor1_code: _actor1(e) for e in same},
        ):
            if len(side) == 2 and _two_sides(list(side)):
                return list(side.values())
    return []


def _two_sides(codes: list[str]) -> bool:
    """Two countries, or two armed or political sides of one ("Sudan's army and the RSF")."""
    one, other = codes
    if not one or not other:
        return False
    if one[:3] != other[:3]:
        return True
    return len(one) > 3 and len(other) > 3 and one[3:6] != other[3:6]


def _opposed(sides: list[Actor], history: Sequence[Event]) -> list[Actor]:
    """The two sides, if a conflict between them has been coded (demands, accusations,
    rejections, force): what a mediator mediates and a demand with no one named is made of."""
    if len(sides) != 2:
        return []
    pair = {sides[0].code[:3], sides[1].code[:3]}
    between = any(
        {(e.actor1_code or "")[:3], (e.actor2_code or "")[:3]} == pair and e.event_code >= "10"
        for e in history
    )
    return list(sides) if between else []


def _last_exchange(history: Sequence[Event]) -> list[Actor]:
    """The two countries of the latest event between two ("Somalia rejected Kenya's ...")."""
    for event in reversed(history):
        a, b = event.actor1_code or "", event.actor2_code or ""
        if a[:3].isalpha() and b[:3].isalpha() and "IGO" not in (a[:3], b[:3]) and a[:3] != b[:3]:
            return [_actor1(event), _actor2(event)]
    return []


def _main_pair(known: Sequence[tuple[Mention, Entity]]) -> list[Actor]:
    """The two countries an article is about, when two clearly lead the others."""
    counts, first = _country_counts(known)
    ranked = sorted(counts, key=lambda code: -counts[code])
    if len(ranked) < 2 or counts[ranked[1]] < 2:
        return []
    if len(ranked) > 2 and counts[ranked[1]] < 1.5 * counts[ranked[2]]:
        return []
    return [_home_actor(first[code]) for code in ranked[:2]]


def _dominant(known: Sequence[tuple[Mention, Entity]], home: Entity | None) -> bool:
    """Whether the article is clearly about `home`: named at least twice, and half again as
    often as any other country (an article about two sides has no default country)."""
    if home is None:
        return False
    counts: dict[str, int] = {}
    for _, entity in known:
        if entity.type == "GPE" and entity.country_code:
            counts[entity.country_code] = counts.get(entity.country_code, 0) + 1
    top = counts.pop(home.country_code or "", 0)
    return top >= 2 and all(top >= 1.5 * other for other in counts.values())
