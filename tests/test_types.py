from __future__ import annotations

import pytest

from audit.types import Document, Finding, LineIndex, Related, Segment, SegmentKind, Severity


def test_severity_orders_and_parses() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert Severity.parse(" Warning ") is Severity.WARNING
    with pytest.raises(ValueError, match="allowed"):
        Severity.parse("fatal")


def test_line_index_handles_lf_crlf_and_cr() -> None:
    index = LineIndex("ab\r\ncd\ref\ngh")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 1)
    assert index.position(7) == (3, 1)
    assert index.position(10) == (4, 1)
    assert index.line_text(1) == "ab"
    assert index.line_text(4) == "gh"


def test_segment_rejects_spans_outside_the_text() -> None:
    doc = Document(id="d", text="abc")
    with pytest.raises(ValueError):
        Segment(doc, SegmentKind.SENTENCE, 2, 5)
    segment = Segment(doc, SegmentKind.SENTENCE, 1, 3)
    assert segment.absolute(1) == 2
    with pytest.raises(ValueError):
        segment.absolute(3)


def test_finding_text_must_match_span_and_fingerprint_ignores_position() -> None:
    with pytest.raises(ValueError):
        Finding("Q101", "quotes.x", Severity.ERROR, "d", 3, 1, "m", "")
    with pytest.raises(ValueError):
        Finding("Q101", "quotes.x", Severity.ERROR, "d", 0, 2, "m", "abc")
    first = Finding("Q101", "quotes.x", Severity.ERROR, "d", 0, 4, "m", "a  b")
    moved = Finding("Q101", "quotes.x", Severity.ERROR, "d", 10, 13, "other", "a b")
    assert first.fingerprint == moved.fingerprint
    other_doc = Finding("Q101", "quotes.x", Severity.ERROR, "e", 0, 3, "m", "a b")
    assert first.fingerprint != other_doc.fingerprint


def test_issue13_related_span_is_validated_and_codes_list_each_once() -> None:
    with pytest.raises(ValueError, match="related text does not match"):
        Related("Q104", "quotes.glued-outside", Severity.WARNING, 3, 4, "m", "ab")
    related = (
        Related("Q104", "quotes.glued-outside", Severity.WARNING, 3, 4, "m", "“"),
        Related("Q104", "quotes.glued-outside", Severity.WARNING, 9, 10, "m", "“"),
    )
    finding = Finding("Q101", "quotes.unbalanced", Severity.ERROR, "d", 3, 4, "m", "“", related=related)
    assert finding.codes == ("Q101", "Q104")
    assert finding.as_related().code == "Q101"
