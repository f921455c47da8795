"""The merge stage: one defect, one finding (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audit.cli import cli
from audit.config import Config, apply
from audit.merge import merge_findings
from audit.pipeline import audit_documents
from audit.types import Document, Finding, Severity

ROOT = Path(__file__).parent.parent
SAMPLE = (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")
GLOSSARY = str(ROOT / "samples" / "glossary.tsv")
NEED_TO = "“We heard only lamentations about the need to“ preserve the Sochi agreements at all costs, ”the official said."


def _audit(text: str, **table: object) -> list[Finding]:
    config = apply(Config(), {"select": ["Q", "N"], **table}, "test")
    [result] = audit_documents([Document(id="d", text=text)], config, strict=True)
    assert result.error is None, result.error
    return list(result.findings)


def _finding(code: str, name: str, start: int, end: int, text: str, **fields: object) -> Finding:
    return Finding(
        code=code,
        name=name,
        severity=fields.pop("severity", Severity.WARNING),  # type: ignore[arg-type]
        doc_id="d",
        start=start,
        end=end,
        message=f"{code} says so",
        text=text[start:end],
        **fields,  # type: ignore[arg-type]
    )


def test_merge_one_mark_one_finding_the_most_specific_rule_reports() -> None:
    findings = _audit(NEED_TO)
    mark = NEED_TO.index("to“") + 2
    at_mark = [f for f in findings if f.start <= mark < f.end]
    assert len(at_mark) == 1
    [merged] = at_mark
    assert merged.code == "Q101" and merged.severity is Severity.ERROR
    assert [(r.code, r.text, r.suggestion) for r in merged.related] == [("Q104", "“", " “"), ("Q103", "“ ", "“")]
    assert merged.codes == ("Q101", "Q104", "Q103")


def test_merge_marks_of_different_quotations_stay_apart() -> None:
    text = "“He said,” she said. ”Not,” they said."
    findings = _audit(text)
    assert len(findings) == len({f.start for f in findings})
    assert all(not f.related for f in findings)


def test_merge_name_findings_one_finding_strongest_severity_most_authoritative_suggestion() -> None:
    text = "the militants of Khayyat Tahrir Ash-Sham were pushed back"
    start, end = text.index("Khayyat"), text.index(" were")
    ash = text.index("Ash-Sham")
    findings = [
        _finding("N203", "names.transliteration", start, end, text, severity=Severity.INFO),
        _finding("N201", "names.variant", start, end, text, suggestion="Khayyat Tahrir Al-Sham", evidence="Khayyat Tahrir Al-Sham"),
        _finding("D303", "divergence.mangled-name", ash, end, text, suggestion="al-Sham", evidence="Hayat Tahrir al-Sham"),
        _finding(
            "N202", "names.glossary", start, end, text, severity=Severity.ERROR, suggestion="Hayat Tahrir al-Sham"
        ),
        _finding("N203", "names.transliteration", 0, 3, text, severity=Severity.INFO),  # another place: apart
    ]
    merged = merge_findings(findings)
    assert [f.code for f in merged] == ["N203", "N202"]
    name = merged[1]
    assert (name.suggestion, name.severity) == ("Hayat Tahrir al-Sham", Severity.ERROR)
    assert [r.code for r in name.related] == ["N201", "N203", "D303"]
    assert [r.evidence for r in name.related] == ["Khayyat Tahrir Al-Sham", None, "Hayat Tahrir al-Sham"]


def test_merge_names_overlapping_in_a_chain_are_one_name() -> None:
    text = "Russian Khmeimim air base"
    findings = [
        _finding("D304", "divergence.unsupported-name", 0, 16, text, severity=Severity.INFO),
        _finding("D303", "divergence.mangled-name", 8, 16, text, suggestion="Hmeimim"),
        _finding("N203", "names.transliteration", 8, 25, text, severity=Severity.INFO),
    ]
    [merged] = merge_findings(findings)
    assert (merged.code, merged.start, merged.end, merged.suggestion) == ("D303", 8, 16, "Hmeimim")


def test_merge_one_number_one_finding_the_source_reports() -> None:
    text = "The convoy carried 35 tonnes of aid and 12 trucks."
    start, end = text.index("35"), text.index("35") + 2
    findings = [
        _finding("D307", "divergence.number", start, end, text, suggestion="30", evidence="re-translation 1: 30"),
        _finding("N211", "numbers.mismatch", start, end, text, severity=Severity.ERROR, suggestion="30"),
        _finding("D307", "divergence.number", text.index("12"), text.index("12") + 2, text),  # another number
    ]
    merged = merge_findings(findings)
    assert [(f.code, f.start) for f in merged] == [("N211", start), ("D307", text.index("12"))]
    assert (merged[0].severity, [r.code for r in merged[0].related]) == (Severity.ERROR, ["D307"])


def test_merge_rules_without_a_subject_never_merge() -> None:
    text = "Konashenkov said 15 km."
    findings = [
        _finding("N211", "numbers.mismatch", 17, 19, text),
        _finding("D301", "divergence.segment", 0, len(text), text),
        _finding("N205", "names.unsourced", 0, 11, text),
    ]
    assert merge_findings(findings) == tuple(sorted(findings, key=Finding.sort_key))


def test_merge_inverted_inner_quote_carries_the_glossary_spelling() -> None:
    paragraph = SAMPLE.splitlines()[0]
    findings = _audit(paragraph, glossary=GLOSSARY)
    [q106] = [f for f in findings if f.code == "Q106"]
    assert q106.suggestion == " ‘Hayat Tahrir al-Sham’ "
    assert {"N202", "N203"} <= set(q106.codes)
    assert not [f for f in findings if f.start < q106.end and q106.start < f.end and f is not q106]


def test_merge_inverted_inner_quote_keeps_its_own_suggestion_without_a_fixable_name() -> None:
    paragraph = SAMPLE.splitlines()[0]
    [q106] = [f for f in _audit(paragraph) if f.code == "Q106"]
    assert q106.suggestion == " ‘Khayyat Tahrir Al-Sham’ "
    assert q106.codes == ("Q106", "N203")


def test_merge_mixed_styles_once_per_document_listing_its_places() -> None:
    text = "“We are ready,” he said.\n\n“Go,” she said. “Now,” they said.\n\n\"The talks go on,\" she said.\n"
    [mixed] = [f for f in _audit(text) if f.code == "Q108"]
    assert mixed.text == '"' and mixed.start == text.index('"')
    assert [(r.code, r.start) for r in mixed.related] == [("Q108", text.rindex('"'))]
    assert "1 more place" in mixed.message


def test_merge_select_and_severity_act_per_code() -> None:
    [alone] = [f for f in _audit(NEED_TO, select=["Q103"]) if f.text == "“ "]
    assert (alone.code, alone.related) == ("Q103", ())
    findings = _audit(NEED_TO, severity={"Q104": "error", "Q101": "info"})
    [merged] = [f for f in findings if "Q104" in f.codes and f.text == "“"]
    assert merged.code == "Q101" and merged.severity is Severity.ERROR


def test_merge_jobs_give_the_same_merged_report(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    paragraphs = [p for p in SAMPLE.split("\n\n") if p.strip()]
    feed.write_text("".join(json.dumps({"id": f"d{i}", "text": p}) + "\n" for i, p in enumerate(paragraphs * 3)))
    args = ["check", str(feed), "--format", "jsonl", "--select", "Q,N", "--fail-on", "never"]
    one = CliRunner().invoke(cli, args)
    two = CliRunner().invoke(cli, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, one.output
    assert one.stdout == two.stdout
    assert '"related": [{"code": "Q104"' in one.stdout


def test_issue13_cli_paragraphs_and_quote_style(tmp_path: Path) -> None:
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("‘We will fight on the beaches,\nwe will never surrender,’ he said.\n", encoding="utf-8")
    base = ["check", str(wrapped), "--select", "Q", "--format", "json", "--fail-on", "never"]

    def codes(*extra: str) -> list[str]:
        result = CliRunner().invoke(cli, [*base, *extra])
        assert result.exit_code == 0, result.output
        return [f["code"] for f in json.loads(result.stdout)["documents"][0]["findings"]]

    assert codes() == ["Q101"]  # a line is a paragraph: the quotation looks unclosed
    assert codes("--paragraphs", "blank-line") == []
    assert codes("--paragraphs", "blank-line", "--quote-style", "american") == ["Q111"]
