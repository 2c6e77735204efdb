"""Coverage-guided fuzzing of the readers (atheris): bytes in any supported format through
read_records and extract must give valid articles or a reject with a reason, never an error.

Run:  .venv/bin/python tests/fuzz/fuzz_readers.py -max_total_time=300 tests/fuzz/corpus
A crash is written as crash-<hash>; copy it to tests/fuzz/regressions/ under a name that says
what it was, and test_regressions.py replays it on every test run (no atheris needed).
"""

from __future__ import annotations

import sys

FORMATS = ("txt", "md", "html", "json", "jsonl")


def check_input(fmt: str, data: bytes) -> None:
    """The property the fuzzer (and the kept regressions) check for one input."""
    from wirehouse.extract import ExtractError, extract
    from wirehouse.model import SourceFile
    from wirehouse.read import ReadError, read_records

    source = SourceFile(f"fuzz.{fmt}", "/nonexistent", fmt)
    try:
        records = read_records(source, data)
    except ReadError as error:
        assert str(error), "a reject needs a reason"
        return
    for raw in records:
        try:
            article = extract(raw)
        except ExtractError as error:
            assert str(error), "a reject needs a reason"
            continue
        assert article.body.strip()
        for value in (article.body, article.title, article.author, article.url, article.source):
            assert value is None or value.encode("utf-8")


def split_input(data: bytes) -> tuple[str, bytes]:
    """The fuzzer's input: the first byte picks the format, the rest is the file."""
    if not data:
        return FORMATS[0], b""
    return FORMATS[data[0] % len(FORMATS)], data[1:]


def test_one_input(data: bytes) -> None:
    check_input(*split_input(data))


def main() -> None:
    import atheris

    with atheris.instrument_imports(
        include=[
            "wirehouse",
            "json",
            "charset_normalizer",
            "trafilatura",
            "markdown_it",
            "dateutil",
        ]
    ):
        import wirehouse.extract  # noqa: F401
        import wirehouse.read  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
