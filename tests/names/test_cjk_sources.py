"""Chinese, Japanese and Hindi sources: classes of names and context English writes (issue 10, third CJK round)."""

from __future__ import annotations

import pytest

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Severity


def _warned(source: str, english: str, lang: str) -> list[str]:
    """The English spans N205 warns about (not its hints)."""
    config = apply(Config(), {"select": ["N205"]}, "test")
    document = Document(id="d", text=english, source=source, source_lang=lang)
    [result] = audit_documents([document], config, strict=True)
    return [english[f.start : f.end] for f in result.findings if f.severity >= Severity.WARNING]


@pytest.mark.parametrize(
    ("source", "english", "replaced"),
    [
        ("岸田首相は記者会見で述べた。", "Prime Minister Shigeru Ishiba told a news conference.", "Ishiba"),
        ("林官房長官は会見で述べた。", "Chief Cabinet Secretary Katsunobu Kato told reporters.", "Kato"),
        ("中村氏は辞任を否定した。", "Kenta Izumi denied he would resign.", "Izumi"),  # `村` inside a surname
    ],
)
def test_a_japanese_surname_before_a_title_is_read_where_english_writes_the_person_in_full(
    source: str, english: str, replaced: str
) -> None:
    assert any(replaced in span for span in _warned(source, english, "ja"))


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("岸田首相は記者会見で述べた。", "Prime Minister Fumio Kishida told a news conference."),
        ("林官房長官は会見で述べた。", "Chief Cabinet Secretary Yoshimasa Hayashi told reporters."),
        ("中村氏は辞任を否定した。", "Hiroshi Nakamura denied he would resign."),
        ("高市総裁は会見で述べた。", "LDP President Sanae Takaichi told reporters."),  # `高市` is also a district
        # a surname alone in English is not judged by pykakasi's reading (`喬木`: `kyouboku`)
        ("喬木外相は北京を訪問した。", "Foreign Minister Takagi visited Beijing."),
        ("自民党総裁選で、小泉氏が勝った。", "Shinjiro Koizumi won the Liberal Democratic Party leadership race."),
    ],
)
def test_a_japanese_surname_before_a_title_read_in_the_english_is_no_replacement(source: str, english: str) -> None:
    assert _warned(source, english, "ja") == []
