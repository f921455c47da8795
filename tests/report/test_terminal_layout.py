"""The text report's snippet fits the terminal and its suggestions show their edge spaces."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from audit.report.terminal import VISIBLE_SPACE, visible_edges, window
from audit.types import Document

LONG = "The story went on and on. " * 10 + "Then the  Konashenkof line came. " + "More words follow here. " * 10


def snippet_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.lstrip().startswith(("1 |", "|"))]


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_issue13_snippet_fits_the_terminal_width(
    report: Callable[..., str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = report("text", [Document(id="a.txt", path="a.txt", text=LONG)])
    lines = snippet_lines(out)
    assert lines and all(cell_len(line) <= columns for line in lines), lines
    shown, underline = lines[0], lines[1]
    # The carets sit under the double space of the finding.
    caret = underline.index("^")
    assert shown[caret : caret + 2] == "  " and underline.count("^") == 2
    assert shown.endswith("…") and "…" in shown[:12]


def test_issue13_suggestion_edges_are_visible(report: Callable[..., str]) -> None:
    out = report("text", [Document(id="a.txt", path="a.txt", text="One  two.")])
    assert f"suggestion: {VISIBLE_SPACE}  (␣ is a space)" in out
    assert visible_edges(" ‘moderate’ ") == "␣‘moderate’␣"
    assert visible_edges("‘moderate’") == "‘moderate’"
    assert visible_edges("a  b") == "a  b"
    assert visible_edges("  ") == "␣␣"
    assert visible_edges("") == ""


@given(
    line=st.text(alphabet=st.sampled_from("ab 北“”…"), max_size=300),
    data=st.data(),
    width=st.integers(min_value=1, max_value=120),
)
def test_issue13_window_keeps_the_span_start_and_fits(line: str, data: st.DataObject, width: int) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(line)))
    end = data.draw(st.integers(min_value=start, max_value=len(line)))
    lo, hi = window(line, start, end, width)
    assert 0 <= lo <= start <= hi <= len(line)
    assert hi > start or start == len(line)
    assert cell_len(line[lo:hi]) <= max(width - 2, 1) or hi - lo == 1
    if cell_len(line) <= width - 2:
        assert (lo, hi) == (0, len(line))
