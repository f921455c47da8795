"""JUnit XML, for CI test dashboards: one testcase per document.

A document that fails the gate (findings at or above --fail-on, or a threshold crossed) is a
`<failure>` listing its findings; findings below the gate go to the testcase's
`<system-out>`; a document that could not be read or audited is an `<error>` with its reason.
The counts belong in the root element's start tag, so testcases are spooled (to disk past a
megabyte, keeping memory flat) and written after the header at the end.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from audit.report.base import Reporter, register_format
from audit.report.location import describe_related, position
from audit.types import DocumentResult, Finding, RunMeta, Summary

SPOOL_BYTES = 1 << 20
# Characters XML 1.0 cannot hold at all, even escaped; document text may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text))


def xml_attr(text: str) -> str:
    cleaned = _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return quoteattr(cleaned, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def finding_line(result: DocumentResult, finding: Finding) -> str:
    """`path:line:col: CODE severity: message [name]`, like the terminal report."""
    where = position(result.document, finding.start)
    column = f":{where.column}" if where.column is not None else ""
    unit = f" (unit {finding.unit_id})" if finding.unit_id else ""
    line = f"{where.path}:{where.line}{column}:{unit} {finding.code} {finding.severity}: {finding.message} [{finding.name}]"
    if finding.suggestion is not None:
        line += f" (suggestion: {finding.suggestion!r})"
    for related in finding.related:
        line += f"\n    also: {describe_related(result.document, finding, related)}"
    return line


def _lines(result: DocumentResult, findings: Iterable[Finding]) -> str:
    return "\n".join(finding_line(result, finding) for finding in findings)


@register_format
class JunitReporter(Reporter):
    name = "junit"

    def start(self, meta: RunMeta) -> None:
        super().start(meta)
        # Closed in finish(): the spool lives across the reporter's calls, not one block.
        self._spool = tempfile.SpooledTemporaryFile(
            max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline=""
        )
        self._failures = 0

    def document(self, result: DocumentResult, failed: bool) -> None:
        document = result.document
        classname = document.path or document.id
        head = f"  <testcase classname={xml_attr(classname)} name={xml_attr(document.id)}"
        if result.error is not None:
            body = f"    <error type=\"InputError\" message={xml_attr(result.error)}>{xml_text(result.error)}</error>\n"
        elif failed:
            self._failures += 1
            findings = result.findings
            message = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
            kinds = ",".join(sorted({f.code for f in findings})) or "threshold"
            body = (
                f"    <failure type={xml_attr(kinds)} message={xml_attr(message)}>"
                f"{xml_text(_lines(result, findings) or 'a document threshold was crossed')}</failure>\n"
            )
            body += self._scores(result)
        elif result.findings:
            body = f"    <system-out>{xml_text(_lines(result, result.findings))}</system-out>\n"
        else:
            body = ""
        self._spool.write(head + ("/>\n" if not body else ">\n" + body + "  </testcase>\n"))

    def _scores(self, result: DocumentResult) -> str:
        if not result.scores:
            return ""
        shown = ", ".join(f"{name}={value:.3f}" for name, value in sorted(result.scores.items()))
        return f"    <system-err>{xml_text('scores: ' + shown)}</system-err>\n"

    def finish(self, summary: Summary) -> None:
        counts = (
            f"tests=\"{summary.documents}\" failures=\"{self._failures}\" "
            f"errors=\"{summary.errors}\" skipped=\"0\""
        )
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f"<testsuites name=\"mt-audit\" {counts}>\n")
        properties = {
            "version": self.meta.version,
            "config_hash": self.meta.config_hash,
            "retranslation": self.meta.retranslation,
            "models": ", ".join(self.meta.models),
            **{f"signature.{name}": value for name, value in self.meta.metric_signatures.items()},
        }
        self.out.write(f"<testsuite name=\"mt-audit\" {counts}>\n  <properties>\n")
        for key, value in properties.items():
            self.out.write(f"    <property name={xml_attr(key)} value={xml_attr(value)}/>\n")
        self.out.write("  </properties>\n")
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 16):
            self.out.write(chunk)
        self._spool.close()
        self.out.write("</testsuite>\n</testsuites>\n")

