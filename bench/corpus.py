"""A synthetic news corpus for the benchmark, in every input format.

Article prose is recombined from the project's own hand-written articles (data/gold, data/samples),
so the NLP meets real sentences, names, quotes and numbers. HTML articles are full pages of
50-300 KB the way news sites serve them: scripts, styles, JSON-LD, a navigation menu, asides
with related stories, ads and a footer around one <article>.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wirehouse.extract import extract
from wirehouse.read import discover, file_bytes, read_records
from wirehouse.resources import data_path

# Share of articles per format; jsonl files carry several articles each.
FORMAT_MIX = (("html", 0.55), ("txt", 0.15), ("md", 0.1), ("json", 0.1), ("jsonl", 0.1))
JSONL_RECORDS = 5
SECTIONS = ("World", "Politics", "Business", "Tech", "Science", "Climate", "Sport", "Opinion")


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]


@cache
def source_stories() -> tuple[Story, ...]:
    """The clean articles the corpus is recombined from."""
    stories = []
    for folder in (data_path("gold"), data_path("samples")):
        for source in discover(folder):
            for raw in read_records(source, file_bytes(source)):
                try:
                    article = extract(raw)
                except Exception:  # a deliberately broken sample: not prose to reuse
                    continue
                paragraphs = tuple(p for p in article.body.split("\n\n") if len(p) > 40)
                if len(paragraphs) >= 3:
                    stories.append(Story(article.title or paragraphs[0][:60], paragraphs))
    return tuple(stories)


def story(index: int, rng: random.Random) -> Story:
    """Article `index`: one source article's paragraphs, with a few borrowed from another."""
    pool = source_stories()
    base, other = pool[index % len(pool)], rng.choice(pool)
    paragraphs = list(base.paragraphs)
    for borrowed in rng.sample(other.paragraphs, k=min(3, len(other.paragraphs))):
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), borrowed)
    return Story(f"{base.title} ({index})", tuple(paragraphs))


def generate(root: Path, count: int, seed: int = 9) -> dict[str, int]:
    """Write `count` articles under root; returns how many went into each format."""
    rng = random.Random(seed)
    formats = _formats(count, rng)
    counts = {fmt: 0 for fmt, _share in FORMAT_MIX}
    feed: list[str] = []
    for index, fmt in enumerate(formats):
        item = story(index, rng)
        counts[fmt] += 1
        folder = root / SECTIONS[index % len(SECTIONS)].lower()
        folder.mkdir(parents=True, exist_ok=True)
        url = f"https://news.example.com/{folder.name}/{index}"
        if fmt == "jsonl":
            feed.append(json.dumps(_json_record(item, url, index)))
            if len(feed) == JSONL_RECORDS:
                (folder / f"feed_{index}.jsonl").write_text("\n".join(feed), encoding="utf-8")
                feed = []
        else:
            (folder / f"story_{index}.{fmt}").write_text(
                _WRITERS[fmt](item, url, index, rng), encoding="utf-8"
            )
    if feed:
        (root / f"feed_last_{count}.jsonl").write_text("\n".join(feed), encoding="utf-8")
    return counts


def _formats(count: int, rng: random.Random) -> list[str]:
    names = [fmt for fmt, _share in FORMAT_MIX]
    shares = [share for _fmt, share in FORMAT_MIX]
    return rng.choices(names, weights=shares, k=count)


def _date(index: int) -> str:
    return f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T{index % 24:02d}:15:00Z"


def _json_record(item: Story, url: str, index: int) -> dict[str, object]:
    return {
        "headline": item.title,
        "articleBody": "\n\n".join(item.paragraphs),
        "datePublished": _date(index),
        "author": {"name": "Staff Reporter"},
        "url": url,
        "publisher": "Example News",
    }


def _txt(item: Story, url: str, index: int, rng: random.Random) -> str:
    return f"{item.title}\n\nBy Staff Reporter\n\n" + "\n\n".join(item.paragraphs) + "\n"


def _md(item: Story, url: str, index: int, rng: random.Random) -> str:
    body = "\n\n".join(item.paragraphs)
    return f"# {item.title}\n\n*By Staff Reporter · {_date(index)[:10]}*\n\n{body}\n"


def _json(item: Story, url: str, index: int, rng: random.Random) -> str:
    return json.dumps(_json_record(item, url, index), indent=2)


def _html(item: Story, url: str, index: int, rng: random.Random) -> str:
    """A full news page of 50-300 KB around the article."""
    target = rng.randint(50_000, 300_000)
    title = html.escape(item.title)
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | "
        f"Example News</title><meta property='og:title' content='{title}'>"
        f"<meta property='og:url' content='{url}'><link rel='canonical' href='{url}'>"
        f"<meta name='author' content='Staff Reporter'>"
        f"<meta property='article:published_time' content='{_date(index)}'>"
        f"<script type='application/ld+json'>{json.dumps(_json_ld(item, url, index))}</script>"
        f"<style>{_css(rng)}</style></head>"
    )
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in item.paragraphs)
    article = (
        f"<main><article><h1>{title}</h1><div class='byline'>By <a rel='author' "
        f"href='/staff'>Staff Reporter</a> <time datetime='{_date(index)}'>"
        f"{_date(index)[:10]}</time></div><div class='share'>Share this story</div>"
        f"{paragraphs}</article></main>"
    )
    parts = [head, "<body>", _nav(rng), article]
    size = sum(map(len, parts))
    while size < target:  # page furniture until the page reaches its size
        chunk = rng.choice((_aside, _script, _ad_block, _comments))(rng)
        parts.insert(rng.choice((2, len(parts))), chunk)
        size += len(chunk)
    parts.append(_footer(rng) + "</body></html>")
    return "".join(parts)


def _json_ld(item: Story, url: str, index: int) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": _date(index),
        "author": {"@type": "Person", "name": "Staff Reporter"},
        "mainEntityOfPage": url,
    }


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(source_stories()).title.split()[:count])


def _links(rng: random.Random, count: int, css: str) -> str:
    items = "".join(
        f"<li class='{css}'><a href='/{rng.choice(SECTIONS).lower()}/{rng.randrange(10**6)}'>"
        f"{html.escape(_words(rng, rng.randint(2, 9)))}</a></li>"
        for _ in range(count)
    )
    return f"<ul>{items}</ul>"


def _nav(rng: random.Random) -> str:
    menus = "".join(
        f"<li class='menu'><a href='/{s.lower()}'>{s}</a>{_links(rng, 12, 'sub')}</li>"
        for s in SECTIONS
    )
    search = "<form><input name='q'></form>"
    return f"<header><nav class='site-nav'><ul>{menus}</ul></nav>{search}</header>"


def _aside(rng: random.Random) -> str:
    return (
        f"<aside class='related'><h2>Most read</h2>{_links(rng, rng.randint(5, 15), 'teaser')}"
        f"<h2>More from {rng.choice(SECTIONS)}</h2>{_links(rng, rng.randint(5, 15), 'teaser')}"
        "</aside>"
    )


def _script(rng: random.Random) -> str:
    body = ";".join(
        f"var a{rng.randrange(10**6)}=function(e,t){{return e&&t?e[t]"
        f"||'{rng.randrange(10**9)}':null}}"
        for _ in range(rng.randint(40, 160))
    )
    return f"<script>{body}</script>"


def _ad_block(rng: random.Random) -> str:
    slot = rng.randrange(10**4)
    return (
        f"<div class='ad-slot' id='ad-{slot}' data-size='300x250'><span>Advertisement</span>"
        f"<iframe src='https://ads.example.net/{slot}'></iframe></div>"
    )


def _comments(rng: random.Random) -> str:
    comments = "".join(
        f"<div class='comment'><b>reader{rng.randrange(999)}</b><p>"
        f"{html.escape(_words(rng, rng.randint(5, 12)))}</p></div>"
        for _ in range(rng.randint(3, 10))
    )
    return f"<section class='comments'><h3>Comments</h3>{comments}</section>"


def _css(rng: random.Random) -> str:
    return "".join(
        f".c{rng.randrange(10**5)}{{margin:{rng.randrange(40)}px;color:#{rng.randrange(16**6):06x}}}"
        for _ in range(rng.randint(100, 400))
    )


def _footer(rng: random.Random) -> str:
    notice = "<p>© 2025 Example News. All rights reserved.</p>"
    return f"<footer>{_links(rng, 30, 'foot')}{notice}</footer>"


_WRITERS = {"html": _html, "txt": _txt, "md": _md, "json": _json}
