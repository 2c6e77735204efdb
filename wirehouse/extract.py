"""Extract stage: a raw record becomes a clean Article (body text plus metadata).

HTML goes through trafilatura; Markdown through markdown-it; JSON fields are mapped from the
names real feeds use. Every body then passes one cleanup that removes page furniture.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from datetime import UTC, datetime
from functools import cache

import py3langid
import trafilatura
import yaml
from dateutil import parser as dateparser
from markdown_it import MarkdownIt
from trafilatura.external import SANITIZED_XPATH
from trafilatura.settings import DEFAULT_CONFIG, Document

from wirehouse.model import Article, RawRecord
from wirehouse.resources import read_csv_rows

FIELD_NAMES = {
    "title": ("title", "headline", "name"),
    "body": ("body", "text", "content", "articleBody", "article_body", "full_text", "story"),
    "published": (
        "published",
        "published_at",
        "datePublished",
        "date_published",
        "date",
        "pubDate",
        "publishedAt",
        "created_at",
        "timestamp",
    ),
    "author": ("author", "byline", "authors", "creator", "writer"),
    "url": ("url", "link", "canonical_url", "uri", "permalink"),
    "source": ("source", "site", "site_name", "publisher", "sitename", "outlet", "domain"),
}
_HTML_TAG = re.compile(r"<(p|div|br|article|span|h[1-6]|ul|li|a)\b[^>]*>", re.IGNORECASE)
_WEEKDAY = (
    r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?"
)
_CLOCK = r"(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{_WEEKDAY}[A-Z][a-z]+\.? \d{{1,2}},? \d{{4}}{_CLOCK}"
    rf"|{_WEEKDAY}\d{{1,2}} [A-Z][a-z]+\.?,? \d{{4}}{_CLOCK})"
)
_DATE_SEGMENT = re.compile(
    rf"(?:(?:Published|Posted|Updated|Last updated)\s*:?\s*)?(?P<date>{_DATE})"
)
_BYLINE_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|van|von|al-?\w*)){0,3}"
_FILED_FROM = r"(?:\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
# "By Ana Lopes", "By A in Yerevan and B in Baku": names, each maybe with where it was filed
_BY_SEGMENT = re.compile(
    rf"By\s+(?P<author>{_BYLINE_NAME}{_FILED_FROM}"
    rf"(?:(?:\s+and\s+|,\s*){_BYLINE_NAME}{_FILED_FROM})*)"
    r"(?:,\s+(?:[A-Z][\w-]*\s+){0,3}(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter))?"
)
_FILED_IN = re.compile(r"\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}$")  # " in Yerevan"
_AUTHOR_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")
_PERSON_NAME = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}")
_AUTHOR_ROLE = re.compile(
    r"(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s+"
    r"(?:[A-Z][\w-]*\s+){0,3}(?:Correspondent|Reporter|Editor|Writer|Columnist|Staff)"
)
_META_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*[|·•]\s*")
_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<header>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)",
    re.DOTALL,
)
# A by-line that is a name and where it was filed from ("Lucía Herrera in Bogotá"), taken as
# one only beside a date line, since alone it could be a short headline-like paragraph.
_NAME_IN_PLACE = re.compile(
    r"(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s+and\s+[A-Z][\w.'’-]+"
    r"(?:\s+[A-Z][\w.'’-]+){1,3})?)\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}"
)
_PERSON = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|van|von|al|bin)){1,3}"
_CREDIT_AUTHOR = re.compile(
    rf"(?:^|\n)\(?Reporting by (?P<author>{_PERSON}(?:(?:, | and ){_PERSON})*)", re.MULTILINE
)
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z .'’/-]+(?:, [A-Z][\w .'’-]+)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? "
    r"\((?P<source>[A-Za-z][\w .&'’-]{1,40})\)\s+[-—–]"
)
_TIME_WITH_DOT = re.compile(r"(?<=\s)(\d{1,2})\.(\d{2})(?=\s|$)")


# The opening a language is told from: a thousand characters of prose settle it (a third of the
# cost of 3,000, which gave the same answer on every gold, sample and bench article).
LANGUAGE_SAMPLE_CHARS = 1000


class ExtractError(Exception):
    """A record with no usable article in it; the message is shown to the user."""


def extract(raw: RawRecord) -> Article:
    fields = _FORMAT_EXTRACTORS[raw.format](raw)
    body = clean_body(str(fields.get("body") or ""), fields.get("title"))
    meta = _bylines_to_metadata(body, fields)
    body, agency = _agency_line(meta.pop("body"))
    meta = {**_wire_metadata(str(fields.get("body") or ""), body), **agency, **_known(meta)}
    if not body.strip():
        raise ExtractError("no article text found")
    url = _text(fields.get("url"))
    return Article(
        article_id=article_id(url, raw.path, raw.record),
        path=raw.path,
        record=raw.record,
        format=raw.format,
        content_sha256=raw.content_sha256,
        title=_text(fields.get("title")),
        author=_author_text(_text(meta.get("author"))),
        url=url,
        source=_text(meta.get("source")),
        published_at=parse_date(meta.get("published")),
        language=detect_language(body),
        body=body,
    )


def article_id(url: str | None, path: str, record: int) -> str:
    """Deterministic id: from the url when there is one, else from path and record number."""
    key = _normal_url(url) if url else f"{path}#{record}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _normal_url(url: str) -> str:
    url = url.strip().split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.rstrip("/")
    host, slash, tail = rest.partition("/")
    return f"{scheme.lower()}://{host.lower().removeprefix('www.')}{slash}{tail}".rstrip("/")


# --- per-format field extraction -------------------------------------------------------------


def _from_txt(raw: RawRecord) -> dict[str, object]:
    paragraphs = split_paragraphs(raw.text)
    title = None
    if paragraphs and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    return {"title": title, "body": "\n\n".join(paragraphs)}


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 25 and len(line) <= 200 and not line.rstrip().endswith((".", ":", ","))
    )


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _from_md(raw: RawRecord) -> dict[str, object]:
    header, text = split_front_matter(raw.text)
    title = None
    paragraphs: list[str] = []
    tokens = _markdown().parse(text)
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        text = _inline_text(token).strip()
        opener = tokens[index - 1]
        if opener.type == "heading_open" and opener.tag == "h1" and title is None:
            title = text
        elif text:
            paragraphs.append(text)
    fields = {name: _first_field(header, keys) for name, keys in FIELD_NAMES.items()}
    fields["author"] = _author_text(fields["author"])
    return {**fields, "title": fields["title"] or title, "body": "\n\n".join(paragraphs)}


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(the fields of a leading YAML (---) or TOML (+++) front-matter block, the text after
    it); ({}, text) when there is none or it is not a mapping."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    try:
        if found["fence"] == "---":
            fields = yaml.safe_load(found["header"])
        else:
            fields = tomllib.loads(found["header"])
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        return {}, text
    if not isinstance(fields, dict):
        return {}, text
    return {str(key): value for key, value in fields.items()}, text[found.end() :]


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("em_open", "em_close") and token.content.strip().startswith("*"):
            # keep by-line markers visible so the by-line parser can recognise the line
            parts.append("*" if _is_whole_line_emphasis(token) else "")
    return "".join(parts)


def _is_whole_line_emphasis(token) -> bool:
    children = token.children or []
    return bool(children) and children[0].type == "em_open" and children[-1].type == "em_close"


def _from_html(raw: RawRecord) -> dict[str, object]:
    return html_fields(raw.text)


def html_fields(html: str) -> dict[str, object]:
    try:
        document = _bare_extraction(html)
    except (ValueError, TypeError) as error:  # lxml refuses some inputs outright
        raise ExtractError(f"HTML could not be parsed: {error}") from None
    if document is None or document.body is None:
        raise ExtractError("no article text found in the HTML page")
    paragraphs = [" ".join("".join(node.itertext()).split()) for node in document.body]
    return {
        "title": document.title,
        "author": document.author,
        "published": _published(html, document.date),
        "url": document.url,
        "source": document.sitename or document.hostname,
        "body": "\n\n".join(p for p in paragraphs if p),
    }


_DECLARED_DATE = re.compile(
    r"(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished)[\"'][^>]*?"
    r"content=[\"'](?P<meta>[^\"']+)[\"']"
    r"|\"datePublished\"\s*:\s*\"(?P<json>[^\"]+)\"",
    re.IGNORECASE,
)


def _published(html: str, guessed: str | None) -> str | None:
    """trafilatura's date, unless the page declares another day for machines (trafilatura
    once read a page's "© 2026" as 1 January)."""
    declared = _declared_date(html)
    if declared and (not guessed or guessed[:10] != declared[:10]):
        return declared
    return guessed


def _declared_date(html: str) -> str | None:
    """The publication time a page declares for machines: its article:published_time meta
    tag or its JSON-LD datePublished."""
    found = _DECLARED_DATE.search(html[:200_000])
    return (found["meta"] or found["json"]) if found else None


_TRAFILATURA_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "deduplicate": False,
}
# Below this many characters trafilatura's full cascade would consult jusText (its own
# MIN_EXTRACTED_SIZE) or retry the page; a fast result that short is not trusted.
_SHORT_TEXT = 2 * DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")


@cache
def _prune_xpaths() -> tuple[str, ...]:
    return tuple(row["xpath"] for row in read_csv_rows("text", "prune_xpath.csv"))


def _bare_extraction(html: str) -> Document | None:
    """trafilatura's extraction of a page, in its fast mode first. Fast mode skips the
    comparison with readability and jusText (40% of trafilatura's time), which kept
    trafilatura's own result on every page of data/gold, data/samples and the benchmark's
    corpus. When the fast result is one the full cascade could replace (none, short, no
    paragraph text, page furniture left in it), the page gets the full cascade. Metadata are
    the same in both modes."""
    options = {**_TRAFILATURA_OPTIONS, "prune_xpath": list(_prune_xpaths())}
    document = trafilatura.bare_extraction(html, fast=True, **options)
    if _full_cascade_could_differ(document):
        document = trafilatura.bare_extraction(html, **options)
    if document is None or not (document.text or "").strip():
        # a site whose own class prefix reads like an ad slot ("ad-art__body" on Asia
        # Dispatch) loses its whole story to the ad pruning: the page without it
        document = trafilatura.bare_extraction(html, **_TRAFILATURA_OPTIONS)
    return document


def _full_cascade_could_differ(document: Document | None) -> bool:
    if document is None or document.body is None:
        return True
    body = document.body
    return (
        len(document.text or "") < _SHORT_TEXT
        or not body.xpath(".//p//text()")
        or bool(body.xpath(SANITIZED_XPATH))  # the full cascade's cue to try jusText
    )


def _from_json(raw: RawRecord) -> dict[str, object]:
    if raw.error:
        raise ExtractError(raw.error)
    fields = {name: _first_field(raw.fields, keys) for name, keys in FIELD_NAMES.items()}
    body = fields["body"]
    if body is not None and not isinstance(body, str):
        raise ExtractError(f"the body field holds a {type(body).__name__}, not text")
    if isinstance(body, str) and _HTML_TAG.search(body):
        html = html_fields(f"<html><body><article>{body}</article></body></html>")
        fields["body"] = html["body"]
    for name in ("title", "url", "source"):
        value = fields[name]
        if isinstance(value, dict):
            fields[name] = value.get("name") or value.get("url")
    fields["author"] = _author_text(fields["author"])
    return fields


def _first_field(obj: dict[str, object], keys: tuple[str, ...]) -> object:
    lowered = {str(key).lower(): value for key, value in obj.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", []):
            return value
    return None


def _author_text(value: object) -> str | None:
    """One author, or several joined by "; " ("HANNA MELNYK and SAMUEL ORTIZ" -> "Hanna
    Melnyk; Samuel Ortiz"; "A in Yerevan and B in Baku" -> "A; B")."""
    if value is None:
        return None
    if isinstance(value, dict):
        return _author_text(value.get("name"))
    if isinstance(value, list):
        names = [_author_text(item) for item in value]
        return "; ".join(name for name in names if name) or None
    names = [_FILED_IN.sub("", name).strip() for name in _AUTHOR_SEPARATORS.split(str(value))]
    names = [part for name in names for part in _comma_names(name)]
    names = [name.title() if name.isupper() else name for name in names if name]
    return "; ".join(names) or None


def _comma_names(text: str) -> list[str]:
    """ "Ana Lopes, Ben Ko" is two names; "Yuki Tanaka, Science Correspondent" stays one."""
    parts = [part.strip() for part in text.split(",")]
    names = len(parts) > 1 and all(_PERSON_NAME.fullmatch(part) for part in parts)
    roles = any(word in text for word in ("Correspondent", "Editor", "Reporter", "Staff"))
    return parts if names and not roles else [text]


_FORMAT_EXTRACTORS = {
    "txt": _from_txt,
    "md": _from_md,
    "html": _from_html,
    "json": _from_json,
    "jsonl": _from_json,
}


# --- body cleanup ----------------------------------------------------------------------------


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line separated blocks (hard wraps joined), or one per
    line when the text has no blank lines at all. A block of by-lines keeps its lines apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"\n[ \t\u00a0]*\n", text):
        blocks = re.split(r"\n[ \t\u00a0]*\n", text)
    else:
        blocks = text.split("\n")
    paragraphs = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and any(meta_line(line) for line in lines):
            paragraphs.extend(" ".join(line.split()) for line in lines)
        else:
            paragraphs.append(" ".join(block.split()))
    return [p for p in paragraphs if p]


@cache
def _furniture() -> tuple[tuple[re.Pattern[str], int], ...]:
    rows = read_csv_rows("text", "boilerplate.csv")
    return tuple(
        (re.compile(rf"(?:{row['pattern']})\s*", re.IGNORECASE), int(row["max_chars"]))
        for row in rows
    )


def is_furniture(paragraph: str) -> bool:
    text = paragraph.strip(" *_#>-–—•|")
    if not text:
        return True
    return any(len(text) <= limit and pattern.fullmatch(text) for pattern, limit in _furniture())


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def is_repeated_headline(paragraph: str, title: str | None) -> bool:
    """A paragraph that is the title, or its first four or more words, standing alone."""
    if not title or paragraph.rstrip().endswith((".", "!", "?", "\u201d", '"')):
        return False
    line, head = _normal(paragraph), _normal(title)
    return bool(line) and (line == head or (len(line.split()) >= 4 and head.startswith(line)))


def clean_body(text: str, title: object = None) -> str:
    title_text = title if isinstance(title, str) else None
    kept = [
        p
        for p in split_paragraphs(text)
        if not is_furniture(p) and not is_repeated_headline(p, title_text)
    ]
    return "\n\n".join(kept)


def _bylines_to_metadata(body: str, fields: dict[str, object]) -> dict[str, object]:
    """By-lines and date lines near the top become metadata and leave the body."""
    meta: dict[str, object] = {k: fields.get(k) for k in ("author", "source", "published")}
    paragraphs = body.split("\n\n") if body else []
    kept = []
    for index, paragraph in enumerate(paragraphs):
        found = meta_line(paragraph) if index < 4 and len(paragraph) <= 160 else None
        if found is None and index < 4:
            found = _name_in_place(paragraph, paragraphs[max(index - 1, 0) : index + 2])
        if found is None:
            kept.append(paragraph)
            continue
        for key, value in found.items():
            meta[key] = meta.get(key) or value
    meta["body"] = "\n\n".join(kept)
    return meta


def _name_in_place(paragraph: str, neighbours: list[str]) -> dict[str, str] | None:
    """{"author": ...} from "Lucía Herrera in Bogotá" when a date line stands next to it."""
    byline = _NAME_IN_PLACE.fullmatch(paragraph.strip().strip("*_ "))
    if not byline:
        return None
    dated = any(
        "published" in (meta_line(other) or {}) for other in neighbours if other != paragraph
    )
    return {"author": byline["author"]} if dated else None


def _wire_metadata(raw_body: str, body: str) -> dict[str, str]:
    """A wire story's author from its credit line ("(Reporting by Sipho Dlamini in Pretoria;
    Editing by ...)", dropped from the body as furniture) and its source from the dateline
    ("PRETORIA, Sept 18 (Meridian Wire) -")."""
    found: dict[str, str] = {}
    credit = _CREDIT_AUTHOR.search(raw_body[-600:])
    if credit:
        found["author"] = credit["author"]
    dateline = _WIRE_DATELINE.match(body)
    if dateline:
        credit = dateline["source"].strip()
        found["source"] = _wire_agencies().get(credit, credit)  # "(AP)": Associated Press
    return found


def _agency_line(body: str) -> tuple[str, dict[str, str]]:
    """A first paragraph that only names a news agency ("Associated Press" under the by-line)
    is the source, not text."""
    first, _, rest = body.partition("\n\n")
    names = set(_wire_agencies().values())
    if first.strip() in names and rest.strip():
        return rest, {"source": first.strip()}
    return body, {}


@cache
def _wire_agencies() -> dict[str, str]:
    return {row["credit"]: row["name"] for row in read_csv_rows("text", "wire_agencies.csv")}


def _known(meta: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in meta.items() if value not in (None, "")}


def meta_line(line: str) -> dict[str, str] | None:
    """Author, date and source from a by-line ("By Ana Lopes | Daily Courier | 3 May 2025",
    "*Published 2025-03-14 · Daily Courier*", "Yuki Tanaka, Science Correspondent"), or
    None when the line is not one."""
    text = line.strip().strip("*_ ")
    role = _AUTHOR_ROLE.fullmatch(text)
    if role:
        return {"author": role["author"]}
    found: dict[str, str] = {}
    others = []
    for segment in _META_SEPARATORS.split(text):
        segment = segment.strip(" ,")
        if (by := _BY_SEGMENT.fullmatch(segment)) and "author" not in found:
            found["author"] = by["author"]
        elif (dated := _DATE_SEGMENT.fullmatch(segment)) and "published" not in found:
            found["published"] = dated["date"]
        elif segment:
            others.append(segment)
    if not found or len(others) > 1:
        return None
    if others:
        found["source"] = others[0]
    return found


def parse_date(value: object) -> datetime | None:
    """A timestamp with a time zone (UTC when the input names none), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    text = _TIME_WITH_DOT.sub(r"\1:\2", str(value))  # "17.45 BST", as British papers print it
    try:
        parsed = dateparser.parse(text, tzinfos=_zone_offsets())
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@cache
def _zone_offsets() -> dict[str, int]:
    rows = read_csv_rows("text", "timezones.csv")
    return {row["abbreviation"]: round(float(row["utc_offset_hours"]) * 3600) for row in rows}


def detect_language(body: str) -> str | None:
    if len(body) < 20:
        return None
    code, _score = py3langid.classify(body[:LANGUAGE_SAMPLE_CHARS])
    return code


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
