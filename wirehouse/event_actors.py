"""Actors for the event coder: noun phrases of a sentence that stand for a CAMEO actor.

An actor phrase starts at an entity mention (a name, a capital, a demonym, a resolved pronoun or
role) and takes in the agent words after it ("North Korean troops" -> PRKMIL, "Russia's foreign
ministry" -> RUSGOV). Codes are built as CAMEO does: country first, then the agent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from wirehouse import cameo, coref
from wirehouse.model import Entity, Mention

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# words allowed between a country word and its agent ("Russian foreign ministry")
MAX_ADJECTIVES = 2
# Agents that act for a country even when no country word is written ("the authorities").
BARE_AGENTS = frozenset(
    {"GOV", "MIL", "COP", "OPP", "REB", "INS", "SEP", "LEG", "JUD", "SPY", "UAF"}
)
NEUTER_PRONOUNS = frozenset({"it", "its"})
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
# "they" may stand for a group of several actors: left unresolved rather than guessed
SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its"})


@dataclass(frozen=True)
class Word:
    text: str
    lower: str
    lemma: str
    start: int  # character offsets into the body
    end: int

    @property
    def inflected_ed(self) -> bool:
        """A past tense or participle ("fired", "forced"): "-ed" on a word whose lemma lacks it."""
        return self.lower.endswith("ed") and self.lower != self.lemma


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    entity_id: str
    first: int  # word indexes in the sentence, inclusive
    last: int
    entity_type: str
    weak: bool = False  # a bare country adjective: a target or a noun's owner, never a subject
    # an agent phrase whose country the sentence does not give ("the troops"): its agent code,
    # so the event's other side can supply the country (see events._own_side); the code is the
    # article's country when it is clearly about one, else the bare agent ("MIL")
    unplaced: str = ""


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    return frozenset(
        (row["name"].lower(), row["iso3"])
        for row in cameo.gazetteer_rows("cities.csv")
        if row.get("capital") == "1"
    )


def _is_capital(mention: Mention, entity: Entity) -> bool:
    if mention.kind == "metonym" and entity.type == "GPE":
        return True
    country = entity.country_code or (entity.cameo_code or "")[:3]
    return (mention.text.lower(), country) in _capitals()


def _base_code(entity: Entity) -> str | None:
    if entity.type == "LOC":
        return None
    return entity.cameo_code or entity.country_code


def _agent_after(words: Sequence[Word], at: int) -> tuple[str, int] | None:
    """The agent code of agent words a few adjectives after `at`, and their last index."""
    table = cameo.agent_words()
    for skip in range(MAX_ADJECTIVES + 1):
        start = at + skip
        for size in range(cameo.longest_agent(), 0, -1):
            phrase = tuple(w.lemma for w in words[start : start + size])
            if len(phrase) == size and phrase in table:
                return table[phrase], _head_noun_end(words, start + size - 1, table)
        if start >= len(words) or not _adjective_like(words[start]):
            return None
    return None


def _head_noun_end(words: Sequence[Word], last: int, table: dict[tuple[str, ...], str]) -> int:
    """The end of an agent phrase whose first agent word modifies a second: "opposition
    leader", "police chief" keep the first word's code (OPP, COP) over the whole phrase."""
    while last + 1 < len(words) and (words[last + 1].lemma,) in table:
        if words[last + 1].inflected_ed:
            break  # "riot police forced their way in": a verb, not "police force"
        last += 1
    return last


def _adjective_like(word: Word) -> bool:
    """A plain lower-case word that is neither inflected nor a dictionary verb ("foreign")."""
    return (
        word.text.isalpha()
        and word.text.islower()
        and word.lemma == word.lower
        and word.lemma not in cameo.verb_patterns()
        and not cameo.kinds_of(word.text)
    )


def _with_agent(code: str, agent: str | None) -> str:
    if agent and len(code) == 3 and code.isalpha():
        return code + agent
    if agent in KIND_AGENTS and code[:3].isalpha() and code[:3] != "IGO":
        return code[:3] + agent  # "the National Liberation Army rebel group": rebels
    return code


KIND_AGENTS = frozenset({"REB", "INS", "SEP"})  # a group's own kind after its name decides


def build_actors(
    words: Sequence[Word],
    mentions: Sequence[tuple[Mention, Entity]],
    resolved: dict[int, Entity],
    home: Entity | None = None,
    pair: Sequence[Actor] = (),
) -> list[Actor]:
    """Actor phrases of one sentence from its mentions and resolved words (index -> entity);
    "both sides" / "the two countries" stand for `pair`, the two sides named before."""
    spans: list[tuple[int, int, Mention | None, Entity]] = []
    for mention, entity in mentions:
        first = next((i for i, w in enumerate(words) if w.end > mention.start_char), None)
        if first is None or words[first].start >= mention.end_char:
            continue
        last = first
        while last + 1 < len(words) and words[last + 1].start < mention.end_char:
            last += 1
        spans.append((first, last, mention, entity))
    covered = {i for first, last, _, _ in spans for i in range(first, last + 1)}
    spans += [(i, i, None, entity) for i, entity in resolved.items() if i not in covered]
    blocs = _blocs(words, [(first, last) for first, last, _, _ in spans])
    taken = {i for bloc in blocs for i in range(bloc.first, bloc.last + 1)}
    spans = [span for span in spans if not taken & set(range(span[0], span[1] + 1))]
    spans.sort(key=lambda span: span[0])
    actors: list[Actor] = []
    for first, last, mention, entity in spans:
        actor = _actor(words, first, last, mention, entity)
        if actor is None:
            continue
        previous = actors[-1] if actors else None
        if previous and previous.last + 1 >= actor.first:
            actors[-1] = _merge(previous, actor)
        else:
            actors.append(actor)
    actors += blocs + _pair_phrases(words, actors + blocs, pair)
    if home is not None:
        actors += _all_sides(words, actors, home, paired=len(pair) == 2)
    return _with_bare_agents(words, sorted(actors, key=lambda a: a.first), home)


def _pair_phrases(
    words: Sequence[Word], actors: Sequence[Actor], pair: Sequence[Actor]
) -> list[Actor]:
    """One actor per side for each "both sides", "both countries", "the two governments"."""
    if len(pair) != 2:
        return []
    covered = {i for a in actors for i in range(a.first, a.last + 1)}
    found = []
    for index in range(1, len(words)):
        before = words[index - 1].lower
        opener = before == "both" or (
            before == "two" and index > 1 and words[index - 2].lower == "the"
        )
        if opener and "pair" in cameo.kinds_of(words[index].lower) and index not in covered:
            first = index - 1 if before == "both" else index - 2
            found += [replace(side, first=first, last=index, entity_type="PAIR") for side in pair]
    return found


def _all_sides(
    words: Sequence[Word], actors: Sequence[Actor], home: Entity, paired: bool
) -> list[Actor]:
    """ "urged all sides to show restraint" in an article about one country's crisis, with no
    two sides named before: the sides of that country's dispute."""
    covered = {i for a in actors for i in range(a.first, a.last + 1)}
    code = home.cameo_code or home.country_code or ""
    return [
        Actor(code, home.name, home.entity_id, index - 1, index, "PAIR")
        for index in range(1, len(words))
        if (words[index - 1].lower == "all" or (words[index - 1].lower == "both" and not paired))
        and words[index].lemma in ("side", "party")
        and index not in covered
        and code
    ]


def _blocs(words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> list[Actor]:
    """Regions and blocs acting as one side: "the West", "Western governments" (WSTGOV),
    "European leaders" (EURGOV); a name the entity layer reads as longer ("European Union")
    stays the entity's, and a bloc adjective before anything but an agent or a group noun
    ("Western Sahara", "European markets") is no actor."""
    table = cameo.blocs()
    found: list[Actor] = []
    index = 0
    while index < len(words):
        hit = _bloc_at(words, index, table) if words[index].text[:1].isupper() else None
        inside = hit and any(
            first <= index and hit[1] <= last and last - first > hit[1] - index
            for first, last in spans
        )
        if not hit or inside:
            index += 1
            continue
        bloc, last = hit
        after = (
            last + 2 if last + 1 < len(words) and words[last + 1].lower in POSSESSIVE else last + 1
        )
        agent = _agent_after(words, after)
        end = agent[1] if agent else _group_noun(words, after)
        if bloc.kind == "noun" and end is None:
            capitalised = after < len(words) and words[after].text[:1].isupper()
            end = None if capitalised else last  # "the West Bank" is a place, not the West
        if end is not None:
            name = " ".join(w.text for w in words[index : end + 1])
            code = bloc.code + (agent[0] if agent else "")
            found.append(Actor(code, name, "", index, end, "BLOC"))
            index = end
        index += 1
    return found


def _bloc_at(
    words: Sequence[Word], at: int, table: dict[tuple[str, ...], cameo.Bloc]
) -> tuple[cameo.Bloc, int] | None:
    for size in range(cameo.longest_bloc(), 0, -1):
        phrase = tuple(w.lemma for w in words[at : at + size])
        bloc = table.get(phrase) if len(phrase) == size else None
        if bloc and bloc.kind != "group":
            return bloc, at + size - 1
    return None


def _group_noun(words: Sequence[Word], at: int) -> int | None:
    """The index of a group noun ("countries", "powers") a few adjectives after `at`."""
    table = cameo.blocs()
    for k in range(at, min(len(words), at + MAX_ADJECTIVES + 1)):
        bloc = table.get((words[k].lemma,))
        if bloc and bloc.kind == "group":
            return k
        if not _adjective_like(words[k]):
            return None
    return None


def _with_bare_agents(
    words: Sequence[Word], actors: list[Actor], home: Entity | None
) -> list[Actor]:
    """Agent words with no country word ("riot police", "the authorities", "delegations from
    Russia") act for the country after "from"/"of", else for the place named in the sentence,
    else for the country the article is clearly about (`home`); with none of these they keep
    the bare agent code ("MIL"), marked unplaced, rather than a guessed country."""
    covered = {i for a in actors for i in range(a.first, a.last + 1)}
    places = [a for a in actors if a.entity_type == "GPE" and _placed_in(words, a.first)]
    placed = places[0].code[:3] if places else None
    country = placed or (home.country_code if home else None)
    table = cameo.agent_words()
    found = []
    index = 0
    while index < len(words):
        agent = _agent_at(words, index, table) if index not in covered else None
        if agent is None or agent[0] not in BARE_AGENTS:
            index += 1
            continue
        code, last = agent
        first = index
        while first - 1 >= 0 and first - 1 not in covered and _adjective_like(words[first - 1]):
            first -= 1
        if first == 1 and _adjective_like(replace(words[0], text=words[0].lower)):
            first = 0  # "Riot police fired ..."
        if first and words[first - 1].lower in OWNER_PRONOUNS:
            index = last + 1  # "reopen their embassies": the subject's own, no actor of its own
            continue
        origin = _origin(words, actors, last, code)
        titled = next((a for a in actors if a.first == last + 1), None)
        unknown_role = titled is not None and titled.code[3:] in ("", "ELI")
        if (
            titled is not None
            and titled.entity_type == "PERSON"
            and titled.code[:3].isalpha()
            and (unknown_role or country is None)
        ):
            # "Secretary of State Antony Blinken": the title gives the person's agent when the
            # entity layer did not know the role, and is part of the person's phrase when the
            # sentence gives the title no country of its own
            role = code if unknown_role else titled.code[3:]
            retitled = replace(titled, code=titled.code[:3] + role, first=first)
            actors = [retitled if a is titled else a for a in actors]
        elif origin:
            actors = _with_origin(words, actors, origin, first, code)
        elif _bare_agent(words, first, last) and not set(range(first, last + 1)) & covered:
            name = " ".join(w.text for w in words[first : last + 1])
            unplaced = "" if placed else code
            found.append(
                Actor((country or "") + code, name, "", first, last, "AGENT", False, unplaced)
            )
        index = last + 1
    return sorted(actors + found, key=lambda a: a.first)


REGION_WORDS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}
    | {"northeastern", "northwestern", "southeastern", "southwestern", "rural", "coastal"}
)


def _placed_in(words: Sequence[Word], first: int) -> bool:
    """ "in Kosovo", "at Kinmen", "in northern Kosovo": a place the sentence happens in."""
    k = first - 1
    if k >= 1 and words[k].lower in REGION_WORDS:
        k -= 1
    return k >= 0 and words[k].lower in ("in", "at", "through", "across")


def _origin(words: Sequence[Word], actors: list[Actor], last: int, agent: str) -> Actor | None:
    """The country an agent phrase comes from: "delegations from Russia", "troops of Chad";
    "the authorities in Taipei" (governing where they sit; troops in a place are not its own)."""
    if last + 2 >= len(words):
        return None
    preposition = words[last + 1].lower
    if preposition not in ("from", "of") and not (preposition == "in" and agent == "GOV"):
        return None
    return next((a for a in actors if a.first == last + 2), None)


def _with_origin(
    words: Sequence[Word], actors: list[Actor], origin: Actor, first: int, agent: str
) -> list[Actor]:
    """The origin and the countries conjoined with it take the agent ("delegations from Russia
    and Ukraine" -> RUSGOV, UKRGOV); the first one's phrase starts at the agent words."""
    group = [origin]
    for actor in actors[actors.index(origin) + 1 :]:
        between = [w.lower for w in words[group[-1].last + 1 : actor.first]]
        if between not in (["and"], [","], ["or"]):
            break
        group.append(actor)
    renamed = {
        id(a): replace(a, code=_with_agent(a.code, agent), first=first if a is origin else a.first)
        for a in group
    }
    return [renamed.get(id(a), a) for a in actors]


def _bare_agent(words: Sequence[Word], first: int, last: int) -> bool:
    """Agent words that name a group on their own: not after a name we do not know ("European
    lawmakers") and not modifying a noun ("military aid")."""
    before = words[first - 1] if first > 0 else None
    if first > 1 and before and before.text[:1].isupper() and before.text.isalpha():
        return False
    following = words[last + 1] if last + 1 < len(words) else None
    return following is None or not _adjective_like(following)


def _agent_at(
    words: Sequence[Word], at: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int] | None:
    word = words[at]
    if word.lemma not in cameo.agent_first_words():
        return None  # most words start no agent phrase: skip building the candidate tuples
    for size in range(cameo.longest_agent(), 0, -1):
        if size == 1 and word.inflected_ed:
            return None  # "forced" alone is a verb, not "force" ("armed forces" is a phrase)
        phrase = tuple(w.lemma for w in words[at : at + size])
        if len(phrase) == size and phrase in table:
            return table[phrase], _head_noun_end(words, at + size - 1, table)
    return None


def _merge(left: Actor, right: Actor) -> Actor:
    """Adjacent phrases are one actor ("US State Department", "North Korean leader Kim")."""
    head = right if len(right.code) >= len(left.code) else left
    if right.entity_type == "PERSON" and left.entity_type != "PERSON" and len(left.code) > 3:
        head = replace(right, code=left.code)  # "Germany's Chancellor Olaf Scholz": the title
    return Actor(
        head.code,
        head.name,
        head.entity_id,
        left.first,
        max(left.last, right.last),
        head.entity_type,
        weak=left.weak and right.weak,
    )


def _actor(
    words: Sequence[Word], first: int, last: int, mention: Mention | None, entity: Entity
) -> Actor | None:
    code = _base_code(entity)
    if not code:
        return None
    after = last + 1
    if after < len(words) and words[after].lower in POSSESSIVE:
        after += 1
    agent = _agent_after(words, after)
    if mention is None and agent is None:
        own = cameo.agent_words().get((words[first].lemma,))  # "the ministry" -> TURGOV
        agent = (own, last) if own else None
    if agent:
        last = agent[1]
    elif mention is not None and _is_capital(mention, entity) and len(code) == 3:
        return Actor(code + "GOV", entity.name, entity.entity_id, first, last, entity.type)
    demonym = entity.type == "NORP" or (mention is not None and mention.kind == "demonym")
    weak = demonym and agent is None and not words[last].lower.endswith("s")
    return Actor(
        _with_agent(code, agent[0] if agent else None),
        entity.name,
        entity.entity_id,
        first,
        last,
        entity.type,
        weak,
    )


def resolve_references(
    text: str,
    words: Sequence[Word],
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    earlier: Sequence[tuple[Mention, Entity]],
) -> dict[int, Entity]:
    """Pronouns ("it", "he") and "the country" of one sentence -> the entity they stand for.

    "it"/"its" after a country or organisation in the same sentence stands for the nearest one
    ("after the country confirmed it has been sending troops"); otherwise the coreference rules
    of wirehouse.coref decide.
    """
    resolved: dict[int, Entity] = {}
    covered = {(m.start_char, m.end_char) for m in mentions}
    third_person = {p for p, info in coref.pronouns().items() if info.person == 3}
    for index, word in enumerate(words):
        if (word.start, word.end) in covered:
            continue
        if word.lower in NEUTER_PRONOUNS:
            entity = _nearest_group(words, index, earlier, resolved)
            if entity is None:
                entity = coref.resolve_pronoun(text, word.start, entities, mentions)
            if entity is not None:
                resolved[index] = entity
        elif word.lower in third_person and word.lower in SINGULAR_PRONOUNS:
            entity = coref.resolve_pronoun(text, word.start, entities, mentions)
            if entity is not None:
                resolved[index] = entity
        elif (
            "country_role" in cameo.kinds_of(word.lower)
            and index
            and words[index - 1].lower
            in (
                "the",
                "this",
            )
        ):
            countries = [e for m, e in earlier if e.type == "GPE" and m.start_char < word.start]
            if countries:
                resolved[index] = countries[-1]
        elif _after_the(words, index) and (
            held := _referent(text, words, index, entities, mentions, "person")
        ):
            resolved[index] = held  # "The minister met his counterpart": the minister named
        elif _after_the(words, index) and (
            body := _referent(text, words, index, entities, mentions, "org")
        ):
            resolved[index] = body  # "Turkey's defence ministry said ... The ministry accused"
        elif index and words[index - 1].lower in ("the", "this") and word.text.islower():
            following = words[index + 1].lower if index + 1 < len(words) else ""
            if word.lemma in BLOC_NOUNS and index > 1 and following not in POSSESSIVE:
                continue  # "talks with the bloc": only the bloc acting or owning is resolved
            named = _named_by_head(word, earlier)
            if named is not None:
                resolved[index] = named
    return resolved


def _after_the(words: Sequence[Word], index: int) -> bool:
    """ "the minister", "The Indian diplomat": a role noun after "the" and at most one word."""
    word = words[index]
    if word.lower not in _role_heads() or not word.text.islower():
        return False
    return any(0 <= k < index and words[k].lower == "the" for k in (index - 1, index - 2))


@cache
def _role_heads() -> frozenset[str]:
    """The last word of every role noun ("minister" of "foreign minister")."""
    return frozenset(noun.split()[-1] for noun in coref.role_nouns())


REFERENT_TYPES = {"person": "PERSON", "org": "GPE"}


def _referent(
    text: str,
    words: Sequence[Word],
    index: int,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    kind: str,
) -> Entity | None:
    """The person a role phrase ending at `index` stands for ("the foreign minister"), or
    (kind "org") the country whose body an organisation word stands for when the text named
    it with the country ("Turkey's defence ministry ... the ministry"); named organisations
    are left to _named_by_head."""
    first = index - 1 if kind == "person" else index
    phrase = " ".join(w.lower for w in words[max(0, first) : index + 1])
    role = coref.role_kind(phrase)
    if role is None or role[1] != kind:
        return None
    found = coref.resolve_role(text, words[index].start, phrase, entities, mentions)
    return found if found is not None and found.type == REFERENT_TYPES[kind] else None


ARMED_GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization"})
BLOC_NOUNS = frozenset({"bloc", "union", "alliance"})  # the international body named last
PARTY_AGENTS = frozenset({"OPP", "PTY", "GOV"})  # "the party": a political party named last
PARTY_NAME_WORDS = frozenset({"Party", "Coalition", "Congress", "Front", "Movement", "League"})


def _named_by_head(word: Word, earlier: Sequence[tuple[Mention, Entity]]) -> Entity | None:
    """ "the bank", "the commission": the organisation named last whose name ends in that
    noun (South African Reserve Bank, Independent National Electoral Commission)."""
    armed = word.lemma in ARMED_GROUP_NOUNS
    bloc = word.lemma in BLOC_NOUNS
    party = word.lemma == "party"
    for mention, entity in reversed(earlier):
        if mention.start_char >= word.start:
            continue
        code = entity.cameo_code or ""
        if armed and entity.type == "ORG" and code[3:6] in ("REB", "INS", "SEP"):
            return entity  # "Hezbollah ... the group fired rockets"
        if bloc and entity.type == "ORG" and code.startswith("IGO"):
            return entity  # "the European Commission ... the bloc's ministers"
        named_party = PARTY_NAME_WORDS & set(entity.name.split()) and not code.startswith("IGO")
        if party and entity.type == "ORG" and (code[3:6] in PARTY_AGENTS or named_party):
            return entity  # "the Citizens Coalition for Change said ... The party accused"
        head = entity.name.split(" of ")[0].split()[-1].lower()  # "European Court of Justice"
        last = entity.name.split()[-1].lower()
        if entity.type == "ORG" and {head, last} & {word.lower, word.lemma}:
            return entity
    return None


def _nearest_group(
    words: Sequence[Word],
    index: int,
    earlier: Sequence[tuple[Mention, Entity]],
    resolved: dict[int, Entity],
) -> Entity | None:
    start = words[0].start
    candidates = [
        (m.start_char, e)
        for m, e in earlier
        if start <= m.start_char < words[index].start and e.type in ("GPE", "ORG")
    ]
    candidates += [
        (words[i].start, e) for i, e in resolved.items() if i < index and e.type in ("GPE", "ORG")
    ]
    # "The IMF, which urged Pretoria to ..., said it supported": not a name inside a closed
    # relative clause or apposition, when the sentence names another before it
    closed = _closed_asides(words, index)
    outside = [(at, e) for at, e in candidates if not any(a <= at < b for a, b in closed)]
    candidates = outside or candidates
    if not candidates:
        return None
    if index and words[index - 1].text in (";", "but"):
        # "The United States did not ...; its embassy urged": the first clause's subject
        return min(candidates, key=lambda pair: pair[0])[1]
    return max(candidates, key=lambda pair: pair[0])[1]


def _closed_asides(words: Sequence[Word], index: int) -> list[tuple[int, int]]:
    """Character spans of ", which/who ... ," clauses that close before word `index`."""
    spans = []
    for k in range(index):
        if words[k].text != "," or k + 1 >= index or words[k + 1].lower not in ("which", "who"):
            continue
        close = next((j for j in range(k + 2, index) if words[j].text == ","), None)
        if close is not None:
            spans.append((words[k].start, words[close].start))
    return spans
