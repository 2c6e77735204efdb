"""Entities stage: the canonical entities and mentions of one parsed article.

`find_entities(doc)` turns the recogniser's spans (wirehouse.recognise, run by wirehouse.nlp)
into `Entity` rows shared across articles and `Mention` rows with offsets into the body.
Entity ids are `entity_id(name, type)`: the same canonical entity gets the same id in every
article and every run (a generically named state body, "Interior Ministry", also keys on its
country).

Helpers for the quote and event stages:
- `person_before(mentions, entities, pos)`: the PERSON entity of the nearest mention that ends
  at or before character `pos` (None when no person is named before it). Pronouns are not
  resolved here; the quotes stage owns them.
- `entity_at(mentions, entities, start, end)`: the entity of a mention overlapping that span.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from spacy.tokens import Doc

from wirehouse.model import Entity, Mention
from wirehouse.recognise import Reading

# Unlisted organisations with these agents have generic names ("Interior Ministry", "Supreme
# Court"): the same name in two countries is two bodies, so their id includes the country.
GENERIC_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def entity_id(name: str, type_: str, country: str | None = None) -> str:
    """Stable id of a canonical entity: first 16 hex digits of sha256("TYPE:name"), or of
    "TYPE:name:ISO3" for a generically named state body."""
    key = f"{type_}:{name}" if country is None else f"{type_}:{name}:{country}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _key(reading: Reading) -> str:
    generic = reading.type == "ORG" and reading.origin == "rule" and reading.agent in GENERIC_AGENTS
    return entity_id(reading.name, reading.type, reading.iso3 if generic else None)


def find_entities(doc: Doc) -> tuple[list[Entity], list[Mention]]:
    """One Entity per canonical thing in the article, and every mention of it, in order."""
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    for span in doc.ents:
        reading: Reading = span._.wh or Reading(span.text, span.label_)
        key = _key(reading)
        if key not in entities:
            entities[key] = Entity(key, reading.name, reading.type, reading.iso3, reading.cameo)
        mentions.append(
            Mention(key, span.text, span.start_char, span.end_char, reading.role, reading.kind)
        )
    return list(entities.values()), mentions


def person_before(
    mentions: Iterable[Mention], entities: Iterable[Entity], pos: int
) -> Entity | None:
    """The person most recently named before character `pos`."""
    people = {entity.entity_id: entity for entity in entities if entity.type == "PERSON"}
    best: Mention | None = None
    for mention in mentions:
        later = best is None or mention.end_char > best.end_char
        if mention.entity_id in people and mention.end_char <= pos and later:
            best = mention
    return people[best.entity_id] if best else None


def entity_at(
    mentions: Iterable[Mention], entities: Iterable[Entity], start: int, end: int
) -> Entity | None:
    """The entity of the first mention overlapping body[start:end]."""
    by_id = {entity.entity_id: entity for entity in entities}
    for mention in mentions:
        if mention.start_char < end and start < mention.end_char:
            return by_id.get(mention.entity_id)
    return None
