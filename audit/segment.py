"""Paragraphs, then sentences, as `Segment` views into `Document.text`.

A paragraph is a line (wire copy puts one paragraph on a line; blank lines separate
nothing more), or, for hard-wrapped text (`--paragraphs blank-line`), the lines up to a
blank line. Sentences are split on terminal punctuation followed by space and a
capital, opening quote or digit, unless the word before the stop is a known abbreviation
or a person's initials (`V.`, `J.R.`, `J.R.R.`). Quote checks work on paragraphs, because
broken quotes break this.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from audit.types import Document, Segment, SegmentKind

_LINE = re.compile(r"[^\r\n]+")
_EDGE_SPACE = "\ufeff \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev st jr sr vs etc
    inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec no nos
    fig approx est mt mln bln p pp vol ed eds al e.g i.e u.s u.k u.n u.s.a""".split()
)
# A word of initials without its final stop: `V`, `J.R`, `J.R.R` (any script's letters).
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
# Terminal punctuation, then any closing quotes/brackets, then space, then a sentence start.
_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?…]+)(?P<close>["'”’»)\]]*)(?P<space>\s+)(?=["'“‘«(\[]?[A-Z0-9\u0400-\u04FF])"""
)


def split_paragraphs(doc: Document, mode: str = "line") -> tuple[Segment, ...]:
    """`mode` "line": each line; "blank-line": runs of lines up to a blank line."""
    return tuple(Segment(doc, SegmentKind.PARAGRAPH, start, end) for start, end in paragraph_spans(doc.text, mode))


@functools.lru_cache(maxsize=64)  # a story and its source are split by the pipeline, the pairing and Q109
def paragraph_spans(text: str, mode: str = "line") -> tuple[tuple[int, int], ...]:
    """The [start, end) of each paragraph of `text`, as `split_paragraphs` finds them: for
    callers that only pair or slice offsets (a source's paragraphs), no views made."""
    lines = _lines(text)
    if mode == "line":
        return tuple(lines)
    if mode != "blank-line":
        raise ValueError(f"unknown paragraph mode {mode!r}")
    paragraphs: list[tuple[int, int]] = []
    start = end = -1
    for line_start, line_end in lines:
        if start >= 0 and _BLANK_LINE.search(text, end, line_start) is None:
            end = line_end
            continue
        if start >= 0:
            paragraphs.append((start, end))
        start, end = line_start, line_end
    if start >= 0:
        paragraphs.append((start, end))
    return tuple(paragraphs)


# Between two lines: two line ends (with only spaces between them) make a blank line.
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)")


def _lines(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of `text`, trimmed of edge spaces."""
    lines = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start] in _EDGE_SPACE:
            start += 1
        while end > start and text[end - 1] in _EDGE_SPACE:
            end -= 1
        if start < end:
            lines.append((start, end))
    return lines


def split_sentences(doc: Document, paragraphs: tuple[Segment, ...] | None = None) -> tuple[Segment, ...]:
    sentences: list[Segment] = []
    for paragraph in paragraphs if paragraphs is not None else split_paragraphs(doc):
        sentences.extend(_sentences(paragraph))
    return tuple(sentences)


def _sentences(paragraph: Segment) -> Iterator[Segment]:
    text = paragraph.doc.text
    start = paragraph.start
    for match in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        if match.group("stop") == "." and _is_abbreviation(text, start, match.start("stop")):
            continue
        end = match.end("close")
        if end > start:
            yield Segment(paragraph.doc, SegmentKind.SENTENCE, start, end)
        start = match.end("space")
    if start < paragraph.end:
        yield Segment(paragraph.doc, SegmentKind.SENTENCE, start, paragraph.end)


def _is_abbreviation(text: str, sentence_start: int, stop: int) -> bool:
    word_start = stop
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].strip("\"'“”‘’«»([").lower()
    if not word:
        return False
    if _INITIALS.fullmatch(word):
        return True  # initials: "Igor V. Konashenkov", "J.R. Smith"
    return word in _ABBREVIATIONS


def split_text_sentences(text: str) -> list[str]:
    """Sentences of a plain string (re-translations), for aligners that need only the text."""
    doc = Document(id="", text=text)
    return [s.text for s in split_sentences(doc)]
