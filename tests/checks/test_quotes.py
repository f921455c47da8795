"""The Q1xx rules end to end: the sample's every quote problem, clean news prose, and span
invariants on arbitrary text. Per-rule bad/good cases live in tests/cases/Q1*.toml."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks.base import all_checks
from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Finding, Related

ROOT = Path(__file__).parent.parent.parent
SAMPLE = (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")
CLEAN = (ROOT / "tests" / "data" / "clean_news.txt").read_text(encoding="utf-8")
QUOTE_RULES = [cls for cls in all_checks() if cls.code.startswith("Q1")]

# Every quote problem of the sample, found by reading it paragraph by paragraph:
# (a context that occurs once in the sample, the problem inside it, what is wrong).
SAMPLE_PROBLEMS = [
    ("them,” Khayyat Tahrir Al-Sham “(a", "” Khayyat Tahrir Al-Sham “", "inner quotes as a close and a re-open"),
    ("groups” Khayyat Tahrir Al-Sham “(banned", "” Khayyat Tahrir Al-Sham “", "inner quotes as a close and a re-open"),
    ("the “moderate opposition” to", "“moderate opposition”", "nested quotation in the same marks"),
    ("Turkish border, “the general said", " “", "the quotation ends with an opening mark"),
    ("the need to“ preserve", "“ ", "opening mark glued to `to`, space inside"),
    ("at all costs, ”the official", " ”", "closing mark spaced from `costs,`, glued to `the`"),
    ("the need to“ preserve", "“", "inner quotation never closed: its close merged with the outer one"),
    ("creation of a” demilitarized zone “to", "” demilitarized zone “", "reversed marks around a phrase"),
    ("allegedly“ war crimes", "“ ", "opening mark glued to `allegedly`, space inside"),
    ("allegedly“ war crimes", "“", "the quotation of `war crimes` is never closed"),
    ("“humanitarian catastrophe”", "“humanitarian catastrophe”", "nested quotation in the same marks"),
    ("“millions of refugee flows”", "“millions of refugee flows”", "nested quotation in the same marks"),
    ("supposedly “representatives", "“", "inner quotation never closed: its close merged with the outer one"),
    ("supposedly” moderate “,", "” moderate “", "reversed marks around a word"),
    ("recently” spotted “discovered", "” spotted “", "reversed marks around a word"),
    ("Syrian forces? ” – said", " ”", "space before the closing mark"),
    ("in order to“ achieve", "“ ", "opening mark glued to `to`, space inside"),
    ("at all costs ”, no one", " ”", "space before the closing mark"),
    (
        "“ achieve the Sochi agreements at all costs ”",
        "“ achieve the Sochi agreements at all costs ”",
        "nested quotation in the same marks",
    ),
    ("called “Ankara’s legal", "“", "inner quotation never closed: its close merged with the outer one"),
]
# Paragraphs whose quotes are right (or that have none), by how they start.
SAMPLE_CORRECT = [
    "He said that the signing of the Sochi agreements",
    "“At the same time, the key agreement",
    "“The fortified areas of the terrorists",
    "“Attacks and massive artillery shelling",
    "“All this time, nobody in Europe",
    "According to Konashenkov, the militants",
    "“This made it possible to ensure",
    "He said: “Against the backdrop",
]


def _audit(text: str, *, source: str | None = None, **table: object) -> list[Finding]:
    config = apply(Config(), {"select": ["Q1"], **table}, "test")
    [result] = audit_documents([Document(id="d", text=text, source=source)], config, strict=True)
    assert result.error is None, result.error
    return list(result.findings)


def _places(findings: list[Finding]) -> list[Finding | Related]:
    """Every finding and the findings merged into it."""
    return [item for finding in findings for item in (finding, *finding.related)]


def _locate(context: str, problem: str) -> tuple[int, int]:
    assert SAMPLE.count(context) == 1, context
    start = SAMPLE.index(context) + context.index(problem)
    return start, start + len(problem)


def _line_span(prefix: str) -> tuple[int, int]:
    start = SAMPLE.index(prefix)
    assert start == 0 or SAMPLE[start - 1] == "\n", prefix
    return start, SAMPLE.index("\n", start)


def test_sample_every_problem_found() -> None:
    findings = _places(_audit(SAMPLE))
    problems = [_locate(context, problem) for context, problem, _ in SAMPLE_PROBLEMS]
    for (start, end), (context, _, what) in zip(problems, SAMPLE_PROBLEMS, strict=True):
        assert any(f.start <= start and end <= f.end for f in findings), f"not reported: {what} in {context!r}"
    for finding in findings:
        assert any(finding.start < end and start < finding.end for start, end in problems), finding
    for prefix in SAMPLE_CORRECT:
        start, end = _line_span(prefix)
        assert not [f for f in findings if start <= f.start < end], prefix


def test_sample_suggestions_fix_the_sample() -> None:
    findings = {(f.code, f.text): f.suggestion for f in _audit(SAMPLE)}
    assert findings[("Q106", "” Khayyat Tahrir Al-Sham “")] == " ‘Khayyat Tahrir Al-Sham’ "
    assert findings[("Q102", "” demilitarized zone “")] == " ‘demilitarized zone’ "
    assert findings[("Q105", " “")] == "” "


def test_sample_each_rule_alone_finds_what_it_finds_with_the_others() -> None:
    def places(findings: list[Finding], code: str) -> set[tuple[int, int, str | None]]:
        return {(p.start, p.end, p.suggestion) for p in _places(findings) if p.code == code}

    together = _audit(SAMPLE)
    for rule in QUOTE_RULES:
        assert places(_audit(SAMPLE, select=[rule.code]), rule.code) == places(together, rule.code)


def test_issue13_sample_one_finding_per_place() -> None:
    findings = _audit(SAMPLE, select=["Q", "N", "D"])
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start, (before, after)
    need_to = SAMPLE.index("need to“ preserve") + len("need to")
    [merged] = [f for f in findings if f.start == need_to]
    assert (merged.code, merged.codes) == ("Q101", ("Q101", "Q104", "Q103"))


def _stories() -> list[str]:
    return CLEAN.split("\n---\n")


def test_clean_news_has_enough_paragraphs() -> None:
    paragraphs = [line for line in CLEAN.splitlines() if line.strip() and line != "---"]
    assert len(paragraphs) >= 40


@pytest.mark.parametrize("story", _stories(), ids=lambda s: s.splitlines()[0].split(" —")[0].split(" (")[0][:20])
def test_clean_news_gives_no_quote_finding(story: str) -> None:
    assert _audit(story) == []


def test_clean_news_as_one_document_only_mixes_styles() -> None:
    assert _audit(CLEAN, ignore=["Q108"]) == []
    assert {f.code for f in _audit(CLEAN)} == {"Q108"}


@pytest.mark.parametrize("rule", [r for r in QUOTE_RULES if "source" not in r.requires], ids=lambda r: r.code)
def test_rule_docstring_examples(rule: type) -> None:
    """An example may end with the config it needs: `(quote-style = "american")`."""

    def audit(example: str) -> list[Finding]:
        text, _, setting = example.partition(" (quote-style = ")
        return _audit(text, **({"quote-style": setting.strip('")')} if setting else {}))

    bad, good = rule.examples()  # type: ignore[attr-defined]
    for text in bad:
        assert any(f.code == rule.code for f in audit(text)), text  # type: ignore[attr-defined]
    for text in good:
        assert audit(text) == [], text


# Weighted towards quote marks, apostrophes, spaces, letters, line ends, BOM, combining marks, emoji.
QUOTEY = [*"“”‘’„«»‹›‚\"' sSaA,.?(—", "\n", "\r\n", "\r", "\ufeff", "\u0301", "😀", "🇷🇺"]
QUOTEY += ["said", "’90s", " ’n’ ", "Khayyat Tahrir", " a” b “", "the general said."]
TEXT = st.lists(st.one_of(st.sampled_from(QUOTEY), st.characters()), max_size=50).map("".join)


def _check_spans(text: str, findings: list[Finding]) -> None:
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        if finding.suggestion is not None:
            fixed = text[: finding.start] + finding.suggestion + text[finding.end :]
            assert isinstance(fixed, str)


@settings(max_examples=120, deadline=None)
@given(TEXT)
def test_rules_on_arbitrary_text_keep_their_spans(text: str) -> None:
    _check_spans(text, _audit(text))


@settings(max_examples=40, deadline=None)
@given(TEXT, TEXT)
def test_rules_with_a_source_on_arbitrary_text_keep_their_spans(text: str, source: str) -> None:
    _check_spans(text, _audit(text, source=source or "«»"))


def test_issue14_q101_says_where_the_quote_checks_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("audit.checks.quotes.parse_document", _small_budget)
    text = "He said “one” and “two.\n" + '"' * 50 + "\nShe said “three.\n"
    findings = _audit(text)
    stop = text.index('"')
    assert [(f.code, f.start, f.end) for f in findings] == [("Q101", 18, 19), ("Q101", stop, stop)]
    assert findings[1].message.startswith("the quote checks stop here: the document has more than 100,000")


def _small_budget(text: str, paragraphs: list[tuple[int, int]]) -> object:
    from audit.quoting import parse_document

    return parse_document(text, paragraphs, max_marks=10)


def test_issue13_hard_wrapped_quotations_pair_with_blank_line_paragraphs() -> None:
    text = "“We will fight on the beaches,\nwe will never surrender,” he said.\n\nHe said “no”.\n"
    assert {f.code for f in _audit(text)} == {"Q101"}
    assert _audit(text, paragraphs="blank-line") == []
