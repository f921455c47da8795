"""Runs every per-rule case file in tests/cases/<CODE>.toml (sqlfluff-style).

A case holds `text` (and optionally `source`, `source_lang`, `retranslations`, `options`,
`config`) and `expect`: the findings of that code, each `{text = "...", occurrence = N}` or
`{start = S, end = E}`, with an optional `suggestion` (`""`: none) and `severity`
(`"warning"`). `expect = []` means: must not flag.
Places the merge stage folded into another finding (`Finding.related`) count as found.
A feed-scope rule's case has `feed`, a list of texts audited as one batch, and each expected
finding names its document with `doc = N` (0-based).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from audit.checks.base import all_checks
from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            cases.append((path.stem, case))
    return cases


def _span(text: str, expected: dict[str, Any]) -> tuple[int, int]:
    if "start" in expected:
        return expected["start"], expected["end"]
    needle, occurrence = expected["text"], expected.get("occurrence", 1)
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} (occurrence {occurrence}) not in case text"
    return start, start + len(needle)


def _config(code: str, case: dict[str, Any]) -> Config:
    table: dict[str, Any] = {"select": [code], **case.get("config", {})}
    name = next(cls.name for cls in all_checks() if cls.code == code)
    if "options" in case:
        table["checks"] = {name: case["options"]}
    return apply(Config(), table, "case")


@pytest.mark.parametrize(("code", "case"), _load(), ids=lambda v: v if isinstance(v, str) else v["name"])
def test_case(code: str, case: dict[str, Any]) -> None:
    if "feed" in case:
        _feed_case(code, case)
        return
    document = Document(
        id="case",
        text=case["text"],
        source=case.get("source"),
        source_lang=case.get("source_lang"),
        retranslations=tuple(case.get("retranslations", ())),
    )
    [result] = audit_documents([document], _config(code, case), strict=True)
    assert result.error is None, result.error
    # A place merged into another finding (another rule's, or the first place of a rule
    # reported once per document) still counts: it is in that finding's `related`.
    places = [item for f in result.findings for item in (f, *f.related)]
    found = {(f.start, f.end): f for f in places if f.code == code}
    expected = {_span(case["text"], e): e for e in case["expect"]}
    assert set(found) == set(expected), [(f.start, f.end, f.text, f.message) for f in found.values()]
    for span, e in expected.items():
        if "suggestion" in e:
            assert (found[span].suggestion or "") == e["suggestion"]
        if "severity" in e:
            assert str(found[span].severity) == e["severity"], found[span].message


def _feed_case(code: str, case: dict[str, Any]) -> None:
    """A feed-scope rule's case: `feed` is a batch of texts; each expected finding names its `doc` (0-based)."""
    texts = case["feed"]
    documents = [Document(id=f"case-{number}", text=text) for number, text in enumerate(texts)]
    results = list(audit_documents(documents, _config(code, case), strict=True))
    assert all(result.error is None for result in results)
    found = {(n, f.start, f.end): f for n, r in enumerate(results) for f in r.findings if f.code == code}
    expected = {(e["doc"], *_span(texts[e["doc"]], e)): e for e in case["expect"]}
    assert set(found) == set(expected), [(k, f.text, f.message) for k, f in found.items()]
    for key, e in expected.items():
        if "suggestion" in e:
            assert (found[key].suggestion or "") == e["suggestion"]


def test_every_rule_has_flag_and_clean_cases() -> None:
    by_code: dict[str, list[dict[str, Any]]] = {}
    for code, case in _load():
        by_code.setdefault(code, []).append(case)
    for cls in all_checks():
        cases = by_code.get(cls.code, [])
        assert any(c["expect"] for c in cases), f"{cls.code} has no case that must flag"
        assert any(not c["expect"] for c in cases), f"{cls.code} has no case that must stay clean"
