"""Property-based tests: arbitrary bytes, JSON, HTML and text never raise out of a stage.

Each reader either yields records that extract to valid articles or rejects with a reason
(ReadError, ExtractError, a record's error); the quote finder returns quotes whose offsets
hold. Hypothesis keeps the failing examples it finds in .hypothesis/ between runs.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wirehouse.extract import ExtractError, extract
from wirehouse.model import Article, SourceFile
from wirehouse.process import process_batch
from wirehouse.quotes import find_quotes
from wirehouse.read import FORMATS, ReadError, read_records

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
ID_CHARS = set("0123456789abcdef")


def _valid_text(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(value.encode("utf-8")))


def _check_article(article: Article) -> None:
    assert article.body.strip()
    assert len(article.article_id) == 16 and set(article.article_id) <= ID_CHARS
    for value in (article.body, article.title, article.author, article.url, article.source):
        assert _valid_text(value)  # no lone surrogates: the frames and DuckDB need UTF-8


def _through_read_and_extract(fmt: str, data: bytes) -> None:
    source = SourceFile(f"input.{fmt}", "/nonexistent", fmt)
    try:
        records = read_records(source, data)
    except ReadError as error:
        assert str(error)
        return
    for raw in records:
        try:
            article = extract(raw)
        except ExtractError as error:
            assert str(error)
            continue
        _check_article(article)


@FAST
@given(st.sampled_from(sorted(set(FORMATS.values()))), st.binary(max_size=2000))
@example("json", b'{"body": "\\ud800 half a pair", "title": "x"}')
@example("jsonl", b'{"body": 1' + b"0" * 5000 + b"}\n")
@example("json", b"[" * 5000)
@example("txt", "caf\u00e9 \u201cna\u00efve\u201d".encode("cp1252") * 20)
def test_arbitrary_bytes_are_read_or_rejected(fmt: str, data: bytes) -> None:
    _through_read_and_extract(fmt, data)


@FAST
@given(st.sampled_from(["txt", "md", "html"]), st.text(max_size=2000))
def test_arbitrary_text_is_read_or_rejected(fmt: str, text: str) -> None:
    _through_read_and_extract(fmt, text.encode("utf-8", "surrogatepass"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELD = st.sampled_from(
    [
        "title",
        "headline",
        "body",
        "text",
        "content",
        "published",
        "date",
        "author",
        "authors",
        "url",
        "link",
        "source",
        "site",
    ]
)


@FAST
@given(st.dictionaries(FIELD, JSON_VALUES, max_size=8), st.sampled_from(["json", "jsonl"]))
@example({"body": "A long enough article body.", "published": 1e300}, "json")
@example({"body": "A long enough article body.", "authors": [[[{"name": 5}]]]}, "jsonl")
def test_json_of_any_shape_is_read_or_rejected(record: dict, fmt: str) -> None:
    _through_read_and_extract(fmt, json.dumps(record, allow_nan=True).encode("utf-8"))


TAGS = ["p", "div", "article", "main", "span", "b", "script", "style", "a", "h1", "table", "td"]
HTML_PIECES = st.one_of(
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
    st.sampled_from(
        [
            "&amp;",
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&bogus;",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE html>",
            "<?xml version='1.0'?>",
            "\x00",
        ]
    ),
    st.text(alphabet=string.ascii_letters + " .,'\"“”", min_size=1, max_size=80),
)


@FAST
@given(st.lists(HTML_PIECES, max_size=60))
def test_tag_soup_is_parsed_or_rejected(pieces: list[str]) -> None:
    _through_read_and_extract("html", "".join(pieces).encode("utf-8"))


@FAST
@given(st.text(max_size=1500))
@example('He said "no. She said \u201cyes\u201d \u00bb\u00ab \u2018\u2019 "')
@example("\u201c" * 500)
def test_the_quote_finder_keeps_its_offsets(text: str) -> None:
    for quote in find_quotes(text, [], []):
        assert 0 <= quote.start_char < quote.end_char <= len(text)
        assert text[quote.start_char : quote.end_char] == quote.text


@SLOW
@given(st.sampled_from(sorted(FORMATS)), st.binary(max_size=600))
def test_process_batch_gives_every_file_a_row(tmp_path_factory, suffix: str, data: bytes):
    folder = Path(tmp_path_factory.mktemp("prop"))
    (folder / f"input{suffix}").write_bytes(data)
    sources = [SourceFile(f"input{suffix}", str(folder / f"input{suffix}"), FORMATS[suffix])]
    result = process_batch(sources, {}, "run")
    rows = result.tables["source_files"].to_dicts()
    assert rows, "the file vanished from the outcome"
    for row in rows:
        assert (row["status"] == "loaded") == (row["error"] is None)
        assert row["status"] == "loaded" or row["error"].strip()
