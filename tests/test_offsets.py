"""Offsets index the original text: a BOM, CRLF line ends, combining marks and astral-plane
characters change where findings are, never what they cover."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import Config
from audit.pipeline import audit_documents
from audit.types import Document, Finding

SAMPLE = (Path(__file__).parent.parent / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")


def _findings(text: str) -> list[Finding]:
    [result] = audit_documents([Document(id="d", text=text)], Config(), strict=True)
    assert result.error is None
    return list(result.findings)


def _decorate(text: str) -> str:
    """The sample as a Windows editor with emoji-happy users would save it."""
    text = text.replace("\n", "\r\n")
    text = text.replace("Wednesday", "Wednesday 😀").replace("Konashenkov said", "Konashenkov 🇷🇺 said")
    text = text.replace("cafe", "cafe\u0301").replace("Aleppo", "Ale\u0301ppo")
    return "\ufeff" + text


def _strip(text: str) -> str:
    return text.replace("\r\n", "\n").replace(" 😀", "").replace(" 🇷🇺", "").replace("\u0301", "").lstrip("\ufeff")


def test_decorated_sample_gives_the_same_findings_over_the_same_text() -> None:
    plain = _findings(SAMPLE)
    decorated_text = _decorate(SAMPLE)
    decorated = _findings(decorated_text)
    for finding in decorated:
        assert decorated_text[finding.start : finding.end] == finding.text
    assert Counter((f.code, _strip(f.text)) for f in decorated) == Counter((f.code, f.text) for f in plain)


ALPHABET = st.sampled_from(
    list("aZ .,;:?!-–—()\n\r\t\ufeff\u0301😀🇷🇺é") + list("“”‘’«»„\"'") + ["Khayyat", "Tahrir", "al-", "Sham", "15-20", "100,000", "Иван"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_every_finding_covers_its_text_and_its_fix_applies(text: str) -> None:
    for finding in _findings(text):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        if finding.suggestion is not None:
            fixed = text[: finding.start] + finding.suggestion + text[finding.end :]
            assert isinstance(fixed, str)
