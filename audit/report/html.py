"""A self-contained HTML report: one file, inline CSS and JS, no network, written as a stream.

`start()` writes the head and the run details and opens the document list; `document()`
writes one section per document as it arrives (its text with every finding highlighted, its
re-translations aligned beside the MT, its name variants); `finish()` writes the summary,
the divergence chart and the feed's name-variant table, which CSS places above the
documents. The sortable document list is built in the browser from the sections' data
attributes, so the reporter keeps only bounded tallies: memory is flat in the feed's size.

Document text, ids, paths, messages and model names are untrusted: the templates autoescape,
highlights are assembled from escaped pieces, and the one JSON block inside a <script>
escapes every character that could end it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from audit.report.base import Reporter, register_format
from audit.report.location import describe_related, position
from audit.types import AlignedPair, Document, DocumentResult, Finding, Related, RunMeta, Severity, Summary

# Documents shown expanded; the rest start collapsed so a large feed's page stays light.
OPEN_DOCUMENTS = 10
# Bounds on what the summary lists, so memory stays flat on any feed.
MAX_ERROR_ROWS = 200
MAX_VARIANT_ROWS = 500
# Score keys shown first, in this order; any others follow alphabetically.
SCORE_ORDER = ("divergence", "chrf", "chrf++", "bleu", "ter", "semantic")
DIVERGENCE = "divergence"
# The report's script: the findings' behaviour shared with the workspace, then its own.
REPORT_SCRIPTS = ("findings.js", "report.js")

_JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_script(value: Any) -> Markup:
    """JSON safe inside <script>: no `</script>`, `<!--`, `&` or JS line separators survive."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES))


def script_hash(script: str) -> str:
    """The CSP source allowing exactly our inline script, so no injected script or handler runs."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def content_security_policy(script: str, *, connect: str = "'none'") -> str:
    """Nothing loads from anywhere, and only `script` runs; `connect` is where it may send requests
    (none for the report file; the server that served it for the `serve` workspace)."""
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash(script)}'; "
        f"connect-src {connect}; img-src data:; base-uri 'none'; form-action 'none'"
    )


def environment(*loaders: BaseLoader) -> Environment:
    """The report's Jinja environment; a later page adds its own templates in front of the report's."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("audit.report", "templates")]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["json_script"] = json_script
    env.filters["score"] = format_score
    env.filters["metadata_value"] = metadata_value
    return env


def metadata_value(value: Any) -> str:
    """A metadata field as text: strings as they are, anything else as JSON (autoescaped after)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def asset(env: Environment, *names: str) -> Markup:
    """Our own CSS/JS files, joined, to inline verbatim (never user data)."""
    assert env.loader is not None
    return Markup("\n".join(env.loader.get_source(env, name)[0] for name in names))


def format_score(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "–"
    if value.is_integer():
        return str(int(value))  # counts, such as segments
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}"


def ordered_scores(scores: Mapping[str, float]) -> list[tuple[str, float]]:
    known = [(key, scores[key]) for key in SCORE_ORDER if key in scores]
    rest = sorted((key, value) for key, value in scores.items() if key not in SCORE_ORDER)
    return known + rest


# --- highlights -------------------------------------------------------------------------


def _finding_attrs(finding: Finding, element_id: str, document: Document) -> str:
    where = position(document, finding.start)
    attrs: list[tuple[str, str]] = [
        ("id", element_id),
        ("data-code", finding.code),
        ("data-rule", finding.name),
        ("data-severity", str(finding.severity)),
        ("data-message", finding.message),
        ("data-line", str(where.line)),
        ("data-col", "" if where.column is None else str(where.column)),
    ]
    if finding.suggestion is not None:
        attrs.append(("data-suggestion", finding.suggestion))
    if finding.evidence is not None:
        attrs.append(("data-evidence", finding.evidence))
    if finding.unit_id is not None:
        attrs.append(("data-unit", finding.unit_id))
    if finding.related:
        lines = [describe_related(document, finding, related) for related in finding.related]
        attrs.append(("data-related", "\n".join(lines)))
    attrs.append(("title", f"{finding.code}: {finding.message}"))
    return " ".join(f'{name}="{escape(value)}"' for name, value in attrs)


def _open_tag(finding: Finding, element_id: str, document: Document, *, part: bool, zero: bool = False) -> str:
    severity = str(finding.severity)
    if part:
        return f'<mark class="finding-part sev-{severity}" data-part-of="{escape(element_id)}">'
    classes = f"finding sev-{severity}" + (" zero" if zero else "")
    return f'<mark class="{classes}" tabindex="0" {_finding_attrs(finding, element_id, document)}>'


def highlight(document: Document, findings: Sequence[Finding], prefix: str) -> Markup:
    """The text with one `<mark class="finding">` per finding, nested by span.

    Spans that cross (neither nests in the other) are split at the crossing: the first piece
    is the finding's element, later pieces are `finding-part` marks pointing back to it, so
    every finding has exactly one `.finding` element and every piece is clickable.
    """
    text = document.text
    size = len(text)
    spans: list[tuple[int, int, int]] = []
    zeros: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        start = min(max(finding.start, 0), size)
        end = min(max(finding.end, start), size)
        if start == end:
            zeros.setdefault(start, []).append(index)
        else:
            spans.append((start, end, index))
    # Outer spans open first: earlier start, then longer, then more severe.
    spans.sort(key=lambda s: (s[0], -s[1], -findings[s[2]].severity, findings[s[2]].code, s[2]))
    starts: dict[int, list[tuple[int, int]]] = {}
    for start, end, index in spans:
        starts.setdefault(start, []).append((end, index))
    boundaries = sorted({0, size, *zeros, *starts, *(end for _, end, _ in spans)})

    def element_id(index: int) -> str:
        return f"{prefix}-{index}"

    out: list[str] = []
    stack: list[tuple[int, int]] = []  # (end, finding index), outermost first
    for here, after in zip(boundaries, [*boundaries[1:], size], strict=True):
        ending = [k for k, (end, _) in enumerate(stack) if end == here]
        if ending:
            lowest = ending[0]
            out.append("</mark>" * (len(stack) - lowest))
            reopen = [item for item in stack[lowest:] if item[0] != here]
            del stack[lowest:]
            for end, index in reopen:
                out.append(_open_tag(findings[index], element_id(index), document, part=True))
                stack.append((end, index))
        for index in zeros.get(here, ()):
            out.append(_open_tag(findings[index], element_id(index), document, part=False, zero=True) + "</mark>")
        for end, index in starts.get(here, ()):
            out.append(_open_tag(findings[index], element_id(index), document, part=False))
            stack.append((end, index))
        if after > here:
            out.append(str(escape(text[here:after])))
    out.append("</mark>" * len(stack))
    return Markup("".join(out))


def mark_spans(text: str, offset: int, spans: Iterable[tuple[int, int]], css_class: str) -> Markup:
    """`text` (which starts at document offset `offset`) with the given spans marked, merged."""
    local = sorted(
        (max(0, start - offset), min(len(text), end - offset))
        for start, end in spans
        if end - offset > 0 and start - offset < len(text) and end > start
    )
    merged: list[list[int]] = []
    for start, end in local:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    cursor = 0
    for start, end in merged:
        out.append(str(escape(text[cursor:start])))
        out.append(f'<mark class="{escape(css_class)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


# --- name variants ----------------------------------------------------------------------


def places(findings: Iterable[Finding]) -> Iterator[Finding | Related]:
    """Each finding and the findings merged into it: the name table lists every rule's spelling."""
    for finding in findings:
        yield finding
        yield from finding.related


def is_name_variant(finding: Finding | Related) -> bool:
    """Name findings that point at another spelling (N2xx names, D3xx name checks)."""
    if finding.name.startswith("numbers."):
        return False
    names_rule = (
        finding.code.startswith("N2") or "name" in finding.name.split(".")[-1] or finding.name.startswith("names.")
    )
    return names_rule and (finding.suggestion is not None or bool(finding.evidence))


VariantKey = tuple[str, str, str, str, str]  # code, rule, text, suggestion, evidence


def variant_key(finding: Finding | Related) -> VariantKey:
    return (finding.code, finding.name, finding.text, finding.suggestion or "", finding.evidence or "")


@dataclass(frozen=True, slots=True)
class VariantRow:
    code: str
    rule: str
    text: str
    suggestion: str
    evidence: str
    count: int


def variant_rows(counts: Mapping[VariantKey, int]) -> list[VariantRow]:
    rows = [
        VariantRow(code, rule, text, suggestion, "" if evidence == suggestion else evidence, count)
        for (code, rule, text, suggestion, evidence), count in counts.items()
    ]
    rows.sort(key=lambda r: (-r.count, r.text.casefold(), r.code))
    return rows


# --- alignments -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlignedRow:
    mt: Markup
    rt: str
    scores: list[tuple[str, float]]
    divergence: float | None
    divergent: bool


@dataclass(frozen=True, slots=True)
class RetranslationView:
    number: int
    text: str
    rows: list[AlignedRow]


def retranslation_views(result: DocumentResult, threshold: float) -> list[RetranslationView]:
    text = result.document.text
    by_rt: dict[int, list[AlignedPair]] = {}
    for pair in result.alignments:
        by_rt.setdefault(pair.retranslation, []).append(pair)
    numbers = sorted(set(range(len(result.retranslations))) | set(by_rt))
    views = []
    for number in numbers:
        rows = []
        for pair in sorted(by_rt.get(number, ()), key=lambda p: (p.mt_start, p.mt_end)):
            start = min(max(pair.mt_start, 0), len(text))
            end = min(max(pair.mt_end, start), len(text))
            divergence = pair.scores.get(DIVERGENCE)
            rows.append(
                AlignedRow(
                    mt=mark_spans(text[start:end], start, pair.divergent_spans, "divergent"),
                    rt=pair.rt_text,
                    scores=ordered_scores(pair.scores),
                    divergence=divergence,
                    # Judged by score when there is one; token-level spans alone mark words, not rows.
                    divergent=divergence > threshold if divergence is not None else bool(pair.divergent_spans),
                )
            )
        rt_text = result.retranslations[number] if number < len(result.retranslations) else ""
        views.append(RetranslationView(number + 1, rt_text, rows))
    return views


# --- the chart --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    low: float
    high: float
    over: bool


class DivergenceHistogram:
    """Document divergence tallied into fine bins over [0, 1]: constant memory on any feed.

    Values outside [0, 1] (the scale of the consensus divergence) land in the edge bins.
    """

    FINE_BINS = 100

    def __init__(self) -> None:
        self.counts = [0] * self.FINE_BINS
        self.total = 0.0
        self.scored = 0

    def add(self, value: float) -> None:
        if math.isnan(value):
            return
        self.counts[min(self.FINE_BINS - 1, max(0, int(value * self.FINE_BINS)))] += 1
        self.total += value
        self.scored += 1

    def median(self) -> float:
        """The midpoint of the fine bin holding the median (to 0.01)."""
        seen, half = 0, self.scored / 2
        for index, count in enumerate(self.counts):
            seen += count
            if seen >= half:
                return (index + 0.5) / self.FINE_BINS
        return 1.0


@dataclass(frozen=True, slots=True)
class Chart:
    """A histogram of document divergence, drawn as inline SVG by the template."""

    width: int
    height: int
    left: int
    bottom: int
    bars: list[Bar]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    threshold: tuple[float, str] | None
    scored: int
    mean: float
    median: float


def divergence_chart(histogram: DivergenceHistogram, gate: float | None, bins: int = 10) -> Chart | None:
    if not histogram.scored:
        return None
    per_bar = histogram.FINE_BINS // bins
    counts = [sum(histogram.counts[i * per_bar : (i + 1) * per_bar]) for i in range(bins)]
    width, height, left, top, bottom = 560, 220, 44, 16, 36
    plot_w, plot_h = width - left - 12, height - top - bottom
    y_step = _nice_step(max(counts))
    y_max = max(y_step, math.ceil(max(counts) / y_step) * y_step)

    def x_of(value: float) -> float:
        return left + min(max(value, 0.0), 1.0) * plot_w

    def y_of(count: float) -> float:
        return top + plot_h - count / y_max * plot_h

    bars = []
    for i, count in enumerate(counts):
        low, high = i / bins, (i + 1) / bins
        y = y_of(count)
        bars.append(
            Bar(
                x=round(x_of(low) + 1, 2),
                y=round(y, 2),
                width=round(plot_w / bins - 2, 2),
                height=round(top + plot_h - y, 2),
                count=count,
                low=low,
                high=high,
                over=gate is not None and low >= gate,
            )
        )
    return Chart(
        width=width,
        height=height,
        left=left,
        bottom=height - bottom,
        bars=bars,
        x_ticks=[(round(x_of(i / 5), 2), f"{i / 5:g}") for i in range(6)],
        y_ticks=[(round(y_of(v), 2), str(v)) for v in range(0, y_max + 1, y_step)],
        threshold=(round(x_of(gate), 2), f"{gate:g}") if gate is not None else None,
        scored=histogram.scored,
        mean=histogram.total / histogram.scored,
        median=histogram.median(),
    )


def _nice_step(peak: int) -> int:
    """A y-axis step giving at most about five gridlines."""
    step = 1
    while peak / step > 5:
        for factor in (2, 5, 10):
            if peak / (step * factor) <= 5:
                return step * factor
        step *= 10
    return step


# --- one document's view: the report's sections and the workspace's panels ------------


def document_view(result: DocumentResult, failed: bool, index: int, threshold: float) -> dict[str, Any]:
    """What document.html and its parts (finding_list.html, variants_table.html,
    retranslation_views.html) render for one document; highlights get ids `f{index}-{n}`,
    `n` the finding's place in `result.findings`."""
    findings = result.findings
    counts = Counter(str(f.severity) for f in findings)
    divergence = result.scores.get(DIVERGENCE)
    if result.error is not None:
        status = "error"
    elif failed:
        status = "failed"
    else:
        status = "ok"
    prefix = f"f{index}"
    return {
        "index": index,
        "result": result,
        "document": result.document,
        "status": status,
        "open": index < OPEN_DOCUMENTS,
        "counts": counts,
        "divergence": divergence,
        "scores": ordered_scores(result.scores),
        "highlighted": highlight(result.document, findings, prefix) if result.error is None else Markup(""),
        "finding_rows": list(_finding_rows(result, prefix)),
        "variants": variant_rows(Counter(variant_key(f) for f in places(findings) if is_name_variant(f))),
        "retranslations": retranslation_views(result, threshold),
    }


def _finding_rows(result: DocumentResult, prefix: str) -> Iterator[dict[str, Any]]:
    for i, finding in enumerate(result.findings):
        where = position(result.document, finding.start)
        yield {
            "target": f"{prefix}-{i}",
            "finding": finding,
            "where": f"{where.line}:{where.column}" if where.column is not None else f"{where.line}",
        }


# --- the reporter -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErrorRow:
    index: int
    id: str
    reason: str


@register_format
class HtmlReporter(Reporter):
    """One offline HTML page: summary, divergence chart, sortable list, highlighted documents."""

    name = "html"

    def start(self, meta: RunMeta) -> None:
        super().start(meta)
        self.env = environment()
        self._count = 0
        self._histogram = DivergenceHistogram()
        self._statuses: Counter[str] = Counter()
        self._rules: dict[str, tuple[str, str]] = {}
        self._variants: Counter[VariantKey] = Counter()
        self._variants_dropped = 0
        self._errors: list[ErrorRow] = []
        self._document_template = self.env.get_template("document.html")
        self._js = asset(self.env, *REPORT_SCRIPTS)
        self.out.write(
            self.env.get_template("head.html").render(
                meta=meta,
                version=meta.version,
                title="mt-audit report",
                css=asset(self.env, "report.css"),
                policy=content_security_policy(self._js),
            )
        )

    def document(self, result: DocumentResult, failed: bool) -> None:
        index = self._count
        self._count += 1
        self._tally(result, index)
        view = document_view(result, failed, index, self.config.divergence.threshold)
        self.out.write(self._document_template.render(**view))

    def _tally(self, result: DocumentResult, index: int) -> None:
        if result.error is not None:
            if len(self._errors) < MAX_ERROR_ROWS:
                self._errors.append(ErrorRow(index, result.document.id, result.error))
            return
        self._statuses[result.retranslation_status.value] += 1
        divergence = result.scores.get(DIVERGENCE)
        if divergence is not None:
            self._histogram.add(divergence)
        for finding in result.findings:
            self._rules.setdefault(finding.code, (finding.name, str(finding.severity)))
        for place in places(result.findings):
            if is_name_variant(place):
                key = variant_key(place)
                if key in self._variants or len(self._variants) < MAX_VARIANT_ROWS:
                    self._variants[key] += 1
                else:
                    self._variants_dropped += 1

    def finish(self, summary: Summary) -> None:
        severities = [str(s) for s in sorted(Severity, reverse=True)]
        codes = sorted(
            summary.by_code.items(),
            key=lambda item: (-Severity.parse(self._rules.get(item[0], ("", "info"))[1]), -item[1], item[0]),
        )
        data = {
            "summary": {
                "documents": summary.documents,
                "errors": summary.errors,
                "findings": summary.findings,
                "failed_documents": summary.failed_documents,
                "by_severity": summary.by_severity,
                "by_code": summary.by_code,
            },
            "meta": {
                "version": self.meta.version,
                "config_hash": self.meta.config_hash,
                "retranslation": self.meta.retranslation,
                "models": list(self.meta.models),
                "metric_signatures": dict(self.meta.metric_signatures),
                "embedding_model": self.meta.embedding_model,
            },
        }
        self.out.write(
            self.env.get_template("finish.html").render(
                meta=self.meta,
                gate=self.config.max_divergence,
                summary=summary,
                severities=severities,
                codes=[(code, self._rules.get(code, ("", "info")), count) for code, count in codes],
                statuses=sorted(self._statuses.items(), key=lambda item: -item[1]),
                chart=divergence_chart(self._histogram, self.config.max_divergence),
                unscored=summary.documents - summary.errors - self._histogram.scored,
                errors=self._errors,
                errors_dropped=summary.errors - len(self._errors),
                variants=variant_rows(self._variants),
                variants_dropped=self._variants_dropped,
                data=data,
                js=self._js,
            )
        )
