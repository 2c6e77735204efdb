"""Word and actor tests shared by the event coder's modules."""

from __future__ import annotations

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word
from wirehouse.model import Entity, Event

ADJACENT = 3  # characters between two sentences that follow each other (a paragraph break)
SPEECH_ROOTS = frozenset(f"{root:02d}" for root in range(1, 14))
PLACE_NOUNS = frozenset(
    {"street", "outskirts", "centre", "center", "city", "town", "port", "province", "region"}
    | {"suburb", "heart", "area", "coast", "capital", "village"}
    | {"sea", "gulf", "bay", "strait", "island", "waters"}  # "the Sea of Japan"
)
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "into", "across", "outside"})
PASSIVE_AUX = frozenset({"be", "get"})


def _is_country(actor: Actor) -> bool:
    return not actor.unplaced and actor.code[:3].isalpha() and actor.code[:3] != "IGO"


def _clause_bounds(words: list[Word], head: int) -> tuple[int, int]:
    first = 0
    for k in range(head - 1, -1, -1):
        if words[k].text == ";" or _new_clause(words, k):
            first = k + 1
            break
    last = len(words)
    for k in range(head + 1, len(words)):
        if words[k].text == ";" or _new_clause(words, k):
            last = k + 1 if words[k].text == "?" else k
            break
    return first, last


DECISION_NOUNS = frozenset({"decision", "move"})


CONDITIONS = frozenset({"if", "unless"})
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


def _gerund_head(words: list[Word], k: int) -> bool:
    """An -ing form of a dictionary verb with an object ("condemning North Korea's launch"):
    the head of another event, unlike a noun ("a warning from China", "financing to Kenya")."""
    word = words[k]
    following = words[k + 1] if k + 1 < len(words) else None
    return (
        word.lower.endswith("ing")
        and word.lemma in cameo.verb_patterns()
        and following is not None
        and following.text.isalpha()
        and following.lower not in PREPOSITIONS
    )


def _finite_head(word: Word) -> bool:
    """A past-tense dictionary verb ("fired"): the head of another event, never an object."""
    return word.inflected_ed and word.lemma in cameo.verb_patterns()


def _plain_noun(word: Word) -> bool:
    plural = word.lower == word.lemma + "s"  # "ships", "strikes": nouns here, not verbs
    return (
        word.text.isalpha()
        and word.text.islower()
        and (plural or word.lemma not in cameo.verb_patterns())
        and not cameo.kinds_of(word.lower)
        and not word.lower.endswith("ly")
    )


def _participle(word: Word) -> bool:
    return word.lower != word.lemma and not word.lower.endswith(("ing", "s"))


PREPOSITIONS = frozenset(
    {"to", "with", "by", "for", "of", "at", "from", "against", "about", "on", "in", "into"}
    | {"over", "than", "between", "among"}
)


def _next_clause_subject(words: list[Word], actor: Actor) -> bool:
    """An actor after "and" followed by its own verb opens a clause ("and Germany deployed")."""
    if actor.first == 0 or words[actor.first - 1].lower != "and":
        return False
    following = actor.last + 1
    if following >= len(words):
        return False
    word = words[following]
    kinds = cameo.kinds_of(word.lower)
    verb = word.lemma in cameo.verb_patterns() or word.lower in cameo.verb_patterns()
    return verb or bool(kinds & {"speech", "aux", "modal", "negation"})


def _participial_clause(words: list[Word], k: int) -> bool:
    """ "condemned the launch, calling it a violation of UN resolutions": a comma before an
    -ing word opens an aside with roles of its own."""
    following = words[k + 1].lower if k + 1 < len(words) else ""
    return words[k].text == "," and following.endswith("ing") and len(following) > 5


def _new_clause(words: list[Word], k: int) -> bool:
    """A comma followed by a coordinator opens a clause of its own (", and", ", but")."""
    following = words[k + 1].lower if k + 1 < len(words) else ""
    return words[k].text == "," and following in ("and", "but", "while", "yet")


def _home_actor(home: Entity) -> Actor:
    return Actor(
        home.cameo_code or home.country_code or "", home.name, home.entity_id, -1, -1, "GPE"
    )


def _countries(actors: list[Actor]) -> set[str]:
    return {a.code[:3] for a in actors}


def _adverb(word: Word) -> bool:
    """ "also", "swiftly": an adverb from the table, or a word in -ly (none is a noun here)."""
    lower = word.lower
    return "adverb" in cameo.kinds_of(lower) or (lower.endswith("ly") and lower.isalpha())


def _actor1(event: Event) -> Actor:
    return _coded_actor(event.actor1_code, event.actor1_name, event.actor1_entity_id)


def _actor2(event: Event) -> Actor:
    return _coded_actor(event.actor2_code, event.actor2_name, event.actor2_entity_id)


def _coded_actor(code: str | None, name: str | None, entity_id: str | None) -> Actor:
    """An actor of an event already coded, standing for no words of its own."""
    return Actor(code or "", name or "", entity_id or "", -1, -1, "AGENT")
