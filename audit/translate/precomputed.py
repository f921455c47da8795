"""Re-translations made elsewhere: the JSONL `retranslations` field and `--retranslation FILE`.

A `--retranslation` file is either plain UTF-8 text, the re-translation of the one
document being audited, or JSONL with one record per document,
`{"id": ..., "retranslation": "..."}` (or `"retranslations": [...]`), matched to the
documents by id. Several files are used together: each adds one re-translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.errors import InputError
from audit.io.base import decode_utf8, parse_json_line
from audit.types import Document

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class PrecomputedRetranslations:
    """The re-translations given in files, looked up per document."""

    # Plain-text files: (display name, text); each is the re-translation of the single document.
    whole: list[tuple[str, str]] = field(default_factory=list)
    # JSONL files: document id -> re-translations, in file order.
    by_id: dict[str, list[str]] = field(default_factory=dict)
    _documents_seen: int = 0

    def for_document(self, document: Document) -> tuple[str, ...]:
        """The document's own re-translations, then those from files."""
        self._documents_seen += 1
        if self.whole and self._documents_seen > 1:
            raise InputError(
                f"{self.whole[0][0]}: a plain-text --retranslation file is the re-translation of one document, "
                'but several documents are audited; give a JSONL file of {"id", "retranslation"} records'
            )
        return (*document.retranslations, *(text for _, text in self.whole), *self.by_id.get(document.id, ()))

    @property
    def empty(self) -> bool:
        return not self.whole and not self.by_id


def read_retranslation_files(paths: Sequence[str]) -> PrecomputedRetranslations:
    found = PrecomputedRetranslations()
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(f"{raw}: no such re-translation file; check the --retranslation path")
        try:
            data = decode_utf8(path.read_bytes(), raw)
        except OSError as exc:
            raise InputError(f"{raw}: cannot read: {exc.strerror or exc}") from None
        data = data.removeprefix("\ufeff")
        if path.suffix.lower() in JSONL_SUFFIXES:
            for doc_id, texts in _jsonl_records(data, raw):
                found.by_id.setdefault(doc_id, []).extend(texts)
        elif data.strip():
            found.whole.append((raw, data))
        else:
            raise InputError(f"{raw}: empty re-translation file")
    return found


def _jsonl_records(data: str, display: str) -> list[tuple[str, list[str]]]:
    records: list[tuple[str, list[str]]] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{display}:{number}"
        try:
            record: Any = parse_json_line(line)
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise InputError(f'{where}: a record must be an object with a string "id"')
        texts = record.get("retranslations", [])
        single = record.get("retranslation")
        if isinstance(single, str):
            texts = [*texts, single]
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            raise InputError(f'{where}: give "retranslation": "..." or "retranslations": ["...", ...]')
        records.append((record["id"], texts))
    return records
