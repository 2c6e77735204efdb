"""Dictionary matching: which words of a sentence head a CAMEO verb pattern, with its objects."""

from __future__ import annotations

from dataclasses import dataclass

from wirehouse import cameo
from wirehouse.event_actors import Actor, Word
from wirehouse.event_dates import _time_word
from wirehouse.event_words import (
    CONDITIONS,
    PASSIVE_AUX,
    PLACE_NOUNS,
    PREPOSITIONS,
    QUOTE_MARKS,
    _clause_bounds,
    _finite_head,
    _new_clause,
    _next_clause_subject,
    _participial_clause,
    _participle,
)

SLOT_GAP = 3  # words between a verb and the actor that is its object ("freed five American")
OBJECT_WINDOW = 10  # words after the head in which a pattern's particle and objects must appear
ADJUNCT_OPENERS = frozenset({"after", "before", "following", "despite", "amid", "since", "until"})
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


def _matches(words: list[Word], actors: list[Actor], at_word: dict[int, Actor]) -> list[Match]:
    table = cameo.verb_patterns()
    found = []
    for index, word in enumerate(words):
        if index in at_word:
            continue
        patterns = table.get(word.lemma) or table.get(word.lower)
        if not patterns or (index and word.text[:1].isupper()):
            continue  # "Finance Minister Claire Dubois": a capital mid-sentence is a name
        if _adjectival(words, index):
            continue  # "may impose targeted sanctions": an adjective, not "targeted"
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


def _named_place(words: list[Word], actor: Actor) -> bool:
    """A name followed by a place noun is a place ("the Catatumbo region", "Kursk province")."""
    following = actor.last + 1
    return following < len(words) and words[following].lemma in PLACE_NOUNS


def _adjectival(words: list[Word], k: int) -> bool:
    """A participle between a verb (or a determiner) and the noun it describes: "impose
    targeted sanctions", "the disputed region"."""
    word = words[k]
    if not (word.lower.endswith("ed") and 0 < k < len(words) - 1):
        return False
    before, after = words[k - 1], words[k + 1]
    noun_after = after.text.isalpha() and after.text.islower() and not cameo.kinds_of(after.lower)
    if "determiner" in cameo.kinds_of(before.lower):
        return noun_after  # "the disputed region"
    # a verb, as a verb: after a modal, "to" or an auxiliary ("may impose"), or inflected
    # ("imposed"); not a noun before a verb ("a drone strike killed two soldiers")
    earlier = words[k - 2].lower if k >= 2 else ""
    verbal = earlier == "to" or cameo.kinds_of(earlier) & {"modal", "aux", "adverb"}
    verbal = verbal or before.lower != before.lemma
    return noun_after and before.lemma in cameo.verb_patterns() and bool(verbal)


def _conditional_response(words: list[Word], head: int) -> bool:
    """A response promised on a condition: "would 'respond appropriately' if the ship is not
    released", "will retaliate unless ..." (a modal just before, a condition after)."""
    before = [w for w in words[max(0, head - 3) : head] if w.text not in QUOTE_MARKS]
    if not before or "modal" not in cameo.kinds_of(before[-1].lower):
        return False
    _, last = _clause_bounds(words, head)
    # "would respond in kind to any attempt by Athens": "any" states the condition too
    return any(w.lower in CONDITIONS | {"any"} for w in words[head + 1 : max(last, head + 8)])


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
            adjective = _adjectival(words, k)  # "impose targeted sanctions"
            if mark.endswith("ed") and _finite_head(words[k]) and not hyphened and not adjective:
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
