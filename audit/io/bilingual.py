"""The bilingual files CAT tools exchange: XLIFF 1.2 and 2.x, TMX and PO, via translate-toolkit.

Each translated unit becomes its own `Document` (id `FILE#UNIT`, path the file, line the
unit's line in it, source the unit's source), with one `Unit` spanning its text, so findings
are reported against the unit id and its line, and the checks that compare the target with
its source (quote counts, names, numbers) compare each unit with its own source rather than
with a whole file's. Units without a target are not audited (there is nothing to check yet);
PO plural forms are audited one by one (`UNIT[1]`); obsolete PO entries are skipped.

The text is the unit's target as translate-toolkit gives it: inline tags (`<g>`, `<ph>`)
are flattened to their text, and XML whitespace is collapsed unless the file says
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
    except (ValueError, UnicodeDecodeError) as exc:
        found = _PO_LINE.search(str(exc))
        where = f"{display}:{found.group(1)}" if found else display
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{where}: cannot parse {kind.__name__}: {detail}") from None


def _xml_error(exc: SyntaxError, display: str) -> InputError:
    line, column = getattr(exc, "position", None) or (exc.lineno or 1, exc.offset or 1)
    message = getattr(exc, "msg", None) or str(exc)
    message = re.sub(r", line \d+, column \d+$", "", str(message))
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


def _documents(store: Any, display: str, unit_id: Any) -> Iterator[Document | ReadFailure]:
    source_lang = _language(store)
    seen: set[str] = set()
    audited = 0
    for position, unit in enumerate(store.units, start=1):
        if unit.isheader() or (hasattr(unit, "isobsolete") and unit.isobsolete()):
            continue
        line = _line(unit)
        base = unit_id(unit) or str(position)
        if base in seen:
            base = f"{base}@{line or position}"
        seen.add(base)
        targets = _targets(unit)
        for index, target in enumerate(targets):
            if is_blank(target):
                continue
            uid = base if len(targets) == 1 else f"{base}[{index}]"
            if len(target) > MAX_DOCUMENT_BYTES // 4 and (size := len(target.encode("utf-8"))) > MAX_DOCUMENT_BYTES:
                yield ReadFailure(id=f"{display}#{uid}", path=display, line=line, message=f"unit {uid}: {too_large(size)}")
                continue
            source = str(unit.source) if unit.source is not None else None
            audited += 1
            yield Document(
                id=f"{display}#{uid}",
                text=target,
                source=source or None,
                source_lang=source_lang,
                path=display,
                line=line or 1,
                verbatim=False,
                units=(Unit(id=uid, start=0, end=len(target), line=line, source=source),),
            )
    if audited == 0:
        raise InputError(f"{display}: no translated units; nothing to audit")


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

