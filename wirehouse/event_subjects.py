"""The source of a matched event: the actor phrase before the verb, and actors joined to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word
from wirehouse.event_dates import _time_word
from wirehouse.event_matches import Match
from wirehouse.event_words import (
    DECISION_NOUNS,
    PASSIVE_AUX,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    QUOTE_MARKS,
    _adverb,
    _clause_bounds,
    _finite_head,
    _gerund_head,
    _is_country,
    _participle,
    _plain_noun,
)

# what may stand between conjoined actors; ", and" joins clauses more often than actors
CONJUNCTIONS = frozenset({(",",), ("and",), ("or",), ("and", "the"), ("or", "the")})
RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply", "hit"})
CAUSATIVES = frozenset({"prompt", "force", "push", "drive", "spur", "compel", "lead", "cause"})
CONTROL_KINDS = frozenset({"control", "hypothetical_control", "negative_control"})


@dataclass
class Subject:
    group: list[Actor]
    hypothetical: bool = False
    negated: bool = False
    passive: bool = False
    reduced: bool = False  # a participle after its noun ("the cuts demanded by Riyadh")
    prompted: bool = False  # "prompting Beijing to threaten": the subject answers the prompter


def _placed_source(words: list[Word], actors: list[Actor], source: Actor) -> Actor:
    """A source agent with no country ("officials said the government could close ...") acts
    for the country named last before it in the sentence ("Zagreb has not retaliated, but")."""
    if not source.unplaced or source.code != source.unplaced:
        return source
    before = [a for a in actors if a.last < source.first and _is_country(a) and not a.weak]
    if not before:
        return source
    return replace(source, code=before[-1].code[:3] + source.unplaced, unplaced="")


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
        said = k - 1
        while said > 0 and _time_word(words, said):
            said -= 1  # "said on Tuesday they would"
        if word.lower == "they" and k and "speech" in cameo.kinds_of(words[said].lower):
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


def _owner(words: list[Word], at_word: dict[int, Actor], head: int) -> Actor | None:
    k = head - 1
    if k >= 0 and words[k].lower in ("'s", "’s"):
        k -= 1
    return at_word.get(k)


def _clause_subject(words: list[Word], actors: list[Actor], head: int) -> list[Actor]:
    """The subject of the nearest verb before `head` ("Chile said Peruvian soldiers crossed the
    river and took over a camp": the soldiers), else the first actor of the sentence in
    subject position before `head`."""
    for actor in reversed([a for a in actors if a.last < head - 1]):
        after = actor.last + 1
        before = words[actor.first - 1].lower if actor.first else ""
        if actor.weak or before in PREPOSITIONS:
            continue
        if words[after].inflected_ed and words[after].text.islower():
            return _conjoined_left(words, actors, actor)  # "... soldiers crossed"
    for actor in actors:
        if actor.first >= head:
            break
        before = words[actor.first - 1].lower if actor.first else ""
        if actor.weak or before in PREPOSITIONS:
            continue
        return _conjoined_left(words, actors, actor)
    return []


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
        listed = listed or between[:2] == ["and", "by"] and len(between) <= 3  # "and by the AU"
        if between == [","] and _attributed(words, following):
            break  # "killed three fighters in Iraq, local officials said": the speakers
        if _conjunction(between) or listed:  # "X's minister, A, and her counterpart, B"
            group.append(following)
            index += 1
        else:
            break
    return group


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


ATTRIBUTION_REACH = 6  # words between an actor and the reporting verb it is the subject of
