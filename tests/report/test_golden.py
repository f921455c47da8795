"""Golden files for the CI formats: a change to their shape shows up as a diff to review.

Regenerate after an intended change with `MT_AUDIT_REGOLD=1 python -m pytest tests/report/test_golden.py`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.io import ReadFailure
from audit.types import Document, Unit

GOLDEN = Path(__file__).parent / "golden"


def _inputs() -> list[Document | ReadFailure]:
    unit_text = "Konashenkof  said 15."
    return [
        Document(id="wire.txt", path="wire.txt", text="\ufeffThe  general Konashenkof said.\r\nAn ALERT came.\r\n"),
        Document(id="clean.txt", path="clean.txt", text="All quiet."),
        # Two rules on one name: one finding, the other related (issue 13).
        Document(id="merged.txt", path="merged.txt", text="Then KONASHENKOF spoke."),
        Document(id="r7", path="feed.jsonl", line=7, verbatim=False, text="Line.\nKonashenkof, 100%: done"),
        ReadFailure(id="feed.jsonl:8", path="feed.jsonl", line=8, message="malformed JSON at column 3: Expecting value"),
        Document(
            id="t.xlf#u1",
            path="t.xlf",
            line=12,
            verbatim=False,
            text=unit_text,
            source="Конашенков сказал 20.",
            units=(Unit("u1", 0, len(unit_text), 12, "Конашенков сказал 20."),),
        ),
    ]


def _normalise(text: str) -> str:
    """The run's version and config hash change with every release; the shape must not."""
    text = re.sub(r'("(?:semanticV|v)ersion": )"[^"]+"', r'\1"VERSION"', text)
    text = re.sub(r'("configHash": )"[0-9a-f]+"', r'\1"HASH"', text)
    text = re.sub(r'(name="version" value=)"[^"]+"', r'\1"VERSION"', text)
    return re.sub(r'(name="config_hash" value=)"[0-9a-f]+"', r'\1"HASH"', text)


@pytest.mark.parametrize(
    ("format_name", "golden"), [("sarif", "report.sarif"), ("junit", "report.xml"), ("github", "report.github.txt")]
)
def test_golden_report(report: Callable[..., str], format_name: str, golden: str) -> None:
    produced = _normalise(report(format_name, _inputs()))
    path = GOLDEN / golden
    if os.environ.get("MT_AUDIT_REGOLD"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(produced, encoding="utf-8", newline="")
    assert produced == path.read_text(encoding="utf-8"), f"{golden} changed; review, then regenerate (see docstring)"
