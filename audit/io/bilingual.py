"""The bilingual files CAT tools exchange: XLIFF 1.2 and 2.x, TMX and PO, via translate-toolkit.

A file is one `Document` (id and path the file's name): its translated units' targets are
joined by a blank line (`UNIT_SEPARATOR`) into the text, each a `Unit` with its id, line
and source, so every unit is a paragraph of its own and the in-document checks (one name
spelt two ways, Q108's mixed styles) compare units with each other, as a translator's QA
tool does across a file. Findings carry their unit's id and are reported on its line; the
checks that compare the target with its source (quote counts, names, numbers) compare
each unit with its own source (`Unit.source`), and the document's source is the units'
sources joined the same way. Units without a target are not audited (there is nothing to
check yet); PO plural forms are units of their own (`UNIT[1]`); obsolete PO entries are
skipped.

The text is the units' targets as translate-toolkit gives them: inline tags (`<g>`,
`<ph>`) are flattened to their text, and XML whitespace is collapsed unless the file says
`xml:space="preserve"` (XLIFF's own rule), so spans index that text, not the file's bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from audit.errors import InputError
from audit.io.base import MAX_DOCUMENT_BYTES, ReadFailure, is_blank, read_bytes, too_large
from audit.types import Document, Unit

_PO_LINE = re.compile(r"\bline (\d+)")


def read_xliff(path: Path, display: str) -> Iterator[Document | ReadFailure]:
    from translate.storage.xliff import xlifffile
    from translate.storage.xliff2 import Xliff2File

    data = _data(path, display)
    parse: Any = xlifffile.parsestring
    try:
        store: Any = parse(data)
    except ValueError as exc:
        if "XLIFF 2" not in str(exc):
            raise InputError(f"{display}: not an XLIFF file: {exc}") from None
        store = _parse(Xliff2File, data, display)
    except SyntaxError as exc:
        raise _xml_error(exc, display) from None
    except (AssertionError, StopIteration):
        # Well-formed XML of another kind (a TMX `<tu>` root): translate-toolkit finds no XLIFF body.
        raise InputError(f"{display}: not an XLIFF file: its root element is another format's") from None
    several_files = len(store.getfilenames()) > 1
    return _documents(store, display, lambda unit: _xliff_id(unit, several_files))


def read_tmx(path: Path, display: str) -> Iterator[Document | ReadFailure]:
    from translate.storage.tmx import tmxfile

    store = _parse(tmxfile, _data(path, display), display)
    return _documents(store, display, lambda unit: unit.xmlelement.get("tuid"))


def read_po(path: Path, display: str) -> Iterator[Document | ReadFailure]:
    from translate.storage.pypo import pofile

    store = _parse(pofile, _data(path, display), display)
    return _documents(store, display, _po_id)


def _data(path: Path, display: str) -> bytes:
    data = read_bytes(path, display)
    if not data.strip():
        raise InputError(f"{display}: empty file; nothing to audit")
    return data


def _parse(kind: Any, data: bytes, display: str) -> Any:
    try:
        return kind.parsestring(data)
    except SyntaxError as exc:
        raise _xml_error(exc, display) from None
    except AssertionError:
        # translate-toolkit asserts the root element (a well-formed file of another XML kind).
        raise InputError(f"{display}: not a {kind.__name__} file: its root element is another format's") from None
    except (ValueError, UnicodeDecodeError) as exc:
        found = _PO_LINE.search(str(exc))
        where = f"{display}:{found.group(1)}" if found else display
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{where}: cannot parse {kind.__name__}: {detail}") from None


def _xml_error(exc: SyntaxError, display: str) -> InputError:
    line, column = getattr(exc, "position", None) or (exc.lineno or 1, exc.offset or 1)
    message = getattr(exc, "msg", None) or str(exc)
    message = re.sub(r", line \d+, column \d+$", "", str(message))
    message = " ".join(message.split())  # lxml messages may span lines; ours is one
    return InputError(f"{display}:{line}:{column}: malformed XML: {message}; fix the file or re-export it")


def _xliff_id(unit: Any, several_files: bool) -> str | None:
    if unit.__class__.__module__.endswith("xliff2"):
        return str(unit.getid())
    raw = unit.xmlelement.get("id")
    if raw is None:
        return None
    if several_files:
        original = str(unit.getid()).split("\x04", 1)[0]
        return f"{original}/{raw}"
    return str(raw)


def _po_id(unit: Any) -> str:
    context = unit.getcontext()
    source = str(unit.source)
    return f"{context}|{source}" if context else source


def _line(unit: Any) -> int | None:
    element = getattr(unit, "xmlelement", None)
    if element is not None:
        return int(element.sourceline) if element.sourceline is not None else None
    number = getattr(unit, "line_number", None)
    return int(number) if number else None


UNIT_SEPARATOR = "\n\n"


def _documents(store: Any, display: str, unit_id: Any) -> Iterator[Document | ReadFailure]:
    targets: list[str] = []
    sources: list[str | None] = []
    units: list[Unit] = []
    seen: set[str] = set()
    offset = size = 0
    for position, unit in enumerate(store.units, start=1):
        if unit.isheader() or (hasattr(unit, "isobsolete") and unit.isobsolete()):
            continue
        line = _line(unit)
        base = unit_id(unit) or str(position)
        if base in seen:
            base = f"{base}@{line or position}"
        seen.add(base)
        forms = _targets(unit)
        source = (str(unit.source) if unit.source is not None else None) or None
        for index, target in enumerate(forms):
            if is_blank(target):
                continue
            if targets:
                offset += len(UNIT_SEPARATOR)
            uid = base if len(forms) == 1 else f"{base}[{index}]"
            units.append(Unit(id=uid, start=offset, end=offset + len(target), line=line, source=source))
            targets.append(target)
            sources.append(source)
            offset += len(target)
            size += len(target.encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(f"{display}: {too_large(size)}")
    if not units:
        raise InputError(f"{display}: no translated units; nothing to audit")
    yield Document(
        id=display,
        text=UNIT_SEPARATOR.join(targets),
        source=UNIT_SEPARATOR.join(s or "" for s in sources) if any(sources) else None,
        source_lang=_language(store),
        path=display,
        line=units[0].line or 1,
        verbatim=False,
        units=tuple(units),
    )


def _targets(unit: Any) -> list[str]:
    target = unit.target
    if target is None:
        return []
    strings = getattr(target, "strings", None)
    if unit.hasplural() and strings:
        return [str(s) for s in strings]
    return [str(target)]


def _language(store: Any) -> str | None:
    getter = getattr(store, "getsourcelanguage", None)
    language = getter() if getter is not None else None
    return str(language) if language else None

