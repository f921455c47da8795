"""A JSONL feed, read as a stream: one record a line, memory flat in the feed's size.

A record is exactly {"id": str, "text": str, "source": str?, "source_lang": str?,
"retranslations": [str, ...]?}. A bad line becomes a failure naming file and line;
the records around it are still audited.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from audit.errors import InputError
from audit.io.base import ReadFailure, decode_utf8
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
    with path.open("rb") as stream:
        yield from _records(stream, display)


def _records(stream: IO[bytes], display: str) -> Iterator[Document | ReadFailure]:
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen_any = True
        try:
            yield _record(raw, display, number)
        except InputError as exc:
            yield ReadFailure(id=f"{display}:{number}", path=display, line=number, message=str(exc))
    if not seen_any:
        raise InputError(f"{display}: empty file; nothing to audit")


def _record(raw: bytes, display: str, number: int) -> Document:
    line = decode_utf8(raw, display, number).rstrip("\r\n")
    if number == 1:
        line = line.removeprefix("\ufeff")
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at column {exc.colno}: {exc.msg}") from None
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
    if not record["text"].strip():
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
