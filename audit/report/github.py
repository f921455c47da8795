"""GitHub Actions workflow commands: each finding an annotation on the pull request's files.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message`. Property
values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (GitHub's own
rules, as in @actions/core). Before that, control characters (ESC, NUL), bidi controls and
lone surrogates in ids, paths and text become U+FFFD, so nothing untrusted styles or reorders
the log; a newline is kept only in a message, where GitHub shows it. Severities map to
error / warning / notice. A JSONL record or a bilingual unit is annotated on its line, with
the document's id and the position inside its text in the message, since its columns are
not file columns.
"""

from __future__ import annotations

from audit.report.base import Reporter, register_format
from audit.report.location import describe_related, position
from audit.report.printable import printable
from audit.types import DocumentResult, Finding, Severity, Summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int | None) -> str:
    shown = ",".join(
        f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items() if value is not None
    )
    lines = "\n".join(printable(line) for line in message.split("\n"))
    return f"::{kind}{' ' + shown if shown else ''}::{escape_data(lines)}"


def _file(path: str | None) -> str | None:
    return None if not path or path.startswith("<") else path


def annotation(result: DocumentResult, finding: Finding) -> str:
    document = result.document
    start = position(document, finding.start)
    end = position(document, finding.end)
    message = finding.message
    if start.column is None:
        unit = f" unit {finding.unit_id}" if finding.unit_id else ""
        message = f"[{document.id}{unit} {start.text_line}:{start.text_column}] {message}"
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion!r})"
    for related in finding.related:
        message += f"\nalso: {describe_related(document, finding, related)}"
    exact = start.column is not None and end.column is not None
    return command(
        COMMANDS[finding.severity],
        message,
        file=_file(start.path),
        line=start.line,
        endLine=end.line if exact else None,
        col=start.column if exact else None,
        endColumn=end.column if exact else None,
        title=f"{finding.code} {finding.name}",
    )


@register_format
class GithubReporter(Reporter):
    name = "github"

    def document(self, result: DocumentResult, failed: bool) -> None:
        if result.error is not None:
            document = result.document
            self.out.write(
                command(
                    "error", result.error, file=_file(document.path), line=document.line, title="mt-audit input error"
                )
                + "\n"
            )
        for finding in result.findings:
            self.out.write(annotation(result, finding) + "\n")

    def finish(self, summary: Summary) -> None:
        by_severity = ", ".join(f"{summary.by_severity[s]} {s}" for s in ("error", "warning", "info") if s in summary.by_severity)
        line = f"mt-audit: {summary.documents} documents, {summary.findings} findings"
        line += f" ({by_severity})" if by_severity else ""
        line += f", {summary.errors} unreadable" if summary.errors else ""
        self.out.write(line + "\n")
