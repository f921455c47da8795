from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit.segment import split_paragraphs, split_sentences, split_text_sentences
from audit.types import Document, SegmentKind


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def test_issue13_blank_line_paragraphs_join_hard_wrapped_lines() -> None:
    text = "First line\r\nof one paragraph.  \n \t\nSecond\nparagraph.\n\n\nThird."
    paragraphs = split_paragraphs(_doc(text), "blank-line")
    assert [p.text for p in paragraphs] == ["First line\r\nof one paragraph.", "Second\nparagraph.", "Third."]
    assert [p.text for p in split_paragraphs(_doc(text))] == [
        "First line", "of one paragraph.", "Second", "paragraph.", "Third."
    ]


def test_paragraphs_are_lines_with_exact_offsets() -> None:
    text = "\ufeffFirst paragraph.\r\n\r\n  Second one.  \nThird\rFourth"
    paragraphs = split_paragraphs(_doc(text))
    assert [p.text for p in paragraphs] == ["First paragraph.", "Second one.", "Third", "Fourth"]
    assert all(p.kind is SegmentKind.PARAGRAPH for p in paragraphs)
    assert paragraphs[0].start == 1  # the BOM is skipped, not removed


def test_sentences_split_on_stops_but_not_abbreviations_or_initials() -> None:
    text = "Maj. Gen. Igor V. Konashenkov spoke on Wednesday. He said the U.S. had left. “Really?” she asked."
    assert split_text_sentences(text) == [
        "Maj. Gen. Igor V. Konashenkov spoke on Wednesday.",
        "He said the U.S. had left.",
        "“Really?” she asked.",
    ]


def test_sentences_do_not_split_after_initials() -> None:
    text = "J.R. Smith said it. Gen. Valery V. Gerasimov left. J. R. R. Tolkien and J.R.R. Martin wrote. Он ушёл."
    assert split_text_sentences(text) == [
        "J.R. Smith said it.",
        "Gen. Valery V. Gerasimov left.",
        "J. R. R. Tolkien and J.R.R. Martin wrote.",
        "Он ушёл.",
    ]
    assert split_text_sentences("He cited Article 5. Then he left.") == ["He cited Article 5.", "Then he left."]


@given(
    st.lists(st.sampled_from(list("ABJRVИФ")), min_size=1, max_size=4),
    st.sampled_from([".", ". "]),
    st.sampled_from(["“", "(", ""]),
)
def test_sentences_keep_initials_with_their_name(letters: list[str], joiner: str, opening: str) -> None:
    initials = joiner.join(letters) + "."
    text = f"{opening}{initials} Smith said so. Then he left."
    doc = _doc(text)
    sentences = split_sentences(doc)
    assert [s.text for s in sentences] == [f"{opening}{initials} Smith said so.", "Then he left."]
    assert [text[s.start : s.end] for s in sentences] == [s.text for s in sentences]


def test_sentences_keep_closing_quotes_with_their_sentence() -> None:
    text = "“It is over.” The talks ended. (Reuters) 15 people died."
    assert split_text_sentences(text) == ["“It is over.”", "The talks ended.", "(Reuters) 15 people died."]


def test_sentence_split_of_cyrillic() -> None:
    assert split_text_sentences("Он сказал это. Затем ушёл.") == ["Он сказал это.", "Затем ушёл."]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\r\t“”\"'\ufeffAZ1é😀\u0301")), max_size=200))
def test_segments_are_views_inside_the_text(text: str) -> None:
    doc = _doc(text)
    paragraphs = split_paragraphs(doc)
    for sentence in split_sentences(doc, paragraphs):
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in paragraphs)
    for paragraph in paragraphs:
        assert "\n" not in paragraph.text and "\r" not in paragraph.text
