"""What every reader yields: documents, or a failure that becomes an error entry."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from audit.errors import InputError

# One document may be at most this large (a text file, a JSONL line, a bilingual file's unit):
# a hostile or mistaken input (a whole archive on one line) is refused before it is read into
# memory, and the rest of the batch goes on. Wire stories are a few KB; this is 3,000 of them.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
# A JSON record nested deeper than this is refused: a record needs two levels, metadata a few
# more, and Python's JSON parser (and everything that walks a record after it) recurses.
MAX_JSON_DEPTH = 32
# Nothing to audit: whitespace (no-break spaces too) and the zero-width characters \s misses.
_BLANK = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]*")
# A \uD800-\uDFFF escape in JSON text: json.loads makes a lone one a surrogate code point,
# which no encoder can write (pairs become one character and are fine).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input that could not become a document; the batch goes on without it."""

    id: str
    path: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = "".join(
            (self.path, f":{self.line}" if self.line else "", f":{self.column}" if self.line and self.column else "")
        )
        return f"{where}: {self.message}"


class Reader(Protocol):
    def __call__(self, path: Path, display: str) -> Iterator[object]: ...


def read_bytes(path: Path, display: str, limit: int | None = None) -> bytes:
    """The file's bytes, or an InputError saying in one line what is wrong with it (or that it is over `limit`)."""
    if str(path) != "-" and not path.exists():
        raise InputError(f"{display}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{display}: is a directory with nothing to audit; it reads .txt, .jsonl, .xlf, .xliff, .tmx and .po files")
    try:
        if limit is not None and (size := path.stat().st_size) > limit:
            raise InputError(f"{display}: {too_large(size)}")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{display}: permission denied; make the file readable") from None
    except OSError as exc:
        raise InputError(f"{display}: cannot read: {exc.strerror or exc}") from None


def too_large(size: int | None) -> str:
    """Why a document of `size` bytes (None: of unknown size, over the limit) is refused."""
    shown = f"{size / 2**20:.1f} MiB" if size is not None else "over the limit"
    return f"{shown}, more than one document may be ({MAX_DOCUMENT_BYTES // 2**20} MiB); split it into several"


class TextError(InputError):
    """Bytes that are not UTF-8 text, located by line and column (in characters, as editors count)."""

    def __init__(self, display: str, line: int, column: int | None, reason: str) -> None:
        where = f"{display}:{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {reason}")
        self.line = line
        self.column = column
        self.reason = reason


def decode_utf8(data: bytes, display: str, first_line: int = 1) -> str:
    """Strict UTF-8; a BOM stays in the text (offsets index what was read). Raises `TextError`."""
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + first_line
        raise TextError(display, line, None, "binary file (NUL byte); give a UTF-8 text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # Everything before the first bad byte decoded, so the column counts characters.
        column = len(data[line_start : exc.start].decode("utf-8")) + 1
        raise TextError(
            display,
            data.count(b"\n", 0, exc.start) + first_line,
            column,
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8",
        ) from None


def is_blank(text: str) -> bool:
    """Whether `text` holds nothing to audit: only whitespace (no-break spaces too), BOMs and zero-width marks."""
    return _BLANK.fullmatch(text) is not None


def parse_json_line(line: str) -> Any:
    """One line of JSON, or an InputError saying what is wrong with it (no location: callers add it).

    Refuses what would break later stages: nesting deeper than MAX_JSON_DEPTH and lone
    surrogates, which are valid JSON escapes but not text any writer can encode.
    """
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep; flatten the record") from None
    problem = _json_problem(value, surrogates=_SURROGATE_ESCAPE.search(line) is not None)
    if problem is not None:
        raise InputError(problem)
    return value


def _json_problem(value: Any, *, surrogates: bool) -> str | None:
    """Too deep, or a lone surrogate in a string (named by its top-level field), walked without recursion."""
    stack: list[tuple[Any, int, str | None]] = [(value, 1, None)]
    while stack:
        item, depth, field = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return f"JSON nested more than {MAX_JSON_DEPTH} levels deep; flatten the record"
        if isinstance(item, dict):
            for key, child in item.items():
                stack.append((key, depth, field or key))
                stack.append((child, depth + 1, field or key))
        elif isinstance(item, list):
            stack.extend((child, depth + 1, field) for child in item)
        elif surrogates and isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                where = f"field {field!r}" if field else "a string"
                return (
                    f"{where} holds a lone surrogate (\\u{ord(found.group()):04x}) at character {found.start() + 1}, "
                    "which is not Unicode text; fix the program that wrote the JSON"
                )
    return None


def failure(display: str, exc: InputError) -> ReadFailure:
    message = str(exc)
    prefix = f"{display}:"
    numbers: list[int] = []
    if message.startswith(prefix):
        rest = message[len(prefix) :]
        head, _, tail = rest.partition(": ")
        if head and all(part.isdigit() for part in head.split(":")):
            numbers, message = [int(part) for part in head.split(":")], tail
        else:
            message = rest.lstrip()
    line = numbers[0] if numbers else None
    column = numbers[1] if len(numbers) > 1 else None
    return ReadFailure(id=display, path=display, line=line, message=message, column=column)


def iter_failures(items: Iterator[object]) -> Iterator[ReadFailure]:
    return (item for item in items if isinstance(item, ReadFailure))
