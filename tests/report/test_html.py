"""The HTML report, read statically: structure, escaping, highlights, summary, streaming.

The browser half (scripts run, clicks, sorting) is tests/report/test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.cli import cli
from audit.config import Config, apply
from audit.report.html import (
    MAX_VARIANT_ROWS,
    DivergenceHistogram,
    HtmlReporter,
    divergence_chart,
    highlight,
    json_script,
)
from audit.types import (
    AlignedPair,
    Document,
    DocumentResult,
    Finding,
    RetranslationStatus,
    RunMeta,
    Severity,
    Summary,
    frozen_mapping,
)

SAMPLE = Path(__file__).parents[2] / "samples" / "idlib-wire.txt"

# What untrusted text might try: markup, attribute breakouts, script breakouts, URLs,
# template syntax, and the characters that end a JS string or an HTML comment.
PAYLOADS = (
    "<script>window.__pwned=1;alert(1)</script>",
    '"><img src=x onerror="window.__pwned=1;alert(1)">',
    '\'><svg onload="window.__pwned=1">',
    "</script><script>window.__pwned=1;alert(1)</script>",
    "</textarea></title></style><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">click</a>',
    "javascript:window.__pwned=1",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<!-- \u2028\u2029 --> {{ 7*7 }} {% raw %} ${alert(1)}",
)
PAYLOAD = " ".join(PAYLOADS)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "h3", "span", "label",
    "input", "button", "section", "dl", "dt", "dd", "ul", "ol", "li", "code", "details", "summary", "article",
    "aside", "mark", "table", "thead", "tbody", "tr", "th", "td", "a", "p", "strong", "figure", "figcaption",
    "svg", "line", "text", "rect", "desc", "script", "br", "wbr",
}  # fmt: skip


# --- building results -----------------------------------------------------------------


def finding(
    document: Document,
    start: int,
    end: int,
    code: str = "Q101",
    *,
    name: str = "quotes.test",
    severity: Severity = Severity.ERROR,
    message: str = "a message",
    suggestion: str | None = None,
    evidence: str | None = None,
    unit_id: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        name=name,
        severity=severity,
        doc_id=document.id,
        start=start,
        end=end,
        message=message,
        text=document.text[start:end],
        suggestion=suggestion,
        evidence=evidence,
        unit_id=unit_id,
    )


def spans_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


META = RunMeta(
    version="0.1.0",
    config_hash="0123abcd",
    retranslation="ran: round trip en-ru-en",
    models=("Helsinki-NLP/opus-mt-en-ru", "Helsinki-NLP/opus-mt-ru-en"),
    metric_signatures=frozen_mapping({"chrF2++": "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"}),
    embedding_model="all-MiniLM-L6-v2",
)
NO_RETRANSLATION = RunMeta(version="0.1.0", config_hash="0123abcd", retranslation="not-requested")


def render(
    results: Sequence[tuple[DocumentResult, bool]] | Sequence[DocumentResult],
    meta: RunMeta = META,
    config: Config | None = None,
) -> str:
    out = io.StringIO()
    reporter = HtmlReporter(out, config or Config())
    summary = Summary()
    reporter.start(meta)
    for item in results:
        result, failed = item if isinstance(item, tuple) else (item, False)
        summary.add(result, failed)
        reporter.document(result, failed)
    reporter.finish(summary)
    return out.getvalue()


def sample_result() -> DocumentResult:
    """The sample with overlapping, nested, zero-width and name-variant findings, and alignments."""
    text = SAMPLE.read_text(encoding="utf-8")
    document = Document(id="idlib", text=text, path="samples/idlib-wire.txt")
    reversed_pair = spans_of(text, "” demilitarized zone “")
    al_sham = spans_of(text, "Khayyat Tahrir Al-Sham")
    ash_sham = spans_of(text, "Khayyat Tahrir Ash-Sham")
    phrase = spans_of(text, "the key agreement between the agreement and the additional memorandum")
    findings = [
        finding(document, *reversed_pair, "Q101", message="Reversed quote pair", suggestion="“demilitarized zone”"),
        # Nested inside the reversed pair.
        finding(document, reversed_pair[0] + 2, reversed_pair[1] - 2, "Q105", severity=Severity.INFO, message="inner"),
        finding(
            document, *al_sham, "N201", name="names.variant", severity=Severity.WARNING,
            message="Two spellings of one name", evidence="Khayyat Tahrir Ash-Sham",
        ),
        finding(
            document, *ash_sham, "N201", name="names.variant", severity=Severity.WARNING,
            message="Two spellings of one name", evidence="Khayyat Tahrir Al-Sham", suggestion="Hayat Tahrir al-Sham",
        ),
        # Crosses the D301 span below: neither nests in the other.
        finding(document, phrase[0] - 10, phrase[0] + 20, "Q106", severity=Severity.INFO, message="crossing"),
        finding(
            document, *phrase, "D301", name="divergence.segment", severity=Severity.WARNING,
            message="Far from every re-translation",
        ),
        finding(document, 0, 0, "Q104", message="Something is missing at the start"),
    ]  # fmt: skip
    paragraph_end = text.index("\n")
    alignments = (
        AlignedPair(0, 0, paragraph_end, "The situation in Idlib.", frozen_mapping({"divergence": 0.7}), ((4, 13),)),
        AlignedPair(1, 0, paragraph_end, "Idlib's situation.", frozen_mapping({"divergence": 0.4})),
    )
    return DocumentResult(
        document=document,
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        scores=frozen_mapping({"divergence": 0.42, "chrf": 55.1}),
        alignments=alignments,
        retranslations=("The situation in Idlib.", "Idlib's situation."),
        retranslation_status=RetranslationStatus.RAN,
    )


def payload_results() -> list[DocumentResult]:
    """Every untrusted field carries the payloads."""
    text = f"Before {PAYLOAD} after.\n\n“Quoted {PAYLOAD}” end."
    document = Document(id=PAYLOAD, text=text, path=PAYLOAD + ".txt", source=PAYLOAD)
    first = spans_of(text, PAYLOADS[0])
    second = spans_of(text, PAYLOADS[1])
    findings = tuple(
        sorted(
            [
                finding(
                    document, *first, "Q101", name=PAYLOAD, message=PAYLOAD, suggestion=PAYLOAD, evidence=PAYLOAD,
                    unit_id=PAYLOAD,
                ),
                finding(
                    document, *second, "N201", name="names.variant", severity=Severity.WARNING, message=PAYLOAD,
                    suggestion=PAYLOAD, evidence=PAYLOAD,
                ),
                finding(document, first[0], second[1], "D301", severity=Severity.INFO, message=PAYLOAD),
            ],
            key=Finding.sort_key,
        )
    )  # fmt: skip
    audited = DocumentResult(
        document=document,
        findings=findings,
        scores=frozen_mapping({"divergence": 0.3, PAYLOAD: 1.0}),
        alignments=(AlignedPair(0, 0, len(text), PAYLOAD, frozen_mapping({PAYLOAD: 0.5}), ((7, 40),)),),
        retranslations=(PAYLOAD, PAYLOAD),
        retranslation_status=RetranslationStatus.RAN,
    )
    broken = DocumentResult(document=Document(id=PAYLOAD, text="", path=PAYLOAD), error=PAYLOAD)
    return [audited, broken]


PAYLOAD_META = RunMeta(
    version="0.1.0",
    config_hash=PAYLOAD,
    retranslation=PAYLOAD,
    models=(PAYLOAD,),
    metric_signatures=frozen_mapping({PAYLOAD: PAYLOAD}),
    embedding_model=PAYLOAD,
    notes=(PAYLOAD,),
)


def payload_report() -> str:
    return render(payload_results(), PAYLOAD_META)


# --- reading the page back ------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Page(HTMLParser):
    """The elements of a page (with each element's full text), and the text of each finding."""

    VOID = frozenset({"meta", "input", "br", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._finding_parts: dict[str, list[str]] = {}
        self.text: list[str] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)
        owner = self._owner(element)
        if owner is not None:
            self._finding_parts.setdefault(owner, [])

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for element in self._open:
            element.parts.append(data)
        for owner in {self._owner(e) for e in self._open} - {None}:
            self._finding_parts[owner].append(data)  # type: ignore[index]

    @property
    def finding_text(self) -> dict[str, str]:
        return {owner: "".join(parts) for owner, parts in self._finding_parts.items()}

    @staticmethod
    def _owner(element: Element) -> str | None:
        """The finding a mark belongs to: its own id, or the id its piece points back to."""
        classes = element.attrs.get("class", "").split()
        if element.tag != "mark":
            return None
        if "finding" in classes:
            return element.attrs["id"]
        if "finding-part" in classes:
            return element.attrs["data-part-of"]
        return None

    def by_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.attrs.get("class", "").split()]

    def findings(self) -> list[Element]:
        return [e for e in self.by_class("finding") if e.tag == "mark"]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


# --- the page as a whole --------------------------------------------------------------


def test_html_is_one_self_contained_file() -> None:
    html = render([sample_result()])
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    for element in page.elements:
        assert "src" not in element.attrs, element
        for name in ("href", "action", "formaction", "xlink:href"):
            assert element.attrs.get(name, "#").startswith("#"), element
    assert not [e for e in page.elements if e.tag in ("link", "img", "iframe", "object", "embed", "base")]
    assert "@import" not in html and "url(" not in html
    scripts = [e for e in page.elements if e.tag == "script"]
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    for api in ("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "WebSocket", "EventSource"):
        assert api not in scripts[1].text


def test_html_policy_allows_only_our_inline_script() -> None:
    html = render([sample_result()])
    page = parse(html)
    [policy] = [e.attrs["content"] for e in page.elements if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    script = next(e.text for e in page.elements if e.tag == "script" and "type" not in e.attrs)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_html_summary_lists_counts_models_and_signature() -> None:
    html = render([(sample_result(), True)])
    page = parse(html)
    text = "".join(page.text)
    assert "Helsinki-NLP/opus-mt-en-ru" in text and "Helsinki-NLP/opus-mt-ru-en" in text
    assert "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0" in text
    assert "ran: round trip en-ru-en" in text
    assert "all-MiniLM-L6-v2" in text
    codes = {e.text for e in page.elements if e.tag == "code"}
    assert {"Q101", "Q104", "Q105", "Q106", "N201", "D301"} <= codes
    [data] = [e.text for e in page.elements if e.attrs.get("id") == "mt-audit-data"]
    summary = json.loads(data)["summary"]
    assert summary["findings"] == 7 and summary["failed_documents"] == 1
    assert summary["by_code"]["N201"] == 2


def test_html_summary_lists_error_entries_with_reasons() -> None:
    broken = DocumentResult(
        document=Document(id="feed.jsonl:3", text="", path="feed.jsonl", line=3),
        error="feed.jsonl:3: invalid JSON: Expecting value",
    )
    page = parse(render([sample_result(), broken]))
    [errors] = [e for e in page.by_class("errors")]
    assert "feed.jsonl:3: invalid JSON: Expecting value" in errors.text
    [section] = [e for e in page.by_class("doc") if e.attrs["data-status"] == "error"]
    assert section.attrs["data-id"] == "feed.jsonl:3"
    assert "invalid JSON" in section.text


def test_html_divergence_chart_counts_every_scored_document() -> None:
    results = []
    for i, value in enumerate([0.05, 0.12, 0.18, 0.55, 0.95, 1.0]):
        document = Document(id=f"d{i}", text="Text.")
        results.append(DocumentResult(document, scores=frozen_mapping({"divergence": value})))
    results.append(DocumentResult(Document(id="unscored", text="Text.")))
    config = apply(Config(), {"max_divergence": 0.5}, "test")
    page = parse(render(results, config=config))
    bars = [e for e in page.elements if e.tag == "rect" and "bar" in e.attrs.get("class", "")]
    assert len(bars) == 10
    counts = [int(re.match(r"\d+", bar.text).group()) for bar in bars]  # type: ignore[union-attr]
    assert counts == [1, 2, 0, 0, 0, 1, 0, 0, 0, 2]
    assert [("over" in bar.attrs["class"]) for bar in bars] == [False] * 5 + [True] * 5
    assert page.by_class("threshold")
    assert "1 without a score" in "".join(page.text)


def test_html_without_retranslation_says_so() -> None:
    text = "He said the “ talks ” failed."
    document = Document(id="t", text=text)
    result = DocumentResult(document, findings=(finding(document, *spans_of(text, "“ talks ”")),))
    page = parse(render([result], NO_RETRANSLATION))
    assert not [e for e in page.elements if e.tag == "svg"]
    [note] = page.by_class("no-chart")
    assert "Re-translation did not run" in note.text
    assert "not-requested" in note.text
    assert [e.attrs["data-divergence"] for e in page.by_class("doc")] == [""]


def test_html_document_sections_carry_the_list_data() -> None:
    page = parse(render([(sample_result(), True)]))
    [section] = page.by_class("doc")
    assert section.attrs["data-id"] == "idlib"
    assert section.attrs["data-status"] == "failed"
    assert section.attrs["data-divergence"] == "0.42"
    assert (section.attrs["data-findings"], section.attrs["data-error"]) == ("7", "2")
    assert (section.attrs["data-warning"], section.attrs["data-info"]) == ("3", "2")
    headers = [e.attrs["data-sort"] for e in page.elements if e.tag == "th" and "data-sort" in e.attrs]
    assert headers == ["index", "id", "status", "divergence", "findings", "error", "warning", "info"]


# --- highlights -----------------------------------------------------------------------


def test_html_highlights_one_element_per_finding() -> None:
    result = sample_result()
    page = parse(render([result]))
    marks = page.findings()
    assert len(marks) == len(result.findings)
    assert Counter(m.attrs["data-code"] for m in marks) == Counter(f.code for f in result.findings)
    for index, found in enumerate(result.findings):
        assert page.finding_text[f"f0-{index}"] == found.text
    # The crossing finding is split; its second piece points back to it.
    assert page.by_class("finding-part")
    [zero] = [m for m in marks if m.attrs["data-code"] == "Q104"]
    assert "zero" in zero.attrs["class"] and zero.text == ""


def test_html_highlight_attributes_carry_message_and_suggestion() -> None:
    result = sample_result()
    page = parse(render([result]))
    [mark] = [m for m in page.findings() if m.attrs["data-code"] == "Q101"]
    [q101] = [f for f in result.findings if f.code == "Q101"]
    line = result.document.text[: q101.start].count("\n") + 1
    column = q101.start - result.document.text.rfind("\n", 0, q101.start)
    assert mark.attrs["data-message"] == "Reversed quote pair"
    assert mark.attrs["data-suggestion"] == "“demilitarized zone”"
    assert mark.attrs["data-severity"] == "error"
    assert (mark.attrs["data-line"], mark.attrs["data-col"]) == (str(line), str(column))
    assert mark.attrs["tabindex"] == "0"


def test_html_document_text_survives_exactly() -> None:
    result = sample_result()
    page = parse(render([result]))
    [article] = [e for e in page.elements if e.tag == "article"]
    assert article.text == result.document.text


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'“”\r\n\u2028é😀"), max_size=40))
    bounds = st.integers(min_value=0, max_value=len(text))
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=8))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_html_highlight_nests_any_spans(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    document = Document(id="p", text=text)
    findings = [finding(document, start, end, f"Q{100 + i}") for i, (start, end) in enumerate(spans)]
    page = parse(f"<article>{highlight(document, findings, 'f')}</article>")
    assert len(page.findings()) == len(findings)
    assert "".join(page.text) == text
    for index, (start, end) in enumerate(spans):
        assert page.finding_text[f"f-{index}"] == text[start:end]


# --- alignments and name variants -----------------------------------------------------


def test_html_aligns_mt_beside_each_retranslation() -> None:
    result = sample_result()
    page = parse(render([result]))
    rows = [e for e in page.elements if e.tag == "tr" and e.attrs.get("class") == "divergent-row"]
    assert len(rows) == 1  # divergence 0.7 is above the 0.6 threshold; 0.4 is not
    [divergent] = page.by_class("divergent")
    assert divergent.text == result.document.text[4:13]
    rt_cells = [e.text for e in page.by_class("rt")]
    assert rt_cells == ["The situation in Idlib.", "Idlib's situation."]


def test_html_name_variant_table_from_name_findings() -> None:
    page = parse(render([sample_result(), sample_result()]))
    tables = [e for e in page.elements if e.tag == "table" and "variants" in e.attrs.get("class", "")]
    assert len(tables) == 3  # one per document, one for the feed
    feed = tables[-1].text
    assert "Khayyat Tahrir Al-Sham" in feed and "Hayat Tahrir al-Sham" in feed and "N201" in feed
    assert "Reversed" not in feed and "Q101" not in feed
    counts = [e.text for e in page.elements if e.tag == "td" and e.attrs.get("class") == "num"]
    assert counts[-2:] == ["2", "2"]


def test_html_variant_table_stays_bounded() -> None:
    results = []
    for i in range(MAX_VARIANT_ROWS + 50):
        text = f"Name{i} and Nam{i}."
        document = Document(id=f"d{i}", text=text)
        variant = finding(document, 0, len(f"Name{i}"), "N201", name="names.variant", evidence=f"Nam{i}")
        results.append(DocumentResult(document, findings=(variant,)))
    html = render(results)
    feed = html[html.index('class="panel variants-panel"') :]
    assert feed.count("<tr>") == MAX_VARIANT_ROWS + 2  # the header and the "more" row
    assert "and 50 more" in feed


# --- escaping -------------------------------------------------------------------------


def test_html_escapes_every_untrusted_field() -> None:
    html = payload_report()
    page = parse(html)
    for payload in PAYLOADS:
        if set(payload) & set("<>\"'&"):
            assert payload not in html, payload
    assert "{{ 7*7 }}" in "".join(page.text)  # text, not a template expression
    assert {e.tag for e in page.elements} <= ALLOWED_TAGS
    for element in page.elements:
        assert not [name for name in element.attrs if name.startswith("on")], element
        assert "javascript:" not in element.attrs.get("href", "")
    assert [e.tag for e in page.elements].count("script") == 2
    assert [e.tag for e in page.elements].count("svg") == 1
    assert "\u2028" not in html.split('id="mt-audit-data">')[1].split("</script>")[0]


def test_html_payloads_come_back_as_text() -> None:
    page = parse(payload_report())
    sections = page.by_class("doc")
    assert [s.attrs["data-id"] for s in sections] == [PAYLOAD, PAYLOAD]
    marks = page.findings()
    assert len(marks) == 3
    assert {m.attrs["data-message"] for m in marks} == {PAYLOAD}
    [article] = [e for e in page.elements if e.tag == "article"]
    assert PAYLOADS[1] in article.text
    [data] = [e.text for e in page.elements if e.attrs.get("id") == "mt-audit-data"]
    assert json.loads(data)["meta"]["models"] == [PAYLOAD]


def test_json_script_cannot_end_the_script() -> None:
    value = {"a": "</script><!-- & \u2028\u2029 <b>", "</script>": 1}
    encoded = str(json_script(value))
    assert not set(encoded) & set("<>&\u2028\u2029")
    assert json.loads(encoded) == value


# --- streaming and scale --------------------------------------------------------------


def test_html_streams_each_document_as_it_arrives() -> None:
    out = io.StringIO()
    reporter = HtmlReporter(out, Config())
    reporter.start(META)
    head = len(out.getvalue())
    assert head > 0 and "</html>" not in out.getvalue()
    reporter.document(sample_result(), False)
    assert 'id="doc-0"' in out.getvalue()[head:]
    reporter.document(sample_result(), False)
    assert 'id="doc-1"' in out.getvalue()
    assert 'id="summary"' not in out.getvalue()
    summary = Summary()
    summary.add(sample_result())
    summary.add(sample_result())
    reporter.finish(summary)
    assert out.getvalue().rstrip().endswith("</html>")


def test_html_reporter_keeps_no_results() -> None:
    """Memory stays flat: nothing of a document outlives its section (bounded tallies aside)."""
    out = io.StringIO()
    reporter = HtmlReporter(out, Config())
    reporter.start(META)
    reporter.document(sample_result(), False)
    held = list(vars(reporter).values())
    for value in list(held):
        if isinstance(value, (list, tuple, set, dict)):
            held.extend(value.values() if isinstance(value, dict) else value)
    assert not [v for v in held if isinstance(v, (DocumentResult, Document, Finding, AlignedPair))]


def test_histogram_median_and_bounds() -> None:
    histogram = DivergenceHistogram()
    for value in (0.1, 0.2, 0.3, -0.5, 1.7, float("nan")):
        histogram.add(value)
    assert histogram.scored == 5
    assert histogram.counts[0] == 1 and histogram.counts[-1] == 1
    assert histogram.median() == pytest.approx(0.205)
    chart = divergence_chart(histogram, gate=None)
    assert chart is not None and sum(bar.count for bar in chart.bars) == 5
    assert divergence_chart(DivergenceHistogram(), gate=0.5) is None


def test_html_feed_of_2000_documents_with_bad_records() -> None:
    text = SAMPLE.read_text(encoding="utf-8").split("\n\n")[0]
    results: list[DocumentResult] = []
    for i in range(2000):
        document = Document(id=f"wire-{i}", text=text, path="feed.jsonl", line=i + 1, verbatim=False)
        findings = (
            finding(document, *spans_of(text, "Khayyat Tahrir Al-Sham"), "N201", name="names.variant", evidence="HTS"),
            finding(document, *spans_of(text, "” Khayyat"), "Q101", message="Reversed pair"),
            finding(document, *spans_of(text, "Konashenkov"), "N202", severity=Severity.INFO),
        )
        scores = frozen_mapping({"divergence": (i % 100) / 100})
        results.append(DocumentResult(document, findings=tuple(sorted(findings, key=Finding.sort_key)), scores=scores))
        if i % 400 == 0:
            document = Document(id=f"feed.jsonl:{i}", text="", path="feed.jsonl", line=i)
            results.append(DocumentResult(document, error=f"feed.jsonl:{i}: invalid JSON"))
    html = render(results)
    sections = re.findall(r'<details class="doc status-(\w+)"', html)
    assert len(sections) == 2005
    assert sections.count("error") == 5
    assert len(re.findall(r'<mark class="finding[ "]', html)) == 6000
    assert len(re.findall(r'<details class="doc [^>]* open>', html)) == 10
    errors = html[html.index('class="panel errors"') :]
    assert errors[: errors.index("</table>")].count("invalid JSON") == 5
    assert "2000 scored" in html


def test_html_cli_writes_the_report(fake_checks: object, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["check", str(SAMPLE), "--format", "html", "--output", str(output), "--select", "Q99,N99"]
    )
    assert result.exit_code in (0, 1), result.output
    page = parse(output.read_text(encoding="utf-8"))
    [section] = page.by_class("doc")
    assert section.attrs["data-path"] == str(SAMPLE)
    assert len(page.findings()) == int(section.attrs["data-findings"])


def test_html_empty_run_is_a_valid_page() -> None:
    page = parse(render([], NO_RETRANSLATION))
    assert not page.by_class("doc")
    assert "No documents were audited." in "".join(page.text)
    assert page.by_class("no-chart")
