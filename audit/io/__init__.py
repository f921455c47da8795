"""Readers: every input format becomes the same `Document` stream.

`READERS` maps a file extension to its reader; anything else is read as UTF-8 text.
Directories are walked recursively for `WALKED_EXTENSIONS`, and globs are expanded, so one
command audits a day's feed. A walk (and a glob) does not enter what holds tools' files
rather than copy: hidden folders and files, virtualenvs (a folder with `pyvenv.cfg`), conda
environments, site-packages, node_modules, __pycache__ and *.egg-info; a file named
outright is always read. Each skip is told to the `skipped` callback (`--verbose`).
"""

from __future__ import annotations

import glob
import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
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
# What a directory walk reads: the formats with a reader, and plain text.
WALKED_EXTENSIONS = (*READERS, ".txt")
# Folders of installed packages and caches, by name.
_TOOL_FOLDERS = {
    "__pycache__": "a Python cache",
    "site-packages": "installed Python packages",
    "node_modules": "installed npm packages",
}

# Told what a walk skipped and why: (path, reason).
Skipped = Callable[[str, str], None]

__all__ = ["READERS", "WALKED_EXTENSIONS", "Feed", "ReadFailure", "Skipped", "expand_inputs", "read_inputs", "read_source"]


def read_inputs(
    inputs: Iterable[str],
    *,
    source: str | None = None,
    source_lang: str | None = None,
    input_format: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[Document | ReadFailure]:
    """Documents from every input, in order; a bad input yields a failure and the rest go on."""
    for path, display in _expand(inputs, skipped or _ignore):
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
    # Told what a directory walk skipped (`--verbose`).
    skipped: Skipped | None = field(default=None, compare=False)

    def __iter__(self) -> Iterator[Document | ReadFailure]:
        return read_inputs(
            self.inputs,
            source=self.source,
            source_lang=self.source_lang,
            input_format=self.input_format,
            skipped=self.skipped,
        )


def _reader_for(path: Path, input_format: str | None) -> ReaderFn | None:
    if input_format in (None, "auto"):
        return READERS.get(path.suffix.lower())
    if input_format == "text":
        return None
    return READERS.get("." + input_format)


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """The files the inputs name (directories walked, globs expanded) with their display names."""
    return _expand(inputs, _ignore)


def _ignore(path: str, reason: str) -> None:
    """A `Skipped` callback for callers that do not report skips."""


def skip_reason(folder: Path) -> str | None:
    """Why a walk does not enter `folder`, or None when it holds copy to audit."""
    name = folder.name
    if name.startswith("."):
        return "hidden"
    if name in _TOOL_FOLDERS:
        return _TOOL_FOLDERS[name]
    if name.endswith(".egg-info"):
        return "Python package metadata"
    if (folder / "pyvenv.cfg").is_file():
        return "a virtualenv"
    if (folder / "conda-meta").is_dir():
        return "a conda environment"
    return None


def _expand(inputs: Iterable[str], skipped: Skipped) -> Iterator[tuple[Path, str]]:
    seen: set[Path] = set()
    for raw, path, display in _named(inputs, skipped):
        if raw != "-":
            key = path.resolve()
            if key in seen:
                skipped(display, "named twice; read once")
                continue
            seen.add(key)
        yield path, display


def _named(inputs: Iterable[str], skipped: Skipped) -> Iterator[tuple[str, Path, str]]:
    for raw in inputs:
        if raw == "-":
            yield raw, Path("-"), "<stdin>"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path, skipped))
            if not found:
                yield raw, path, raw  # the text reader says it is a directory with nothing to audit
            for file in found:
                yield raw, file, str(file)
        elif not path.exists() and glob.has_magic(raw):
            matches = [Path(match) for match in sorted(glob.glob(raw, recursive=True))]
            kept = [match for match in matches if not _in_skipped_folder(match, _literal_root(raw), skipped)]
            if not matches:
                yield raw, path, raw
            for match in kept:
                yield raw, match, str(match)
        else:
            yield raw, path, raw


def _walk(root: Path, skipped: Skipped) -> Iterator[Path]:
    """The files under `root` to audit, pruning the folders `skip_reason` names."""
    others: Counter[str] = Counter()
    def unreadable(error: OSError) -> None:
        skipped(f"{error.filename}{os.sep}", f"cannot read it: {error.strerror or error}")

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        for name in sorted(subfolders):
            reason = skip_reason(here / name)
            if reason is not None:
                skipped(f"{here / name}{os.sep}", reason)
                subfolders.remove(name)
        subfolders.sort()
        for name in sorted(files):
            file = here / name
            if name.startswith("."):
                skipped(str(file), "hidden")
            elif file.suffix.lower() in WALKED_EXTENSIONS:
                yield file
            else:
                others[file.suffix.lower() or "no extension"] += 1
    if others:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(others.items()))
        skipped(f"{root}{os.sep}", f"{sum(others.values())} files of other types ({kinds}); it reads {', '.join(WALKED_EXTENSIONS)}")


def _literal_root(pattern: str) -> Path:
    """The folders a glob names outright, before its first wildcard."""
    parts = Path(pattern).parts
    literal = list(itertools.takewhile(lambda part: not glob.has_magic(part), parts[:-1]))
    return Path(*literal) if literal else Path()


def _in_skipped_folder(match: Path, root: Path, skipped: Skipped) -> bool:
    """Whether a glob match lies in a folder a walk would skip (below what the glob names outright)."""
    for folder in reversed(match.parents):
        if len(folder.parts) <= len(root.parts):
            continue
        reason = skip_reason(folder)
        if reason is not None:
            skipped(str(match), f"in {folder}{os.sep}: {reason}")
            return True
    return False
