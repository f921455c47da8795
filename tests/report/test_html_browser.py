"""The HTML report in a real headless Chromium (Debian's, driven by Playwright).

It loads with no console or page errors and no network request, has one highlight per
finding, shows a finding's message on click, sorts its document list, and runs none of
the script that untrusted text tries to smuggle in, with or without its CSP.

Skipped only when /usr/bin/chromium is absent and CI is not set; in CI it must run
(.ci/browser-deps.sh installs chromium).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from audit.config import Config, apply
from audit.types import Document, DocumentResult, Finding, Severity, frozen_mapping


def _static_tests() -> ModuleType:
    """The report builders of the static tests, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("html_static_tests", Path(__file__).with_name("test_html.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


static = _static_tests()


@pytest.fixture
def open_report(watched_page: Any, tmp_path: Path) -> Any:
    def open_(html: str, name: str = "report.html") -> Any:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        watched = watched_page(("file:", "data:"))
        watched.page.goto(path.as_uri())
        return watched

    return open_


def simple(doc_id: str, divergence: float | None, findings: int) -> DocumentResult:
    text = "The talks failed. " * 4
    document = Document(id=doc_id, text=text)
    found = tuple(
        Finding(
            "Q101", "quotes.test", Severity.WARNING, doc_id, i * 18, i * 18 + 5, f"{doc_id} finding {i}", "The t"[:5]
        )
        for i in range(findings)
    )
    scores = frozen_mapping({} if divergence is None else {"divergence": divergence})
    return DocumentResult(document, findings=found, scores=scores)


def click_start(page: Any, locator: Any) -> None:
    """Click a highlight's first character: nested findings do not cover it, and a piece that
    wraps across lines has no box of its own at its bounding box's corners."""
    locator.scroll_into_view_if_needed()
    rect = locator.evaluate("m => { const r = m.getClientRects()[0]; return {x: r.left, y: r.top, h: r.height}; }")
    page.mouse.click(rect["x"] + 2, rect["y"] + rect["h"] / 2)


def feed() -> list[DocumentResult]:
    broken = DocumentResult(Document(id="feed.jsonl:9", text="", path="feed.jsonl"), error="feed.jsonl:9: invalid JSON")
    return [
        static.sample_result(),
        *static.payload_results(),
        simple("zulu", 0.9, 1),
        simple("alpha", None, 3),
        simple("mike", 0.05, 0),
        broken,
    ]


def feed_report() -> str:
    return static.render(feed(), static.META, apply(Config(), {"max_divergence": 0.5}, "test"))


def test_browser_report_loads_without_errors(open_report: Any) -> None:
    watched = open_report(feed_report())
    page = watched.page
    assert page.locator("#doc-list tbody tr").count() == len(feed())
    assert page.locator("#divergence-chart svg rect.bar").count() == 10
    assert page.locator("#summary").is_visible()
    # The summary, written last, is shown above the documents.
    assert page.locator("#summary .cards").bounding_box()["y"] < page.locator("#documents").bounding_box()["y"]
    watched.assert_quiet()


def test_browser_highlight_count_equals_finding_count(open_report: Any) -> None:
    results = feed()
    watched = open_report(feed_report())
    page = watched.page
    assert page.locator(".finding").count() == sum(len(r.findings) for r in results)
    for index, result in enumerate(results):
        assert page.locator(f"#doc-{index} .finding").count() == len(result.findings)
    watched.assert_quiet()


def test_browser_click_on_a_finding_shows_its_message(open_report: Any) -> None:
    watched = open_report(feed_report())
    page = watched.page
    popover = page.locator("#popover")
    marks = page.locator("#doc-0 mark.finding")
    for index in range(marks.count()):
        mark = marks.nth(index)
        message = mark.get_attribute("data-message")
        page.keyboard.press("Escape")  # the open popover may cover the next finding
        click_start(page, mark)
        assert popover.is_visible()
        assert popover.locator(".pop-message").inner_text() == message
        assert popover.get_attribute("data-finding") == mark.get_attribute("id")
        suggestion = mark.get_attribute("data-suggestion")
        if suggestion:
            assert suggestion in popover.locator(".pop-fix").inner_text()
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    watched.assert_quiet()


def test_browser_click_on_a_split_piece_or_list_row_shows_its_finding(open_report: Any) -> None:
    watched = open_report(feed_report())
    page = watched.page
    popover = page.locator("#popover")
    part = page.locator("#doc-0 mark.finding-part").first
    owner = page.locator(f"[id='{part.get_attribute('data-part-of')}']")
    click_start(page, part)
    assert popover.locator(".pop-message").inner_text() == owner.get_attribute("data-message")
    row = page.locator("#doc-0 .finding-row a").nth(2)
    target = page.locator(f"[id='{row.get_attribute('data-target')}']")
    row.click()
    assert popover.locator(".pop-message").inner_text() == target.get_attribute("data-message")
    watched.assert_quiet()


def _column(page: Any, key: str) -> list[str]:
    return page.eval_on_selector_all("#doc-list tbody tr", f"rows => rows.map(r => r.dataset.{key})")


def test_browser_document_list_sorts(open_report: Any) -> None:
    watched = open_report(feed_report())
    page = watched.page
    header = page.locator("#doc-list th[data-sort=divergence]")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = _column(page, "divergence")
    scored = [float(v) for v in values if v]
    assert scored == sorted(scored) and values[len(scored) :] == [""] * (len(values) - len(scored))
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    scored = [float(v) for v in _column(page, "divergence") if v]
    assert scored == sorted(scored, reverse=True)
    page.locator("#doc-list th[data-sort=findings]").click()
    counts = [int(v) for v in _column(page, "findings")]
    assert counts == sorted(counts)
    page.locator("#doc-list th[data-sort=id]").click()
    ids = [v.lower() for v in _column(page, "id")]
    assert ids == sorted(ids)
    # A row opens its document.
    page.locator("#doc-list tbody tr").first.click()
    first = page.eval_on_selector("#doc-list tbody tr", "r => r.dataset.index")
    assert page.locator(f"#doc-{first}").get_attribute("open") is not None
    watched.assert_quiet()


def test_browser_severity_toggle_hides_highlights(open_report: Any) -> None:
    watched = open_report(feed_report())
    page = watched.page
    info = page.locator("#doc-0 mark.finding.sev-info").first
    shown = info.evaluate("m => getComputedStyle(m).backgroundColor")
    page.locator("[data-toggle-severity=info]").uncheck()
    assert info.evaluate("m => getComputedStyle(m).backgroundColor") != shown
    assert page.locator("#doc-0 .finding-row.sev-info").first.is_hidden()
    watched.assert_quiet()


def test_browser_payloads_never_run(open_report: Any) -> None:
    html = static.render(static.payload_results(), static.PAYLOAD_META)
    watched = open_report(html)
    page = watched.page
    for index in range(page.locator("mark.finding").count()):
        page.keyboard.press("Escape")
        click_start(page, page.locator("mark.finding").nth(index))
    page.locator("#doc-list th[data-sort=id]").click()
    page.locator("[data-expand=all]").click()
    assert static.PAYLOADS[1] in page.locator("article").text_content()
    watched.assert_quiet()


def test_browser_payloads_never_run_without_the_policy(open_report: Any) -> None:
    """Escaping alone holds: the same page with its Content-Security-Policy removed."""
    html = static.render(static.payload_results(), static.PAYLOAD_META)
    unguarded, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert removed == 1
    watched = open_report(unguarded, "unguarded.html")
    page = watched.page
    for index in range(page.locator("mark.finding").count()):
        page.keyboard.press("Escape")
        click_start(page, page.locator("mark.finding").nth(index))
    watched.assert_quiet()


def test_browser_large_feed_stays_usable(open_report: Any) -> None:
    results = [simple(f"wire-{i}", (i * 37 % 100) / 100, i % 4) for i in range(2000)]
    watched = open_report(static.render(results), "large.html")
    page = watched.page
    assert page.locator("#doc-list tbody tr").count() == 2000
    assert page.locator(".finding").count() == sum(len(r.findings) for r in results)
    page.eval_on_selector("#doc-list th[data-sort=divergence] button", "b => b.click()")
    values = [float(v) for v in _column(page, "divergence")]
    assert values == sorted(values)
    watched.assert_quiet()
