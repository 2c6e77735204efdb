"""Event coding: CAMEO who-did-what-to-whom, sentence by sentence, PETRARCH-style.

For each sentence: find verb phrases from the dictionary (data/cameo/verbs.csv), take the actor
phrase before the verb as the source (through auxiliaries, adverbs, "to"-verbs, coordination and
the passive "by"), the first actor after it as the target, and code one event per pair. Negated
events are dropped; modal, future and conditional ones are kept with `is_hypothetical`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word, build_actors, resolve_references
from wirehouse.model import Entity, Event, Mention

SLOT_GAP = 3  # words between a verb and the actor that is its object ("freed five American")
ADJACENT = 3  # characters between two sentences that follow each other (a paragraph break)
OBJECT_WINDOW = 10  # words after the head in which a pattern's particle and objects must appear
ADDRESSEE_ROOTS = frozenset({"02", "10", "13"})  # "urged/demanded/warned that X ..." targets X
SPEECH_ROOTS = frozenset(f"{root:02d}" for root in range(1, 14))
# verbs that react to an earlier event ("condemned the move", "welcomed the agreement")
REACTION_ROOTS = frozenset({"05", "11", "12", "01"})
# coded only with a target: a warning at nobody is a statement, not a threat; a promise or a
# reproach at nobody names no relation between actors
TARGETED_ROOTS = frozenset({"03", "11", "12", "13"})
# ... except a pledge of aid, an event of its own like the aid itself (GDELT keeps it one-sided)
UNTARGETED_CODES = ("033",)
MEETING_CODES = ("040", "041", "042", "043", "044", "046")  # a meeting names whom it met
STANDALONE_ROOTS = frozenset({"11", "12", "13"})
ACCUSATION = "112"  # blame needs someone blamed ("blamed the decline on misinformation")
AID_CODES = ("031", "032", "033", "07")  # promised or given help: to someone
# "He praised / visited the troops": forces honoured or visited with no country are one's own;
# an appeal or a meeting ("urged the authorities") is addressed to the other side
OWN_FORCES = frozenset({"MIL", "COP"})
OWN_SIDE_ROOTS = frozenset({"01", "04", "05"})
# what may stand between conjoined actors; ", and" joins clauses more often than actors
CONJUNCTIONS = frozenset({(",",), ("and",), ("or",), ("and", "the"), ("or", "the")})
# an actor after these is where the event happened, not its target ("rallied in Lithuania")
WHERE_NOT_WHOM = frozenset({"in", "inside", "near", "across", "outside", "alongside"})
PLACE_NOUNS = frozenset(
    {"street", "outskirts", "centre", "center", "city", "town", "port", "province", "region"}
    | {"suburb", "heart", "area", "coast", "capital", "village"}
    | {"sea", "gulf", "bay", "strait", "island", "waters"}  # "the Sea of Japan"
)
# an actor before these names a gathering, not a side ("on the sidelines of the G20 summit")
GATHERINGS = frozenset({"summit", "conference", "forum", "meeting", "session", "assembly"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "into", "across", "outside"})
CLAUSE_OPENERS = frozenset({"and", "but", "while", "which", "who"})
RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply", "hit"})
CAUSATIVES = frozenset({"prompt", "force", "push", "drive", "spur", "compel", "lead", "cause"})
PACT_CODES = ("03", "04", "057", "06")  # signed / agreed / met / cooperated with each other
RECIPROCAL_VERBS = frozenset({"exchange", "trade"})
AIMED = frozenset({"on", "against"})  # "tariffs on Mexican steel": aimed at Mexico
OWN_PLACE_CODES = {"072": "154", "074": "154"}  # troops sent to one's own territory: mobilising
ADJUNCT_OPENERS = frozenset({"after", "before", "following", "despite", "amid", "since", "until"})
PASSIVE_AUX = frozenset({"be", "get"})
CONTROL_KINDS = frozenset({"control", "hypothetical_control", "negative_control"})
NOUN_MODIFIERS = frozenset(
    {"first", "second", "last", "recent", "official", "rare", "historic", "state", "surprise"}
)


@dataclass(frozen=True)
class Match:
    head: int
    end: int  # index after the last matched word
    pattern: cameo.VerbPattern
    slot_actor: int | None  # index of the actor filling a '$' slot
    matched: frozenset[int] = frozenset()  # indexes of the particle and object words


@dataclass
class Subject:
    group: list[Actor]
    hypothetical: bool = False
    negated: bool = False
    passive: bool = False
    reduced: bool = False  # a participle after its noun ("the cuts demanded by Riyadh")
    prompted: bool = False  # "prompting Beijing to threaten": the subject answers the prompter


def find_events(
    doc: Doc,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    published_at: datetime | None,
) -> list[Event]:
    """CAMEO events of one article; offsets index doc.text (the article body)."""
    text = doc.text
    by_id = {entity.entity_id: entity for entity in entities}
    known = sorted(
        ((m, by_id[m.entity_id]) for m in mentions if m.entity_id in by_id),
        key=lambda pair: pair[0].start_char,
    )
    home = _home_country(known)
    clear_home = home if _dominant(known, home) else None
    sentences = _sentences(doc, text)
    recipient = clear_home or _crisis_place(text, sentences, known)
    main_pair = _main_pair(known)
    heads = cameo.verb_patterns()
    starts = [m.start_char for m, _ in known]
    events: list[Event] = []
    for words in sentences:
        if not any(w.lower in heads or w.lemma in heads for w in words):
            continue
        start, end = words[0].start, words[-1].end
        earlier = known[: bisect_left(starts, end)]
        own = [(m, e) for m, e in earlier[bisect_left(starts, start) :] if m.end_char <= end]
        resolved = resolve_references(text, words, entities, mentions, earlier)
        # "He spoke with Trump ... the two leaders agreed": the last exchange, after the
        # story's own two sides
        pair = _latest_pair(events) or main_pair or _last_exchange(events)
        centre = _previous_source(events, by_id, start)
        if centre is not None and words[0].lower in ("it", "its"):
            resolved[0] = centre
        actors = build_actors(words, own, resolved, clear_home, pair)
        if actors:
            events += _sentence_events(
                text,
                words,
                actors,
                (start, end),
                published_at,
                events,
                recipient,
                earlier,
                _opposed(main_pair, events) or _opposed(_last_exchange(events), events),
                main_pair,
            )
    return events


def _sentences(doc: Doc, text: str) -> list[list[Word]]:
    """The words of each sentence, read from the doc's arrays in one pass (making a spaCy
    Token for each word costs more than the rest of the coding)."""
    sentences: list[list[Word]] = []
    current: list[Word] = []
    for i, (start, length, sent_start, is_space) in enumerate(
        doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE]).tolist()
    ):
        if i and sent_start == 1 and current:
            sentences.append(current)
            current = []
        if not is_space:
            word = text[start : start + length]
            current.append(Word(word, word.lower(), cameo.lemma(word), start, start + length))
    if current:
        sentences.append(current)
    return sentences


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


def _own_side(actor: Actor, other: list[Actor], code: str) -> Actor:
    """Forces with no country ("the troops") praised or visited by a leader ("He praised the
    troops") are the acting side's own: they take its country."""
    if actor.unplaced not in OWN_FORCES or code[:2] not in OWN_SIDE_ROOTS:
        return actor
    countries = {a.code[:3] for a in other if _is_country(a)}
    if len(countries) != 1:
        return actor
    return replace(actor, code=countries.pop() + actor.unplaced, unplaced="")


def _is_country(actor: Actor) -> bool:
    return not actor.unplaced and actor.code[:3].isalpha() and actor.code[:3] != "IGO"


def _sentence_events(
    text: str,
    words: list[Word],
    actors: list[Actor],
    bounds: tuple[int, int],
    published_at: datetime | None,
    history: Sequence[Event],
    home: Entity | None,
    earlier: Sequence[tuple[Mention, Entity]] = (),
    sides: Sequence[Actor] = (),
    story: Sequence[Actor] = (),
) -> list[Event]:
    start, end = bounds
    at_word = {i: a for a in actors for i in range(a.first, a.last + 1)}
    matches = _swallow(_matches(words, actors, at_word))
    events: list[Event] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    last_subject: list[Actor] = []
    passive_roles: tuple[list[Actor], list[Actor]] | None = None
    for match in matches:
        if _refusal_of_another_verb(words, match):
            continue  # "refused to blame the referee": the blaming is negated, not a rejection
        if _ruled_out(words, match.head):
            continue  # "ruled out imposing sanctions": not done
        if _stalled_noun(words, match):
            continue  # "talks between Iran and the IAEA remain stalled": not taking place
        after = match.end + (match.end < len(words) and words[match.end].lower == "back")
        if _by_means(words, after) and words[match.head].lemma in RESPONSE_VERBS:
            continue  # "retaliated by banning imports": the ban is the act coded
        if _alleged(words, match, matches):
            continue  # "accused the army of bombing a market, killing 27": alleged, not coded
        if _infinitive_content(words, match, matches):
            continue  # "urged X to withdraw", "an agreement to remove tariffs": asked, not done
        intent = _announced(words, match)
        if intent:
            # "Tehran was ready to resume direct flights": the readiness is what happened
            match = replace(match, pattern=replace(match.pattern, code=intent))
        subject = _subject(words, actors, at_word, match, last_subject)
        if subject.group and not subject.passive and not subject.reduced:
            last_subject = subject.group
        if subject.negated:
            continue
        sources, targets = _roles(words, actors, at_word, match, subject)
        if passive_roles and _second_participle(words, match):
            # "was detained by the FSB ... and convicted of espionage": the same passive
            sources, targets = passive_roles
        elif subject.passive:
            passive_roles = (sources, targets)
        sources = [_placed_source(words, actors, s) for s in sources]
        pointed = _it_after(words, match) and match.pattern.code[:2] in REACTION_ROOTS
        if pointed and events and events[-1]["target"] is not None:
            # "X welcomed Russia's move, while the RSF condemned it": the move, Russia's
            targets = [events[-1]["target"]]
        if len(sources) > 1 and _each_other(words, match):
            targets = []  # "Italy and Spain criticised each other": at one another
        gapped = _gapped_sources(words, actors, match)
        if gapped and sources:
            # "promised €150 million and Japan $45 million to Sudan": Japan promised too
            sources = sources + gapped
            targets = [t for t in targets if t not in gapped] or _to_target(
                words, actors, at_word, gapped[-1].last + 1
            )
        if sources and match.head and words[match.head - 1].text == ",":
            # "protested to Britain ..., calling the move illegitimate": the aside shares the
            # main clause's target
            addressed = bool(targets) and words[targets[0].first - 1].lower == "to"
            if not addressed:  # "a message addressed to Putin, criticizing ...": to Putin
                targets = _shared_target(events, sources) or targets
        if sources and not targets:
            # events coded earlier in this sentence count too ("began a joint exercise, drawing
            # a warning from China, which called the drills a threat")
            so_far = [*history, *(_as_event(e) for e in events)] if events else history
            targets = _antecedent_target(
                words, at_word, match, subject, sources, so_far, text, earlier
            )
        addressed = match.pattern.code[:2] in ADDRESSED_ROOTS
        if sources and not targets and subject.reduced and addressed:
            # "Kazakhstan did not commit to the cuts demanded by Riyadh": asked of the subject
            own = _countries(sources)
            targets = [
                t for t in _clause_subject(words, actors, match.head) if t.code[:3] not in own
            ]
        if sources and not targets and match.pattern.code[:2] == "10":
            targets = _holder(words, sources, history)
        mediation = match.pattern.code.startswith(MEDIATION_CODES)
        if (
            sources
            and not targets
            and match.pattern.code.startswith(AID_CODES)
            and home
            and not mediation
        ):
            # aid offered with no recipient named goes to the country the article is clearly
            # about, unless that country acts in the sentence itself ("..., and Japan said")
            named = {a.entity_id for a in actors}
            targets = [
                a
                for a in [_home_actor(home)]
                if a.code[:3] not in _countries(sources) and a.entity_id not in named
            ]
        threat = match.pattern.code[:2] == "13" and (
            bool(match.pattern.slots) or match.pattern.conditional
        )
        if sources and not targets and match.pattern.code[:2] in REACTION_ROOTS | {"14"}:
            # "lodged a protest after a Chinese drone entered its airspace": at the drone's
            targets = _cause_actor(words, actors, match, sources)
        if sources and subject.passive and match.pattern.code[:2] in REACTION_ROOTS:
            # "Japan's decision to release water was criticised by China": at Japan, not at
            # the things the decision is about ("Russia's expulsion of Estonian diplomats")
            own = _countries(sources)
            maker = [
                t
                for t in _subject_noun_owner(words, at_word, match.head, [])
                if t.code[:3] not in own and _owns_event_noun(words, t)
            ]
            targets = maker or targets
        if sources and not targets and match.pattern.reverse:
            # "Hungary's veto drew criticism from Poland", "The boarding drew condemnation
            # from Russia": the subject noun's owner, else the maker of the act it names
            own = _countries(sources)
            so_far = [*history, *(_as_event(e) for e in events)]
            targets = [
                t
                for t in _subject_noun_owner(words, at_word, match.head, so_far)
                if t.code[:3] not in own
            ]
            if not targets and _described_act(words, match.head):
                # "OPEC+ agreed to cut output, a move that drew criticism": OPEC+'s move
                targets = [t for t in last_subject if t.code[:3] not in own]
        if sources and not targets and intent:
            # in a story about two sides, one side's readiness is towards the other
            own = _countries(sources)
            other = [side for side in story if side.code[:3] not in own]
            targets = other if len(story) == 2 and len(other) == 1 else []
        if sources and not targets and match.pattern.code.startswith(EASING_CODES):
            # "Kenya would lift the tariffs": on whom it had imposed them
            so_far = [*history, *(_as_event(e) for e in events)]
            targets = _sanctioned(so_far, _countries(sources))
        coordinated = match.head > 0 and words[match.head - 1].lower == "and"
        if sources and not targets and coordinated and events:
            # "pledged military support to Mogadishu and sent two ships": to Mogadishu too
            targets = _shared_target(events, sources)
        if sources and not targets and subject.prompted and events:
            # "imposed duties on Chinese steel, prompting Beijing to threaten retaliation"
            own = _countries(sources)
            targets = [e["source"] for e in events[-1:] if e["source"].code[:3] not in own]
        if sources and not targets and match.pattern.conditional:
            targets = _condition_actor(words, actors, match, sources)  # "... if Iran does not"
        if (
            sources
            and not targets
            and (match.pattern.code[:2] in ADDRESSED_ROOTS or threat)
            and not _addressed_noun(words, match)
        ):
            targets = _addressee(words, actors, match, sources, home, sides)
        if sources and not targets and match.pattern.code.startswith(MEDIATION_CODES):
            # "Malaysia offered to mediate" in a story about two sides: between them
            own = _countries(sources)
            # "Iran and Bahrain agreed ... after talks mediated by Oman": between the sides
            # acting earlier in the sentence, else the two sides of the story
            targets = _earlier_sides(events, own) or [s for s in sides if s.code[:3] not in own]
            if not targets and home is not None and _home_actor(home).code[:3] not in own:
                targets = [_home_actor(home)]  # "SADC, which mediated after a contested vote"
        if match.pattern.code[:2] == "04" and any(_agent(t) in NOT_INTERLOCUTORS for t in targets):
            continue  # "Chad hosts 1.2 million refugees": sheltering people, not a meeting
        named_targets = targets
        targets = _not_self(sources, targets, match.pattern.code)
        if named_targets and not targets and match.pattern.code in OWN_PLACE_CODES:
            # "sent 2,000 troops to the Catatumbo region" (its own): a deployment, not aid
            own_code = OWN_PLACE_CODES[match.pattern.code]
            match = replace(match, pattern=replace(match.pattern, code=own_code))
        if (
            named_targets
            and not targets
            and match.pattern.code[:2] in ADDRESSED_ROOTS
            and all(_agent(t) in ("GOV", "") for t in named_targets)
        ):
            continue  # "the island's mayor urged the government to ...": a domestic appeal
        if sources and not targets and match.pattern.code in RELEASE_CODES:
            # "demanded Farahani's immediate release": of whoever detained her
            targets = _holder(words, sources, history, any_held=True)
        if match.pattern.code[:2] == "13":
            # "threatening 20,000 Canadian jobs": a threat is made to an actor, not a thing
            # ... but "threatened to impose tariffs on Mexican steel" threatens Mexico
            targets = [
                replace(t, weak=False) if t.weak and words[t.first - 1].lower in AIMED else t
                for t in targets
                if not t.weak or words[t.first - 1].lower in AIMED
            ]
        targets = [_own_side(t, sources, match.pattern.code) for t in targets]
        if not targets and len(sources) == 1:
            targets = [t for t in [_home_side(sources[0], match.pattern.code)] if t]
        if sources and not targets and match.pattern.code[:2] in FORCE_ROOTS:
            # "Russia launched 146 drones" in a story about strikes on Ukraine: on Ukraine
            targets = _struck(words, actors, match, sources, home)
        if not targets and len(sources) < 2 and _needs_target(match.pattern, sources):
            continue
        hypothetical = not (match.pattern.conditional or intent) and (
            subject.hypothetical
            or _clause_hypothetical(words, match)
            or _would_be(words, match)
            or _ruled_out(words, match.head) is False
        )
        mutual = len(sources) > 1 and _mutual(words, match)
        placed = any(not s.unplaced for s in sources)
        condition = hypothetical and _in_condition(words, match.head)
        if sources and not targets and not mutual and (condition or not placed):
            # "If Oslo backs down", "police opened an investigation": no one acted on, and
            # nothing an analyst could place or count
            continue
        passive_pact = (
            subject.passive
            and match.pattern.code.startswith(PACT_CODES)
            and not match.pattern.code.startswith(MEDIATION_CODES)
        )
        if passive_pact and not targets and len(sources) > 1:
            # "The accord was signed by Serbia and Hungary": with each other
            pairs = [(s, t) for s in sources for t in sources if s.code[:3] != t.code[:3]]
        elif (subject.passive or gapped) and not targets:
            # "was endorsed by the US and Canada": each endorsed, not each other
            pairs = [(s, None) for s in sources if not s.weak]
        elif not targets and len(sources) > 1 and _each_other(words, match):
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            pairs = _pairs(sources, targets, match.pattern, mutual)
        # the slot's actor may have been dropped as a self-target: then the verb phrase ends it
        slot_end = targets[-1].last + 1 if _slot_target(match) and targets else 0
        phrase_end = max(match.end, slot_end)
        event_text = text[words[match.head].start : words[min(phrase_end, len(words)) - 1].end]
        when = _event_date(text[start:end], published_at)
        place = _place(words, actors, match, {a.entity_id for pair in pairs for a in pair if a})
        for source, target in pairs:
            key = (source.code, target.code if target else None, match.pattern.code)
            if key in seen:
                continue
            seen.add(key)
            events.append(
                _event(source, target, match.pattern.code, start, end, event_text)
                | {"hypothetical": hypothetical, "date": when, "place": place}
            )
    # "summoned China's ambassador to protest the incident": one protest, with its target
    targeted = {(e["source"].code, e["code"]) for e in events if e["target"] is not None}
    return [
        _as_event(e)
        for e in events
        if e["target"] is not None or (e["source"].code, e["code"]) not in targeted
    ]


# agents that make a same-country pair a domestic event ("police dispersed protesters")
DOMESTIC_AGENTS = frozenset(
    {"COP", "OPP", "REB", "INS", "SEP", "JUD", "LEG", "CVL", "SPY", "UAF", "NGO", "MED"}
)
# what a demand for a release points at: whoever seized or holds it
HELD = frozenset({"crew", "vessel", "ship", "boat", "detainee", "sailor", "fisherman", "tanker"})
SEIZURE_CODES = ("17", "18", "1711")


NOT_INTERLOCUTORS = frozenset({"REF", "CVL"})  # people hosted or visited, not met as a side


def _agent(actor: Actor) -> str:
    return actor.unplaced or actor.code[3:6]


ADDRESSED_ROOTS = frozenset({"02", "10"})
MEDIATION_CODES = ("028", "039", "045")
# what two actors named together do to each other when no one else is named: agree, meet,
# praise, cooperate, make peace, cut ties, fight ("Kenya and Somalia signed", "clashed")
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "08", "16", "19"})


def _addressee(
    words: list[Word],
    actors: list[Actor],
    match: Match,
    sources: list[Actor],
    home: Entity | None,
    sides: Sequence[Actor] = (),
) -> list[Actor]:
    """Whom an appeal or demand with no one named is made of: the country it is about in the
    sentence ("called for a ceasefire in Sudan"), else the other side when the article is
    about two and the speaker is one of them, else the country the article is clearly about,
    when the speaker is a foreign state or body."""
    own = _countries(sources)
    if any(s.unplaced or not s.code[:3].isalpha() for s in sources):
        return []
    for actor in actors:
        if (
            actor.first > match.head
            and words[actor.first - 1].lower in ("in", "inside")
            and actor.entity_type == "GPE"
            and actor.code[:3] not in own
        ):
            return [replace(actor, code=actor.code[:3])]
    other = [side for side in sides if side.code[:3] not in own]
    if len(sides) == 2 and len(other) == 1:
        return other  # "Serbia ... demanded an apology" in a story about Serbia and Croatia
    if len(other) == 2 and match.pattern.code[:2] in ADDRESSED_ROOTS:
        return other  # "The United States called for an immediate ceasefire": of both
    if home is None:
        return []
    named = {a.entity_id for a in actors}
    fallback = _home_actor(home)
    if fallback.code[:3] in own or fallback.entity_id in named:
        return []
    return [fallback]


def _earlier_sides(events: list[dict], own: set[str]) -> list[Actor]:
    """The countries that act in the events coded so far in a sentence, when two do."""
    sides: dict[str, Actor] = {}
    for event in events:
        source = event["source"]
        if _is_country(source) and source.code[:3] not in own:
            sides.setdefault(source.code[:3], source)
    return list(sides.values()) if len(sides) == 2 else []


def _struck(
    words: list[Word],
    actors: list[Actor],
    match: Match,
    sources: list[Actor],
    home: Entity | None,
) -> list[Actor]:
    """Whom force with no target named falls on: the foreign country of the place it hits
    ("fired on a village in Lebanon"), else the country the article is about."""
    own = _countries(sources)
    if any(s.unplaced or not s.code[:3].isalpha() for s in sources):
        return []
    for actor in actors:
        placed = words[actor.first - 1].lower in PLACE_PREPOSITIONS if actor.first else False
        foreign = actor.code[:3].isalpha() and actor.code[:3] not in own | {"IGO"}
        if actor.first > match.head and placed and foreign and actor.entity_type in PLACES:
            return [replace(actor, code=actor.code[:3], weak=False)]
    if home is None:
        return []
    fallback = _home_actor(home)
    return [] if fallback.code[:3] in own or not fallback.code else [fallback]


PLACES = frozenset({"GPE", "LOC"})


def _shared_target(events: list[dict], sources: list[Actor]) -> list[Actor]:
    codes = {s.code for s in sources}
    for event in reversed(events):
        if event["source"].code in codes and event["target"] is not None:
            return [event["target"]]
    return []


def _each_other(words: list[Word], match: Match) -> bool:
    if words[match.head].lemma in RECIPROCAL_VERBS and match.pattern.slots:
        return True  # "Morocco and Algeria exchanged accusations": at each other
    after = [w.lower for w in words[match.head + 1 : match.head + 5]]
    return any(after[i : i + 2] in (["each", "other"], ["one", "another"]) for i in range(3))


def _placed_source(words: list[Word], actors: list[Actor], source: Actor) -> Actor:
    """A source agent with no country ("officials said the government could close ...") acts
    for the country named last before it in the sentence ("Zagreb has not retaliated, but")."""
    if not source.unplaced or source.code != source.unplaced:
        return source
    before = [a for a in actors if a.last < source.first and _is_country(a) and not a.weak]
    if not before:
        return source
    return replace(source, code=before[-1].code[:3] + source.unplaced, unplaced="")


def _domestic(actor: Actor) -> bool:
    return actor.code[3:6] in DOMESTIC_AGENTS or actor.unplaced in DOMESTIC_AGENTS


def _same_side(source: Actor, target: Actor, code: str) -> bool:
    """A pair of one country with no domestic agent on either side: no event of its own
    (but a leader praising or visiting the country's own troops is one, see _own_side)."""
    if _domestic(source) or _domestic(target):
        return False
    if code[:2] in OWN_SIDE_ROOTS and target.code[3:6] in OWN_FORCES:
        return False
    homed = target.unplaced and target.code != target.unplaced  # "the troops", home's own
    countried = _is_country(target) or (homed and target.code[:3].isalpha())
    return _is_country(source) and countried and source.code[:3] == target.code[:3]


def _not_self(sources: list[Actor], targets: list[Actor], code: str) -> list[Actor]:
    """Targets of another country than every source ("South Korea signed ..., the South Korean
    ministry said" is no event of Korea on itself); same-country pairs stay only for domestic
    actors (police and protesters, the opposition and the government, the courts)."""

    countries = {s.code[:3] for s in sources if _is_country(s) and not _domestic(s)}
    if len(countries) > 1:
        countries = set()  # "France and China congratulated X": X is not each one's (see _pairs)
    own_forces = code[:2] in OWN_SIDE_ROOTS  # "praised the troops": see _own_side

    def dropped(t: Actor) -> bool:
        if t.unplaced and t.code == t.unplaced:  # "sent troops to the region": no country
            return not own_forces
        if _domestic(t):
            return False
        return _is_country(t) and t.code[:3] in countries

    return [t for t in targets if not dropped(t)]


RELEASE_CODES = frozenset({"0253", "1053"})


def _holder(
    words: list[Word], sources: list[Actor], history: Sequence[Event], any_held: bool = False
) -> list[Actor]:
    """ "demanded the release of the crew": the actor of the latest seizure or detention."""
    if not any_held and not any(w.lemma in HELD or w.lower in HELD for w in words):
        return []
    own = _countries(sources)
    for event in reversed(history):
        if event.event_code.startswith(SEIZURE_CODES) and (event.actor1_code or "")[:3] not in own:
            return [_actor1(event)]
    return []


MONEY = re.compile(r"^(?:[$€£¥]|\d)")


def _gapped_sources(words: list[Word], actors: list[Actor], match: Match) -> list[Actor]:
    """Actors of a gapped second clause: "and Japan $45 million", the verb left out."""
    first, last = _clause_bounds(words, match.head)
    return [
        a
        for a in actors
        if match.head < a.first < last
        and words[a.first - 1].lower == "and"
        and words[a.first].text[:1].isupper()  # "and its 23 crew members": no new donor
        and a.last + 1 < last
        and MONEY.match(words[a.last + 1].text)
    ]


def _to_target(
    words: list[Word], actors: list[Actor], at_word: dict[int, Actor], at: int
) -> list[Actor]:
    for k in range(at, len(words)):
        if words[k].text in (".", ";") or _new_clause(words, k):
            break
        if k in at_word and words[k - 1].lower in ("to", "for"):
            return _conjoined_right(words, actors, at_word[k])
    return []


def _needs_target(pattern: cameo.VerbPattern, sources: list[Actor]) -> bool:
    """Whether an event with no target is dropped. A condemnation, rejection or warning by a
    known state or body is coded with actor2 empty, as GDELT does ("China condemned the
    drills", "warned it would take all necessary measures"); a promise, a bare warning or a
    reproach by an unplaced agent names no relation at all."""
    code = pattern.code
    if code.startswith(MEETING_CODES):
        return True  # "hosted earlier rounds of talks": whom, or no relation
    if code[:2] not in TARGETED_ROOTS or code.startswith(UNTARGETED_CODES):
        return False
    standalone = code[:2] in STANDALONE_ROOTS and not code.startswith(ACCUSATION)
    if code[:2] == "13" and not pattern.slots:
        standalone = False  # "warned that floods would spread": a threat names what it threatens
    return not standalone or not any(_known_actor(s) for s in sources)


def _known_actor(actor: Actor) -> bool:
    return not actor.weak and not actor.unplaced and actor.code[:3].isalpha()


def _clause_hypothetical(words: list[Word], match: Match) -> bool:
    """A conditional word or a question mark in the match's own clause: "..., and officials
    said it would double it if ..." leaves the pledge of the first clause factual."""
    first, last = _clause_bounds(words, match.head)
    for k in range(match.head + 1, last - 1):
        if words[k].text == "," and words[k + 1].lower.endswith("ing"):
            last = k  # "pledged €60 million, adding that it would double it if ...": an aside
            break
    if match.pattern.code[:2] in SPEECH_ROOTS:
        # "warned that it will go to court if ...": the warning itself was made
        first_after = next(
            (k for k in range(match.head + 1, last) if words[k].lower in ("that", "if", "unless")),
            last,
        )
        last = min(last, first_after)
    clause = words[first:last]
    if not clause:
        return False
    return clause[-1].text == "?" or any("conditional" in cameo.kinds_of(w.lower) for w in clause)


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


HOSTILE_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
CONTENT_ROOTS = frozenset({"02", "10", "13"})  # appeals, demands, threats: "... to <verb>"


def _infinitive_content(words: list[Word], match: Match, matches: list[Match]) -> bool:
    """An infinitive that is what another event asks for or settles, not an event itself:
    "called on X to withdraw", "threatened to retaliate", "signed an agreement to expand
    trade and to remove tariffs". An infinitive after a control verb ("agreed to send",
    "is expected to veto") is the event itself."""
    to = match.head - 1
    while to >= 0 and (words[to].lower.endswith("ly") or words[to].text in QUOTE_MARKS):
        to -= 1  # "to swiftly withdraw", "to 'seize this moment'"
    if to < 1 or words[to].lower != "to":
        return False
    before = words[to - 1]
    while before.lower == "and":  # "... to expand trade and to remove": back to the first "to"
        first_to = next((k for k in range(to - 2, -1, -1) if words[k].lower == "to"), None)
        if first_to is None or first_to < 1:
            return False
        to, before = first_to, words[first_to - 1]
    if any(m.head < match.head and m.pattern.code[:2] in CONTENT_ROOTS for m in matches):
        return True
    k = to - 1
    while k > 0 and _time_word(words, k):
        k -= 1  # "an agreement on Tuesday to expand trade"
    k = _before_proposer(words, k)  # "a proposal from Lithuania and Latvia to expel"
    if words[k].lemma in DECISION_NOUNS:
        return False  # "Russia's decision to suspend gas deliveries": the suspension happened
    noun = words[k].lemma in cameo.event_nouns() or words[k].lemma in CONTENT_NOUNS
    after_subject = k > 0 and words[k - 1].text[:1].isupper() and words[k].lower.endswith("s")
    return noun and not after_subject  # "Germany plans to send": a verb after its subject


def _alleged(words: list[Word], match: Match, matches: list[Match]) -> bool:
    """An act after "accused X of" / "blamed X for": what the accusation says, not an event
    ("... of lying and fired missiles": a second finite verb is the subject's own act)."""
    head = words[match.head]
    if not (head.lower.endswith("ing") or match.pattern.pos == "noun"):
        return False
    for other in matches:
        if other.head >= match.head or not other.pattern.code.startswith(ACCUSATION):
            continue
        between = words[other.head + 1 : match.head]
        if any("clause_break" in cameo.kinds_of(w.lower) for w in between):
            continue
        if any(w.lower in ("of", "for") for w in between):
            return True
    return False


DECISION_NOUNS = frozenset({"decision", "move"})
PROPOSER_REACH = 8  # words of "from Lithuania and Latvia" between a noun and its "to"


def _before_proposer(words: list[Word], k: int) -> int:
    """The noun before "from/by X (and Y)" that ends at `k`, else `k` itself."""
    for j in range(k, max(0, k - PROPOSER_REACH), -1):
        if words[j].lower in ("from", "by") and j > 0:
            between = words[j + 1 : k + 1]
            if all(w.text[:1].isupper() or w.lower in ("and", ",", "the") for w in between):
                return j - 1
            return k
    return k


CONTENT_NOUNS = frozenset(
    {"agreement", "deal", "accord", "treaty", "pact", "plan", "proposal", "bid", "effort"}
)


def _refusal_of_another_verb(words: list[Word], match: Match) -> bool:
    head = words[match.head]
    following = words[match.head + 1] if match.head + 1 < len(words) else None
    return (
        not match.pattern.slots
        and following is not None
        and following.lower == "to"
        and "negative_control" in cameo.kinds_of(head.lower)
    )


def _matches(words: list[Word], actors: list[Actor], at_word: dict[int, Actor]) -> list[Match]:
    table = cameo.verb_patterns()
    found = []
    for index, word in enumerate(words):
        if index in at_word:
            continue
        patterns = table.get(word.lemma) or table.get(word.lower)
        if not patterns or (index and word.text[:1].isupper()):
            continue  # "Finance Minister Claire Dubois": a capital mid-sentence is a name
        pos = "noun" if _noun_reading(words, at_word, index) else "verb"
        best: Match | None = None
        for pattern in patterns:
            if pattern.pos != pos:
                continue
            if pattern.conditional and not _conditional_response(words, index):
                continue  # "Russia responded to the note": no threat
            if best is not None and cameo.precedence(pattern) != cameo.precedence(best.pattern):
                break  # only patterns ranked alike compete on the nearer object
            match = _match(words, actors, at_word, index, pattern)
            if match and (best is None or (_same_shape(match, best) and match.end < best.end)):
                # as specific, but its object nearer: "called for an end to X's military
                # support" is a call for an end, not for military aid
                best = match
        if best is not None:
            found.append(best)
    return found


CONDITIONS = frozenset({"if", "unless"})
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


def _cause_actor(
    words: list[Word], actors: list[Actor], match: Match, sources: list[Actor]
) -> list[Actor]:
    """The actor opening an "after" clause a reaction answers ("protested after Somali troops
    crossed the border"): the reaction's target."""
    own = _countries(sources)
    for k in range(match.end, len(words)):
        if words[k].text in (",", ";") or (k != match.end and words[k].lower in CLAUSE_OPENERS):
            return []
        if words[k].lower == "after":
            actor = next((a for a in actors if k < a.first <= k + 3), None)
            if actor is None or not actor.code[:3].isalpha() or actor.code[:3] in own:
                return []
            return [replace(actor, weak=False)]
    return []


def _addressed_noun(words: list[Word], match: Match) -> bool:
    """An appeal made of people named by a plain noun ("urged producers to ...", "called on
    residents to ..."): someone named, so no country is guessed for it."""
    start = match.end if match.pattern.particle else match.head + 1
    for k in range(start, min(len(words), start + 4)):
        word = words[k]
        if word.lower == "to":
            return k > start
        if not word.text.isalpha() or word.text[:1].isupper():
            return False
    return False


def _by_means(words: list[Word], k: int) -> bool:
    """A "by <-ing>" phrase at `k` naming how an act was done ("retaliated by banning")."""
    return k + 1 < len(words) and words[k].lower == "by" and words[k + 1].lower.endswith("ing")


def _owns_event_noun(words: list[Word], owner: Actor) -> bool:
    """An actor's possessive before an event noun ("Russia's expulsion", "Japan's decision")."""
    k = owner.last + 2
    return k < len(words) and words[k].lemma in cameo.event_nouns()


def _causative_object(words: list[Word], actor: Actor) -> bool:
    """An actor right after a causative verb ("prompting Beijing to", "forced Kenya to"): the
    subject of the act that follows."""
    k = actor.first - 1
    return k >= 0 and words[k].lemma in CAUSATIVES


def _object_of_a_preposition(words: list[Word], actor: Actor) -> bool:
    """An actor after a preposition and at most one adjective ("to eastern Congo")."""
    k = actor.first - 1
    if k >= 1 and words[k].text.isalpha() and words[k].text.islower() and words[k].lower != "to":
        k -= 1  # "eastern"
    return k >= 0 and words[k].lower in ("to", "into", "in", "from")


def _by_follows(words: list[Word], head: int) -> bool:
    """A by-agent within a few words after `head` ("was hit with sanctions by the US")."""
    return any(w.lower == "by" for w in words[head + 1 : head + 6])


def _named_place(words: list[Word], actor: Actor) -> bool:
    """A name followed by a place noun is a place ("the Catatumbo region", "Kursk province")."""
    following = actor.last + 1
    return following < len(words) and words[following].lemma in PLACE_NOUNS


def _subject_noun_owner(
    words: list[Word], at_word: dict[int, Actor], head: int, history: Sequence[Event]
) -> list[Actor]:
    """Whose the noun phrase opening the sentence before `head` is: its possessor ("Hungary's
    veto"), else the source of the latest factual act of the kind an event noun names; "X cut
    output, a move that drew criticism from Y": the act the sentence reported just before."""
    if head >= 2 and words[head - 1].lower in ("that", "which"):
        if words[head - 2].lemma in cameo.event_nouns():
            acts = [e for e in history if not e.is_hypothetical]
            here = [e for e in acts if e.sentence_start == words[0].start]
            return [_actor1(here[-1])] if here else []
        return []
    for k in range(0, head):
        if words[k].text in (",", ";", ":"):
            return []
        if words[k].lower in ("'s", "’s") and k - 1 in at_word:
            return [at_word[k - 1]]
        roots = cameo.event_nouns().get(words[k].lemma)
        if roots:
            acts = [e for e in history if e.event_code[:2] in roots and not e.is_hypothetical]
            return [_actor1(acts[-1])] if acts else []
    return []


def _announced(words: list[Word], match: Match) -> str:
    """The 03 code of a cooperative act announced as ready to be done ("was ready to expand
    trade and resume flights", "is willing to meet"); "" for any other act."""
    intent = cameo.intent_codes().get(match.pattern.code[:2], "")
    if not intent or match.pattern.pos != "verb":
        return ""
    for k in range(match.head - 1, max(0, match.head - 8), -1):
        if words[k].text in (",", ";", ":"):
            return ""
        if words[k].lower == "to":
            return intent if "intent" in cameo.kinds_of(words[k - 1].lower) else ""
    return ""


def _in_condition(words: list[Word], head: int) -> bool:
    """A verb inside an "if" / "unless" clause ("If Oslo backs down now, ..."): a condition
    named, not an act reported."""
    first, _ = _clause_bounds(words, head)
    return any(w.lower in CONDITIONS for w in words[first:head])


STALL_WINDOW = 20  # words after a nominal event in which its predicate may say it stalled


EASING_CODES = ("081", "085")  # easing sanctions or restrictions: on whom they were imposed


def _sanctioned(history: Sequence[Event], own: set[str]) -> list[Actor]:
    for event in reversed(history):
        imposed = event.event_code.startswith(("16", "17")) and event.actor2_code
        if imposed and (event.actor1_code or "")[:3] in own and not event.is_hypothetical:
            return [_actor2(event)]
    return []


def _it_after(words: list[Word], match: Match) -> bool:
    return match.end < len(words) and words[match.end].lower in ("it", "them")


def _second_participle(words: list[Word], match: Match) -> bool:
    """ "... and convicted": a participle after "and" continuing a passive."""
    before = match.head - 1
    return before > 0 and words[before].lower == "and" and _participle(words[match.head])


def _stalled_noun(words: list[Word], match: Match) -> bool:
    if match.pattern.pos != "noun":
        return False
    after = words[match.end : match.end + STALL_WINDOW]
    for word in after:
        if "clause_break" in cameo.kinds_of(word.lower):
            return False
        if "stalled" in cameo.kinds_of(word.lower):
            return True
    return False


def _ruled_out(words: list[Word], head: int) -> bool | None:
    """Whether the act is ruled out ("ruled out imposing sanctions": True, not done) or only
    not ruled out ("did not rule out expelling diplomats": False, a possibility); None when
    no "rule out" / "exclude" governs it."""
    k = head - 1
    if k >= 1 and words[k].lower == "out" and words[k - 1].lemma == "rule":
        k -= 1
    elif k < 0 or words[k].lemma != "exclude":
        return None
    return not any("negation" in cameo.kinds_of(w.lower) for w in words[max(0, k - 3) : k])


def _condition_actor(
    words: list[Word], actors: list[Actor], match: Match, sources: list[Actor]
) -> list[Actor]:
    """The actor a condition names ("would respond if Iran does not free the crew"): whom a
    response promised on it threatens."""
    own = _countries(sources)
    condition = next(
        (k for k in range(match.head + 1, len(words)) if words[k].lower in CONDITIONS), None
    )
    if condition is None:
        return []
    for actor in actors:
        if actor.first > condition and not actor.weak and actor.code[:3] not in own:
            return [actor] if actor.code[:3].isalpha() else []
    return []


def _conditional_response(words: list[Word], head: int) -> bool:
    """A response promised on a condition: "would 'respond appropriately' if the ship is not
    released", "will retaliate unless ..." (a modal just before, a condition after)."""
    before = [w for w in words[max(0, head - 3) : head] if w.text not in QUOTE_MARKS]
    if not before or "modal" not in cameo.kinds_of(before[-1].lower):
        return False
    _, last = _clause_bounds(words, head)
    return any(w.lower in CONDITIONS for w in words[head + 1 : max(last, head + 8)])


def _same_shape(one: Match, other: Match) -> bool:
    """Two patterns the dictionary ranks alike (as many words, as deep a code), with a
    particle or none alike: the order of the rows should not decide between them."""
    a, b = one.pattern, other.pattern
    return cameo.precedence(a) == cameo.precedence(b) and bool(a.particle) == bool(b.particle)


def _noun_reading(words: list[Word], at_word: dict[int, Actor], index: int) -> bool:
    if index == 0:  # "Talks between Kenya and Somalia resumed": a plural opening the sentence
        return words[0].lower == words[0].lemma + "s"
    before = words[index - 1]
    if before.lower in ("'s", "’s") and index - 2 in at_word:
        return True
    if index - 1 in at_word and at_word[index - 1].weak:
        return True
    if _plural_after_and(words, index) or _plural_after_name(words, at_word, index):
        return True
    if before.text.isdigit() or before.lower in COUNT_WORDS:
        return True  # "reported two arrests", "after several attacks"
    # a name before an uninflected head may modify it ("the Rotterdam attack"); before a
    # past tense it is the subject ("the Philippines began")
    bare = words[index].lower in (words[index].lemma, words[index].lemma + "s") or (
        words[index].lower.endswith("ing")  # "a G20 meeting", "the Russian shelling"
    )
    back = index - 1
    previous = words[back]
    plural = previous.lower != previous.lemma and previous.lower.endswith("s")
    if back in at_word and previous.text.islower() and plural:
        return False  # "The two countries cut ties": a plural subject, not a modifier
    while (
        back > 0
        and index - back <= 4
        and "determiner" not in cameo.kinds_of(words[back].lower)  # "its military support"
        and words[back].lower not in ("'s", "’s")  # "North Korea's military support"
        and (
            _noun_modifier(words, back)
            or (bare and back in at_word and not at_word[back].weak)
            or (bare and words[back].text[:1].isupper() and words[back].text.isalpha())
        )
    ):
        back -= 1  # "the first visit", "a three-day state visit", "the Rotterdam attack"
    before = words[back]
    if before.lower in ("'s", "’s") and back < index - 1:
        return True
    return "determiner" in cameo.kinds_of(before.lower) and before.lower != "that"


COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"}
    | {"many", "dozens", "hundreds", "numerous", "multiple", "repeated", "fresh", "further"}
)


def _plural_after_name(words: list[Word], at_word: dict[int, Actor], index: int) -> bool:
    """ "struck Hezbollah targets in Lebanon": a plural right after a name, before a
    preposition, is a noun the name modifies."""
    word = words[index]
    following = words[index + 1].lower if index + 1 < len(words) else ""
    return (
        index - 1 in at_word
        and word.lower == word.lemma + "s"
        and (
            following in PREPOSITIONS
            or following in ("after", "near", "across", "along")
            or following in (".", ",", ";", ":", "!", "?", "")  # "Thank you, EU partners."
        )
    )


def _plural_after_and(words: list[Word], index: int) -> bool:
    """ "..., and talks with the United States have stalled": a plural noun after "and" before a
    preposition, not a verb in the present tense."""
    word = words[index]
    following = words[index + 1].lower if index + 1 < len(words) else ""
    return (
        words[index - 1].lower == "and"
        and word.lower == word.lemma + "s"
        and following in PREPOSITIONS
    )


def _noun_modifier(words: list[Word], k: int) -> bool:
    """A word of a short modifier before a nominal event: "first", "state", "three-day"."""
    word = words[k]
    hyphen = word.lower == "-" or any(
        0 <= j < len(words) and words[j].lower == "-" for j in (k - 1, k + 1)
    )
    return word.lower in NOUN_MODIFIERS or word.lower == "-" or (hyphen and word.text.islower())


def _match(
    words: list[Word],
    actors: list[Actor],
    at_word: dict[int, Actor],
    head: int,
    pattern: cameo.VerbPattern,
) -> Match | None:
    # a time phrase right after the verb ("warned on Tuesday that ...") does not use up the window
    skipped = head + 1
    while skipped < len(words) and _time_word(words, skipped):
        skipped += 1
    limit = min(len(words), skipped + OBJECT_WINDOW)
    at = head + 1
    if pattern.particle:
        while at < limit and words[at].lower.endswith("ly"):
            at += 1
        if at >= limit or not ({words[at].lower, words[at].lemma} & pattern.particle):
            return None
        at += 1
    slot_actor = None
    matched = {at - 1} if pattern.particle else set()
    if (
        pattern.slots == (frozenset({cameo.ACTOR_SLOT}),)
        and not pattern.particle
        and head > 0
        and words[head - 1].lemma in PASSIVE_AUX
        and _participle(words[head])
    ):
        return Match(head, head + 1, pattern, None)  # "Kenya was backed by X": X backed Kenya
    if _passive_object(words, head, pattern):
        return Match(head, head + 1, pattern, None)  # "sanctions were imposed by X"
    fronted = _fronted_object(words, at_word, head, pattern)
    if fronted is not None:
        # "a tariff that Washington imposed on X": the object is the relative clause's antecedent
        return Match(head, at, pattern, None, frozenset(matched | {fronted}))
    for slot in pattern.slots:
        found = None
        for k in range(at, limit):
            mark = words[k].text
            if mark in (".", ";") or (
                mark == "," and (_new_clause(words, k) or _participial_clause(words, k))
            ):
                break  # "did not fire missiles ..., but Ukraine fired": objects stay in a clause
            if k in at_word and _next_clause_subject(words, at_word[k]):
                break  # "sent warships ... and Turkey deployed jets": nor past a new subject
            if k in at_word and _named_place(words, at_word[k]):
                break  # "sent troops to the Catatumbo region": where, not whom
            hyphened = (  # "an Egyptian-brokered truce" (not "test-fired")
                k > 1 and words[k - 1].text == "-" and words[k - 2].text[:1].isupper()
            )
            if mark.endswith("ed") and _finite_head(words[k]) and not hyphened:
                break  # "did not fire missiles ... and instead fired drones": nor past a verb
            if words[k].lower in ADJUNCT_OPENERS and k > at:
                break  # "agreed to reopen embassies after a meeting": not agreeing to meet
            if cameo.ACTOR_SLOT in slot:
                # "was endorsed by (the) X": the passive's agent, not the object
                if words[k].lower == "by":
                    break  # "was endorsed by X": the passive's agent, not the object
                if not pattern.particle and not matched and k - at > SLOT_GAP:
                    break  # "fight the closure of the plant in Freiberg": no actor object
                beside = "alongside" in (words[k - 1].lower, words[k - 2].lower if k > 1 else "")
                owner = words[k].lower in ("its", "their", "his", "her", "our")
                if k in at_word and at_word[k].first == k and not beside and not owner:
                    found, slot_actor = at_word[k].last, k  # not "suspend some of its funding"
                    break
            elif words[k].lemma in slot or words[k].lower in slot:
                found = k
                break
        if found is None:
            return None
        matched.add(found)
        at = found + 1
    return Match(head, at, pattern, slot_actor, frozenset(matched))


def _passive_object(words: list[Word], head: int, pattern: cameo.VerbPattern) -> bool:
    """A one-object pattern in the passive whose object is the subject: "New sanctions were
    imposed by the EU", "two tankers were seized"."""
    if len(pattern.slots) != 1 or cameo.ACTOR_SLOT in pattern.slots[0] or pattern.particle:
        return False
    aux = head - 1
    while aux > 0 and words[aux].lower in ("been", "being"):
        aux -= 1
    following = words[head + 1].lower if head + 1 < len(words) else ""
    if following == "by" and _participle(words[head]) and aux >= 0:
        noun = words[head - 1]  # "a truce brokered by Qatar": a reduced relative clause
        if noun.lemma in pattern.slots[0] or noun.lower in pattern.slots[0]:
            return True
    if aux < 1 or words[aux].lemma not in PASSIVE_AUX or not _participle(words[head]):
        return False
    return any(
        w.lemma in pattern.slots[0] or w.lower in pattern.slots[0]
        for w in words[max(0, aux - 5) : aux]  # "The attack on the embassy was carried out"
    )


def _fronted_object(
    words: list[Word], at_word: dict[int, Actor], head: int, pattern: cameo.VerbPattern
) -> int | None:
    """The object noun of an object relative clause: "the tariff (that) Washington imposed",
    "sanctions which the EU imposed": a one-object pattern whose object stands before the
    clause's subject (an actor right before the head)."""
    if len(pattern.slots) != 1 or cameo.ACTOR_SLOT in pattern.slots[0] or head < 2:
        return None
    subject = at_word.get(head - 1)
    if subject is None:
        return None
    k = subject.first - 1
    while k >= 1 and words[k].lower in ("and", ",") and k - 1 in at_word:
        k = at_word[k - 1].first - 1  # "the agreement that the EU and Indonesia concluded"
    if k >= 0 and words[k].lower == "the":
        k -= 1
    if k >= 0 and words[k].lower in ("that", "which"):
        k -= 1
    if k >= 0 and (words[k].lemma in pattern.slots[0] or words[k].lower in pattern.slots[0]):
        return k
    return None


def _calls_it(words: list[Word], match: Match) -> bool:
    """ "called it 'a tax'": a characterisation of something named before."""
    following = words[match.head + 1].lower if match.head + 1 < len(words) else ""
    return "it" in match.pattern.particle and following in ("it", "them", "this")


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
    return (
        word.lower.endswith("ed")
        and word.lower != word.lemma
        and word.lemma in cameo.verb_patterns()
    )


def _swallow(matches: list[Match]) -> list[Match]:
    """A pattern whose objects span another head takes it in ("threaten to impose sanctions")."""
    kept = []
    for match in matches:
        inside = any(
            other.pattern.slots and other.head < match.head < other.end
            for other in matches
            if other is not match
        )
        if not inside:
            kept.append(match)
    return kept


def _subject(
    words: list[Word],
    actors: list[Actor],
    at_word: dict[int, Actor],
    match: Match,
    last_subject: list[Actor],
) -> Subject:
    """The source before the head, walking back over auxiliaries, adverbs and "to"-verbs."""
    subject = Subject([])
    head_word = words[match.head]
    if match.pattern.pos == "noun":
        owner = _owner(words, at_word, match.head)
        subject.group = [owner] if owner else []
        return subject
    hyphened = match.head >= 2 and words[match.head - 1].text == "-"
    if hyphened and match.head - 2 in at_word:
        # "an Egyptian-brokered truce", "a US-drafted resolution": the named one did it
        subject.group = [replace(at_word[match.head - 2], weak=False)]
        subject.reduced = True  # a modifier: not the subject of the clause's next verb
        return subject
    reduced = _reduced_relative(words, at_word, match.head)
    if reduced is not None:
        # "an Iranian diplomat convicted in Belgium", "a truce brokered by Qatar": a passive
        subject.group = [reduced] if reduced.code else []
        subject.passive = True
        subject.reduced = True
        return subject
    k = match.head - 1
    infinitive = False
    while k >= 0:
        word = words[k]
        kinds = cameo.kinds_of(word.lower)
        if k in at_word:
            actor = at_word[k]
            if actor.first >= 2 and words[actor.first - 1].lower in ("in", "at"):
                # "its embassy in Antananarivo urged", "opposition parties in Kenya rejected",
                # "EU ministers meeting in Brussels may approve": who is there acts
                actor = _stationed(words, at_word, actor.first - 1) or actor
            causer = _causative_object(words, actor)
            if infinitive and causer:
                # "prompting Beijing to launch a probe": Beijing launches it
                subject.group = _conjoined_right(words, actors, actor)
                subject.prompted = True
                return subject
            if (
                infinitive
                and last_subject
                and (_object_of_a_verb(words, actor) or _object_of_a_preposition(words, actor))
            ):
                # "summoned China's ambassador on Monday to protest": the summoner protests;
                # "deployed troops to eastern Congo to fight": the deployer fights
                subject.group = last_subject
                return subject
            if _modified_by_participle(words, actor, match.head):
                return subject  # "sanctions against Russia targeting its gas": the sanctions
            if not actor.weak:
                subject.group = _conjoined_left(words, actors, actor)
            return subject
        response = k - 2 if k >= 2 and words[k - 1].lower == "back" else k - 1
        if (
            word.lower == "by"
            and k == match.head - 1
            and head_word.lower.endswith("ing")
            and response >= 0
            and words[response].lemma in RESPONSE_VERBS
        ):
            # "responded by suspending imports": the responder suspends; "could retaliate by
            # restricting exports": as hypothetical as the response
            subject.group = last_subject or _clause_subject(words, actors, match.head)
            before = words[max(0, response - 3) : response]
            subject.hypothetical = any("modal" in cameo.kinds_of(w.lower) for w in before)
            return subject
        if word.lower in ("which", "who") and k > 1 and words[k - 1].text == ",":
            antecedent = at_word.get(k - 2)  # "..., Russia's ministry, which accused X"
            if antecedent is not None and not antecedent.weak:
                subject.group = _conjoined_left(words, actors, antecedent)
            return subject
        if word.lower == "they" and k and "speech" in cameo.kinds_of(words[k - 1].lower):
            subject.group = _earlier_group(words, actors, k)  # "X and Y said they would"
            return subject
        if word.lower == "they" and k and words[k - 1].lower == "that":
            subject.group = _earlier_group(words, actors, k)
            return subject
        if kinds & CONTROL_KINDS and _noun_use(words, at_word, k):
            return subject  # "The plan was endorsed": a noun, not "plans to"
        if "negation" in kinds or "negative_control" in kinds:
            subject.negated = True
        elif "modal" in kinds or "hypothetical_control" in kinds:
            subject.hypothetical = True
        irregular = head_word.lower == head_word.lemma and _by_follows(words, match.head)
        if (
            word.lemma in PASSIVE_AUX
            and all(_adverb(w) for w in words[k + 1 : match.head])
            and (_participle(head_word) or irregular)
            and not match.pattern.felt
        ):
            subject.passive = True
        skippable = kinds & {
            "aux",
            "adverb",
            "modal",
            "negation",
            "control",
            "hypothetical_control",
            "negative_control",
        }
        if (
            word.lemma in DECISION_NOUNS
            and infinitive
            and k >= 2
            and words[k - 1].lower
            in (
                "'s",
                "’s",
            )
        ):
            owner = at_word.get(k - 2)  # "Russia's decision to suspend": Russia suspends
            subject.group = [owner] if owner is not None and not owner.weak else []
            return subject
        infinitive = infinitive or word.lower == "to"
        prefix = k + 1 < len(words) and words[k + 1].text == "-" and word.lower in VERB_PREFIXES
        # would “respond ...”, Washington "strongly condemns": the quote opens on the verb
        quote = word.text in QUOTE_MARKS and all(_adverb(w) for w in words[k + 1 : match.head])
        if (
            skippable
            or prefix
            or quote
            or word.lower.endswith("ly")
            or word.lower in ("to", "-", "be")
        ):
            # ... "test-fired", "re-imposed": the verb's own prefix
            k -= 1
            continue
        if _time_word(words, k):
            k -= 1
            continue
        owner = _noun_after_actor(words, at_word, k)
        if owner is not None:
            # "Chinese coast guard ships rammed", "Israeli jets struck": the noun's owner acts
            group = _conjoined_left(words, actors, owner)
            subject.group = [replace(a, weak=False) for a in group]
            return subject
        if word.text == ",":
            opening = _relative_clause_start(words, k)
            if opening is not None:
                k = opening - 1
                continue
            appositive = _apposition_subject(words, actors, at_word, k)
            if appositive is not None:
                group = _conjoined_left(words, actors, appositive)
                subject.group = group[:-1] + [appositive]
                return subject
        if word.text == "," and subject.passive:
            return subject  # "X, 54, a sociologist, was arrested by ...": the agent acts
        if word.text in (",", "and") or word.lower == "but":
            subject.group = last_subject
            if not subject.group and (
                word.text == "and" or word.lower == "but" or head_word.lower.endswith("ing")
            ):
                subject.group = _clause_subject(words, actors, match.head)
            subject.passive = False
            return subject
        if k <= 1 and head_word.lower.endswith("ing"):
            subject.group = _subject_after_opening(words, actors, at_word, match.head)
        elif k == match.head - 1 and _gerund_head(words, match.head) and _plain_noun(word):
            subject.group = last_subject  # "issued a joint statement condemning X": they condemn
        return subject
    if head_word.lower.endswith("ing"):
        subject.group = _subject_after_opening(words, actors, at_word, match.head)
    return subject


def _modified_by_participle(words: list[Word], actor: Actor, head: int) -> bool:
    """An -ing word right after the object of a preposition describes the noun before it."""
    after_preposition = actor.first > 0 and words[actor.first - 1].lower in PREPOSITIONS
    return words[head].lower.endswith("ing") and actor.last == head - 1 and after_preposition


STATIONED_REACH = 2  # words between an actor and "in <place>" ("ministers meeting in")


def _stationed(words: list[Word], at_word: dict[int, Actor], preposition: int) -> Actor | None:
    for k in range(preposition - 1, max(-1, preposition - 2 - STATIONED_REACH), -1):
        if k in at_word:
            return at_word[k]
        if not words[k].text.isalpha():
            return None
    return None


def _subject_after_opening(
    words: list[Word], actors: list[Actor], at_word: dict[int, Actor], head: int
) -> list[Actor]:
    """ "After meeting Biden, Xi said ...", "Speaking in Kyiv, Zelensky thanked ...": a
    participle opening the sentence has the main clause's subject, right after its comma."""
    comma = next((k for k in range(head + 1, len(words)) if words[k].text == ","), None)
    if comma is None:
        return []
    k = comma + 1
    if k < len(words) and words[k].lower in ("the", "a", "an"):
        k += 1
    actor = at_word.get(k)
    return _conjoined_right(words, actors, actor) if actor and not actor.weak else []


APPOSITION_WORDS = 10  # words an apposition between subject and verb may have


VERB_PREFIXES = frozenset({"test", "re", "pre"})  # "test-fired", "re-imposed"
REDUCED_PREPOSITIONS = frozenset({"by", "in", "at", "for", "of", "on", "over", "during", "last"})
NOTHING = Actor("", "", "", -1, -1, "NONE")


def _reduced_relative(words: list[Word], at_word: dict[int, Actor], head: int) -> Actor | None:
    """The noun phrase a participle modifies, when the participle opens a reduced relative
    clause inside an object ("... for an Iranian diplomat convicted in Belgium of ..."): the
    phrase's actor, or NOTHING when it names none."""
    word = words[head]
    following = words[head + 1].lower if head + 1 < len(words) else ""
    if head < 3 or not _participle(word) or following not in REDUCED_PREPOSITIONS:
        return None
    before = words[head - 1]
    placed = at_word.get(head - 1)
    in_place = placed is not None and words[placed.first - 1].lower in PLACE_PREPOSITIONS
    if following == "by" and placed is not None and placed.first >= 1 and in_place:
        return NOTHING  # "talks in Muscat mediated by Oman": the talks, not Muscat
    if not _plain_noun(before) and not (head - 1 in at_word and before.text.islower()):
        return None  # "the sanctions that Moscow imposed on": a name before it is its subject
    article = next(
        (k for k in range(head - 2, max(-1, head - 5), -1) if words[k].lower in ("a", "an", "the")),
        None,
    )
    if article is None or article == 0:
        return None
    opener = words[article - 1]
    if opener.text in (",", "—", "–", ":", ";") or opener.lower in ("and", "but"):
        return None  # "..., the troops attacked at dawn": a clause of its own
    return at_word.get(head - 1, NOTHING)


def _object_of_a_verb(words: list[Word], actor: Actor) -> bool:
    """An actor phrase right after a dictionary verb (past the article): its object."""
    k = actor.first - 1
    if k >= 0 and "determiner" in cameo.kinds_of(words[k].lower):
        k -= 1
    return k >= 0 and (words[k].lemma in cameo.verb_patterns() and words[k].lower != words[k].lemma)


def _apposition_subject(
    words: list[Word], actors: list[Actor], at_word: dict[int, Actor], comma: int
) -> Actor | None:
    """The subject before an apposition that ends at `comma`: "Kenya, a close ally, condemned",
    "Madagascar's opposition leader, Lalao Ravelomanana, rejected" (the role phrase's code
    beats the person's), "Jane Doe, Britain's foreign secretary, said"."""
    commas = [
        j
        for j in range(comma - 1, max(0, comma - 2 * APPOSITION_WORDS) - 1, -1)
        if words[j].text == ","
    ]
    # "Leila Farahani, 54, a sociologist at Sciences Po, was": the name before stacked asides
    opening = next((j for j in commas if j - 1 in at_word), None)
    if opening is None:
        return _named_in_commas(words, actors, commas[0], comma) if commas else None
    inside = words[opening + 1 : comma]
    if not inside or any(_finite_head(w) or "speech" in cameo.kinds_of(w.lower) for w in inside):
        return None
    head = at_word[opening - 1]
    described = [
        a
        for a in actors
        if opening < a.first
        and a.last < comma
        and not a.weak
        and words[a.first - 1].lower not in PREPOSITIONS  # "a treaty ally of Manila": not it
    ]
    if head.weak or not _clause_initial(words, head.first):
        return _named_in_commas(words, actors, opening, comma)
    if not described:
        return head
    other = described[-1]
    ranked = sorted(
        (head, other), key=lambda a: (a.entity_type != "PERSON" and len(a.code) > 3, len(a.code))
    )
    best = ranked[-1]
    if (best.entity_type != "PERSON" and len(best.code) > 3) or len(best.code) > len(head.code):
        return replace(head, code=best.code, unplaced="") if best is other else head
    return head


def _named_in_commas(
    words: list[Word], actors: list[Actor], opening: int, comma: int
) -> Actor | None:
    """ "The EU's envoy for the Belgrade-Pristina dialogue, Katarina Vogel, called": the name
    set off by commas after a long role phrase is the subject; the role phrase opens the
    sentence ("The agreement, announced after talks between X and his counterpart, Y, allows"
    is the agreement's)."""
    if any(w.text == "," for w in words[:opening]):
        return None
    named = [a for a in actors if (a.first, a.last) == (opening + 1, comma - 1)]
    return named[0] if named and named[0].entity_type == "PERSON" else None


def _noun_after_actor(words: list[Word], at_word: dict[int, Actor], k: int) -> Actor | None:
    """The actor whose plain noun (or two) ends at `k`, right before the verb: "Ukrainian
    drones", "the Chinese coast guard ships"."""
    for back in (1, 2):
        start = k - back + 1
        nouns = words[start : k + 1]
        before = start - 1
        if before >= 2 and words[before].lower in LED_BY and words[before - 1].text == "-":
            before -= 2  # "the Saudi-led coalition": the leader acts
        owner = at_word.get(before)
        last = words[k]
        compound = (  # "a US drone strike killed"
            last.lower == last.lemma
            and start < k
            and last.text.isalpha()
            and last.text.islower()
            and not cameo.kinds_of(last.lower)
        )
        plain = all(_plain_noun(w) for w in nouns[:-1]) and (_plain_noun(last) or compound)
        if owner is None or not plain:
            continue
        if words[owner.last].lower in ("'s", "’s") or (
            owner.last + 1 < len(words) and words[owner.last + 1].lower in ("'s", "’s")
        ):
            return None  # "Ukraine's allies pledged": not Ukraine
        if words[owner.first].lower in ("his", "her", "its", "their"):
            return None  # "his supporters gathered": not he
        before = words[owner.first - 1].lower if owner.first else ""
        reported = "speech" in cameo.kinds_of(before) or before == "that"
        if reported or before in ("", "the", "a", "an", ",", "and", "—", "–", ":", ";"):
            return owner  # in subject position, not "in Geneva co-hosted by"
        return None
    return None


LED_BY = frozenset({"led"})  # "Iranian-backed militias" are not Iran


def _plain_noun(word: Word) -> bool:
    plural = word.lower == word.lemma + "s"  # "ships", "strikes": nouns here, not verbs
    return (
        word.text.isalpha()
        and word.text.islower()
        and (plural or word.lemma not in cameo.verb_patterns())
        and not cameo.kinds_of(word.lower)
        and not word.lower.endswith("ly")
    )


def _clause_initial(words: list[Word], first: int) -> bool:
    """Whether an actor phrase opens its sentence or clause (after a dateline dash)."""
    k = first - 1
    if k >= 0 and words[k].lower in ("the", "a", "an"):
        k -= 1
    return k < 0 or words[k].text in ("—", "–", "-", ":", ";", "“", '"', "«")


def _noun_use(words: list[Word], at_word: dict[int, Actor], k: int) -> bool:
    """A control word used as a noun: after a determiner or an actor ("the plan", "the Kenyan
    plan") or right before "was" ("plan was endorsed")."""
    before = words[k - 1].lower if k else ""
    following = words[k + 1].lemma if k + 1 < len(words) else ""
    return (
        "determiner" in cameo.kinds_of(before)
        or (k - 1 in at_word and following != "to")
        or following == "be"
    )


def _earlier_group(words: list[Word], actors: list[Actor], before: int) -> list[Actor]:
    """ "Indonesia and Malaysia said that they would ...": "they" is the conjoined actors."""
    for actor in actors:
        if actor.first >= before:
            break
        group = _conjoined_right(words, actors, actor)
        if len(group) > 1:
            return group
    return []


def _relative_clause_start(words: list[Word], comma: int) -> int | None:
    """The comma opening ", which/who ...," that ends at `comma`, if there is one."""
    for k in range(comma - 1, max(-1, comma - 16), -1):
        if words[k].text == "," and k + 1 < comma and words[k + 1].lower in ("which", "who"):
            return k
        if words[k].text == "," and k + 1 < comma and _participle(words[k + 1]):
            return k  # "Somali forces, backed by US air support, attacked"
        if words[k].text == ",":
            return None
    return None


def _time_word(words: list[Word], k: int) -> bool:
    """A word of a time phrase between subject and verb ("Lithuania on Tuesday ordered")."""
    word = words[k]
    kinds = cameo.kinds_of(word.lower)
    if "time" in kinds or word.text.isdigit() or word.lower in _MONTHS:
        return True
    following = words[k + 1] if k + 1 < len(words) else None
    return "time_preposition" in kinds and following is not None and _time_word(words, k + 1)


def _participle(word: Word) -> bool:
    return word.lower != word.lemma and not word.lower.endswith(("ing", "s"))


def _owner(words: list[Word], at_word: dict[int, Actor], head: int) -> Actor | None:
    k = head - 1
    if k >= 0 and words[k].lower in ("'s", "’s"):
        k -= 1
    return at_word.get(k)


def _clause_subject(words: list[Word], actors: list[Actor], head: int) -> list[Actor]:
    """The first actor of the sentence in subject position before `head`."""
    for actor in actors:
        if actor.first >= head:
            break
        before = words[actor.first - 1].lower if actor.first else ""
        if actor.weak or before in PREPOSITIONS:
            continue
        return _conjoined_left(words, actors, actor)
    return []


PREPOSITIONS = frozenset(
    {"to", "with", "by", "for", "of", "at", "from", "against", "about", "on", "in", "into"}
    | {"over", "than", "between", "among"}
)


def _same_span(actors: list[Actor], actor: Actor) -> list[Actor]:
    """An actor and any other standing for the same words ("both sides": two countries)."""
    return [a for a in actors if (a.first, a.last) == (actor.first, actor.last)]


def _conjoined_left(words: list[Word], actors: list[Actor], last: Actor) -> list[Actor]:
    group = _same_span(actors, last)
    index = actors.index(group[0])
    while index > 0:
        previous = actors[index - 1]
        between = [w.lower for w in words[previous.last + 1 : group[0].first]]
        after_preposition = previous.first > 0 and words[previous.first - 1].lower in PREPOSITIONS
        if after_preposition and between == [","]:
            break  # "During his visit to Kenya, Putin praised": Kenya is no co-subject
        if (_conjunction(between) or _apposition(between)) and not previous.weak:
            group.insert(0, previous)
            index -= 1
        elif between in (["and"], [","]) and previous.weak and len(group[0].code) > 3:
            # "Thai and Cambodian troops": the adjectives share the agent noun
            agent = group[0].code[3:]
            group.insert(0, replace(previous, code=previous.code[:3] + agent, weak=False))
            index -= 1
        else:
            break
    return group


CONJOINED_MODIFIERS = 2  # "Sudan's army and the paramilitary RSF": words describing the second


def _conjunction(between: list[str]) -> bool:
    """ "and", ", ", "and the", or "and the paramilitary": what may join two conjoined actors."""
    if tuple(between) in CONJUNCTIONS:
        return True
    if len(between) < 3 or tuple(between[:2]) not in CONJUNCTIONS:
        return False
    modifiers = between[2:]
    return len(modifiers) <= CONJOINED_MODIFIERS and all(
        w.isalpha() and w not in cameo.verb_patterns() and not cameo.kinds_of(w) for w in modifiers
    )


def _apposition(between: list[str]) -> bool:
    """ ", the former colonial power, and" between two conjoined actors."""
    if len(between) < 5 or between[0] != "," or between[-2:] not in ([",", "and"], [",", "or"]):
        return False
    middle = between[1:-2]
    return (
        len(middle) <= 6
        and middle[0] in ("the", "a", "an", "its", "their")
        and all(w.isalpha() and w not in cameo.verb_patterns() for w in middle[1:])
    )


def _conjoined_right(words: list[Word], actors: list[Actor], first: Actor) -> list[Actor]:
    group = _same_span(actors, first)
    index = actors.index(group[-1])
    while index + 1 < len(actors):
        following = actors[index + 1]
        between = [w.lower for w in words[group[-1].last + 1 : following.first]]
        listed = between in ([",", "and"], [",", "or"]) and len(group) > 1
        if between == [","] and _attributed(words, following):
            break  # "killed three fighters in Iraq, local officials said": the speakers
        if _conjunction(between) or listed:  # "X's minister, A, and her counterpart, B"
            group.append(following)
            index += 1
        else:
            break
    return group


def _roles(
    words: list[Word],
    actors: list[Actor],
    at_word: dict[int, Actor],
    match: Match,
    subject: Subject,
) -> tuple[list[Actor], list[Actor]]:
    pattern = match.pattern
    if match.slot_actor is not None:
        targets = _conjoined_right(words, actors, at_word[match.slot_actor])
    else:
        targets = _target(words, actors, at_word, match, subject)
    sources = subject.group
    if pattern.pos == "noun" and not sources:
        sources = _by_agent(words, actors, at_word, match)  # "the visit to Seoul by X"
    if pattern.pos == "noun" and not sources and words[match.head + 1].lower == "between":
        # "talks between Kenya and Somalia": the two sides, with each other
        sides = (
            _conjoined_right(words, actors, at_word[match.head + 2])
            if (match.head + 2 in at_word)
            else []
        )
        return (sides, []) if len(sides) > 1 else ([], [])
    if subject.passive:
        agent = _by_agent(words, actors, at_word, match)
        sources, targets = (agent, sources) if agent else ([], sources)
        if agent and not targets:
            targets = _subject_owner(words, at_word, match.head)
    if pattern.reverse:
        sources, targets = targets, sources
    return sources, targets


def _subject_owner(words: list[Word], at_word: dict[int, Actor], head: int) -> list[Actor]:
    """The actor owning a passive subject: "Kenya's proposal was endorsed by ..." -> Kenya."""
    aux = head - 1
    for k in range(aux - 1, max(-1, aux - 5), -1):
        if k in at_word:
            return [at_word[k]]
        if not words[k].text.isalpha() and words[k].lower not in ("'s", "’s"):
            return []
    return []


def _target(
    words: list[Word],
    actors: list[Actor],
    at_word: dict[int, Actor],
    match: Match,
    subject: Subject,
) -> list[Actor]:
    own = {_identity(a) for a in subject.group}
    if _calls_it(words, match):
        return []  # "calling it a breach of UN resolutions": what "it" was, not the UN
    k = match.head + 1
    # a nominal event's target sits in its own phrase ("the seizure of the tanker by Iran"),
    # not in the verb that follows it ("... drew condemnation from Britain")
    reach = match.end + 4 if match.pattern.pos == "noun" else len(words)
    while k < min(len(words), reach):
        word = words[k]
        kinds = cameo.kinds_of(word.lower)
        if k in at_word:
            actor = at_word[k]
            if _attributed(words, actor):
                break  # ", the Turkish Foreign Ministry said": the speaker, not the target
            after_by = (
                k > 0
                and words[k - 1].lower == "by"
                and k - 1 not in match.matched  # "concerned by Rwanda's role": the particle
                and not _owner_by(words, k, match)
            )
            object_word = (
                actor.entity_type == "AGENT"
                and any(i in match.matched for i in range(actor.first, actor.last + 1))
                # "cut military ties with France": a modifier of the object word
                or (actor.entity_type == "AGENT" and actor.last + 1 in match.matched)
            )  # "respond with full force": the threat's object, not its target
            inside = (  # "agreed to an Egyptian-brokered truce": the broker, not the target
                actor.weak
                and actor.last + 2 < len(words)
                and words[actor.last + 1].text == "-"
                and words[actor.last + 2].lemma in cameo.verb_patterns()
            )
            object_word = object_word or inside
            # "agreed to send delegations": the object of an infinitive, not the target
            object_word = object_word or (
                actor.entity_type == "AGENT" and k >= 2 and words[k - 2].lower == "to"
            )
            # "struck targets in Lebanon": where an attack falls is whom it hits
            preposition = k - 1
            while preposition > 0 and words[preposition].lower in ("the", "a", "an"):
                preposition -= 1  # "talks in the Ethiopian capital"
            situation = (  # "condemned the coup in Niger": aimed at Niger
                match.pattern.code[:2] in REACTION_ROOTS
                and preposition > 0
                and "situation" in cameo.kinds_of(words[preposition - 1].lower)
            )
            place = (
                words[preposition].lower in WHERE_NOT_WHOM
                and not situation
                and preposition not in match.matched
                and match.pattern.code[:2] not in FORCE_ROOTS
            )
            if _next_clause_subject(words, actor):
                break  # "sent warships to the Red Sea and Germany deployed ...": a new subject
            following = words[actor.last + 1].lemma if actor.last + 1 < len(words) else ""
            of_place = k >= 2 and words[k - 1].lower == "of" and words[k - 2].lemma in PLACE_NOUNS
            if following in GATHERINGS or of_place:
                # "the G20 summit", "the streets of Nairobi and Mombasa": settings
                k = _conjoined_right(words, actors, actor)[-1].last + 1
                continue
            if _identity(actor) not in own and not (after_by or object_word or place):
                return _conjoined_right(words, actors, actor)
            k = actor.last + 1
            continue
        announced = match.pattern.code[:2] == "03" and k <= match.end + ANNOUNCED_REACH
        if word.text in QUOTE_MARKS and k == match.end:
            k += 1  # Washington "condemns" Russia's attacks: the quote closes on the verb
            continue
        if "clause_break" in kinds and not (
            word.lower == "that" and (match.pattern.code[:2] in ADDRESSEE_ROOTS or announced)
        ):
            break  # "pledged that it would deliver ... to X" (close by) goes on
        if "modal" in kinds and k > match.end:
            break  # "ministers meeting in Brussels may approve ...": the next predicate
        if word.text == "," and (_new_clause(words, k) or _participial_clause(words, k)):
            break  # "pledged aid, and Japan said ...": a later clause has its own roles
        if (_finite_head(word) or _gerund_head(words, k)) and k not in match.matched:
            if _made_by(words, k, match):
                k += 2  # "rejected the conditions demanded by Washington": their maker
                continue
            break  # "a truce brokered by Qatar", "a statement condemning X": another event
        k += 1
    if match.pattern.code[:2] in SPEECH_ROOTS and subject.group:
        # "X shared a message addressed to Y, criticizing ...": Y between subject and verb
        asides = [
            (k, next((j for j in range(k + 2, match.head) if words[j].text == ","), match.head))
            for k in range(subject.group[-1].last + 1, match.head)
            if words[k].text == ","
            and k + 1 < len(words)
            and words[k + 1].lower in ("which", "who")
        ]  # "Malaysia, which chairs ASEAN this year, offered": not ASEAN
        between = [
            a
            for a in actors
            if subject.group[-1].last < a.first < match.head
            and _identity(a) not in own
            and not any(open_ < a.first < close for open_, close in asides)
            # "addressed to Y, criticizing", "seized a Vietnamese trawler, accusing": not
            # an apposition of the subject ("The opposition leader, Jane Doe, rejected")
            and (words[a.first - 1].lower == "to" or words[match.head].lower.endswith("ing"))
        ]
        if between and words[match.head - 1].text == ",":
            return [between[-1]]
    return []


def _owner_by(words: list[Word], k: int, match: Match) -> bool:
    """A reaction to a noun and its maker: "dismissed the claims by Beijing" (Beijing is the
    target), unlike a passive "was condemned by" whose by-agent is the source."""
    if match.pattern.code[:2] not in REACTION_ROOTS or k < 3:
        return False
    if k >= 4 and _participle(words[k - 2]) and _made_by(words, k - 2, match):
        return True
    return (
        words[k - 3].lower in ("the", "this", "these", "such", "its")
        and words[k - 2].text.isalpha()
    )


ORIGIN_PARTICIPLES = frozenset({"import", "make", "produce", "manufacture", "build", "ship"})


def _made_by(words: list[Word], k: int, match: Match) -> bool:
    """A reaction to a thing and the participle naming its maker: "rejected the conditions
    demanded by Washington" (Washington is the target)."""
    if (
        match.pattern.code[:2] in HOSTILE_ROOTS | {"09"}
        and words[k].lemma in ORIGIN_PARTICIPLES
        and k + 1 < len(words)
        and words[k + 1].lower in ("from", "in", "by")
    ):
        return True  # "tariffs on wind turbines imported from China": aimed at China
    return (
        match.pattern.code[:2] in REACTION_ROOTS
        and k + 1 < len(words)
        and words[k + 1].lower == "by"
        and _plain_noun(words[k - 1])
        and any(w.lower in ("the", "this", "these", "its") for w in words[max(0, k - 4) : k])
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


def _attributed(words: list[Word], actor: Actor) -> bool:
    """An actor right before a reporting verb ("..., the ministry said") is its subject, also
    when joined with others and an agent noun ("African Union and IGAD mediators said")."""
    for word in words[actor.last + 1 : actor.last + 1 + ATTRIBUTION_REACH]:
        if "speech" in cameo.kinds_of(word.lower):
            return True
        joining = word.lower == "and" or word.text[:1].isupper()
        plural = word.text.isalpha() and word.text.islower() and word.lower != word.lemma
        plural = plural and word.lower.endswith("s")
        if not (joining or plural or word.lemma in cameo.agent_first_words()):
            return False
    return False


ANNOUNCED_REACH = 3  # words between a promise and the "that" of what it promises
ATTRIBUTION_REACH = 6  # words between an actor and the reporting verb it is the subject of


def _participial_clause(words: list[Word], k: int) -> bool:
    """ "condemned the launch, calling it a violation of UN resolutions": a comma before an
    -ing word opens an aside with roles of its own."""
    following = words[k + 1].lower if k + 1 < len(words) else ""
    return words[k].text == "," and following.endswith("ing") and len(following) > 5


def _new_clause(words: list[Word], k: int) -> bool:
    """A comma followed by a coordinator opens a clause of its own (", and", ", but")."""
    following = words[k + 1].lower if k + 1 < len(words) else ""
    return words[k].text == "," and following in ("and", "but", "while", "yet")


def _identity(actor: Actor) -> str:
    """The entity an actor stands for; bare agent phrases ("riot police") by their code."""
    return actor.entity_id or actor.code


def _by_agent(
    words: list[Word], actors: list[Actor], at_word: dict[int, Actor], match: Match
) -> list[Actor]:
    for k in range(match.head + 1, min(len(words), match.end + OBJECT_WINDOW)):
        if words[k].lower == "by" and k + 1 < len(words):
            nxt = k + 2 if words[k + 1].lower in ("the", "a", "an") else k + 1
            if nxt in at_word:
                agent = at_word[nxt]
                after = words[agent.last + 1].text if agent.last + 1 < len(words) else ""
                if agent.weak and after.isalpha() and after.islower():
                    return [replace(agent, weak=False)]  # "killed by Russian shelling"
                return _conjoined_right(words, actors, agent)
            return []
    return []


def _slot_target(match: Match) -> bool:
    return match.slot_actor is not None


def _mutual(words: list[Word], match: Match) -> bool:
    """ "Kenya and Somalia agreed": with each other; "Egypt and Qatar hosted": not."""
    one_way = "one_way" in cameo.kinds_of(words[match.head].lower)
    return match.pattern.code[:2] in MUTUAL_ROOTS and not one_way


def _pairs(
    sources: list[Actor], targets: list[Actor], pattern: cameo.VerbPattern, mutual: bool
) -> list[tuple[Actor, Actor | None]]:
    sources = [s for s in sources if not s.weak]
    if not sources:
        return []
    if len(sources) > 1 and targets and {t.code for t in targets} <= {s.code for s in sources}:
        targets = []  # "India and China agreed to pull back along their border": each other
    if targets:
        return [
            (s, t)
            for s in sources
            for t in targets
            if (s.entity_id != t.entity_id or not s.entity_id)
            and not _same_side(s, t, pattern.code)
        ]
    if len(sources) > 1 and pattern.code.startswith(("033", "07")):
        return [(s, None) for s in sources]  # "Japan and Qatar will pay for ...": co-donors
    if len(sources) > 1 and mutual:
        # "Kenya and Somalia agreed": symmetric, one event each way
        return [(s, t) for s in sources for t in sources if s is not t]
    if len(sources) > 1:  # "Washington and Seoul condemned the launch": each, not each other
        return [] if _needs_target(pattern, sources) else [(s, None) for s in sources]
    source = sources[0]
    home_side = _home_side(source, pattern.code)
    if home_side is not None:
        return [(source, home_side)]
    protest = pattern.code[:2] == "14"
    if protest and pattern.one_sided and source.code[:3].isalpha() and source.code[:3] != "IGO":
        # a protest with no named target is aimed at the protesters' own government (CAMEO)
        government = Actor(source.code[:3] + "GOV", source.code[:3], "", -1, -1, "AGENT")
        return [(source, government)] if government.code != source.code else [(source, None)]
    return [(source, None)]


# with no target named, a domestic challenger's protest, rejection or demand is aimed at its own
# government, and the police's or army's repression at its own people (CAMEO's domestic pairs)
CHALLENGERS = frozenset({"OPP", "REB", "INS", "SEP", "LAB"})
CHALLENGE_ROOTS = frozenset({"10", "11", "12", "13", "14"})
ENFORCERS = frozenset({"COP", "MIL"})
REPRESSION_CODES = ("172", "173", "174", "175", "18")  # not 171: seizing a tanker


def _home_side(source: Actor, code: str) -> Actor | None:
    country, agent = source.code[:3], source.code[3:6]
    if source.code == source.unplaced or not country.isalpha() or country == "IGO":
        return None  # "police" in an article about no one country: whose, is not known
    if agent in CHALLENGERS and code[:2] in CHALLENGE_ROOTS:
        return Actor(country + "GOV", country, "", -1, -1, "AGENT")
    if agent in ENFORCERS and code.startswith(REPRESSION_CODES):
        return Actor(country + "CVL", country, "", -1, -1, "AGENT")
    return None


def _home_actor(home: Entity) -> Actor:
    return Actor(
        home.cameo_code or home.country_code or "", home.name, home.entity_id, -1, -1, "GPE"
    )


def _countries(actors: list[Actor]) -> set[str]:
    return {a.code[:3] for a in actors}


def _antecedent_target(
    words: list[Word],
    at_word: dict[int, Actor],
    match: Match,
    subject: Subject,
    sources: list[Actor],
    history: Sequence[Event],
    text: str = "",
    earlier: Sequence[tuple[Mention, Entity]] = (),
) -> list[Actor]:
    """The actor of the earlier event a noun points back to: "The expulsions were condemned by
    Minsk", "Indonesia rejected the request" -> the source of the latest event of that kind."""
    if match.slot_actor is not None:
        return []
    if match.pattern.code[:2] not in REACTION_ROOTS:
        return []
    fronted = [k for k in match.matched if k < match.head]
    if not fronted and subject.group and not subject.passive:
        k = subject.group[0].first - 1
        if k >= 0 and words[k].lower in ("that", "which"):
            k -= 1
        if k >= 1 and words[k].lemma in cameo.event_nouns() and words[k - 1].lower in ("a", "the"):
            fronted = [k]  # "a verdict France condemned as unacceptable"
    if _calls_it(words, match):
        # "called it 'a tax on innovation'": the latest hostile act by another
        own = _countries(sources)
        acts = [
            e
            for e in history
            if e.actor1_code
            and e.actor1_code[:3] not in own
            and not e.is_hypothetical
            and e.event_code[:2] in HOSTILE_ROOTS
        ]
        return [_actor1(acts[-1])] if acts else []
    end = match.end  # 'it "deeply regretted" the decision': past the closing mark
    if end < len(words) and words[end].text in QUOTE_MARKS:
        end += 1
    if fronted:
        noun_at = fronted[0]  # "a claim Kyiv denied": the relative clause's antecedent
    elif subject.passive:
        noun_at = _before_passive(words, match.head)
    elif end < len(words) and words[end].lower in ("the", "this", "these", "such"):
        noun_at = _noun_after(words, end + 1)
    elif _over_the(words, end):
        noun_at = _noun_after(words, end + 2)  # "expressed concern over the arrests"
    elif match.pattern.slots and words[match.end - 2].lower in ("the", "this", "these", "such"):
        noun_at = match.end - 1  # "rejected the request": the object word is the noun
    else:
        return []
    roots = cameo.event_nouns().get(words[noun_at].lemma) if noun_at >= 0 else None
    if not roots or noun_at in at_word:
        return []
    own = {s.code[:3] for s in sources}
    others = [
        e
        for e in history
        if e.actor1_code and e.actor1_code[:3] not in own and not e.is_hypothetical
    ]  # a reaction answers what happened, not what "could" happen
    kind = [e for e in others if e.event_code[:2] in roots]
    acts = [e for e in history if e.actor1_code and not e.is_hypothetical]
    latest_of_kind = [e for e in acts if e.event_code[:2] in roots][-1:]
    if latest_of_kind and kind and (latest_of_kind[0].actor1_code or "")[:3] in own:
        # one's own side's act: "the central bank cut rates ... the government welcomed the
        # decision" (no one), "the US and Russia swapped prisoners ... a senator welcomed the
        # deal" (Russia)
        with_other = [
            e
            for e in acts
            if e.event_code[:2] in roots and e.actor2_code and e.actor2_code[:3] not in own
        ]
        if with_other and (with_other[-1].actor1_code or "")[:3] in own:
            return [_actor2(with_other[-1])]
        return []
    noun = words[noun_at].lemma
    named = [e for e in kind if noun in (e.event_text or "").lower()]
    if kind:  # every source of that event: "welcomed the deal" -> both signatories
        latest = (named or kind)[-1]  # "welcomed the pact": the act that named a pact
        same = (latest.sentence_start, latest.event_code, latest.event_text)
        sources_of = {
            e.actor1_code: _actor1(e)
            for e in kind
            if (e.sentence_start, e.event_code, e.event_text) == same
        }
        if latest.event_code[:2] == "04" and latest.actor2_code:
            # "welcomed the talks" after "X met Y": both took part
            sources_of.setdefault(latest.actor2_code, _actor2(latest))
        return [a for code, a in sources_of.items() if code[:3] not in own]
    if others and 0 <= words[0].start - others[-1].sentence_end <= ADJACENT:
        # "Moscow accused the West of ... Ukraine rejected the demand.": the demand was not coded
        # as one, but a reaction points at the other side of the sentence just before
        return [_actor1(others[-1])]
    return _noun_maker(text, words[noun_at].lemma, words[0].start, earlier, own)


def _described_act(words: list[Word], head: int) -> bool:
    """ "..., a surprise move that drew": an event noun the relative clause before `head` is on."""
    return (
        head >= 2
        and words[head - 1].lower in ("that", "which")
        and words[head - 2].lemma in cameo.event_nouns()
    )


def _over_the(words: list[Word], k: int) -> bool:
    return (
        k + 1 < len(words)
        and words[k].lower in ("over", "about", "at", "by")
        and words[k + 1].lower in ("the", "this", "these", "such")
    )


def _before_passive(words: list[Word], head: int) -> int:
    """The word before "was condemned" / "were also condemned": the passive's subject noun."""
    k = head - 1
    while k >= 0 and ("aux" in cameo.kinds_of(words[k].lower) or _adverb(words[k])):
        k -= 1
    return k


def _adverb(word: Word) -> bool:
    """ "also", "swiftly": an adverb from the table, or a word in -ly (none is a noun here)."""
    lower = word.lower
    return "adverb" in cameo.kinds_of(lower) or (lower.endswith("ly") and lower.isalpha())


MAKER_REACH = 600  # characters back in which "drills by China" is looked for


def _noun_maker(
    text: str,
    noun: str,
    before: int,
    earlier: Sequence[tuple[Mention, Entity]],
    own: set[str],
) -> list[Actor]:
    """Whose the pointed-at thing was, from where the article named it without an event
    coded: "drills by China ... Japan condemned the drills" -> China."""
    floor = max(0, before - MAKER_REACH)
    hits = list(re.finditer(rf"\b{re.escape(noun)}(?:s|es)?\b", text[floor:before], re.I))
    if not hits:
        return []
    hit_start, hit_end = floor + hits[-1].start(), floor + hits[-1].end()
    for mention, entity in earlier:
        code = entity.cameo_code or entity.country_code or ""
        if not code[:3].isalpha() or code[:3] in own or entity.type not in ("GPE", "ORG"):
            continue
        after = text[hit_end : mention.start_char]
        ahead = text[mention.end_char : hit_start]
        if MAKER_AFTER.fullmatch(after) or (
            mention.kind == "demonym" and MAKER_BEFORE.fullmatch(ahead)
        ):
            return [_home_actor(entity)]
    return []


MAKER_AFTER = re.compile(r"\s+by\s+(?:the\s+)?", re.I)  # "drills by (the) China"
MAKER_BEFORE = re.compile(r"(?:\s+[a-z-]+){0,2}\s+")  # "Chinese military drills"


def _actor1(event: Event) -> Actor:
    return _coded_actor(event.actor1_code, event.actor1_name, event.actor1_entity_id)


def _actor2(event: Event) -> Actor:
    return _coded_actor(event.actor2_code, event.actor2_name, event.actor2_entity_id)


def _coded_actor(code: str | None, name: str | None, entity_id: str | None) -> Actor:
    """An actor of an event already coded, standing for no words of its own."""
    return Actor(code or "", name or "", entity_id or "", -1, -1, "AGENT")


def _noun_after(words: list[Word], at: int) -> int:
    """The head of a short noun phrase starting at `at` (its last plain word, up to three)."""
    last = at
    for k in range(at, min(len(words), at + 3)):
        plain = words[k].text.isalpha() or "-" in words[k].text
        if not plain or words[k].lower in PREPOSITIONS or cameo.kinds_of(words[k].lower):
            break
        last = k
    return last


def _would_be(words: list[Word], match: Match) -> bool:
    window = [w.lower for w in words[max(0, match.head - 4) : match.end]]
    pairs = zip(window, window[1:], strict=False)
    return any(a == "would" and b == "-" for a, b in pairs)  # "would-be"


def _place(
    words: list[Word], actors: list[Actor], match: Match, involved: set[str]
) -> Actor | None:
    candidates = [
        a
        for a in actors
        if a.first > 0
        and words[a.first - 1].lower in PLACE_PREPOSITIONS
        and a.entity_type in ("GPE", "LOC")
        and a.entity_id not in involved
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda a: abs(a.first - match.head))


def _event(
    source: Actor, target: Actor | None, code: str, start: int, end: int, phrase: str
) -> dict:
    return {
        "source": source,
        "target": target,
        "code": code,
        "start": start,
        "end": end,
        "text": phrase,
    }


def _as_event(found: dict) -> Event:
    code = cameo.event_codes()[found["code"]]
    source: Actor = found["source"]
    target: Actor | None = found["target"]
    place: Actor | None = found["place"]
    event = Event(
        actor1_code=source.code,
        actor2_code=target.code if target else None,
        actor1_name=source.name,
        actor2_name=target.name if target else None,
        event_code=code.code,
        sentence_start=found["start"],
        sentence_end=found["end"],
        event_text=found["text"],
        actor1_entity_id=source.entity_id or None,
        actor2_entity_id=target.entity_id if target and target.entity_id else None,
        is_hypothetical=found["hypothetical"],
        event_date=found["date"],
        place_code=place.code[:3] if place else None,
        place_entity_id=place.entity_id if place else None,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
    )
    return event


# --- dates -------------------------------------------------------------------------------------

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
