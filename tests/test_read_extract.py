"""Readers and body cleanup on real bytes, without the flow."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SHARED
from wirehouse.extract import ExtractError, article_id, clean_body, extract
from wirehouse.model import SourceFile
from wirehouse.read import ReadError, decode, discover, read_records

SEED = SHARED / "seed" / "us_north_korea_demand.txt"
TEXT = "Café owners in Zürich said the “naïve” plan would fail.\n\nSecond paragraph here."


def articles_of(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    source = next(s for s in discover(tmp_path) if s.path == name)
    return [extract(raw) for raw in read_records(source, data)]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_decode_recovers_the_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_decode_latin1_without_curly_quotes() -> None:
    text = "Le garçon a mangé une crème brûlée à Genève, près du lac. " * 3
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file (PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "binary file (PDF"),
    ],
)
def test_unreadable_bytes_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason.replace("(", r"\(")):
        decode(data)


def test_txt_first_line_is_title_and_furniture_goes() -> None:
    source = SourceFile("seed.txt", str(SEED), "txt")
    [raw] = read_records(source, SEED.read_bytes())
    article = extract(raw)
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert article.title == gold["title"]
    for furniture in gold["boilerplate_not_in_body"]:
        assert furniture not in article.body
    assert "\n\nUS issues bold new demand to North Korea\n\n" not in article.body
    assert article.body.startswith("The United States has issued a strong warning")
    assert "Too many people are dying!!!”" in article.body
    assert article.language == "en"


def test_markdown_heading_and_dated_byline(tmp_path: Path) -> None:
    md = (
        "# Harbour reopens after storm\n\n*Published 2025-03-14 · Daily Courier*\n\n"
        "By Ana Lopes\n\nThe harbour at **Porto** reopened on Friday, the [port](http://x) "
        "authority said.\n\nShare this article\n"
    )
    [article] = articles_of(tmp_path, "post.md", md.encode())
    assert article.title == "Harbour reopens after storm"
    assert article.source == "Daily Courier"
    assert article.author == "Ana Lopes"
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2025-03-14"
    assert article.body == "The harbour at Porto reopened on Friday, the port authority said."


@pytest.mark.parametrize(
    "record",
    [
        {
            "headline": "H",
            "articleBody": "Body text of the story.",
            "datePublished": "2025-01-02",
            "author": {"name": "A. Writer"},
            "url": "https://ex.org/a",
            "publisher": {"name": "Ex"},
        },
        {
            "title": "H",
            "text": "Body text of the story.",
            "published_at": "2025-01-02T00:00:00Z",
            "byline": "A. Writer",
            "link": "https://ex.org/a",
            "site": "Ex",
        },
        {
            "title": "H",
            "content": "<p>Body text of the story.</p>",
            "date": "2025-01-02",
            "authors": ["A. Writer"],
            "url": "https://ex.org/a",
            "source": "Ex",
        },
    ],
    ids=["schema.org", "feed", "html-content"],
)
def test_json_field_names_of_real_feeds(tmp_path: Path, record: dict) -> None:
    [article] = articles_of(tmp_path, "a.json", json.dumps(record).encode())
    assert (article.title, article.body, article.author) == (
        "H",
        "Body text of the story.",
        "A. Writer",
    )
    assert (article.url, article.source) == ("https://ex.org/a", "Ex")
    assert article.published_at.date().isoformat() == "2025-01-02"
    assert article.article_id == article_id("https://ex.org/a", "other/path.json", 7)


def test_jsonl_broken_record_is_isolated(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "One", "body": "First story."}),
        "{not json",
        json.dumps({"title": "Three", "body": "Third story."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    [source] = discover(tmp_path)
    records = read_records(source, path.read_bytes())
    assert [r.record for r in records] == [0, 1, 2]
    assert records[1].error.startswith("line 2: not valid JSON at column 2")
    assert extract(records[2]).title == "Three"
    with pytest.raises(ExtractError, match="line 2"):
        extract(records[1])


def test_broken_json_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "x",\n "body": "y" "z"}', encoding="utf-8")
    [source] = discover(tmp_path)
    with pytest.raises(ReadError, match="not valid JSON at line 2 column 14"):
        read_records(source, path.read_bytes())


def test_html_page_keeps_the_article_only() -> None:
    page = SAMPLES / "ankara_grain_corridor.html"
    source = SourceFile(page.name, str(page), "html")
    [article] = [extract(r) for r in read_records(source, page.read_bytes())]
    assert article.title == "Turkey hosts talks on Black Sea grain corridor"
    assert article.author == "Defne Aydin"
    assert article.source == "The Meridian"
    assert article.url.endswith("/black-sea-grain-talks")
    assert article.published_at.date().isoformat() == "2025-07-09"
    assert "“Nobody left the table, and that matters,” Fidan said." in article.body
    for furniture in (
        "Advertisement",
        "Most read",
        "Privacy policy",
        "Read more",
        "Home",
        "All rights reserved",
        "Grain prices hit",
    ):
        assert furniture not in article.body


def test_html_without_article_is_rejected(tmp_path: Path) -> None:
    html = b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2025</footer></body></html>"
    with pytest.raises(ExtractError, match="no article text"):
        articles_of(tmp_path, "empty.html", html)


def test_clean_body_drops_furniture_but_keeps_prose() -> None:
    body = clean_body(
        "Storm hits coast\n\nThe storm hit the coast on Monday.\n\nREAD MORE\n\nAdvertisement\n\n"
        "Subscribe to our newsletter for daily updates\n\nStorm hits coast\n\n"
        "Officials said readers should share this warning with neighbours.",
        "Storm hits coast",
    )
    assert body == (
        "The storm hit the coast on Monday.\n\n"
        "Officials said readers should share this warning with neighbours."
    )


def test_discover_is_recursive_and_skips_gold_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/b/x.txt", "a/y.HTML", "z.jsonl", "z.gold.json", "notes.docx", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    assert [s.path for s in discover(tmp_path)] == ["z.jsonl", "a/y.HTML", "a/b/x.txt"]


@pytest.mark.parametrize(
    ("header", "author", "date", "source"),
    [
        ("By Tom Hadley\nSunday 18 May 2025", "Tom Hadley", "2025-05-18", None),
        (
            "By Jonas Petrauskas | The Baltic Ledger | 21 October 2025",
            "Jonas Petrauskas",
            "2025-10-21",
            "The Baltic Ledger",
        ),
        (
            "Yuki Tanaka, Science Correspondent\nThursday, 4 September 2025",
            "Yuki Tanaka",
            "2025-09-04",
            None,
        ),
        ("By Wanjiru Kamau\nPublished 12 May 2025", "Wanjiru Kamau", "2025-05-12", None),
        ("Maya Okafor in Lagos\nTue 3 Mar 2025 09.15 GMT", "Maya Okafor", "2025-03-03", None),
        (
            "Maya Okafor and Tom Reyes in Lagos\nMon 3 Mar 2025",
            "Maya Okafor; Tom Reyes",
            "2025-03-03",
            None,
        ),
    ],
)
def test_txt_bylines_become_metadata(tmp_path: Path, header, author, date, source) -> None:
    text = f"Rains close schools across the region\n\n{header}\n\nSchools closed on Monday.\n"
    [article] = articles_of(tmp_path, "story.txt", text.encode())
    assert (article.author, article.source) == (author, source)
    assert article.published_at.date().isoformat() == date
    assert article.body == "Schools closed on Monday."


def test_wire_credits_and_related_lines_are_furniture() -> None:
    body = clean_body("Talks ended.\n\nRelated: Prices hit a record\n\n(Editing by Mark Feller)")
    assert body == "Talks ended."


def test_a_place_line_without_a_date_beside_it_stays_in_the_body(tmp_path: Path) -> None:
    text = "Markets calm\n\nCalm in Lagos\n\nTraders said prices held on Monday.\n"
    [article] = articles_of(tmp_path, "story.txt", text.encode())
    assert article.author is None
    assert article.body.startswith("Calm in Lagos")


def test_a_time_printed_with_a_dot_and_a_zone_is_read() -> None:
    from wirehouse.extract import parse_date

    parsed = parse_date("Wed 14 Oct 2026 17.45 BST")
    assert parsed is not None and parsed.isoformat() == "2026-10-14T17:45:00+01:00"


@pytest.mark.parametrize(
    "header",
    [
        '---\ntitle: "Dam talks resume"\nauthor: [Ines Duarte, Karl Berg]\n'
        "date: 2025-06-02T08:00:00+02:00\nsource: River Post\n"
        "url: https://riverpost.example/dam-talks\ntags: [water, dams]\n---\n",
        '+++\ntitle = "Dam talks resume"\nauthors = ["Ines Duarte", "Karl Berg"]\n'
        'date = 2025-06-02T08:00:00+02:00\nsite = "River Post"\n'
        'link = "https://riverpost.example/dam-talks"\n+++\n',
    ],
    ids=["yaml", "toml"],
)
def test_markdown_front_matter_is_metadata_not_body(tmp_path: Path, header: str) -> None:
    md = header + "\n# Dam talks resume\n\nEngineers met in Lisbon on Monday.\n"
    [article] = articles_of(tmp_path, "dam.md", md.encode())
    assert article.title == "Dam talks resume"
    assert article.author == "Ines Duarte; Karl Berg"
    assert article.published_at.isoformat() == "2025-06-02T08:00:00+02:00"
    assert (article.source, article.url) == ("River Post", "https://riverpost.example/dam-talks")
    assert article.body == "Engineers met in Lisbon on Monday."


def test_a_rule_that_is_not_front_matter_stays(tmp_path: Path) -> None:
    md = "# Notes\n\nFirst paragraph here.\n\n---\n\nSecond paragraph here.\n"
    [article] = articles_of(tmp_path, "notes.md", md.encode())
    assert article.body == "First paragraph here.\n\nSecond paragraph here."


def test_reuters_and_ap_credit_lines_are_furniture_but_prose_about_reporting_is_not() -> None:
    body = clean_body(
        "Talks ended.\n\n"
        "Reporting by Tomasz Brennan in London; additional reporting by Noura Khalil in Dubai; "
        "editing by Simon Achterberg\n\n"
        "Associated Press writer Ana Lopes in Kyiv contributed to this report.\n\n"
        "Reporting by the agency showed that prices rose."
    )
    assert body == "Talks ended.\n\nReporting by the agency showed that prices rose."


def test_an_advert_inside_the_story_container_is_pruned(tmp_path: Path) -> None:
    paragraph = "<p>The ministry said on Monday that exports rose by a tenth in the year. </p>"
    page = (
        "<html><head><title>Exports rise</title></head><body><article><h1>Exports rise</h1>"
        + paragraph * 3
        + '<div class="site-ad" id="div-gpt-ad-mid"><p>Buy shares in Acme today, '
        "commission free for new customers.</p></div>" + paragraph * 3 + "</article></body></html>"
    )
    [article] = articles_of(tmp_path, "page.html", page.encode())
    assert "exports rose" in article.body
    assert "Acme" not in article.body


def test_a_wire_story_gives_its_author_by_the_credit_and_its_source_by_the_dateline(
    tmp_path: Path,
) -> None:
    text = (
        "Copper miners strike\n\n"
        "LIMA, March 4 (Andes Wire) - Miners at two copper pits walked out on Tuesday.\n\n"
        "The union said talks had failed.\n\n"
        "(Reporting by Rosa Quispe in Lima; Editing by Dan Ortiz)\n"
    )
    [article] = articles_of(tmp_path, "wire.txt", text.encode())
    assert (article.author, article.source) == ("Rosa Quispe", "Andes Wire")
    assert "Reporting by" not in article.body
    assert article.body.startswith("LIMA, March 4 (Andes Wire) - Miners")


def test_several_authors_are_one_list_in_title_case_without_where_they_filed_from(
    tmp_path: Path,
) -> None:
    md = (
        "# Border talks stall\n\nBy Anahit Sargsyan in Yerevan and Farid Huseynov in Baku"
        " | 25 November 2026\n\nArmenia and Azerbaijan traded blame on Wednesday after a"
        " shooting near the border, officials in both capitals said.\n"
    )
    [article] = articles_of(tmp_path, "two.md", md.encode())
    assert article.author == "Anahit Sargsyan; Farid Huseynov"
    shouted = (
        "# Talks\n\nBy HANNA MELNYK and SAMUEL ORTIZ\n\nKyiv was dark again on Monday night.\n"
    )
    [article] = articles_of(tmp_path, "caps.md", shouted.encode())
    assert article.author == "Hanna Melnyk; Samuel Ortiz"


def test_a_wire_dateline_credit_names_the_agency(tmp_path: Path) -> None:
    text = (
        "Grid hit again\n\nKYIV, Ukraine (AP) — Russia struck the power grid overnight,"
        " officials said, leaving thousands of homes without heating in the cold.\n"
    )
    [article] = articles_of(tmp_path, "wire.txt", text.encode())
    assert article.source == "Associated Press"


def test_an_agency_line_under_the_byline_is_the_source_not_text(tmp_path: Path) -> None:
    text = (
        "Grid hit again\n\nBy HANNA MELNYK\nAssociated Press\nFebruary 12, 2026\n\n"
        "Russia struck the power grid overnight, officials said, leaving thousands of homes"
        " without heating.\n"
    )
    [article] = articles_of(tmp_path, "wire.txt", text.encode())
    assert article.source == "Associated Press"
    assert not article.body.startswith("Associated Press")


def test_a_site_whose_class_prefix_looks_like_an_ad_slot_keeps_its_story(tmp_path: Path) -> None:
    story = "".join(
        f'<p class="ad-story__p">Paragraph {i}: the ministers of Chile and Peru met in Lima on '
        f"Monday to discuss fishing quotas, officials said, and agreed to meet again.</p>"
        for i in range(8)
    )
    html = (
        '<html><head><title>Chile and Peru talk fish</title></head><body class="ad-body">'
        '<header class="ad-hdr"><nav class="ad-nav"><a href="/">Home</a></nav></header>'
        f'<main class="ad-main"><article class="ad-art"><h1 class="ad-art__title">Chile and Peru'
        f' talk fish</h1><div class="ad-art__body">{story}</div></article></main>'
        '<div class="ad-slot" data-ad-slot="1">Advertisement</div></body></html>'
    )
    [article] = articles_of(tmp_path, "prefixed.html", html.encode())
    assert "Paragraph 0: the ministers of Chile and Peru met in Lima" in article.body
    assert "Paragraph 7:" in article.body


def test_a_page_s_declared_publication_time_beats_a_guess(tmp_path: Path) -> None:
    story = "".join(
        f"<p>Paragraph {i}: the coast guards of both countries traded blame on Tuesday over "
        "a collision near the shoal, officials in Manila said.</p>"
        for i in range(6)
    )
    page = (
        '<html><head><title>Collision at sea</title><meta property="article:published_time" '
        'content="2026-12-02T10:20:00Z"></head><body><article><h1>Collision at sea</h1>'
        f"{story}</article><footer>© 2026 Example News</footer></body></html>"
    )
    [article] = articles_of(tmp_path, "page.html", page.encode())
    assert article.published_at.isoformat() == "2026-12-02T10:20:00+00:00"


def test_a_dateline_naming_two_cities_still_credits_its_agency(tmp_path: Path) -> None:
    text = (
        "Canola row\n\nNEW DELHI/OTTAWA (Halden Wire) - India doubled the duty on canola on"
        " Tuesday, escalating a trade dispute with Canada, officials said.\n"
    )
    [article] = articles_of(tmp_path, "wire.txt", text.encode())
    assert article.source == "Halden Wire"


def test_a_byline_with_the_reporter_s_post_gives_the_author_and_leaves_the_body(
    tmp_path: Path,
) -> None:
    text = (
        "Boats seized\n\nBy Hannah Cole, Seoul correspondent\nPublished: 20 November 2026\n\n"
        "SEOUL (Pacific Newswire) - South Korea's coast guard seized two fishing boats on"
        " Thursday, officials said.\n"
    )
    [article] = articles_of(tmp_path, "boats.txt", text.encode())
    assert (article.author, article.source) == ("Hannah Cole", "Pacific Newswire")
    assert article.body.startswith("SEOUL (Pacific Newswire)")
