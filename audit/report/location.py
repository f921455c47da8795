"""Where a finding is, for people and CI: file, line and column, derived never stored."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from audit.types import Document, Finding, LineIndex, Related


@dataclass(frozen=True, slots=True)
class Position:
    path: str
    # Line and column in the file (columns in code points); column is None when the text
    # is not the file verbatim (a JSON string), where `text_line`/`text_column` locate it.
    line: int
    column: int | None
    text_line: int
    text_column: int


@lru_cache(maxsize=8)
def _index(text: str) -> LineIndex:
    return LineIndex(text)


def line_index(document: Document) -> LineIndex:
    return _index(document.text)


def position(document: Document, offset: int) -> Position:
    index = line_index(document)
    text_line, text_column = index.position(offset)
    if text_line == 1 and document.text.startswith("\ufeff") and offset > 0:
        text_column -= 1  # editors do not show the BOM
    path = document.path or document.id
    unit = document.unit_at(offset) if document.units else None
    if unit is not None and unit.line is not None:
        return Position(path, unit.line, None, text_line, text_column)
    if document.verbatim:
        return Position(path, document.line + text_line - 1, text_column, text_line, text_column)
    return Position(path, document.line, None, text_line, text_column)


def describe_related(document: Document, finding: Finding, related: Related) -> str:
    """One line for a merged finding's related record: `[at LINE:COL] CODE severity: message [name]`.

    The place is given only where it differs from the finding's own.
    """
    where = ""
    if related.start != finding.start:
        at = position(document, related.start)
        where = f"at {at.line}:{at.column} " if at.column is not None else f"at {at.text_line}:{at.text_column} "
    line = f"{where}{related.code} {related.severity}: {related.message} [{related.name}]"
    if related.suggestion is not None:
        line += f" (suggestion: {related.suggestion!r})"
    return line
