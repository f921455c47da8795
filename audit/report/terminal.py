"""Human output shaped like a compiler diagnostic: where, what, the line underlined, the fix.

The line is cut to a window around the span that fits the terminal's width (80 columns
when the output is not a terminal, or COLUMNS), so the underline stays under the span
instead of wrapping away from it. A suggestion's leading and trailing spaces are shown as
`␣`: ` ‘moderate’ ` and `‘moderate’` are different fixes that would otherwise look alike.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from audit.report.base import Reporter, register_format
from audit.report.location import Position, describe_related, line_index, position
from audit.report.printable import printable
from audit.types import Document, DocumentResult, Finding, Severity, Summary

# The fewest columns a snippet gets, however narrow the terminal.
NARROWEST = 20
VISIBLE_SPACE = "\u2423"  # ␣
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@register_format
class TextReporter(Reporter):
    name = "text"

    def start(self, meta: object) -> None:
        super().start(meta)  # type: ignore[arg-type]
        self.console = Console(
            file=self.out,
            force_terminal=self.color,
            no_color=not self.color,
            highlight=False,
            soft_wrap=True,
            emoji=False,
        )

    def document(self, result: DocumentResult, failed: bool) -> None:
        if result.error is not None:
            return  # the CLI reports unreadable inputs on stderr as they happen
        for finding in result.findings:
            self._finding(result, finding)

    def _finding(self, result: DocumentResult, finding: Finding) -> None:
        document = result.document
        where = position(document, finding.start)
        column = f":{where.column}" if where.column is not None else ""
        inner = "" if where.column is not None else f" [{_inside(document, finding, where)}]"
        style = STYLES[finding.severity]
        self._print(
            (f"{where.path}:{where.line}{column}:", "bold"),
            inner + " ",
            (f"{finding.code} {finding.severity}", style),
            f": {finding.message} ",
            (f"[{finding.name}]", "dim"),
        )
        index = line_index(document)
        line_start = index.line_start(where.text_line)
        line = index.line_text(where.text_line)
        span_start = finding.start - line_start
        span_end = min(finding.end - line_start, len(line))
        gutter = f"{where.text_line:>5} | "
        lo, hi = window(line, span_start, span_end, max(NARROWEST, self.console.width - len(gutter)))
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        shown = prefix + line[lo:hi] + suffix
        pad = cell_len(printable(prefix + line[lo:span_start]))
        width = max(1, cell_len(printable(line[span_start : min(span_end, hi)])))
        self._print((gutter, "dim"), shown)
        self._print((f"{' ' * (len(gutter) - 2)}| ", "dim"), " " * pad, ("^" * width, style))
        if finding.suggestion is not None:
            shown_fix = visible_edges(finding.suggestion)
            legend = ("  (␣ is a space)", "dim") if shown_fix != finding.suggestion else ""
            self._print("      ", ("suggestion:", "green"), " ", shown_fix or "(delete)", legend)
        if finding.evidence:
            self._print("      ", (f"evidence: {finding.evidence}", "dim"))
        for related in finding.related:
            self._print("      ", (f"also: {describe_related(document, finding, related)}", "dim"))

    def finish(self, summary: Summary) -> None:
        parts = [f"{summary.documents} document{'s' if summary.documents != 1 else ''}"]
        parts.append(f"{summary.findings} finding{'s' if summary.findings != 1 else ''}")
        by_severity = ", ".join(f"{summary.by_severity[s]} {s}" for s in ("error", "warning", "info") if s in summary.by_severity)
        if by_severity:
            parts[-1] += f" ({by_severity})"
        if summary.errors:
            parts.append(f"{summary.errors} unreadable")
        self._print(" · ".join(parts) + f" · re-translation: {self.meta.retranslation}")

    def _print(self, *parts: str | tuple[str, str]) -> None:
        """One line from plain and styled pieces: no piece is read as markup, each is made printable."""
        pieces = [(printable(part), "") if isinstance(part, str) else (printable(part[0]), part[1]) for part in parts]
        self.console.print(Text.assemble(*pieces, end=""))


def _inside(document: Document, finding: Finding, where: Position) -> str:
    """Where in a document that is not its file verbatim: the unit of a bilingual file, else the record's line:column."""
    if finding.unit_id is not None and document.id == document.path:
        return f"unit {finding.unit_id}"
    return f"{document.id} {where.text_line}:{where.text_column}"


def window(line: str, start: int, end: int, width: int) -> tuple[int, int]:
    """The stretch [lo, hi) of `line` to show for the span [start, end) in `width` cells, ellipses included.

    The span comes first (cut at the right edge when it is wider than the room), then
    context on both sides, shared evenly while both sides have some.
    """
    cells = [cell_len(printable(ch)) for ch in line]
    room = max(1, width - 2)
    lo = hi = start
    used = 0
    while hi < max(end, start + 1) and hi < len(line) and (used + cells[hi] <= room or hi == start):
        used += cells[hi]
        hi += 1
    left_turn = True
    while True:
        can_left = lo > 0 and used + cells[lo - 1] <= room
        can_right = hi < len(line) and used + cells[hi] <= room
        if can_left and (left_turn or not can_right):
            lo -= 1
            used += cells[lo]
        elif can_right:
            used += cells[hi]
            hi += 1
        else:
            return lo, hi
        left_turn = not left_turn


def visible_edges(text: str) -> str:
    """`text` with its leading and trailing whitespace shown as ␣, one for each character."""
    core = text.strip()
    if not core:
        return VISIBLE_SPACE * len(text)
    head = len(text) - len(text.lstrip())
    tail = len(text) - len(text.rstrip())
    return VISIBLE_SPACE * head + core + VISIBLE_SPACE * tail
