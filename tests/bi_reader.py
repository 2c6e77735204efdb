"""A BI tool's stand-in for tests/test_bi_access.py: holds a read-only DuckDB connection open on
the warehouse and keeps querying it until a stop file appears, then reconnects once.

usage: python tests/bi_reader.py DB STOP_FILE  (prints one JSON line when ready, one at the end)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

COUNT = "SELECT count(*) FROM articles"
VIEW = "SELECT count(*), coalesce(sum(events), 0) FROM article_summary"


def main(db: str, stop_file: str) -> None:
    con = duckdb.connect(db, read_only=True)
    before = con.execute(COUNT).fetchone()[0]
    print(json.dumps({"ready": before}), flush=True)
    queries, errors = 0, []
    while not Path(stop_file).exists():
        try:
            con.execute(COUNT).fetchone()
            con.execute(VIEW).fetchone()
            queries += 1
        except duckdb.Error as error:
            errors.append(str(error))
        time.sleep(0.05)
    same_connection = con.execute(COUNT).fetchone()[0]
    con.close()
    with duckdb.connect(db, read_only=True) as fresh:
        after = fresh.execute(COUNT).fetchone()[0]
        paths = [p for (p,) in fresh.execute("SELECT path FROM article_summary").fetchall()]
    result = {
        "before": before,
        "queries": queries,
        "errors": errors,
        "same_connection": same_connection,
        "after": after,
        "paths": paths,
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
