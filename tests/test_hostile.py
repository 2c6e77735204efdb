"""Hostile input: one real ingest over good articles mixed with every kind of bad input.

Each bad file must end as one source_files row with a specific reason, each odd-but-good file
(encodings, file names) as a correctly loaded article, and nothing may hang, crash, follow a
link out of the input folder or reach SQL as pasted text. The per-file guards (time limit,
files that vanish or change while read) are checked on process_batch directly.
"""

from __future__ import annotations

import ast
import contextlib
import json
import multiprocessing
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO, query, run_ingest
from tests.hostile import (
    MAX_BYTES,
    PARAGRAPHS,
    Case,
    article_record,
    article_text,
    write_corpus,
)
from wirehouse import process, read
from wirehouse.process import FileTimeLimit, Settings, process_batch, time_limit
from wirehouse.read import discover, sha256


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    base = tmp_path_factory.mktemp("hostile")
    root = base / "corpus"
    return root, write_corpus(root, base / "outside")


@pytest.fixture(scope="module")
def warehouse(corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _cases = corpus
    db = tmp_path_factory.mktemp("hostile_wh") / "warehouse.duckdb"
    started = time.monotonic()
    run_ingest(root, db, max_bytes=MAX_BYTES, max_seconds=60)
    assert time.monotonic() - started < 120, "the hostile corpus must not stall the run"
    return db


def _rows(db: Path) -> dict[tuple[str, int], dict]:
    sql = """SELECT s.path, s.record, s.status, s.error, a.title, a.body
             FROM source_files s LEFT JOIN articles a USING (article_id)"""
    names = ("path", "record", "status", "error", "title", "body")
    return {(r[0], r[1]): dict(zip(names, r, strict=True)) for r in query(db, sql)}


def test_one_row_per_input_and_no_other(corpus, warehouse: Path) -> None:
    _root, cases = corpus
    expected = {(case.path, case.record) for case in cases}
    assert set(_rows(warehouse)) == expected


def _case_id(case: Case) -> str:
    return f"{case.path}#{case.record}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        import tempfile

        with tempfile.TemporaryDirectory() as scratch:
            cases = write_corpus(Path(scratch) / "c", Path(scratch) / "o")
        metafunc.parametrize("case", cases, ids=_case_id)


def test_each_input_has_its_outcome(case: Case, warehouse: Path) -> None:
    row = _rows(warehouse)[(case.path, case.record)]
    assert row["status"] == case.outcome, row["error"]
    if case.outcome == "rejected":
        assert case.reason and case.reason in row["error"]
        assert "internal error" not in row["error"]
        return
    assert row["error"] is None
    for phrase in case.body_has:
        assert phrase in row["body"]
    for phrase in case.body_lacks:
        assert phrase not in row["body"]
    if case.title is not None:
        assert row["title"] == case.title


def test_limits_are_named_in_the_reason(warehouse: Path) -> None:
    error = _rows(warehouse)[("big/huge.txt", 0)]["error"]
    assert f"over the size limit of {MAX_BYTES:,} bytes" in error and "--max-bytes" in error


def test_escaping_links_are_not_read(corpus, warehouse: Path) -> None:
    bodies = " ".join(body for (body,) in query(warehouse, "SELECT body FROM articles"))
    assert "Secret" not in bodies
    paths = [path for (path,) in query(warehouse, "SELECT path FROM source_files")]
    assert not any(path.startswith("links/folder_outside") for path in paths)


def test_paths_are_relative_to_the_input_root(corpus, warehouse: Path) -> None:
    root, _cases = corpus
    for (path,) in query(warehouse, "SELECT DISTINCT path FROM source_files"):
        assert not path.startswith("/") and ".." not in path.split("/")
        assert str(root) not in path
        assert path.encode("utf-8")  # valid UTF-8, even for a name whose bytes were not


def test_sql_shaped_file_names_load_as_articles(warehouse: Path) -> None:
    assert query(warehouse, "SELECT count(*) FROM articles")[0][0] > 20
    rows = query(
        warehouse,
        "SELECT status FROM source_files WHERE path = ?",
        ["names/x'; drop table articles;--.txt"],
    )
    assert rows == [("loaded",)]


def test_rerun_changes_nothing_and_retries_limit_rejects(corpus, warehouse: Path) -> None:
    root, _cases = corpus
    before = _rows(warehouse)
    summary = run_ingest(root, warehouse, max_bytes=MAX_BYTES * 2, max_seconds=60)
    after = _rows(warehouse)
    retried = after.pop(("big/huge.txt", 0))  # read again under the new size limit
    assert retried["error"].startswith("article text too long to analyse: 1,08")
    before.pop(("big/huge.txt", 0))
    assert after == before
    assert summary.files_unchanged >= 40


# --- per-file guards, on process_batch directly -------------------------------------------


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _stalling_analyse(real):
    def analyse(article):
        if "Stall" in article.body:
            with contextlib.suppress(Exception):
                _busy(10)  # a library that swallows the first time-out...
            _busy(10)  # ...is interrupted again
        return real(article)

    return analyse


def _two_files(tmp_path: Path):
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "up.txt").write_text(article_text("Warm"), encoding="utf-8")
    process_batch(list(discover(tmp_path / "warm")), {}, "run")  # NLP set-up is not the file's
    (tmp_path / "a_stall.txt").write_text(article_text("Stall"), encoding="utf-8")
    (tmp_path / "b_fine.txt").write_text(article_text("Fine"), encoding="utf-8")
    return [s for s in discover(tmp_path) if not s.path.startswith("warm/")]


def _check_time_limited(result, started: float) -> None:
    rows = {r["path"]: r for r in result.tables["source_files"].iter_rows(named=True)}
    assert time.monotonic() - started < 8  # the stalling file alone would take 20 s
    assert rows["a_stall.txt"]["status"] == "rejected"
    assert rows["a_stall.txt"]["error"].startswith(
        "time limit: processing the article took longer than 0.3 s"
    )
    assert "--max-seconds" in rows["a_stall.txt"]["error"]
    assert rows["b_fine.txt"]["status"] == "loaded"


def test_time_limit_in_the_main_thread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(process, "analyse", _stalling_analyse(process.analyse))
    previous = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    result = process_batch(_two_files(tmp_path), {}, "run", Settings(max_seconds=0.3))
    _check_time_limited(result, started)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is previous


def test_time_limit_holds_per_record_of_a_feed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(process, "analyse", _stalling_analyse(process.analyse))
    sources = _two_files(tmp_path)  # warms up; its two files are not used here
    lines = [json.dumps(article_record(topic)) for topic in ("One", "Stall", "Three")]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    feed = [s for s in discover(tmp_path) if s.path == "feed.jsonl"]
    result = process_batch(feed, {}, "run", Settings(max_seconds=0.3))
    rows = result.tables["source_files"].sort("record").to_dicts()
    assert [row["status"] for row in rows] == ["loaded", "rejected", "loaded"]
    assert rows[1]["error"].startswith("time limit: processing the article took longer")
    assert {row["content_sha256"] for row in rows} == {sha256(b"")}  # read again next run
    assert sources


def test_time_limit_in_a_worker_thread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(process, "analyse", _stalling_analyse(process.analyse))
    sources = _two_files(tmp_path)
    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(process_batch, sources, {}, "run", Settings(max_seconds=0.3)).result()
        _check_time_limited(result, started)
        assert pool.submit(_busy, 0.3).result() is None  # the thread is not hit again later


def test_time_limit_in_a_worker_process(tmp_path: Path) -> None:
    """As in the flow's process pool, where a batch runs in a worker's main thread: a real
    article long enough to take seconds to analyse is stopped at the limit."""
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "up.txt").write_text(article_text("Warm"), encoding="utf-8")
    filler = " ".join(PARAGRAPHS) + "\n\n"
    (tmp_path / "long.txt").write_text(article_text("Long") + filler * 1500, encoding="utf-8")
    (tmp_path / "short.txt").write_text(article_text("Short"), encoding="utf-8")
    sources = [s for s in discover(tmp_path) if not s.path.startswith("warm/")]
    spawn = multiprocessing.get_context("spawn")  # polars' threads make fork unsafe
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        pool.submit(process_batch, list(discover(tmp_path / "warm")), {}, "run").result()
        started = time.monotonic()
        result = pool.submit(process_batch, sources, {}, "run", Settings(max_seconds=0.5))
        rows = {r["path"]: r for r in result.result().tables["source_files"].to_dicts()}
    assert time.monotonic() - started < 3  # unlimited, the long article takes about 5 s
    assert rows["long.txt"]["error"].startswith(
        "time limit: processing the article took longer than 0.5 s"
    )
    assert rows["short.txt"]["status"] == "loaded"


def test_time_limit_leaves_nothing_armed() -> None:
    with time_limit(0.2):
        pass
    _busy(0.4)  # no stray time-out after the block
    with pytest.raises(FileTimeLimit), time_limit(0.1):
        _busy(2)
    outcome: list[object] = []

    def in_thread() -> None:
        try:
            with time_limit(0.1):
                _busy(2)
        except FileTimeLimit as error:
            outcome.append(error)
        _busy(0.3)
        outcome.append("survived")

    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join(5)
    assert isinstance(outcome[0], FileTimeLimit) and outcome[1:] == ["survived"]


def test_time_limit_keeps_an_outer_alarm() -> None:
    fired: list[float] = []
    previous = signal.signal(signal.SIGALRM, lambda *_args: fired.append(time.monotonic()))
    try:
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with pytest.raises(FileTimeLimit), time_limit(0.1):
            _busy(2)
        time.sleep(0.8)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert len(fired) == 1 and 0.5 < fired[0] - started < 0.8


def test_file_that_disappears_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").write_text(article_text("Gone"), encoding="utf-8")
    sources = list(discover(tmp_path))
    (tmp_path / "gone.txt").unlink()
    rows = process_batch(sources, {}, "run").tables["source_files"].to_dicts()
    assert rows[0]["status"] == "rejected"
    assert rows[0]["error"] == "file disappeared before it could be read"


def test_file_that_changes_while_read_loads_its_final_content(tmp_path: Path, monkeypatch):
    path = tmp_path / "moving.txt"
    path.write_text(article_text("Before"), encoding="utf-8")
    real_read = read._read_up_to
    calls = []

    def read_then_rewrite(fd: int, limit: int) -> bytes:
        data = real_read(fd, limit)
        calls.append(1)
        if len(calls) == 1:  # a writer replaces the file while the first read is under way
            time.sleep(0.01)
            path.write_text(article_text("After") + "More.\n", encoding="utf-8")
        return data

    monkeypatch.setattr(read, "_read_up_to", read_then_rewrite)
    result = process_batch(list(discover(tmp_path)), {}, "run")
    assert result.tables["source_files"]["status"].to_list() == ["loaded"]
    assert "After" in result.tables["articles"]["body"][0]


def test_file_that_keeps_changing_is_rejected(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "busy.txt"
    path.write_text(article_text("Busy"), encoding="utf-8")
    real_read = read._read_up_to

    def read_then_append(fd: int, limit: int) -> bytes:
        data = real_read(fd, limit)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("More words.\n")
        return data

    monkeypatch.setattr(read, "_read_up_to", read_then_append)
    rows = process_batch(list(discover(tmp_path)), {}, "run").tables["source_files"].to_dicts()
    assert rows[0]["status"] == "rejected"
    assert rows[0]["error"].startswith("file kept changing while it was being read")


def test_a_file_growing_past_the_limit_is_stopped(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(article_text("Grow"), encoding="utf-8")
    real_read = read._read_up_to

    def grow_then_read(fd: int, limit: int) -> bytes:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("x" * 5000)
        return real_read(fd, limit)

    monkeypatch.setattr(read, "_read_up_to", grow_then_read)
    result = process_batch(list(discover(tmp_path)), {}, "run", Settings(max_bytes=3000))
    error = result.tables["source_files"]["error"][0]
    assert error == "file too large: it grew past the size limit of 3,000 bytes (--max-bytes)"


# --- every value reaches SQL as a bound parameter -------------------------------------------

SQL_CALLS = {"execute", "executemany", "sql", "query"}


def _is_pasted(node: ast.AST) -> bool:
    """An f-string, a % or + expression, or a str.format() call."""
    return isinstance(node, ast.JoinedStr | ast.BinOp) or (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def _pasted_sql(function: ast.FunctionDef) -> list[int]:
    """Lines where a statement built by pasting strings together is run, directly or through
    a local variable."""
    pasted_names = {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _is_pasted(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    lines = []
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in SQL_CALLS or not node.args:
            continue
        statement = node.args[0]
        if _is_pasted(statement) or (
            isinstance(statement, ast.Name) and statement.id in pasted_names
        ):
            lines.append(node.lineno)
    return lines


# Functions allowed to build statements, each for a reason that involves no input value:
# DuckDB takes no parameter in LOAD or ATTACH (the paths are the operator's, escaped), and the
# export composes SQL files from sql/export with each other (values are bound parameters).
ALLOWED = {
    ("ducklake.py", "_open"),
    ("export.py", "_copy"),
    ("export.py", "_write_table"),
}


def test_no_sql_is_pasted_together_from_values() -> None:
    offenders = []
    for folder in ("wirehouse", "flows"):
        for module in sorted((REPO / folder).glob("*.py")):
            tree = ast.parse(module.read_text(encoding="utf-8"))
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef):
                    continue
                if (module.name, function.name) in ALLOWED:
                    continue
                offenders += [f"{module.name}:{line}" for line in _pasted_sql(function)]
    assert sorted(set(offenders)) == []


def test_the_sql_check_finds_pasted_values() -> None:
    source = """
def bad(con, path):
    con.execute(f"SELECT * FROM source_files WHERE path = '{path}'")
    statement = "DELETE FROM articles WHERE path = '%s'" % path
    con.execute(statement)
    con.execute("SELECT 1 WHERE ? = ?", [path, path])
"""
    function = ast.parse(source).body[0]
    assert _pasted_sql(function) == [3, 5]
