"""Event coding: CAMEO who-did-what-to-whom, sentence by sentence, PETRARCH-style.

For each sentence: find verb phrases from the dictionary (data/cameo/verbs.csv), take the actor
phrase before the verb as the source (through auxiliaries, adverbs, "to"-verbs, coordination and
the passive "by"), the first actor after it as the target, and code one event per pair. Negated
events are dropped; modal, future and conditional ones are kept with `is_hypothetical`.

This module walks the sentences and pairs sources with targets; the steps live in event_matches
(dictionary matching), event_subjects (sources), event_targets (targets), event_factuality
(asked, alleged, ruled out, hypothetical), event_story (home country, two sides), event_dates,
and event_words (word and actor tests they share).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word, build_actors, resolve_references
from wirehouse.event_dates import _event_date
from wirehouse.event_factuality import (
    ACCUSATION,
    _alleged,
    _announced,
    _clause_hypothetical,
    _in_condition,
    _infinitive_content,
    _refusal_of_another_verb,
    _ruled_out,
    _stalled_noun,
    _would_be,
)
from wirehouse.event_matches import Match, _matches, _swallow
from wirehouse.event_story import (
    _crisis_place,
    _dominant,
    _home_country,
    _last_exchange,
    _latest_pair,
    _main_pair,
    _opposed,
    _previous_source,
)
from wirehouse.event_subjects import (
    RESPONSE_VERBS,
    _clause_subject,
    _gapped_sources,
    _placed_source,
    _subject,
)
from wirehouse.event_targets import (
    ADDRESSED_ROOTS,
    FORCE_ROOTS,
    REACTION_ROOTS,
    _addressed_noun,
    _addressee,
    _antecedent_target,
    _cause_actor,
    _condition_actor,
    _described_act,
    _earlier_sides,
    _holder,
    _owns_event_noun,
    _roles,
    _sanctioned,
    _shared_target,
    _struck,
    _subject_noun_owner,
    _to_target,
)
from wirehouse.event_words import (
    PLACE_PREPOSITIONS,
    _countries,
    _home_actor,
    _is_country,
    _participle,
)
from wirehouse.model import Entity, Event, Mention

# coded only with a target: a warning at nobody is a statement, not a threat; a promise or a
# reproach at nobody names no relation between actors
TARGETED_ROOTS = frozenset({"03", "11", "12", "13"})
# ... except a pledge of aid, an event of its own like the aid itself (GDELT keeps it one-sided)
UNTARGETED_CODES = ("033",)
MEETING_CODES = ("040", "041", "042", "043", "044", "046")  # a meeting names whom it met
INQUIRY_CODES = ("09",)  # an investigation names whom it investigates
STANDALONE_ROOTS = frozenset({"11", "12", "13"})
AID_CODES = ("031", "032", "033", "07")  # promised or given help: to someone
# "He praised / visited the troops": forces honoured or visited with no country are one's own;
# an appeal or a meeting ("urged the authorities") is addressed to the other side
OWN_FORCES = frozenset({"MIL", "COP"})
OWN_SIDE_ROOTS = frozenset({"01", "04", "05"})
PACT_CODES = ("03", "04", "057", "06")  # signed / agreed / met / cooperated with each other
RECIPROCAL_VERBS = frozenset({"exchange", "trade"})
AIMED = frozenset({"on", "against"})  # "tariffs on Mexican steel": aimed at Mexico
OWN_PLACE_CODES = {"072": "154", "074": "154"}  # troops sent to one's own territory: mobilising


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


def _own_side(actor: Actor, other: list[Actor], code: str) -> Actor:
    """Forces with no country ("the troops") praised or visited by a leader ("He praised the
    troops") are the acting side's own: they take its country."""
    if actor.unplaced not in OWN_FORCES or code[:2] not in OWN_SIDE_ROOTS:
        return actor
    countries = {a.code[:3] for a in other if _is_country(a)}
    if len(countries) != 1:
        return actor
    return replace(actor, code=countries.pop() + actor.unplaced, unplaced="")


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
            if targets and _countries(targets) <= _countries(sources):
                # "warned that Pakistan would strike again": its own side acts; the threat is
                # aimed at the story's other side
                targets = _addressee(words, actors, match, sources, home, sides)
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


NOT_INTERLOCUTORS = frozenset({"REF", "CVL"})  # people hosted or visited, not met as a side


def _agent(actor: Actor) -> str:
    return actor.unplaced or actor.code[3:6]


MEDIATION_CODES = ("028", "039", "045")
# what two actors named together do to each other when no one else is named: agree, meet,
# praise, cooperate, make peace, cut ties, fight ("Kenya and Somalia signed", "clashed")
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "08", "16", "19"})


def _each_other(words: list[Word], match: Match) -> bool:
    if words[match.head].lemma in RECIPROCAL_VERBS and match.pattern.slots:
        return True  # "Morocco and Algeria exchanged accusations": at each other
    after = [w.lower for w in words[match.head + 1 : match.head + 5]]
    return any(after[i : i + 2] in (["each", "other"], ["one", "another"]) for i in range(3))


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


def _needs_target(pattern: cameo.VerbPattern, sources: list[Actor]) -> bool:
    """Whether an event with no target is dropped. A condemnation, rejection or warning by a
    known state or body is coded with actor2 empty, as GDELT does ("China condemned the
    drills", "warned it would take all necessary measures"); a promise, a bare warning or a
    reproach by an unplaced agent names no relation at all."""
    code = pattern.code
    if code.startswith(MEETING_CODES + INQUIRY_CODES):
        # "hosted earlier rounds of talks", "police opened an investigation": whom, or no
        # relation between actors
        return True
    if code[:2] not in TARGETED_ROOTS or code.startswith(UNTARGETED_CODES):
        return False
    standalone = code[:2] in STANDALONE_ROOTS and not code.startswith(ACCUSATION)
    if code[:2] == "13" and not pattern.slots:
        standalone = False  # "warned that floods would spread": a threat names what it threatens
    return not standalone or not any(_known_actor(s) for s in sources)


def _known_actor(actor: Actor) -> bool:
    return not actor.weak and not actor.unplaced and actor.code[:3].isalpha()


def _by_means(words: list[Word], k: int) -> bool:
    """A "by <-ing>" phrase at `k` naming how an act was done ("retaliated by banning")."""
    return k + 1 < len(words) and words[k].lower == "by" and words[k + 1].lower.endswith("ing")


EASING_CODES = ("081", "085")  # easing sanctions or restrictions: on whom they were imposed


def _it_after(words: list[Word], match: Match) -> bool:
    return match.end < len(words) and words[match.end].lower in ("it", "them")


def _second_participle(words: list[Word], match: Match) -> bool:
    """ "... and convicted": a participle after "and" continuing a passive."""
    before = match.head - 1
    return before > 0 and words[before].lower == "and" and _participle(words[match.head])


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
