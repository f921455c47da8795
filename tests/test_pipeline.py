"""The pipeline's own duties (issue 14): a rule lists at most FINDINGS_PER_RULE findings per document."""

from __future__ import annotations

from collections.abc import Callable

from audit.io import ReadFailure
from audit.pipeline import FINDINGS_PER_RULE, RuleTally
from audit.types import Document, Finding, Severity


def _finding(start: int) -> Finding:
    return Finding("Q990", "quotes.test", Severity.WARNING, "d", start, start + 1, "two spaces", " ", " ", "ev")


def test_issue14_tally_keeps_the_first_findings_and_counts_the_rest() -> None:
    tally = RuleTally(limit=3)
    for start in range(10):
        tally.add(_finding(start))
    kept = tally.findings()
    assert [f.start for f in kept] == [0, 1, 2, 3]
    summary = kept[-1]
    assert summary.message == (
        "and 7 more like this, not listed (a rule lists at most 3 findings per document); the next: two spaces"
    )
    assert (summary.code, summary.severity, summary.suggestion, summary.evidence) == ("Q990", Severity.WARNING, None, None)


def test_issue14_tally_under_the_limit_adds_nothing() -> None:
    tally = RuleTally(limit=3)
    for start in range(3):
        tally.add(_finding(start))
    assert [f.start for f in tally.findings()] == [0, 1, 2]


def test_issue14_findings_are_capped_per_rule_and_document(report: Callable[..., str]) -> None:
    text = "a  b " * (FINDINGS_PER_RULE + 50) + "Konashenkof said.\n"
    items: list[Document | ReadFailure] = [
        Document(id="x", path="x.txt", text=text),
        Document(id="y", path="y.txt", text="a  b\n"),
    ]
    out = report("github", items)
    lines = [line for line in out.splitlines() if "file=x.txt" in line]
    assert sum("Q990" in line for line in lines) == FINDINGS_PER_RULE + 1
    assert sum("N990" in line for line in lines) == 1  # another rule keeps its own budget
    assert "file=y.txt" in out  # and another document its own
    assert "and 50 more like this, not listed" in out
