"""Quotation finding and speaker attribution, one test per pattern news writing uses.

Entities here are given by hand (name, type, surface forms) so each test pins the quote rules
alone; the seed test at the end runs the real entity layer.
"""

from __future__ import annotations

import html
import re

from wirehouse.coref import resolve_pronoun, resolve_role
from wirehouse.model import Entity, Mention, Quote
from wirehouse.quotes import find_quote_spans, find_quotes

PEOPLE = {
    "Donald Trump": ("Trump",),
    "Vladimir Putin": ("Putin",),
    "Kim Jong Un": (),
    "Helena Rocha": ("Rocha",),
    "Sergei Lavrov": ("Lavrov",),
    "Pedro Alves": ("Alves",),
    "Ursula von der Leyen": ("von der Leyen",),
    "Mark Rutte": ("Rutte",),
    "Elon Musk": ("Musk",),
    "Losana Teleni": (),
    "Henrik Solberg": ("Solberg",),
    "Vincent Garnier": ("Garnier",),
    "Nomvula Dlamini": ("Dlamini",),
    "Andrius Vaitkus": ("Vaitkus",),
    "Nino Beridze": ("Beridze",),
    "Irakli Gogua": ("Gogua",),
    "Kofi Mensah": ("Mensah",),
    "Anna Lindgren": ("Lindgren",),
    "Maria Holt": ("Holt",),
    "Peter Szabo": ("Szabo",),
    "Olena Marchenko": ("Marchenko",),
}
GROUPS = {
    "United States": ("GPE", ("US",)),
    "North Korea": ("GPE", ("Pyongyang",)),
    "Russia": ("GPE", ("Moscow",)),
    "State Department": ("ORG", ()),
    "NATO": ("ORG", ()),
    "European Commission": ("ORG", ()),
    "IG Metall": ("ORG", ()),
    "Tuvalu": ("GPE", ()),
    "Saudi Arabia": ("GPE", ()),
    "Belarus": ("GPE", ("Minsk",)),
    "ICES": ("ORG", ()),
    "United Kingdom": ("GPE", ("UK",)),
    "Ghana": ("GPE", ()),
    "Hungary": ("GPE", ()),
    "Ukraine": ("GPE", ("Kyiv",)),
    "Baltic Sea": ("LOC", ()),
    "NASA": ("ORG", ()),
    "European Space Agency": ("ORG", ()),
    "Central Bank of Chile": ("ORG", ()),
    "National Statistics Institute": ("ORG", ()),
}


def known(text: str) -> tuple[list[Entity], list[Mention]]:
    """Entities and their mentions in text, longest surface form first (a test double)."""
    entities: list[Entity] = []
    found: list[Mention] = []
    table = [(n, "PERSON", s) for n, s in PEOPLE.items()]
    table += [(n, t, s) for n, (t, s) in GROUPS.items()]
    for name, kind, surfaces in table:
        entity = Entity(name.lower().replace(" ", "-"), name, kind)
        entities.append(entity)
        for surface in (name, *surfaces):
            for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
                found.append(Mention(entity.entity_id, surface, match.start(), match.end()))
    for match in re.finditer(r"\bNorwegian\b", text):  # a demonym mention, as the layer gives
        found.append(Mention("norway", "Norwegian", match.start(), match.end(), kind="demonym"))
    entities.append(Entity("norway", "Norway", "GPE"))
    found.sort(key=lambda m: (m.start_char, -m.end_char))
    mentions: list[Mention] = []
    for mention in found:
        if not mentions or mention.start_char >= mentions[-1].end_char:
            mentions.append(mention)
    return entities, mentions


def quotes_of(text: str) -> list[Quote]:
    quotes = find_quotes(text, *known(text))
    for quote in quotes:
        assert text[quote.start_char : quote.end_char] == quote.text
    return quotes


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes_of(text) if not q.is_scare_quote]


def test_straight_double_quotes_speaker_after_verb():
    text = 'Talks went on all night. "We are close to a deal," Trump said on Tuesday.'
    assert said(text) == [("We are close to a deal,", "Donald Trump")]


def test_curly_double_quotes_speaker_before_verb():
    text = "Putin said: “Russia will not back down.” The talks ended."
    assert said(text) == [("Russia will not back down.", "Vladimir Putin")]


def test_guillemets():
    text = "Lavrov told reporters: «The West has chosen escalation.»\n\nHe left early."
    assert said(text) == [("The West has chosen escalation.", "Sergei Lavrov")]


def test_british_single_quotes_are_not_confused_with_apostrophes():
    text = (
        "The farmers’ union met in Moscow. ‘It doesn’t matter what Russia’s rivals say about "
        "the ’90s, the fishermen’s debts are real,’ Rocha said. Rocha’s aides didn’t comment."
    )
    assert said(text) == [
        (
            "It doesn’t matter what Russia’s rivals say about the ’90s, the fishermen’s debts "
            "are real,",
            "Helena Rocha",
        )
    ]
    straight = "Alves's view: 'We can't fish in the '90s way,' said Alves. It's late."
    assert said(straight) == [("We can't fish in the '90s way,", "Pedro Alves")]


def test_html_entities_decoded_by_the_reader():
    text = html.unescape("&ldquo;Sanctions will stay,&rdquo; von der Leyen said.")
    assert said(text) == [("Sanctions will stay,", "Ursula von der Leyen")]


def test_multi_paragraph_quote_has_one_speaker():
    text = (
        "Rutte spoke in Brussels.\n\n"
        "“The alliance is united. We will defend every inch.\n\n"
        "“Nobody should doubt that,” he said.\n\n"
        "The meeting ended."
    )
    assert said(text) == [
        ("The alliance is united. We will defend every inch.", "Mark Rutte"),
        ("Nobody should doubt that,", "Mark Rutte"),
    ]


def test_quote_split_by_attribution():
    text = "“We are not asking for a favour,” Rocha said. “We are asking for the law.”"
    assert said(text) == [
        ("We are not asking for a favour,", "Helena Rocha"),
        ("We are asking for the law.", "Helena Rocha"),
    ]
    comma = "“We will fight,” Rocha said, “and we will win.”"
    assert said(comma) == [("We will fight,", "Helena Rocha"), ("and we will win.", "Helena Rocha")]


def test_partial_quote_inside_a_sentence():
    text = (
        "Kim Jong Un said the soldiers were sent to “liberate the Kursk area.”\n\n"
        "He praised the troops as “heroes and representatives of the honor of the motherland.”"
    )
    assert said(text) == [
        ("liberate the Kursk area.", "Kim Jong Un"),
        ("heroes and representatives of the honor of the motherland.", "Kim Jong Un"),
    ]


def test_layout_line_between_two_halves_stays_out_of_the_quote():
    text = (
        "“My father fished here. If this continues, I will be the last one,\n\n"
        "Related: Sardine prices hit record at Lisbon markets\n\n"
        "and my son will work in a hotel,” said Pedro Alves, a fisherman in Setúbal."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("My father fished here. If this continues, I will be the last one,", "Pedro Alves"),
        ("and my son will work in a hotel,", "Pedro Alves"),
    ]
    assert all("Related" not in q.text for q in quotes)


def test_inverted_order_with_and_without_an_entity():
    text = "“The boats stay in port,” said Pedro Alves, a fisherman in Setúbal."
    assert said(text) == [("The boats stay in port,", "Pedro Alves")]
    affiliated = "“Today shows the law has teeth,” said Marta Kowalczyk of BEUC, a consumer group."
    assert said(affiliated) == [("Today shows the law has teeth,", "Marta Kowalczyk")]
    unknown = "“We have nothing left,” said Rui Marques, who owns two boats."
    quote = quotes_of(unknown)[0]
    assert (quote.speaker, quote.speaker_entity_id) == ("Rui Marques", None)
    plain = quotes_of("“The water rose fast,” Residents said.")[0]
    assert plain.speaker is None


def test_pronoun_resolves_to_nearest_fitting_earlier_person():
    text = (
        "Trump shared a message addressed to Putin. “There was no reason for Putin to be "
        "shooting missiles,” Trump said.\n\n"
        "He added, “It makes me think that maybe he doesn’t want to stop the war.”"
    )
    assert said(text)[1] == (
        "It makes me think that maybe he doesn’t want to stop the war.",
        "Donald Trump",
    )
    gendered = "Trump met Ursula von der Leyen in Rome. “We agreed on nothing,” she said."
    assert said(gendered) == [("We agreed on nothing,", "Ursula von der Leyen")]


def test_block_quote_introduced_by_the_paragraph_before():
    colon = (
        "Judge Nomvula Dlamini ruled for the fishers.\n\n"
        "Reading a summary of the judgment, the judge said:\n\n"
        "“The applicants are not opposed to development.\n\n"
        "“They asked to be heard.”"
    )
    assert said(colon) == [
        ("The applicants are not opposed to development.", "Nomvula Dlamini"),
        ("They asked to be heard.", "Nomvula Dlamini"),
    ]
    lead_in = (
        "Foreign Minister Andrius Vaitkus told reporters that the decision was coordinated.\n\n"
        '"This is not about cigarettes. This is a test."'
    )
    assert said(lead_in) == [("This is not about cigarettes. This is a test.", "Andrius Vaitkus")]


def test_pronoun_skips_quoted_sentences_and_follows_a_role_subject():
    text = (
        "Foreign Minister Andrius Vaitkus spoke first.\n\n"
        "“One. Two. Three. Four. Five.”\n\n"
        "The minister said the border would stay shut. Asked about more, he said: “Maybe.”"
    )
    assert said(text)[-1] == ("Maybe.", "Andrius Vaitkus")


def test_pronoun_gender_from_the_reporters_own_pronouns():
    text = (
        "Irakli Gogua defended the police.\n\n"
        "Nino Beridze, a student, said she had come back.\n\n"
        "“My parents remember the ’90s,” she said."
    )
    assert said(text) == [("My parents remember the ’90s,", "Nino Beridze")]


def test_role_stands_for_the_named_person():
    text = (
        "Foreign Minister Sergei Lavrov met Trump in Geneva.\n\n"
        "“The door is open,” the minister said."
    )
    assert said(text) == [("The door is open,", "Sergei Lavrov")]
    apposition = "Lavrov, Russia’s foreign minister, warned: “Do not test us.”"
    assert said(apposition) == [("Do not test us.", "Sergei Lavrov")]


def test_role_written_before_the_name_in_apposition():
    inverted = (
        "“We are asking for survival,” said Tuvalu’s climate envoy, Losana Teleni, who chairs."
    )
    assert said(inverted) == [("We are asking for survival,", "Losana Teleni")]
    before = "Tuvalu’s climate envoy, Losana Teleni, said: “Every tenth of a degree counts.”"
    assert said(before) == [("Every tenth of a degree counts.", "Losana Teleni")]


def test_demonym_standing_for_a_person():
    text = (
        "Castlemoor manager Henrik Solberg refused to blame the referee.\n\n"
        "‘It’s a penalty,’ the Norwegian said."
    )
    assert said(text) == [("It’s a penalty,", "Henrik Solberg")]


def test_relative_clause_speaker():
    text = "The plan, which Garnier called «an ideological experiment», was approved."
    assert said(text) == [("an ideological experiment", "Vincent Garnier")]
    which = "The expulsions were condemned by Minsk, which called them “a provocation.”"
    assert said(which) == [("a provocation.", "Belarus")]
    whose = "It was condemned by NATO, whose chief said the move was “a grave mistake.”"
    assert said(whose) == [("a grave mistake.", "NATO")]


def test_organisation_speaks():
    text = (
        "The US State Department condemned the move.\n\n"
        "“It must end,” a spokesperson said in a statement to The Independent."
    )
    quote = quotes_of(text)[0]
    assert (quote.text, quote.speaker, quote.speaker_entity_id) == (
        "It must end,",
        "State Department",
        "state-department",
    )
    named = "“We are watching closely,” a State Department spokesperson said."
    assert said(named) == [("We are watching closely,", "State Department")]
    alliance = "NATO met on Monday. The alliance said in a statement: “We stand with Kyiv.”"
    assert said(alliance) == [("We stand with Kyiv.", "NATO")]
    definite = (
        "A spokesperson for the European Commission said the quota followed advice from ICES. "
        "“The Commission remains open to new data,” the spokesperson said."
    )
    assert said(definite) == [("The Commission remains open to new data,", "European Commission")]
    union = "The IG Metall union will fight. “That is not how it works,” the union said."
    assert said(union) == [("That is not how it works,", "IG Metall")]
    country = (
        "Saudi Arabia warned it would block the text. Its delegation said the move must be "
        "“orderly and technology-neutral.”"
    )
    assert said(country) == [("orderly and technology-neutral.", "Saudi Arabia")]


def test_according_to_and_post_on_x():
    text = "“Talks have stalled,” according to the European Commission."
    assert said(text) == [("Talks have stalled,", "European Commission")]
    post = "Musk wrote in a post on X: “The deal is dead.”"
    assert said(post) == [("The deal is dead.", "Elon Musk")]


def test_no_speaker_in_reach_is_none():
    text = (
        "Trump met Putin.\n\n"
        "The report was published on Friday.\n\n"
        "“Prices will rise again before the summer harvest is in.”"
    )
    quote = quotes_of(text)[0]
    assert (quote.text, quote.speaker, quote.speaker_entity_id) == (
        "Prices will rise again before the summer harvest is in.",
        None,
        None,
    )
    assert not quote.is_scare_quote


def test_scare_quotes_and_titles_get_no_speaker():
    text = (
        "US issues demand to North Korea amid latest ‘war development’\n\n"
        "Trump watched “The Godfather Part II” on the flight, aides said.\n\n"
        "The report, “Fishing for the Future,” said catches would fall."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.is_scare_quote, q.speaker) for q in quotes] == [
        ("war development", True, None),
        ("The Godfather Part II", True, None),
        ("Fishing for the Future,", True, None),
    ]


def test_spans_are_pure_text_functions():
    text = "“One,” he said.\n\n“Two.\n\n“Three.”"
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["One,", "Two.", "Three."]
    assert spans[1].group == spans[2].group != spans[0].group


def test_coref_api_for_other_stages():
    text = "Foreign Minister Sergei Lavrov met Trump. He said the minister would return."
    entities, mentions = known(text)
    assert resolve_pronoun(text, text.index("He "), entities, mentions).name == "Sergei Lavrov"
    role_at = text.index("the minister")
    assert resolve_role(text, role_at, "the minister", entities, mentions).name == "Sergei Lavrov"


SEED_QUOTES = [  # from the seed's hand annotation (us_north_korea_demand.gold.json)
    (
        "annihilate and wipe out the Ukrainian neo-Nazi occupiers and liberate the Kursk area in "
        "co-operation with the Russian armed forces.",
        "Kim Jong Un",
    ),
    ("heroes and representatives of the honor of the motherland.", "Kim Jong Un"),
    (
        "We continue to be concerned by North Korea's direct involvement in the war. Its military "
        "deployment to Russia, and any support provided by the Russian Federation in return, must "
        "end,",
        "State Department",
    ),
    (
        "There was no reason for Putin to be shooting missiles into civilian areas, cities and "
        "towns, over the last few days,",
        "Donald Trump",
    ),
    (
        "It makes me think that maybe he doesn't want to stop the war. He's just stringing me "
        "along. Maybe he has to be dealt with differently, through banking or secondary "
        "sanctions? Too many people are dying!!!",
        "Donald Trump",
    ),
]


def seed_quotes(body: str) -> list[tuple[str, str | None]]:
    """The seed's quotes through the real parser and entity layer; the State Department quote
    comes as two rows (its halves stand in two paragraphs) and is joined here to compare."""
    from wirehouse.entities import find_entities
    from wirehouse.nlp import parse

    doc = parse(body)
    quotes = find_quotes(doc, *find_entities(doc))
    for quote in quotes:
        assert body[quote.start_char : quote.end_char] == quote.text
        assert "US issues" not in quote.text
    assert [q.text for q in quotes if q.is_scare_quote] in ([], ["war development"])
    rows = [(q.text.replace("’", "'"), q.speaker) for q in quotes if not q.is_scare_quote]
    assert len(rows) == 6
    state_department = (rows[2][0] + " " + rows[3][0], rows[2][1])
    assert rows[3][1] == rows[2][1]
    return [rows[0], rows[1], state_department, rows[4], rows[5]]


def test_seed_article_end_to_end_with_the_headline_inside_the_quote():
    from wirehouse.resources import data_path

    body = data_path("samples", "us_north_korea_demand.txt").read_text(encoding="utf-8")
    assert "\n\nUS issues bold new demand to North Korea\n\n" in body
    assert seed_quotes(body) == SEED_QUOTES


def test_seed_article_after_extraction():
    from wirehouse.extract import extract
    from wirehouse.read import SourceFile, file_bytes, read_records
    from wirehouse.resources import data_path

    path = data_path("samples", "us_north_korea_demand.txt")
    source = SourceFile(path.name, str(path), "txt")
    article = extract(read_records(source, file_bytes(source))[0])
    assert seed_quotes(article.body) == SEED_QUOTES


def test_a_role_with_its_portfolio_before_a_comma_names_the_person_after_it():
    text = (
        "Ghana's minister for trade, Kofi Mensah, spoke in Accra on Monday. Cocoa exports fell "
        'by a third. "We will recover," the minister said.'
    )
    assert said(text) == [("We will recover,", "Kofi Mensah")]
    bare = 'Ghana\'s finance minister, Kofi Mensah, spoke. "Rates stay," the minister said.'
    assert said(bare) == [("Rates stay,", "Kofi Mensah")]


def test_a_commissioner_is_a_person_role():
    text = (
        "Anna Lindgren, the EU commissioner for energy, visited Oslo on Monday. "
        '"Gas prices will fall," the commissioner said.'
    )
    assert said(text) == [("Gas prices will fall,", "Anna Lindgren")]


def test_an_abbreviated_title_is_the_role_it_abbreviates():
    text = 'Sen. Maria Holt opposed the bill. "This is a giveaway," the senator said.'
    assert said(text) == [("This is a giveaway,", "Maria Holt")]


def test_the_role_is_the_holder_named_last_not_the_one_titled_last():
    text = (
        "Hungary's foreign minister, Peter Szabo, flew to Kyiv. Ukraine's defence minister, "
        "Olena Marchenko, met him at the airport.\n\n"
        "Szabo said on Tuesday that aid would continue.\n\n"
        '"We will not abandon Ukraine," the minister told reporters.'
    )
    assert said(text) == [("We will not abandon Ukraine,", "Peter Szabo")]
    # a name inside another speaker's quotation is no fresh mention of its bearer
    quoted = (
        "Hungary's foreign minister, Peter Szabo, flew to Kyiv. Ukraine's defence minister, "
        'Olena Marchenko, met him. "Szabo is a friend," she said. "We need shells," the '
        "minister added."
    )
    assert said(quoted)[-1] == ("We need shells,", "Olena Marchenko")


def test_the_agent_of_a_passive_speech_verb_speaks():
    text = 'The drills were denounced by Russia as "a rehearsal for invasion".'
    assert said(text) == [("a rehearsal for invasion", "Russia")]
    unnamed = 'The plan was described by officials as "a rehearsal for something worse".'
    assert said(unnamed) == [("a rehearsal for something worse", None)]


def test_a_place_after_for_is_the_remit_not_the_speaker():
    text = (
        'The State Department\'s envoy for North Korea said the talks had been "useful but slow."'
    )
    assert said(text) == [("useful but slow.", "State Department")]
    to = 'The US ambassador to Russia said the detention was "unjustified and cruel."'
    assert said(to) == [("unjustified and cruel.", "United States")]


def test_the_government_in_a_city_speaks_for_the_country_of_that_city():
    text = (
        "The military government in Naypyidaw said it would attend the regional summit "
        '"without conditions".'
    )
    assert [s for _, s, _ in speakers(text)] == ["Myanmar"]
    # a body that is no government keeps its own reading: the embassy is not the host country
    embassy = 'Its embassy in Nairobi said the claims were "baseless and malicious."'
    assert [s for _, s, _ in speakers(embassy)] == [None]


def test_a_document_speaks_for_its_author_not_for_who_saw_it():
    published = '"The suspects were detained," according to a NATO statement issued on Sunday.'
    assert said(published) == [("The suspects were detained,", "NATO")]
    issued = '"Talks have stalled," according to a statement issued by the European Commission.'
    assert said(issued) == [("Talks have stalled,", "European Commission")]
    seen = '"Talks have stalled," according to a draft seen by the State Department.'
    assert said(seen) == [("Talks have stalled,", None)]


def test_a_persons_office_speaks_for_the_person():
    text = 'Trump\'s office said the call had been "productive and warm."'
    assert said(text) == [("productive and warm.", "Donald Trump")]


def test_a_clause_of_its_own_after_a_partial_quote_frames_nothing_before_it():
    text = (
        'Russia urged NATO to "stop the drills" in the Baltic Sea, and the European Commission '
        'said it was "watching closely".'
    )
    assert said(text) == [
        ("stop the drills", "Russia"),
        ("watching closely", "European Commission"),
    ]
    # a sea, a river or a region never speaks, whatever frame reaches it
    sea = '"Stop the drills now," the Baltic Sea said.'
    assert said(sea) == [("Stop the drills now,", None)]


def test_a_long_apposition_before_a_coordinated_verb_keeps_its_name():
    text = (
        "Pedro Alves, a fisherman who has worked the coast north of Setúbal for thirty years, "
        'welcomed the quota but warned against "emptying the sea."'
    )
    assert said(text) == [("emptying the sea.", "Pedro Alves")]


def test_an_organisation_word_follows_the_subject_before_it_else_the_name_holding_it():
    bank = (
        "The Central Bank of Chile cut its rate on Tuesday.\n\n"
        "Prices rose 3% in May, the National Statistics Institute said.\n\n"
        'The bank said the decision had been "finely balanced" this time.'
    )
    assert said(bank) == [("finely balanced", "Central Bank of Chile")]
    agency = (
        "The European Space Agency signed the deal in Paris.\n\n"
        "NASA welcomed the agreement.\n\n"
        '"The Moon is big enough for everyone," the agency said.'
    )
    assert said(agency) == [("The Moon is big enough for everyone,", "NASA")]
    # of two organisations in the paragraph before, the subject of a sentence
    subject = (
        "NASA cut the budget on Monday, the European Space Agency said.\n\n"
        '"The Moon can wait," the organisation said.'
    )
    assert said(subject) == [("The Moon can wait,", "NASA")]


def test_he_after_a_sentence_naming_two_is_the_subject_of_its_speech_verb():
    after = (
        'After meeting Vincent Garnier, Henrik Solberg said the talks had failed. "We tried," '
        "he said."
    )
    assert said(after) == [("We tried,", "Henrik Solberg")]
    lawyer = (
        "Garnier's lawyer, Henrik Solberg, said the charges were false. "
        '"My client is innocent," he said.'
    )
    assert said(lawyer) == [("My client is innocent,", "Henrik Solberg")]
    relative = (
        "Vincent Garnier was criticised on Monday by Henrik Solberg, who said the plan was "
        'weak. "It will fail," he added.'
    )
    assert said(relative) == [("It will fail,", "Henrik Solberg")]
    # no speech verb in the sentence before: its subject, as always
    met = 'Henrik Solberg met Vincent Garnier on Monday. "It went well," he said.'
    assert said(met) == [("It went well,", "Henrik Solberg")]


def test_a_clause_ending_in_a_colon_before_a_quote_is_its_frame():
    text = 'Lavrov had a blunt message for the West: "Do not test us again."'
    assert said(text) == [("Do not test us again.", "Sergei Lavrov")]
    # a sign or a banner is no speaker, whatever place opens the sentence
    sign = 'In Moscow, a banner on the bakery door summed up the mood: "No bread. No light."'
    assert said(sign) == [("No bread. No light.", None)]


def test_a_quote_paragraph_after_a_paragraph_about_a_person_is_that_persons():
    text = (
        "Helena Rocha, who runs a fish stall in the market, has watched prices triple.\n\n"
        '"Nobody can afford sardines any more. People buy one fish."'
    )
    assert said(text) == [
        ("Nobody can afford sardines any more. People buy one fish.", "Helena Rocha")
    ]
    # a paragraph about something else, or about an organisation, hands the floor to no one
    thing = (
        "The quota was cut by a third this year.\n\n"
        '"Nobody can afford sardines any more. People buy one fish."'
    )
    assert said(thing) == [("Nobody can afford sardines any more. People buy one fish.", None)]
    body = (
        "The European Commission has cut the quota by a third.\n\n"
        '"Nobody can afford sardines any more. People buy one fish."'
    )
    assert said(body) == [("Nobody can afford sardines any more. People buy one fish.", None)]


def test_a_word_for_a_state_is_the_country_named_before():
    kingdom = 'Saudi Arabia denied the report. The kingdom said it was "baseless and false."'
    assert said(kingdom) == [("baseless and false.", "Saudi Arabia")]
    island = (
        "Tuvalu rejected the plan on Monday.\n\n"
        'The island nation said the plan was "a death sentence for us."'
    )
    assert said(island) == [("a death sentence for us.", "Tuvalu")]


def test_two_speakers_joined_by_and_are_no_one_speaker():
    after = '"We stand together," said Trump and Putin in a joint statement.'
    assert said(after) == [("We stand together,", None)]
    before = '"We stand together," Trump and Putin said.'
    assert said(before) == [("We stand together,", None)]


def test_a_quote_opening_with_an_ellipsis():
    text = '"...and that is why we left," she said. He said "no"... and walked out.'
    found = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert found == ["...and that is why we left,", "no"]


def test_a_name_word_the_entity_layer_left_unlinked_is_the_one_person_bearing_it():
    text = 'Kim Jong Un inspected the launch. "The test was a success," Kim said.'
    assert said(text) == [("The test was a success,", "Kim Jong Un")]
    # a word no person's name holds names no one
    other = 'Kim Jong Un inspected the launch. "The test was a success," Choe said.'
    assert said(other) == [("The test was a success,", None)]


def test_a_counterpart_holds_the_role_named_before_him():
    text = (
        "Turkish Foreign Minister Hakan Fidan met his Greek counterpart, Giorgos "
        'Gerapetritis, in Athens. "We agreed to keep talking," the Greek minister said.'
    )
    assert [s for _, s, _ in speakers(text)] == ["Giorgos Gerapetritis"]


# Floors on the hand-annotated gold set (data/gold, 22 articles), scored by wirehouse.scoring; set
# just below the level reached (1.0 on all three when set: 119 quotes, 125 speakers, 181 rows).
RECALL_FLOOR = 0.99
SPEAKER_FLOOR = 0.95
PRECISION_FLOOR = 0.99


def test_gold_set_quote_recall_speaker_and_precision_floors():
    from dataclasses import asdict

    from tests.gold import tuned_gold_articles
    from wirehouse.entities import find_entities
    from wirehouse.nlp import parse
    from wirehouse.scoring import ArticleScore, score_quotes

    total = ArticleScore("all", "all", True)
    for gold, article in tuned_gold_articles():
        doc = parse(article.body)
        rows = [asdict(q) for q in find_quotes(doc, *find_entities(doc))]
        score_quotes(gold.get("quotes", []), rows, total)
    rates = {m: total.tallies[f"quotes.{m}"].rate for m in ("recall", "speaker", "precision")}
    assert rates["recall"] is not None and rates["recall"] >= RECALL_FLOOR, (rates, total.misses)
    assert rates["speaker"] is not None and rates["speaker"] >= SPEAKER_FLOOR, total.misses
    assert rates["precision"] is not None and rates["precision"] >= PRECISION_FLOOR, total.misses


def _parsed_quotes(text: str) -> list[Quote]:
    """Quotes found with the real entity layer (these patterns depend on its mentions)."""
    from wirehouse import nlp
    from wirehouse.entities import find_entities

    doc = nlp.parse(text)
    entities, mentions = find_entities(doc)
    return find_quotes(doc, entities, mentions)


def test_unnamed_role_of_another_country_is_not_the_minister_named_before():
    named = "Nigerian Foreign Minister Amara Okafor arrived in Ankara on Monday. "
    other = _parsed_quotes(named + '"We will respond," Russia\'s foreign minister said.')
    assert [q.speaker for q in other] == ["Russia"]  # the unnamed minister: their country
    same = _parsed_quotes(named + '"We will respond," Nigeria\'s foreign minister said.')
    assert [q.speaker for q in same] == ["Amara Okafor"]
    listed = "Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
    lavrov = _parsed_quotes(listed + '"We will respond," Russia\'s foreign minister said.')
    assert [q.speaker for q in lavrov] == ["Sergei Lavrov"]


def test_they_for_one_person_and_for_two():
    one = _parsed_quotes(
        'Sam Rivera, a nurse at the clinic, described the night. "We are exhausted," they said.'
    )
    assert [q.speaker for q in one] == ["Sam Rivera"]
    two = _parsed_quotes(
        'Ana Silva and Rui Costa work for Oxfam in Goma. "We are exhausted," they said.'
    )
    assert [q.speaker for q in two] == [None]  # two people are no one entity; never Oxfam
    org = _parsed_quotes('Oxfam sent Ana Silva to Goma. "We are exhausted," they said.')
    assert [q.speaker for q in org] == ["Oxfam"]


def test_a_nickname_inside_a_name_is_not_a_quote_and_names_the_person_later():
    quotes = _parsed_quotes('Dwayne "The Rock" Johnson arrived. "I am ready," The Rock said.')
    nickname, statement = quotes
    assert (nickname.text, nickname.is_scare_quote, nickname.speaker) == ("The Rock", True, None)
    assert (statement.text, statement.speaker) == ("I am ready,", "Dwayne Johnson")


def test_surname_that_is_a_country_speaks_for_the_person():
    quotes = _parsed_quotes(
        "Prime Minister Luís Montenegro spoke in Lisbon. "
        '"The budget will pass," Montenegro said. "Montenegro joined NATO," he added.'
    )
    assert [q.speaker for q in quotes] == ["Luís Montenegro", "Luís Montenegro"]


# -- holdout classes: organisation and group speakers (sentences written for the test) ----


def parsed_quotes(text: str) -> list[Quote]:
    """Quotes with the real entity layer (the holdout classes depend on how it names orgs)."""
    from wirehouse import nlp
    from wirehouse.entities import find_entities

    doc = nlp.parse(text)
    return find_quotes(doc, *find_entities(doc))


def test_group_of_an_organisation_speaks_for_it():
    text = (
        'Voting ended in Tirana. "The count was orderly," European Union observers said. '
        '"Shelling continued overnight," UN monitors said.'
    )
    speakers = [q.speaker for q in parsed_quotes(text)]
    assert speakers == ["European Union", "United Nations"]


def test_short_name_of_an_organisation_named_earlier():
    text = (
        "The Ministry of Agriculture and Rural Development announced the plan. "
        '"We are ready," the ministry said. Halvern Savings Bank cut rates on Monday. '
        '"Inflation is easing," the bank said in a statement.'
    )
    speakers = [q.speaker for q in parsed_quotes(text)]
    assert speakers == ["Ministry of Agriculture and Rural Development", "Halvern Savings Bank"]


def test_embassy_speaks_for_the_sending_country_not_the_host():
    text = 'The US Embassy in Nairobi warned citizens. "Avoid the area," the embassy said.'
    (quote,) = parsed_quotes(text)
    assert quote.speaker == "US Embassy"


def test_a_persons_spokesperson_speaks_for_that_person():
    # like "a State Department spokesperson" -> the State Department: "her spokesman" speaks for
    # her; an unnamed spokesman with nobody fitting in reach stays NULL
    text = 'Senator Mara Okonkwo toured Ohio. "The polls are wrong," her campaign spokesman said.'
    (quote,) = parsed_quotes(text)
    assert (quote.text, quote.speaker) == ("The polls are wrong,", "Mara Okonkwo")
    (alone,) = parsed_quotes('The rally ended early. "The polls are wrong," his spokesman said.')
    assert alone.speaker is None


# -- speaker classes that generalise (sentences written for these tests) --------------------


def test_organisation_word_with_a_country_speaks_for_that_country():
    ministry = (
        'Drills began near the islands. "This is a provocation," the Chinese defence ministry said.'
    )
    assert [(q.text, q.speaker) for q in parsed_quotes(ministry)] == [
        ("This is a provocation,", "China")
    ]
    later = (
        "Japan's foreign ministry summoned the envoy on Monday.\n\n"
        'Talks stalled.\n\n"We expect an apology," the ministry said in a statement.'
    )
    assert [q.speaker for q in parsed_quotes(later)] == ["Japan"]
    relative = (
        "The plan was criticised by Japan's foreign ministry, which accused Seoul of "
        '"bad faith" in the talks.'
    )
    assert [(q.text, q.speaker) for q in parsed_quotes(relative)] == [("bad faith", "Japan")]


def test_organisation_word_reaches_back_to_the_name_holding_it():
    far = (
        "The Central Bank of Kenya kept its rate at 10%.\n\nGrowth slowed.\n\nExports fell.\n\n"
        'Tea prices were flat.\n\nIn its statement, the bank said the outlook was "broadly '
        'stable." It added that the risks came "mostly from fuel prices."'
    )
    assert [q.speaker for q in parsed_quotes(far)] == ["Central Bank of Kenya"] * 2
    company = 'Toyota recalled 50,000 cars. "Safety comes first," the company said in a statement.'
    assert [q.speaker for q in parsed_quotes(company)] == ["Toyota"]
    spokes = '"We reject the claims," said a spokeswoman for the World Health Organization.'
    assert [q.speaker for q in parsed_quotes(spokes)] == ["World Health Organization"]


def test_a_place_after_the_organisation_word_is_not_the_speaker():
    embassy = '"We condemn this attack," the Russian embassy in London said on Telegram.'
    assert [q.speaker for q in parsed_quotes(embassy)] == ["Russia"]
    owner = (
        "Germany did not comment; its embassy in Nairobi urged calm and asked for "
        '"patience from everyone."'
    )
    assert [(q.text, q.speaker) for q in parsed_quotes(owner)] == [
        ("patience from everyone.", "Germany")
    ]


def test_role_nouns_stand_for_the_person_named_with_them():
    governor = (
        'Governor Lesetja Kganyago spoke in Pretoria. "Inflation is falling," the governor said.'
    )
    assert [q.speaker for q in parsed_quotes(governor)] == ["Lesetja Kganyago"]
    age = 'Marta Lindqvist, 61, chairs the committee. "We will rebuild," the 61-year-old said.'
    assert [q.speaker for q in parsed_quotes(age)] == ["Marta Lindqvist"]
    general = (
        "Former general Tomas Eriksen now leads the party. "
        '"I was a soldier first," the former general said.'
    )
    assert [q.speaker for q in parsed_quotes(general)] == ["Tomas Eriksen"]
    coach = 'Coach Erik Sandvik was furious. "That was never a penalty," the coach said.'
    assert [q.speaker for q in parsed_quotes(coach)] == ["Erik Sandvik"]


def test_an_indefinite_role_is_someone_new():
    text = (
        "Juan Ortega, a farmer near Salta, lost his harvest. "
        '"The river took everything," another farmer said.'
    )
    assert [q.speaker for q in parsed_quotes(text)] == [None]


def test_a_noun_spelled_like_a_speech_verb_is_no_frame():
    text = "Rocha called the union’s claims “baseless and late.”"
    assert said(text) == [("baseless and late.", "Helena Rocha")]
    demands = "Rutte rejected their demands. Lavrov said their demands were “reasonable.”"
    assert said(demands) == [("reasonable.", "Sergei Lavrov")]


VERB_POSITIONS = [
    "“The port will reopen,” Rocha said.",
    "“The port will reopen,” Rocha told reporters.",
    "“The port will reopen,” Rocha added.",
    "“The port will reopen,” Rocha wrote on Telegram.",
    "“The port will reopen,” Rocha warned.",
    "“The port will reopen,” Rocha argued.",
    "“The port will reopen,” Rocha insisted.",
    "“The port will reopen,” noted Rocha.",
    "“The port will reopen,” said Helena Rocha, the harbour master.",
    "“The port will reopen,” the harbour master, Helena Rocha, said.",
    "“The port will reopen,” according to Rocha.",
    "According to Rocha, “The port will reopen.”",
    "Rocha said in a statement: “The port will reopen.”",
    "Rocha wrote in a post on X: “The port will reopen.”",
    "In an interview with the BBC, Rocha said: “The port will reopen.”",
    "“The port will reopen,” Rocha said in an interview with the BBC.",
    "Rocha argued that “the port will reopen.”",
]


def test_speaker_in_every_verb_position():
    for text in VERB_POSITIONS:
        found = said(text)
        assert len(found) == 1 and found[0][1] == "Helena Rocha", (text, found)
        assert found[0][0].lower().startswith("the port will reopen"), (text, found)


def test_pronoun_needs_a_fitting_person_or_stays_none():
    text = "Trump met Putin in Geneva. “We lost everything,” she said."
    assert said(text) == [("We lost everything,", None)]
    fits = "Rocha met Trump in Lisbon on Monday. “We lost everything,” she said."
    assert said(fits) == [("We lost everything,", "Helena Rocha")]


def test_surname_in_another_case_speaks_as_the_full_name():
    text = (
        "Economy Minister Hendrik de Klerk spoke first. De Klerk told parliament the rate was "
        "fair.\n\nHe added: “We will not raise it again.”"
    )
    full = Entity("hendrik", "Hendrik de Klerk", "PERSON")
    short = Entity("de-klerk", "De Klerk", "PERSON")
    mentions = [
        Mention("hendrik", "Hendrik de Klerk", 17, 33, role="Economy Minister"),
        Mention("de-klerk", "De Klerk", 47, 55),
    ]
    assert text[17:33] == "Hendrik de Klerk" and text[47:55] == "De Klerk"
    (quote,) = find_quotes(text, [full, short], mentions)
    assert (quote.text, quote.speaker, quote.speaker_entity_id) == (
        "We will not raise it again.",
        "Hendrik de Klerk",
        "hendrik",
    )


def test_an_acronym_opening_the_speaker_phrase_is_no_conjunction():
    text = '"The outbreak is under control," WHO Director-General Tedros Adhanom Ghebreyesus said.'
    assert [q.speaker for q in parsed_quotes(text)] == ["Tedros Adhanom Ghebreyesus"]


def test_an_office_the_gazetteer_lists_names_its_holder():
    text = (
        "Donald Trump met Prime Minister Sanae Takaichi in Tokyo. "
        '"We had a very good meeting," the president told reporters.'
    )
    assert [q.speaker for q in parsed_quotes(text)] == ["Donald Trump"]
    written = (
        "Donald Trump met President Ana Borges of Cabo Verde in Praia. "
        '"We had a very good meeting," the president told reporters.'
    )
    # the office written in the article outranks the list
    assert [q.speaker for q in parsed_quotes(written)] == ["Ana Borges"]


def test_inverted_frame_after_a_partial_quote_and_an_adjunct():
    text = "The quota is “a death sentence” for small boats, said Pedro Alves."
    assert said(text) == [("a death sentence", "Pedro Alves")]
    according = "Talks have “stalled for good” in Geneva, according to the European Commission."
    assert said(according) == [("stalled for good", "European Commission")]


def test_a_military_branch_speaks_for_its_country():
    text = 'The Ukrainian air force said it had shot down "most of the drones" overnight.'
    assert [q.speaker for q in parsed_quotes(text)] == ["Ukraine"]


def test_quoted_as_saying_names_the_speaker_not_the_outlet():
    text = "“Talks are going well,” state media quoted Lavrov as saying."
    assert said(text) == [("Talks are going well,", "Sergei Lavrov")]
    passive = "“Talks are going well,” Lavrov was quoted as saying by state media."
    assert said(passive) == [("Talks are going well,", "Sergei Lavrov")]
    before = "The Tass agency quoted Lavrov as saying the talks were “going well.”"
    assert said(before) == [("going well.", "Sergei Lavrov")]


def test_a_description_with_an_article_is_not_a_missed_name():
    text = "“The deal is done,” a Lisbon Socialist said."
    assert said(text) == [("The deal is done,", None)]
    # the one name before the description speaks, when the name table knows it as a name
    named = "“The deal is done,” Marques, a Lisbon Socialist, said."
    assert said(named) == [("The deal is done,", "Marques")]


def test_a_person_named_by_one_given_name_and_an_apposition_speaks():
    inverted = "“Every night it is the same,” said Olena, 67, who gave only her first name."
    assert said(inverted) == [("Every night it is the same,", "Olena")]
    before = 'Mohamed, a 34-year-old teacher, said the road was "full of bodies."'
    assert said(before) == [("full of bodies.", "Mohamed")]
    # a capitalised word the name table does not know is no one
    word = "“It is over,” said Residents, a local band."
    assert said(word) == [("It is over,", None)]


def test_officials_of_a_place_do_not_speak_for_the_organisation_named_before():
    text = (
        "The World Health Organization published its report on Monday. "
        'Local officials said the clinics were "overwhelmed."'
    )
    assert [q.speaker for q in parsed_quotes(text)] == [None]
    spokes = (
        "The World Health Organization published its report on Monday. "
        '"The clinics are overwhelmed," a spokesperson said.'
    )
    assert [q.speaker for q in parsed_quotes(spokes)] == ["World Health Organization"]


def test_a_place_at_the_end_of_the_speaker_phrase_is_no_speaker():
    text = 'The ministry of health in Kinshasa said the outbreak was "under control."'
    assert [q.speaker for q in parsed_quotes(text)] == [None]


def test_a_quotation_standing_as_its_own_sentence_after_a_speaker():
    text = "Kim Jong Un said the troops had fought bravely. “They are heroes of the motherland.”"
    assert said(text) == [("They are heroes of the motherland.", "Kim Jong Un")]
    no_speech = "Trump met Putin in Alaska. “It was a great meeting.”"
    assert said(no_speech) == [("It was a great meeting.", None)]
    in_a_sentence = "Kim Jong Un said the troops fought. “Heroes” is the word on every poster."
    assert [(q.text, q.speaker) for q in quotes_of(in_a_sentence)] == [("Heroes", None)]


def test_a_quote_framed_for_somebody_unnamed_borrows_no_speaker():
    text = "“We will rebuild,” Rocha said. “Never,” one resident said."
    assert said(text) == [("We will rebuild,", "Helena Rocha"), ("Never,", None)]
    pronoun = "“We will rebuild,” Rocha said. “Never,” she added."
    assert said(pronoun) == [("We will rebuild,", "Helena Rocha"), ("Never,", "Helena Rocha")]


def test_a_second_verb_without_a_subject_shares_the_first_verbs_speaker():
    text = (
        "Lavrov described the plan as “reckless” and said Moscow would take "
        "“all necessary steps” to respond."
    )
    assert said(text) == [("reckless", "Sergei Lavrov"), ("all necessary steps", "Sergei Lavrov")]


def test_participle_frame_takes_the_subject_opening_the_clause():
    dateline = (
        "KYIV, Ukraine — Ukraine's air force shot down 40 drones overnight, saying the attack "
        'was "massive."'
    )
    assert [q.speaker for q in parsed_quotes(dateline)] == ["Ukraine"]
    name = "Trump met Putin in Alaska on Friday, calling the talks “productive.”"
    assert said(name) == [("productive.", "Donald Trump")]
    nobody = "Heavy rain hit Moscow on Monday, with one resident calling it “the worst in decades.”"
    assert said(nobody) == [("the worst in decades.", None)]


def test_a_quote_ending_its_sentence_takes_no_frame_from_the_next():
    text = (
        "The State Department said the offer was “final and generous.” Rocha said the union "
        "would study it."
    )
    assert said(text) == [("final and generous.", "State Department")]
    question = "“Why now?” Rocha asked."
    assert said(question) == [("Why now?", "Helena Rocha")]


def test_a_relative_clause_between_subject_and_verb_is_not_the_subject():
    text = "The new harbour master, who replaced Pedro Alves, said: “The port stays open.”"
    assert said(text) == [("The port stays open.", None)]
    named = "Rocha, who replaced Pedro Alves, said: “The port stays open.”"
    assert said(named) == [("The port stays open.", "Helena Rocha")]


def test_they_for_two_organisations_joined_by_and_is_no_one():
    two = 'Greenpeace and Oxfam criticised the deal. "It fails the planet," they said.'
    assert [q.speaker for q in parsed_quotes(two)] == [None]
    one = 'Oxfam criticised the deal in Goma. "It fails the planet," they said.'
    assert [q.speaker for q in parsed_quotes(one)] == ["Oxfam"]


def test_a_day_after_an_inverted_speaker_is_not_part_of_the_name():
    text = "“The port stays open,” said Helena Rocha Tuesday."
    assert said(text) == [("The port stays open,", "Helena Rocha")]
    unknown = "“The port stays open,” said Rui Marques yesterday."
    assert said(unknown) == [("The port stays open,", "Rui Marques")]


def test_a_caption_between_two_halves_stays_out_of_the_quote():
    text = (
        "“My father fished here, and if this continues\n\n"
        "Fishermen unload their catch in Setúbal. (Photo: Reuters)\n\n"
        "my son will work in a hotel,” said Pedro Alves."
    )
    assert said(text) == [
        ("My father fished here, and if this continues", "Pedro Alves"),
        ("my son will work in a hotel,", "Pedro Alves"),
    ]


def test_a_long_apposition_between_name_and_verb():
    text = (
        "“We have never seen a season like this,” Rocha, the head of the regional fishermen’s "
        "association in the northern port of Matosinhos, told Reuters by phone."
    )
    assert said(text) == [("We have never seen a season like this,", "Helena Rocha")]


def test_the_body_a_spokesperson_is_named_for_speaks():
    text = (
        "The Israeli military said it had struck a launch site. Hamas denied it. "
        '"We take every precaution," an army spokesperson said.'
    )
    assert [q.speaker for q in parsed_quotes(text)] == ["Israel"]


def test_a_word_of_a_name_is_no_speech_verb():
    text = (
        'Secretary of State Marco Rubio told reporters the United States wanted "a deal this week."'
    )
    assert [q.speaker for q in parsed_quotes(text)] == ["Marco Rubio"]


def test_a_descriptor_stands_for_the_person_just_named():
    text = (
        "Governor Greg Abbott welcomed the plan. "
        '"Texas is open for business," the Republican wrote.'
    )
    assert [q.speaker for q in parsed_quotes(text)] == ["Greg Abbott"]
    new = 'Greg Abbott welcomed the plan. "It is a disaster," a Democrat said.'
    assert [q.speaker for q in parsed_quotes(new)] == [None]


def test_a_place_ending_a_missed_organisation_name_is_not_the_speaker():
    text = "Alzheimer's Research UK, a charity, said the study offered “real hope” to families."
    quote = quotes_of(text)[0]
    assert (quote.text, quote.speaker, quote.speaker_entity_id) == (
        "real hope",
        "Alzheimer's Research UK",
        None,
    )


# --- round 2: classes found on unseen news -------------------------------------------------


def speakers(text: str) -> list[tuple[str, str | None, bool]]:
    """(text, speaker, is_scare_quote) of every quote, with the real entity layer."""
    return [(q.text, q.speaker, q.is_scare_quote) for q in parsed_quotes(text)]


def test_a_term_after_a_label_marker_is_a_scare_quote_whoever_speaks():
    so_called = (
        "Germany's interior ministry said on Friday that it would not join the so-called "
        "“safe third country” scheme proposed by Denmark."
    )
    assert speakers(so_called) == [("safe third country", None, True)]
    dubbed = 'Officials in Lagos unveiled a plan dubbed "Operation Clean Streets" on Monday.'
    assert speakers(dubbed) == [("Operation Clean Streets", None, True)]
    british = (
        "Moscow denied running what Western navies call its ‘dark fleet’, known as ‘ghost ships’."
    )
    assert [q for q in speakers(british) if q[0] == "ghost ships"] == [("ghost ships", None, True)]
    term = "The senator said he disliked the term 'forever chemicals' but backed the ban."
    assert speakers(term) == [("forever chemicals", None, True)]
    # a sentence after the marker is no label: the minister's words keep their speaker
    sentence = (
        "Foreign Minister Sergei Lavrov dismissed the so-called peace plan. "
        '"It is not serious," Lavrov said.'
    )
    assert speakers(sentence) == [("It is not serious,", "Sergei Lavrov", False)]


def test_a_name_inside_a_clause_is_no_statement_of_the_sentences_speaker():
    text = 'The "Iron Dome" system stopped most of the rockets, the Israeli military said.'
    assert speakers(text) == [("Iron Dome", None, True)]
    hats = '"Make America Great Again" hats sold out within hours, the campaign said.'
    assert speakers(hats) == [("Make America Great Again", None, True)]
    # the speaker's own words inside the clause keep the speaker
    words = 'The strike was "a war crime" and must be punished, Sergei Lavrov said.'
    assert [s for _, s, _ in speakers(words)] == ["Sergei Lavrov"]


def test_a_quote_inside_a_subject_takes_no_frame_from_a_later_clause():
    text = (
        "Okafor, who won the governorship on a pledge of ‘zero tolerance’, is under pressure "
        "from traders in Kano, who say the curfew is ruining them."
    )
    assert speakers(text) == [("zero tolerance", None, True)]
    was = (
        'The "grand bargain" was meant to end the dispute, but diplomats in Geneva say it has '
        "collapsed."
    )
    assert speakers(was) == [("grand bargain", None, True)]


def test_a_place_ending_a_relative_clauses_antecedent_is_no_speaker():
    text = (
        'Factory owners in Monterrey, who say the tariffs amount to "economic sabotage," '
        "have asked for talks."
    )
    assert speakers(text) == [("economic sabotage,", None, False)]


def test_the_people_of_a_place_are_not_the_place():
    text = 'Residents of Gaza City described a night of "constant bombardment".'
    assert speakers(text) == [("constant bombardment", None, True)]
    families = 'Families from Mariupol told the BBC the city was "unrecognisable."'
    assert [s for _, s, _ in speakers(families)] == [None]
    body = 'The Government of India said the deal was "final."'
    assert [s for _, s, _ in speakers(body)] == ["India"]


def test_a_second_verb_after_a_quote_and_an_adjunct_shares_the_subject():
    text = (
        'Kenyan President William Ruto called the agreement "a turning point" for the region '
        'and said Nairobi would send the first troops "within a fortnight."'
    )
    assert [(t, s) for t, s, _ in speakers(text)] == [
        ("a turning point", "William Ruto"),
        ("within a fortnight.", "William Ruto"),
    ]
    but = (
        'Health Minister Ana Souza praised the nurses as "the backbone of the country" but '
        'warned that the wards were "close to breaking point."'
    )
    assert [s for _, s, _ in speakers(but)] == ["Ana Souza", "Ana Souza"]


def test_a_coordinated_verb_takes_the_subject_opening_the_clause():
    text = (
        "Kenyan President William Ruto welcomed the ceasefire on Sunday and told reporters "
        'that aid convoys would move "as soon as the roads are clear."'
    )
    assert [s for _, s, _ in speakers(text)] == ["William Ruto"]
    dateline = (
        "NAIROBI, Kenya — William Ruto, Kenya's president, visited the camp and later said "
        'the families deserved "more than promises."'
    )
    assert [s for _, s, _ in speakers(dateline)] == ["William Ruto"]
    after_clause = (
        "After meeting Vladimir Putin in Alaska, Donald Trump praised the talks and said they "
        'had been "extremely productive."'
    )
    assert [s for _, s, _ in speakers(after_clause)] == ["Donald Trump"]
    apposition = (
        "The prime minister, Keir Starmer, visited the site and told reporters the damage was "
        '"heartbreaking."'
    )
    assert [s for _, s, _ in speakers(apposition)] == ["Keir Starmer"]
    joint = (
        "Kenya's president William Ruto and Tanzania's Samia Suluhu Hassan met in Arusha and "
        'said the border would stay "open for trade."'
    )
    assert [s for _, s, _ in speakers(joint)] == [None]
    # a clause joined by "and" before an unnamed speaker: neither the place nor anyone else
    clause = 'Heavy rain hit Lagos on Sunday and officials said the roads were "impassable."'
    assert [s for _, s, _ in speakers(clause)] == [None]


def test_a_relative_clause_verb_speaks_for_its_antecedent():
    passive = (
        "The raid was condemned by Iran's Foreign Ministry, which summoned the Swiss envoy "
        'in Tehran on Monday and accused Washington of "state terrorism."'
    )
    assert [s for _, s, _ in speakers(passive)] == ["Foreign Ministry"]
    person = (
        "The plan was drawn up by Ana Souza, who chairs the health committee and called it "
        '"the last chance for the wards."'
    )
    assert [s for _, s, _ in speakers(person)] == ["Ana Souza"]
    adverb = (
        'Macron, who has repeatedly described the far right as "a danger to the republic", '
        "is expected to speak on Wednesday."
    )
    assert [s for _, s, _ in speakers(adverb)] == ["Emmanuel Macron"]
    # "which analysts called": a subject of its own follows the relative word; nobody named
    analysts = 'Washington signed a deal with Iran, which analysts called "fragile at best."'
    assert [s for _, s, _ in speakers(analysts)] == [None]
    critics = 'The talks were hosted by Qatar, which critics accused of "playing both sides."'
    assert [s for _, s, _ in speakers(critics)] == [None]
    # "which the minister called": the relative word is the object; the minister speaks
    obj = (
        "Lavrov's deputy, Sergei Ryabkov, attacked the treaty, which Lavrov later called "
        '"a dead letter."'
    )
    assert [s for _, s, _ in speakers(obj)] == ["Sergei Lavrov"]


def test_a_state_body_in_a_sentence_opening_with_its_capital_speaks_for_the_country():
    beijing = (
        "Oil prices rose after the decision. In Beijing, a foreign ministry spokesperson urged "
        "producers to “keep markets stable,” while traders in Singapore were calmer."
    )
    assert [s for _, s, _ in speakers(beijing)] == ["China"]  # named from its capital
    quoted = (
        "In Tehran, state media quoted a foreign ministry spokesman as saying the strikes were "
        '"a violation of international law."'
    )
    assert [s for _, s, _ in speakers(quoted)] == ["Iran"]
    capital = 'In Ankara, the defence ministry said Turkish jets had hit "terrorist targets."'
    assert [s for _, s, _ in speakers(capital)] == ["Turkey"]
    named = (
        "China buys a sixth of the world's crude. In Beijing, a foreign ministry spokesperson "
        'said the cut was "regrettable."'
    )
    assert [s for _, s, _ in speakers(named)] == ["China"]
    country = 'In France, the government said the pension plan was "dead."'
    assert [s for _, s, _ in speakers(country)] == ["France"]
    # a city that is no seat of government, or a body that is not the state's, names nobody
    city = 'In Lagos, a police spokesman said the roads were "impassable."'
    assert [s for _, s, _ in speakers(city)] == [None]
    bank = 'HSBC cut 300 jobs. In London, the bank said it remained "confident."'
    assert [s for _, s, _ in speakers(bank)] == ["HSBC"]


def test_a_block_quote_introduced_by_an_account_at_a_news_conference():
    text = (
        "The trawler was escorted into port on Tuesday.\n\n"
        "Commander Ingrid Holm, who led the boarding party, gave a detailed account of the "
        "operation at a news conference in Bergen.\n\n"
        "“The crew ignored our calls for an hour.\n\n"
        "“When we reached the deck, the nets were still in the water.”\n\n"
        "The ship's owners did not respond."
    )
    assert [(t[:20], s) for t, s, _ in speakers(text)] == [
        ("The crew ignored our", "Ingrid Holm"),
        ("When we reached the ", "Ingrid Holm"),
    ]
    spoke = (
        "The ministry held a briefing in Kyiv on Monday.\n\n"
        "Defence Minister Rustem Umerov spoke to reporters after the meeting.\n\n"
        '"We need more air defence. Every day matters."'
    )
    assert [s for _, s, _ in speakers(spoke)] == ["Rustem Umerov"]
    adverbial = (
        "In a video posted on Telegram, Ukrainian President Volodymyr Zelensky addressed the "
        'nation.\n\n"We will rebuild every city."'
    )
    assert [s for _, s, _ in speakers(adverbial)] == ["Volodymyr Zelensky"]
    role = (
        "Former central bank governor Mark Carney gave evidence to the committee on Tuesday."
        '\n\n"Inflation is not beaten yet."'
    )
    assert [s for _, s, _ in speakers(role)] == ["Mark Carney"]
    # without a person giving the account, the quotation keeps no speaker
    no_person = (
        "The storm hit the coast at dawn and a news conference was called.\n\n"
        "“We have never seen anything like it.”"
    )
    two = (
        "Sergei Lavrov met Antony Blinken in Geneva. The two men held a joint news conference."
        '\n\n"We agreed to keep talking."'
    )
    assert [s for _, s, _ in speakers(two)] == [None]
    assert [s for _, s, _ in speakers(no_person)] == [None]


def test_a_pronoun_after_a_person_led_by_an_undersecretary_title():
    text = (
        "Kazem Sadeghi welcomed the talks. Bahrain's delegation, led by Foreign Ministry "
        "Undersecretary Khalid Al Mannai, was more cautious. "
        '"We have a road map, not a friendship," he said.'
    )
    assert [s for _, s, _ in speakers(text)] == ["Khalid Al Mannai"]


def test_a_generic_role_with_a_demonym_is_the_person_of_that_country_named_before():
    text = (
        "German Chancellor Friedrich Merz met French President Emmanuel Macron in Berlin. "
        '"Europe must stand together," Merz said. "We have no choice," the French leader added.'
    )
    assert [s for _, s, _ in speakers(text)] == ["Friedrich Merz", "Emmanuel Macron"]
    # an office names its holder, never another person of the country
    office = (
        "Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban. "
        '"Talks were useful," the Russian foreign minister said.'
    )
    assert [s for _, s, _ in speakers(office)] == ["Russia"]


def test_a_participle_after_with_has_its_own_subject():
    text = (
        'The Kremlin dismissed the report as "fake news", with spokesman Dmitry Peskov telling '
        'reporters that Russia "does not comment on rumours."'
    )
    assert [s for _, s, _ in speakers(text)] == ["Kremlin", "Dmitry Peskov"]
    unnamed = 'The army pulled back, with one officer saying the position was "lost."'
    assert [s for _, s, _ in speakers(unnamed)] == [None]


def test_a_pronoun_after_a_person_the_entity_layer_missed_names_no_one_else():
    # the test double knows Rocha and Lavrov but not Khalid Al Mannai or Ivan Petrov
    missed = (
        "Rocha welcomed the deal. The delegation, led by Khalid Al Mannai, was more guarded. "
        '"We have a road map," he said.'
    )
    assert said(missed) == [("We have a road map,", None)]
    aide = 'Lavrov welcomed the deal. His aide, Ivan Petrov, disagreed. "It is early," he said.'
    assert said(aide) == [("It is early,", None)]
    given = (
        "Lavrov welcomed the deal. Mohamed, a 34-year-old teacher who walked to the camp, told "
        'reporters he had no food.\n\n"We saw bodies on the road," he said.'
    )
    assert said(given) == [("We saw bodies on the road,", None)]
    # capitalised words that are no name ("May Day") leave the pronoun its antecedent
    words = 'Lavrov welcomed the deal. The May Day parade went ahead. "It is late," he said.'
    assert said(words) == [("It is late,", "Sergei Lavrov")]


def test_an_unnamed_body_is_no_organisation_a_person_works_for():
    text = (
        "The Federal Reserve cut its key rate on Wednesday.\n\n"
        "Powell spoke after the decision.\n\n"
        "Economists were divided. “The Fed is flying blind,” said Diane Swonk, chief economist "
        "at KPMG.\n\n"
        "The central bank said in its statement that “uncertainty remains elevated.”"
    )
    assert [s for _, s, _ in speakers(text)] == ["Diane Swonk", "Federal Reserve"]
    nobody = (
        "“Rates will fall,” said Diane Swonk, chief economist at KPMG.\n\n"
        "The agency said the data were “incomplete.”"
    )
    assert [s for _, s, _ in speakers(nobody)] == ["Diane Swonk", None]


def test_signalled_frames_a_quote():
    text = 'Chair Jerome Powell signaled that further cuts were "not a foregone conclusion."'
    assert [s for _, s, _ in speakers(text)] == ["Jerome Powell"]


def test_he_after_a_sentence_that_opens_with_a_quote_is_its_speaker():
    from wirehouse import coref, nlp
    from wirehouse.entities import find_entities

    text = (
        "Rain closed the pass on Monday. 'We will reopen it,' Governor Tomás Ibarra said on "
        "Tuesday. 'Nobody will be stranded.' He blamed the weather service for the delay."
    )
    entities, mentions = find_entities(nlp.parse(text))
    speaker = coref.resolve_pronoun(text, text.index("He blamed"), entities, mentions)
    assert speaker is not None and speaker.name == "Tomás Ibarra"


def test_a_country_s_presidency_speaks_for_the_country():
    text = (
        "The border with Niger will reopen on Monday. The Nigerian presidency said it would "
        'reopen "in the interest of families and traders".'
    )
    found = [(quote, speaker) for quote, speaker, _ in speakers(text)]
    assert ("in the interest of families and traders", "Nigeria") in found


def test_a_time_phrase_opening_the_sentence_is_no_missed_name():
    text = (
        "The court ruled against Bolivia last year.\n\nOn Thursday Chile recalled its consul "
        'general in La Paz, a step the foreign ministry described as a signal of "deep '
        'disappointment".'
    )
    assert all(speaker != "On Thursday Chile" for _, speaker, _ in speakers(text))


def test_a_body_quoted_by_state_media_as_calling_something_speaks():
    text = (
        "Officials in Seoul said the troops had left. State media quoted North Korea's foreign "
        'ministry as calling the deployment "a fraternal duty".'
    )
    assert ("a fraternal duty", "North Korea") in [(q, s) for q, s, _ in speakers(text)]


def test_a_participial_aside_between_speaker_and_verb_is_skipped():
    text = (
        "Foreign ministers from the European Union, meeting in Brussels on Monday, again "
        'demanded "an immediate halt to the violence".'
    )
    found = [(q, s) for q, s, _ in speakers(text)]
    assert ("an immediate halt to the violence", "European Union") in found
