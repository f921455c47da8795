"""Build the HTML report of the sample and save a screenshot of it, for review and the README.

    python scripts/screenshot_report.py --output docs/report.png
    python scripts/screenshot_report.py --output shot.png --height 0 --html report.html
    python scripts/screenshot_report.py --output feed.png -- feed.jsonl --retranslate off

Runs `mt-audit check` (by default on samples/idlib-wire.txt with its precomputed
re-translation from tests/data/, so the divergence chart and aligned view have data),
opens the report in Debian's headless Chromium through Playwright, clicks the first error
highlight so its popover shows, and saves a PNG of the top of the page (`--height 0`: the
whole page). Needs /usr/bin/chromium (`.ci/browser-deps.sh` installs it). Prints the
report's size and the browser's console errors, if any, as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
RETRANSLATION = ROOT / "tests" / "data" / "idlib-retranslation.txt"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def default_inputs() -> list[str]:
    """Paths relative to the repository (the CLI runs there), so the report shows them so."""
    inputs = [str(SAMPLE.relative_to(ROOT))]
    if RETRANSLATION.exists():
        inputs += ["--retranslation", str(RETRANSLATION.relative_to(ROOT))]
    return inputs


def build_report(check_args: list[str], html: Path) -> None:
    """Run the real CLI; exit status 1 (findings) is the expected outcome."""
    command = [sys.executable, "-m", "audit", "check", *check_args, "--format", "html", "--output", str(html)]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"mt-audit check failed ({completed.returncode}): {completed.stderr.strip()}")


@contextlib.contextmanager
def chromium_page(width: int, height: int) -> Iterator[tuple[Any, list[str]]]:
    """A page in headless Chromium at this viewport, and the console errors it logs."""
    from playwright.sync_api import ConsoleMessage, Error, sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="mt-audit-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": width, "height": height},
            device_scale_factor=1,
        )
        page = context.new_page()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text)

        def on_page_error(error: Error) -> None:
            errors.append(str(error))

        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        try:
            yield page, errors
        finally:
            context.close()


def screenshot(html: Path, output: Path, *, width: int, height: int, click: str | None) -> list[str]:
    with chromium_page(width, height or 900) as (page, errors):
        page.goto(html.resolve().as_uri())
        if click:
            marks = page.locator(click)
            if marks.count():
                mark = marks.first
                mark.scroll_into_view_if_needed()
                box = mark.evaluate("m => { const r = m.getClientRects()[0]; return [r.left, r.top, r.height]; }")
                page.mouse.click(box[0] + 2, box[1] + box[2] / 2)
        page.evaluate("window.scrollTo(0, 0)")
        output.parent.mkdir(parents=True, exist_ok=True)
        if height:
            page.screenshot(path=str(output), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
        else:
            page.screenshot(path=str(output), full_page=True)
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png", help="PNG to write")
    parser.add_argument("--html", type=Path, help="also keep the HTML report here")
    parser.add_argument("--width", type=int, default=1400, help="viewport width in CSS pixels")
    parser.add_argument("--height", type=int, default=2000, help="height of the shot from the top; 0: whole page")
    parser.add_argument(
        "--click",
        default="mark.finding.sev-error",
        help="CSS selector of the highlight whose popover to open ('' for none)",
    )
    parser.add_argument("check_args", nargs="*", help="arguments for `mt-audit check` (after --)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found; install it with .ci/browser-deps.sh")
    with tempfile.TemporaryDirectory(prefix="mt-audit-report-") as folder:
        html = args.html or Path(folder) / "report.html"
        build_report(args.check_args or default_inputs(), html)
        errors = screenshot(html, args.output, width=args.width, height=args.height, click=args.click or None)
        size = html.stat().st_size
    print(json.dumps({"png": str(args.output), "html_bytes": size, "console_errors": errors}))
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
