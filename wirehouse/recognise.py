"""Entity recognition: a spaCy component that finds PERSON, ORG, GPE, LOC and NORP spans.

No statistical model is needed. Known names come from the gazetteer (wirehouse.gazetteer);
names nobody listed are found by rule from capitalised token runs: after a title or role
("Foreign Minister Amara Okafor"), next to a speech verb ("said Pedro Alves"), by an
organisation's head or suffix ("Ministry of Health", "Acme Holdings"), by a place suffix or a
place context ("the Kursk region", "in Kharkiv"). A capital used as an actor stands for its
country ("Moscow may provide"); used as a place ("in Ankara", a "NAIROBI -" dateline) it stays
the city. Each span's reading (canonical name, codes, mention kind, role) is in `span._.wh`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirehouse import gazetteer
from wirehouse.gazetteer import Entry, Gazetteer
from wirehouse.resources import read_csv_rows

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
# Agents of armed groups that are not the state's forces ("M23 rebels", "a militia")
ARMED_AGENTS = frozenset({"REB", "INS", "SEP"})
# Agents of state bodies ("Interior Ministry", "Supreme Court"): never named after a city
GENERIC = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
MAX_FORM_TOKENS = 8
MAX_TITLE_TOKENS = 4


@dataclass(frozen=True)
class Reading:
    """What a recognised span refers to."""

    name: str
    type: str
    kind: str = "name"  # mention kind: name, alias, demonym, metonym
    iso3: str | None = None
    cameo: str | None = None
    role: str | None = None
    origin: str = "rule"  # the gazetteer kind that named it, "dateline", or "rule"
    agent: str | None = None  # CAMEO agent code implied by a title or an organisation's head


@cache
def _adjectives() -> dict[str, str]:
    """Each country's first listed adjective ("German"), to name its bodies."""
    adjectives: dict[str, str] = {}
    for row in read_csv_rows("gazetteer", "demonyms.csv"):
        if row["form"] == "adjective" and row["demonym"][:1].isupper():
            adjectives.setdefault(row["iso3"], row["demonym"])
    return adjectives


if not Span.has_extension("wh"):
    Span.set_extension("wh", default=None)


def _words(topic: str) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in read_csv_rows("entities", f"{topic}.csv"):
        groups.setdefault(row["group"], set()).add(row["word"])
    return {group: frozenset(words) for group, words in groups.items()}


@dataclass(frozen=True)
class Rules:
    """Word lists the rules use (data/entities/rule_words.csv)."""

    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    place_suffixes: frozenset[str]
    loc_suffixes: frozenset[str]
    speech_verbs: frozenset[str]
    locatives: frozenset[str]
    motion_words: frozenset[str]
    place_nouns: frozenset[str]
    area_words: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    appositive_starts: frozenset[str]
    place_contexts: frozenset[str]
    region_words: frozenset[str]
    byline_roles: frozenset[str]
    igo_prefixes: frozenset[str]
    not_org_acronyms: frozenset[str]
    group_pronouns: frozenset[str]
    org_context_after: frozenset[str]
    org_context_before: frozenset[str]
    river_words: frozenset[str]
    feature_words: frozenset[str]
    word_prefixes: frozenset[str]
    org_kinds: frozenset[str]
    language_nouns: frozenset[str]
    compass_words: frozenset[str]
    document_words: frozenset[str]
    role_words: frozenset[str]
    owner_prepositions: frozenset[str]
    product_words: frozenset[str]
    place_particles: frozenset[str]
    adjective_endings: frozenset[str]
    given_words: frozenset[str]
    family_first_surnames: frozenset[str]
    regnal_titles: frozenset[str]

    @classmethod
    def load(cls) -> Rules:
        groups = _words("rule_words")
        return cls(**{name: groups.get(name, frozenset()) for name in cls.__dataclass_fields__})


class Recogniser:
    def __init__(self, nlp: Language) -> None:
        self.gaz: Gazetteer = gazetteer.load()
        self.rules = Rules.load()
        self.index: dict[tuple[str, ...], tuple[Entry, ...]] = {}
        for form, entries in self.gaz.forms.items():
            key = tuple(t.text for t in _tokens(nlp, form))
            if len(key) <= MAX_FORM_TOKENS:
                self.index.setdefault(key, entries)
        self.longest: dict[str, int] = {}  # first token -> most tokens a form has
        for key in self.index:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        self.titles: dict[tuple[str, ...], str] = {}
        for row in read_csv_rows("gazetteer", "titles.csv"):
            title = row["title"]
            key = tuple(t.lower_ for t in _tokens(nlp, title))
            self.titles[key] = title
        # "US", "UK": the shortest capitalised alias of each country, for names built on it
        self.short_country: dict[str, str] = {}
        for form, entries in self.gaz.forms.items():
            if not (form.isupper() and form.isalpha()):
                continue
            for e in entries:
                if e.kind == "country" and e.iso3 and e.mention_kind == "alias":
                    known = self.short_country.get(e.iso3, form)
                    self.short_country[e.iso3] = min(known, form, key=len)
        # "South American", "East African": a region's adjective, no country's demonym
        self.region_adjectives = {
            tuple(t.text for t in _tokens(nlp, adjective))
            for row in read_csv_rows("gazetteer", "regions.csv")
            if " " in row["alias"]
            for adjective in _region_adjectives(row["alias"])
        }
        self.generic_bodies: set[tuple[str, str]] = {
            (row["name"], row["iso3"]) for row in read_csv_rows("entities", "generic_bodies.csv")
        }
        self.org_agents = {
            row["word"]: row["agent_code"] for row in read_csv_rows("entities", "org_agents.csv")
        }

    def __call__(self, doc: Doc) -> Doc:
        ours = _Pass(self, doc).run()
        taken = {i for span in ours for i in range(span.start, span.end)}
        theirs = [
            ent
            for ent in doc.ents
            if ent.label_ in TYPES and not any(i in taken for i in range(ent.start, ent.end))
        ]
        for ent in theirs:
            ent._.wh = Reading(ent.text, ent.label_)
        doc.ents = sorted(ours + theirs, key=lambda span: span.start)
        return doc


def _region_adjectives(region: str) -> list[str]:
    """The adjective and people of a region: "South America" -> "South American(s)"."""
    if region.endswith("a"):
        adjective = region + "n"
    elif region.endswith("Europe"):
        adjective = region + "an"
    else:
        return []
    return [adjective, adjective + "s"]


def _tokens(nlp: Language, phrase: str) -> Doc:
    """Tokens of a phrase as they come inside a sentence ("Dr." stays one token)."""
    return nlp.make_doc(phrase + " x")[:-1]


@Language.factory("wirehouse_entities")
def make_recogniser(nlp: Language, name: str) -> Recogniser:
    return Recogniser(nlp)


@dataclass(slots=True)
class _Tok:
    """The token attributes the rules read, copied once: spaCy makes a new Token per access."""

    i: int
    text: str
    lower_: str
    whitespace_: str
    idx: int
    is_space: bool
    is_alpha: bool
    is_upper: bool
    is_punct: bool
    is_stop: bool
    is_quote: bool
    like_url: bool
    is_sent_start: bool

    @classmethod
    def of(cls, t: Token) -> _Tok:
        return cls(
            t.i,
            t.text,
            t.lower_,
            t.whitespace_,
            t.idx,
            t.is_space,
            t.is_alpha,
            t.is_upper,
            t.is_punct,
            t.is_stop,
            t.is_quote,
            t.like_url,
            bool(t.is_sent_start),
        )


class _Pass:
    """One document's recognition; holds the spans found so far."""

    def __init__(self, rec: Recogniser, doc: Doc) -> None:
        self.rec, self.doc, self.rules, self.gaz = rec, doc, rec.rules, rec.gaz
        self.spans: dict[int, tuple[int, Reading]] = {}  # start -> (end, reading)
        self.owner = [-1] * len(doc)  # token -> start of the span covering it
        self.toks = [_Tok.of(token) for token in doc]
        self.body = "".join([token.text + token.whitespace_ for token in self.toks])  # doc.text
        self.texts = [token.text for token in self.toks]

    # -- bookkeeping -------------------------------------------------------------------
    def add(self, start: int, end: int, reading: Reading) -> None:
        if start >= end or any(self.owner[i] >= 0 for i in range(start, end)):
            return
        self.spans[start] = (end, reading)
        for i in range(start, end):
            self.owner[i] = start

    def remove(self, start: int) -> None:
        end, _ = self.spans.pop(start)
        for i in range(start, end):
            self.owner[i] = -1

    def run(self) -> list[Span]:
        self.datelines()
        self.regional_adjectives()
        self.nicknames()
        self.hyphenated_names()
        self.gazetteer_matches()
        self.joined_places()
        self.foreign_bodies()
        self.longer_names()
        self.people_not_places()
        self.name_runs()
        self.named_documents()
        self.of_places()
        self.missions()
        self.acronyms()
        self.surnames()
        self.particle_surnames()
        self.brands()
        self.products()
        self.accent_variants()
        self.ambiguous_regions()
        self.assign_countries()
        result = []
        for start, (end, reading) in sorted(self.spans.items()):
            if reading.origin == "blocked":
                continue
            span = Span(self.doc, start, end, label=reading.type)
            span._.wh = self.cameo_country(reading)
            result.append(span)
        return result

    def cameo_country(self, reading: Reading) -> Reading:
        """CAMEO's own country code where it is not the ISO one (Kosovo: KSV, ISO user code
        XKX): cameo_code is a CAMEO actor code, so a Kosovar official is KSVGOV and a Kosovar
        town KSV, while country_code keeps the ISO code."""
        code = self.gaz.cameo_countries.get(reading.iso3 or "")
        if code is None:
            return reading
        return replace(reading, cameo=code + (reading.cameo or "")[3:])

    def span_text(self, start: int, end: int) -> str:
        first, last = self.toks[start], self.toks[end - 1]
        return self.body[first.idx : last.idx + len(last.text)]

    def sentence_end(self, i: int) -> int:
        i += 1
        while i < len(self.toks) and not self.toks[i].is_sent_start:
            i += 1
        return i

    # -- token tests -------------------------------------------------------------------
    def is_name_token(self, token: _Tok) -> bool:
        text = token.text
        return (
            text[:1].isupper()
            and any(c.isalpha() for c in text)
            and text not in self.rules.not_names
            and not token.like_url
        )

    def is_common(self, token: _Tok) -> bool:
        return token.lower_ in self.gaz.common_words

    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and (self.toks[j].is_quote or self.toks[j].text in "(["):
            j -= 1
        return (
            j < 0
            or self.toks[i].is_sent_start
            or self.toks[j].is_space
            or self.toks[j].text in ":—–-"
        )

    def prev_word(self, i: int, back: int = 1) -> str:
        j = i - back
        return self.toks[j].lower_ if j >= 0 else ""

    def next_word(self, i: int) -> str:
        return self.toks[i].lower_ if i < len(self.toks) else ""

    # -- datelines: "NAIROBI, Kenya —" or "KYIV (Reuters) -" opening a paragraph ---------
    def datelines(self) -> None:
        doc = self.toks
        for token in doc:
            if not (token.i == 0 or doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text):
                continue
            end = token.i
            while end < len(doc) and doc[end].is_alpha and doc[end].is_upper and end - token.i < 4:
                end += 1
            if end == token.i or end >= len(doc) or doc[end].text not in (",", "—", "–", "-", "("):
                continue
            name = self.span_text(token.i, end).title()
            entry = self.city_entry(name)
            if entry:
                reading = Reading(entry.name, "GPE", "name", entry.iso3, None, origin="dateline")
                self.add(token.i, end, reading)

    def city_entry(self, name: str) -> Entry | None:
        for entry in self.gaz.forms.get(name, ()):
            if entry.kind in ("city", "state"):
                return entry
            if entry.kind == "country" and entry.mention_kind == "metonym":
                return Entry(name, "GPE", "city", entry.iso3, None)
        return self.gaz.context_cities.get(name)

    def regional_adjectives(self) -> None:
        """A region's adjective ("South American governments", "East African traders") names
        no entity: its tokens are held so that neither "American" nor a name run reads them."""
        sizes = {len(key) for key in self.rec.region_adjectives}
        for i in range(len(self.texts)):
            for size in sizes:
                words = tuple(self.texts[i : i + size])
                # "Southern African Development Community" is a name of its own
                if words in self.rec.region_adjectives and not self.name_word_at(i + size):
                    self.add(i, i + size, Reading(" ".join(words), "", origin="blocked"))

    def name_word_at(self, i: int) -> bool:
        return i < len(self.toks) and self.is_name_token(self.toks[i])

    # -- nicknames: Dwayne "The Rock" Johnson ------------------------------------------
    def nicknames(self) -> None:
        """A nickname in quotation marks inside a name: the person is the name without it
        ("Dwayne Johnson"), and the nickname written alone later is the same person."""
        doc, found = self.toks, {}
        for token in doc:
            i = token.i
            if not token.is_quote or i == 0 or not self.is_name_token(doc[i - 1]):
                continue
            close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].is_quote), None)
            if close is None or close == i + 1 or close + 1 >= len(doc):
                continue
            inside = doc[i + 1 : close]
            if not self.is_name_token(inside[0]) or not self.is_name_token(doc[close + 1]):
                continue
            first = i - 1
            while first > 0 and i - first < 2 and self.is_name_token(doc[first - 1]):
                first -= 1
            if self.sentence_initial(first) and self.is_common(doc[first]):
                continue
            last = close + 2
            while last < len(doc) and last - close < 3 and self.is_name_token(doc[last]):
                last += 1
            names = [t.text for t in doc[first:i]] + [t.text for t in doc[close + 1 : last]]
            reading = Reading(" ".join(names), "PERSON")
            self.add(first, last, reading)
            found[tuple(t.text for t in inside)] = replace(reading, kind="alias")
        for nickname, reading in found.items():
            size = len(nickname)
            for start in range(len(doc) - size + 1):
                if tuple(self.texts[start : start + size]) == nickname:
                    self.add(start, start + size, reading)

    # -- hyphenated given names: "Park Ji-hoon", "Ji-hoon Park" ------------------------
    def hyphenated_names(self) -> None:
        """A romanised given name joined by a hyphen with a lower-case second part ("Ji-hoon",
        "Min-jae") next to a capitalised word is a person's name, even where the surname is an
        ordinary word ("Park", "Moon") or a listed name ("Kim")."""
        doc = self.toks
        for token in doc:
            i = token.i
            if not self.given_hyphen(i) or self.owner[i] >= 0:
                continue
            if i > 0 and self.surname_word(i - 1) and doc[i - 1].whitespace_ == " ":
                start, end = i - 1, i + 3
            elif i + 3 < len(doc) and self.surname_word(i + 3) and doc[i + 2].whitespace_ == " ":
                start, end = i, i + 4
            else:
                continue
            role_start = self.title_before(start)
            role = None if role_start is None else self.span_text(role_start, start).strip(" ,")
            self.add_person(start, end, role, start if role_start is None else role_start)

    def given_hyphen(self, i: int) -> bool:
        doc = self.toks
        if i + 2 >= len(doc) or doc[i + 1].text != "-":
            return False
        if doc[i].whitespace_ or doc[i + 1].whitespace_:
            return False
        first, second = doc[i], doc[i + 2]
        return (
            first.is_alpha
            and first.text[:1].isupper()
            and second.is_alpha
            and second.text.islower()
            and len(first.text) <= 6
            and len(second.text) <= 6
            and first.lower_ not in self.rules.word_prefixes  # "Anti-war", "Self-made"
            and second.lower_ not in self.gaz.titles
        )

    def surname_word(self, i: int) -> bool:
        token = self.toks[i]
        return (
            token.is_alpha
            and token.text[:1].isupper()
            and not token.is_stop
            and token.lower_ not in self.gaz.titles
            and token.text not in self.rules.not_names
            and self.owner[i] < 0
        )

    # -- gazetteer forms ---------------------------------------------------------------
    def gazetteer_matches(self) -> None:
        texts, index, longest = self.texts, self.rec.index, self.rec.longest
        i = 0
        while i < len(texts):
            if self.owner[i] >= 0 or texts[i] not in longest:
                i += 1
                continue
            for size in range(min(longest[texts[i]], len(texts) - i), 0, -1):
                entries = self.in_context(i, i + size, index.get(tuple(texts[i : i + size])))
                if (
                    entries
                    and not self.glued(i, i + size, entries[0])
                    and not self.place_in_org_name(i, i + size, entries[0])
                ):
                    self.add(i, i + size, self.read_form(i, i + size, entries))
                    if entries[0].kind == "igo":
                        self.merge_prefix(i, None)
                    i += size
                    break
            else:
                i += 1

    def joined_places(self) -> None:
        """ "San Antonio del Táchira", "San José de Cúcuta": a listed place, a particle and
        another name are one place (not the Texan city and a Venezuelan state); its country is
        the gazetteer town's, else the second part's. A later "San Antonio" is the same place."""
        toks, shorts = self.toks, {}
        for start, (end, reading) in sorted(self.spans.items()):
            if start not in self.spans or reading.type != "GPE" or reading.origin == "country":
                continue
            last = end
            while last < len(toks) and toks[last].lower_ in self.rules.place_particles:
                last += 1
            if last == end or last - end > 2 or last >= len(toks):
                continue
            if self.owner[last] == last:
                second_end, second = self.spans[last]
                if second.type not in ("GPE", "LOC") or second.origin == "country":
                    continue
            elif self.is_name_token(toks[last]) and self.owner[last] < 0:
                second_end, second = last + 1, reading
                listed = gazetteer.fold(self.span_text(start, second_end))
                if listed not in gazetteer.place_countries():
                    continue  # "in Paris de Gaulle said" joins no place
            else:
                continue
            name = " ".join(self.span_text(start, second_end).split())
            self.remove(start)
            if self.owner[last] >= 0:
                self.remove(last)
            # a joined name is specific enough for the gazetteer's largest town of that name
            towns = gazetteer.place_countries().get(gazetteer.fold(name), ())
            iso3 = self.town_country(name, start) or next(iter(towns), None)
            iso3 = iso3 or second.iso3 or reading.iso3
            self.add(start, second_end, Reading(name, "GPE", iso3=iso3))
            shorts[self.span_text(start, end)] = Reading(name, "GPE", "alias", iso3)
        for start, (end, reading) in list(self.spans.items()):
            short = shorts.get(self.span_text(start, end))
            if short is not None and reading.origin != "country":  # a later "San Antonio"
                self.spans[start] = (end, short)

    def place_in_org_name(self, start: int, end: int, entry: Entry) -> bool:
        """A place named inside an organisation's name, between its head and more of the name:
        "Centre for Sahel Strategic Studies", "Alliance of Sahel States" (the name rules read
        the whole run; "Reserve Bank of Australia" ends at the place and is read by of_places)."""
        doc = self.toks
        if entry.type not in ("GPE", "LOC") or start < 2 or end >= len(doc):
            return False
        head = doc[start - 2].text in self.rules.org_heads
        if not head or doc[start - 1].lower_ not in ("of", "for"):
            return False
        following = doc[end]
        return (
            self.is_name_token(following)
            and doc[end - 1].whitespace_ == " "
            and following.lower_ not in self.gaz.titles
            and (following.text,) not in self.rec.index
        )

    def in_context(
        self, start: int, end: int, entries: tuple[Entry, ...] | None
    ) -> tuple[Entry, ...] | None:
        """The readings of a form its context allows, best first. A one-word river needs "the"
        or a river word ("the Juba" is the river, "Juba" the city; "Don" alone is a name); after
        "the" a one-word company is not meant ("the Amazon")."""
        if not entries:
            return entries
        rivers = tuple(e for e in entries if e.kind == "river")
        the = self.prev_word(start) == "the"
        feature = self.next_word(end)
        if not rivers and the and feature in self.rules.feature_words:
            return self.feature_of(start, end, entries, feature)
        single = end - start == 1
        if rivers and (single or rivers != entries):
            if the or feature in self.rules.river_words or self.after_river(start):
                return rivers
            entries = tuple(e for e in entries if e.kind != "river")
        if entries and entries[0].kind == "org" and the and single and not self.org_context(start):
            entries = entries[1:]
        return entries

    def feature_of(
        self, start: int, end: int, entries: tuple[Entry, ...], feature: str
    ) -> tuple[Entry, ...]:
        """ "the Kafue river": a town's name before a river word names the river."""
        if entries[0].kind not in ("city", "seat"):
            return entries
        noun = feature.removesuffix("s").title()
        return (Entry(f"{self.span_text(start, end)} {noun}", "LOC", "river"),)

    def after_river(self, start: int) -> bool:
        """ "the Juba and Shabelle": the second of two rivers named together."""
        if (
            self.prev_word(start) not in ("and", "or", ",")
            or start < 2
            or self.owner[start - 2] < 0
        ):
            return False
        return self.spans[self.owner[start - 2]][1].origin == "river"

    def glued(self, start: int, end: int, entry: Entry) -> bool:
        """A one-word place or surname inside a longer unknown name ("Vladimir Smirnov")."""
        if entry.kind == "country" and entry.mention_kind in ("name", "alias"):
            return end - start == 1 and self.country_in_name(start)
        single = end - start == 1
        if entry.kind == "org" and single and not self.org_context(start):
            if self.prev_word(start) == "the":
                return True  # "the Renaissance" is a period, "the Amazon" a river
            if self.is_common(self.toks[start]) and not self.standalone(start):
                return True  # "Meta" and "Shell" are words too
            if start > 0 and self.sentence_initial(start - 1) and self.unknown_name_at(start - 1):
                return not self.toks[start - 1].is_stop  # "Ana Roche"
        placeish = entry.mention_kind == "metonym" or entry.kind in ("city", "state", "region")
        placeish = placeish or entry.kind == "org"  # "Ricardo Vale", "Ana Roche"
        if end - start > 1 or not (placeish or entry.kind == "person"):
            return False
        doc = self.toks
        after = end < len(doc) and self.is_name_token(doc[end]) and doc[end - 1].whitespace_ != ""
        after = after and self.unknown_name_at(end)
        before = (
            start > 0 and self.is_name_token(doc[start - 1]) and self.unknown_name_at(start - 1)
        )
        if before and self.sentence_initial(start - 1):
            # "Sam Rivera, a nurse, ..." / "Sam Rivera said": a sentence-initial word is a
            # first name only where the run reads as a person, here or elsewhere in the article
            person = self.reads_as_person(start - 1, end) or self.person_elsewhere(start - 1, end)
            before = person and not doc[start - 1].is_stop
        return after or before

    def reads_as_person(self, start: int, end: int) -> bool:
        """A speech verb or an apposition ("Sam Rivera, a nurse, ...") next to the run."""
        appositive = self.next_word(end) == "," and (
            self.next_word(end + 1) in self.rules.appositive_starts
        )
        return appositive or self.speech_next_to(start, end)

    def person_elsewhere(self, start: int, end: int) -> bool:
        """The same words read as a person at another place in the article: "Ivan Sokolov
        praised the players" after "Ivan Sokolov, the coach, ..." (Sokolov is also a Czech
        district) is the same man."""
        words, size = self.texts[start:end], end - start
        for i in range(len(self.texts) - size + 1):
            if i == start or self.texts[i : i + size] != words:
                continue
            if not self.sentence_initial(i) or self.reads_as_person(i, i + size):
                return True
        return False

    def country_in_name(self, i: int) -> bool:
        """A one-word country name that is part of a person's name: "Prime Minister Luís
        Montenegro", "Jordan Peterson, a psychologist, said", "Mr Montenegro". Unlike a city,
        a country is glued only where the run reads as a person (a title before it, a speech
        verb or an apposition next to it): "Chad Basin" or "Georgia Tbilisi" stay places."""
        doc = self.toks
        first, last = i, i + 1
        while first > 0 and i - first < 2 and self.name_part(first - 1, first):
            first -= 1
        while last < len(doc) and last - i < 3 and self.name_part(last, last - 1):
            last += 1
        if first == i and last == i + 1:
            return self.honorific_before(i)
        title = self.title_before(first)
        if first < i and not self.sentence_initial(first):
            return True  # "Minister Luís Montenegro", "voters backed Luís Montenegro"
        return title is not None or self.speech_next_to(first, last)

    def name_part(self, i: int, neighbour: int) -> bool:
        """An unknown capitalised word written next to another word of the same name."""
        doc = self.toks
        left = doc[min(i, neighbour)]
        if "\n" in left.whitespace_ or left.whitespace_ == "" or not self.is_name_token(doc[i]):
            return False
        word = doc[i].text
        suffix = word in self.rules.place_suffixes or word in self.rules.loc_suffixes
        return self.unknown_name_at(i) and not suffix and word not in self.rules.org_suffixes

    def honorific_before(self, i: int) -> bool:
        """ "Mr Montenegro", "President Montenegro": a title right before the name."""
        start = self.title_before(i)
        return start is not None and self.toks[i - 1].text != "," and start < i

    def org_context(self, i: int) -> bool:
        """Words around a one-word name that make it an organisation: "Meta said in a
        statement", "shares of Nvidia", "a Lumora spokesperson" (data/entities/rule_words.csv)."""
        after = " ".join(t.lower_ for t in self.toks[i + 1 : i + 5])
        before = " ".join(t.lower_ for t in self.toks[max(0, i - 3) : i])
        if self.prev_word(i) in self.rules.org_kinds:  # "the Norwegian operator Arktel"
            return True
        if self.prev_word(i) == "," and self.prev_word(i, 2) in self.rules.org_kinds:
            return self.next_word(i + 1) in (",", ".")  # "the grid operator, Ukrmerezha,"
        if self.org_apposition(i + 1):  # "Arktel, the state-owned company that ..."
            return True
        return any(
            after == phrase or after.startswith(phrase + " ")
            for phrase in self.rules.org_context_after
        ) or any(
            before == phrase or before.endswith(" " + phrase)
            for phrase in self.rules.org_context_before
        )

    def org_apposition(self, end: int) -> bool:
        """Whether ", a/the ... company" (an organisation noun within five words) follows."""
        if self.next_word(end) != "," or self.next_word(end + 1) not in ("a", "an", "the"):
            return False
        for j in range(end + 2, min(end + 7, len(self.toks))):
            word = self.toks[j].lower_
            if word in self.rules.org_kinds:
                return True
            if word in (",", ".", ";", "who", "that", "which"):
                return False
        return False

    def standalone(self, i: int) -> bool:
        """A capitalised ordinary word alone in mid-sentence is a name ("voters backed
        Renaissance"), unless an article makes it a thing ("the Renaissance") or it opens a
        longer name ("Labour Day")."""
        if self.sentence_initial(i) or self.prev_word(i) in ("the", "a", "an"):
            return False
        following = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return following is None or not self.is_name_token(following)

    def unknown_name_at(self, i: int) -> bool:
        token = self.toks[i]
        if self.owner[i] >= 0 or token.lower_ in self.gaz.titles or self.is_common(token):
            return False
        return (token.text,) not in self.rec.index or token.text in self.rules.place_suffixes

    def read_form(self, start: int, end: int, entries: tuple[Entry, ...]) -> Reading:
        entry = entries[0]
        if entry.kind == "person":
            return self.person_reading(entry, start)
        if entry.mention_kind == "metonym" and self.used_as_place(start, end):
            city = next((e for e in entries if e.kind == "city"), None)
            iso3 = entry.iso3 or None
            entry = city or Entry(self.span_text(start, end), "GPE", "city", iso3, None)
        return Reading(
            entry.name, entry.type, entry.mention_kind, entry.iso3, entry.cameo, origin=entry.kind
        )

    def used_as_place(self, start: int, end: int) -> bool:
        rules, prev = self.rules, self.prev_word(start)
        if prev in rules.locatives:
            return True
        if prev in ("to", "from") and self.prev_word(start, 2) in rules.motion_words:
            return True
        if prev in ("of", ",") and self.prev_word(start, 2) in rules.place_nouns:
            return True
        following = self.next_word(end)
        if following in ("-based", "based") or following in rules.area_words:
            return True
        return following == "," and end + 1 < len(self.toks) and self.is_country(end + 1)

    def is_country(self, i: int) -> bool:
        entries = self.rec.index.get((self.toks[i].text,)) or self.rec.index.get(
            tuple(t.text for t in self.toks[i : i + 2])
        )
        return bool(entries) and entries[0].kind in ("country", "state")

    # -- capitalised runs --------------------------------------------------------------
    def name_runs(self) -> None:
        doc, i = self.toks, 0
        while i < len(doc):
            if (
                self.owner[i] >= 0
                or not self.texts[i][:1].isupper()
                or not self.is_name_token(doc[i])
            ):
                i += 1
                continue
            end = self.run_end(i)
            self.classify(i, end)
            i = max(end, i + 1)

    def run_end(self, start: int) -> int:
        doc, end = self.toks, start + 1
        while end < len(doc) and self.owner[end] < 0:
            token, before = doc[end], doc[end - 1]
            if self.is_name_token(token) and "\n" not in before.whitespace_ + before.text:
                end += 1
            elif token.text in ("-", "'") and token.whitespace_ == "" and before.whitespace_ == "":
                if end + 1 < len(doc) and doc[end + 1].is_alpha and self.owner[end + 1] < 0:
                    end += 2
                else:
                    break
            elif self.connects(end):
                end += 1
            elif self.plural_possessive(end):
                end += 2  # "European Wind Manufacturers' Association"
            else:
                break
        return end

    def plural_possessive(self, i: int) -> bool:
        """An apostrophe after a plural inside a name, before the organisation's head word:
        "Manufacturers' Association", "Farmers' Union"."""
        doc = self.toks
        if doc[i].text not in ("'", "’") or i + 1 >= len(doc) or self.owner[i + 1] >= 0:
            return False
        before, following = doc[i - 1], doc[i + 1].text
        glued = before.whitespace_ == "" and before.text.endswith("s") and doc[i].whitespace_
        return bool(glued) and following in self.rules.org_heads

    def connects(self, i: int) -> bool:
        """A small word inside a name: "Ministry of Health", "Osama bin Laden"."""
        doc, rules = self.toks, self.rules
        if i + 1 >= len(doc) or self.owner[i + 1] >= 0:
            return False
        following = doc[i + 1]
        if following.lower_ == "the" and i + 2 < len(doc):
            following = doc[i + 2]
        elif following.text == "-" and not doc[i].whitespace_ and i + 2 < len(doc):
            following = doc[i + 2]  # "al-Rawahi", "el-Sisi"
        if not self.is_name_token(following):
            return False
        return doc[i].lower_ in rules.particles or doc[i].lower_ in rules.connectors

    def classify(self, start: int, end: int) -> None:
        doc = self.toks
        while start < end and (
            not self.is_name_token(doc[start])
            or self.sentence_initial(start)
            and self.is_common(doc[start])
            and (doc[start].is_stop or not self.org_shaped(start, end))
            and self.title_at(start, end) == start
            and not self.given_name(start, end)
        ):
            start += 1
        while end > start and not self.is_name_token(doc[end - 1]):
            end -= 1
        if start >= end:
            return
        coordination = self.coordination(start, end)
        if coordination:
            self.classify(start, coordination)
            after = coordination + (2 if self.toks[coordination + 1].lower_ == "the" else 1)
            self.classify(after, end)
            return
        if self.org_shaped(start, end):
            start = self.after_common_of(start, end)
            self.add_org(start, end)
            return
        piece = start
        for i in range(start, end + 1):
            if i == end or doc[i].lower_ in self.rules.connectors:
                if i > piece:
                    self.classify_piece(piece, i)
                piece = i + 1

    def coordination(self, start: int, end: int) -> int | None:
        """Where "X and the Y" joins two names (the "and"), if it does; also "Corlan Materials
        and Brightwell Energy", two companies each ending in its own suffix."""
        suffixes = self.rules.org_suffixes
        for i in range(start + 1, end - 1):
            if self.toks[i].lower_ != "and":
                continue
            if i + 2 < end and self.toks[i + 1].lower_ == "the":
                return i
            two = self.toks[i - 1].text in suffixes and self.toks[end - 1].text in suffixes
            if two and i - start >= 2 and end - i >= 3:
                return i
        return None

    def after_common_of(self, start: int, end: int) -> int:
        """ "Shares of Tervan Logistics": an ordinary word and "of" before a company's name are
        not part of it ("Ministry of Health" keeps its head)."""
        doc, rules = self.toks, self.rules
        ordinary = self.is_common(doc[start]) and doc[start].text not in rules.org_heads
        if start + 3 < end and ordinary and doc[start + 1].lower_ == "of":
            if doc[end - 1].text not in rules.org_suffixes:
                return start
            return start + 3 if doc[start + 2].lower_ == "the" else start + 2
        return start

    def org_shaped(self, start: int, end: int) -> bool:
        """An organisation's name: "... Holdings", "Ministry of ...", "Centre for ..."."""
        rules, doc = self.rules, self.toks
        if end - start < 2 and doc[start].text not in ("FC",):
            return False
        if doc[end - 1].text in rules.org_suffixes:
            return True
        return any(
            doc[i].text in rules.org_heads and doc[i + 1].lower_ in rules.connectors
            for i in range(start, end - 1)
        )

    def classify_piece(self, start: int, end: int) -> None:
        doc, rules = self.toks, self.rules
        words = [t.text for t in doc[start:end]]
        across = self.title_across(start, end)
        if across is not None:  # "Secretary of State Marcia Caldwell": the run is "State ..."
            title_start, title_end = across
            self.add_person(title_end, end, self.span_text(title_start, title_end), title_start)
            return
        title_end = self.title_inside(start, end)
        if title_end > start:
            self.add_person(title_end, end, self.span_text(start, title_end), start)
            return
        if words[-1] in rules.place_suffixes or words[-1] in rules.loc_suffixes:
            kind = "GPE" if words[-1] in rules.place_suffixes else "LOC"
            if len(words) > 1:
                self.add(start, end, Reading(" ".join(words), kind))
            return
        name = self.span_text(start, end)
        feature = self.next_word(end)
        if feature in self.rules.feature_words and self.prev_word(start) in ("the", "and", ","):
            # "the Kafue river", "the Rift valley": a natural feature, named with its noun
            noun = feature.removesuffix("s").title()
            self.add(start, end, Reading(f"{name} {noun}", "LOC", origin="river"))
            return
        if self.context_city(name, start, end):
            return
        role_start = self.title_before(start)
        if role_start is not None:
            self.add_person(start, end, self.span_text(role_start, start).strip(" ,"), role_start)
            return
        if self.prev_word(start) in rules.org_kinds and not self.sentence_initial(start):
            self.add(start, end, Reading(name, "ORG"))  # "the charity Open Harbour"
            return
        if end - start == 1 and self.acronym_or_brand(doc[start]):
            self.add(start, end, Reading(name, "ORG"))
            return
        if all(self.is_common(t) for t in doc[start:end]) or name.isupper():
            return
        if self.byline(start):
            return
        if self.adjective(start, end):
            return  # "the Sicilian port", "a Bavarian town": an adjective, not a place
        if self.in_place_context(start, end):
            self.add(start, end, Reading(" ".join(words), "GPE"))
        elif self.prev_word(start) == "the" and not self.speech_next_to(start, end):
            return  # "the Kapitan Lebedev", "the Sea Lantern": a ship or a brand, not a person
        elif len(words) >= 2 and (self.speech_next_to(start, end) or self.plain_name(start, end)):
            self.add_person(start, end, None, start)

    def adjective(self, start: int, end: int) -> bool:
        """One unlisted word with a demonym's ending before a lowercase noun ("Sicilian port")."""
        if end - start != 1 or end >= len(self.toks):
            return False
        following = self.toks[end].text
        ending = self.toks[start].lower_.endswith(tuple(self.rules.adjective_endings))
        return ending and following.isalpha() and following.islower()

    def byline(self, start: int) -> bool:
        """ "By Tom Hadley" or "Yuki Tanaka, Science Correspondent" opening a paragraph names
        the author, not someone in the story."""
        if self.prev_word(start) == "by" and start >= 1 and self.sentence_initial(start - 1):
            return True
        if not self.sentence_initial(start):
            return False
        for token in self.toks[start : start + 8]:
            if "\n" in token.text:
                return False
            if token.lower_ in self.rules.byline_roles and token.text[:1].isupper():
                return True
        return False

    def acronym_or_brand(self, token: _Tok) -> bool:
        """ "FDLR", "M23", "TikTok": an unlisted acronym or camel-cased brand is an organisation."""
        text = token.text
        if re.fullmatch(r"[A-Z]{1,4}\d{1,3}", text):
            return True
        if text.lower() in self.rules.not_org_acronyms or self.sentence_initial(token.i):
            return False
        if text.isupper() and text.isalpha() and len(text) >= 3:
            return not self.is_common(token)
        camel = re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", text)
        return bool(camel) and not text.startswith(("Mc", "Mac", "De", "Le", "La", "Di", "Van"))

    def in_place_context(self, start: int, end: int) -> bool:
        """ "in Liboi", "the Kursk region", "Grenoble and Bordeaux" after a place."""
        prev = self.prev_word(start)
        if prev in self.rules.place_contexts or self.next_word(end) in self.rules.region_words:
            return True
        if prev == "from" and end - start == 1:
            return True
        if self.next_word(end) in ("and", "or"):  # "the Medininkai and Salcininkai crossings"
            j = end + 1
            while j < len(self.toks) and self.is_name_token(self.toks[j]) and j - end < 4:
                j += 1
            if j > end + 1 and self.next_word(j) in self.rules.region_words:
                return True
        if prev in ("of", ",") and self.prev_word(start, 2) in self.rules.place_nouns:
            return True
        compass = self.toks[start].lower_ in self.rules.compass_words  # "Goma, North Kivu, ..."
        if prev == "," and end - start >= 2 and not compass and self.apposition_closes(end):
            return False  # "The mayor of Kyiv, Vitali Klitschko, said": a person in apposition
        verb = end < len(self.toks) and self.toks[end].text.isalpha()
        verb = verb and self.toks[end].text.islower() and self.next_word(end) not in ("and", "or")
        if prev == "," and verb:
            return False  # "Back in Mombasa, Wanjiru told ...": the clause's subject
        if prev in ("and", "or", ",") and start >= 2 and self.owner[start - 2] >= 0:
            _, reading = self.spans[self.owner[start - 2]]
            return reading.type == "GPE" and reading.origin not in ("country",)
        return False

    def apposition_closes(self, end: int) -> bool:
        """Whether a comma or a speech verb follows the run (it is in apposition)."""
        following = self.next_word(end)
        return following == "," or following in self.rules.speech_verbs

    def title_inside(self, start: int, end: int) -> int:
        """End of the title a run opens with: "Foreign Minister", "Fisheries Minister"."""
        best = start
        for i in range(start, end - 1):
            stop = self.title_at(i, end)
            if stop > i and stop < end:
                best = max(best, stop)
        return best

    def title_across(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) of a title that begins before the run, over a lowercase word, and
        ends inside it, leaving a name after it; None when there is none."""
        for i in range(max(0, start - MAX_TITLE_TOKENS + 1), start):
            stop = self.title_at(i, end)
            if start < stop < end and all(self.owner[j] < 0 for j in range(i, start)):
                return i, stop
        # "Minister of Finance Ngozi Adeyemi": a title, "of", then ordinary capitalised words
        # of its portfolio up to the name
        if start >= 2 and self.prev_word(start) == "of":
            title_start = self.title_before(start - 1)
            stop = start
            while stop < end and self.is_common(self.toks[stop]):
                stop += 1
            if title_start is not None and start < stop <= end - 2:
                return title_start, stop
        return None

    def context_city(self, name: str, start: int, end: int) -> bool:
        entry = self.gaz.context_cities.get(name)
        if entry is None:
            return False
        if (
            self.used_as_place(start, end)
            or self.prev_word(start) in ("the",)
            and (self.next_word(end) in self.rules.area_words)
        ):
            self.add(start, end, Reading(entry.name, "GPE", "name", entry.iso3, None))
            return True
        return False

    def speech_next_to(self, start: int, end: int) -> bool:
        rules, doc = self.rules, self.toks
        following = end + 1 if self.next_word(end) == "," else end
        if self.next_word(following) in rules.speech_verbs:
            return True
        if (
            self.prev_word(start) in rules.speech_verbs
            or self.prev_word(start) == "to"
            and (self.prev_word(start, 2) == "according")
        ):
            return True
        if self.next_word(end) == "," and self.next_word(end + 1) in rules.appositive_starts:
            sentence_end = self.sentence_end(end)
            return any(t.lower_ in rules.speech_verbs for t in doc[end:sentence_end])
        return False

    def plain_name(self, start: int, end: int) -> bool:
        """Two to four capitalised words, none an ordinary word (but a first name that is one,
        "Mark Jensen"): a person by default."""
        tokens = [t for t in self.toks[start:end] if any(c.isalpha() for c in t.text)]
        particles = self.rules.particles
        inner = [t for t in tokens[1:-1] if t.lower_ in particles]  # "Khalid Al Mannai"
        named = [t for t in tokens if t not in inner]
        ordinary = named[1:] if named and self.given_name(named[0].i, end) else named
        return 2 <= len(named) <= 4 and not any(self.is_common(t) for t in ordinary)

    def given_name(self, start: int, end: int) -> bool:
        """A first name that is also an ordinary word ("Mark", "Grace", "Faith") before a
        capitalised word that is not one: "Mark Jensen runs", "Grace Wanjiru said"."""
        following = start + 1
        return (
            self.toks[start].text in self.rules.given_words
            and following < end
            and self.is_name_token(self.toks[following])
            and not self.is_common(self.toks[following])
        )

    # -- titles ------------------------------------------------------------------------
    def title_at(self, start: int, end: int) -> int:
        """End of the longest title opening doc[start:end] (start when there is none)."""
        best = start
        for size in range(1, min(MAX_TITLE_TOKENS, end - start) + 1):
            key = tuple(t.lower_ for t in self.toks[start : start + size])
            if key in self.rec.titles:
                best = start + size
        return best

    def title_before(self, start: int) -> int | None:
        """Start of a title written just before a name ("spokeswoman Ines Varga")."""
        doc, stop = self.toks, start
        if stop > 0 and doc[stop - 1].text == "," and stop > 1 and doc[stop - 2].is_alpha:
            stop -= 1
        for size in range(min(MAX_TITLE_TOKENS, stop), 0, -1):
            key = tuple(t.lower_ for t in doc[stop - size : stop])
            if key in self.rec.titles and self.owner[stop - 1] < 0:
                return stop - size
        return None

    def person_reading(self, person: Entry, start: int) -> Reading:
        """A listed person, with the title written before the name ("Russian President")."""
        role_start = self.title_before(start)
        role = None
        if role_start is not None:
            role = self.span_text(role_start, start).strip(" ,")
            country = self.country_before(role_start)
            role = f"{role}, {country.name}" if country else role
        return Reading(person.name, "PERSON", person.mention_kind, person.iso3, person.cameo, role)

    def add_person(self, start: int, end: int, title: str | None, role_start: int) -> None:
        name = self.span_text(start, end)
        entries = self.gaz.forms.get(name, ())
        person = next((e for e in entries if e.kind == "person"), None)
        country = self.country_before(role_start)
        role = title
        if title and country:
            role = f"{title}, {country.name}"
        if person:
            reading = Reading(
                person.name, "PERSON", person.mention_kind, person.iso3, person.cameo, role
            )
        else:
            agent = self.title_agent(title)
            name = self.regnal_name(title, name)
            iso3, cameo = None, None
            if country and country.type == "ORG":  # "EU trade commissioner": the body's own code
                cameo = country.cameo
            elif country:
                iso3 = country.iso3
            name = " ".join(name.split())
            reading = Reading(name, "PERSON", "name", iso3, cameo, role, agent=agent)
        self.add(start, end, reading)

    def regnal_name(self, title: str | None, name: str) -> str:
        """ "Pope Leo", "Queen Camilla": a ruler's or cleric's one given name (and numeral)
        names nobody without the title, which stays in the canonical name."""
        words = (title or "").split()
        for size in (2, 1):
            regnal = " ".join(words[-size:])
            given = len(name.split()) == 1 or re.fullmatch(r"\S+ [IVXL]+", name)
            if len(words) >= size and regnal.lower() in self.rules.regnal_titles and given:
                return f"{regnal[:1].upper()}{regnal[1:]} {name}"
        return name

    def title_agent(self, title: str | None) -> str | None:
        """Agent code of a title, read from its head: "Fisheries Minister" is a Minister."""
        words = (title or "").lower().split()
        for first in range(len(words)):
            agent = self.gaz.titles.get(" ".join(words[first:]))
            if agent is not None:
                return agent or None
        return None

    def country_before(self, i: int) -> Reading | None:
        """The country written before a title: "Russian President", "Nigeria's minister"."""
        j = i - 1
        if j >= 0 and self.toks[j].lower_ in ("'s", "’s"):
            j -= 1
        if j >= 0 and self.owner[j] >= 0:
            _, reading = self.spans[self.owner[j]]
            if reading.type == "GPE" and reading.iso3 or reading.origin == "igo":
                return reading
            if reading.origin == "body" and reading.iso3:  # "Kremlin spokesman Arkady Belov"
                return reading
        return None

    # -- countries of the entities nobody listed --------------------------------------
    def assign_countries(self) -> None:
        """Give unlisted people, organisations and places a country: the body or country a person
        is introduced with ("X, the AU's envoy"), else the nearest country named earlier in the
        same sentence, else the article's home country (the dateline's, or the one named most).
        A guess, as a reader makes it; listed entities keep their own codes. Places go first,
        then organisations, then people: "X, an analyst at Y in Tromsø" needs Y's country,
        which needs Tromsø's."""
        home = self.home_country()
        self.home_bodies(home)
        done: dict[tuple[str, str], Reading] = {}  # a later "Okafor" keeps "Amara Okafor"'s
        order = {"GPE": 0, "LOC": 0, "ORG": 1}
        spans = sorted(
            self.spans.items(), key=lambda item: (order.get(item[1][1].type, 2), item[0])
        )
        for start, (end, reading) in spans:
            if reading.origin != "rule" or (reading.cameo or "").startswith("IGO"):
                continue
            first = done.setdefault((reading.name, reading.type), reading)
            if first is not reading:
                self.spans[start] = (end, replace(reading, iso3=first.iso3, cameo=first.cameo))
                continue
            if self.is_international(reading):
                self.spans[start] = (end, replace(reading, cameo="IGO"))
                continue
            if reading.type == "PERSON" and not (reading.iso3 or reading.cameo):
                owned = self.introduced_reading(reading)
                if owned is not None:
                    self.spans[start] = (end, owned)
                    done[(reading.name, reading.type)] = owned
                    continue
            iso3 = reading.iso3
            if reading.type in ("GPE", "LOC"):
                # "Pozzallo, Italy", then the gazetteer's towns, then the guesses
                iso3 = (
                    iso3 or self.country_after_comma(end) or self.town_country(reading.name, start)
                )
            iso3 = iso3 or self.country_in_apposition(end)
            if reading.type == "ORG":
                iso3 = iso3 or self.place_after_in(end)
            if reading.type == "ORG" and reading.agent in (None, "MIL"):
                # "the National Liberation Army (ELN), a rebel group": its own kind beats the
                # "Army" of its name
                reading = replace(reading, agent=self.armed_agent_after(end) or reading.agent)
            if reading.type == "ORG" and reading.agent in GENERIC:
                # an unqualified "the Interior Ministry", "Congress" or "the police" is the
                # home country's: a foreign one is written with its country ("Spain's
                # Interior Ministry")
                owner = self.country_before(start)
                iso3 = iso3 or (owner.iso3 if owner and owner.type == "GPE" else None) or home
            iso3 = iso3 or self.country_in_sentence(start) or home
            if iso3:
                agent = reading.agent if reading.agent not in (None, "IGO") else None
                cameo = reading.cameo or (iso3 + agent if agent else None)
                self.spans[start] = (end, replace(reading, iso3=iso3, cameo=cameo))
            done[(reading.name, reading.type)] = self.spans[start][1]

    def home_bodies(self, home: str | None) -> None:
        """A listed body with a name many states use ("Congress", "the House of
        Representatives"), written without its country in a story set in another state that
        has one, is that state's: "Congress" in a Colombian story is Colombia's, in a British
        one still the American (data/entities/generic_bodies.csv)."""
        for start, (end, reading) in list(self.spans.items()):
            if reading.origin != "body" or not home or reading.iso3 in (home, None):
                continue
            if (self.span_text(start, end), home) not in self.rec.generic_bodies:
                continue
            if self.country_before(start) is not None:
                continue  # "the US Congress", "America's Congress"
            agent = (reading.cameo or "")[len(reading.iso3 or "") :] or None
            cameo = home + agent if agent else None
            body = Reading(reading.name, "ORG", "name", home, cameo, origin="rule")
            self.spans[start] = (end, replace(body, agent=agent))

    def article_countries(self) -> dict[str, int]:
        """How often the article names each country (by name, alias or demonym)."""
        counts: dict[str, int] = {}
        for _, reading in self.spans.values():
            if reading.origin == "country" and reading.iso3:
                counts[reading.iso3] = counts.get(reading.iso3, 0) + 1
        return counts

    def choose_country(self, candidates: Sequence[str], start: int) -> str | None:
        """Of the countries a place name may be in, the one named nearest before it in its
        sentence, else the one the article names most; None when the article names none."""
        i = start - 1
        while i >= 0 and not self.toks[i + 1].is_sent_start:
            if self.owner[i] >= 0:
                _, reading = self.spans[self.owner[i]]
                if reading.origin == "country" and reading.iso3 in candidates:
                    return reading.iso3
                i = self.owner[i]
            i -= 1
        counts = self.article_countries()
        named = [iso3 for iso3 in candidates if iso3 in counts]
        return max(named, key=lambda iso3: counts[iso3]) if named else None

    def town_country(self, name: str, start: int) -> str | None:
        """The country of a place the rules found, from the towns of that name in the gazetteer
        (data/gazetteer/towns.csv), when the article names that country ("the village of
        Kechut" in a story about Armenia and Azerbaijan is in Armenia). A name in no country
        the article names is left to the guesses."""
        towns = gazetteer.place_countries().get(gazetteer.fold(name), ())
        return self.choose_country(towns, start) if towns else None

    def ambiguous_regions(self) -> None:
        """A province name several countries use ("Savanes" is in Togo and in Côte d'Ivoire):
        the one the article names (wirehouse.recognise._Pass.choose_country)."""
        for start, (end, reading) in list(self.spans.items()):
            if reading.origin != "region":
                continue
            entries = self.rec.index.get(tuple(self.texts[start:end]), ())
            countries = [e.iso3 for e in entries if e.kind == "region" and e.iso3]
            if len(set(countries)) < 2:
                continue
            iso3 = self.choose_country(countries, start) or reading.iso3
            self.spans[start] = (end, replace(reading, iso3=iso3, cameo=None))

    def accent_variants(self) -> None:
        """ "Adre" and "Adré" in one article are one place: a name the rules found takes the
        spelling (and codes) of a listed name that differs only in accents or case, else its
        most accented spelling in the article."""

        def rank(reading: Reading) -> tuple[bool, int]:
            listed = reading.origin not in ("rule", "dateline")
            return listed, sum(not c.isascii() for c in reading.name)

        best: dict[tuple[str, str], Reading] = {}
        for _, reading in self.spans.values():
            key = (reading.type, gazetteer.fold(reading.name))
            if key not in best or rank(reading) > rank(best[key]):
                best[key] = reading
        for start, (end, reading) in list(self.spans.items()):
            chosen = best[(reading.type, gazetteer.fold(reading.name))]
            if chosen.name == reading.name or reading.origin != "rule":
                continue
            if chosen.origin == "rule":
                self.spans[start] = (end, replace(reading, name=chosen.name))
            else:
                self.spans[start] = (end, replace(chosen, kind=reading.kind, role=reading.role))

    # -- the body a person is introduced with ----------------------------------------
    def introduced_reading(self, reading: Reading) -> Reading | None:
        """The person read with the role of whichever mention introduces it: the headline's
        "Nathan Brody's ordeal" is the "Nathan Brody, 41, a correspondent for ..." below."""
        for start, (end, other) in sorted(self.spans.items()):
            if other.type == "PERSON" and other.name == reading.name:
                owned = self.owned_reading(start, end, reading)
                if owned is not None:
                    return owned
        return None

    def owned_reading(self, start: int, end: int, reading: Reading) -> Reading | None:
        """A person read with the body or country of the role they are introduced with: an
        international body's official is that body's ("the AU's envoy" is IGO), a company's
        analyst the company's (DEUBUS), a country's minister the country's government."""
        found = self.owner_before(start) or self.owner_after(end)
        if found is None:
            return None
        owner, agent = found
        agent = reading.agent or agent
        if (owner.cameo or "").startswith("IGO") or owner.origin == "igo":
            return replace(reading, iso3=None, cameo=owner.cameo or "IGO")
        if not owner.iso3:
            return None
        if owner.type == "ORG" and owner.cameo:
            return replace(reading, iso3=owner.iso3, cameo=owner.cameo)
        cameo = owner.iso3 + agent if agent and agent != "IGO" else None
        return replace(reading, iso3=owner.iso3, cameo=cameo)

    def owner_before(self, start: int) -> tuple[Reading, str | None] | None:
        """ "The EU's foreign policy chief, Katrin X", "Chad's minister for water, Y": the
        owner of a role written before the name, with the role's agent code."""
        toks = self.toks
        if start < 3 or toks[start - 1].text != ",":
            return None
        best: tuple[Reading, str | None] | None = None
        j = start - 2
        while j >= 0 and start - j <= 14 and toks[j].text not in (",", ";", ".", ":"):
            if self.owner[j] >= 0:
                first = self.owner[j]
                found = self.owner_at(first, start - 1)
                best = found or best
                j = first
            if toks[j].is_sent_start or toks[j].is_quote:
                break
            j -= 1
        return best

    def owner_after(self, end: int) -> tuple[Reading, str | None] | None:
        """ "X, the AU commissioner for ...", "X, the African Union's envoy", "X, an analyst at
        Metzler Capital", "X of the Japan Space Agency": the owner of a role written after."""
        toks, n = self.toks, len(self.toks)
        i = end
        if i < n and toks[i].lower_ in ("of", "from") and i + 1 < n:
            return self.owner_in_phrase(i + 1, None)
        if i + 1 >= n or toks[i].text != ",":
            return None
        i += 1
        if i + 1 < n and toks[i].text.isdigit() and toks[i + 1].text == ",":
            i += 2  # "Nathan Brody, 41, a correspondent"
        if i < n and toks[i].lower_ in ("a", "an", "the"):
            i += 1
        if i < n and self.owner[i] == i:
            _, reading = self.spans[i]
            if reading.type != "PERSON":
                return self.owner_at(i, n)
        role_end = i
        while role_end < n and role_end - i < 6 and toks[role_end].text.islower():
            if toks[role_end].lower_ in self.rules.owner_prepositions:
                break
            role_end += 1
        agent = self.role_agent(i, role_end)
        if agent is False or self.next_word(role_end) not in self.rules.owner_prepositions:
            return None
        return self.owner_in_phrase(role_end + 1, agent)

    def owner_in_phrase(self, i: int, agent: str | None) -> tuple[Reading, str | None] | None:
        """The first organisation or country a few words into "of the World Food Programme",
        "at the Chicago-based news service ..."."""
        toks = self.toks
        for j in range(i, min(i + 5, len(toks))):
            if self.owner[j] == j:
                _, reading = self.spans[j]
                if reading.type in ("ORG", "GPE") and reading.kind != "demonym":
                    return reading, agent
                return None
            if not (toks[j].text.islower() or toks[j].text in ("-",)):
                return None
        return None

    def owner_at(self, first: int, limit: int) -> tuple[Reading, str | None] | None:
        """The span at `first` as the owner of the role written after it ("the EU's envoy",
        "the AU commissioner"), with the role's agent, when a role follows before `limit`."""
        end, reading = self.spans[first]
        if reading.type not in ("ORG", "GPE", "NORP") or end >= limit:
            return None
        role = end + 1 if self.toks[end].lower_ in ("'s", "’s") else end
        role_end = role
        while role_end < limit and self.toks[role_end].text.islower():
            if self.toks[role_end].lower_ in self.rules.owner_prepositions:
                break
            role_end += 1
        agent = self.role_agent(role, role_end)
        return None if agent is False else (reading, agent)

    def role_agent(self, start: int, end: int) -> str | None | bool:
        """The agent code of the role words toks[start:end] ("foreign policy chief" has none);
        False when they hold no role word at all."""
        words = [t.lower_ for t in self.toks[start:end]]
        if not words or not any(w in self.gaz.titles or w in self.rules.role_words for w in words):
            return False
        return self.title_agent(" ".join(words))

    def place_after_in(self, end: int) -> str | None:
        """ "Metzler Capital in Frankfurt": an organisation's country from the place after it."""
        reading = self.reading_after(end, "in")
        return reading.iso3 if reading and reading.type == "GPE" else None

    def reading_after(self, end: int, word: str) -> Reading | None:
        """The reading of a name (not a demonym) that starts right after `word` at `end`."""
        if self.next_word(end) != word or end + 1 >= len(self.toks):
            return None
        owner = self.owner[end + 1]
        if owner != end + 1:
            return None
        _, reading = self.spans[owner]
        return reading if reading.kind != "demonym" else None

    def armed_agent_after(self, end: int) -> str | None:
        """ "M23 rebels", "the FDLR, a militia founded by ...": an armed group's kind written
        right after its name or in its apposition (REB, INS, SEP)."""
        toks, n = self.toks, len(self.toks)
        if self.next_word(end) == "(" and self.next_word(end + 2) == ")":
            end += 3  # "(ELN)"
        words = [end]
        if self.next_word(end) == "," and self.next_word(end + 1) in ("a", "an", "the"):
            words = list(range(end + 2, min(end + 5, n)))
        for i in words:
            if i >= n or not toks[i].text.islower():
                break
            agent = self.gaz.agents.get(toks[i].lower_)
            if agent in ARMED_AGENTS:
                return agent
        return None

    def is_international(self, reading: Reading) -> bool:
        if reading.agent == "IGO":
            return True
        first = reading.name.split()[0]
        return reading.type == "ORG" and first in self.rules.igo_prefixes

    def country_in_apposition(self, end: int) -> str | None:
        """ "Igor Volkov, a Russian officer of ...", "Tran Minh, a spokesperson from Vietnam":
        a demonym or "of/from" country in the person's own apposition beats a sentence
        neighbour."""
        doc = self.toks
        if self.next_word(end) != "," or self.next_word(end + 1) not in ("a", "an", "the"):
            return None
        i = end + 2
        while (
            i < min(len(doc), end + 12)
            and doc[i].text not in (",", ".", ";")
            and not (doc[i].is_sent_start)
        ):
            if self.owner[i] == i:
                _, reading = self.spans[i]
                tied = reading.kind == "demonym" or self.prev_word(i) in ("of", "from")
                tied = tied or self.prev_word(i) == "in" and self.prev_word(i, 2) == "based"
                tied = tied or reading.origin == "country" and self.adjectival(i)
                if reading.type in ("GPE", "NORP") and reading.iso3 and tied:
                    return reading.iso3
            i += 1
        return None

    def adjectival(self, start: int) -> bool:
        """A country's name used as an adjective: "a US citizen", "a dual US-Russian citizen"
        (not "US-made microchips")."""
        end = self.spans[start][0]
        following = self.next_word(end)
        if following == "-" and end + 1 < len(self.toks) and self.owner[end + 1] == end + 1:
            return self.spans[end + 1][1].origin == "country"
        return end < len(self.toks) and self.toks[end].text.isalpha() and following.islower()

    def country_after_comma(self, end: int) -> str | None:
        """ "Pozzallo, Italy", "in Cúcuta, Colombia": the country written after a place."""
        reading = self.reading_after(end, ",")
        country = reading and reading.type == "GPE" and reading.origin == "country"
        return reading.iso3 if country and reading.iso3 else None

    def country_in_sentence(self, start: int) -> str | None:
        i = start - 1
        while i >= 0 and not self.toks[i + 1].is_sent_start:
            if self.owner[i] >= 0:
                first = self.owner[i]
                end, reading = self.spans[first]
                language = self.next_word(end) in self.rules.language_nouns
                if reading.type in ("GPE", "NORP") and reading.iso3 and not language:
                    return reading.iso3
                i = first
            i -= 1
        return None

    def home_country(self) -> str | None:
        counts: dict[str, int] = {}
        surnames = {r.name.split()[-1] for _, r in self.spans.values() if r.type == "PERSON"}
        for _, reading in sorted(self.spans.values(), key=lambda item: item[0]):
            if reading.origin == "dateline" and reading.iso3:
                return reading.iso3
            if reading.name in surnames:
                continue  # "Luís Montenegro" does not make the article Montenegrin
            if reading.type in ("GPE", "NORP") and reading.iso3:
                # the lead's first country is the story's own more often than not
                counts[reading.iso3] = counts.get(reading.iso3, 0) + (1 if counts else 3)
        return max(counts, key=lambda iso3: counts[iso3]) if counts else None

    # -- organisations -----------------------------------------------------------------
    def missions(self) -> None:
        """ "the US Embassy in Nairobi", "the Russian Consulate": a country's diplomatic mission
        is an organisation of the sending country, one entity however the country is written
        ("US", "U.S.", "American" Embassy are the same), never the host city."""
        doc = self.toks
        for start, (end, reading) in sorted(self.spans.items()):
            if reading.origin != "country" or not reading.iso3 or end >= len(doc):
                continue
            word = doc[end].text
            if word not in ("Embassy", "Consulate") or self.owner[end] >= 0:
                continue
            self.remove(start)
            agent = self.rec.org_agents.get(word)
            cameo = reading.iso3 + agent if agent else None
            written = self.span_text(start, end) if reading.kind == "demonym" else None
            country = written or self.rec.short_country.get(reading.iso3, reading.name)
            merged = Reading(
                f"{country} {word}", "ORG", "name", reading.iso3, cameo, origin="merged"
            )
            self.add(start, end + 1, merged)

    def of_places(self) -> None:
        """ "Reserve Bank of Australia", "Armed Forces of the Philippines", "Gulf of Aden": an
        organisation's head or a water/land feature word, then "of" and a listed place, is one
        name; an organisation takes the place's country, a feature is a place of its own."""
        rules, doc = self.rules, self.toks
        for start, (end, reading) in sorted(self.spans.items()):
            last = doc[end - 1].text
            org = reading.type == "ORG" and (last in rules.org_heads or last in rules.org_suffixes)
            feature = reading.type == "LOC" and last in rules.loc_suffixes
            if not (org or feature) or reading.origin in ("igo", "body", "media"):
                continue
            place = end + 1
            if self.next_word(end) != "of" or place >= len(doc):
                continue
            if doc[place].lower_ == "the":
                place += 1
            if place >= len(doc) or self.owner[place] != place:
                continue
            place_end, where = self.spans[place]
            if where.type not in ("GPE", "LOC") or where.kind == "demonym":
                continue
            self.remove(start)
            self.remove(place)
            name = " ".join(self.span_text(start, place_end).split())
            if feature:
                self.add(start, place_end, Reading(name, "LOC"))
                continue
            agent = reading.agent or self.rec.org_agents.get(last)
            cameo = where.iso3 + agent if where.iso3 and agent else None
            origin = "rule" if cameo is None else "merged"
            merged = Reading(name, "ORG", "name", where.iso3, cameo, origin=origin, agent=agent)
            self.add(start, place_end, merged)

    def add_org(self, start: int, end: int) -> None:
        doc = self.toks
        head = next((t.text for t in doc[start:end] if t.text in self.rules.org_heads), None)
        head = head or doc[end - 1].text
        agent = self.rec.org_agents.get(head)
        if agent is None and doc[start].text == "National":
            agent = "GOV"  # "National Institute of ...": a state body
        if agent == "MIL":  # "the Arakan Army, an ethnic guerrilla group": no state's army
            agent = self.armed_agent_after(end) or agent
        name = " ".join(self.span_text(start, end).split())
        self.add(start, end, Reading(name, "ORG", "name", None, None, agent=agent))
        self.merge_prefix(start, agent)

    def merge_prefix(self, start: int, agent: str | None) -> None:
        """ "Kenya Red Cross", "Russian Defence Ministry", "UN Framework Convention": a country,
        region or international body written as the first words of an organisation's name."""
        doc = self.toks
        if start == 0 or self.owner[start - 1] < 0 or doc[start - 1].whitespace_ != " ":
            return
        prefix = self.owner[start - 1]
        _, before = self.spans[prefix]
        if before.type not in ("GPE", "LOC", "ORG") or before.origin in ("body", "media", "person"):
            return
        if before.type == "GPE" and before.kind == "metonym" and agent in GENERIC:
            return  # "Lisbon Policy Institute" is named after a city; a state body is not
        end, org = self.spans[start]
        self.remove(start)
        self.remove(prefix)
        iso3 = before.iso3 if before.type == "GPE" else org.iso3
        cameo = before.cameo if before.type == "ORG" else org.cameo
        if not cameo and iso3 and agent:
            cameo = iso3 + agent
        name = " ".join(self.span_text(prefix, end).split())
        origin = "rule" if cameo is None else "merged"
        self.add(prefix, end, Reading(name, "ORG", "name", iso3, cameo, origin=origin, agent=agent))

    def person_slot(self, start: int, end: int) -> bool:
        """A one-word country written where a person goes: the subject of a speech verb
        ("Montenegro said he"), after one ("said Montenegro") or after an honorific ("Mr")."""
        if end - start != 1:
            return False
        verb = end
        while verb < len(self.toks) and self.toks[verb].lower_.endswith("ly"):
            verb += 1  # "Montenegro quickly said"
        if self.next_word(verb) in self.rules.speech_verbs:
            return self.next_word(verb + 1) not in self.rules.group_pronouns  # "said it would"
        if self.prev_word(start) in self.rules.speech_verbs:
            return self.next_word(end) in (".", ",", "")
        return self.honorific_before(start)

    def title_of_next(self, i: int) -> bool:
        """ "Justice Miriam Adeyemi": a title word written before a person's name."""
        following = i + 1
        if self.toks[i].lower_ not in self.gaz.titles or following >= len(self.toks):
            return False
        owner = self.owner[following]
        return owner == following and self.spans[owner][1].type == "PERSON"

    def acronyms(self) -> None:
        """ "International Atomic Energy Agency (IAEA)": the acronym and its later uses."""
        doc, found = self.toks, {}
        for _start, (end, reading) in list(self.spans.items()):
            if reading.type == "ORG" and end + 2 < len(doc) and doc[end].text == "(":
                word = doc[end + 1]
                if word.is_upper and doc[end + 2].text == ")" and self.unclaimed(word.i):
                    found[word.text] = replace(reading, kind="alias", role=None)
        for token in doc if found else ():
            if token.text in found and self.unclaimed(token.i):
                if self.owner[token.i] >= 0:
                    self.remove(token.i)
                self.add(token.i, token.i + 1, found[token.text])

    def unclaimed(self, i: int) -> bool:
        """Nothing found here, or only an unlisted one-word acronym guessed by rule."""
        if self.owner[i] < 0:
            return True
        end, reading = self.spans[self.owner[i]]
        return self.owner[i] == i and end == i + 1 and reading.origin == "rule"

    def brands(self) -> None:
        """An unlisted one-word name in an organisation's context: "Lumora said in a
        statement", "shares of Vextra" (a person's surname has been claimed by then)."""
        for token in self.toks:
            i = token.i
            if self.owner[i] >= 0 or not self.is_name_token(token) or self.is_common(token):
                continue
            if token.is_stop or token.text in self.gaz.titles or not token.is_alpha:
                continue
            neighbours = (
                self.toks[i - 1] if i else None,
                self.toks[i + 1] if i + 1 < len(self.toks) else None,
            )
            named = any(t is not None and self.is_name_token(t) and t.is_alpha for t in neighbours)
            if named and not self.sentence_initial(i):
                continue  # part of a longer name the rules left alone
            if self.org_context(i):
                self.add(i, i + 1, Reading(token.text, "ORG"))

    # -- surnames ----------------------------------------------------------------------
    def surnames(self) -> None:
        """A later "Okafor" is the "Amara Okafor" named in the article; a later "Lumitek" or
        "Commission" is the "Lumitek Semiconductors" or "European Commission" named before."""
        short: dict[str, Reading | None] = {}
        for _, reading in sorted(self.spans.values(), key=lambda item: item[0]):
            parts = reading.name.split()
            if len(parts) < 2 or reading.type not in ("PERSON", "ORG"):
                continue
            keys = [parts[-1]] if reading.type == "PERSON" else [parts[0], parts[-1]]
            if reading.type == "PERSON" and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[-1]):
                keys = [parts[0]]  # "Park Ji-hoon": the family name comes first
            elif reading.type == "PERSON" and parts[0] in self.rules.family_first_surnames:
                keys = [parts[0], parts[-1]] if len(parts) == 2 else keys  # "Wang Yi": "Wang"
            regnal = self.regnal_size(parts)
            if reading.type == "PERSON" and regnal:
                keys = [parts[regnal]]  # "Pope Leo XIV" is later "Leo"
            if reading.type == "ORG" and parts[0].lower() in self.gaz.common_words:
                keys = keys[1:]  # "Justice Department": a later "Justice" is a word or a title
            for key in keys:
                listed = (key,) in self.rec.index and reading.type == "ORG"
                if key[:1].isupper() and not listed:
                    known = short.get(key, reading)
                    short[key] = known if known and known.name == reading.name else None
        people = {k: replace(r, kind="alias", role=None) for k, r in short.items() if r}
        if not people:
            return
        for start, (end, reading) in list(self.spans.items()):
            text = self.span_text(start, end)
            place = reading.origin in ("region", "city", "state") and end - start == 1
            place = place and not self.used_as_place(start, end)  # "in Rivera" stays the town
            place = place or reading.origin == "country" and self.person_slot(start, end)
            place = place or reading.origin == "org" and end - start == 1  # "Ana Roche ... Roche"
            # "Back in Islamabad, Khokhar said": a name after a place is guessed a place too
            guessed = reading.origin == "rule" and reading.type == "GPE" and end - start == 1
            place = place or guessed and not self.used_as_place(start, end)
            if (reading.type == "PERSON" or place) and text in people and " " not in text:
                full = people[text]
                if full.name == reading.name:
                    continue  # "Leo" after "Pope" is the name of "Pope Leo" itself
                if full.type == "PERSON" or reading.type == "PERSON":
                    self.spans[start] = (end, replace(full, role=reading.role))
        for token in self.toks:
            free = token.text in people and self.owner[token.i] < 0
            free = free and not self.title_of_next(token.i)
            if free and not (self.sentence_initial(token.i) and token.is_stop):
                self.add(token.i, token.i + 1, people[token.text])
        self.surname_particles()
        self.regnal_names()

    def regnal_size(self, parts: Sequence[str]) -> int:
        """How many words of a name are a ruler's or a cleric's title ("Crown Prince ...")."""
        for size in (2, 1):
            title = " ".join(parts[:size]).lower()
            if len(parts) > size and title in self.rules.regnal_titles:
                return size
        return 0

    def regnal_names(self) -> None:
        """ "Emir Tamim" after "Sheikh Tamim bin Hamad": a ruler named by title and given name
        is the one person of the article whose name begins with that given name."""
        people = {r.name: r for _, r in self.spans.values() if r.type == "PERSON"}
        for start, (end, reading) in list(self.spans.items()):
            parts = reading.name.split()
            size = self.regnal_size(parts)
            if reading.type != "PERSON" or not size or len(parts) != size + 1:
                continue
            given = parts[size]
            fuller = [
                other
                for name, other in people.items()
                if name != reading.name
                and given in name.split()[:3]
                and name.split()[self.regnal_size(name.split())] == given
            ]
            if len(fuller) == 1:
                self.spans[start] = (end, replace(fuller[0], kind="alias", role=reading.role))

    def longer_names(self) -> None:
        """A listed organisation inside a longer name is not that organisation: "Peoples
        Democratic Party" is not the Democratic Party; the whole run is read as a name."""
        for start, (end, reading) in list(self.spans.items()):
            if reading.origin == "media" and self.name_follows(end):
                self.remove(start)  # "The Independent National Electoral Commission"
                continue
            if reading.type != "ORG" or reading.origin != "org" or start == 0:
                continue
            before = self.toks[start - 1]
            if (
                self.owner[start - 1] < 0
                and before.text[:1].isupper()
                and self.is_name_token(before)
                and not self.sentence_initial(start - 1)
            ):
                self.remove(start)

    def people_not_places(self) -> None:
        """One-word towns that are a person's names: after a person's title ("Senator
        Elizabeth Warren") or two side by side ("Elizabeth Warren") they are a name, not two
        places; the name rules read the run again."""
        towns = [
            (start, end)
            for start, (end, reading) in self.spans.items()
            if reading.origin == "city" and reading.kind == "name" and end - start == 1
        ]
        starts = {start for start, _ in towns}
        for start, end in towns:
            titled = self.title_before(start) is not None
            paired = end in starts or start - 1 in starts
            if (titled or paired) and start in self.spans:
                self.remove(start)

    def products(self) -> None:
        """A grade of oil is named, not an actor: "Brent crude", "West Texas Intermediate
        crude", "the Urals blend" mention no place and no company."""
        toks = self.toks
        for k, token in enumerate(toks):
            if token.text not in self.rules.product_words or k == 0:
                continue
            first = k
            while first > 0 and self.is_name_token(toks[first - 1]):
                first -= 1
            for start in [s for s in self.spans if first <= s < k]:
                self.remove(start)

    def named_documents(self) -> None:
        """A treaty, law or pact is named, not an actor: "the Paris Agreement" is no mention of
        France, "the Abraham Accords" no person, "the Treaty of Rome" no Italy."""
        words = self.rules.document_words
        toks = self.toks
        for start, (end, _reading) in list(self.spans.items()):
            after = end + 1 if end < len(toks) and toks[end].is_quote else end
            named_after = after < len(toks) and toks[after].text in words  # the "NOPEC" bill
            ends_in = toks[end - 1].text in words
            of_treaty = start >= 2 and toks[start - 1].lower_ == "of"
            of_treaty = of_treaty and toks[start - 2].text in words
            if named_after or ends_in or of_treaty:
                self.remove(start)

    def name_follows(self, end: int) -> bool:
        """Whether a capitalised name word, on nobody's span, comes right after end."""
        if end >= len(self.toks) or self.owner[end] >= 0:
            return False
        following = self.toks[end]
        return following.text[:1].isupper() and self.is_name_token(following)

    def foreign_bodies(self) -> None:
        """A listed government body written with another country before it is that country's
        ("the German Foreign Office", "Canada's Interior Ministry"), not the listed one's."""
        for start, (end, reading) in list(self.spans.items()):
            if reading.origin != "body" or not reading.iso3:
                continue
            country = self.country_before(start)
            if country is None or not country.iso3 or country.iso3 == reading.iso3:
                continue
            agent = (reading.cameo or "")[len(reading.iso3) :]
            adjective = _adjectives().get(country.iso3, country.name)
            name = f"{adjective} {self.span_text(start, end)}"
            self.spans[start] = (
                end,
                replace(
                    reading,
                    name=name,
                    kind="name",
                    iso3=country.iso3,
                    cameo=country.iso3 + agent if agent else None,
                    origin="rule_body",
                ),
            )

    def particle_surnames(self) -> None:
        """A later "Al-Harbi", "al-Harbi" or "Harbi" is the "Faisal al-Harbi" named before."""
        later: dict[str, Reading | None] = {}
        particles = self.rules.particles
        for _, reading in sorted(self.spans.values(), key=lambda item: item[0]):
            parts = reading.name.split()
            particle, _, rest = parts[-1].partition("-")
            if len(parts) >= 3 and parts[-2].lower() in particles:  # "Salim Al Busaidi"
                particle, rest = parts[-2], parts[-1]
            if reading.type != "PERSON" or particle.lower() not in particles:
                continue
            if rest[:1].isupper():
                known = later.get(rest, reading)
                later[rest] = known if known and known.name == reading.name else None
        toks = self.toks
        for i, token in enumerate(toks):
            reading = later.get(token.text)
            if reading is None:
                continue
            owner = self.owner[i]
            if owner >= 0:  # "Al Busaidi" read as a name of its own
                end, own = self.spans[owner]
                short = own.name.replace("-", " ").split()
                if own.type == "PERSON" and len(short) == 2 and short[0].lower() in particles:
                    self.spans[owner] = (end, replace(reading, kind="alias", role=None))
                continue
            start = i
            if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].lower_ in self.rules.particles:
                start = i - 2 if self.owner[i - 2] < 0 and self.owner[i - 1] < 0 else i
            self.add(start, i + 1, replace(reading, kind="alias", role=None))

    def surname_particles(self) -> None:
        """ "Van Wyk" / "van Wyk" for "Pieter van Wyk": the particle belongs to the surname,
        capitalised or not."""
        for start, (end, reading) in list(self.spans.items()):
            parts = reading.name.split()
            if reading.type != "PERSON" or start == 0 or len(parts) < 3:
                continue
            before = self.toks[start - 1]
            if before.lower_ != parts[-2].lower() or before.lower_ not in self.rules.particles:
                continue
            if " ".join(self.texts[start:end]) != parts[-1] or before.whitespace_ != " ":
                continue
            owner = self.owner[start - 1]
            if owner >= 0 and (owner != start - 1 or self.spans[owner][1].type == "PERSON"):
                continue
            if owner >= 0:
                self.remove(owner)
            self.remove(start)
            self.add(start - 1, end, reading)
