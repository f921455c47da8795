"""N221/N222: leftover scripts and mixed-script words."""

from __future__ import annotations

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document


def _codes(text: str, **table: object) -> list[tuple[str, str, str | None]]:
    config = apply(Config(), {"select": ["N22"], **table}, "test")
    [result] = audit_documents([Document(id="d", text=text)], config, strict=True)
    return [(f.code, f.text, f.suggestion) for f in result.findings]


def test_script_leftovers_and_homoglyphs() -> None:
    text = "At the Хмеймим base, Igor Kоnashenkov said (мирные жители) 中国."
    assert _codes(text) == [
        ("N221", "Хмеймим", "Khmeymim"),
        ("N222", "Kоnashenkov", "Konashenkov"),
        ("N221", "мирные жители", None),
        ("N221", "中国", None),
    ]


def test_script_greek_only_when_asked() -> None:
    assert _codes("an α-particle of 5 μm") == []
    assert [c for c, *_ in _codes("an α-particle", checks={"script.leftover": {"scripts": ["Greek"]}})] == ["N221"]


def test_script_offsets_survive_bom_and_crlf() -> None:
    text = "\ufeffLine one\r\nThe Хмеймим base\r\n"
    config = apply(Config(), {"select": ["N221"]}, "test")
    [result] = audit_documents([Document(id="d", text=text)], config, strict=True)
    [finding] = result.findings
    assert text[finding.start : finding.end] == "Хмеймим"
