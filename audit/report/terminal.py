"""Human output shaped like a compiler diagnostic: where, what, the line underlined, the fix."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from audit.report.base import Reporter, register_format
from audit.report.location import line_index, position
from audit.report.printable import printable
from audit.types import DocumentResult, Finding, Severity, Summary

# Characters of context shown either side of a span on long lines (wire paragraphs are long).
CONTEXT = 50
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
        inner = "" if where.column is not None else f" [{document.id} {where.text_line}:{where.text_column}]"
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
        lo = max(0, span_start - CONTEXT)
        hi = min(len(line), max(span_end, span_start) + CONTEXT)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        shown = prefix + line[lo:hi] + suffix
        gutter = f"{where.text_line:>5} | "
        pad = cell_len(printable(prefix + line[lo:span_start]))
        width = max(1, cell_len(printable(line[span_start:span_end])))
        self._print((gutter, "dim"), shown)
        self._print((f"{' ' * (len(gutter) - 2)}| ", "dim"), " " * pad, ("^" * width, style))
        if finding.suggestion is not None:
            self._print("      ", ("suggestion:", "green"), " ", finding.suggestion or "(delete)")
        if finding.evidence:
            self._print("      ", (f"evidence: {finding.evidence}", "dim"))

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
