"""Coreference by rule: which named entity a pronoun ("He added"), a role ("the minister") or an
organisation word ("a spokesperson", "the alliance") stands for.

Everything works on character offsets into the article body and on the entity layer's mentions,
so quote attribution and event coding share one set of rules. Names inside quotation marks are
never antecedents: a reporter's "he" points at someone the reporter named.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol

from wirehouse.model import Entity, Mention
from wirehouse.resources import read_csv_rows

if TYPE_CHECKING:
    from wirehouse.quotes import QuoteSpan

# How far back an antecedent may be: sentences for pronouns, non-empty lines (paragraphs) for
# spokespeople and organisation words. Quoted sentences are skipped, up to QUOTED_SENTENCES of
# them, so a paragraph of thousands of quotes costs a bounded look-back per pronoun.
PRONOUN_SENTENCES = 4
QUOTED_SENTENCES = 40
ORG_PARAGRAPHS = 3
REACH_CHARS = 3000  # and no further back than this, however long the paragraphs
HOLDERS = 4  # the latest people written with a role among whom "the minister" is chosen
PREPOSITIONS = frozenset(
    (
        "to",
        "with",
        "by",
        "for",
        "of",
        "at",
        "from",
        "against",
        "about",
        "on",
        "in",
        "into",
        "over",
        "than",
        "like",
        "between",
        "among",
        "toward",
        "towards",
        "addressed",
        "including",
    )
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NON_SPACE = re.compile(r"\S")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s)|\n")


class HasText(Protocol):
    text: str


@dataclass(frozen=True)
class Pronoun:
    gender: str  # m, f, n (thing or group), x (unknown)
    number: str  # sg, pl
    person: int


@cache
def pronouns() -> dict[str, Pronoun]:
    return {
        row["pronoun"]: Pronoun(row["gender"], row["number"], int(row["person"]))
        for row in read_csv_rows("quotes", "pronouns.csv")
    }


@cache
def role_nouns() -> dict[str, str]:
    """Role noun (lower case, possibly several words) -> person, spokes or org."""
    return {row["noun"]: row["kind"] for row in read_csv_rows("quotes", "role_nouns.csv")}


@cache
def _families() -> dict[str, str]:
    return {row["noun"]: row["family"] for row in read_csv_rows("quotes", "org_noun_families.csv")}


def kindred(noun: str) -> tuple[str, ...]:
    """The organisation words naming the same kind of body as noun ("army": "military", ...)."""
    family = _families().get(noun)
    if family is None:
        return (noun,)
    return (noun, *sorted(n for n, f in _families().items() if f == family and n != noun))


@cache
def _titles() -> dict[str, str]:
    return {row["title"]: row["gender"] for row in read_csv_rows("quotes", "titles.csv")}


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbreviation"] for row in read_csv_rows("quotes", "abbreviations.csv"))


@cache
def _name_genders():
    import gender_guesser.detector  # loads a 4 MB name table: only when a pronoun needs it

    return gender_guesser.detector.Detector(case_sensitive=False)


def text_of(doc: HasText | str) -> str:
    return doc if isinstance(doc, str) else doc.text


def char_of(at: object) -> int:
    """A character offset from an int or a spaCy Token/Span."""
    if isinstance(at, int):
        return at
    idx = getattr(at, "idx", None)
    return int(idx if idx is not None else at.start_char)  # type: ignore[attr-defined]


# --- sentences -----------------------------------------------------------------------------


def _is_sentence_end(text: str, match: re.Match[str]) -> bool:
    if match.group() == "\n":
        return True
    if not match.group().startswith("."):
        return True
    word_start = text.rfind(" ", 0, match.start()) + 1
    word = text[word_start : match.start() + 1].lower().lstrip("(\"“‘'")
    if word in _abbreviations():
        return False
    # A single capital before the full stop is an initial ("George W. Bush").
    return not (len(word) == 2 and word[0].isalpha())


@lru_cache(maxsize=64)
def sentence_bounds(text: str) -> tuple[int, ...]:
    """Offsets where sentences start (always includes 0); lines are always separate sentences."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if _is_sentence_end(text, match):
            end = match.end()
            while end < len(text) and text[end].isspace():
                end += 1
            if end < len(text) and end != starts[-1]:
                starts.append(end)
    return tuple(starts)


def sentence_start(text: str, pos: int) -> int:
    starts = sentence_bounds(text)
    return starts[bisect_left(starts, pos + 1) - 1]


def sentence_end(text: str, pos: int) -> int:
    starts = sentence_bounds(text)
    index = bisect_left(starts, pos + 1)
    return starts[index] if index < len(starts) else len(text)


def paragraph_start(text: str, pos: int, back: int = 0, floor: int = 0) -> int:
    """Start of the line holding pos, or of the `back`-th non-empty line before it; never
    before floor (so a look-back in one huge paragraph stays bounded)."""
    floor = max(0, floor)
    start = max(floor, text.rfind("\n", floor, pos) + 1)
    while back > 0 and start > floor:
        start = max(floor, text.rfind("\n", floor, start - 1) + 1)
        end = text.find("\n", start)
        if _NON_SPACE.search(text, start, end if end != -1 else len(text)):
            back -= 1
    return start


# --- quoted regions ------------------------------------------------------------------------


@lru_cache(maxsize=64)
def quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """The quoted passages of text (wirehouse.quotes.find_quote_spans), found once per text."""
    from wirehouse.quotes import find_quote_spans  # quotes imports this module

    return tuple(find_quote_spans(text))


@lru_cache(maxsize=64)
def _quoted(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the quoted passages, in text order (they never overlap)."""
    spans = quote_spans(text)
    return tuple(span.start for span in spans), tuple(span.end for span in spans)


def inside_quote(text: str, start: int) -> bool:
    """Whether the character at start (past any opening marks and spaces) is quoted."""
    while start < len(text) and not text[start].isalnum():
        start += 1
    starts, ends = _quoted(text)
    index = bisect_right(starts, start) - 1
    return index >= 0 and start < ends[index]


# --- entities ------------------------------------------------------------------------------


class _Mentions:
    """An article's mentions in text order, with their starts for bisecting and each entity's
    own mentions; built once per mention list, so look-ups cost no rescan of the article."""

    def __init__(self, mentions: Sequence[Mention]):
        self.source = mentions
        self.size = len(mentions)
        self.ordered = sorted(mentions, key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.ordered]
        self.by_entity: dict[str, list[Mention]] = {}
        for mention in self.ordered:
            self.by_entity.setdefault(mention.entity_id, []).append(mention)
        self.genders: dict[tuple[str, str], str] = {}
        self.kept: dict[tuple[str, str, str], tuple[list[int], list[tuple[Mention, Entity]]]] = {}

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions inside [lo, hi), in text order."""
        first, last = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return [m for m in self.ordered[first:last] if m.end_char <= hi]

    def after(self, pos: int) -> int | None:
        """The start of the first mention starting after pos."""
        index = bisect_right(self.starts, pos)
        return self.starts[index] if index < len(self.starts) else None


_LAST_MENTIONS: list[_Mentions] = []


def _indexed(mentions: Sequence[Mention]) -> _Mentions:
    """The index of this mention list: the last one built is kept, as one article's mentions
    are looked up many times in a row."""
    last = _LAST_MENTIONS[0] if _LAST_MENTIONS else None
    if last is not None and last.source is mentions and last.size == len(mentions):
        return last
    built = _Mentions(mentions)
    _LAST_MENTIONS[:] = [built]
    return built


def _kept(
    text: str,
    mentions: Sequence[Mention],
    index: dict[str, Entity],
    key: tuple[str, str],
    keep: Callable[[Mention, Entity], bool],
) -> tuple[list[int], list[tuple[Mention, Entity]]]:
    """The unquoted mentions that `keep` accepts, in text order with their starts: built once
    per article and key, so a look-back over the whole article is a bisect, not a rescan."""
    indexed = _indexed(mentions)
    memo_key = (text, *key)
    if memo_key not in indexed.kept:
        pairs = [
            (m, index[m.entity_id])
            for m in indexed.ordered
            if m.entity_id in index
            and keep(m, index[m.entity_id])
            and not inside_quote(text, m.start_char)
        ]
        indexed.kept[memo_key] = ([m.start_char for m, _ in pairs], pairs)
    return indexed.kept[memo_key]


_LAST_ENTITIES: list[tuple[object, int, dict[str, Entity]]] = []


def _by_id(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Entities by id; the last list's table is kept, like the mention index."""
    size = len(entities) if isinstance(entities, Sequence) else -1
    last = _LAST_ENTITIES[0] if _LAST_ENTITIES else None
    if last is not None and size >= 0 and last[0] is entities and last[1] == size:
        return last[2]
    table = {entity.entity_id: entity for entity in entities}
    if size >= 0:
        _LAST_ENTITIES[:] = [(entities, size, table)]
    return table


def _candidates(
    text: str,
    mentions: Sequence[Mention],
    index: dict[str, Entity],
    lo: int,
    hi: int,
    types: tuple[str, ...],
) -> list[tuple[Mention, Entity]]:
    found = []
    for mention in _indexed(mentions).between(lo, hi):
        entity = index.get(mention.entity_id)
        if entity and entity.type in types and not inside_quote(text, mention.start_char):
            found.append((mention, entity))
    return found


def _after_preposition(text: str, start: int) -> bool:
    words = _WORD.findall(text[max(0, start - 40) : start])
    # "Russian President Vladimir Putin": skip the title words that belong to the name.
    while words and words[-1][:1].isupper():
        words.pop()
    return bool(words) and words[-1].lower() in PREPOSITIONS


def _subject_like(text: str, found: list[tuple[Mention, Entity]]) -> tuple[Mention, Entity]:
    """The first mention of a sentence not governed by a preposition; else the last one."""
    for mention, entity in found:
        if not _after_preposition(text, mention.start_char):
            return mention, entity
    return found[-1]


def person_gender(text: str, entity: Entity, mentions: Sequence[Mention]) -> str:
    """m, f or x: from a title written before a mention ("Mrs", "Queen"), else from the pronouns
    the reporter uses right after naming them ("Nino Beridze ... said she"), else from the
    given name."""
    indexed = _indexed(mentions)
    key = (text, entity.entity_id)
    if key not in indexed.genders:
        indexed.genders[key] = _person_gender(text, entity, indexed)
    return indexed.genders[key]


def _person_gender(text: str, entity: Entity, indexed: _Mentions) -> str:
    own = indexed.by_entity.get(entity.entity_id, [])
    for mention in own:
        before = _WORD.findall(text[max(0, mention.start_char - 20) : mention.start_char])
        if before and before[-1].lower().rstrip(".") in _titles():
            return _titles()[before[-1].lower().rstrip(".")]
        for word in (mention.role or "").lower().split():
            if word in _titles():
                return _titles()[word]
    evidence = _pronoun_evidence(text, own, indexed)
    if evidence:
        return evidence
    given = entity.name.split()[0] if entity.name.split() else ""
    guess = _name_genders().get_gender(given) if given[:1].isupper() else "unknown"
    return {"male": "m", "female": "f"}.get(guess, "x")


def _pronoun_evidence(text: str, own: list[Mention], indexed: _Mentions) -> str | None:
    """The gender of the pronouns that follow a person's mentions in the same sentence, before
    anyone else is named."""
    counts = {"m": 0, "f": 0}
    for mention in own:
        later = indexed.after(mention.end_char)
        stop = min(later if later is not None else len(text), sentence_end(text, mention.end_char))
        for word in _WORD.findall(text[mention.end_char : stop]):
            pronoun = pronouns().get(word.lower())
            if pronoun and pronoun.gender in counts and pronoun.person == 3:
                counts[pronoun.gender] += 1
    if counts["m"] != counts["f"]:
        return "m" if counts["m"] > counts["f"] else "f"
    return None


def _fits(pronoun: Pronoun, gender: str) -> bool:
    return pronoun.gender in ("x", "n") or gender in ("x", pronoun.gender)


def resolve_pronoun(
    doc: HasText | str, at: object, entities: Iterable[Entity], mentions: Sequence[Mention]
) -> Entity | None:
    """The entity a third-person pronoun at `at` (char offset or Token) refers to, or None.

    he/she: the nearest earlier sentence holding a person of fitting gender, taking its
    subject-like mention; it: the same for organisations, then countries; they: organisations
    or groups. First and second person are never resolved (the reporter or the reader).
    """
    text, pos = text_of(doc), char_of(at)
    match = _WORD.match(text, pos)
    if not match:
        return None
    pronoun = pronouns().get(match.group().lower())
    if pronoun is None or pronoun.person != 3:
        return None
    index = _by_id(entities)
    own = [m for m in _indexed(mentions).between(pos, match.end()) if m.start_char == pos]
    if own and own[0].entity_id in index:
        return index[own[0].entity_id]
    if pronoun.gender in ("m", "f"):
        type_groups: tuple[tuple[str, ...], ...] = (("PERSON",),)
    elif pronoun.number == "sg":
        type_groups = (("ORG",), ("GPE",))
    else:
        type_groups = (("ORG", "NORP"),)
    floor, ceiling = sentence_start(text, pos), pos
    narrative = quoted = 0
    while narrative < PRONOUN_SENTENCES and quoted <= QUOTED_SENTENCES:
        if inside_quote(text, floor) and ceiling != pos:
            quoted += 1  # quoted sentences are skipped, not counted, but for their speaker
            speaker = _attributed_person(text, pronoun, mentions, index, floor, ceiling)
            if speaker is not None:
                return speaker
        else:
            narrative += 1
            if pronoun.number == "pl" and pronoun.gender == "x":
                people = _candidates(text, mentions, index, floor, ceiling, ("PERSON",))
                groups = _candidates(text, mentions, index, floor, ceiling, ("ORG", "NORP"))
                both = sorted(people + groups, key=lambda pair: pair[0].start_char)
                if people and _subject_like(text, both)[1].type == "PERSON":
                    # "Ana Silva, a nurse, ... they said": the person (singular they); two
                    # people named together have no single entity, so no guess
                    return people[0][1] if len({e.entity_id for _, e in people}) == 1 else None
            for types in type_groups:
                found = _candidates(text, mentions, index, floor, ceiling, types)
                if types == ("PERSON",):
                    found += _role_subject(text, floor, ceiling, entities, mentions)
                    found = [
                        (m, e) for m, e in found if _fits(pronoun, person_gender(text, e, mentions))
                    ]
                if found:
                    found.sort(key=lambda p: p[0].start_char)
                    speaking = _speaks(text, match.end()) and _speech_subject(text, found)
                    subject = speaking or _subject_like(text, found)
                    if pronoun.number == "pl" and _conjoined(text, subject, found):
                        return None  # "Google and Apple ... they said": no one entity
                    return subject[1]
            if pronoun.gender in ("m", "f") and _missed_person(text, mentions, floor, ceiling):
                return None  # the nearest person is one the entity layer missed: no guess
        if floor == 0:
            break
        ceiling, floor = floor, sentence_start(text, floor - 1)
    return None


@cache
def _speech_verb(lead: str = "") -> re.Pattern[str]:
    """A verb that frames a quotation ("said", "told", "added"; wirehouse.quotes' table), after
    the words `lead` matches."""
    rows = read_csv_rows("quotes", "speech_verbs.csv")
    verbs = sorted((r["verb"] for r in rows if r["kind"] == "speech"), key=len, reverse=True)
    alternatives = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"{lead}(?:{alternatives})\b", re.IGNORECASE)


_ADVERBS = r"(?:(?:also|later|then|\w+ly)\s+)*"
# between a speaker and the speech verb: an apposition, "who", adverbs ("Kowalski, a rival of
# Zielinski, later said", "Kowalski, who said")
_TO_SPEECH_VERB = rf"(?:,[^,.;:\n]{{1,80}},|,)?\s+(?:who\s+)?{_ADVERBS}"


def _speaks(text: str, after: int) -> bool:
    """Whether a speech verb follows the word ending at `after` ("he added")."""
    return bool(_speech_verb(rf"\s+{_ADVERBS}").match(text, after))


def _speech_subject(
    text: str, found: list[tuple[Mention, Entity]]
) -> tuple[Mention, Entity] | None:
    """The one person of a sentence who is the subject of its speech verb: who "he added" most
    likely is when the sentence names two ("After meeting Zielinski, Kowalski said …",
    "Zielinski's lawyer, Kowalski, said …")."""
    verb = _speech_verb(_TO_SPEECH_VERB)
    speaking = [(m, e) for m, e in found if verb.match(text, m.end_char)]
    return speaking[0] if len({e.entity_id for _, e in speaking}) == 1 else None


def _attributed_person(text, pronoun, mentions, index, floor: int, ceiling: int):
    """The person named outside the quotation marks of a sentence that opens with a quote
    ("'…,' President X said."): who "He" in the next sentence most likely is."""
    if pronoun.gender not in ("m", "f"):
        return None
    found = [
        (mention, entity)
        for mention, entity in _candidates(text, mentions, index, floor, ceiling, ("PERSON",))
        if not inside_quote(text, mention.start_char)
        and _fits(pronoun, person_gender(text, entity, mentions))
    ]
    return found[-1][1] if len({e.entity_id for _, e in found}) == 1 else None


# A given name and a surname, possibly with a particle ("Khalid Al Mannai", "Ana de Souza")
def is_given_name(word: str) -> bool:
    """Whether the name table knows word as a given name ("Olena", "Mohamed")."""
    gender = _name_genders().get_gender(word)
    return gender in ("male", "female", "mostly_male", "mostly_female")


# A given name alone, described or aged right after ("Mohamed, a 34-year-old teacher", "Olena, 67,")
_GIVEN_NAME = re.compile(r"\b([A-Z][a-z]+),\s+(?:an?\s|\d+\b)")
_FULL_NAME = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:(?:al|Al|el|El|bin|ibn|de|da|van|von|der|le|La)[\s-]+)?[A-Z][\w-]+"
)


@cache
def _common_words() -> frozenset[str]:
    """Words written lower case more often than capitalised (the entity layer's list)."""
    return frozenset(row["word"] for row in read_csv_rows("gazetteer", "common_words.csv"))


def _missed_person(text: str, mentions: Sequence[Mention], floor: int, ceiling: int) -> bool:
    """Whether text[floor:ceiling] names a person the entity layer did not find: a given name
    the name table knows, then a capitalised surname that is no common word ("Khalid Al
    Mannai", not "May Day"), or alone before an apposition ("Mohamed, a teacher"); outside
    every mention and quotation."""
    covered = _indexed(mentions).between(floor, ceiling)
    full = [
        m
        for m in _FULL_NAME.finditer(text, floor, ceiling)
        if m.group().split()[-1].split("-")[-1].lower() not in _common_words()
    ]
    for match in (*full, *_GIVEN_NAME.finditer(text, floor, ceiling)):
        if any(m.start_char <= match.start(1) < m.end_char for m in covered):
            continue
        if inside_quote(text, match.start()):
            continue
        if is_given_name(match.group(1)):
            return True
    return False


def _conjoined(
    text: str, subject: tuple[Mention, Entity], found: list[tuple[Mention, Entity]]
) -> bool:
    """Whether another candidate is joined to the subject by "and" ("Google and Apple")."""
    for mention, entity in found:
        if entity.entity_id == subject[1].entity_id:
            continue
        lo, hi = sorted((subject[0], mention), key=lambda m: m.start_char)
        if re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", text[lo.end_char : hi.start_char]):
            return True
    return False


def _role_subject(
    text: str, floor: int, ceiling: int, entities: Iterable[Entity], mentions: Sequence[Mention]
) -> list[tuple[Mention, Entity]]:
    """A sentence opening with a person role ("The minister said ...") as a mention of the
    person it stands for."""
    match = re.match(r"\s*(?:the|a)\s+((?:\w+\s+)?\w+)\b", text[floor:ceiling], re.I)
    if not match:
        return []
    phrase = match.group(1)
    role = role_kind(phrase)
    if role is None or role[1] != "person":
        words = phrase.split()
        role = role_kind(words[0]) if len(words) > 1 else None
        phrase = words[0]
        if role is None or role[1] != "person":
            return []
    at = floor + match.start(1)
    entity = resolve_role(text, at, phrase, entities, mentions)
    if entity is None:
        return []
    return [(Mention(entity.entity_id, phrase, at, at + len(phrase), kind="role"), entity)]


def resolve_person(
    doc: HasText | str, at: object, entities: Iterable[Entity], mentions: Sequence[Mention]
) -> Entity | None:
    """The person a gender-less reference ("the Norwegian", "the 34-year-old") stands for:
    the subject-like person of the nearest earlier sentence naming one."""
    text, pos = text_of(doc), char_of(at)
    index = _by_id(entities)
    floor, ceiling = sentence_start(text, pos), pos
    for _ in range(PRONOUN_SENTENCES):
        found = _candidates(text, mentions, index, floor, ceiling, ("PERSON",))
        if found:
            return _subject_like(text, found)[1]
        if floor == 0:
            break
        ceiling, floor = floor, sentence_start(text, floor - 1)
    return None


def role_kind(phrase: str) -> tuple[str, str] | None:
    """(noun, kind) of the role noun a phrase ends with ("Russia's foreign minister")."""
    words = [w.lower() for w in _WORD.findall(phrase)]
    for size in (2, 1):
        noun = " ".join(words[-size:])
        if len(words) >= size and noun in role_nouns():
            return noun, role_nouns()[noun]
    return None


@cache
def _title_abbreviations() -> dict[str, tuple[str, ...]]:
    """Role noun -> the abbreviations written for it before a name ("sen" for senator)."""
    table: dict[str, tuple[str, ...]] = {}
    for row in read_csv_rows("quotes", "title_abbreviations.csv"):
        table[row["noun"]] = (*table.get(row["noun"], ()), row["abbreviation"])
    return table


@cache
def _role_before_name(noun: str) -> re.Pattern[str]:
    """The role written right before a name: "Foreign Minister Sergei Lavrov" (only capitalised
    words between), "Sen. Maria Holt" (its abbreviation), or "Ghana's minister for trade, Kofi
    Mensah" (the role, its portfolio, a comma, then the name)."""
    written = [re.escape(noun)] + [
        rf"{re.escape(a)}\." for a in _title_abbreviations().get(noun, ())
    ]
    titled = rf"(?i:\b(?:{'|'.join(written)}))(?:\s+[A-Z][\w.’'-]*)*\s+$"
    apposed = rf"(?i:\b{re.escape(noun)}\b)(?:\s+(?:for|of)\s+[^,.;:\n]{{1,40}})?,\s+$"
    return re.compile(f"{titled}|{apposed}")


def _bears_role(text: str, mention: Mention, noun: str) -> bool:
    if mention.role and noun in mention.role.lower():
        return True
    if mention.role and mention.role.lower().startswith("counterpart"):
        # "Foreign Minister Hakan Fidan met his Greek counterpart, Giorgos Gerapetritis": the
        # counterpart holds the role named before him in the sentence
        opening = text[sentence_start(text, mention.start_char) : mention.start_char].lower()
        return bool(re.search(rf"\b{re.escape(noun)}\b", opening))
    line_start = text.rfind("\n", 0, mention.start_char) + 1
    before = text[max(line_start, mention.start_char - 80) : mention.start_char]
    if _role_before_name(noun).search(before):
        return True
    after = text[mention.end_char : mention.end_char + 70].lower()
    return bool(re.match(rf",[^,.;]*\b{re.escape(noun)}\b", after))


def _speaks_for(text: str, mention: Mention, noun: str) -> bool:
    """ "a spokesperson for the Commission" or "a Commission spokesperson"."""
    before = text[max(0, mention.start_char - 40) : mention.start_char].lower()
    after = text[mention.end_char : mention.end_char + 30].lower()
    return bool(
        re.search(rf"\b{re.escape(noun)}\s+(?:for|of|at)\s+(?:the\s+)?$", before)
        or re.match(rf"\s+{re.escape(noun)}\b", after)
    )


def _country_in(
    mentions: Sequence[Mention], index: dict[str, Entity], start: int, end: int
) -> str | None:
    """The country a phrase names ("Russia's", "Nigerian"), if it names one."""
    for mention in _indexed(mentions).between(start, end):
        entity = index.get(mention.entity_id)
        if entity and entity.type in ("GPE", "NORP") and entity.country_code:
            return entity.country_code
    return None


def _known_country(mention: Mention, entity: Entity) -> str | None:
    """A person's country where the article or the gazetteer states it (a listed leader, or a
    role written with its country: "Foreign Minister, Nigeria"), not the guess for a name."""
    from wirehouse import gazetteer  # the entity layer; loaded once per process

    if any(e.kind == "person" for e in gazetteer.load().forms.get(entity.name, ())):
        return entity.country_code
    if mention.role and ", " in mention.role:
        named = mention.role.rsplit(", ", 1)[1]
        return next(
            (e.iso3 for e in gazetteer.load().forms.get(named, ()) if e.kind == "country"), None
        )
    return None


def _latest_holder(
    text: str,
    mentions: Sequence[Mention],
    index: dict[str, Entity],
    pos: int,
    noun: str,
    country: str | None,
) -> Entity | None:
    """The latest person before pos written with the role noun (of that country, if given);
    else the latest one the gazetteer lists in that office ("the president" for Trump)."""
    listed = _listed_roles()
    for key, bears in (
        ("written", lambda m, e: e.type == "PERSON" and _bears_role(text, m, noun)),
        ("listed", lambda m, e: e.type == "PERSON" and noun in listed.get(e.name, "")),
    ):
        starts, holders = _kept(text, mentions, index, (key, noun), bears)
        fitting: dict[str, Entity] = {}
        for mention, entity in reversed(holders[: bisect_left(starts, pos)]):
            if len(fitting) == HOLDERS:
                break
            # "Russia's foreign minister" is not the Nigerian one named before
            if mention.end_char <= pos and (
                country is None or _known_country(mention, entity) in (None, country)
            ):
                fitting.setdefault(entity.entity_id, entity)
        if fitting:
            return _latest_named(text, mentions, list(fitting.values()), pos)
    return None


def _latest_named(text: str, mentions: Sequence[Mention], people: list[Entity], pos: int) -> Entity:
    """Of the people holding a role, the one named last before pos: "Serbia's defence minister,
    Petković ... Kosovo's interior minister, Krasniqi ... Petković said ... the minister
    said" is Petković, whose title was written before the other's but whose name came later."""
    indexed = _indexed(mentions)

    def last_named(entity: Entity) -> int:
        own = indexed.by_entity.get(entity.entity_id, [])
        index = bisect_left(own, pos, key=lambda m: m.start_char)
        lowest = max(0, index - QUOTED_SENTENCES)  # a bounded step back past quoted mentions
        while index > lowest and inside_quote(text, own[index - 1].start_char):
            index -= 1
        return own[index - 1].start_char if index > lowest else -1

    return max(people, key=last_named)


@cache
def _listed_roles() -> dict[str, str]:
    """The office the gazetteer lists a person in, lower case ("donald trump" -> "president")."""
    return {row["name"]: row["role"].lower() for row in read_csv_rows("gazetteer", "people.csv")}


def resolve_role(
    doc: HasText | str,
    at: object,
    phrase: str,
    entities: Iterable[Entity],
    mentions: Sequence[Mention],
) -> Entity | None:
    """The entity a role phrase at `at` stands for, or None.

    person roles ("the minister"): the latest earlier person written with that role;
    spokes roles ("a spokesperson"): the latest organisation within ORG_PARAGRAPHS paragraphs;
    organisation words ("the alliance"): a name written with the word in reach ("the IG Metall
    union", "China's defence ministry" -> China), else the latest organisation in reach whose
    name holds the word, else the latest organisation of the paragraph before, else the latest
    one holding the word however far back (a country for "government" and "administration").
    """
    text, pos = text_of(doc), char_of(at)
    role = role_kind(phrase)
    if role is None:
        return None
    noun, kind = role
    index = _by_id(entities)
    if kind == "person":
        country = _country_in(mentions, index, pos, pos + len(phrase))
        return _latest_holder(text, mentions, index, pos, noun, country)
    reach = paragraph_start(text, pos, ORG_PARAGRAPHS, floor=pos - REACH_CHARS)
    orgs = _candidates(text, mentions, index, reach, pos, ("ORG",))
    if kind == "spokes":
        # "A spokesperson for the Commission said ... the spokesperson said": the one named
        speaking = [(m, e) for m, e in orgs if _speaks_for(text, m, noun)]
        if speaking:
            return speaking[-1][1]
    near = paragraph_start(text, pos, 1, floor=pos - REACH_CHARS)
    if kind == "org" and stands_for_country(noun):
        # "the kingdom", "the South American country": a state, never an organisation
        countries = [e for m, e in _candidates(text, mentions, index, near, pos, ("GPE",))]
        return next((e for e in reversed(countries) if _is_country(e)), None)
    if kind == "org":
        labelled = _org_labelled(text, mentions, index, reach, pos, noun)
        if labelled:
            return labelled
        # an unnamed "the agency" only reaches back to the previous paragraph: one whose name
        # holds the noun there, else the subject of a sentence there ("NASA welcomed the deal.
        # … the agency said"; "Volkswagen cut jobs, IG Metall said. The carmaker said")
        orgs = [(m, e) for m, e in orgs if m.start_char >= near and not _affiliation(text, m)]
        subjects = [e for m, e in orgs if _opens_sentence(text, m)]
        nearby = _org_holding(text, mentions, index, near, pos, noun)
        if nearby or subjects:
            return nearby or subjects[-1]
        # else the latest whose name holds the noun, however far back: "the bank" is the
        # Reserve Bank of the lead, not the source of a figure ("…, Statistics South Africa
        # said")
        holding = _org_holding(text, mentions, index, 0, pos, noun)
        if holding or orgs:
            return holding or orgs[-1][1]
        if _country_nouns().get(noun) != "government":
            return None
        countries = _candidates(text, mentions, index, near, pos, ("GPE",))
        return countries[-1][1] if countries else None
    return orgs[-1][1] if orgs else None


def _opens_sentence(text: str, mention: Mention) -> bool:
    """Whether the mention is the subject opening its sentence ("NASA welcomed", "The World
    Bank said")."""
    opening = text[sentence_start(text, mention.start_char) : mention.start_char]
    return opening.strip().lower() in ("", "the")


@cache
def _country_nouns() -> dict[str, str]:
    """Organisation words that stand for a state -> government or country."""
    return {row["noun"]: row["kind"] for row in read_csv_rows("quotes", "country_nouns.csv")}


def stands_for_country(phrase: str) -> bool:
    """Whether a role phrase ends with a word for a state itself ("the Gulf kingdom")."""
    role = role_kind(phrase)
    return role is not None and _country_nouns().get(role[0]) == "country"


def _is_country(entity: Entity) -> bool:
    """Whether the gazetteer lists the entity as a country (not a city or a region)."""
    from wirehouse import gazetteer  # the entity layer's table, loaded once per process

    entries = gazetteer.load().forms.get(entity.name, ())
    return entity.type == "GPE" and any(e.kind == "country" for e in entries)


# Words that may stand between a name and the organisation noun it labels ("China's defence
# ministry", "the Russian foreign ministry"): lower-case modifiers, never function words.
_NOT_MODIFIERS = PREPOSITIONS | {"and", "or", "but", "the", "a", "an", "its", "their", "his"}
_NOT_MODIFIERS |= {"her", "was", "were", "is", "are", "has", "had", "said", "says", "not"}


def _labels(text: str, mention: Mention, noun: str) -> bool:
    """Whether the mention is written with the noun or one of its kin: "the IG Metall union",
    "China's defence ministry", "the Russian embassy", "the Israeli military" (for "army")."""
    after = text[mention.end_char : mention.end_char + 60]
    nouns = "|".join(re.escape(n) for n in kindred(noun))
    match = re.match(rf"(?:['’]s)?((?:\s+[a-z][\w-]*){{0,2}}?)\s+(?:{nouns})\b", after, re.I)
    return bool(match) and not any(w.lower() in _NOT_MODIFIERS for w in match.group(1).split())


def _org_labelled(
    text: str,
    mentions: Sequence[Mention],
    index: dict[str, Entity],
    reach: int,
    pos: int,
    noun: str,
) -> Entity | None:
    """The latest name in reach written with the organisation word, of any type ("China's
    defence ministry ... the ministry" is China)."""
    labelled = [
        (m, index[m.entity_id])
        for m in _indexed(mentions).between(reach, pos)
        if m.entity_id in index and not inside_quote(text, m.start_char) and _labels(text, m, noun)
    ]
    return labelled[-1][1] if labelled else None


# "Diane Swonk, chief economist at KPMG": the organisation a person is written with
_AFFILIATED = re.compile(r"(?:^|[,(])[^,(\n]*\b[a-z]+\s+(?:at|of|from|with)\s+(?:the\s+)?$")


def _affiliation(text: str, mention: Mention) -> bool:
    """Whether the mention is the employer or body in a person's apposition ("chief economist at
    KPMG", "an analyst with Capital Economics"): no topic an unnamed "the bank" stands for."""
    line = text.rfind("\n", 0, mention.start_char) + 1
    before = text[max(line, mention.start_char - 80) : mention.start_char]
    return bool(_AFFILIATED.search(before))


def _org_holding(
    text: str,
    mentions: Sequence[Mention],
    index: dict[str, Entity],
    lo: int,
    hi: int,
    noun: str,
) -> Entity | None:
    """The latest organisation in [lo, hi) whose name holds the noun or a kindred one
    ("the central bank": the Federal Reserve)."""
    nouns = kindred(noun)
    starts, orgs = _kept(
        text,
        mentions,
        index,
        ("holding", noun),
        lambda m, e: (
            e.type == "ORG" and any(n in e.name.lower() or n in m.text.lower() for n in nouns)
        ),
    )
    for mention, entity in reversed(orgs[bisect_left(starts, lo) : bisect_left(starts, hi)]):
        if mention.end_char <= hi:
            return entity
    return None
