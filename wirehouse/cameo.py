"""The CAMEO vocabulary the event coder reads: event codes, verb patterns, agents, function words.

Everything here is plain data from data/cameo/ (and the gazetteer's agent words), loaded once;
words are compared as lower-case lemmas from spaCy's lookup tables (spacy-lookups-data).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.lookups import Table, load_lookups

from wirehouse.resources import data_path, read_csv_rows

ACTOR_SLOT = "$"


@dataclass(frozen=True)
class EventCode:
    code: str
    name: str
    root_code: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class VerbPattern:
    """One dictionary row: a head lemma, its particle and object slots, and the code they give."""

    head: str
    pos: str  # verb or noun
    particle: frozenset[str]  # empty: none required
    slots: tuple[frozenset[str], ...]  # in order after the head; ACTOR_SLOT marks an actor
    code: str
    one_sided: bool
    reverse: bool
    conditional: bool = False  # coded only as a conditional statement ("would respond if")
    felt: bool = False  # "was concerned by X": the subject feels it; a passive form, not voice

    @property
    def specificity(self) -> int:
        return (1 if self.particle else 0) + len(self.slots)


@cache
def _lemma_table() -> Table:
    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lower-case lemma of a word from spaCy's English lookup table (the word itself if unknown)."""
    lower = word.lower()
    return _lemma_table().get(lower, lower)


@cache
def event_codes() -> dict[str, EventCode]:
    return {
        row["code"]: EventCode(
            row["code"],
            row["name"],
            row["root_code"],
            int(row["quad_class"]),
            float(row["goldstein"]),
        )
        for row in read_csv_rows("cameo", "event_codes.csv")
    }


def _alternatives(field: str) -> frozenset[str]:
    return frozenset(word for word in field.split("|") if word)


@cache
def verb_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Patterns by head lemma, most specific first."""
    by_head: dict[str, list[VerbPattern]] = {}
    for row in read_csv_rows("cameo", "verbs.csv"):
        flags = set(row.get("flags", "").split())
        slots = tuple(_alternatives(slot) for slot in row["object"].split())
        for head in _alternatives(row["verb"]):
            pattern = VerbPattern(
                head=head,
                pos=row["pos"] or "verb",
                particle=_alternatives(row["particle"]),
                slots=slots,
                code=row["code"],
                one_sided="one_sided" in flags,
                reverse="reverse" in flags,
                conditional="conditional" in flags,
                felt="felt" in flags,
            )
            by_head.setdefault(head, []).append(pattern)
    return {head: tuple(sorted(patterns, key=precedence)) for head, patterns in by_head.items()}


def precedence(pattern: VerbPattern) -> tuple[int, int, bool]:
    """More words matched first; then the deeper code ("military aid": 072 before 070)."""
    return (-pattern.specificity, -len(pattern.code), pattern.code.endswith("0"))


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Word -> its kinds (aux, modal, negation, control, determiner, clause_break, ...)."""
    kinds: dict[str, set[str]] = {}
    for row in read_csv_rows("cameo", "function_words.csv"):
        kinds.setdefault(row["word"], set()).add(row["kind"])
    return {word: frozenset(found) for word, found in kinds.items()}


@lru_cache(maxsize=65536)
def kinds_of(word: str) -> frozenset[str]:
    table = function_words()
    lower = word.lower()
    return table.get(lower, frozenset()) | table.get(lemma(lower), frozenset())


@cache
def agent_words() -> dict[tuple[str, ...], str]:
    """Agent phrase as a tuple of lemmas ("armed", "force") -> CAMEO agent code ("MIL")."""
    rows = gazetteer_rows("agents.csv") + read_csv_rows("cameo", "agents.csv")
    return {tuple(lemma(word) for word in row["word"].split()): row["agent_code"] for row in rows}


def gazetteer_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the entity layer's table data/gazetteer/<name>; none while it is absent."""
    return read_csv_rows("gazetteer", name) if data_path("gazetteer", name).exists() else ()


@cache
def agent_first_words() -> frozenset[str]:
    """The first lemma of every agent phrase (a quick test before a phrase lookup)."""
    return frozenset(words[0] for words in agent_words())


@cache
def longest_agent() -> int:
    return max(len(words) for words in agent_words())


@cache
def coref_pronouns() -> frozenset[str]:
    """Personal pronouns (the quotes stage's table)."""
    return frozenset(row["pronoun"] for row in read_csv_rows("quotes", "pronouns.csv"))


@cache
def event_nouns() -> dict[str, frozenset[str]]:
    """Noun lemma -> roots of the earlier event it can point back to ("expulsion" -> 16, 17)."""
    return {
        lemma(row["noun"]): frozenset(row["roots"].split())
        for row in read_csv_rows("cameo", "event_nouns.csv")
    }


@cache
def intent_codes() -> dict[str, str]:
    """Root of a cooperative act -> the 03 code for announcing readiness to do it."""
    return {row["root"]: row["intent_code"] for row in read_csv_rows("cameo", "intent_codes.csv")}


@dataclass(frozen=True)
class Bloc:
    code: str  # CAMEO regional code ("WST"); empty for a group noun
    kind: str  # noun, adjective or group


@cache
def blocs() -> dict[tuple[str, ...], Bloc]:
    """Region and bloc lemma tuples ("western",) -> WST adjective (data/cameo/blocs.csv)."""
    return {
        tuple(lemma(word) for word in row["word"].split()): Bloc(row["code"], row["kind"])
        for row in read_csv_rows("cameo", "blocs.csv")
    }


@cache
def longest_bloc() -> int:
    return max(len(words) for words in blocs())
