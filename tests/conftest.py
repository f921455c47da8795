"""Shared fixtures.

`fake_checks` registers a few small rules (codes Q99x/N99x) for the duration of one test, so
reporter, baseline, fix and CLI tests have findings to work with that do not depend on how
the real rules evolve. Select them with `--select Q99,N99`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from audit.checks import base
from audit.checks.base import Check, CheckContext, all_checks
from audit.config import Config, apply
from audit.io import ReadFailure
from audit.pipeline import Auditor, document_fails
from audit.report import FORMATS
from audit.types import Document, Finding, Segment, Severity, Summary

FAKE_SELECT = "Q99,N99"


class DoubleSpace(Check):
    """Two or more spaces between words.

    Fixable test rule: the one right replacement is a single space.

    Bad: one  two
    Good: one two
    """

    code = "Q990"
    name = "quotes.test_double_space"
    severity = Severity.WARNING
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for match in re.finditer(r"(?<=\S) {2,}(?=\S)", segment.text):
            start = segment.absolute(match.start())
            yield self.finding(segment, start, start + len(match.group()), "two spaces", suggestion=" ")


class GlossarySpelling(Check):
    """A name spelled against the glossary.

    Fixable test rule: Konashenkof is always Konashenkov.

    Bad: Konashenkof said
    Good: Konashenkov said
    """

    code = "N990"
    name = "names.test_glossary"
    severity = Severity.ERROR
    fixable = True
    subjects = frozenset({"name"})
    precedence = 60

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for match in re.finditer(r"(?i)Konashenkof", segment.text):
            start = segment.absolute(match.start())
            yield self.finding(
                segment, start, start + len(match.group()), "glossary spells it Konashenkov", suggestion="Konashenkov"
            )


class ShoutedWord(Check):
    """A word in capitals.

    Not fixable: the suggestion is one of several possible.

    Bad: an ALERT came
    Good: an alert came
    """

    code = "N991"
    name = "names.test_shout"
    severity = Severity.INFO
    scope = "sentence"
    subjects = frozenset({"name"})
    precedence = 10

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for match in re.finditer(r"\b[A-Z]{5,}\b", segment.text):
            start = segment.absolute(match.start())
            yield self.finding(segment, start, start + len(match.group()), "shouted", suggestion=match.group().lower())


class MissingNumber(Check):
    """A number of the target that the source lacks.

    Paired test rule: needs the source; flags target numbers absent from it.

    Bad: 15 km (source: 20 км)
    Good: 20 km (source: 20 км)
    """

    code = "N992"
    name = "numbers.test_missing"
    severity = Severity.ERROR
    scope = "document"
    requires = frozenset({"source"})

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        source_numbers = set(re.findall(r"\d+", ctx.document.source or ""))
        for match in re.finditer(r"\d+", segment.text):
            if match.group() not in source_numbers:
                start = segment.absolute(match.start())
                yield self.finding(segment, start, start + len(match.group()), f"{match.group()} is not in the source")


FAKES: tuple[type[Check], ...] = (DoubleSpace, GlossarySpelling, ShoutedWord, MissingNumber)


@pytest.fixture
def fake_checks(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Check], ...]:
    """Register the fake rules for one test; the registry is restored afterwards."""
    all_checks()  # register the real families first, so the restore leaves them in place
    for cls in FAKES:
        monkeypatch.setitem(base._REGISTRY, cls.code, cls)
        monkeypatch.setitem(base._NAMES, cls.name, cls.code)
    return FAKES


def render(format_name: str, items: Iterable[Document | ReadFailure], **table: Any) -> str:
    """Audit `items` and return the report in `format_name`, as the CLI would write it.

    `table` holds config keys (underscored) applied over the fake rules' selection.
    """
    config = fake_config(**table)
    auditor = Auditor(config, strict=True)
    out = io.StringIO()
    reporter = FORMATS[format_name](out, config)
    summary = Summary()
    reporter.start(auditor.meta())
    for result in auditor.audit(items):
        failed = document_fails(result, config)
        summary.add(result, failed)
        reporter.document(result, failed)
    reporter.finish(summary)
    return out.getvalue()


def fake_config(**table: Any) -> Config:
    return apply(Config(), {"select": FAKE_SELECT.split(","), **table}, "test")


@pytest.fixture
def report(fake_checks: tuple[type[Check], ...]) -> Callable[..., str]:
    """`report(format, items, **config)`: a rendered report with the fake rules selected."""
    return render


# ---------------------------------------------------------------- tiny MarianMT models

TINY_LANGS = ("en", "ru")


def _tiny_builder() -> Any:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "make_tiny_marian.py"
    spec = importlib.util.spec_from_file_location("make_tiny_marian", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tiny_marian_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A `translate.model-template` naming two tiny random-weight Marians, en->ru and ru->en.

    Built once per session (scripts/make_tiny_marian.py): the real transformers path end to
    end, in milliseconds per sentence, with nonsense output.
    """
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    builder = _tiny_builder()
    root = tmp_path_factory.mktemp("tiny-marian")
    for seed, (src, tgt) in enumerate((TINY_LANGS, TINY_LANGS[::-1])):
        builder.build_tiny_marian(root / f"tiny-{src}-{tgt}", seed=seed)
    return str(root / "tiny-{src}-{tgt}")


@pytest.fixture(scope="session")
def tiny_marian(tiny_marian_template: str) -> str:
    """The directory of one tiny Marian (en->ru)."""
    return tiny_marian_template.format(src=TINY_LANGS[0], tgt=TINY_LANGS[1])


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Runs that use the default cache directory write into a temporary one, never the user's."""
    import os

    from audit.names.gazetteer import DIRECTORY_VARIABLE, index_file

    # The place index is data derived from installed packages, not the user's: it is built
    # once per machine, where a real run would build it, and shared by every test session.
    os.environ.setdefault(DIRECTORY_VARIABLE, str(index_file().parent))
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


# ---------------------------------------------------------------- headless Chromium

CHROMIUM = "/usr/bin/chromium"
# Flags for headless Chromium as root in a container, with nothing reaching out (ENV-NOTES.md §2).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium through Playwright (a persistent context: downloads allowed).

    Skipped only when /usr/bin/chromium is absent and CI is not set; in CI it must run
    (.ci/browser-deps.sh installs chromium).
    """
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI is set but /usr/bin/chromium is missing: .ci/browser-deps.sh should have installed it")
        pytest.skip("no /usr/bin/chromium (run .ci/browser-deps.sh to install it); CI is not set, so skipping")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        yield context
        context.close()


# What an injected payload sets if it ever runs (the report's and the workspace's XSS tests).
PWNED = "window.__pwned !== undefined || (window.parent && window.parent.__pwned !== undefined)"


@dataclass
class Watched:
    """A browser page with everything that should never happen recorded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    # Requests to anything but the page's own origin or files.
    requests: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.requests == []
        assert self.page.evaluate(PWNED) is False


@pytest.fixture
def watched_page(browser: Any) -> Iterator[Callable[[tuple[str, ...]], Watched]]:
    """`watched_page(allowed)`: a new page whose console errors, uncaught exceptions, dialogs
    and requests to URLs not starting with one of `allowed` are recorded; closed afterwards."""
    pages: list[Any] = []

    def open_page(allowed: tuple[str, ...]) -> Watched:
        page = browser.new_page()
        page.set_default_timeout(15000)
        pages.append(page)
        watched = Watched(page)
        page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
        page.on("pageerror", lambda e: watched.errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            watched.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("request", lambda r: r.url.startswith(allowed) or watched.requests.append(r.url))
        return watched

    yield open_page
    for page in pages:
        page.close()
