"""Screenshot the `mt-audit serve` workspace with the sample in it, for the README.

    python scripts/screenshot_serve.py --output docs/serve.png

Starts the real command (`python -m audit serve --port 0 --retranslate off`), opens the
workspace in Debian's headless Chromium through Playwright, pastes samples/idlib-wire.txt,
gives it the sample glossary and the precomputed re-translation from tests/data/, waits for
the audit, opens the first error's popover and saves a PNG of the top of the page. Needs
/usr/bin/chromium (`.ci/browser-deps.sh` installs it). Prints the console errors, if any,
as JSON, and exits 1 when there are some.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

# Scripts run with their folder on sys.path: one way to start the server and launch Chromium.
from bench_serve import start_server
from screenshot_report import CHROMIUM, chromium_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
GLOSSARY = ROOT / "samples" / "glossary.tsv"
RETRANSLATION = ROOT / "tests" / "data" / "idlib-retranslation.txt"


def screenshot(url: str, output: Path, *, width: int, height: int) -> list[str]:
    with chromium_page(width, height) as (page, errors):
        page.goto(url)
        page.click("#glossary-panel summary")
        page.fill("#glossary", GLOSSARY.read_text(encoding="utf-8"))
        page.click("#glossary-panel summary")
        page.click("#retranslation-panel summary")
        page.fill("#retranslation", RETRANSLATION.read_text(encoding="utf-8"))
        page.click("#retranslation-panel summary")
        page.focus("#editor")
        page.evaluate(
            """text => {
                const data = new DataTransfer();
                data.setData("text/plain", text);
                document.getElementById("editor").dispatchEvent(
                    new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
            }""",
            SAMPLE.read_text(encoding="utf-8"),
        )
        page.wait_for_function("() => document.getElementById('editor').dataset.state === 'audited'", timeout=60000)
        mark = page.locator("#editor mark.finding.sev-error").first
        box = mark.evaluate("m => { const r = m.getClientRects()[0]; return [r.left, r.top, r.height]; }")
        page.mouse.click(box[0] + 2, box[1] + box[2] / 2)
        page.evaluate("window.scrollTo(0, 0)")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "serve.png", help="PNG to write")
    parser.add_argument("--width", type=int, default=1400, help="viewport width in CSS pixels")
    parser.add_argument("--height", type=int, default=1000, help="viewport height in CSS pixels")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found; install it with .ci/browser-deps.sh")
    server, base = start_server()
    try:
        errors = screenshot(base + "/", args.output, width=args.width, height=args.height)
    finally:
        server.terminate()
        server.wait(30)
    print(json.dumps({"png": str(args.output), "console_errors": errors}))
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
