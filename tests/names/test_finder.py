"""The rule-based name finder: what is a name, what is not, and offsets."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from audit.names import finder
from audit.names.finder import find_mentions


def _texts(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def test_finder_particles_connectors_and_hyphens() -> None:
    text = "Fighters of Khayyat Tahrir Ash-Sham, the Islamic Party of Turkestan and al-Baghdadi met Abu Bakr bin Laden."
    assert _texts(text) == [
        "Khayyat Tahrir Ash-Sham",
        "Islamic Party of Turkestan",
        "al-Baghdadi",
        "Abu Bakr bin Laden",
    ]


def test_finder_sentence_initial_common_words_are_not_names() -> None:
    text = "According to Konashenkov, the talks failed. Scientists agree. The Hague ruled. Muskoka, 53, left."
    assert _texts(text) == ["Konashenkov", "Hague", "Muskoka"]


def test_finder_initial_word_confirmed_elsewhere() -> None:
    assert _texts("Al-Julani spoke. Then al-Julani left.") == ["Al-Julani", "al-Julani"]


def test_finder_possessives_hyphen_tails_and_abbreviations() -> None:
    text = "He saw Ankara’s plan, a Turkish-controlled zone, St. Peter's Square and George W. Bush."
    assert _texts(text) == ["Ankara", "Turkish", "St. Peter's Square", "George W. Bush"]


def test_finder_months_pronoun_and_honorifics() -> None:
    assert _texts("On Monday in May I met Mr Smith and Theresa May.") == ["Smith", "Theresa May"]


def test_finder_acronyms_and_headlines() -> None:
    text = "Syrian Forces Push Into Idlib Province\nThe UN said Syrian forces entered Idlib."
    assert _texts(text) == ["Syrian", "Idlib", "UN", "Syrian", "Idlib"]


@given(st.text(alphabet=st.sampled_from(list("Aa Bb-’'.\n\r\u00a0\u0301ÉéЖж1,“”")), max_size=80))
def test_finder_offsets_index_the_text(text: str) -> None:
    mentions = find_mentions(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text and mention.text.strip() == mention.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


_WORD = re.compile(finder._WORD_BODY)


@given(
    st.lists(
        st.sampled_from(
            [
                "A",
                "o",
                "f",
                "l",
                "d",
                "e",
                "U",
                "S",
                " ",
                "-",
                "‐",
                "’",
                "'",
                ".",
                "_",
                "\n",
                "\u0301",
                "É",
                "é",
                "1",
                "of",
                "al-",
                "de",
                "U.S.",
                "Ж",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_finder_skips_exactly_the_plain_words(text: str) -> None:
    """The regex that skips plain words finds the same words as tokenising everything would."""
    pieces = _WORD.split(text)  # gap, word, gap, word, ..., gap
    starts = itertools.accumulate(map(len, pieces))
    every_word = [(start, word) for start, word in zip(list(starts)[::2], pieces[1::2])]
    expected = [(start, word) for start, word in every_word if finder._is_name_material(word)]
    assert [(t.start, t.text) for t in finder._tokens(text)] == expected
