"""Quotations: every direct quote in an article body, with who said it.

Two steps, both rules a reviewer can read:
1. `find_quote_spans` pairs quotation marks line by line (double, curly, guillemets, British
   single quotes without mistaking apostrophes), follows a quote over paragraphs (an opening
   mark on each paragraph, or a closing mark after a layout line) and returns the quoted words.
2. `find_quotes` reads the frame around each quotation: the text after its closing mark up to the
   end of the sentence ("…," Trump said / said Pedro Alves / according to the ministry), then
   the text before its opening mark back to the sentence start (He added, "…" / Kim said the
   troops were sent to "…"). The speaker phrase is resolved to an entity through its mentions,
   or through wirehouse.coref for pronouns and roles. A quote with no frame borrows the speaker
   of a quote in the same paragraph; short unattributed quotes are scare quotes or titles.
Offsets index the body: body[start_char:end_char] == text for every row.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from wirehouse import coref
from wirehouse.model import Entity, Mention, Quote
from wirehouse.resources import read_csv_rows

# Opening mark -> the closing marks that end it.
CLOSERS = {
    "“": '”"',
    "„": "“”",
    '"': '"”',
    "”": "”",
    "«": "»",
    "»": "«",
    "‘": "’'",
    "'": "'’",
    "‚": "‘’",
    "‹": "›",
}
FAMILY = {
    "“": "d",
    "„": "d",
    '"': "d",
    "”": "d",
    "«": "g",
    "»": "g",
    "‘": "s",
    "'": "s",
    "‚": "s",
    "‹": "t",
}
OPEN_BEFORE = set(" \t\n([{—–-/") | set(CLOSERS)
ELISIONS = ("'em", "'til", "'cause", "'n'", "'tis", "'twas", "'round", "'bout")
LAYOUT_LINES = 2  # headline or caption lines a quote may run across
LAYOUT_LINE_CHARS = 100
CAPTION_CHARS = 200  # a longer line between two halves of a quote is a paragraph of its own
BORROW_WORDS = 40  # the longest attribution sentence a split quote may stand around
TITLE_WORDS = 8  # a longer run of capitalised words is a headline-style sentence, not a title
SCARE_WORDS = 4  # an unattributed quote this short, not a sentence, is a scare quote
MASK = "\ue000"  # private use: neither space, word nor punctuation
_CAPITALISED = re.compile(r"(?:(?:[A-Z][\w’'.-]*|al-\w+|bin|de|van|von|da)\s+){0,4}[A-Z][\w’'.-]*$")
_DETERMINER = re.compile(r"^(?:the|a|an|another|one|two|three|several|some)\s+", re.IGNORECASE)
_INDEFINITE = re.compile(r"^(?:a|an|another|one|two|three|several|some)\s+", re.IGNORECASE)
# lower case or capitalised, never an acronym ("WHO Director-General", "AS Roma")
_CONJUNCTION = re.compile(
    r"^(?:[Aa]nd|[Bb]ut|[Oo]r|[Ww]hile|[Aa]s|[Bb]ecause|[Ss]o|[Ww]hich|[Ww]ho|[Tt]hat|[Ii]f|[Ww]hen)\b"
)
_AFFILIATION = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z]")
_LOCATIVE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")  # "its embassy in Nairobi"
_FOR_PLACE = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?[A-Z]")  # "the envoy for (to) Syria"
_WORDS = re.compile(r"[^\W\d_]+")
_NEXT_CAPITAL = re.compile(r"[\"”’»']*\s+[A-Z]")
_WORDS_AT = re.compile(r"[^\W\d_][\w’'-]*")
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+(?:,[^—–\n]{0,60})?\s+[—–-]\s+")  # "LAGOS — "
_NAME_BEFORE = re.compile(r"(?<![’'])\b[A-Z][\w’'-]*\s+$")  # a capitalised word right before
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?$")
_APPOSED = re.compile(r",\s+(?:an?\s|\d+\b)")  # ", a teacher", ", 67,"
_PEOPLE_OF = re.compile(r"\b([^\W\d_][\w-]*)\s+(?:of|from|in)\s+(?:the\s+)?$")
_OF_PLACE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")
# "the 54-year-old (striker)": the person named just before; "a 54-year-old" is someone new
_AGE = re.compile(r"^the\s+(?:\w+-)?\d+-year-old(?:\s+[a-z]+){0,2}$", re.IGNORECASE)
_PLACE_CUT = re.compile(
    r"\s+(?:in|on|to|at|during|after|before|while|when|who|as|last|this|earlier|later|told|"
    r"said|in an?|on \w+day)\b.*$"
)


@dataclass(frozen=True)
class QuoteSpan:
    """The quoted words of one paragraph; parts of one quotation share `group`."""

    start: int
    end: int
    open_at: int | None  # the opening mark, None when a continued quote lacks one
    close_at: int | None  # the closing mark, None when the quote runs on
    group: int


# --- vocabulary ----------------------------------------------------------------------------


@cache
def speech_verbs() -> dict[str, str]:
    return {row["verb"]: row["kind"] for row in read_csv_rows("quotes", "speech_verbs.csv")}


@cache
def _verb_pattern() -> re.Pattern[str]:
    verbs = sorted(speech_verbs(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(v) for v in verbs) + r")\b", re.IGNORECASE)


_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|these|those|such|any|no)|\w['’]s|\ws['’])\s+$",
    re.IGNORECASE,
)


def _speech_verbs_in(ctx: _Context, begin: int, end: int) -> list[re.Match[str]]:
    """Speech verbs in the masked body[begin:end], leaving out nouns spelled like them ("the
    opposition's claims", "their demands") and words of a name ("the United States")."""
    return [
        match
        for match in _verb_pattern().finditer(ctx.masked, begin, end)
        if not _NOUN_BEFORE.search(ctx.masked, max(begin, match.start() - 30), match.start())
        and not ctx.in_mention(match.start(), match.end())
    ]


@cache
def _descriptors() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("quotes", "descriptors.csv"))


def _is_descriptor(phrase: str) -> bool:
    """ "the Republican", "the veteran": a word describing the person just named."""
    words = phrase.lower().split()
    return len(words) in (2, 3) and words[0] == "the" and words[-1] in _descriptors()


@cache
def _label_markers() -> re.Pattern[str]:
    rows = read_csv_rows("quotes", "label_markers.csv")
    markers = sorted((row["marker"] for row in rows), key=len, reverse=True)
    alternatives = "|".join(re.escape(m) for m in markers)
    return re.compile(rf"\b(?:{alternatives})\s*$", re.IGNORECASE)


@cache
def _speech_events() -> re.Pattern[str]:
    nouns = sorted((row["noun"] for row in read_csv_rows("quotes", "speech_events.csv")), key=len)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in reversed(nouns)) + r")\b", re.I)


@cache
def _frame_adverbs() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("quotes", "frame_adverbs.csv"))


@cache
def _not_name_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("quotes", "not_name_words.csv"))


def _missed_name(phrase: str) -> str | None:
    """The capitalised run ending a phrase, as a name the entity layer missed, unless it holds
    a word no name holds ("On Thursday Chile")."""
    name = _CAPITALISED.search(phrase)
    if name is None or _not_name_words() & {w.lower() for w in name.group().split()}:
        return None
    return name.group()


# --- step 1: quotation marks ---------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_opener(text: str, i: int, line_start: int) -> bool:
    char = text[i]
    before = text[i - 1] if i > line_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in "“„«‚‹":
        return not after.isspace() or char == "«"
    if char in "'‘":
        elided = text[i : i + 6].lower().startswith(ELISIONS)
        return (
            before in OPEN_BEFORE
            and (after.isalnum() or after in '“"')
            and not (elided or after.isdigit())
        )
    if char in '"”»':
        elided = text.startswith("...", i + 1)  # '"...and that is why," she said'
        return before in OPEN_BEFORE and not after.isspace() and (elided or after not in ".,;:!?")
    return False


def _closer_strength(text: str, i: int, opener: str, line_end: int) -> int:
    """2 a sure closing mark, 1 maybe (a plural possessive "farmers’ debts"), 0 not one."""
    char = text[i]
    if char not in CLOSERS[opener]:
        return 0
    before = text[i - 1]
    after = text[i + 1] if i + 1 < line_end else " "
    if FAMILY[opener] != "s":
        return 2 if not before.isspace() or char in "»«" else 0
    if before.isspace() or after.isalnum():
        return 0  # an opening mark or an apostrophe inside a word
    if before in "sS" and after == " " and i + 2 < line_end and text[i + 2].islower():
        return 1
    return 2


def _find_close(text: str, opener_at: int, line_end: int, line_start: int) -> int | None:
    opener = text[opener_at]
    maybe = None
    for i in range(opener_at + 1, line_end):
        strength = _closer_strength(text, i, opener, line_end)
        if strength == 2:
            return i
        if strength == 1 and maybe is None:
            maybe = i
        elif maybe is not None and text[i] in "‘'" and _is_opener(text, i, line_start):
            return maybe  # a new quote opens: the possessive-looking mark was the close
    return maybe


def _is_layout_line(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return (
        len(line) <= LAYOUT_LINE_CHARS
        and line[-1] not in '.!?:;,…"”’»)'
        and not any(mark in line for mark in CLOSERS)
    )


def _continuation(
    text: str, lines: list[tuple[int, int]], index: int, opener: str
) -> tuple[int, int] | None:
    """Where an unclosed quote on line `index` goes on: (line index, offset of its words)."""
    for ahead in range(index + 1, min(index + 2 + LAYOUT_LINES, len(lines))):
        start, end = lines[ahead]
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        same_family = text[first] in CLOSERS and FAMILY[text[first]] == FAMILY[opener]
        if same_family and _is_opener(text, first, start):
            return ahead, first + 1
        for i in range(first, end):
            if _closer_strength(text, i, opener, end) == 2:
                return ahead, first  # no opening mark: the words run on to the closer
            if text[i] in CLOSERS and FAMILY[text[i]] == FAMILY[opener]:
                break
        if not (_is_layout_line(text, start, end) or _is_caption(text, lines, index, ahead)):
            return None
    return None


def _is_caption(text: str, lines: list[tuple[int, int]], index: int, ahead: int) -> bool:
    """A caption or teaser line with full stops ("Fishermen in Setúbal. (Photo: Reuters)")
    between a quote broken off mid-sentence (its line ends without a full stop) and words that
    go on in lower case: a sentence never opens that way, so the quote runs on past it."""
    start, end = lines[ahead]
    line = text[start:end].strip()
    if len(line) > CAPTION_CHARS or any(mark in line for mark in CLOSERS):
        return False
    broken = text[lines[index][0] : lines[index][1]].rstrip()[-1:] not in ".!?…"
    following = (
        text[lines[ahead + 1][0] : lines[ahead + 1][1]].lstrip()[:1]
        if ahead + 1 < len(lines)
        else ""
    )
    return broken and following.islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted passage of `text`, one span per paragraph it covers."""
    spans: list[QuoteSpan] = []
    lines = _lines(text)
    group = 0
    index, pos = 0, lines[0][0] if lines else 0
    while index < len(lines):
        line_start, line_end = lines[index]
        opener_at = next(
            (
                i
                for i in range(max(pos, line_start), line_end)
                if text[i] in CLOSERS and _is_opener(text, i, line_start)
            ),
            None,
        )
        if opener_at is None:
            index += 1
            pos = lines[index][0] if index < len(lines) else len(text)
            continue
        opener = text[opener_at]
        close_at = _find_close(text, opener_at, line_end, line_start)
        if close_at is not None:
            spans.append(
                QuoteSpan(*_trimmed(text, opener_at + 1, close_at), opener_at, close_at, group)
            )
            group, pos = group + 1, close_at + 1
            continue
        following = _continuation(text, lines, index, opener)
        if following is None and FAMILY[opener] == "s":
            pos = opener_at + 1  # a lone single mark is an apostrophe
            continue
        spans.append(QuoteSpan(*_trimmed(text, opener_at + 1, line_end), opener_at, None, group))
        while following is not None:
            index, words_at = following
            line_start, line_end = lines[index]
            has_mark = words_at > line_start and text[words_at - 1] in CLOSERS
            open_mark = words_at - 1 if has_mark else None
            close_at = next(
                (
                    i
                    for i in range(words_at, line_end)
                    if _closer_strength(text, i, opener, line_end) == 2
                ),
                None,
            )
            end = close_at if close_at is not None else line_end
            spans.append(QuoteSpan(*_trimmed(text, words_at, end), open_mark, close_at, group))
            if close_at is not None:
                pos = close_at + 1
                break
            following = _continuation(text, lines, index, opener)
            pos = line_end
        group += 1
        if following is None and spans[-1].close_at is None:
            index += 1
            pos = lines[index][0] if index < len(lines) else len(text)
    return [span for span in spans if span.end > span.start]


# --- step 2: speakers ----------------------------------------------------------------------


@dataclass
class _Speaker:
    name: str | None
    entity_id: str | None
    verb: str | None
    type: str | None = None  # the entity's type; None for a name the entity layer missed

    @property
    def is_person(self) -> bool:
        return self.type in ("PERSON", None)


_COORDINATORS = frozenset(("and", "but", "or", "then"))


def _nobody(ctx: _Context, start: int, end: int, verb: str) -> _Speaker | None:
    """A quote framed by a speech verb whose speaker phrase (in body[start:end]) names nobody
    ("a resident said"): speaker NULL, and never given the speaker of another quote nearby
    (the next quote of that speaker shares this NULL). An unresolved pronoun ("It added") is
    left open: the quote beside it may name whom it stands for; so is a verb with no subject of
    its own ('criticised the plan as "…" and said ...'), whose speaker is the earlier verb's."""
    words = [word.lower() for word in _WORDS.findall(ctx.masked[start:end])]
    if not words or words[0] in _COORDINATORS:
        return None
    last = (_strip_tail(" ".join(words)).split() or [""])[-1]
    if last in _COORDINATORS:
        # 'X called the deal "…" in relations with Y and said …': the verb's subject is the
        # earlier verb's, cut off by the quote between; this quote shares that quote's speaker
        return None
    if any(word in coref.pronouns() for word in words):
        return None
    return _Speaker(None, None, verb)


def _named(*found: _Speaker | None) -> _Speaker | None:
    """The first speaker that names someone, else the first frame found."""
    return next((f for f in found if f and f.name), next((f for f in found if f), None))


class _Context:
    """One article: its text with quotations masked, and its mentions by position."""

    def __init__(self, text: str, entities: Iterable[Entity], mentions: Sequence[Mention]):
        self.text = text
        self.entities = list(entities)
        self.by_id = {entity.entity_id: entity for entity in self.entities}
        self.mentions = sorted(
            (m for m in mentions if m.entity_id in self.by_id), key=lambda m: m.start_char
        )
        self.starts = [m.start_char for m in self.mentions]
        self.people = [entity for entity in self.entities if entity.type == "PERSON"]
        self.fuller: dict[str, Entity] = {}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.masked = text

    def mask(self, spans: Sequence[QuoteSpan]) -> None:
        chars = list(self.text)
        for span in spans:
            lo = span.open_at if span.open_at is not None else span.start
            hi = span.close_at + 1 if span.close_at is not None else span.end
            chars[lo:hi] = MASK * (hi - lo)
        self.masked = "".join(chars)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.mentions[first:last] if m.end_char <= end]

    def in_mention(self, start: int, end: int) -> bool:
        """Whether body[start:end] lies inside a mention ("States" in "United States")."""
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.mentions[index].end_char

    def line_end(self, pos: int) -> int:
        """The end of the line holding pos."""
        end = self.text.find("\n", pos)
        return end if end != -1 else len(self.text)

    def line_of(self, pos: int) -> int:
        """The start of the line holding pos."""
        return self.line_starts[bisect_right(self.line_starts, pos) - 1]

    def type_of(self, mention: Mention) -> str:
        return self.by_id[mention.entity_id].type

    def speaker(self, entity: Entity | None, verb: str | None) -> _Speaker | None:
        if entity is None or entity.type == "LOC":
            return None  # a sea, a river or a region never speaks (a country or city may)
        entity = self.full_name(entity)
        return _Speaker(entity.name, entity.entity_id, verb, entity.type)

    def full_name(self, entity: Entity) -> Entity:
        """The one person of the article whose full name ends with this person's name written
        in another case ("Van Wyk" for "Pieter van Wyk"), where the entity layer kept two."""
        if entity.type != "PERSON":
            return entity
        if entity.entity_id not in self.fuller:
            tail = " " + entity.name.lower()
            found = [e for e in self.people if e.name.lower().endswith(tail)]
            self.fuller[entity.entity_id] = found[0] if len(found) == 1 else entity
        return self.fuller[entity.entity_id]


def _strip_tail(phrase: str) -> str:
    """Drop adverbs and auxiliaries between a speaker and the verb ("Trump has also")."""
    words = phrase.rstrip(" ,.").split(" ")
    while words and (words[-1].lower() in _frame_adverbs() or words[-1].lower().endswith("ly")):
        words.pop()
    return " ".join(words)


def _resolve_phrase(ctx: _Context, start: int, end: int, verb: str | None) -> _Speaker | None:
    """Who a speaker phrase (body[start:end]) names. Its head is its last word: a mention ending
    there, a pronoun, a role ("the minister", "a State Department spokesperson") or a name."""
    raw = ctx.text[start:end]
    lead = _CONJUNCTION.match(raw.strip())
    if lead:  # "which Garnier called": the subject follows the relative word
        start += len(raw) - len(raw.lstrip()) + lead.end()
        raw = ctx.text[start:end]
    phrase = _strip_tail(raw.strip())
    if not phrase or MASK in ctx.masked[start:end]:
        return None
    start += len(raw) - len(raw.lstrip())
    end = start + len(phrase)
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in coref.pronouns():
        return ctx.speaker(coref.resolve_pronoun(ctx.text, start, ctx.entities, ctx.mentions), verb)
    if _AGE.match(phrase) or (_is_descriptor(phrase) and not ctx.mentions_in(start, end)):
        # "the 54-year-old said", "the Republican wrote": the person named just before
        return ctx.speaker(coref.resolve_person(ctx.text, start, ctx.entities, ctx.mentions), verb)
    locative = _LOCATIVE.search(phrase)
    if locative and coref.role_kind(phrase[: locative.start()]):
        seat = _government_seat(ctx, start + locative.end() - 1, end, phrase[: locative.start()])
        if seat:  # "the army-backed government in Port Sudan": the state of that city
            return ctx.speaker(seat, verb) if isinstance(seat, Entity) else _Speaker(*seat, verb)
        # "the Russian embassy in London", "its embassy in Nairobi": the place is no speaker
        return _resolve_phrase(ctx, start, start + locative.start(), verb)
    remit = _FOR_PLACE.search(phrase)
    if remit and _is_place(ctx, start + remit.end() - 1, end):
        # "the Serbian government's office for Kosovo", "the US ambassador to Russia": the
        # place is the holder's remit, not the speaker
        return _resolve_phrase(ctx, start, start + remit.start(), verb)
    affiliation = _AFFILIATION.search(phrase)
    if affiliation and phrase[: affiliation.start()].strip():
        # "Marta Kowalczyk of BEUC", "Ana Silva from the union": the head comes first
        found = _resolve_phrase(ctx, start, start + affiliation.start(), verb)
        if found and found.is_person:
            return found
    inside = ctx.mentions_in(start, end)
    head = [m for m in inside if m.end_char == end]
    if head and _joined(ctx, inside, head[-1]):
        return None  # "Macron and Scholz said": no one speaker
    if head and ctx.type_of(head[-1]) in ("GPE", "LOC"):
        place = _IN_PLACE.search(ctx.text, start, head[-1].start_char)
        if place and place.start() > start:
            # "the ministry of health in Kinshasa", "officials in Kyiv": a place is no speaker
            return _resolve_phrase(ctx, start, place.start(), verb)
        of_place = _OF_PLACE.search(ctx.text, start, head[-1].start_char)
        if of_place and of_place.start() > start:
            # "residents of Gaza City", "families from Mariupol": the people, not the place;
            # an office or a body of a place ("the Government of India") speaks for it
            holder = ctx.text[start : of_place.start()]
            role = coref.role_kind(holder)
            if role is None:
                return _resolve_phrase(ctx, start, of_place.start(), verb)
            if role[1] == "person":
                found = _resolve_phrase(ctx, start, of_place.start(), verb)
                if found:
                    return found
        if _NAME_BEFORE.search(ctx.text, start, head[-1].start_char):
            # "Alzheimer's Research UK": an organisation the entity layer missed, not the place
            name = _missed_name(phrase)
            return _Speaker(name, None, verb) if name else None
    if head:
        if head[-1].kind == "demonym" and len(words) == 2 and _DETERMINER.match(phrase):
            # "the Norwegian said": a person of that nationality named just before
            return ctx.speaker(
                coref.resolve_person(ctx.text, start, ctx.entities, ctx.mentions), verb
            )
        return ctx.speaker(ctx.by_id[head[-1].entity_id], verb)
    role = coref.role_kind(phrase)
    if role:
        return _resolve_role(ctx, start, phrase, role[1], inside, verb)
    # A name the entity layer missed: at least two capitalised words ("Rui Marques"); a single
    # one is as likely a plain word opening the frame ("Residents said"), and a phrase with an
    # article describes someone ("a New York Democrat").
    name = _CAPITALISED.search(phrase)
    people_of = _PEOPLE_OF.search(phrase, 0, name.start()) if name else None
    if people_of and (coref.role_kind(people_of.group(1)) or ("", "person"))[1] == "person":
        return None  # "residents of Gaza City": the people of a place the layer missed
    if name and len(name.group().split()) >= 2 and not _DETERMINER.match(phrase):
        missed = _missed_name(phrase)  # not "On Thursday Chile": a time phrase and a name
        return _Speaker(missed, None, verb) if missed else None
    alone = name is not None and phrase == name.group() and _APPOSED.match(ctx.text, end)
    if alone and coref.is_given_name(phrase):  # "said Olena, 67," / "Mohamed, a teacher, said"
        return _Speaker(phrase, None, verb)
    if name is not None and phrase == name.group() and len(words) == 1:
        return ctx.speaker(_bearer(ctx, phrase), verb)
    return None


def _bearer(ctx: _Context, word: str) -> Entity | None:
    """The one person of the article whose name holds a word the entity layer left unlinked
    ("Wang said" for Wang Yi, whose family name comes first)."""
    found = [p for p in ctx.people if word in p.name.split()]
    return found[0] if len(found) == 1 else None


def _joined(ctx: _Context, inside: list[Mention], head: Mention) -> bool:
    """Whether the head mention is joined by "and" to another of its type before it."""
    before = [m for m in inside if m.end_char <= head.start_char]
    if not before or ctx.type_of(before[-1]) != ctx.type_of(head):
        return False
    return bool(_AND.fullmatch(ctx.text, before[-1].end_char, head.start_char))


_AND = re.compile(r",?\s+(?:and|&)\s+(?:the\s+)?")


def _resolve_role(
    ctx: _Context, start: int, phrase: str, kind: str, inside: list[Mention], verb: str | None
) -> _Speaker | None:
    """A role phrase: a person role names someone earlier; a spokesperson or an organisation
    word speaks for the organisation (or country) written in it, else the one in reach. An
    indefinite person role ("a senior minister", "another farmer") is someone new, no one named
    before."""
    if kind == "person" and not _INDEFINITE.match(phrase):
        held = coref.resolve_role(ctx.text, start, phrase, ctx.entities, ctx.mentions)
        if held is None and coref.role_kind(phrase)[0] in _compatriot_roles():
            held = _compatriot(ctx, start, inside)
        if held:
            return ctx.speaker(held, verb)
    if coref.stands_for_country(phrase):
        # "the South American country": the country named before, not the region describing it
        return ctx.speaker(
            coref.resolve_role(ctx.text, start, phrase, ctx.entities, ctx.mentions), verb
        )
    owner = _owner(ctx, inside)
    if owner and kind != "person":  # "Macron's office said", "Starmer's spokesman said"
        return ctx.speaker(owner, verb)
    groups = [m for m in inside if ctx.type_of(m) in ("ORG", "GPE", "NORP")]
    if groups:
        orgs = [m for m in groups if ctx.type_of(m) == "ORG"] or groups
        return ctx.speaker(ctx.by_id[orgs[-1].entity_id], verb)
    first = phrase.split()[0].lower()
    if kind != "person" and first in ("its", "their"):  # "Its delegation said"
        owner = coref.resolve_pronoun(ctx.text, start, ctx.entities, ctx.mentions)
        if owner:
            return ctx.speaker(owner, verb)
    if kind == "spokes" and first in ("his", "her"):
        # "His campaign spokesman said": the person the spokesman speaks for
        return ctx.speaker(coref.resolve_pronoun(ctx.text, start, ctx.entities, ctx.mentions), verb)
    modifier = _modifier_body(ctx, start, phrase) if kind == "spokes" else None
    body = modifier[1] if modifier else phrase.split()[-1].lower() if kind == "org" else None
    if body in _state_bodies():
        country = _opening_place(ctx, start, verb)
        if country:  # "In Beijing, a foreign ministry spokesperson said": China
            return country
    if modifier is not None:
        # "an army spokesperson", "a ministry spokeswoman": the body the modifier names
        body = coref.resolve_role(ctx.text, modifier[0], modifier[1], ctx.entities, ctx.mentions)
        return ctx.speaker(body, verb)
    if kind == "person" or len(phrase.split()) > 4:
        return None
    return ctx.speaker(
        coref.resolve_role(ctx.text, start, phrase, ctx.entities, ctx.mentions), verb
    )


def _owner(ctx: _Context, inside: list[Mention]) -> Entity | None:
    """The person whose office, aides or spokesman a role phrase names: the last mention in it,
    a person written with a possessive ("Prime Minister Keir Starmer's office")."""
    if not inside or ctx.type_of(inside[-1]) != "PERSON":
        return None
    after = ctx.text[inside[-1].end_char : inside[-1].end_char + 2]
    return ctx.by_id[inside[-1].entity_id] if after in ("'s", "’s") else None


@cache
def _state_bodies() -> frozenset[str]:
    return frozenset(row["noun"] for row in read_csv_rows("quotes", "state_bodies.csv"))


@cache
def _governments() -> frozenset[str]:
    """The state bodies that are the government itself, wherever it sits."""
    rows = read_csv_rows("quotes", "state_bodies.csv")
    return frozenset(row["noun"] for row in rows if row["governs"] == "yes")


def _is_place(ctx: _Context, start: int, end: int) -> bool:
    """Whether body[start:end] is exactly one mention of a place."""
    inside = ctx.mentions_in(start, end)
    return (
        len(inside) == 1
        and ctx.type_of(inside[0]) in ("GPE", "LOC")
        and not ctx.text[inside[0].end_char : end].strip()
    )


def _government_seat(
    ctx: _Context, start: int, end: int, holder: str
) -> Entity | tuple[str, str | None] | None:
    """The country whose government sits at the place in body[start:end], when holder is a
    government word ("the government in Port Sudan", "the junta in Naypyidaw"): its entity when
    the article names the country, else (its name, None)."""
    role = coref.role_kind(holder)
    if role is None or role[0] not in _governments() or not _is_place(ctx, start, end):
        return None
    place = ctx.by_id[ctx.mentions_in(start, end)[0].entity_id]
    iso3 = place.country_code
    if iso3 is None:
        return None
    countries = [e for e in ctx.entities if e.country_code == iso3 and _is_country(e)]
    if countries:
        return countries[0]
    name = _country_name(iso3)
    return (name, None) if name else None


@cache
def _seats() -> dict[str, str]:
    """Capitals and seats of government -> the country's ISO-3 (the entity layer's table)."""
    return {row["city"]: row["iso3"] for row in read_csv_rows("gazetteer", "seats.csv")}


_PLACE_LEAD = re.compile(r"\s*(?:[A-Z][A-Z .'’-]+(?:,[^—–\n]{0,60})?\s+[—–-]\s+)?In\s+$")


def _opening_place(ctx: _Context, start: int, verb: str | None) -> _Speaker | None:
    """The country a sentence opening "In <country or capital>," names before the phrase at
    start, as the speaker: its entity when the article names the country, else its name."""
    sentence = coref.sentence_start(ctx.masked, start)
    mentions = ctx.mentions_in(sentence, start)
    if not mentions:
        return None
    place = mentions[0]
    entity = ctx.by_id[place.entity_id]
    if entity.type != "GPE" or not _PLACE_LEAD.fullmatch(ctx.text, sentence, place.start_char):
        return None
    if not re.match(r"\s*,", ctx.text[place.end_char : start]) or len(mentions) > 1:
        return None  # "In Tehran, state media quoted a ministry spokesman": no other name between
    iso3 = _seats().get(place.text) or _seats().get(entity.name)
    if iso3 is None:
        is_country = entity.country_code and place.kind in ("name", "alias", "metonym")
        iso3 = entity.country_code if is_country and _is_country(entity) else None
    if iso3 is None:
        return None
    countries = [e for e in ctx.entities if e.country_code == iso3 and _is_country(e)]
    if countries:
        return ctx.speaker(countries[0], verb)
    # the country the article never names on its own: its name, with no entity to link
    name = _country_name(iso3)
    return _Speaker(name, None, verb, "GPE") if name else None


@cache
def _country_name(iso3: str) -> str | None:
    from wirehouse import gazetteer  # the entity layer's table, loaded once per process

    entries = (e for forms in gazetteer.load().forms.values() for e in forms)
    return next((e.name for e in entries if e.kind == "country" and e.iso3 == iso3), None)


def _is_country(entity: Entity) -> bool:
    from wirehouse import gazetteer  # the entity layer's table, loaded once per process

    entries = gazetteer.load().forms.get(entity.name, ())
    return entity.type == "GPE" and any(
        e.kind == "country" and e.name == entity.name for e in entries
    )


@cache
def _compatriot_roles() -> frozenset[str]:
    return frozenset(row["noun"] for row in read_csv_rows("quotes", "compatriot_roles.csv"))


def _compatriot(ctx: _Context, start: int, inside: list[Mention]) -> Entity | None:
    """ "the French leader" with no French leader named: the latest person of that country in
    the paragraphs just before (Macron, named as "French President Emmanuel Macron")."""
    countries = {
        ctx.by_id[m.entity_id].country_code
        for m in inside
        if ctx.type_of(m) in ("GPE", "NORP") and ctx.by_id[m.entity_id].country_code
    }
    if len(countries) != 1 or not _DEFINITE.match(ctx.text, start):
        return None
    reach = coref.paragraph_start(ctx.text, start, 1, floor=start - coref.REACH_CHARS)
    people = [
        ctx.by_id[m.entity_id]
        for m in ctx.mentions_in(reach, start)
        if ctx.type_of(m) == "PERSON" and not coref.inside_quote(ctx.text, m.start_char)
    ]
    fellow = [p for p in people if p.country_code in countries]
    return fellow[-1] if fellow else None


_DEFINITE = re.compile(r"the\s", re.IGNORECASE)


def _modifier_body(ctx: _Context, start: int, phrase: str) -> tuple[int, str] | None:
    """The organisation word right before a spokes noun ("army" in "an army spokesperson"),
    with its offset; None when the word before is no organisation word."""
    words = list(_WORDS_AT.finditer(phrase))
    if len(words) < 2:
        return None
    word = words[-2]
    role = coref.role_kind(word.group())
    if role is None or role[1] != "org" or not word.group().islower():
        return None
    return start + word.start(), word.group()


def _segments(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of body[start:end], as offsets."""
    pieces, last = [], start
    for match in re.finditer(r"[,;:—–]|\s-\s", ctx.masked[start:end]):
        pieces.append((last, start + match.start()))
        last = start + match.end()
    pieces.append((last, end))
    return pieces


def _first_person(ctx: _Context, pieces: list[tuple[int, int]], verb: str) -> _Speaker | None:
    """Of a name and its apposition ("Lavrov, Russia's foreign minister" or "Brazil's chief
    negotiator, Ana Ribeiro"), the person; else whatever the first piece names."""
    found = [_resolve_phrase(ctx, a, b, verb) for a, b in pieces]
    people = [f for f in found if f and f.is_person]
    return people[0] if people else next((f for f in found if f), None)


# '… a promise of "total security", is under pressure from …': the quote sits inside the
# sentence's subject and its predicate follows; a speech verb further on frames something else
_PREDICATE = re.compile(
    r"^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|remains|"
    r"remained)\b"
)
_RELATIVE = re.compile(r"^\s*(?:which|who|whom|whose)\b", re.IGNORECASE)
# "which summoned …", "who had earlier": the relative word is the subject of the verb after it
_RELATIVE_SUBJECT = re.compile(
    r"^\s*(?:which|who)\s+(?!(?:the|a|an|its|their|his|her|this|these|those|some|many|he|she|it|"
    r"they|we|i|you)\b)[a-z]"
)
# auxiliaries the frame adverbs (data/quotes/frame_adverbs.csv) leave out: "who could not say"
_AUXILIARIES = frozenset(("can", "could", "may", "might", "must", "should", "did", "does", "do"))


def _relative_is_subject(clause: str) -> bool:
    """Whether the relative word opening clause (the text up to the speech verb) is the verb's
    subject: only auxiliaries and adverbs follow it ("who has long described"), or a verb of
    its own that the speech verb is joined to ("which summoned the envoy and accused"); not
    when a subject of its own follows ("which analysts called")."""
    if not _RELATIVE_SUBJECT.match(clause):
        return False
    words = [w.lower() for w in _WORDS.findall(clause)][1:]
    between = [w for w in words if w not in _AUXILIARIES | _frame_adverbs() | {"not", "never"}]
    if all(w.endswith("ly") for w in between):
        return True
    return words[-1] in _COORDINATORS and not coref.role_kind(words[0])


# the clause joined by "and" or "but" before the speaker phrase ("Rain hit Lagos and officials")
_CLAUSE_JOIN = re.compile(r"^.*\s(?:and|but|while)\s+(?=\S)", re.DOTALL)


_PHRASE_OPENER = re.compile(r"(?:the|a|an|its|their|his|her|[A-Z][\w’'-]*)$")


def _tail_entity(ctx: _Context, piece: tuple[int, int], verb: str) -> _Speaker | None:
    """The entity named at the end of a piece of text ("condemned by the European Union", "by
    China's defence ministry")."""
    tail = [m for m in ctx.mentions_in(*piece) if not ctx.text[m.end_char : piece[1]].strip()]
    placed = tail and ctx.type_of(tail[-1]) in ("GPE", "LOC")
    if placed and _IN_PLACE.search(ctx.text, piece[0], tail[-1].start_char):
        return None  # "business leaders in Cúcuta, who say": the place is no speaker
    if tail:
        return ctx.speaker(ctx.by_id[tail[-1].entity_id], verb)
    words = list(re.finditer(r"\S+", ctx.text[piece[0] : piece[1]]))[-4:]
    if not words or not coref.role_kind(words[-1].group()):
        return None
    opener = next((w for w in words if _PHRASE_OPENER.match(w.group())), None)
    if opener is None:
        return None
    return _resolve_phrase(ctx, piece[0] + opener.start(), piece[1], verb)


def _aside(text: str) -> bool:
    """A piece between commas that is no subject: adverbs only ("again") or a participial
    phrase ("meeting in Brussels on Monday")."""
    words = text.split()
    if not words:
        return False
    adverbs = all(w.lower() in _frame_adverbs() or w.lower().endswith("ly") for w in words)
    participle = words[0].islower() and words[0].endswith(("ing", "ed")) and len(words) > 1
    return adverbs or participle


def _subject_before(ctx: _Context, frame_start: int, verb_at: int, verb: str) -> _Speaker | None:
    """The speaker written before a verb: the piece right before it, past an apposition
    ("Sergei Lavrov, Russia's foreign minister, said") or a relative clause ("Minsk, which
    called them")."""
    pieces = _segments(ctx, frame_start, verb_at)
    while len(pieces) > 1 and _aside(ctx.text[pieces[-1][0] : pieces[-1][1]]):
        pieces = pieces[:-1]  # "Ministers from the EU, meeting in Brussels, again demanded"
    last_start, last_end = pieces[-1]
    text = ctx.text[last_start:last_end]
    relative = _RELATIVE.match(text)
    if relative and len(pieces) > 1 and _relative_is_subject(text):
        # "… condemned by Russia's Foreign Ministry, which summoned the envoy and accused …"
        return _tail_entity(ctx, pieces[-2], verb)
    if relative and len(pieces) > 1 and (len(text.split()) == 1 or "whose" in relative.group()):
        # "Minsk, which called them" / "the EU, whose foreign policy chief said"
        found = None
        if len(text.split()) > 1:
            found = _resolve_phrase(ctx, last_start + relative.end(), last_end, verb)
        return found if found and found.is_person else _tail_entity(ctx, pieces[-2], verb)
    if text.strip():
        joined = _CLAUSE_JOIN.match(text) if len(text.split()) > 5 else None
        if joined:  # "Heavy rain hit Lagos on Sunday and officials said": the last clause's
            return _resolve_phrase(ctx, last_start + joined.end(), last_end, verb)
        if len(text.split()) > 9:
            return None
        return _resolve_phrase(ctx, last_start, last_end, verb)
    # "Callum Reid, who took charge in the summer, said": the relative clause is no subject
    named = [
        p
        for p in pieces[:-1]
        if ctx.text[p[0] : p[1]].strip() and not _RELATIVE.match(ctx.text[p[0] : p[1]])
    ][-2:]
    return _first_person(ctx, named, verb)


def _phrase_after(ctx: _Context, start: int, limit: int) -> tuple[int, int]:
    """The noun phrase that follows a verb: up to a comma or a place/time adjunct (`limit` is
    the sentence end, so abbreviations like "Dr." stay in)."""
    stop = re.search(r"[,;:!?\n" + MASK + "]", ctx.masked[start:limit])
    end = start + stop.start() if stop else limit
    participle = _document_participles().search(ctx.text, start, end)
    if participle and participle.group("author") and participle.group("agent"):
        # "a statement issued by the ministry": the ministry speaks
        start = participle.start("agent")
    elif participle:  # "an FSB statement published on Friday", "a memo seen by Reuters"
        end = participle.start()
    cut = _PLACE_CUT.search(ctx.text[start:end])
    return start, start + cut.start() if cut else end


@cache
def _document_participles() -> re.Pattern[str]:
    """A participle after a document noun, with its agent when its kind is author."""
    rows = read_csv_rows("quotes", "document_participles.csv")
    authors = "|".join(re.escape(r["participle"]) for r in rows if r["kind"] == "author")
    readers = "|".join(re.escape(r["participle"]) for r in rows if r["kind"] == "reader")
    return re.compile(rf"\s+(?:(?P<author>{authors})|{readers})\b(?:\s+by\s+(?P<agent>\S))?")


def _speaker_after(ctx: _Context, start: int, limit: int, verb: str) -> _Speaker | None:
    """Inverted order: "said Pedro Alves, a fisherman" or "said Tuvalu's envoy, Losana Teleni"."""
    first = _phrase_after(ctx, start, limit)
    pieces = [first]
    rest = ctx.masked[first[1] : limit]
    if rest.startswith(","):
        second = _phrase_after(ctx, first[1] + 1, limit)
        if not _RELATIVE.match(ctx.text[second[0] : second[1]]):
            pieces.append(second)
    return _first_person(ctx, pieces, verb)


_QUOTED_AS = re.compile(
    r"\b(?:(?P<passive>(?:was|were|is|are)\s+)?quoted\s+(?P<object>[^,;:]*?)\s*)as\s+"
    r"(?:saying|telling|writing|calling|describing|warning|urging|accusing)\b"
)


def _quoted_as(ctx: _Context, begin: int, end: int) -> _Speaker | None:
    """A reported quotation: "Interfax quoted Peskov as saying", "Peskov was quoted as saying"."""
    match = _QUOTED_AS.search(ctx.masked, begin, end)
    if match is None:
        return None
    if match.group("passive"):
        return _subject_before(ctx, begin, match.start(), "quoted")
    return _resolve_phrase(ctx, match.start("object"), match.end("object"), "quoted")


def _long_apposition(ctx: _Context, begin: int, verb_at: int, verb: str) -> _Speaker | None:
    """A name with a long apposition closed by a comma before the verb ("Ana Silva, the head
    of the fishermen's association in the port of Matosinhos, told Reuters"): the name, when the
    entity layer knows it."""
    pieces = _segments(ctx, begin, verb_at)
    first, last = pieces[0], pieces[-1]
    if len(pieces) < 3 or ctx.text[last[0] : last[1]].strip():
        return None
    if len(ctx.text[first[0] : first[1]].split()) > 5:
        return None
    found = _resolve_phrase(ctx, first[0], first[1], verb)
    return found if found and found.entity_id else None


def _after_frame(ctx: _Context, span: QuoteSpan) -> _Speaker | None:
    """The frame after a quote: "…," Trump said / said Pedro Alves / according to the ministry."""
    if span.close_at is None:
        return None
    begin = span.close_at + 1
    if ctx.text[span.end - 1] == "." and _NEXT_CAPITAL.match(ctx.text, begin):
        return None  # '… "ready to sign." Press secretary Leavitt said': a new sentence
    limit = coref.sentence_end(ctx.masked, begin)
    stop = ctx.masked.find(MASK, begin, limit)
    limit = stop if stop != -1 else limit
    lead = re.match(r"[\s,;—–-]*", ctx.masked[begin:limit])
    begin += lead.end() if lead else 0
    if _QUOTED_AS.search(ctx.masked, begin, limit):
        return _quoted_as(ctx, begin, limit) or _nobody(ctx, begin, limit, "quoted")
    for match in _speech_verbs_in(ctx, begin, limit):
        verb = match.group()
        kind = speech_verbs()[verb.lower()]
        if kind == "describe":
            continue
        if match.start() == begin:
            if kind in ("speech", "according"):
                return _speaker_after(ctx, match.end(), limit, verb) or _nobody(
                    ctx, match.end(), limit, verb
                )
            return None
        subject = ctx.masked[begin : match.start()]
        if kind == "according":  # "…" in Geneva, according to the ministry
            return _speaker_after(ctx, match.end(), limit, verb) or _nobody(
                ctx, match.end(), limit, verb
            )
        if kind != "speech" or _PREDICATE.match(subject) or _next_clause(subject):
            return None
        if _CONJUNCTION.match(subject):
            return _sentence_final(ctx, begin, match.start(), verb)
        if len(subject.split()) > 9:
            return _long_apposition(ctx, begin, match.start(), verb)
        found = _subject_before(ctx, begin, match.start(), verb)
        if found is None and subject.rstrip().endswith(","):
            # "…" for farmers, said Ana Silva: no subject before the verb, so it follows
            found = _speaker_after(ctx, match.end(), limit, verb)
        return found or _nobody(ctx, begin, limit, verb)
    return None


_ADJUNCT_THEN_CLAUSE = re.compile(
    r"^(?:in|on|at|to|from|over|near|with|for|against)\s.*\b(?:and|but|while)\s"
)


def _next_clause(subject: str) -> bool:
    """Whether the words between a quote and a speech verb go on with the quote's own sentence
    (a place or a time) and then open a clause of their own: '… urged Beijing to "…" in the
    Taiwan Strait, and Japan's minister said …' frames this quote before it, not after."""
    return bool(_ADJUNCT_THEN_CLAUSE.match(subject))


def _sentence_final(ctx: _Context, begin: int, verb_at: int, verb: str) -> _Speaker | None:
    """'The strike was "a war crime" and must be punished, Lavrov said': a clause goes on after
    the quote and the sentence ends with its attribution, a named speaker after a comma."""
    pieces = _segments(ctx, begin, verb_at)
    words = ctx.text[pieces[-1][0] : pieces[-1][1]].split()
    if len(pieces) < 2 or not words or len(words) > 6 or not _COORDINATED.match(ctx.masked, begin):
        return None
    found = _resolve_phrase(ctx, *pieces[-1], verb)
    return found if found and found.name else None


_COORDINATED = re.compile(r"\s*(?:and|but)\s")


def _before_frame(ctx: _Context, span: QuoteSpan, floor: int) -> _Speaker | None:
    """He added, "…" / Kim said the soldiers were sent to "…" / According to Trump, "…"."""
    if span.open_at is None:
        return None
    end = span.open_at
    begin = max(floor, coref.sentence_start(ctx.masked, end))
    stop = ctx.masked.rfind(MASK, begin, end)
    begin = stop + 1 if stop != -1 else begin
    if _QUOTED_AS.search(ctx.masked, begin, end):
        return _quoted_as(ctx, begin, end) or _nobody(ctx, begin, end, "quoted")
    verbs = _speech_verbs_in(ctx, begin, end)
    for match in reversed(verbs):
        verb = match.group()
        kind = speech_verbs()[verb.lower()]
        agent = _BY_AGENT.match(ctx.masked, match.end(), end)
        if agent:  # "The arrests were condemned by Belgrade as "…"": the agent speaks
            return _resolve_phrase(ctx, agent.start(1), agent.end(1), verb) or _nobody(
                ctx, agent.start(1), agent.end(1), verb
            )
        if kind == "according":
            return _speaker_after(ctx, match.end(), end, verb) or _nobody(
                ctx, match.end(), end, verb
            )
        if kind == "participle":
            continue  # its subject is the speaker of an earlier verb in the sentence
        found = _subject_before(ctx, begin, match.start(), verb)
        if found is None and match.start() == begin:
            found = _speaker_after(ctx, match.end(), end, verb)
        if found is None and _coordinated(ctx, begin, match.start()):
            found = _coordinated_subject(ctx, begin, match.start(), verb)
        if found:
            return found
        if kind == "speech":
            return _nobody(ctx, begin, match.start(), verb)
    if verbs and speech_verbs()[verbs[-1].group().lower()] == "participle":
        # "The ministry condemned the attack, calling it "…"": the subject opening the clause;
        # "…, with spokesman Dmitry Peskov telling reporters …": the participle's own subject
        own = _WITH_SUBJECT.search(ctx.masked, begin, verbs[-1].start())
        if own:
            return _resolve_phrase(ctx, own.start(1), own.end(1), verbs[-1].group())
        return _opening_subject(ctx, begin, verbs[-1].start(), verbs[-1].group())
    return None if verbs else _colon_lead(ctx, begin, end)


def _colon_lead(ctx: _Context, begin: int, end: int) -> _Speaker | None:
    """A clause with no speech verb ending in a colon right before the quote: its subject
    speaks ("Prime Minister X had a warning for the rebels: "…""), when it is a name; a short
    label ("Ukraine war:") is no clause."""
    colon = ctx.masked.rfind(":", begin, end)
    if colon == -1 or ctx.masked[colon + 1 : end].strip():
        return None
    if len(ctx.text[begin:colon].split()) < 3:
        return None
    # past an opening adjunct ("In Kharkiv, a sign on a bakery door summed up the mood:")
    pieces = [p for p in _segments(ctx, begin, colon) if not _opens_with_preposition(ctx, *p)]
    found = _clause_subject(ctx, *pieces[0], "") if pieces else None
    if found is None or found.entity_id is None or found.type not in ("PERSON", "ORG"):
        return None
    found.verb = None  # no speech verb frames it
    return found


def _opens_with_preposition(ctx: _Context, start: int, end: int) -> bool:
    words = ctx.text[start:end].split()
    return bool(words) and words[0].lower() in coref.PREPOSITIONS


# a passive speech verb's agent, up to the "as" that introduces the quote ("described by
# officials as a "…"")
_BY_AGENT = re.compile(r"\s+by\s+([^,;:" + MASK + r"]+?)\s+as\b[^,;:" + MASK + r"]*$")
_WITH_SUBJECT = re.compile(r",\s+with\s+([^,;" + MASK + r"]+?)\s+$")


def _opening_subject(ctx: _Context, begin: int, verb_at: int, verb: str) -> _Speaker | None:
    """The subject opening the clause in body[begin:verb_at], past a dateline."""
    dateline = _DATELINE.match(ctx.text, begin)
    head = _segments(ctx, dateline.end() if dateline else begin, verb_at)[0]
    found = _clause_subject(ctx, *head, verb)
    if found is None and len(ctx.text[head[0] : head[1]].split()) <= 4:
        found = _resolve_phrase(ctx, head[0], head[1], verb)  # a name the layer missed
    return found


def _coordinated_subject(ctx: _Context, begin: int, verb_at: int, verb: str) -> _Speaker | None:
    """The subject of the clause a coordinated verb belongs to: the one opening the clause
    ("After meeting Putin, Trump praised the talks and said"), a pronoun ("he visited … and
    said"), or a name with its apposition before a clause that opens with its verb ("Keir
    Starmer, the prime minister, visited the site and said")."""
    dateline = _DATELINE.match(ctx.text, begin)
    pieces = _segments(ctx, dateline.end() if dateline else begin, verb_at)
    clause = pieces[-1]
    words = ctx.text[clause[0] : clause[1]].split()
    if not words:
        return None
    if words[0].lower() in coref.pronouns():
        at = clause[0] + ctx.text[clause[0] : clause[1]].index(words[0])
        return _resolve_phrase(ctx, at, at + len(words[0]), verb)
    people = [m for m in ctx.mentions_in(*clause) if ctx.type_of(m) == "PERSON"]
    if len(people) > 1 and re.search(
        r"\sand\s", ctx.text[people[0].end_char : people[1].start_char]
    ):
        return None  # "Ruto and Hassan met in Arusha and said": no one speaker
    found = _clause_subject(ctx, *clause, verb)
    leading = [p for p in pieces[:-1] if ctx.text[p[0] : p[1]].strip()]
    if found or not words[0].islower() or not leading or len(leading) > 3:
        return found
    if any(len(ctx.text[a:b].split()) > 6 for a, b in leading if not _is_apposition(ctx, a, b)):
        return None
    return _first_person(ctx, leading, verb)


_APPOSITION = re.compile(r"\s*(?:an?|the|who|whose|which)\s", re.IGNORECASE)


def _is_apposition(ctx: _Context, start: int, end: int) -> bool:
    """Whether body[start:end] describes the name before it, however long ("Rep. John Ferris,
    a Texas Republican who sits on the committee, welcomed ..."): it opens with an article or
    a relative word."""
    return bool(_APPOSITION.match(ctx.text, start, end))


def _coordinated(ctx: _Context, begin: int, verb_at: int) -> bool:
    """Whether the verb at verb_at follows "and" or "but" (past adverbs): a second verb whose
    subject opens the clause ("Sadeghi welcomed the deal and said …")."""
    words = _strip_tail(ctx.masked[begin:verb_at]).split()
    return len(words) > 1 and words[-1].lower() in _COORDINATORS


_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _clause_subject(ctx: _Context, start: int, end: int, verb: str) -> _Speaker | None:
    """The subject opening a clause: a name, or a role phrase with up to two lower-case words
    before its noun ("Nigeria's central bank raised ..."); nothing when a lower-case word comes
    first that is not part of a role phrase ("Heavy rain hit Lagos")."""
    inside = ctx.mentions_in(start, end)
    first = inside[0] if inside else None
    if first and ctx.type_of(first) == "PERSON":
        role = ctx.text[start : first.start_char].strip()
        if role and len(role.split()) <= 5 and coref.role_kind(role):
            # "Former central bank governor Mark Carney": a role written before the name
            return _resolve_phrase(ctx, start, first.end_char, verb)
    ends = {m.end_char for m in inside}
    lower = 0
    for word in list(_WORDS_AT.finditer(ctx.text, start, end))[:8]:
        capital_or_role = word.group()[0].isupper() or coref.role_kind(word.group())
        if capital_or_role and _NAME_GOES_ON.match(ctx.text, word.end(), end):
            continue  # "Iranian Deputy Foreign Minister Kazem Sadeghi": the name ends later
        if coref.role_kind(ctx.text[start : word.end()]):
            return _resolve_phrase(ctx, start, word.end(), verb)
        if word.end() in ends:
            return _resolve_phrase(ctx, start, word.end(), verb) if lower == 0 else None
        if word.group()[0].islower() and word.group().lower() not in ("the", "its", "their"):
            lower += 1
            if lower > 2:
                return None
    return None


def _is_label(ctx: _Context, group: list[QuoteSpan]) -> bool:
    """A term the reporter labels, not a statement: a few words, no sentence, right after a
    label marker ("Russia's so-called "shadow fleet"", "a plan dubbed "Iron Wall"")."""
    first = group[0]
    words = ctx.text[first.start : first.end]
    if len(group) > 1 or first.open_at is None or words[-1:] in ".!?…":
        return False
    if len(words.split()) > TITLE_WORDS:
        return False
    return bool(_label_markers().search(ctx.text, max(0, first.open_at - 30), first.open_at))


def _is_scare(text: str, group: list[QuoteSpan]) -> bool:
    """An unattributed quote that is a title ("Fishing for the Future", capitalised words) or a
    few words that are not a sentence of their own ('war development')."""
    words = " ".join(text[s.start : s.end] for s in group).strip()
    if _is_title(words):
        return True
    return len(words.split()) <= SCARE_WORDS and words[-1:] not in ".!?…,"


def _is_title(words: str) -> bool:
    """A few capitalised words: a title or a name ("Fishing for the Future", "Iron Dome")."""
    tokens = words.split()
    significant = [w for w in tokens if len(w) > 3]
    titled = len(significant) >= 2 and all(w[0].isupper() for w in significant)
    return titled and len(tokens) <= TITLE_WORDS


def _is_name_in_clause(ctx: _Context, group: list[QuoteSpan]) -> bool:
    """A title or name written inside a clause and followed by more of it ('The "Iron Dome"
    system intercepted most rockets, the military said'): the reporter's marks, not words the
    speaker of the sentence is quoted as saying."""
    last = group[-1]
    if len(group) > 1 or last.close_at is None:
        return False
    follows = re.match(r"\s+[a-z]", ctx.text[last.close_at + 1 : last.close_at + 3])
    return bool(follows) and _is_title(ctx.text[last.start : last.end])


def _groups(spans: Sequence[QuoteSpan]) -> list[list[QuoteSpan]]:
    groups: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        groups.setdefault(span.group, []).append(span)
    return list(groups.values())


def find_quotes(
    doc: coref.HasText | str, entities: Iterable[Entity], mentions: Sequence[Mention]
) -> list[Quote]:
    """Every quotation in the body with its speaker; doc is the parsed body (or its text)."""
    ctx = _Context(coref.text_of(doc), entities, mentions)
    spans = coref.quote_spans(ctx.text)  # shared with coref's look-ups of quoted sentences
    ctx.mask(spans)
    groups = _groups(spans)
    speakers: list[_Speaker | None] = []
    nicknames = [g for g in groups if len(g) == 1 and _inside_name(ctx, g[0])]
    groups = [g for g in groups if g not in nicknames]
    for group in groups:
        floor = ctx.line_of(group[0].start)
        after = _after_frame(ctx, group[-1])
        if after is None or after.name is None:
            after = _named(after, _before_frame(ctx, group[0], floor))
        speakers.append(after)
    for index in range(len(groups)):
        if speakers[index] is None:
            speakers[index] = _borrowed(ctx, groups, speakers, index) or _introduced(
                ctx, groups[index]
            )
    quotes = [_scare(ctx.text, group[0]) for group in nicknames]
    for group, speaker in zip(groups, speakers, strict=True):
        scare = (
            _is_label(ctx, group)
            or _is_name_in_clause(ctx, group)
            or ((speaker is None or speaker.name is None) and _is_scare(ctx.text, group))
        )
        for span in group:
            quotes.append(
                Quote(
                    text=ctx.text[span.start : span.end],
                    start_char=span.start,
                    end_char=span.end,
                    speaker=None if scare or speaker is None else speaker.name,
                    speaker_entity_id=None if scare or speaker is None else speaker.entity_id,
                    is_scare_quote=scare,
                    speech_verb=None if speaker is None else speaker.verb,
                )
            )
    return sorted(quotes, key=lambda quote: quote.start_char)


def _inside_name(ctx: _Context, span: QuoteSpan) -> bool:
    """A nickname written inside a person's name (Dwayne "The Rock" Johnson)."""
    lo = span.open_at if span.open_at is not None else span.start
    hi = span.close_at + 1 if span.close_at is not None else span.end
    before = ctx.mentions[max(0, bisect_left(ctx.starts, lo) - 3) : bisect_left(ctx.starts, lo)]
    return any(hi < m.end_char for m in before)


def _scare(text: str, span: QuoteSpan) -> Quote:
    return Quote(
        text=text[span.start : span.end],
        start_char=span.start,
        end_char=span.end,
        speaker=None,
        speaker_entity_id=None,
        is_scare_quote=True,
        speech_verb=None,
    )


def _introduced(ctx: _Context, group: list[QuoteSpan]) -> _Speaker | None:
    """A quotation standing as a sentence of its own, introduced by the sentence before: one
    ending in a colon ("the judge said:"), or one where a person speaks ("Vaitkus told reporters
    that ...") — the reporter's usual lead-in to a quotation of its own."""
    first, last = group[0], group[-1]
    if first.open_at is None:
        return None
    if last.close_at is not None:
        rest = ctx.masked[last.close_at + 1 : coref.sentence_end(ctx.masked, last.close_at)]
        if re.search(r"\w", rest):  # '"Hope" is the word': the quote is part of a sentence
            return None
    line = ctx.line_of(first.open_at)
    sentence = max(line, coref.sentence_start(ctx.masked, first.open_at))
    if ctx.text[sentence : first.open_at].strip() or sentence == 0:
        return None
    end = sentence
    while end > 0 and ctx.text[end - 1].isspace():
        end -= 1
    floor = ctx.line_of(end) if sentence == line else line
    start = max(floor, coref.sentence_start(ctx.masked, end - 1))
    if end <= start:
        return None
    colon = ctx.text[end - 1] == ":"
    for match in reversed(_speech_verbs_in(ctx, start, end)):
        verb = match.group()
        if speech_verbs()[verb.lower()] not in ("speech", "describe"):
            continue
        masked_before = ctx.masked.rfind(MASK, start, match.start())
        begin = masked_before + 1 if masked_before != -1 else start
        found = _subject_before(ctx, begin, match.start(), verb)
        if found is None and not ctx.masked[begin : match.start()].strip(" ,"):
            found = _speaker_after(ctx, match.end(), end, verb)
        if found and (colon or (found.is_person and found.type is not None)):
            return found
        break  # the verb's subject names no one: an event word may still name the speaker
    event = _speech_events().search(ctx.masked, start, end)
    if event is None:
        return _paragraph_subject(ctx, group, start, end) if sentence == line else None
    # "Admiral X, who commands the coast guard, gave an account of the boarding at a news
    # conference." introduces the quotation after it as "X said" would: a named person only,
    # the subject of the clause holding the event word or of the sentence's first piece
    dateline = _DATELINE.match(ctx.text, start)
    pieces = _segments(ctx, dateline.end() if dateline else start, event.start())
    for piece in (pieces[-1], pieces[0]):
        found = _clause_subject(ctx, *piece, "")
        if found and found.type == "PERSON":
            found.verb = None  # no speech verb frames it
            return found
    return None


def _paragraph_subject(
    ctx: _Context, group: list[QuoteSpan], start: int, end: int
) -> _Speaker | None:
    """A quotation that is a paragraph of its own, after a paragraph closing on a sentence about
    a named person ("Ngozi Okafor, head of the traders' association, has watched prices
    triple."): the reporter hands that person the floor, as a feature story does."""
    last = group[-1]
    if last.close_at is None or ctx.text[last.close_at + 1 : ctx.line_end(last.close_at)].strip():
        return None
    dateline = _DATELINE.match(ctx.text, start)
    head = _segments(ctx, dateline.end() if dateline else start, end)[0]
    found = _clause_subject(ctx, *head, "")
    if found is None or found.entity_id is None or found.type != "PERSON":
        return None
    found.verb = None  # no speech verb frames it
    return found


def _borrowed(
    ctx: _Context, groups: list[list[QuoteSpan]], speakers: list[_Speaker | None], index: int
) -> _Speaker | None:
    """A quote with no frame of its own, in a paragraph where another quote is attributed and
    only that quote's attribution sentence stands between them ("…," he said. "…")."""
    line = ctx.line_of(groups[index][0].start)
    for other in (index - 1, index + 1):
        if not 0 <= other < len(groups) or speakers[other] is None:
            continue
        neighbour = groups[other]
        if ctx.line_of(neighbour[-1].start) != line and ctx.line_of(neighbour[0].start) != line:
            continue
        first, second = (
            (neighbour[-1], groups[index][0])
            if other < index
            else (groups[index][-1], neighbour[0])
        )
        gap = ctx.masked[(first.close_at or first.end) + 1 : second.open_at or second.start]
        if len(gap.split()) <= BORROW_WORDS and len(coref.sentence_bounds(gap.strip())) == 1:
            return speakers[other]
    return None
