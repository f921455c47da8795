"""Readers: every input format becomes the same `Document` stream.

`READERS` maps a file extension to its reader; anything else is read as UTF-8 text.
Directories are walked recursively for the known extensions, and globs are expanded,
so one command audits a day's feed.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from audit.errors import InputError
from audit.io.base import ReadFailure, failure
from audit.io.bilingual import read_po, read_tmx, read_xliff
from audit.io.jsonl import read_jsonl
from audit.io.text import read_source, read_text
from audit.types import Document

ReaderFn = Callable[[Path, str], Iterator[Document | ReadFailure]]

READERS: dict[str, ReaderFn] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".xlf": read_xliff,
    ".xliff": read_xliff,
    ".tmx": read_tmx,
    ".po": read_po,
}
TEXT_EXTENSIONS = (".txt", ".text", ".md")

__all__ = ["READERS", "Feed", "ReadFailure", "expand_inputs", "read_inputs", "read_source"]


def read_inputs(
    inputs: Iterable[str],
    *,
    source: str | None = None,
    source_lang: str | None = None,
    input_format: str | None = None,
) -> Iterator[Document | ReadFailure]:
    """Documents from every input, in order; a bad input yields a failure and the rest go on."""
    for path, display in _expand(inputs):
        reader = _reader_for(path, input_format)
        try:
            if reader is None:
                yield from read_text(path, display, source, source_lang)
            else:
                yield from reader(path, display)
        except InputError as exc:
            yield failure(display, exc)


@dataclass(frozen=True)
class Feed:
    """The inputs of one run and how to read them; iterating reads them (`read_inputs`).

    It is plain data, so it pickles: `--engine ray` sends it to the read task that streams
    the documents on the machine where the files are.
    """

    inputs: tuple[str, ...]
    source: str | None = None
    source_lang: str | None = None
    input_format: str | None = None

    def __iter__(self) -> Iterator[Document | ReadFailure]:
        return read_inputs(
            self.inputs, source=self.source, source_lang=self.source_lang, input_format=self.input_format
        )


def _reader_for(path: Path, input_format: str | None) -> ReaderFn | None:
    if input_format in (None, "auto"):
        return READERS.get(path.suffix.lower())
    if input_format == "text":
        return None
    return READERS.get("." + input_format)


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """The files the inputs name (directories walked, globs expanded) with their display names."""
    return _expand(inputs)


def _expand(inputs: Iterable[str]) -> Iterator[tuple[Path, str]]:
    for raw in inputs:
        if raw == "-":
            yield Path("-"), "<stdin>"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (*READERS, *TEXT_EXTENSIONS)
            )
            if not found:
                yield path, raw  # the text reader says it is a directory with nothing to audit
            for file in found:
                yield file, str(file)
        elif not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield path, raw
            for match in matches:
                yield Path(match), match
        else:
            yield path, raw
