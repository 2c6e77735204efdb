"""Quality check: score a warehouse against hand-annotated gold files (data/gold/*.gold.json).

Each gold file sits beside its input file and is matched to the article whose
`source_files.path` is that input file's path relative to the gold folder, so the warehouse is
built by ingesting the gold folder itself. The warehouse is only read, never written; the
scoring rules are in wirehouse.scoring.

Run as `python -m wirehouse.evaluate GOLD_DIR --db FILE`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from wirehouse.resources import read_sql
from wirehouse.scoring import (
    MEASURES,
    ArticleScore,
    Row,
    Tally,
    is_holdout,
    score_amounts,
    score_article_text,
    score_entities,
    score_events,
    score_quotes,
)

GOLD_SUFFIX = ".gold.json"


@dataclass
class Report:
    articles: list[ArticleScore]

    def overall(self) -> dict[str, Tally]:
        total = {m: Tally() for m in MEASURES}
        for article in self.articles:
            for measure, tally in article.tallies.items():
                total[measure] += tally
        return total

    def scores(self) -> dict[str, float | None]:
        return {measure: tally.rate for measure, tally in self.overall().items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.scores(),
            "articles": [
                {
                    "gold_file": a.gold_file,
                    "input_path": a.input_path,
                    "loaded": a.loaded,
                    "scores": {m: t.rate for m, t in a.tallies.items()},
                    "misses": a.misses,
                }
                for a in self.articles
            ],
        }

    def render(self, misses: bool = True) -> str:
        lines: list[str] = []
        for article in self.articles:
            state = "" if article.loaded else "  (NOT LOADED)"
            lines.append(f"== {article.input_path}{state}")
            lines.append("   " + _compact(article.tallies))
            if misses:
                lines.extend(f"   {miss}" for miss in article.misses)
            lines.append("")
        lines.append(f"== overall ({len(self.articles)} gold articles)")
        for measure, tally in self.overall().items():
            lines.append(f"   {measure:<24} {_format_rate(measure, tally)}")
        return "\n".join(lines)


def _format_rate(measure: str, tally: Tally) -> str:
    if tally.rate is None:
        return "n/a"
    if measure == "entities.spurious":
        return f"{tally.rate:.2f} per article ({tally.hit:g} in {tally.total:g})"
    return f"{tally.rate:.3f} ({tally.hit:g}/{tally.total:g})"


def _compact(tallies: dict[str, Tally]) -> str:
    shown = ("quotes.recall", "quotes.speaker", "entities.recall", "entities.surface")
    shown += ("entities.spurious", "events.recall_required", "events.precision", "amounts.recall")
    parts = []
    for measure in shown:
        rate = tallies[measure].rate
        parts.append(
            f"{measure.split('.', 1)[0][:3]}.{measure.split('.')[-1]}="
            + ("n/a" if rate is None else f"{rate:.2f}")
        )
    return "  ".join(parts)


# ------------------------------------------------------------------------------ warehouse


class Warehouse:
    """Read-only access to the rows the scorer needs; a missing table reads as empty."""

    def __init__(self, db_path: Path) -> None:
        if not Path(db_path).is_file():
            raise FileNotFoundError(f"no warehouse file at {db_path}")
        self.con = duckdb.connect(str(db_path), read_only=True)
        self.tables = {
            row[0] for row in self.con.execute(read_sql("evaluate", "tables.sql")).fetchall()
        }

    def close(self) -> None:
        self.con.close()

    def _rows(self, query: str, needs: tuple[str, ...], params: list[Any]) -> list[Row]:
        if not set(needs) <= self.tables:
            return []
        cursor = self.con.execute(read_sql("evaluate", query), params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def article(self, path: str) -> Row | None:
        rows = self._rows("article_for_path.sql", ("source_files", "articles"), [path])
        return rows[0] if rows else None

    def mentions(self, article_id: str) -> list[Row]:
        return self._rows("mentions.sql", ("entity_mentions", "entities"), [article_id])

    def quotes(self, article_id: str) -> list[Row]:
        return self._rows("quotes.sql", ("quotes",), [article_id])

    def events(self, article_id: str) -> list[Row]:
        return self._rows("events.sql", ("events",), [article_id])

    def amounts(self, article_id: str) -> list[Row]:
        return self._rows("amounts.sql", ("amounts",), [article_id])


# ------------------------------------------------------------------------------- the driver


def input_file_for(gold_file: Path) -> Path | None:
    """The article file beside a gold file: same stem, any other extension."""
    stem = gold_file.name[: -len(GOLD_SUFFIX)]
    for candidate in sorted(gold_file.parent.glob(f"{glob_escape(stem)}.*")):
        if candidate != gold_file and not candidate.name.endswith(GOLD_SUFFIX):
            return candidate
    return None


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def score_gold_file(gold_file: Path, gold_dir: Path, warehouse: Warehouse) -> ArticleScore:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    source = input_file_for(gold_file)
    path = source.relative_to(gold_dir).as_posix() if source else gold_file.name
    article = warehouse.article(path) if source else None
    score = ArticleScore(gold_file.relative_to(gold_dir).as_posix(), path, article is not None)
    if article is None:
        score.miss("article", f"no loaded article for {path}")
        article = {"article_id": None, "body": ""}
    article_id = article["article_id"]
    score_article_text(gold, article, score)
    score_quotes(gold.get("quotes", []), _rows(warehouse.quotes, article_id), score)
    score_entities(gold.get("entities", []), _rows(warehouse.mentions, article_id), score)
    score_events(gold, _rows(warehouse.events, article_id), score)
    score_amounts(gold.get("amounts", []), _rows(warehouse.amounts, article_id), score)
    return score


def _rows(read: Any, article_id: str | None) -> list[Row]:
    return read(article_id) if article_id is not None else []


def evaluate(gold_dir: Path, db_path: Path) -> Report:
    """Score every gold file under gold_dir against the warehouse at db_path. The unseen
    holdout below it (data/gold/unseen) is left out; score it by naming its folder."""
    gold_dir = Path(gold_dir)
    warehouse = Warehouse(Path(db_path))
    try:
        files = sorted(
            path
            for path in gold_dir.rglob(f"*{GOLD_SUFFIX}")
            if not is_holdout(path.relative_to(gold_dir).as_posix())
        )
        return Report([score_gold_file(f, gold_dir, warehouse) for f in files])
    finally:
        warehouse.close()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by `python -m wirehouse.evaluate` and `wirehouse evaluate`."""
    parser.add_argument("gold_dir", help="folder of input files with <stem>.gold.json beside them")
    parser.add_argument("--db", required=True, help="warehouse file built by ingesting GOLD_DIR")
    parser.add_argument("--json", dest="json_out", help="also write the scores as JSON here")
    parser.add_argument("--no-misses", action="store_true", help="scores only, no per-item list")


def run(args: argparse.Namespace) -> int:
    try:
        report = evaluate(Path(args.gold_dir), Path(args.db))
    except FileNotFoundError as error:
        print(f"wirehouse evaluate: {error}", file=sys.stderr)
        return 2
    print(report.render(misses=not args.no_misses))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wirehouse evaluate", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
