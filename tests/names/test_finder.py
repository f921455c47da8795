"""The rule-based name finder: what is a name, what is not, and offsets."""

from __future__ import annotations

import itertools

from hypothesis import example, given
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


def test_finder_lines_read_once_keep_the_whole_texts_confirmations() -> None:
    """A line's mentions are kept per process, but a sentence-initial common word is a name
    only where the rest of its own text writes it mid-sentence."""
    line = "Rose left the city."
    assert _texts(line) == []
    assert _texts(f"He met Rose.\n{line}") == ["Rose", "Rose"]
    assert _texts(f"{line}\nHe met Rose.") == ["Rose", "Rose"]
    assert _texts(f"He left.\n{line}") == []
    assert [m.start for m in find_mentions(f"Moscow.\r\n\n{line}\nIn Rose")] == [0, 10, 33]


def test_finder_possessives_hyphen_tails_and_abbreviations() -> None:
    text = "He saw Ankara’s plan, a Turkish-controlled zone, St. Peter's Square and George W. Bush."
    assert _texts(text) == ["Ankara", "Turkish", "St. Peter's Square", "George W. Bush"]


def test_finder_a_capitalised_prefix_before_a_hyphen_is_no_name() -> None:
    text = "The Organization for Security and Co-operation in Europe backed Re-election, Pro-Kremlin blogs and Navalny-Sobol."
    assert _texts(text) == ["Organization", "Security", "Europe", "Pro-Kremlin", "Navalny-Sobol"]


def test_finder_korean_given_names_and_ezafe_stay_whole() -> None:
    text = (
        "Leader Lee Jae-myung met Choi Sang-mok; the Kim-run state and a Russian-made drone; "
        "the Tehreek-e-Insaf party."
    )
    assert _texts(text) == ["Lee Jae-myung", "Choi Sang-mok", "Kim", "Russian", "Tehreek-e-Insaf"]


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


_SPACES = " \u00a0\u202f\u2009"


def _reference_tokens(text: str) -> list[tuple[int, str]]:
    """Every word read in turn; kept: name material, and a connector between two such words."""
    pieces = finder._WORD.split(text)  # gap, word, gap, word, ..., gap
    starts = list(itertools.accumulate(map(len, pieces)))[::2]
    words = list(zip(starts, pieces[1::2], strict=False))
    material = [finder._is_name_material(w) and w not in finder.CONNECTORS for _, w in words]
    kept = []
    for index, (start, word) in enumerate(words):
        if material[index]:
            kept.append((start, word))
        elif word in finder.CONNECTORS and 0 < index < len(words) - 1 and material[index - 1] and material[index + 1]:
            left = text[words[index - 1][0] + len(words[index - 1][1]) : start]
            right = text[start + len(word) : words[index + 1][0]]
            if (
                left.removeprefix(".") in _SPACES
                and len(left.removeprefix(".")) == 1
                and right in _SPACES
                and len(right) == 1
            ):
                kept.append((start, word))
    return kept


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
                "²",
                "of",
                "al-",
                "aL-",
                "ash-",
                "de",
                "U.S.",
                "Ж",
                "ж",
                "x",
                "a.",
                "ß",
                "İ",
                "ǅ",
                "Ⅻ",
                "\u00a0",
                "中",
            ]
        ),
        max_size=40,
    ).map("".join)
)
@example("².U.S.-al-")  # `²` is a word character but no capital: the initials start at `U`
def test_finder_skips_exactly_the_plain_words(text: str) -> None:
    """Jumping from capital to capital finds the words that reading every word would keep."""
    assert [(t.start, t.text) for t in finder._tokens(text)] == _reference_tokens(text)


def test_finder_keeps_the_lower_case_syllable_of_a_korean_given_name() -> None:
    assert [m.text for m in find_mentions("He said President Moon Jae-in and Hsiao Bi-khim met.")] == [
        "President Moon Jae-in",
        "Hsiao Bi-khim",
    ]
    assert [m.text for m in find_mentions("in the Turkish-controlled zone near Ankara-based groups")] == ["Turkish", "Ankara"]
