"""A UTF-8 text file (or stdin) is one document; paragraphs are lines."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from audit.errors import InputError
from audit.io.base import decode_utf8, read_bytes
from audit.types import Document


def read_text(path: Path, display: str, source: str | None = None, source_lang: str | None = None) -> Iterator[Document]:
    data = sys.stdin.buffer.read() if str(path) == "-" else read_bytes(path, display)
    text = decode_utf8(data, display)
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(f"{display}: empty file; nothing to audit")
    yield Document(id=display, text=text, source=source, source_lang=source_lang, path=display)


def read_source(path: Path) -> str:
    """The paired source file of `--source`."""
    display = str(path)
    text = decode_utf8(read_bytes(path, display), display)
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(f"{display}: empty source file; give the text the translation was made from")
    return text
