"""The dev sets (`tests/data/source_ru/`, `source_cjk/`, `retrans/`) are well formed.

`scripts/eval_source.py` trusts every record: a variant equal to its good translation would
count a miss that is no error, and a wrong kind or class would vanish from its tables.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
PARTS = sorted([*DATA.glob("source_ru/*.jsonl"), *DATA.glob("source_cjk/*.jsonl")])
CLASSES = {"acronym", "inflected", "title", "added", "quoted", "number"}
KINDS = {"name_replaced", "name_dropped", "number_changed", "quote_dropped"}
LANGUAGES = {"ru", "zh", "ja", "hi"}


def _records(path: Path, classes: set[str], kinds: set[str]) -> list[tuple[str, dict[str, Any]]]:
    """Each record of a part with where it is (`file:line`), checked for what every part shares:
    a unique id, a known class, a good translation, variants of known kinds, each distinct."""
    ids: set[str] = set()
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        where = f"{path.name}:{number}"
        assert record["id"] not in ids and record["class"] in classes and record["good"].strip(), where
        ids.add(record["id"])
        texts = [variant["text"] for variant in record["variants"]]
        assert all(variant["kind"] in kinds for variant in record["variants"]), where
        assert record["good"] not in texts and len(set(texts)) == len(texts), where
        found.append((where, record))
    return found


@pytest.mark.parametrize("path", PARTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_record_is_well_formed(path: Path) -> None:
    for where, record in _records(path, CLASSES, KINDS):
        assert record.get("source_lang", "ru") in LANGUAGES and record["source"].strip(), where


def test_the_dev_sets_are_there() -> None:
    names = {path.name for path in PARTS}
    assert {"tune.jsonl", "heldout6-blind.jsonl", "heldout7-blind.jsonl", "heldout8-blind.jsonl", "heldout9-blind.jsonl", "blind2.jsonl", "blind3.jsonl"} <= names


RETRANSLATION_PARTS = sorted(DATA.glob("retrans/*.jsonl"))
RETRANSLATION_CLASSES = {"spelling", "abbreviation", "morphology", "paraphrase", "number", "mixed"}
RETRANSLATION_KINDS = {"name_replaced", "name_dropped", "number_changed"}


@pytest.mark.parametrize("path", RETRANSLATION_PARTS, ids=lambda p: f"retrans/{p.name}")
def test_every_retranslation_record_is_well_formed(path: Path) -> None:
    """`scripts/eval_retranslation.py` audits `good` and each variant with `reference` as the re-translation."""
    for where, record in _records(path, RETRANSLATION_CLASSES, RETRANSLATION_KINDS):
        assert record["variants"] and record["reference"].strip() and record["good"] != record["reference"], where
