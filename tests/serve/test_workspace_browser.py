"""The `mt-audit serve` workspace in Debian's headless Chromium, against a real uvicorn on loopback.

Paste the sample: one highlight per finding of the API's audit; click one, apply its fix, and
it is gone; undo; fix all as `mt-audit fix` does; download the fixed text and a report; step
through findings from the keyboard; an XSS payload pasted as text stays text. No request
leaves the server's origin, and nothing logs an error.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright")

from audit.config import Config, apply
from audit.fix import fix_config, fix_document
from audit.pipeline import Auditor
from audit.serve import Access, AuditService, bind, create_app
from audit.types import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
CONFIG = {"translate": {"mode": "off"}}
PAYLOADS = (
    "<script>window.__pwned=1;alert(1)</script>",
    '"><img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">click</a> “<svg onload="window.__pwned=1">',
    "{{ 7*7 }} ${alert(1)} \u2028 <!--",
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """uvicorn serving the workspace on 127.0.0.1 and a free port, in a thread."""
    import uvicorn

    service = AuditService(apply(Config(), CONFIG, "test"))
    app = create_app(service, Access(token=None, loopback=True, max_request_bytes=8 * 1024 * 1024))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    runner = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=runner.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not runner.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    runner.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def workspace(watched_page: Any, server: str) -> Any:
    watched = watched_page((server + "/", "blob:", "data:"))
    watched.page.goto(server + "/")
    watched.base = server
    return watched


def paste(page: Any, text: str) -> None:
    """What Ctrl+V does: a paste event carrying the text, into the focused editor."""
    page.focus("#editor")
    page.evaluate(
        """text => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            document.getElementById("editor").dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        text,
    )


def audited(page: Any, text: str) -> None:
    """Wait until the editor shows `text` with the highlights of its audit."""
    page.wait_for_function(
        """text => {
            const editor = document.getElementById("editor");
            return editor.textContent === text && editor.dataset.state === "audited";
        }""",
        arg=text,
    )


def api_audit(base: str, text: str) -> list[dict[str, Any]]:
    body = json.dumps({"documents": [{"text": text}], "config": {"retranslate": "off"}}).encode()
    request = urllib.request.Request(base + "/api/audit", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        findings: list[dict[str, Any]] = json.load(response)["documents"][0]["findings"]
    return findings


def editor_findings(page: Any) -> list[tuple[str, str]]:
    """The highlights' codes and places, sorted (one place's highlights nest outer first)."""
    marks = page.eval_on_selector_all(
        "#editor mark.finding", "marks => marks.map(m => [m.dataset.code, m.dataset.line + ':' + m.dataset.col])"
    )
    return sorted((code, where) for code, where in marks)


def places(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((f["code"], f"{f['line']}:{f['column']}") for f in findings)


def click_start(page: Any, locator: Any) -> None:
    """Click a highlight's first character (nested findings do not cover it)."""
    locator.scroll_into_view_if_needed()
    rect = locator.evaluate("m => { const r = m.getClientRects()[0]; return {x: r.left, y: r.top, h: r.height}; }")
    page.mouse.click(rect["x"] + 2, rect["y"] + rect["h"] / 2)


def test_workspace_paste_highlight_fix_undo_and_download(workspace: Any, tmp_path: Path) -> None:
    page = workspace.page
    text = SAMPLE.read_text(encoding="utf-8")
    paste(page, text)
    audited(page, text)

    # Every finding of the API's audit, highlighted once, in order.
    findings = api_audit(workspace.base, text)
    assert findings
    expected = places(findings)
    assert editor_findings(page) == expected
    assert page.locator("#findings .finding-row").count() == len(findings)

    # Click a fixable finding: its message, then apply its fix; it is gone.
    target = next(f for f in findings if f["suggestion"] and f["code"].startswith("Q"))
    index = findings.index(target)
    mark = page.locator(f"[id='f0-{index}']")
    click_start(page, mark)
    popover = page.locator("#popover")
    assert popover.locator(".pop-message").inner_text() == target["message"]
    popover.locator(".pop-actions button").click()
    fixed = text[: target["start"]] + target["suggestion"] + text[target["end"] :]
    audited(page, fixed)
    after = api_audit(workspace.base, fixed)
    assert editor_findings(page) == places(after)
    assert not [f for f in after if f["code"] == target["code"] and f["start"] == target["start"]]
    # Fewer rule findings in all (a merged finding's related rules counted too: the fix may leave one of them).
    assert sum(len(f["codes"]) for f in after) < sum(len(f["codes"]) for f in findings)

    # Undo brings the text and its finding back.
    page.click("#undo")
    audited(page, text)
    assert editor_findings(page) == expected

    # Fix all: what `mt-audit fix` makes of the text.
    page.click("#fix-all")
    auditor = Auditor(fix_config(apply(Config(), CONFIG, "test")))
    all_fixed = fix_document(Document(id="story", text=text), auditor).text
    audited(page, all_fixed)

    # Download the fixed text and the JSON report.
    page.click("#downloads summary")
    with page.expect_download() as download:
        page.click("[data-download=text]")
    saved = tmp_path / "fixed.txt"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == all_fixed
    assert download.value.suggested_filename == "story.fixed.txt"
    page.click("#downloads summary")
    with page.expect_download() as download:
        page.click("[data-download=json]")
    report_path = tmp_path / "report.json"
    download.value.save_as(report_path)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["documents"][0]["findings"] == api_audit(workspace.base, all_fixed)
    workspace.assert_quiet()


def test_workspace_reaudits_as_the_translator_types(workspace: Any) -> None:
    page = workspace.page
    paste(page, "The talks went on.")
    audited(page, "The talks went on.")
    assert editor_findings(page) == []
    page.keyboard.press("End")
    page.keyboard.type(" He said “ peace ” was near.")
    typed = "The talks went on. He said “ peace ” was near."
    audited(page, typed)
    assert editor_findings(page) == places(api_audit(workspace.base, typed))
    assert editor_findings(page), "the padded quotation marks are flagged"
    # The caret stayed at the end while the highlights were redrawn.
    page.keyboard.type("!")
    audited(page, typed + "!")
    workspace.assert_quiet()


def test_workspace_next_and_previous_finding_from_the_keyboard(workspace: Any) -> None:
    page = workspace.page
    text = SAMPLE.read_text(encoding="utf-8")
    paste(page, text)
    audited(page, text)
    marks = page.locator("#editor mark.finding")
    popover = page.locator("#popover")
    page.keyboard.press("F8")
    assert popover.get_attribute("data-finding") == marks.nth(0).get_attribute("id")
    page.keyboard.press("Alt+ArrowDown")
    assert popover.get_attribute("data-finding") == marks.nth(1).get_attribute("id")
    page.keyboard.press("Shift+F8")
    assert popover.get_attribute("data-finding") == marks.nth(0).get_attribute("id")
    page.keyboard.press("Alt+ArrowUp")  # wraps round to the last
    assert popover.get_attribute("data-finding") == marks.nth(marks.count() - 1).get_attribute("id")
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    workspace.assert_quiet()


def test_workspace_pasted_payloads_stay_text(workspace: Any) -> None:
    page = workspace.page
    text = "He said “" + " ".join(PAYLOADS) + "\n\nThen “ " + PAYLOADS[1] + " ” ended."
    paste(page, text)
    audited(page, text)
    assert page.locator("#editor script, #editor img, #editor svg, #editor a, #editor iframe").count() == 0
    assert page.locator("#editor mark.finding").count() == len(api_audit(workspace.base, text))
    for index in range(page.locator("#editor mark.finding").count()):
        page.keyboard.press("Escape")
        click_start(page, page.locator("#editor mark.finding").nth(index))
    workspace.assert_quiet()


def test_docs_load_offline_under_their_policy(watched_page: Any, server: str) -> None:
    watched = watched_page((server + "/", "data:"))
    page = watched.page
    page.goto(server + "/docs")
    page.wait_for_selector('.opblock-summary-path[data-path="/api/audit"]', timeout=15000)
    watched.assert_quiet()
