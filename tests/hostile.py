"""A hostile corpus: good articles mixed with every kind of bad or odd input a scheduled run
meets, each written with the outcome it must have.

`write_corpus(root, outside)` writes the files under root (and the targets of escaping
symbolic links under outside) and returns one Case per expected source_files row. Tests run
one ingest over it and check every case; bench/hostile_corpus.py writes the large variants.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

# The size limit the corpus is written for: "big" files exceed it, every other file stays under.
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Case:
    path: str  # relative to the corpus root, as source_files.path must hold it
    outcome: str  # loaded or rejected
    reason: str | None = None  # a phrase source_files.error must contain (rejected)
    body_has: tuple[str, ...] = ()  # phrases the loaded article's body must contain
    body_lacks: tuple[str, ...] = ()  # phrases it must not contain
    title: str | None = None  # the loaded article's exact title, when the case is about it
    record: int = 0


PARAGRAPHS = (
    "The foreign ministers of France and Germany met in Geneva on Tuesday to discuss a new "
    "trade agreement, officials said after the talks ended late in the evening.",
    "“We agreed on a plan that protects farmers and workers on both sides,” the French "
    "minister told reporters outside the conference hall.",
    "The agreement still needs the approval of both parliaments, which are expected to vote "
    "on it before the end of the year, according to a statement from the ministry.",
)
NON_ASCII = (
    "Outside, a café owner called the plan “naïve” but said his customers, who paid 5 € for "
    "a coffee, were glad the talks had finally begun."
)


def article_text(topic: str, extra: str = "") -> str:
    """A short, realistic article about topic (a title line, then paragraphs)."""
    body = [p.replace("Geneva", topic) for p in PARAGRAPHS] + ([extra] if extra else [])
    return f"Ministers meet in {topic}\n\n" + "\n\n".join(body) + "\n"


def article_record(topic: str, **fields: object) -> dict[str, object]:
    title, _, body = article_text(topic).partition("\n\n")
    return {"title": title, "body": body, **fields}


def _html_page(inside: str, head: str = "") -> str:
    head = f"<head><title>Talks</title>{head}</head>"
    return f"<!DOCTYPE html><html>{head}<body>{inside}</body></html>"


def _article_html(topic: str) -> str:
    paragraphs = "".join(f"<p>{p.replace('Geneva', topic)}</p>" for p in PARAGRAPHS)
    return f"<article><h1>Ministers meet in {topic}</h1>{paragraphs}</article>"


def write_corpus(root: Path, outside: Path) -> list[Case]:
    """Write the hostile corpus under root; escaping links point into outside."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    for writer in (_good, _json, _jsonl, _empty_and_binary, _html, _encodings, _names, _limits):
        cases.extend(writer(root, outside))
    return cases


def _write(root: Path, relative: str, data: bytes | str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _good(root: Path, _outside: Path) -> list[Case]:
    _write(root, "good/plain.txt", article_text("Geneva"))
    _write(
        root,
        "good/post.md",
        "# Talks in Oslo\n\n*Published 2025-03-14 · Daily Courier*\n\n"
        + article_text("Oslo").partition("\n\n")[2],
    )
    page = _html_page(
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        + _article_html("Vienna")
        + "<aside>Advertisement</aside><footer>© 2025 Daily Courier</footer>",
        head="<style>p { color: red }</style><script>document.title = 'pwned'</script>",
    )
    _write(root, "good/page.html", page)
    _write(root, "good/record.json", json.dumps(article_record("Rome", url="https://ex.com/rome")))
    return [
        Case("good/plain.txt", "loaded", body_has=("Geneva",), title="Ministers meet in Geneva"),
        Case("good/post.md", "loaded", body_has=("Oslo",), title="Talks in Oslo"),
        Case("good/page.html", "loaded", body_has=("Vienna",), body_lacks=("pwned", "color")),
        Case("good/record.json", "loaded", body_has=("Rome",)),
    ]


def _json(root: Path, _outside: Path) -> list[Case]:
    deep = "[" * 100_000 + "]" * 100_000
    files = {
        "json/array.json": json.dumps(
            [article_record("Madrid"), article_record("Lisbon"), 42, None]
        ),
        "json/number_title.json": json.dumps({**article_record("Athens"), "title": 2025}),
        "json/number_body.json": json.dumps({"title": "Numbers", "body": 42}),
        "json/null_body.json": json.dumps({"title": "Nothing here", "body": None}),
        "json/list_body.json": json.dumps({"title": "A list", "body": ["a", "b"]}),
        "json/truncated.json": json.dumps(article_record("Paris"))[:120],
        "json/deep.json": deep,
        "json/deep_inside.json": json.dumps(article_record("Kyiv"))[:-1] + f', "x": {deep}}}',
        "json/huge_number.json": '{"title": "Big", "body": ' + "9" * 5000 + "}",
        "json/scalar.json": json.dumps("just a string"),
        "json/half_emoji.json": json.dumps(article_record("Seoul"))[:-1]
        + ', "title": "Seoul \\ud83d talks"}',
    }
    for name, text in files.items():
        _write(root, name, text)
    return [
        Case("json/array.json", "loaded", body_has=("Madrid",), record=0),
        Case("json/array.json", "loaded", body_has=("Lisbon",), record=1),
        Case(
            "json/array.json",
            "rejected",
            "expected a JSON object for an article, found int",
            record=2,
        ),
        Case("json/array.json", "rejected", "found NoneType", record=3),
        Case("json/number_title.json", "loaded", body_has=("Athens",), title="2025"),
        Case("json/number_body.json", "rejected", "the body field holds a int, not text"),
        Case("json/null_body.json", "rejected", "no article text found"),
        Case("json/list_body.json", "rejected", "the body field holds a list, not text"),
        Case("json/truncated.json", "rejected", "not valid JSON at line 1 column"),
        Case("json/deep.json", "rejected", "JSON nested too deeply"),
        Case("json/deep_inside.json", "rejected", "JSON nested too deeply"),
        Case("json/huge_number.json", "rejected", "not valid JSON"),
        Case("json/scalar.json", "rejected", "expected a JSON object for an article, found str"),
        Case("json/half_emoji.json", "loaded", body_has=("Seoul",), title="Seoul \ufffd talks"),
    ]


def _jsonl(root: Path, _outside: Path) -> list[Case]:
    lines = [
        json.dumps(article_record("Tunis")),
        '{"title": "broken", "body": "unterminated',
        json.dumps(article_record("Cairo"), ensure_ascii=False) + "\r",  # a CRLF line
        json.dumps({"title": "numeric", "body": 7}),
        json.dumps({"title": "null", "body": None}),
        json.dumps(["not", "an", "object"]),
        "[" * 50_000 + "]" * 50_000,
        json.dumps(
            article_record("Accra", note="a line\u2028separator inside a string"),
            ensure_ascii=False,
        ),
        "",
        '{"body": ' + "1" * 5000 + "}",
    ]
    _write(root, "feeds/mixed.jsonl", "\n".join(lines) + "\n")
    return [
        Case("feeds/mixed.jsonl", "loaded", body_has=("Tunis",), record=0),
        Case("feeds/mixed.jsonl", "rejected", "line 2: not valid JSON at column", record=1),
        Case("feeds/mixed.jsonl", "loaded", body_has=("Cairo",), record=2),
        Case("feeds/mixed.jsonl", "rejected", "the body field holds a int", record=3),
        Case("feeds/mixed.jsonl", "rejected", "no article text found", record=4),
        Case("feeds/mixed.jsonl", "rejected", "line 6: expected a JSON object", record=5),
        Case("feeds/mixed.jsonl", "rejected", "line 7: JSON nested too deeply", record=6),
        Case("feeds/mixed.jsonl", "loaded", body_has=("Accra",), record=7),
        Case("feeds/mixed.jsonl", "rejected", "line 10: not valid JSON", record=8),
    ]


def _empty_and_binary(root: Path, _outside: Path) -> list[Case]:
    noise = random.Random(8).randbytes(4096)
    files = {
        "bad/empty.txt": b"",
        "bad/blank.md": b" \n\t\r\n  \n",
        "bad/image.txt": b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "bad/archive.json": b"PK\x03\x04" + bytes(26) + noise,
        "bad/document.html": b"%PDF-1.7\n" + noise,
        "bad/noise.jsonl": b"\x00\x01\x02\x03" + noise,
    }
    for name, data in files.items():
        _write(root, name, data)
    return [
        Case("bad/empty.txt", "rejected", "empty file"),
        Case("bad/blank.md", "rejected", "empty file"),
        Case("bad/image.txt", "rejected", "binary file (PNG"),
        Case("bad/archive.json", "rejected", "binary file (ZIP"),
        Case("bad/document.html", "rejected", "binary file (PDF"),
        Case("bad/noise.jsonl", "rejected", "binary file"),
    ]


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def _html(root: Path, _outside: Path) -> list[Case]:
    nested = "<div>" * 50_000
    files = {
        "html/no_article.html": _html_page(
            "<nav><a href='/'>Home</a></nav><footer>Contact us</footer><script>track()</script>"
        ),
        "html/deep_nesting.html": _html_page(nested + _article_html("Lima")),
        "html/deep_after.html": _html_page(_article_html("Quito") + nested + "deep"),
        "html/billion_laughs.html": BILLION_LAUGHS
        + _html_page(_article_html("Bern") + "<p>&lol9;&lol9;</p>"),
        "html/external_entity.html": '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + _html_page(_article_html("Sofia") + "<p>&xxe;</p>"),
        "html/unclosed.html": "<html><body><article><h1>Ministers meet in Riga<p>"
        + "<p>".join(p.replace("Geneva", "Riga") for p in PARAGRAPHS)
        + "<div><span><b>",
        "html/scripts.html": _html_page(
            "<script>document.cookie = 'stolen'</script><style>body{display:none}</style>"
            + _article_html("Minsk")
            + "<p>Odd references: &#x110000; &#0; &#xD800; and &amp; stay text.</p>"
            + "<noscript>Enable JavaScript</noscript><script src='x.js'></script>",
            head="<script>window.location='https://evil.example'</script>",
        ),
        "html/long_line.html": _html_page(
            _article_html("Baku") + "<p>" + "very long line " * 40_000 + "</p>"
        ).replace("\n", " "),
    }
    for name, text in files.items():
        _write(root, name, text)
    return [
        Case("html/no_article.html", "rejected", "no article text found"),
        Case("html/deep_nesting.html", "rejected", "more than 255 levels deep"),
        Case("html/deep_after.html", "loaded", body_has=("Quito",)),
        Case("html/billion_laughs.html", "loaded", body_has=("Bern",), body_lacks=("lollol",)),
        Case("html/external_entity.html", "loaded", body_has=("Sofia",), body_lacks=("root:",)),
        Case("html/unclosed.html", "loaded", body_has=("Riga", "both parliaments")),
        Case(
            "html/scripts.html",
            "loaded",
            body_has=("Minsk",),
            body_lacks=("stolen", "evil.example", "display:none", "\x00"),
        ),
        Case("html/long_line.html", "loaded", body_has=("Baku", "very long line")),
    ]


def _encodings(root: Path, _outside: Path) -> list[Case]:
    text = article_text("Brussels", NON_ASCII)
    files = {
        "enc/utf16_bom.txt": text.encode("utf-16"),
        "enc/utf16le.txt": text.encode("utf-16-le"),
        "enc/utf16be.txt": text.encode("utf-16-be"),
        "enc/utf8_bom.md": "\ufeff# Café society\n\n" + text.partition("\n\n")[2],
        "enc/cp1252.txt": text.encode("cp1252"),
        "enc/latin1.txt": text.replace("“", '"')
        .replace("”", '"')
        .replace("€", "EUR")
        .encode("latin-1"),
        "enc/mixed_endings.txt": text.replace("\n\n", "\r\n\r\n", 1).replace("\n\n", "\r\r", 1),
    }
    for name, data in files.items():
        _write(root, name, data)
    words = ("café", "“naïve”", "5 €")
    return [
        Case("enc/utf16_bom.txt", "loaded", body_has=words),
        Case("enc/utf16le.txt", "loaded", body_has=words),
        Case("enc/utf16be.txt", "loaded", body_has=words),
        Case("enc/utf8_bom.md", "loaded", body_has=words, title="Café society"),
        Case("enc/cp1252.txt", "loaded", body_has=words),
        Case("enc/latin1.txt", "loaded", body_has=("café", '"naïve"', "5 EUR")),
        Case(
            "enc/mixed_endings.txt",
            "loaded",
            body_has=(
                "Brussels",
                "café",
                "officials said after the talks ended late in the evening.\n\n“We agreed",
            ),
            body_lacks=("\r",),
            title="Ministers meet in Brussels",
        ),
    ]


NAMES = (
    'it\'s "quoted".txt',
    "semi;colon.txt",
    "with  spaces .md",
    "Пхеньян 平壤 café.txt",
    "x'; drop table articles;--.txt",
    "back\\slash `tick` $(echo no).txt",
)


def _names(root: Path, _outside: Path) -> list[Case]:
    cases = []
    for index, name in enumerate(NAMES):
        topic = f"Town{index}"
        _write(root, f"names/{name}", article_text(topic))
        cases.append(Case(f"names/{name}", "loaded", body_has=(topic,)))
    # a name whose bytes are not UTF-8 (a Latin-1 "é"): stored with a \xNN escape
    raw_name = os.fsencode(root / "names") + b"/caf\xe9 latin-1 name.txt"
    with open(raw_name, "wb") as handle:
        handle.write(article_text("Lyon").encode("utf-8"))
    cases.append(Case("names/caf\\xe9 latin-1 name.txt", "loaded", body_has=("Lyon",)))
    return cases


def _limits(root: Path, outside: Path) -> list[Case]:
    _write(root, "big/huge.txt", article_text("Big") + "filler text. " * (MAX_BYTES // 12))
    (outside / "secret.txt").write_text(article_text("Secret"), encoding="utf-8")
    links = root / "links"
    links.mkdir(parents=True, exist_ok=True)
    (links / "outside.txt").symlink_to(outside / "secret.txt")
    (links / "relative_escape.md").symlink_to(Path("..") / ".." / outside.name / "secret.txt")
    (links / "inside.txt").symlink_to(Path("..") / "good" / "plain.txt")
    (links / "dangling.txt").symlink_to(links / "missing.txt")
    (links / "loop.txt").symlink_to(links / "loop.txt")
    (links / "folder_outside").symlink_to(outside, target_is_directory=True)
    special = root / "special"
    special.mkdir(parents=True, exist_ok=True)
    os.mkfifo(special / "pipe.txt")
    return [
        Case("big/huge.txt", "rejected", "file too large"),
        Case("links/outside.txt", "rejected", "symbolic link pointing outside the input folder"),
        Case(
            "links/relative_escape.md",
            "rejected",
            "symbolic link pointing outside the input folder",
        ),
        Case("links/inside.txt", "loaded", body_has=("Geneva",)),
        Case("links/dangling.txt", "rejected", "symbolic link to a missing file"),
        Case("links/loop.txt", "rejected", "symbolic link loop"),
        Case("special/pipe.txt", "rejected", "not a regular file (a named pipe)"),
    ]
