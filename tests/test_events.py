"""Event coding: the CAMEO tables and each sentence construction the coder handles.

The entity layer is stood in for by hand-made entities and mentions (every occurrence of a
surface form), so these tests pin down the coder alone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import spacy

from wirehouse import cameo
from wirehouse.events import find_events
from wirehouse.model import Entity, Mention

PUBLISHED = datetime(2025, 5, 2, 12, tzinfo=UTC)  # a Friday

ENTITIES = {
    "USA": Entity("usa", "United States", "GPE", "USA", "USA"),
    "PRK": Entity("prk", "North Korea", "GPE", "PRK", "PRK"),
    "RUS": Entity("rus", "Russia", "GPE", "RUS", "RUS"),
    "UKR": Entity("ukr", "Ukraine", "GPE", "UKR", "UKR"),
    "KEN": Entity("ken", "Kenya", "GPE", "KEN", "KEN"),
    "SOM": Entity("som", "Somalia", "GPE", "SOM", "SOM"),
    "LTU": Entity("ltu", "Lithuania", "GPE", "LTU", "LTU"),
    "BLR": Entity("blr", "Belarus", "GPE", "BLR", "BLR"),
    "IRN": Entity("irn", "Iran", "GPE", "IRN", "IRN"),
    "State Department": Entity("sd", "State Department", "ORG", "USA", "USAGOV"),
    "Kremlin": Entity("kremlin", "Kremlin", "ORG", "RUS", "RUSGOV"),
    "Putin": Entity("putin", "Vladimir Putin", "PERSON", "RUS", "RUSGOV"),
    "Trump": Entity("trump", "Donald Trump", "PERSON", "USA", "USAGOV"),
    "UN": Entity("un", "United Nations", "ORG", None, "IGOUNO"),
    "Kursk": Entity("kursk", "Kursk", "GPE", "RUS", "RUS"),
    "TUR": Entity("tur", "Turkey", "GPE", "TUR", "TUR"),
    "JPN": Entity("jpn", "Japan", "GPE", "JPN", "JPN"),
    "Turkish Foreign Ministry": Entity("tfm", "Turkish Foreign Ministry", "ORG", "TUR", "TURGOV"),
    "EU": Entity("eu", "European Union", "ORG", None, "IGOEUREEC"),
    "Kim": Entity("kim", "Kim Jong Un", "PERSON", "PRK", "PRKGOV"),
    # a person whose role the entity layer does not know
    "Okafor": Entity("okafor", "Jane Okafor", "PERSON", "KEN", "KENELI"),
    "ECJ": Entity("ecj", "European Court of Justice", "ORG", None, "IGOEURCOJ"),
    "Hezbollah": Entity("hez", "Hezbollah", "ORG", "LBN", "LBNREBHEZ"),
    "ARM": Entity("arm", "Armenia", "GPE", "ARM", "ARM"),
    "AZE": Entity("aze", "Azerbaijan", "GPE", "AZE", "AZE"),
    "QAT": Entity("qat", "Qatar", "GPE", "QAT", "QAT"),
    # a capital the entity layer leaves as a plain city (no CAMEO code of its own)
    "Vilnius": Entity("vilnius", "Vilnius", "GPE", "LTU", None),
}

SURFACES = {
    "United States": ("USA", "name"),
    "US": ("USA", "alias"),
    "North Korea": ("PRK", "name"),
    "North Korean": ("PRK", "demonym"),
    "Pyongyang": ("PRK", "metonym"),
    "Russia": ("RUS", "name"),
    "Moscow": ("RUS", "metonym"),
    "Ukraine": ("UKR", "name"),
    "Kenya": ("KEN", "name"),
    "Vilnius": ("Vilnius", "name"),
    "Somalia": ("SOM", "name"),
    "Lithuania": ("LTU", "name"),
    "Belarus": ("BLR", "name"),
    "Minsk": ("BLR", "metonym"),
    "Iran": ("IRN", "name"),
    "State Department": ("State Department", "name"),
    "Kremlin": ("Kremlin", "name"),
    "Vladimir Putin": ("Putin", "name"),
    "Putin": ("Putin", "alias"),
    "Donald Trump": ("Trump", "name"),
    "Trump": ("Trump", "alias"),
    "United Nations": ("UN", "name"),
    "Kursk": ("Kursk", "name"),
    "Turkey": ("TUR", "name"),
    "Japan": ("JPN", "name"),
    "Japanese": ("JPN", "demonym"),
    "Turkish Foreign Ministry": ("Turkish Foreign Ministry", "name"),
    "European Union": ("EU", "name"),
    "Kim Jong Un": ("Kim", "name"),
    "Jane Okafor": ("Okafor", "name"),
    "European Court of Justice": ("ECJ", "name"),
    "Hezbollah": ("Hezbollah", "name"),
    "Armenia": ("ARM", "name"),
    "Azerbaijan": ("AZE", "name"),
    "Qatar": ("QAT", "name"),
    "Doha": ("QAT", "metonym"),
    "Kenyan": ("KEN", "demonym"),
}


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def mentions_in(text: str) -> list[Mention]:
    """A mention for every whole-word occurrence of a known surface form, longest first."""
    taken: list[tuple[int, int]] = []
    found = []
    for surface in sorted(SURFACES, key=len, reverse=True):
        key, kind = SURFACES[surface]
        for hit in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            taken.append(hit.span())
            found.append(Mention(ENTITIES[key].entity_id, surface, *hit.span(), kind=kind))
    return sorted(found, key=lambda m: m.start_char)


def code(nlp, text: str, published_at: datetime | None = PUBLISHED):
    return find_events(nlp(text), list(ENTITIES.values()), mentions_in(text), published_at)


def triples(events) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor1_code, e.actor2_code, e.event_code) for e in events}


# --- the vocabulary ----------------------------------------------------------------------------


def test_event_codes_cover_all_twenty_roots_with_consistent_classes():
    codes = cameo.event_codes()
    assert {c.root_code for c in codes.values()} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) > 280
    for c in codes.values():
        assert c.code.startswith(c.root_code)
        root = int(c.root_code)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert c.quad_class == expected, c
        assert -10.0 <= c.goldstein <= 10.0
        if len(c.code) == 4:
            assert c.code[:3] in codes, f"{c.code} has no parent"
    assert codes["072"].goldstein == 8.3
    assert codes["195"].goldstein == -10.0
    assert codes["111"].name == "Criticize or denounce"


def test_verb_dictionary_codes_exist_and_cover_all_roots():
    codes = cameo.event_codes()
    patterns = [p for group in cameo.verb_patterns().values() for p in group]
    assert all(p.code in codes for p in patterns)
    assert {p.code[:2] for p in patterns} == {f"{r:02d}" for r in range(1, 21)}


def test_lemmas_come_from_spacy_lookup_tables():
    assert cameo.lemma("criticizing") == "criticize"
    assert cameo.lemma("sent") == "send"
    assert cameo.lemma("Troops") == "troop"


# --- constructions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia sent troops to Ukraine.", ("RUS", "UKR", "072")),
        ("The United States will provide military aid to Ukraine.", ("USA", "UKR", "072")),
        ("The State Department condemned North Korea.", ("USAGOV", "PRK", "111")),
        ("Trump criticised Putin on Tuesday.", ("USAGOV", "RUSGOV", "111")),
        ("Russia accused Ukraine of aggression.", ("RUS", "UKR", "1123")),
        ("Iran rejected the proposal from the United States.", ("IRN", "USA", "127")),
        ("Russia and Ukraine agreed to a ceasefire.", ("RUS", "UKR", "0871")),
        ("Kenya signed a trade deal with Somalia.", ("KEN", "SOM", "057")),
        ("Putin praised North Korea.", ("RUSGOV", "PRK", "051")),
        ("The United Nations urged Russia to stop.", ("IGOUNO", "RUS", "0256")),
        ("Lithuania recalled its ambassador from Belarus.", ("LTU", "BLR", "161")),
        ("Lithuania expelled two Belarusian diplomats on Tuesday.", None),
        ("Iran seized a vessel belonging to the United States.", ("IRN", "USA", "1711")),
        ("The United States imposed sanctions on Russia.", ("USA", "RUS", "163")),
        ("Kenya mediated between Somalia and Ukraine.", ("KEN", "SOM", "045")),
        ("Russia demanded that Ukraine withdraw.", ("RUS", "UKR", "1056")),
        ("North Korean troops attacked Ukraine.", ("PRKMIL", "UKR", "190")),
        ("Pyongyang is supplying Russia with weapons.", ("PRKGOV", "RUS", "072")),
        ("The Kremlin warned Lithuania.", ("RUSGOV", "LTU", "130")),
        ("Russia shelled Ukraine.", ("RUS", "UKR", "194")),
    ],
)
def test_dictionary_phrases(nlp, sentence, expected):
    found = triples(code(nlp, sentence))
    if expected is None:  # the target is only a country adjective: no subject-to-target pair
        assert all(a == "LTU" for a, _, _ in found)
    else:
        assert expected in found, found


def test_broker_peace_talks_codes_mediation_with_each_party(nlp):
    found = triples(code(nlp, "Trump worked to broker peace talks between Ukraine and Russia."))
    assert found == {("USAGOV", "UKR", "045"), ("USAGOV", "RUS", "045")}


def test_passive_voice_takes_the_by_agent_as_source(nlp):
    found = code(nlp, "North Korea was condemned by the United States.")
    assert triples(found) == {("USA", "PRK", "111")}
    assert found[0].event_text.startswith("condemned")


def test_reported_speech_keeps_the_speakers_verb(nlp):
    text = "The US called for an immediate end to Russia's attacks, officials said."
    assert ("USA", "RUS", "1056") in triples(code(nlp, text))


def test_coordinated_verbs_share_the_subject(nlp):
    text = "The State Department condemned North Korea's involvement and called on Russia to stop."
    found = triples(code(nlp, text))
    assert ("USAGOV", "PRK", "111") in found
    assert ("USAGOV", "RUS", "0256") in found or ("USAGOV", "RUS", "020") in found
    assert not any(a == "PRK" for a, _, _ in found)


def test_conjoined_actors_give_one_event_per_pair(nlp):
    found = triples(code(nlp, "Kenya and Somalia condemned Russia and Belarus."))
    assert found == {
        ("KEN", "RUS", "111"),
        ("KEN", "BLR", "111"),
        ("SOM", "RUS", "111"),
        ("SOM", "BLR", "111"),
    }


def test_conjoined_subjects_without_target_are_symmetric(nlp):
    text = "Kenya and Somalia agreed on Sunday to open a joint relief corridor."
    found = triples(code(nlp, text))
    assert ("KEN", "SOM", "030") in found and ("SOM", "KEN", "030") in found


def test_pronoun_subject_resolves_to_the_named_actor(nlp):
    text = "Russia faced criticism this week. It accused Ukraine of aggression."
    assert ("RUS", "UKR", "1123") in triples(code(nlp, text))


def test_capital_as_actor_is_its_government(nlp):
    assert ("RUSGOV", "PRK", "051") in triples(code(nlp, "Moscow praised North Korea."))


def test_negated_events_are_not_coded(nlp):
    assert code(nlp, "Kenya did not sign the agreement with Somalia.") == []
    assert code(nlp, "Russia never attacked Ukraine.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow may provide North Korea with advanced military technology.",
        "Pyongyang is expected to receive economic assistance from Russia.",
        "Russia would retaliate against Lithuania.",
        "If Iran attacks, the United States will retaliate against Iran.",
    ],
)
def test_hypothetical_events_are_flagged(nlp, sentence):
    found = code(nlp, sentence)
    assert found and all(e.is_hypothetical for e in found)


def test_receive_reverses_the_roles(nlp):
    found = code(nlp, "Pyongyang is expected to receive economic assistance from Russia.")
    assert triples(found) == {("RUS", "PRKGOV", "071")}


def test_factual_event_is_not_hypothetical(nlp):
    found = code(nlp, "Russia attacked Ukraine.")
    assert found and not found[0].is_hypothetical


def test_event_date_from_the_sentence_or_the_published_date(nlp):
    (on_monday,) = code(nlp, "On Monday, Russia attacked Ukraine.")
    assert on_monday.event_date.date().isoformat() == "2025-04-28"
    (on_date,) = code(nlp, "Russia attacked Ukraine on April 28.")
    assert on_date.event_date.date().isoformat() == "2025-04-28"
    (undated,) = code(nlp, "Russia attacked Ukraine.")
    assert undated.event_date == PUBLISHED
    (unknown,) = code(nlp, "Russia attacked Ukraine on April 28.", published_at=None)
    assert unknown.event_date is None


def test_place_named_in_the_sentence(nlp):
    (event,) = code(nlp, "Russia attacked Ukraine in Kursk.")
    assert event.place_code == "RUS" and event.place_entity_id == "kursk"


def test_event_rows_explain_themselves(nlp):
    text = "Intro line.\n\nThe United States imposed sanctions on Russia."
    (event,) = code(nlp, text)
    assert event.event_text == "imposed sanctions"
    assert text[event.sentence_start : event.sentence_end].startswith("The United States")
    assert (event.quad_class, event.goldstein) == (4, -8.0)
    assert event.actor1_entity_id == "usa" and event.actor2_entity_id == "rus"


def test_nominal_event_with_an_owner(nlp):
    text = "The Trump administration's rebuke of North Korea came days later."
    assert ("USAGOV", "PRK", "111") in triples(code(nlp, text))


# --- the warehouse view ------------------------------------------------------------------------


def test_events_merged_view_counts_mentions_and_articles(tmp_path):
    import duckdb

    from wirehouse.resources import read_sql, sql_path

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for ddl in sorted(sql_path("ddl").glob("*.sql")):
        con.execute(ddl.read_text(encoding="utf-8"))
    con.execute(read_sql("views", "015_events_merged.sql"))
    con.execute(
        "INSERT INTO articles (article_id, body, published_at, path, record) VALUES"
        " ('a1', 'Intro. Russia attacked Ukraine.', '2025-05-01 10:00:00+00', 'a1.txt', 0),"
        " ('a2', 'Russia attacked Ukraine!', '2025-05-01 12:00:00+00', 'a2.txt', 0)"
    )
    row = (
        "(?, ?, 'RUS', 'UKR', 'Russia', 'Ukraine', '190', '19', 4, -10.0, ?, ?, 'attacked', false)"
    )
    columns = (
        "event_id, article_id, actor1_code, actor2_code, actor1_name, actor2_name, event_code,"
        " event_root_code, quad_class, goldstein, sentence_start, sentence_end, event_text,"
        " is_hypothetical"
    )
    for values in (("e1", "a1", 7, 31), ("e2", "a2", 0, 24), ("e3", "a2", 0, 24)):
        con.execute(f"INSERT INTO events ({columns}) VALUES {row}", values)
    merged = con.execute(
        "SELECT actor1_code, actor2_code, event_code, num_mentions, num_articles FROM events_merged"
    ).fetchall()
    assert merged == [("RUS", "UKR", "190", 3, 2)]
    sentences = con.execute(
        "SELECT article_id, sentence FROM event_mentions ORDER BY event_id"
    ).fetchall()
    assert sentences[0] == ("a1", "Russia attacked Ukraine.")
    assert (
        len({r[0] for r in con.execute("SELECT merged_event_id FROM event_mentions").fetchall()})
        == 1
    )


# --- discourse: time phrases, clauses, groups and antecedents ------------------------------


def test_time_phrase_between_subject_and_verb(nlp):
    found = code(nlp, "Lithuania on Tuesday recalled its ambassador from Belarus.")
    assert ("LTU", "BLR", "161") in triples(found)
    assert found[0].event_date.date().isoformat() == "2025-04-29"


def test_relative_clause_between_subject_and_verb(nlp):
    text = "Kenya, which borders Somalia, praised Russia."
    assert triples(code(nlp, text)) == {("KEN", "RUS", "051")}


def test_clause_coordination_is_not_actor_coordination(nlp):
    text = "Kenya pledged aid to Somalia, and the United Nations praised Kenya."
    found = triples(code(nlp, text))
    assert ("KEN", "SOM", "033") in found and ("KEN", "IGOUNO", "033") not in found


def test_bare_agents_act_for_the_place_named(nlp):
    text = "Riot police fired tear gas at protesters in Lithuania."
    assert ("LTUCOP", "LTUOPP", "175") in triples(code(nlp, text))


def test_agent_word_modifying_a_noun_is_not_an_actor(nlp):
    found = triples(code(nlp, "Russia will discuss military aid with Belarus."))
    assert found == {("RUS", "BLR", "040")}


def test_they_after_a_conjoined_speaker(nlp):
    text = "Kenya and Somalia said that they would cooperate."
    assert triples(code(nlp, text)) == {("KEN", "SOM", "060"), ("SOM", "KEN", "060")}


def test_passive_with_an_event_noun_points_back_to_its_actor(nlp):
    text = "Lithuania expelled diplomats from Belarus. The expulsions were condemned by Minsk."
    assert ("BLRGOV", "LTU", "111") in triples(code(nlp, text))


def test_object_event_noun_points_back_to_the_requester(nlp):
    text = "Kenya asked Iran to share data. Iran rejected the request."
    assert ("IRN", "KEN", "124") in triples(code(nlp, text))


def test_threat_without_a_target_is_not_coded(nlp):
    assert code(nlp, "Kenya warned that floods would spread.") == []


def test_protest_without_a_target_is_aimed_at_the_government(nlp):
    text = "Protesters rallied against the law in Lithuania."
    assert ("LTUOPP", "LTUGOV", "141") in triples(code(nlp, text))


def test_refusing_to_do_something_codes_neither(nlp):
    assert code(nlp, "Kenya refused to criticise Somalia.") == []


def test_sentence_initial_it_continues_the_previous_actor(nlp):
    text = "Iran rejected the proposal from Russia. It also accused Ukraine of aggression."
    assert ("IRN", "UKR", "1123") in triples(code(nlp, text))


# --- generalisation: blocs, implied targets, clause limits, agents without a country ----------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow accused Western governments of blocking payments.", ("RUSGOV", "WSTGOV", "112")),
        ("Russia condemned the West.", ("RUS", "WST", "111")),
        ("European leaders praised Kenya.", ("EURGOV", "KEN", "051")),
        ("Iran criticised Gulf states.", ("IRN", "PGS", "111")),
    ],
)
def test_regions_and_blocs_are_actors(nlp, sentence, expected):
    assert triples(code(nlp, sentence)) == {expected}


def test_bloc_adjective_before_a_thing_or_a_name_is_no_actor(nlp):
    assert triples(code(nlp, "Russia criticised Western sanctions against Iran.")) == {
        ("RUS", "IRN", "111")
    }
    assert triples(code(nlp, "Kenya praised the European Union.")) == {("KEN", "IGOEUREEC", "051")}


def test_reaction_to_an_uncoded_demand_points_at_the_previous_sentence(nlp):
    text = "Moscow accused Western governments of blocking payments. Ukraine rejected the demand."
    found = code(nlp, text)
    assert ("UKR", "RUSGOV", "124") in triples(found)
    assert not any(e.is_hypothetical for e in found)


def test_reaction_to_an_earlier_decision_across_a_paragraph(nlp):
    text = (
        "The European Union imposed new sanctions on Belarus on Monday.\n\n"
        "Belarus condemned the decision and said it would seek new buyers."
    )
    assert ("BLR", "IGOEUREEC", "111") in triples(code(nlp, text))


def test_condemnation_with_nothing_to_point_at_keeps_actor2_empty(nlp):
    # GDELT keeps a clear condemnation by a known actor with actor2 empty rather than drop it
    assert triples(code(nlp, "Belarus condemned the decision.")) == {("BLR", None, "111")}


def test_delegations_from_countries_are_the_targets(nlp):
    text = (
        "Turkey hosted delegations from Russia and Ukraine on Tuesday for talks, "
        "the Turkish Foreign Ministry said."
    )
    assert triples(code(nlp, text)) == {("TUR", "RUSGOV", "043"), ("TUR", "UKRGOV", "043")}


def test_speaker_of_an_attribution_is_not_the_target(nlp):
    text = "Turkey hosted talks on grain, the Turkish Foreign Ministry said."
    assert all(e.actor2_code is None for e in code(nlp, text))


def test_target_is_not_taken_from_a_later_coordinated_clause(nlp):
    text = "The United Nations pledged $5 million in aid, and Japan said it would send doctors."
    found = code(nlp, text)
    assert ("IGOUNO", "JPN", "033") not in triples(found)
    assert any(e.actor1_code == "IGOUNO" and e.event_code.startswith("03") for e in found)


def test_aid_without_a_recipient_goes_to_the_country_the_article_is_about(nlp):
    text = (
        "Floods hit Kenya on Monday. Kenya said 40 people had died. "
        "The United Nations pledged $5 million in aid, and Japan said it would send doctors."
    )
    found = triples(code(nlp, text))
    assert ("IGOUNO", "KEN", "033") in found
    assert ("IGOUNO", "JPN", "033") not in found


def test_troops_praised_by_a_leader_are_his_own(nlp):
    text = "Russia and North Korea fought in Kursk. Kim Jong Un praised the troops."
    assert triples(code(nlp, text)) >= {("PRKGOV", "PRKMIL", "051")}


def test_agent_without_a_country_is_not_given_the_most_named_one(nlp):
    text = "Russia and Ukraine met. Russia and Ukraine talked. Kim Jong Un criticised the troops."
    found = triples(code(nlp, text))
    # a country-less agent is no target: actor2 stays empty rather than a bare "MIL"
    assert ("PRKGOV", None, "111") in found
    assert not any(target and target.endswith("MIL") for _, target, _ in found)


def test_agent_in_an_article_about_one_country_acts_for_it(nlp):
    text = "Kenya held elections. Kenya counted votes. Riot police attacked protesters."
    assert ("KENCOP", "KENOPP", "190") in triples(code(nlp, text)) or (
        "KENCOP",
        "KENOPP",
        "180",
    ) in triples(code(nlp, text))


def test_both_sides_stands_for_the_two_sides_named_before(nlp):
    text = (
        "Kenya and Somalia agreed to reopen the border. "
        "The United Nations urged both sides to talk."
    )
    found = triples(code(nlp, text))
    assert {("IGOUNO", "KEN", "026"), ("IGOUNO", "SOM", "026")} <= found


def test_both_countries_after_targets_named_together(nlp):
    text = (
        "Turkey hosted delegations from Russia and Ukraine. "
        "Turkey said both countries had agreed to keep talking."
    )
    pairs = {(a, b) for a, b, event_code in triples(code(nlp, text)) if event_code[:2] == "03"}
    assert pairs == {("RUSGOV", "UKRGOV"), ("UKRGOV", "RUSGOV")}


def test_welcoming_a_deal_points_at_every_party(nlp):
    text = "Kenya and Somalia signed a trade deal. Iran welcomed the deal."
    found = triples(code(nlp, text))
    assert {("IRN", "KEN", "051"), ("IRN", "SOM", "051")} <= found


# --- holdout classes: each rule with sentences written for these tests ------------------------


def test_condemnation_points_at_whoever_held_the_drills_before(nlp):
    text = "Russia held naval exercises near Lithuania. Japan condemned the exercises."
    assert ("JPN", "RUS", "111") in triples(code(nlp, text))


def test_rejection_by_a_known_actor_is_kept_without_a_target(nlp):
    assert triples(code(nlp, "Turkey dismissed the report.")) == {("TUR", None, "120")}


def test_warning_of_measures_is_a_threat_and_a_bare_warning_is_not(nlp):
    text = "Iran warned on Tuesday that it would take all necessary measures to defend itself."
    events = code(nlp, text)
    assert triples(events) == {("IRN", None, "130")}
    assert not events[0].is_hypothetical  # the warning was made; what it threatens is not
    assert code(nlp, "Iran warned that storms would spread.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan is sending two destroyers to Lithuania.", ("JPN", "LTU", "154")),
        ("Turkey sent an envoy to Kenya.", ("TUR", "KEN", "042")),
        ("Russia seized a Japanese fishing trawler.", ("RUS", "JPN", "1711")),
        ("The first visit to Japan by Kim Jong Un began.", ("PRKGOV", "JPN", "042")),
        ("A three-day state visit to Kenya by Kim Jong Un ended.", ("PRKGOV", "KEN", "042")),
    ],
)
def test_dictionary_holdout_phrases(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_seizing_a_boat_is_not_occupying_territory(nlp):
    codes = {e.event_code for e in code(nlp, "Russia seized a Japanese fishing trawler.")}
    assert "192" not in codes


def test_the_claims_by_an_actor_make_it_the_target(nlp):
    assert ("UKR", "RUS", "120") in triples(code(nlp, "Ukraine dismissed the claims by Russia."))


def test_a_capital_left_as_a_city_acts_as_its_government(nlp):
    assert ("LTUGOV", "BLR", "111") in triples(code(nlp, "Vilnius condemned Belarus."))
    assert ("USA", "LTUGOV", "0253") in triples(
        code(nlp, "The United States urged Vilnius to release the detainees.")
    )


def test_gapped_second_clause_shares_the_verb(nlp):
    events = code(nlp, "Turkey promised $150 million and Japan $45 million to Kenya.")
    assert {("TUR", "KEN", "033"), ("JPN", "KEN", "033")} <= triples(events)
    assert ("TUR", "JPN", "033") not in triples(events)


def test_passive_with_conjoined_agents_codes_each_agent(nlp):
    events = triples(code(nlp, "Kim Jong Un was praised by Russia and Belarus."))
    assert events == {("RUS", "PRKGOV", "051"), ("BLR", "PRKGOV", "051")}
    assert ("RUS", "BLR", "051") not in triples(
        code(nlp, "The plan was praised by Russia and Belarus.")
    )


def test_apposition_between_conjoined_subjects(nlp):
    text = "Russia, the largest neighbour, and Turkey congratulated Belarus on the vote."
    assert triples(code(nlp, text)) == {("RUS", "BLR", "051"), ("TUR", "BLR", "051")}


def test_conditional_in_a_later_clause_does_not_spill(nlp):
    text = "Japan pledged $20 million to Kenya, and officials said it would double it if needed."
    pledge = [e for e in code(nlp, text) if e.actor1_code == "JPN"]
    assert pledge and not any(e.is_hypothetical for e in pledge)


def test_negated_event_beside_a_coded_one_of_the_same_root(nlp):
    text = "Russia did not fire missiles at Ukraine, but Ukraine fired missiles at Russia."
    assert triples(code(nlp, text)) == {("UKR", "RUS", "195")}


def test_clause_after_and_has_its_own_subject(nlp):
    text = "Japan sent warships to the region and Turkey deployed jets to Lithuania."
    found = triples(code(nlp, text))
    assert ("TUR", "LTU", "154") in found
    assert ("JPN", "TUR", "154") not in found


def test_condemned_drills_point_at_who_held_them_where_no_event_was_coded(nlp):
    text = "Ukraine reported large drills by Russia near the border. Japan condemned the drills."
    assert triples(code(nlp, text)) == {("JPN", "RUS", "111")}


def test_gapped_pledges_with_no_recipient_are_not_to_each_other(nlp):
    found = triples(code(nlp, "Turkey promised $150 million and Japan $45 million."))
    assert ("TUR", "JPN", "033") not in found
    assert ("JPN", "TUR", "033") not in found
    assert {("TUR", None, "033"), ("JPN", None, "033")} <= found


def test_a_noun_like_plan_before_the_verb_is_no_hypothetical_control(nlp):
    events = code(nlp, "The plan was praised by Russia and Belarus.")
    assert triples(events) == {("RUS", None, "051"), ("BLR", None, "051")}
    assert not any(e.is_hypothetical for e in events)


def test_passive_target_is_the_owner_of_the_subject(nlp):
    events = triples(code(nlp, "Kenya's proposal was praised by Russia and Belarus."))
    assert events == {("RUS", "KEN", "051"), ("BLR", "KEN", "051")}


def test_negated_verb_does_not_take_a_later_verb_as_its_object(nlp):
    text = "Russia did not fire missiles at Kenya on Monday and instead fired drones at Ukraine."
    assert triples(code(nlp, text)) == {("RUS", "UKR", "195")}


# --- generalisation classes, through the real parse and entity layer ---------------------------


def real_events(text: str):
    """The events of `text` through the real parse and entity layer."""
    from wirehouse.entities import find_entities
    from wirehouse.nlp import parse

    doc = parse(text)
    entities, mentions = find_entities(doc)
    return find_events(doc, entities, mentions, PUBLISHED)


def real_triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(real_events(text))


def test_relative_clause_subject_is_its_antecedent():
    text = (
        "The exercises were condemned by Russia's defence ministry, which accused Norway and "
        "Finland of provoking tensions."
    )
    found = real_triples(text)
    assert {("RUSMIL", "NOR", "112"), ("RUSMIL", "FIN", "112")} <= found


def test_joint_exercise_begun_by_two_countries_is_military_cooperation():
    found = real_triples("Australia and Indonesia began their largest joint military exercise.")
    assert {("AUS", "IDN", "062"), ("IDN", "AUS", "062")} <= found


def test_demand_for_a_release_points_at_the_seizer():
    text = (
        "Thailand seized a Malaysian fishing vessel and detained its crew. "
        "Malaysia demanded the immediate release of the crew."
    )
    assert ("MYS", "THA", "1053") in real_triples(text)


def test_pledges_without_a_recipient_go_to_the_place_of_the_crisis():
    text = (
        "Fighting in Chad has displaced thousands. Germany pledged €60 million. "
        "Italy promised €150 million and Norway $45 million."
    )
    found = real_triples(text)
    assert {("DEU", "TCD", "033"), ("ITA", "TCD", "033"), ("NOR", "TCD", "033")} <= found


def test_no_event_of_a_country_on_itself_from_an_attribution():
    text = "South Korea signed an agreement with Canada, the South Korean trade ministry said."
    found = real_triples(text)
    assert ("KOR", "CAN", "057") in found
    assert not any(t and s and t[:3] == s[:3] for s, t, _ in found)


def test_country_less_agent_is_no_target():
    found = real_triples("France said it was sending two destroyers to the region.")
    assert ("FRA", None, "154") in found


# --- generalisation round 3: constructions named by class, sentences of our own -------------


def test_object_relative_clause_takes_the_antecedent_as_object(nlp):
    text = "Farmers were hurt by the sanctions that Moscow imposed on Lithuania last year."
    assert ("RUSGOV", "LTU", "163") in triples(code(nlp, text))


def test_date_phrase_between_subject_and_verb(nlp):
    text = "The United Nations in March urged Iran to release the detainees."
    assert ("IGOUNO", "IRN", "0253") in triples(code(nlp, text))


def test_pronoun_after_a_relative_clause_is_the_main_subject(nlp):
    text = "The United Nations, which had urged Iran to talk, said it would send aid to Kenya."
    found = triples(code(nlp, text))
    assert ("IGOUNO", "KEN", "070") in found
    assert not any(a == "IRN" for a, _, _ in found)


def test_the_head_noun_of_an_organisation_named_before_stands_for_it(nlp):
    text = "Japan thanked the Turkish Foreign Ministry. Russia later criticised the ministry."
    assert ("RUS", "TURGOV", "111") in triples(code(nlp, text))


def test_a_name_modifying_an_event_noun_is_no_verb(nlp):
    assert code(nlp, "Officials said the Kursk attack was planned for weeks.") == []
    assert code(nlp, "Prices fell, and talks with Iran on oil have stalled.") == []


def test_unaddressed_pledges_go_to_the_lead_recipient_not_the_place_of_the_war(nlp):
    text = (
        "Donors pledged $300 million to help Kenya cope with refugees from the war in Somalia. "
        "Japan promised $40 million."
    )
    found = triples(code(nlp, text))
    assert ("JPN", "KEN", "033") in found and ("JPN", "SOM", "033") not in found


def test_they_right_after_a_reporting_verb_is_the_conjoined_speakers(nlp):
    text = "Turkey and Japan said they would pay for a hospital in Kenya."
    found = code(nlp, text)
    assert {e.actor1_code for e in found if e.event_code == "070"} == {"TUR", "JPN"}
    assert ("TUR", "JPN", "070") not in triples(found)  # co-donors, not aid to each other
    assert all(e.is_hypothetical for e in found)


def test_hosting_refugees_is_no_meeting(nlp):
    assert code(nlp, "Kenya hosts 300,000 North Korean refugees.") == []


def test_a_condition_in_a_participial_aside_leaves_the_pledge_factual(nlp):
    text = "Japan pledged $20 million to Kenya, adding that it would double it if others did."
    pledge = [e for e in code(nlp, text) if e.actor1_code == "JPN"]
    assert pledge and not any(e.is_hypothetical for e in pledge)


def test_an_attribution_endorsed_points_back_at_the_accusers(nlp):
    text = "Japan accused Russia of espionage. The attribution was endorsed by the United States."
    assert ("USA", "JPN", "051") in triples(code(nlp, text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya, a close ally of the West, condemned Russia.", ("KEN", "RUS", "111")),
        ("Vladimir Putin, the Russian leader, on Monday praised Iran.", ("RUSGOV", "IRN", "051")),
        ("Russia's foreign minister, Donald Trump, praised Iran.", ("RUSGOV", "IRN", "051")),
    ],
)
def test_apposition_between_subject_and_verb(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_apposition_of_an_object_is_no_subject(nlp):
    text = "The deal, agreed in talks between Kenya and its neighbour, Somalia, allows trade."
    assert not any(e.event_code.startswith("086") for e in code(nlp, text))


def test_two_agent_words_keep_the_first_ones_code(nlp):
    text = "Ukraine's opposition leader rejected the results."
    assert ("UKROPP", "UKRGOV", "120") in triples(code(nlp, text))


def test_domestic_challengers_and_enforcers_without_a_target_face_their_own_side(nlp):
    assert ("LTUCOP", "LTUCVL", "175") in triples(code(nlp, "Police fired tear gas in Lithuania."))
    assert ("LTUOPP", "LTUGOV", "120") in triples(
        code(nlp, "Opposition parties in Lithuania rejected the results.")
    )


def test_an_agent_stationed_in_a_place_is_the_subject_not_the_place(nlp):
    text = "The United States praised Kenya; its embassy in Vilnius urged Russia to talk."
    assert ("USAGOV", "RUS", "026") in triples(code(nlp, text))


def test_all_sides_in_an_article_about_one_country(nlp):
    text = (
        "Kenya held a disputed election. Kenya counted votes for days. "
        "The United Nations urged all sides to show restraint."
    )
    assert ("IGOUNO", "KEN", "0256") in triples(code(nlp, text))


def test_conjoined_sources_keep_a_target_from_one_of_their_countries(nlp):
    found = triples(code(nlp, "Japan and Russia congratulated Vladimir Putin."))
    assert ("JPN", "RUSGOV", "051") in found
    assert ("RUS", "RUSGOV", "051") not in found and ("JPN", "RUS", "051") not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran denied arming Russia.", ("IRN", "RUS", "016")),
        ("Russia and Ukraine exchanged fire on Monday.", ("RUS", "UKR", "190")),
        ("Moscow lashed out at Lithuania over the ban.", ("RUSGOV", "LTU", "111")),
        ("Kenya ruled out talks with Somalia.", ("KEN", "SOM", "125")),
        ("Turkey blocked the aid package for Ukraine.", ("TUR", "UKR", "129")),
        ("Kenya suspended Somalia's membership.", ("KEN", "SOM", "160")),
        ("Iran imposed a blockade on Lithuania.", ("IRN", "LTU", "191")),
        ("Japan banned imports from Russia.", ("JPN", "RUS", "163")),
        ("Kenya extradited two suspects to Somalia.", ("KEN", "SOM", "063")),
        ("Japan approved $30 million in humanitarian aid for Kenya.", ("JPN", "KEN", "07")),
        ("Turkey resumed talks with Iran.", ("TUR", "IRN", "046")),
        ("Lithuania reopened its border with Belarus.", ("LTU", "BLR", "081")),
    ],
)
def test_broadened_dictionary_phrases(nlp, sentence, expected):
    found = triples(code(nlp, sentence))
    assert any((a, b) == expected[:2] and c.startswith(expected[2]) for a, b, c in found), found


def test_a_promised_act_is_hypothetical(nlp):
    events = [e for e in code(nlp, "Russia vowed to attack Lithuania.")]
    assert any(e.event_code == "190" for e in events)
    assert all(e.is_hypothetical for e in events if e.event_code == "190")
    # a vow of retaliation is itself a threat, made
    vow = code(nlp, "Russia vowed to retaliate against Lithuania.")
    assert [(e.actor1_code, e.actor2_code, e.event_code, e.is_hypothetical) for e in vow] == [
        ("RUS", "LTU", "130", False)
    ]


def test_what_an_appeal_or_an_agreement_asks_for_is_no_event_of_its_own(nlp):
    found = triples(code(nlp, "Kenya called on Somalia to withdraw its troops."))
    assert found == {("KEN", "SOM", "020")}
    text = "Kenya and Somalia signed an agreement on Monday to open trade and to lift tariffs."
    assert not any(c.startswith("08") for _, _, c in triples(code(nlp, text)))


def test_passive_by_agent_never_fills_an_object_slot(nlp):
    assert triples(code(nlp, "Kenya was backed by Turkey and Japan.")) == {
        ("TUR", "KEN", "051"),
        ("JPN", "KEN", "051"),
    }
    found = triples(code(nlp, "Kenya's bid was backed by Turkey."))
    assert ("TUR", "KEN", "051") in found


def test_where_an_attack_falls_is_its_target(nlp):
    text = "North Korean drones hit a fuel depot in Ukraine."
    assert ("PRKMIL", "UKR", "190") in triples(code(nlp, text))


def test_an_actors_plain_noun_before_the_verb_acts_for_it(nlp):
    text = "North Korean coast guard ships rammed a Japanese boat."
    assert ("PRKMIL", "JPN", "190") in triples(code(nlp, text))


def test_a_counted_event_noun_is_no_verb(nlp):
    assert code(nlp, "Police in Kenya reported two arrests after the match.") == []


def test_an_agent_without_a_country_is_no_target_even_a_domestic_one(nlp):
    found = triples(code(nlp, "Kenya and Japan agreed to share intelligence."))
    assert not any(target and target.endswith("SPY") for _, target, _ in found)


def test_passive_with_the_object_as_subject(nlp):
    assert ("JPN", None, "163") in triples(
        code(nlp, "New sanctions were imposed by Japan on Monday.")
    )


def test_passive_agent_that_is_a_country_adjective_and_a_noun(nlp):
    text = "Two Japanese sailors were killed by North Korean shelling."
    assert ("PRK", "JPN", "190") in triples(code(nlp, text))


def test_a_plural_after_a_name_before_a_preposition_is_a_noun(nlp):
    found = triples(code(nlp, "Russia said it struck Iran targets in Ukraine."))
    assert not any(source == "IRN" for source, _, _ in found)


@pytest.mark.parametrize(
    "sentence",
    ["Kenya's President Jane Okafor praised Somalia.", "President Jane Okafor praised Somalia."],
)
def test_a_title_before_a_name_gives_the_persons_agent(nlp, sentence):
    assert ("KENGOV", "SOM", "051") in triples(code(nlp, sentence))


def test_seizing_tankers_is_not_repressing_ones_own_people(nlp):
    found = triples(code(nlp, "Iran's coast guard seized two tankers."))
    assert not any(target and target.endswith("CVL") for _, target, _ in found)


def test_calling_an_earlier_act_names_criticises_its_maker(nlp):
    text = "Japan imposed tariffs on Kenya. Kenya called the tariffs 'economic blackmail'."
    assert ("KEN", "JPN", "111") in triples(code(nlp, text))
    assert not any(
        c == "111" for _, _, c in triples(code(nlp, "Iran called for an end to the attacks."))
    )


def test_an_appeal_with_no_one_named_is_made_of_the_place_it_is_about(nlp):
    text = "The United Nations called for an immediate ceasefire in Somalia."
    assert ("IGOUNO", "SOM", "0256") in triples(code(nlp, text))


def test_a_reaction_can_point_at_an_event_earlier_in_its_own_sentence(nlp):
    text = (
        "Kenya and Somalia held joint drills, drawing anger from Iran, which condemned the drills."
    )
    found = triples(code(nlp, text))
    assert {("IRN", "KEN", "111"), ("IRN", "SOM", "111")} <= found


def test_a_reaction_never_points_at_a_hypothetical_event(nlp):
    text = "Japan could impose sanctions on Iran. Kenya condemned the move."
    found = triples(code(nlp, text))
    assert ("KEN", "JPN", "111") not in found


def test_a_denial_in_an_object_relative_clause_answers_the_claim(nlp):
    text = "Russia accused Ukraine of espionage, a claim Ukraine denied."
    assert ("UKR", "RUS", "016") in triples(code(nlp, text))


def test_a_participial_aside_keeps_its_words_out_of_the_main_clause(nlp):
    text = "Japan condemned the launch, calling it a breach of United Nations resolutions."
    found = triples(code(nlp, text))
    assert not any(target == "IGOUNO" for _, target, _ in found)
    assert not any(c.startswith("02") for _, _, c in found)


def test_an_infinitive_of_purpose_keeps_the_main_subject(nlp):
    found = code(nlp, "Japan summoned Russia's ambassador on Monday to protest the incident.")
    assert {e.actor1_code for e in found} == {"JPN"}


def test_a_participle_after_the_object_ends_the_search_for_a_target(nlp):
    text = "Kenya and Somalia agreed to a truce brokered by Turkey and Japan."
    found = triples(code(nlp, text))
    assert ("KEN", "SOM", "0871") in found and ("KEN", "TUR", "0871") not in found


def test_conflict_by_two_named_together_is_not_at_each_other(nlp):
    found = triples(code(nlp, "Japan and the United States condemned the decision."))
    assert ("JPN", "USA", "111") not in found and ("USA", "JPN", "111") not in found
    assert {("JPN", None, "111"), ("USA", None, "111")} <= found


def test_one_event_per_source_and_code_when_one_has_a_target(nlp):
    found = code(nlp, "Japan summoned Russia's ambassador on Monday to protest the incident.")
    assert [(e.actor1_code, e.actor2_code, e.event_code) for e in found] == [
        ("JPN", "RUSGOV", "114")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan is considering sending air defence systems to Ukraine.", ("JPN", "UKR", "072")),
        ("Iran firmly opposed the plan of the United States.", ("IRN", "USA", "110")),
    ],
)
def test_more_dictionary_phrases(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_a_demand_with_no_one_named_in_a_story_about_two_sides_is_of_the_other(nlp):
    text = (
        "Kenya accused Somalia of shelling a border post. Somalia rejected the accusation. "
        "Kenya then demanded an apology."
    )
    assert ("KEN", "SOM", "100") in triples(code(nlp, text))


def test_a_source_agent_with_no_country_takes_the_country_named_before_it(nlp):
    text = "Lithuania has not retaliated, but officials said the government could close the border."
    found = triples(code(nlp, text))
    assert any(a == "LTUGOV" and c == "163" for a, _, c in found), found


def test_a_mediation_offer_with_no_one_named_is_between_the_two_sides(nlp):
    text = (
        "Kenya accused Somalia of shelling a border post. Somalia rejected the accusation. "
        "Turkey, which borders neither, offered to mediate."
    )
    found = triples(code(nlp, text))
    assert {("TUR", "KEN", "039"), ("TUR", "SOM", "039")} <= found


def test_its_opening_a_sentence_continues_the_previous_source(nlp):
    text = (
        "Turkey, which chairs the United Nations panel, offered aid to Kenya. "
        "Its envoy visited Kenya."
    )
    assert ("TURGOV", "KEN", "042") in triples(code(nlp, text))


def test_a_warning_with_a_condition_was_still_made(nlp):
    text = "Iran warned that it would sanction Japan if the talks failed."
    warnings = [e for e in code(nlp, text) if e.event_code.startswith("13")]
    assert warnings and not any(e.is_hypothetical for e in warnings)


def test_force_posture_is_not_aimed_at_ones_own_government(nlp):
    found = triples(code(nlp, "Russia deployed tanks near the border."))
    assert ("RUS", "RUSGOV", "154") not in found and ("RUS", None, "154") in found


def test_country_adjectives_share_the_agent_noun(nlp):
    text = "North Korean and Japanese troops exchanged fire on Friday."
    assert {("PRKMIL", "JPNMIL", "190"), ("JPNMIL", "PRKMIL", "190")} <= triples(code(nlp, text))


def test_a_reduced_relative_participle_is_a_passive_not_the_objects_act(nlp):
    text = "Iran freed a pilot in exchange for a Japanese sailor convicted in Iran of spying."
    found = triples(code(nlp, text))
    assert not any(c.startswith("116") and a == "JPN" for a, _, c in found)
    brokered = triples(code(nlp, "Kenya and Somalia agreed to a truce brokered by Turkey."))
    assert ("TUR", None, "045") in brokered or any(
        a == "TUR" and c == "045" for a, _, c in brokered
    )


def test_a_capitalised_dictionary_word_mid_sentence_is_a_name(nlp):
    found = triples(code(nlp, "Kenya hosted Finance Minister Jane Okafor on Monday."))
    assert not any(c.startswith("071") for _, _, c in found)


def test_a_release_demanded_with_no_holder_named_is_of_the_detainer(nlp):
    text = "Iran arrested Jane Okafor in June. Kenya demanded Jane Okafor's immediate release."
    assert ("KEN", "IRN", "1053") in triples(code(nlp, text))


def test_the_subject_before_stacked_appositions_of_a_passive(nlp):
    text = "Jane Okafor, 54, a Kenyan teacher, was arrested by Iran in June."
    assert any(a == "IRN" and c == "173" for a, _, c in triples(code(nlp, text)))


def test_a_threat_to_a_thing_is_no_threat_to_its_country(nlp):
    text = "Kenya said the floods were threatening 20,000 Japanese jobs."
    assert not any(c.startswith("13") for _, _, c in triples(code(nlp, text)))


def test_a_condemnation_in_an_object_relative_clause_points_at_the_noun(nlp):
    text = "Iran sentenced Jane Okafor to five years, a verdict Kenya condemned as unacceptable."
    assert ("KEN", "IRN", "111") in triples(code(nlp, text))


def test_a_plan_verb_after_its_subject_is_no_content_noun(nlp):
    found = code(nlp, "Japan plans to send more tanks to Ukraine.")
    assert [(e.actor1_code, e.actor2_code, e.event_code, e.is_hypothetical) for e in found] == [
        ("JPN", "UKR", "072", True)
    ]
    assert code(nlp, "Turkey has no plans to send troops to Iran.") == []


def test_refusing_a_cooperative_act_is_a_rejection(nlp):
    assert any(
        c.startswith("12") for _, _, c in triples(code(nlp, "Iran refused to allow inspectors in."))
    )


def test_a_passive_whose_subject_noun_is_a_few_words_back(nlp):
    text = "The attack on the embassy was carried out by North Korea."
    assert any(a == "PRK" and c.startswith("19") for a, _, c in triples(code(nlp, text)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The seizure of the tanker by Iran drew anger in Japan.", ("IRN", None, "1711")),
        ("The expulsion of the diplomats by Russia came later.", ("RUS", None, "166")),
        ("Japan condemned Iran's arrest of the journalist.", ("IRN", None, "173")),
    ],
)
def test_nominal_events_with_an_owner_or_a_by_agent(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_a_participle_opening_the_sentence_has_the_main_subject(nlp):
    text = "After meeting Vladimir Putin, Donald Trump said he would lift sanctions."
    assert ("USAGOV", "RUSGOV", "040") in triples(code(nlp, text))


def test_a_gathering_named_after_an_actor_is_no_target(nlp):
    found = triples(code(nlp, "Russia and Iran met on the sidelines of the United Nations summit."))
    assert not any(t == "IGOUNO" for _, t, _ in found)
    assert ("RUS", "IRN", "040") in found


def test_a_relational_noun_after_a_possessive_is_not_its_owner(nlp):
    assert code(nlp, "Ukraine's allies pledged more weapons.") == []


def test_each_other_makes_a_conflict_mutual(nlp):
    found = triples(code(nlp, "Russia and Iran criticised each other over oil."))
    assert found == {("RUS", "IRN", "111"), ("IRN", "RUS", "111")}


def test_a_compound_noun_subject_acts_for_its_first_word(nlp):
    text = "A North Korean drone strike killed two soldiers in Ukraine."
    assert any(
        a.startswith("PRK") and (t or "").startswith("UKR") for a, t, _ in triples(code(nlp, text))
    )


def test_a_participial_aside_between_subject_and_verb(nlp):
    text = "Japan, backed by the United States, condemned Russia."
    assert triples(code(nlp, text)) >= {("JPN", "RUS", "111")}


def test_the_head_noun_of_an_x_of_y_organisation_stands_for_it(nlp):
    text = "Kenya took Japan to the European Court of Justice. Iran criticised the court."
    assert ("IRN", "IGOEURCOJ", "111") in triples(code(nlp, text))


def test_talks_between_two_sides_are_a_meeting_of_both(nlp):
    found = triples(code(nlp, "Talks between Kenya and Somalia resumed on Monday."))
    assert {("KEN", "SOM", "040"), ("SOM", "KEN", "040")} <= found


def test_an_object_relative_clause_with_a_conjoined_subject(nlp):
    text = "The deal that Kenya and Somalia signed last year has not been ratified."
    assert {("KEN", "SOM", "057"), ("SOM", "KEN", "057")} <= triples(code(nlp, text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan said it was deeply concerned by Iran's role.", ("JPN", "IRN", "012")),
        ("Kenya defended Somalia.", ("KEN", "SOM", "052")),
        ("Turkey warned it would block any deal with Iran.", ("TUR", "IRN", "130")),
    ],
)
def test_concern_defence_and_threats_to_block(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_declining_to_take_part_is_a_rejection(nlp):
    found = triples(code(nlp, "Japan, which was invited, declined to take part."))
    assert any(a == "JPN" and c.startswith("12") for a, _, c in found)


def test_an_agent_phrase_of_two_agent_words_without_a_country(nlp):
    text = "Kenya held a vote in Kenya. The opposition leader, Jane Okafor, rejected the results."
    found = triples(code(nlp, text))
    assert ("KENOPP", "KENGOV", "120") in found


def test_the_streets_of_a_city_are_where_not_whom(nlp):
    text = "Protesters took to the streets of Vilnius and Kursk in Lithuania."
    found = triples(code(nlp, text))
    assert ("LTUOPP", "LTUGOV", "141") in found
    assert not any(t in ("RUS", "LTU") for _, t, _ in found)


def test_a_plural_after_a_name_before_any_preposition_is_a_noun(nlp):
    found = triples(code(nlp, "Russia strikes Iran targets after rocket fire."))
    assert not any(a == "IRN" for a, _, _ in found)


def test_a_hyphen_near_would_is_not_would_be(nlp):
    text = "Kim Jong Un, the Pyongyang-born leader, warned that he would strike Japan."
    warnings = [e for e in code(nlp, text) if e.event_code.startswith("13")]
    assert warnings and not any(e.is_hypothetical for e in warnings)


def test_an_organisations_fighters_act_for_it(nlp):
    text = "Russia said its fighters had attacked a Japanese base."
    assert any(a.startswith("RUS") and c == "190" for a, _, c in triples(code(nlp, text)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia annexed Japanese islands.", ("RUS", "JPN", "192")),
        ("Russia fought Japanese troops.", ("RUS", "JPNMIL", "190")),
        ("Russia withdrew from the treaty with Japan.", ("RUS", "JPN", "160")),
        ("Russia delivered vaccines to Kenya.", ("RUS", "KEN", "073")),
        ("Russia loaned Kenya $1 billion.", ("RUS", "KEN", "071")),
        ("North Korea test-fired a missile over Japan.", ("PRK", "JPN", "195")),
        ("Russia declared a Japanese diplomat persona non grata.", ("RUS", "JPNGOV", "166")),
        ("Japan reimposed sanctions on Iran.", ("JPN", "IRN", "163")),
    ],
)
def test_dictionary_phrases_round_four(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_an_actor_far_after_a_verb_is_no_object_slot(nlp):
    text = "The union said it would fight the closure of the big plant in Kenya."
    assert not any(c.startswith("19") for _, _, c in triples(code(nlp, text)))


def test_fighting_alongside_an_actor_is_not_fighting_it(nlp):
    text = "Japan said North Korean soldiers were fighting alongside Russia."
    assert not any(t == "RUS" for _, t, _ in triples(code(nlp, text)))


def test_after_but_with_no_earlier_event_the_clause_subject_acts(nlp):
    text = "Iran said the vote had been calm but called for full transparency in Kenya."
    assert ("IRN", "KEN", "020") in triples(code(nlp, text))


def test_has_yet_to_negates(nlp):
    assert code(nlp, "Japan has yet to sign the deal with Russia.") == []


def test_calling_it_names_a_reaction_to_the_latest_hostile_act(nlp):
    text = "Japan fined Kenya $30 million on Monday. Kenya called it 'a tax on trade'."
    assert ("KEN", "JPN", "111") in triples(code(nlp, text))
    assert not any(
        c == "111"
        for _, _, c in triples(code(nlp, "Kenya called them on Monday to discuss trade."))
    )


def test_a_statement_condemning_an_act_is_its_issuers_condemnation(nlp):
    text = "Japan and Kenya issued a joint statement condemning North Korea's missile launch."
    found = triples(code(nlp, text))
    assert {("JPN", "PRK", "111"), ("KEN", "PRK", "111")} <= found
    assert ("JPN", "PRK", "057") not in found


def test_an_ing_noun_is_no_event_of_the_clause_subject(nlp):
    text = "Japan and Kenya held drills, drawing a sharp warning from Russia."
    assert not any(c.startswith("13") for _, _, c in triples(code(nlp, text)))


def test_an_owners_decision_to_act_is_its_act(nlp):
    text = "Russia's decision to suspend gas deliveries to Lithuania drew anger."
    assert ("RUS", "LTU", "163") in triples(code(nlp, text))


def test_a_place_in_an_opening_phrase_is_no_co_subject(nlp):
    text = "During his visit to Kenya, Vladimir Putin praised Somalia."
    assert triples(code(nlp, text)) == {("RUSGOV", "SOM", "051")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Japan's prime minister arrived in Kenya on Monday.", ("JPNGOV", "KEN", "042")),
        ("Iran and Turkey resumed diplomatic relations.", ("IRN", "TUR", "054")),
    ],
)
def test_arrivals_and_resumed_relations(nlp, sentence, expected):
    assert expected in triples(code(nlp, sentence))


def test_a_participial_aside_shares_the_main_clauses_target(nlp):
    text = "Japan protested to Russia over oil licences off Kenya, calling the move illegal."
    found = triples(code(nlp, text))
    assert ("JPN", "RUS", "111") in found and ("JPN", "KEN", "111") not in found


def test_rejecting_a_protest_points_at_the_protester(nlp):
    text = "Japan protested to Russia over the licences. Russia rejected the protest."
    assert ("RUS", "JPN", "120") in triples(code(nlp, text))


def test_a_countryless_title_before_a_named_person_is_part_of_the_person(nlp):
    text = "Foreign Minister Vladimir Putin said the plan was sound and urged Japan to talk."
    assert ("RUSGOV", "JPN", "026") in triples(code(nlp, text))


def test_declining_to_take_sides_is_no_rejection(nlp):
    found = triples(code(nlp, "Japan declined to take sides and called for dialogue."))
    assert not any(c.startswith("12") for _, _, c in found)


def test_support_after_a_possessive_is_a_noun(nlp):
    text = "Japan called for an end to North Korea's military support of Russia."
    assert not any(c == "051" for _, _, c in triples(code(nlp, text)))


def test_of_two_patterns_alike_the_one_with_the_nearer_object_wins(nlp):
    text = "Japan called for an end to North Korea's military support of Russia."
    codes = {c for a, _, c in triples(code(nlp, text)) if a == "JPN"}
    assert codes and not any(c.startswith("023") for c in codes)


def test_no_event_of_a_country_on_its_own_unnamed_forces(nlp):
    text = (
        "Russia held talks. Russia met Iran. "
        "Russia's defence minister warned that Russia would respond with full force."
    )
    assert not any(
        a and t and a[:3] == t[:3] for a, t, c in triples(code(nlp, text)) if c.startswith("13")
    )


def test_row_order_does_not_decide_between_patterns_ranked_alike(nlp):
    found = triples(code(nlp, "Iran released a North Korean aid worker."))
    assert ("IRN", "PRKLAB", "0841") in found


def test_the_group_stands_for_the_armed_group_named_before(nlp):
    text = "Japan criticised Hezbollah on Monday. The group later fired rockets at Russia."
    assert ("LBNREBHEZ", "RUS", "195") in triples(code(nlp, text))


# --- round 2: classes seen on unseen news ------------------------------------------------------


def test_an_agent_after_a_possessive_pronoun_is_the_subjects_own(nlp):
    text = "Armenia and Azerbaijan agreed to reopen their embassies after a meeting in Doha."
    found = triples(code(nlp, text))
    assert ("ARM", "AZE", "054") in found and ("AZE", "ARM", "054") in found
    assert not any(t and t.startswith("QAT") for _, t, _ in found)


def test_a_mediator_in_a_reduced_passive_mediates_between_the_sides_acting_before(nlp):
    text = (
        "Armenia and Azerbaijan signed a border accord on Friday after three rounds of talks "
        "in Doha mediated by Qatar."
    )
    found = triples(code(nlp, text))
    assert {("QAT", "ARM", "045"), ("QAT", "AZE", "045")} <= found
    assert ("ARM", "AZE", "057") in found


def test_a_demand_in_a_reduced_passive_is_made_of_the_clause_subject(nlp):
    text = "Kenya has not implemented the reforms requested by the European Union."
    assert any(
        a == "IGOEUREEC" and t == "KEN" and c[:2] in ("02", "10")
        for a, t, c in triples(code(nlp, text))
    )


def test_a_reaction_to_a_thing_points_at_the_maker_named_after_its_participle(nlp):
    text = "Iran rejected the conditions demanded by the United States."
    found = triples(code(nlp, text))
    assert any(a == "IRN" and t == "USA" and c[:2] == "12" for a, t, c in found)
    assert any(a == "USA" and t == "IRN" and c[:2] == "10" for a, t, c in found)


def test_a_response_promised_on_a_condition_is_a_threat_that_was_made(nlp):
    text = "Turkey will “respond decisively” if Iran does not free the crew within a week."
    found = code(nlp, text)
    threats = [e for e in found if e.event_code.startswith("13")]
    assert [(e.actor1_code, e.actor2_code) for e in threats] == [("TUR", "IRN")]
    assert not threats[0].is_hypothetical


def test_a_plain_response_is_no_threat(nlp):
    assert not code(nlp, "Turkey responded to the Iranian note on Monday.")


def test_an_act_not_ruled_out_is_hypothetical_and_one_ruled_out_is_not_coded(nlp):
    possible = code(nlp, "Japan has not ruled out imposing sanctions on Russia.")
    assert [(e.actor1_code, e.actor2_code, e.is_hypothetical) for e in possible] == [
        ("JPN", "RUS", True)
    ]
    excluded = code(nlp, "Japan ruled out imposing sanctions on Russia.")
    assert not any(e.event_code.startswith("16") for e in excluded)


def test_a_condemned_boarding_points_at_the_boarder(nlp):
    text = (
        "Turkey's coast guard boarded and seized an Iranian tanker on Monday. "
        "The boarding was condemned by Iran."
    )
    found = triples(code(nlp, text))
    assert any(a == "IRN" and t and t.startswith("TUR") and c[:2] == "11" for a, t, c in found)


def test_an_appeal_to_the_speakers_own_government_is_no_event(nlp):
    text = "The governor of Kenya's coastal county urged the Kenyan government to speed up aid."
    assert not code(nlp, text)


def test_a_hypothetical_act_with_no_one_acted_on_is_not_coded(nlp):
    assert not code(nlp, "If Japan backs down now, every captain in the region will notice.")


def test_an_act_of_an_agent_with_no_country_and_no_target_is_not_coded(nlp):
    assert not code(nlp, "Police opened a criminal investigation into the attack on Monday.")


def test_two_sides_saying_they_would_coordinate_are_coded_each_way(nlp):
    text = "Kenya and Somalia said they would coordinate their positions at the talks."
    found = code(nlp, text)
    assert {(e.actor1_code, e.actor2_code) for e in found} >= {("KEN", "SOM"), ("SOM", "KEN")}


def test_troops_sent_to_the_senders_own_region_are_a_deployment_not_aid(nlp):
    found = triples(code(nlp, "Russia sent 3,000 more soldiers to Kursk on Friday."))
    assert ("RUS", None, "154") in found
    assert not any(c.startswith("07") for _, _, c in found)
    assert ("JPN", "KEN", "072") in triples(code(nlp, "Japan sent troops to Kenya."))


def test_readiness_for_a_cooperative_act_is_an_intent_that_was_expressed(nlp):
    found = code(nlp, "Kenya is willing to meet Somalia next week.")
    assert [(e.actor1_code, e.actor2_code, e.event_code, e.is_hypothetical) for e in found] == [
        ("KEN", "SOM", "036", False)
    ]


def test_readiness_in_a_story_about_two_sides_is_towards_the_other(nlp):
    text = (
        "Kenya and Somalia restored ties. Somalia accused Kenya of spying. "
        "Kenya said it was ready to expand trade and reopen the border."
    )
    found = triples(code(nlp, text))
    assert any(a == "KEN" and t == "SOM" and c.startswith("03") for a, t, c in found)


def test_being_critical_of_an_actor_criticises_it(nlp):
    found = triples(code(nlp, "Japan was sharply critical of Russia on Monday."))
    assert ("JPN", "RUS", "111") in found


def test_criticism_drawn_from_an_actor_is_its_criticism_of_the_subjects_owner(nlp):
    found = triples(code(nlp, "Russia's veto drew sharp criticism from Japan."))
    assert ("JPN", "RUS", "111") in found


def test_a_move_that_drew_criticism_points_at_the_act_reported_before_it(nlp):
    text = "Iran seized a Kenyan tanker on Monday, a move that drew swift condemnation from Japan."
    found = triples(code(nlp, text))
    assert any(a == "JPN" and t == "IRN" and c[:2] == "11" for a, t, c in found)


def test_a_threat_to_act_on_an_actors_goods_threatens_the_actor(nlp):
    text = "The United States threatened to impose tariffs on Japanese steel."
    assert any(
        a == "USA" and t == "JPN" and c.startswith("13") for a, t, c in triples(code(nlp, text))
    )


def test_a_name_before_a_place_noun_is_where_not_whom(nlp):
    found = triples(code(nlp, "Russia sent troops to the Kursk region on Friday."))
    assert ("RUS", None, "154") in found


def test_an_appeal_to_people_named_by_a_noun_guesses_no_country(nlp):
    text = "Kenya and Somalia clashed. Japan urged exporters to cut their prices."
    assert ("JPN", None, "020") in triples(code(nlp, text))


def test_two_actors_exchanging_accusations_accuse_each_other(nlp):
    found = triples(code(nlp, "Kenya and Somalia exchanged accusations over the raid."))
    assert {("KEN", "SOM", "112"), ("SOM", "KEN", "112")} <= found


def test_a_protest_after_an_actors_act_is_aimed_at_that_actor(nlp):
    text = "Japan lodged a protest on Friday after Russia's navy entered its waters."
    found = triples(code(nlp, text))
    assert any(a == "JPN" and t and t.startswith("RUS") and c[:2] == "11" for a, t, c in found)


def test_a_sea_named_after_a_country_is_a_place_not_a_target(nlp):
    text = "North Korean and Japanese warships held joint exercises in the Sea of Japan."
    found = triples(code(nlp, text))
    assert {("PRKMIL", "JPNMIL", "062"), ("JPNMIL", "PRKMIL", "062")} <= found


def test_an_actors_plain_noun_after_a_reporting_verb_acts_for_it(nlp):
    found = triples(code(nlp, "Kenya said North Korean drones struck Somalia overnight."))
    assert any(a and a.startswith("PRK") and t == "SOM" and c[:2] == "19" for a, t, c in found)


def test_a_passive_reaction_to_an_actors_act_points_at_the_actor_not_the_acts_object(nlp):
    text = "Russia's expulsion of two Ukrainian diplomats was condemned by Japan."
    found = triples(code(nlp, text))
    assert any(a == "JPN" and t == "RUS" and c[:2] == "11" for a, t, c in found)
    assert not any(a == "JPN" and t and t.startswith("UKR") for a, t, _ in found)


def test_a_pact_signed_by_two_actors_in_the_passive_is_with_each_other(nlp):
    found = triples(code(nlp, "The accord was signed by Kenya and Somalia on Monday."))
    assert {("KEN", "SOM", "057"), ("SOM", "KEN", "057")} <= found


def test_a_mediation_by_two_actors_in_the_passive_is_not_between_them(nlp):
    found = triples(code(nlp, "The truce was brokered by Turkey and Japan."))
    assert not any(a and t and {a, t} == {"TUR", "JPN"} for a, t, _ in found)


def test_an_irregular_participle_with_a_by_agent_is_passive(nlp):
    found = triples(code(nlp, "Iran was hit with new sanctions by the United States."))
    assert ("USA", "IRN", "163") in found


def test_the_actor_a_causative_verb_moves_to_act_is_the_acts_subject(nlp):
    text = "Japan imposed tariffs on Russian steel, prompting Moscow to ban Japanese seafood."
    found = triples(code(nlp, text))
    assert any(a and a.startswith("RUS") and t == "JPN" and c.startswith("16") for a, t, c in found)


def test_an_infinitive_of_purpose_after_a_destination_keeps_the_main_subject(nlp):
    found = triples(code(nlp, "Kenya deployed troops to southern Somalia to fight Hezbollah."))
    assert any(a == "KEN" and t == "LBNREBHEZ" and c.startswith("19") for a, t, c in found)


def test_a_response_by_an_act_is_coded_as_that_act_of_the_responder(nlp):
    found = triples(code(nlp, "Japan retaliated by banning imports of Russian seafood."))
    assert [c for a, _, c in found if a == "JPN"] == ["163"]
    hypothetical = code(nlp, "Japan could respond by suspending flights to Russia.")
    assert [(e.actor1_code, e.event_code, e.is_hypothetical) for e in hypothetical] == [
        ("JPN", "163", True)
    ]


def test_the_bloc_acting_or_owning_stands_for_the_body_named_before(nlp):
    text = (
        "The European Union criticised Russia on Monday. "
        "The bloc's foreign ministers will discuss new sanctions against Russia in Kenya."
    )
    found = code(nlp, text)
    assert any(
        e.actor1_code == "IGOEUREEC" and e.actor2_code == "RUS" and e.is_hypothetical
        for e in found
        if e.event_text.startswith("discuss")
    )
    assert not any(e.actor1_code.startswith("KEN") for e in found)


def test_an_agent_word_modifying_the_object_is_no_target(nlp):
    found = triples(code(nlp, "Kenya cut military ties with Japan last year."))
    assert ("KEN", "JPN", "161") in found


def test_police_officers_sent_to_a_country_are_a_protection_mission(nlp):
    found = triples(code(nlp, "Kenya sent 1,000 police officers to Somalia."))
    assert ("KEN", "SOM", "074") in found


def test_receiving_a_delegation_is_hosting_a_visit(nlp):
    found = triples(code(nlp, "Kenya's president received a delegation from Somalia on Monday."))
    assert any(
        a and a.startswith("KEN") and t and t.startswith("SOM") and c == "043" for a, t, c in found
    )


def test_talks_said_to_be_stalled_are_not_a_meeting():
    assert real_triples("Talks between Kenya and Somalia remain stalled.") == set()
    assert ("KEN", "SOM", "040") in real_triples("Talks between Kenya and Somalia resumed.")


def test_a_modifier_after_and_still_joins_two_subjects():
    found = real_triples(
        "Sudan's army and the rival Rapid Support Forces signed a truce in Jeddah."
    )
    assert {("SDNMIL", "SDNREB", "0871"), ("SDNREB", "SDNMIL", "0871")} <= found


def test_both_sides_of_a_civil_war_are_the_two_armed_sides():
    text = (
        "Sudan's army and the rival Rapid Support Forces signed a truce in Jeddah. "
        "Qatar urged both sides to 'respect the truce'."
    )
    found = real_triples(text)
    assert {("QAT", "SDNMIL", "0256"), ("QAT", "SDNREB", "0256")} <= found
    assert not any(c.startswith("087") and s == "QAT" for s, _, c in found)  # quoted content


def test_passive_reaction_by_two_agents_answers_the_announced_act():
    text = (
        "Kenya and Somalia agreed to reopen their border. "
        "The announcement was warmly welcomed by Britain and France."
    )
    found = real_triples(text)
    assert {("GBR", "KEN", "051"), ("FRA", "SOM", "051")} <= found
    assert ("GBR", "FRA", "051") not in found


def test_an_adverb_between_auxiliary_and_participle_keeps_the_passive():
    text = (
        "Russia expelled two Estonian diplomats on Monday. "
        "The expulsions were swiftly condemned by Latvia."
    )
    assert ("LVA", "RUS", "111") in real_triples(text)


def test_co_hosts_and_co_offerers_do_not_act_on_each_other():
    found = real_triples(
        "Qatar and Egypt, which hosted the talks, offered to send monitors to Gaza."
    )
    assert not any({s, t} == {"QAT", "EGY"} for s, t, _ in found)
    agreed = real_triples("Qatar and Egypt agreed to hold talks.")
    assert ("QAT", "EGY", "036") in agreed  # agreeing is still with each other


def test_what_an_accusation_alleges_is_not_coded_as_done():
    found = real_triples(
        "Ukraine accused Russia of shelling a hospital in Kharkiv, killing four people."
    )
    assert found == {("UKR", "RUS", "112")}
    own_act = real_triples("Russia accused Ukraine of lying and fired missiles at Kyiv.")
    assert any(s == "RUS" and t.startswith("UKR") and c == "195" for s, t, c in own_act)


def test_boarding_a_vessel_and_holding_its_crew():
    found = real_triples(
        "Iranian commandos boarded a Greek tanker in the Gulf of Oman and held its crew."
    )
    assert {("IRNMIL", "GRC", "171"), ("IRNMIL", "GRC", "173")} <= found


def test_the_authorities_in_a_capital_are_its_government():
    found = real_triples("Officials in Kyiv condemned Russia.")
    assert ("UKRGOV", "RUS", "111") in found


def test_an_ambassador_recalled_from_a_capital_targets_its_country():
    found = real_triples("Peru recalled its ambassador in Caracas on Tuesday.")
    assert any(s == "PER" and t and t.startswith("VEN") and c == "161" for s, t, c in found)


def test_a_name_set_off_by_commas_after_a_long_role_phrase_is_the_subject():
    text = (
        "The European Union's special envoy for the Horn of Africa, Mariam Osei, "
        "urged Ethiopia to withdraw its troops."
    )
    assert ("IGOEUREEC", "ETH", "0256") in real_triples(text)


def test_agents_sent_and_speakers_named_after_the_verb_are_not_its_target():
    text = (
        "Kenya and Somalia agreed to send delegations to peace talks in the Ethiopian capital "
        "next month, African Union and IGAD mediators said."
    )
    assert real_triples(text) == {("KEN", "SOM", "036"), ("SOM", "KEN", "036")}


def test_a_package_of_sanctions_is_no_aid_package():
    assert ("CAN", "BLR", "163") in real_triples(
        "Canada adopted a fresh package of sanctions against Belarus."
    )


def test_measures_imposed_on_a_country_firms_are_sanctions():
    found = real_triples("Japan may impose retaliatory measures on three Chinese firms.")
    assert any(s == "JPN" and t.startswith("CHN") and c == "163" for s, t, c in found)


def test_duties_on_goods_imported_from_a_country_target_it():
    assert ("MEX", "BRA", "163") in real_triples(
        "Mexico imposed duties on steel imported from Brazil."
    )


def test_a_plural_noun_after_a_name_before_a_full_stop_is_no_verb():
    assert real_triples("Thank you, NATO allies.") == set()


def test_delegates_meeting_in_a_capital_act_in_the_main_clause():
    text = (
        "Arab League envoys meeting in Cairo on Sunday may approve a new round of sanctions "
        "against Syria."
    )
    found = real_triples(text)
    assert ("IGOMEAARL", "SYR", "163") in found
    assert not any(s.startswith("EGY") or c.startswith("04") for s, _, c in found)


def test_force_with_no_target_named_falls_on_the_place_it_hits():
    found = real_triples("Azerbaijani troops fired on a village in Armenia.")
    assert ("AZEMIL", "ARM", "190") in found


def test_a_participle_after_the_object_of_a_preposition_describes_the_noun():
    text = "EU ministers may approve a package of sanctions against Russia targeting its gas."
    found = real_triples(text)
    assert not any(s.startswith("RUS") for s, _, _ in found)


def test_force_with_no_target_named_falls_on_the_country_of_the_story():
    found = real_triples(
        "Fighting in Ukraine intensified on Monday. Russia launched 90 drones overnight."
    )
    assert ("RUS", "UKR", "195") in found
    domestic = real_triples("Sudan's army shelled El Fasher on Monday.")
    assert domestic and all(t is None or t.startswith("SDN") for _, t, _ in domestic)


def test_a_second_participle_after_and_continues_the_passive():
    text = (
        "An American reporter, Jon Avery, was detained by Russia's security service "
        "in March and convicted of espionage in July."
    )
    found = real_triples(text)
    assert {c for s, t, c in found if s.startswith("RUS") and t and t.startswith("USA")} >= {
        "173",
        "116",
    }


def test_welcoming_the_deal_answers_the_exchange_it_names():
    text = "Russia and the United States exchanged four prisoners. Britain welcomed the deal."
    found = real_triples(text)
    assert any(s == "GBR" and t in ("RUS", "USA") and c == "051" for s, t, c in found)


def test_nobody_as_subject_negates_the_act():
    assert real_triples("Nobody is sending troops into Chad, Niger or Mali.") == set()


def test_unidentified_gunmen_are_an_armed_force_placed_where_they_strike():
    found = real_triples("Masked gunmen attacked a police station in northern Kosovo on Sunday.")
    assert ("KSVUAF", "KSVCOP", "190") in found


def test_a_country_adjective_before_a_plain_noun_subject_acts():
    found = real_triples("Israeli aircraft struck targets in southern Lebanon overnight.")
    assert ("ISR", "LBN", "190") in found


def test_their_after_two_subjects_keeps_the_act_mutual():
    found = real_triples("India and China agreed to pull back troops along their border.")
    assert {("IND", "CHN", "030"), ("CHN", "IND", "030")} <= found


def test_a_reaction_to_a_happening_in_a_country_is_aimed_at_it():
    assert ("IGOUNO", "NER", "111") in real_triples(
        "The United Nations Security Council condemned the coup in Niger."
    )


def test_a_suspended_member_is_the_target_of_reduced_relations():
    assert ("IGOAFRAFU", "GAB", "160") in real_triples(
        "The African Union suspended Gabon after the military takeover."
    )
    assert ("RUS", "JPN", "164") in real_triples("Russia suspended talks with Japan.")


def test_an_actor_prompted_to_react_reacts_to_the_prompter():
    text = "The EU imposed duties on Chinese steel, prompting Beijing to threaten retaliation."
    found = real_triples(text)
    assert ("CHNGOV", "IGOEUREEC", "138") in found


def test_hosting_weapons_is_military_cooperation_not_a_visit():
    found = real_triples("Belarus is expected to host Russian tactical nuclear weapons.")
    assert ("BLR", "RUS", "062") in found
    assert not any(c.startswith("043") for _, _, c in found)


def test_a_deal_signed_by_two_named_ministers_is_mutual_and_welcomed_for_both():
    text = (
        "The deal was signed in Arusha by Kenya's foreign minister, Grace Otieno, and her "
        "Tanzanian counterpart, Juma Mwinyi. Uganda welcomed the agreement."
    )
    found = real_triples(text)
    assert {("KENGOV", "TZAGOV", "057"), ("TZAGOV", "KENGOV", "057")} <= found
    assert {("UGA", "KENGOV", "051"), ("UGA", "TZAGOV", "051")} <= found
    assert not any(s == t for s, t, _ in found)


def test_lifting_tariffs_targets_whom_they_were_imposed_on():
    text = "Kenya imposed tariffs on Tanzanian maize. Kenya would lift the tariffs within 30 days."
    assert ("KEN", "TZA", "085") in real_triples(text)


def test_reactions_to_an_investigation_of_imports_from_a_country():
    text = (
        "The European Union opened an investigation into steel imported from India, drawing an "
        "angry response from New Delhi. India's trade ministry called the probe 'unfair'. "
        "Brazil criticised the move. Spain and Italy backed the investigation."
    )
    found = real_triples(text)
    assert ("IGOEUREEC", "IND", "090") in found
    assert any(s.startswith("IND") and t == "IGOEUREEC" and c == "111" for s, t, c in found)
    assert ("BRA", "IGOEUREEC", "111") in found  # the move: the act, not India's reaction
    assert {("ESP", "IGOEUREEC", "051"), ("ITA", "IGOEUREEC", "051")} <= found


def test_what_a_proposal_from_named_states_would_do_is_not_coded():
    text = "Ministers debated a proposal from Estonia and Latvia to expel Russian diplomats."
    assert not any(c.startswith("166") for _, _, c in real_triples(text))


def test_concern_over_an_act_is_aimed_at_its_actor():
    text = (
        "Zimbabwe's police arrested 30 opposition activists in Harare on Saturday. "
        "Britain expressed concern over the arrests."
    )
    found = real_triples(text)
    assert ("GBR", "ZWECOP", "012") in found


def test_the_party_is_the_political_party_named_before():
    text = (
        "Police in Harare arrested 30 activists of the Citizens Coalition for Change. "
        "The party accused Zimbabwe's government of trying to silence dissent."
    )
    found = real_triples(text)
    assert any(s.startswith("ZWE") and t == "ZWEGOV" and c == "112" for s, t, c in found)


def test_an_apposition_about_another_country_does_not_replace_the_subject():
    text = (
        "The Philippines and Japan signed a defence pact on Monday. Tokyo pledged to supply "
        "five patrol boats. The United States, a treaty ally of Manila, welcomed the pact."
    )
    found = real_triples(text)
    assert {("USA", "PHL", "051"), ("USA", "JPN", "051")} <= found
    assert not any(s.startswith("PHL") and c == "051" for s, _, c in found)


def test_refusing_to_lift_a_ban_is_refusing_to_ease_sanctions():
    assert ("JPN", "CHN", "1244") in real_triples(
        "Japan refused to lift its ban on Chinese seafood imports."
    )


def test_an_announced_delivery_reaches_its_recipient_past_that():
    found = real_triples(
        "Germany announced on Wednesday that it would deliver 50 tanks to Ukraine."
    )
    assert any(s == "DEU" and t == "UKR" and c.startswith("03") for s, t, c in found)


def test_criticism_drawn_by_a_move_is_aimed_at_whoever_made_it():
    text = (
        "Oil prices jumped on Monday after OPEC+ agreed to cut production, a surprise move "
        "that drew swift criticism from Washington."
    )
    found = real_triples(text)
    assert any(
        s.startswith("USA") and t.startswith("IGOBUSOPC") and c == "111" for s, t, c in found
    )
    assert not any(s.startswith("IGOBUSOPC") and t and t.startswith("USA") for s, t, _ in found)


def test_a_rebel_group_named_as_an_army_is_rebels():
    text = (
        "Colombia's government and the National Liberation Army rebel group agreed on "
        "Saturday to extend a ceasefire."
    )
    found = real_triples(text)
    assert {("COLGOV", "COLREB", "0871"), ("COLREB", "COLGOV", "0871")} <= found


def test_reactions_to_a_meeting_are_aimed_at_both_who_met():
    text = (
        "Greek Prime Minister Nikos Andreou met Turkish President Kemal Aydin in Ankara on "
        "Thursday. The Cypriot government criticised the meeting. "
        "The European Commission welcomed the talks."
    )
    found = real_triples(text)
    assert {("CYPGOV", "GRCGOV", "111"), ("CYPGOV", "TURGOV", "111")} <= found
    assert {("IGOEUREEC", "GRCGOV", "051"), ("IGOEUREEC", "TURGOV", "051")} <= found


def test_a_possessive_after_and_is_no_gapped_donor():
    found = real_triples("France and Germany called on Iran to release the ship and its 23 crew.")
    assert {("FRA", "IRN", "020"), ("DEU", "IRN", "020")} <= found
    assert not any(s.startswith("IRN") for s, _, _ in found)


def test_a_verb_in_quotation_marks_keeps_its_subject_and_object():
    found = real_triples('A spokesperson said Washington "strongly condemns" Russia\'s attacks.')
    assert ("USAGOV", "RUS", "111") in found
    text = (
        "The European Union imposed tariffs on Chinese wind turbines. Huaxin said in a "
        "statement that it 'deeply regretted' the decision."
    )
    assert any(t == "IGOEUREEC" and c == "110" for _, t, c in real_triples(text))


def test_quick_to_condemn_is_a_condemnation():
    assert ("FRA", None, "111") in real_triples("France was quick to condemn the attack.")


def test_anger_at_a_decision_is_disapproval_of_its_maker():
    assert ("RUS", "FIN", "110") in real_triples(
        "Russia is angry at Finland's decision to join NATO."
    )


def test_protesters_marching_through_a_capital_are_that_country_s():
    text = "Thousands of protesters marched through Belgrade on Saturday against the government."
    assert ("SRBOPP", "SRBGOV", "141") in real_triples(text)


def test_speakers_after_a_comma_are_not_conjoined_targets():
    text = "A Turkish drone strike killed three fighters in northern Iraq, local officials said."
    found = real_triples(text)
    assert not any(t and t.endswith("GOV") for _, t, _ in found)


def test_coming_under_fire_from_forces_is_their_attack():
    found = real_triples("The convoy came under fire from Russian forces near Kherson.")
    assert any(s == "RUSMIL" and c == "190" for s, _, c in found)


def test_a_decision_that_angered_a_country_is_its_disapproval():
    assert ("KEN", "TZA", "110") in real_triples(
        "Tanzania's decision to close its border angered Kenya."
    )


def test_the_leader_of_a_coalition_acts_for_it():
    found = real_triples("The Saudi-led coalition carried out air strikes on Houthi positions.")
    assert any(s == "SAU" and c == "195" for s, _, c in found)


def test_a_truce_brokered_by_a_named_state_is_its_mediation_and_the_sides_agreement():
    found = real_triples("An Egyptian-brokered truce between Israel and Hamas took effect at dawn.")
    assert ("EGY", "ISR", "045") in found
    agreed = real_triples("Israel and Hamas agreed to an Egyptian-brokered truce.")
    assert ("ISR", "PSEREBHMS", "0871") in agreed
    assert not any(t == "EGY" for _, t, _ in agreed)


def test_trying_to_agree_is_not_yet_an_agreement():
    found = real_events("Vietnam is trying to agree a code of conduct with China.")
    assert found and all(e.is_hypothetical for e in found)


def test_the_two_countries_before_an_uninflected_verb_are_its_subject():
    text = (
        "Morocco and Algeria have long been at odds over Western Sahara, and Rabat and "
        "Algiers trade barbs often. The two countries cut diplomatic ties in 2021."
    )
    found = real_triples(text)
    assert {("MAR", "DZA", "161"), ("DZA", "MAR", "161")} <= {
        (s[:3], t[:3] if t else t, c) for s, t, c in found
    }


def test_both_sides_are_the_story_s_two_sides_before_a_visit_destination():
    text = (
        "Armenia accused Azerbaijan of shelling a village on Monday. Azerbaijan denied it. "
        "Armenia's foreign minister will travel to Switzerland for talks. "
        "Moscow called on both sides to show restraint."
    )
    found = real_triples(text)
    assert {("RUSGOV", "ARM", "020"), ("RUSGOV", "AZE", "020")} <= found
    assert not any(t == "CHE" and c == "020" for _, t, c in found)


def test_welcoming_a_deal_one_s_own_country_made_is_aimed_at_the_other_party():
    text = (
        "The United States and Russia swapped six prisoners in Abu Dhabi on Friday. "
        "Senator Ann Hale welcomed the deal."
    )
    assert ("USALEG", "RUS", "051") in real_triples(text)


def test_a_possessive_is_no_actor_slot_and_far_objects_are_reached():
    assert ("IGOEUREEC", "KSV", "162") in real_triples("The EU may suspend its funding for Kosovo.")
    text = "The EU may suspend some of its 150 million euros in annual funding for Kosovo."
    assert ("IGOEUREEC", "KSV", "162") in real_triples(text)


def test_it_after_a_second_reaction_is_what_the_first_reacted_to():
    text = "Sudan's government welcomed Russia's move, while the RSF condemned it."
    found = real_triples(text)
    assert ("SDNGOV", "RUS", "051") in found
    assert any(s.startswith("SDN") and t == "RUS" and c == "111" for s, t, c in found)


def test_a_coordinated_act_with_no_target_shares_the_first_act_s():
    text = "Egypt pledged military support to Mogadishu and sent two ships carrying weapons."
    found = real_triples(text)
    assert ("EGY", "SOMGOV", "0332") in found
    assert any(s == "EGY" and t == "SOMGOV" and c != "0332" for s, t, c in found)
    assert not any(c.startswith("05") for _, _, c in found)  # "support" is part of the pledge


def test_a_role_after_the_stands_for_the_person_named_with_it():
    text = (
        "Indian Foreign Minister Arjun Rao arrived in Dhaka on Monday. The minister met his "
        "Bangladeshi counterpart, Farida Akhter. He also invited Bangladesh's chief adviser to "
        "visit New Delhi."
    )
    found = real_triples(text)
    assert ("INDGOV", "BGDGOV", "040") in found
    assert any(s == "INDGOV" and t.startswith("BGD") and c == "036" for s, t, c in found)


def test_what_a_country_must_stop_doing_is_not_coded():
    text = "The Indian diplomat said Islamabad must stop supporting militant groups."
    assert not any(c.startswith("05") for _, _, c in real_triples(text))


def test_an_investigation_with_no_one_investigated_is_no_event():
    assert real_triples("Norwegian police opened a criminal investigation on Monday.") == set()


def test_a_response_promised_to_any_attempt_by_a_state_threatens_it():
    text = "Ankara would respond in kind to any attempt by Athens to involve the EU."
    assert ("TURGOV", "GRCGOV", "130") in real_triples(text)


def test_measures_promised_if_another_state_acts_are_a_threat():
    text = "Moscow would take appropriate measures if Kyiv kept launching drones from its ports."
    assert ("RUSGOV", "UKRGOV", "138") in real_triples(text)


def test_withholding_money_reduces_aid():
    found = real_events("Washington would withhold part of the money if the mission failed.")
    assert [(e.actor1_code, e.event_code, e.is_hypothetical) for e in found] == [
        ("USAGOV", "162", True)
    ]


def test_a_dispute_filed_at_a_body_is_against_the_state_named_not_the_body():
    found = real_triples("The EU launched a formal WTO dispute against the United States.")
    assert ("IGOEUREEC", "USA", "115") in found


def test_calling_up_reservists_mobilises_and_deploying_troops_is_no_cooperation():
    found = real_triples("Eritrea has called up reservists and deployed troops along the border.")
    assert any(s == "ERI" and c == "154" for s, _, c in found)
    assert not any(c.startswith("06") for _, _, c in found)


def test_soldiers_who_crossed_into_a_country_and_took_over_a_post_occupy_it():
    text = (
        "Chile's government said about 40 Peruvian soldiers crossed into Bolivia and briefly "
        "took over a border post."
    )
    assert ("PERMIL", "BOL", "192") in real_triples(text)


def test_a_second_by_agent_is_a_second_source():
    found = real_triples("The shelling was condemned by Washington and by the African Union.")
    assert {"USAGOV", "IGOAFRAFU"} <= {s for s, _, c in found if c == "111"}


def test_sanctions_on_banks_in_a_country_are_aimed_at_it_and_co_sanctioners_not_at_each_other():
    text = "Britain and Canada last week imposed sanctions on two state-owned banks in Belarus."
    assert real_triples(text) == {("GBR", "BLR", "163"), ("CAN", "BLR", "163")}


def test_funding_an_aid_corridor_into_a_country_is_aid_to_it():
    text = (
        "Norway and Denmark said on Tuesday they would jointly fund a new aid corridor into Sudan."
    )
    found = real_triples(text)
    assert any(s == "NOR" and t == "SDN" and c.startswith("07") for s, t, c in found)


def test_the_ministry_is_the_country_whose_ministry_was_named():
    text = (
        "Turkey's defence ministry said the Greek deployment was illegal. "
        "The ministry accused Greece of militarising islands near its coast."
    )
    assert ("TURGOV", "GRC", "112") in real_triples(text)


def test_a_reaction_to_arrests_by_a_force_is_aimed_at_that_force():
    text = 'Spain said it "firmly condemns" the arrests of the two activists by Moroccan police.'
    assert ("ESP", "MARCOP", "111") in real_triples(text)


def test_supplies_of_electricity_and_food_are_aid():
    assert ("POL", "LTU", "033") in real_triples(
        "Poland offered to send emergency electricity supplies to Lithuania."
    )
    assert ("KEN", "SOM", "073") in real_triples("Kenya delivered food to Somalia on Monday.")


def test_police_forcing_their_way_into_an_embassy_and_the_condemnations():
    text = (
        "Bolivian riot police forced their way into Peru's embassy in La Paz on Friday night. "
        "Her ministry gave Bolivia's diplomats in Lima 72 hours to leave the country. "
        "Argentina and Chile condemned the raid."
    )
    found = real_triples(text)
    assert ("BOLCOP", "PERGOV", "171") in found
    assert {("ARG", "BOLCOP", "111"), ("CHL", "BOLCOP", "111")} <= found
    armed = real_triples("The armed forces of Chad fired on Sudanese troops.")
    assert ("TCDMIL", "SDNMIL", "190") in armed  # "armed forces" is still one agent phrase


def test_an_ultimatum_to_diplomats_is_an_expulsion():
    found = real_triples("Peru gave Bolivia's diplomats in Lima 72 hours to leave the country.")
    assert any(s == "PER" and t.startswith("BOL") and c == "166" for s, t, c in found)


def test_a_threat_whose_clause_names_the_threatener_is_not_aimed_at_it():
    text = (
        "A military spokeswoman warned that Pakistan would strike again if the attacks continued."
    )
    assert not any(s[:3] == "PAK" and t and t[:3] == "PAK" for s, t, _ in real_triples(text))


def test_a_participle_before_the_object_noun_is_an_adjective():
    found = real_events("The EU may impose targeted sanctions on Russian officials.")
    assert [(e.actor1_code, e.actor2_code, e.event_code) for e in found] == [
        ("IGOEUREEC", "RUSGOV", "163")
    ]
    drone = real_triples("A North Korean drone strike killed two soldiers in Ukraine.")
    assert any(s.startswith("PRK") and (t or "").startswith("UKR") for s, t, _ in drone)


def test_suspending_co_operation_and_standing_in_solidarity():
    suspend = "Jakarta may suspend co-operation with Canberra if the practice continued."
    assert ("IDNGOV", "AUSGOV", "160") in real_triples(suspend)
    solidarity = "The EU stood in full solidarity with Lithuania."
    assert ("IGOEUREEC", "LTU", "051") in real_triples(solidarity)


def test_a_reaction_to_an_act_the_dictionary_does_not_code_finds_who_did_it():
    text = (
        "Bosnian Serb lawmakers voted on Sunday to hold a referendum on secession. "
        "The vote was condemned by Zagreb and Ljubljana."
    )
    found = real_triples(text)
    assert {("HRVGOV", "BIH", "111"), ("SVNGOV", "BIH", "111")} <= found
