"""Shared fixtures.

`fake_checks` registers a few small rules (codes Q99x/N99x) for the duration of one test, so
reporter, baseline, fix and CLI tests have findings to work with that do not depend on how
the real rules evolve. Select them with `--select Q99,N99`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
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

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for match in re.finditer(r"Konashenkof", segment.text):
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
