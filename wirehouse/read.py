"""Read stage: find input files, decode their bytes, split them into raw article records.

Nothing here interprets the article; it only turns bytes into text (and JSON objects into
field dicts), and says precisely why when it cannot.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer
import filetype

from wirehouse.model import RawRecord, SourceFile

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ReadError(Exception):
    """A file (or record) that cannot be read; the message is shown to the user."""


def discover(root: Path) -> Iterator[SourceFile]:
    """Every supported file under root, recursively, in a stable order."""
    root = root.resolve()
    if root.is_file():
        fmt = FORMATS.get(root.suffix.lower())
        if fmt:
            yield SourceFile(root.name, str(root), fmt)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            fmt = FORMATS.get(Path(name).suffix.lower())
            if fmt is None or name.startswith(".") or name.endswith(".gold.json"):
                continue
            absolute = Path(dirpath) / name
            yield SourceFile(absolute.relative_to(root).as_posix(), str(absolute), fmt)


def file_bytes(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    path = Path(source.absolute)
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(f"file too large: {size:,} bytes (limit {max_bytes:,})")
    return path.read_bytes()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Bytes to text: BOM first, then strict UTF-8, then UTF-16 by its NUL pattern,
    then charset-normalizer's best guess among legacy encodings."""
    if not data.strip():
        raise ReadError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    kind = filetype.guess(data[:8192])
    if kind is not None:
        raise ReadError(f"binary file ({kind.extension.upper()}, {kind.mime})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes and is not UTF-16 text)")
    return _legacy_single_byte(data)


def _legacy_single_byte(data: bytes) -> str:
    """charset-normalizer's best guess; among equally good guesses, the Western encodings
    (by far the most common legacy encodings of news text) win."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ReadError("unrecognised text encoding (not UTF-8, UTF-16 or a known 8-bit set)")
    best = matches[0]
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for encoding in _PREFERRED_LEGACY:
        if encoding in tied:
            return data.decode(encoding)
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"not valid {encoding} at byte {error.start}") from None


def read_records(source: SourceFile, data: bytes) -> list[RawRecord]:
    """Split a file's bytes into raw records; a whole-file problem raises ReadError,
    a broken record inside a JSONL file becomes a record with its error set."""
    digest = sha256(data)
    text = decode(data)
    if source.format == "jsonl":
        return list(_jsonl_records(source, digest, text))
    if source.format == "json":
        return list(_json_records(source, digest, text))
    return [RawRecord(source.path, 0, source.format, digest, text=text)]


def _json_records(source: SourceFile, digest: str, text: str) -> Iterator[RawRecord]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(
            f"not valid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise ReadError("JSON nested too deeply") from None
    objects = value if isinstance(value, list) else [value]
    for index, item in enumerate(objects):
        yield _record_from_object(source, digest, index, item)


def _jsonl_records(source: SourceFile, digest: str, text: str) -> Iterator[RawRecord]:
    record = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield RawRecord(
                source.path,
                record,
                source.format,
                digest,
                error=f"line {line_number}: not valid JSON at column {error.colno}: {error.msg}",
            )
        except RecursionError:
            yield RawRecord(
                source.path,
                record,
                source.format,
                digest,
                error=f"line {line_number}: JSON nested too deeply",
            )
        else:
            yield _record_from_object(source, digest, record, item, f"line {line_number}: ")
        record += 1


def _record_from_object(
    source: SourceFile, digest: str, record: int, item: object, where: str = ""
) -> RawRecord:
    if not isinstance(item, dict):
        kind = type(item).__name__
        return RawRecord(
            source.path,
            record,
            source.format,
            digest,
            error=f"{where}expected a JSON object for an article, found {kind}",
        )
    return RawRecord(source.path, record, source.format, digest, fields=item)
