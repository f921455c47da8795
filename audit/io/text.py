"""A UTF-8 text file (or stdin) is one document; paragraphs are lines."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from audit.errors import InputError
from audit.io.base import MAX_DOCUMENT_BYTES, decode_utf8, is_blank, read_bytes, too_large
from audit.types import Document


def read_text(path: Path, display: str, source: str | None = None, source_lang: str | None = None) -> Iterator[Document]:
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(f"{display}: {too_large(None)}")
    else:
        data = read_bytes(path, display, MAX_DOCUMENT_BYTES)
    text = decode_utf8(data, display)
    if is_blank(text):
        raise InputError(f"{display}: empty file; nothing to audit")
    yield Document(id=display, text=text, source=source, source_lang=source_lang, path=display)


def read_source(path: Path) -> str:
    """The paired source file of `--source`."""
    display = str(path)
    text = decode_utf8(read_bytes(path, display), display)
    if is_blank(text):
        raise InputError(f"{display}: empty source file; give the text the translation was made from")
    return text
