"""Read stage: find input files, decode their bytes, split them into raw article records.

Nothing here interprets the article; it only turns bytes into text (and JSON objects into
field dicts), and says precisely why when it cannot.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

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
READ_ATTEMPTS = 3  # a file still changing after this many reads is rejected, not guessed at
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a named pipe must not block the run
    | getattr(os, "O_NOFOLLOW", 0)  # the path was resolved and checked; a new link is a change
    | getattr(os, "O_CLOEXEC", 0)
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_MARGIN = 0.02

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
            yield SourceFile(stored_path(absolute.relative_to(root)), str(absolute), fmt)


def stored_path(relative: Path) -> str:
    """The path as the warehouse keeps it: relative, POSIX separators, and valid UTF-8 (bytes
    of a name that are not UTF-8 are written as \\xNN escapes)."""
    return os.fsencode(relative.as_posix()).decode("utf-8", "backslashreplace")


def input_root(source: SourceFile) -> Path:
    """The folder the run was given, recovered from the file's absolute and relative paths
    (the file's own folder when the two do not match, the narrowest safe choice)."""
    absolute = Path(source.absolute)
    depth = len(PurePosixPath(source.path).parts)
    if 0 < depth <= len(absolute.parents):
        return absolute.parents[depth - 1]
    return absolute.parent


def file_bytes(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, read so that no file can hang, escape or fool the run.

    Symbolic links are followed only when they stay inside the input folder; anything but a
    regular file (a named pipe, a device) is refused; the size limit holds even for a file that
    grows while it is read; a file that changes under the reader is read again, and rejected
    when it will not hold still."""
    for _attempt in range(READ_ATTEMPTS):
        data = _read_once(_checked_target(source), max_bytes)
        if data is not None:
            return data
        time.sleep(0.05)
    raise ReadError(
        f"file kept changing while it was being read ({READ_ATTEMPTS} attempts); "
        "it will be read again on the next run"
    )


def _checked_target(source: SourceFile) -> str:
    """The real path of the file, which must lie inside the input folder."""
    absolute = source.absolute
    try:
        target = os.path.realpath(absolute, strict=True)
    except FileNotFoundError:
        if os.path.islink(absolute):
            raise ReadError(f"symbolic link to a missing file ({os.readlink(absolute)})") from None
        raise ReadError("file disappeared before it could be read") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError("symbolic link loop; not followed") from None
        raise ReadError(f"cannot read file: {error.strerror or error}") from None
    root = os.path.realpath(input_root(source))
    if os.path.commonpath([root, target]) != root:
        raise ReadError(
            f"symbolic link pointing outside the input folder (to {target}); not followed"
        )
    return target


def _read_once(target: str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it changed while being read."""
    try:
        fd = os.open(target, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ReadError("file disappeared before it could be read") from None
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a symbolic link since it was checked
            return None
        raise ReadError(f"cannot read file: {error.strerror or error}") from None
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise ReadError(f"not a regular file ({_file_kind(before.st_mode)}); not read")
        if before.st_size > max_bytes:
            raise ReadError(
                f"file too large: {before.st_size:,} bytes, over the size limit of "
                f"{max_bytes:,} bytes"
            )
        data = _read_up_to(fd, max_bytes + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise ReadError(f"file too large: it grew past the size limit of {max_bytes:,} bytes")
    try:
        now = os.stat(target, follow_symlinks=False)
    except FileNotFoundError:
        raise ReadError("file disappeared while it was being read") from None
    unchanged = (
        after.st_size == len(data) == before.st_size
        and after.st_mtime_ns == before.st_mtime_ns
        and (now.st_dev, now.st_ino) == (after.st_dev, after.st_ino)
        and now.st_mtime_ns == after.st_mtime_ns
    )
    return data if unchanged else None


def _read_up_to(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


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
    """charset-normalizer's best guess; among guesses about as good, the Western encodings
    (by far the most common legacy encodings of news text) win. "About as good" is a margin:
    on short Western text the detector's coherence score wobbles between code pages (a Latin-1
    "naïve" read as DOS Baltic gives "na’ve"), while a wrong code page for Polish, Greek or
    Cyrillic text shows as mess (chaos) and loses anyway."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise ReadError("unrecognised text encoding (not UTF-8, UTF-16 or a known 8-bit set)")
    best = matches[0]
    close = [
        m.encoding
        for m in matches
        if m.chaos <= best.chaos + _CHAOS_MARGIN and m.coherence >= best.coherence - 0.1
    ]
    for encoding in _PREFERRED_LEGACY:
        if encoding in close:
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
    except ValueError as error:  # e.g. an integer with more digits than Python will convert
        raise ReadError(f"not valid JSON: {error}") from None
    objects = value if isinstance(value, list) else [value]
    for index, item in enumerate(objects):
        yield _record_from_object(source, digest, index, item)


def _jsonl_records(source: SourceFile, digest: str, text: str) -> Iterator[RawRecord]:
    record = 0
    # JSON Lines are split on newlines only: JSON text may hold U+2028 and other characters
    # that str.splitlines() would also break on.
    for line_number, line in enumerate(text.split("\n"), start=1):
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
        except ValueError as error:
            yield RawRecord(
                source.path,
                record,
                source.format,
                digest,
                error=f"line {line_number}: not valid JSON: {error}",
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
    return RawRecord(source.path, record, source.format, digest, fields=_valid_unicode(item))


def _valid_unicode(item: dict) -> dict:
    """JSON may escape half of a surrogate pair ("\\ud83d"), which no UTF-8 text can hold; each
    such half becomes U+FFFD, the replacement character, so the rest of the article loads."""
    text = json.dumps(item, ensure_ascii=False)
    if not _SURROGATE.search(text):
        return item
    return json.loads(_SURROGATE.sub("\ufffd", text))
