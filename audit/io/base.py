"""What every reader yields: documents, or a failure that becomes an error entry."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from audit.errors import InputError


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


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, or an InputError saying in one line what is wrong with it."""
    if str(path) != "-" and not path.exists():
        raise InputError(f"{display}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{display}: is a directory; give files, or a directory holding .txt/.jsonl files")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{display}: permission denied; make the file readable") from None
    except OSError as exc:
        raise InputError(f"{display}: cannot read: {exc.strerror or exc}") from None


def decode_utf8(data: bytes, display: str, first_line: int = 1) -> str:
    """Strict UTF-8; a BOM stays in the text (offsets index what was read)."""
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + first_line
        raise InputError(f"{display}:{line}: binary file (NUL byte); give a UTF-8 text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + first_line
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{display}:{line}:{column}: invalid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8"
        ) from None


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
