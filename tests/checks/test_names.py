"""The N2xx rules on the canonical sample and on clean professional prose."""

from __future__ import annotations

from pathlib import Path

from audit.config import Config, apply
from audit.names.lexicon import is_common_word
from audit.pipeline import audit_documents
from audit.types import Document, Finding

ROOT = Path(__file__).parents[2]
SAMPLE = (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")


def _findings(text: str, **table: object) -> list[Finding]:
    config = apply(Config(), {"select": ["N2"], **table}, "test")
    [result] = audit_documents([Document(id="d", text=text)], config, strict=True)
    assert result.error is None
    return list(result.findings)


def test_names_sample_flags_the_ash_sham_variant() -> None:
    variants = [f for f in _findings(SAMPLE) if f.code == "N201"]
    assert [(f.text, f.suggestion) for f in variants] == [("Khayyat Tahrir Ash-Sham", "Khayyat Tahrir Al-Sham")]


def test_names_sample_with_glossary_flags_all_three_groups() -> None:
    merged = _findings(SAMPLE, glossary=str(ROOT / "samples" / "glossary.tsv"))
    findings = [item for finding in merged for item in (finding, *finding.related)]
    suggested = {(f.text, f.suggestion) for f in findings if f.code == "N202"}
    assert ("Khayyat Tahrir Al-Sham", "Hayat Tahrir al-Sham") in suggested
    assert ("Khayyat Tahrir Ash-Sham", "Hayat Tahrir al-Sham") in suggested
    assert ("Khoras ad-Din", "Hurras al-Din") in suggested
    assert ("Islamic Party of Turkestan", "Turkistan Islamic Party") in suggested
    raised = [f for f in findings if f.code == "N203"]
    assert raised and all(str(f.severity) == "warning" and f.suggestion for f in raised)


def test_names_clean_news_stays_clean() -> None:
    for name in ("clean_news.txt", "clean_names.txt"):
        path = ROOT / "tests" / "data" / name
        if path.exists():
            findings = [f for f in _findings(path.read_text(encoding="utf-8")) if str(f.severity) != "info"]
            assert findings == [], [(f.code, f.text, f.message) for f in findings]


def test_names_paired_clean_prose_stays_clean() -> None:
    source = (
        "Официальный представитель Минобороны России генерал-майор Игорь Конашенков заявил в среду, что "
        "боевики «Хайят Тахрир аш-Шам» обстреляли авиабазу Хмеймим. По его словам, более 100 тысяч мирных "
        "жителей покинули Идлиб с 1 февраля 2020 года, а 15 212 человек вернулись в Алеппо."
    )
    text = (
        "Russian Defence Ministry spokesman Major General Igor Konashenkov said on Wednesday that Hayat Tahrir "
        "al-Sham militants had shelled the Hmeimim air base. More than 100,000 civilians have left Idlib since "
        "February 1, 2020, and 15,212 people have returned to Aleppo, he said."
    )
    config = apply(Config(), {"select": ["N2"]}, "test")
    [result] = audit_documents([Document(id="d", text=text, source=source, source_lang="ru")], config, strict=True)
    assert [(f.code, f.text) for f in result.findings if str(f.severity) != "info"] == []


def test_names_units_compare_their_own_sources() -> None:
    from audit.types import Unit

    text = "Lavrov met Shoigu.\nPeskov said 30 people came."
    units = (
        Unit("1", 0, 18, source="Лавров встретился с Шойгу."),
        Unit("2", 19, len(text), source="Песков сказал, что пришли 20 человек."),
    )
    config = apply(Config(), {"select": ["N2"]}, "test")
    [result] = audit_documents([Document(id="d", text=text, source="x", units=units)], config, strict=True)
    assert [(f.code, f.text, f.unit_id) for f in result.findings] == [("N211", "30", "2")]


def test_names_common_words_in_british_spelling() -> None:
    assert is_common_word("Organisation") and is_common_word("Labour") and is_common_word("Centre")
    assert not is_common_word("Kolonko")
