"""A JSONL feed, read as a stream: one record a line, memory flat in the feed's size.

A record is {"id": str, "text": str, "source": str?, "source_lang": str?,
"retranslations": [str, ...]?} plus any other fields a feed carries (url, lang,
published...), which become the document's metadata and pass through to the reports. A
field that looks like a misspelt known one (`retranslation`, `src`, `txt`, `Text`) is
refused with the right name when the record lacks that field, since a silently ignored
re-translation or source would change what is audited. A bad line becomes a failure
naming file and line; the records around it are still audited. A line longer than
MAX_DOCUMENT_BYTES is skipped without being held in memory, and JSON nested too deeply or
holding a lone surrogate is refused (see `parse_json_line`), each as a failure of its own line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rapidfuzz.distance import Levenshtein

from audit.errors import InputError
from audit.io.base import MAX_DOCUMENT_BYTES, ReadFailure, TextError, decode_utf8, is_blank, parse_json_line, too_large
from audit.types import Document

FIELDS = {"id": str, "text": str, "source": str, "source_lang": str, "retranslations": list}
# Short forms people write for the known fields, compared without case, `_` or `-`.
_SHORT_FORMS = {"txt": "text", "src": "source", "srclang": "source_lang", "sourcelanguage": "source_lang"}


def read_jsonl(path: Path, display: str) -> Iterator[Document | ReadFailure]:
    if str(path) == "-":
        yield from _records(sys.stdin.buffer, display)
        return
    if not path.exists():
        raise InputError(f"{display}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{display}: is a directory")
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise InputError(f"{display}: cannot read: {exc.strerror or exc}") from None
    with stream:
        yield from _records(stream, display)


def _records(stream: IO[bytes], display: str) -> Iterator[Document | ReadFailure]:
    seen_any = False
    for number, raw in enumerate(_lines(stream), start=1):
        if isinstance(raw, bytes) and not raw.strip():
            continue
        seen_any = True
        try:
            if isinstance(raw, int):
                raise InputError(f"the record is {too_large(raw)}")
            yield _record(raw, display, number)
        except TextError as exc:
            yield ReadFailure(id=f"{display}:{number}", path=display, line=number, message=exc.reason, column=exc.column)
        except InputError as exc:
            yield ReadFailure(id=f"{display}:{number}", path=display, line=number, message=str(exc))
    if not seen_any:
        raise InputError(f"{display}: empty file; nothing to audit")


def _lines(stream: IO[bytes]) -> Iterator[bytes | int]:
    """The lines of `stream`; for a line longer than MAX_DOCUMENT_BYTES, its size (it is skipped, never held)."""
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) <= MAX_DOCUMENT_BYTES or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while rest := stream.readline(1 << 20):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield size


def _record(raw: bytes, display: str, number: int) -> Document:
    line = decode_utf8(raw, display, number).rstrip("\r\n")
    if number == 1:
        line = line.removeprefix("\ufeff")
    record: Any = parse_json_line(line)
    if not isinstance(record, dict):
        raise InputError("a record must be a JSON object with at least \"text\"")
    for key in record:
        meant = near_miss(key)
        if meant is not None and meant not in record:
            raise InputError(f"field {key!r} looks like a misspelt {meant!r}; rename it (other fields are kept as metadata)")
    for key, kind in FIELDS.items():
        if key in record and not isinstance(record[key], kind):
            raise InputError(f"field {key!r} must be a {'list of strings' if kind is list else 'string'}")
    if "text" not in record:
        raise InputError("record has no \"text\" field")
    retranslations = record.get("retranslations", [])
    if not all(isinstance(r, str) for r in retranslations):
        raise InputError("field 'retranslations' must be a list of strings")
    if is_blank(record["text"]):
        raise InputError("record has an empty \"text\"")
    return Document(
        id=record.get("id", f"{display}:{number}"),
        text=record["text"],
        source=record.get("source"),
        source_lang=record.get("source_lang"),
        retranslations=tuple(retranslations),
        path=display,
        line=number,
        verbatim=False,
        metadata={key: value for key, value in record.items() if key not in FIELDS},
    )


def near_miss(key: str) -> str | None:
    """The known field `key` may misspell, or None for a field of its own.

    Case and separators are ignored (`Source-Lang`), short forms are known (`src`), and a
    key one edit from a known field (two for a long one: `retranslation`) is a slip of the
    keyboard; `lang`, `url`, `uid` or `source_url` stay metadata.
    """
    if key in FIELDS:
        return None
    folded = key.casefold().replace("_", "").replace("-", "")
    for known in FIELDS:
        plain = known.replace("_", "")
        if folded == plain or Levenshtein.distance(folded, plain, score_cutoff=_slips(plain)) <= _slips(plain):
            return known
    return _SHORT_FORMS.get(folded)


def _slips(field: str) -> int:
    """Edits a misspelling of `field` may be away: none for `id`, one for a word, two for a long one."""
    return 0 if len(field) <= 3 else 1 if len(field) <= 6 else 2
