"""The target of a matched event: the actor after the verb, else one the story points at."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word
from wirehouse.event_matches import OBJECT_WINDOW, Match, _adjectival
from wirehouse.event_subjects import Subject, _attributed, _conjoined_right
from wirehouse.event_words import (
    ADJACENT,
    CONDITIONS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    QUOTE_MARKS,
    SPEECH_ROOTS,
    _actor1,
    _actor2,
    _adverb,
    _countries,
    _finite_head,
    _gerund_head,
    _home_actor,
    _is_country,
    _new_clause,
    _next_clause_subject,
    _participial_clause,
    _participle,
    _plain_noun,
)
from wirehouse.model import Entity, Event, Mention

ADDRESSEE_ROOTS = frozenset({"02", "10", "13"})  # "urged/demanded/warned that X ..." targets X
# verbs that react to an earlier event ("condemned the move", "welcomed the agreement")
REACTION_ROOTS = frozenset({"05", "11", "12", "01"})
# an actor after these is where the event happened, not its target ("rallied in Lithuania")
WHERE_NOT_WHOM = frozenset({"in", "inside", "near", "across", "outside", "alongside"})
# an actor before these names a gathering, not a side ("on the sidelines of the G20 summit")
GATHERINGS = frozenset({"summit", "conference", "forum", "meeting", "session", "assembly"})
CLAUSE_OPENERS = frozenset({"and", "but", "while", "which", "who"})
# what a demand for a release points at: whoever seized or holds it
HELD = frozenset({"crew", "vessel", "ship", "boat", "detainee", "sailor", "fisherman", "tanker"})
SEIZURE_CODES = ("17", "18", "1711")


ADDRESSED_ROOTS = frozenset({"02", "10"})


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
    after_source = max(s.last for s in sources)
    for actor in actors:
        placed = words[actor.first - 1].lower in PLACE_PREPOSITIONS if actor.first else False
        foreign = actor.code[:3].isalpha() and actor.code[:3] not in own | {"IGO"}
        entered = actor.first > after_source and words[actor.first - 1].lower == "into"
        # "fired on a village in Lebanon"; "crossed into Colombia and took over a post"
        where = actor.first > match.head or entered
        if where and placed and foreign and actor.entity_type in PLACES:
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


def _to_target(
    words: list[Word], actors: list[Actor], at_word: dict[int, Actor], at: int
) -> list[Actor]:
    for k in range(at, len(words)):
        if words[k].text in (".", ";") or _new_clause(words, k):
            break
        if k in at_word and words[k - 1].lower in ("to", "for"):
            return _conjoined_right(words, actors, at_word[k])
    return []


HOSTILE_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
FORCE_ROOTS = frozenset({"18", "19", "20"})


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


def _owns_event_noun(words: list[Word], owner: Actor) -> bool:
    """An actor's possessive before an event noun ("Russia's expulsion", "Japan's decision")."""
    k = owner.last + 2
    return k < len(words) and words[k].lemma in cameo.event_nouns()


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


def _sanctioned(history: Sequence[Event], own: set[str]) -> list[Actor]:
    for event in reversed(history):
        imposed = event.event_code.startswith(("16", "17")) and event.actor2_code
        if imposed and (event.actor1_code or "")[:3] in own and not event.is_hypothetical:
            return [_actor2(event)]
    return []


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


def _calls_it(words: list[Word], match: Match) -> bool:
    """ "called it 'a tax'": a characterisation of something named before."""
    following = words[match.head + 1].lower if match.head + 1 < len(words) else ""
    return "it" in match.pattern.particle and following in ("it", "them", "this")


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
            by = k - 2 if k > 1 and words[k - 1].lower in ("the", "a", "an") else k - 1
            after_by = (  # "run by the ASEAN centre": an agent, not the target
                by >= 0
                and words[by].lower == "by"
                and by not in match.matched  # "concerned by Rwanda's role": the particle
                and not _owner_by(words, by + 1, match)
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
            # "launched a WTO dispute against the US": a name modifying the object word
            modifier = (  # not a country: "US citizens", "Japanese boats" are whom it hits
                actor.last + 1 in match.matched
                and match.slot_actor is None
                and not actor.weak
                and not _is_country(actor)
            )
            object_word = object_word or inside or modifier
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
            # "sanctions on two state-owned banks in Belarus": aimed at whatever is there
            aimed = match.pattern.code[:2] in ("16", "17") and any(
                w.lower in ("on", "against") for w in words[match.head : preposition]
            )
            place = (
                words[preposition].lower in WHERE_NOT_WHOM
                and not situation
                and not aimed
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
        verb = _finite_head(word) or _gerund_head(words, k)
        if verb and k not in match.matched and not _adjectival(words, k):
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
    if match.pattern.code[:2] not in REACTION_ROOTS | THREAT_ROOTS or k < 3:
        return False
    if k >= 4 and _participle(words[k - 2]) and _made_by(words, k - 2, match):
        return True
    if words[k - 3].lower in ("the", "this", "these", "such", "its", "any"):
        return words[k - 2].text.isalpha()
    # "condemned the arrests of the two activists by Moroccan police": the arrests' makers
    back = range(max(1, k - OWNED_NOUN_REACH), k - 1)
    return any(
        words[j].lemma in cameo.event_nouns() and words[j - 1].lower in ("the", "these", "its")
        for j in back
    )


OWNED_NOUN_REACH = 7  # words between an event noun and the "by" naming its maker
THREAT_ROOTS = frozenset({"13"})  # "would respond to any attempt by Athens": at Athens


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


ANNOUNCED_REACH = 3  # words between a promise and the "that" of what it promises


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
    if noun_at < 0 or noun_at in at_word:
        return []
    own = {s.code[:3] for s in sources}
    if not roots:
        # "Bosnian Serb lawmakers voted to hold a referendum. The vote was condemned by
        # Zagreb": an act the dictionary does not code, told just before by its actor
        return _teller_of(text, words[noun_at], words[0].start, earlier, own)
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
        if not _other_state_or_body(entity, own):
            continue
        after = text[hit_end : mention.start_char]
        ahead = text[mention.end_char : hit_start]
        if MAKER_AFTER.fullmatch(after) or (
            mention.kind == "demonym" and MAKER_BEFORE.fullmatch(ahead)
        ):
            return [_home_actor(entity)]
    return []


TOLD_REACH = 400  # characters back in which "the vote" finds the sentence that told of it


def _teller_of(
    text: str,
    noun: Word,
    before: int,
    earlier: Sequence[tuple[Mention, Entity]],
    own: set[str],
) -> list[Actor]:
    """The actor opening the latest sentence, close before, that tells of the act a plain
    noun names by its verb or noun ("voted" for "the vote", "incursion" for "the incursion")."""
    if not noun.text.isalpha() or not noun.text.islower() or len(noun.lemma) < 4:
        return []
    stem = noun.lemma[:-1] if noun.lemma.endswith("e") else noun.lemma
    floor = max(0, before - TOLD_REACH)
    hits = list(re.finditer(rf"\b{re.escape(stem)}\w*\b", text[floor:before], re.I))
    if not hits:
        return []
    hit = floor + hits[-1].start()
    opening = max(text.rfind(". ", 0, hit), text.rfind("\n", 0, hit)) + 1
    for mention, entity in earlier:
        if not opening <= mention.start_char < hit:
            continue
        if _other_state_or_body(entity, own):
            return [_home_actor(entity)]
    return []


def _other_state_or_body(entity: Entity, own: set[str]) -> bool:
    """A country or organisation with a country code that is not the reacting side's own."""
    code = entity.cameo_code or entity.country_code or ""
    return code[:3].isalpha() and code[:3] not in own and entity.type in ("GPE", "ORG")


MAKER_AFTER = re.compile(r"\s+by\s+(?:the\s+)?", re.I)  # "drills by (the) China"
MAKER_BEFORE = re.compile(r"(?:\s+[a-z-]+){0,2}\s+")  # "Chinese military drills"


def _noun_after(words: list[Word], at: int) -> int:
    """The head of a short noun phrase starting at `at` (its last plain word, up to three)."""
    last = at
    for k in range(at, min(len(words), at + 3)):
        plain = words[k].text.isalpha() or "-" in words[k].text
        if not plain or words[k].lower in PREPOSITIONS or cameo.kinds_of(words[k].lower):
            break
        last = k
    return last
