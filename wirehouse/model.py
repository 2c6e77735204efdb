"""The records that pass between stages. Plain dataclasses: no I/O, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SourceFile:
    """A file found under the input root, before it is read."""

    path: str  # relative to the input root, POSIX separators
    absolute: str
    format: str  # txt, md, html, json, jsonl


@dataclass
class RawRecord:
    """One article's worth of decoded input (read stage output)."""

    path: str
    record: int  # 0 for single-article files; the record number in a JSON/JSONL file
    format: str
    content_sha256: str
    text: str = ""  # decoded file text (txt, md, html) or the body field (json)
    fields: dict[str, object] = field(default_factory=dict)  # metadata fields from JSON
    error: str | None = None  # set when this record cannot become an article


@dataclass
class Article:
    """A clean article (extract stage output)."""

    article_id: str
    path: str
    record: int
    format: str
    content_sha256: str
    title: str | None
    author: str | None
    url: str | None
    source: str | None
    published_at: datetime | None
    language: str | None
    body: str


@dataclass(frozen=True)
class Entity:
    """A canonical real-world thing, shared across articles."""

    entity_id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP
    country_code: str | None = None  # ISO 3166-1 alpha-3
    cameo_code: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of the body that refers to an entity."""

    entity_id: str
    text: str
    start_char: int
    end_char: int
    role: str | None = None  # a title or role written next to the name ("Foreign Minister")
    kind: str = "name"  # name, alias, pronoun, role, metonym, demonym


@dataclass
class Quote:
    text: str
    start_char: int
    end_char: int
    speaker: str | None = None
    speaker_entity_id: str | None = None
    is_scare_quote: bool = False
    speech_verb: str | None = None


@dataclass
class Event:
    actor1_code: str | None
    actor2_code: str | None
    actor1_name: str | None
    actor2_name: str | None
    event_code: str
    sentence_start: int
    sentence_end: int
    event_text: str
    actor1_entity_id: str | None = None
    actor2_entity_id: str | None = None
    is_hypothetical: bool = False
    event_date: datetime | None = None
    place_code: str | None = None
    place_entity_id: str | None = None
    quad_class: int | None = None  # from the CAMEO vocabulary (data/cameo/)
    goldstein: float | None = None


@dataclass(frozen=True)
class Amount:
    text: str
    low: float
    high: float
    unit: str | None
    start_char: int
    end_char: int
    counted: str | None = None  # what a sum of money or a percentage is of ("aid", "workforce")


@dataclass
class Analysis:
    """Everything the transform stage found in one article."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # stage -> why its rows are missing
