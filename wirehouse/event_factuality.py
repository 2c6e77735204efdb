"""Factuality: whether a matched verb is an act done, or one asked for, alleged or hypothetical."""

from __future__ import annotations

from wirehouse import cameo
from wirehouse.event_actors import Word
from wirehouse.event_dates import _time_word
from wirehouse.event_matches import Match
from wirehouse.event_words import (
    CONDITIONS,
    DECISION_NOUNS,
    QUOTE_MARKS,
    SPEECH_ROOTS,
    _clause_bounds,
)

ACCUSATION = "112"  # blame needs someone blamed ("blamed the decline on misinformation")


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


def _would_be(words: list[Word], match: Match) -> bool:
    window = [w.lower for w in words[max(0, match.head - 4) : match.end]]
    pairs = zip(window, window[1:], strict=False)
    return any(a == "would" and b == "-" for a, b in pairs)  # "would-be"
