"""A JSONL feed, read as a stream: one record a line, memory flat in the feed's size.

A record is exactly {"id": str, "text": str, "source": str?, "source_lang": str?,
"retranslations": [str, ...]?}. A bad line becomes a failure naming file and line;
the records around it are still audited. A line longer than MAX_DOCUMENT_BYTES is skipped
without being held in memory, and JSON nested too deeply or holding a lone surrogate is
refused (see `parse_json_line`), each as a failure of its own line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from audit.errors import InputError
from audit.io.base import MAX_DOCUMENT_BYTES, ReadFailure, TextError, decode_utf8, is_blank, parse_json_line, too_large
from audit.types import Document

FIELDS = {"id": str, "text": str, "source": str, "source_lang": str, "retranslations": list}


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
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} (allowed: {', '.join(FIELDS)})")
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
    )
