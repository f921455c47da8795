"""Which words count as common English words (the rare words of a name are weighed on this)."""

from __future__ import annotations

import pytest

from audit.names.lexicon import american_spelling, is_agent_compound, is_common_word


def test_lexicon_country_and_large_city_names_are_not_common_words() -> None:
    # Webster's lists `china`, `chile`, `turkey` and `berlin` in lower case too.
    assert not any(is_common_word(w) for w in ("China", "Chile", "Turkey", "Jordan", "Berlin"))
    assert is_common_word("navy") and is_common_word("bank") and is_common_word("nice")


def test_lexicon_capitalised_words_are_not_undone_as_inflections() -> None:
    # `Paris` is no `pari` + `s`, `James` no `jam` + `es`, `Andes` no `and` + `es`.
    assert not any(is_common_word(w) for w in ("Paris", "James", "Andes"))
    assert is_common_word("wishes") and is_common_word("goes") and is_common_word("stopped")
    # a stem of two letters before its `e` (`using`: `use`)
    assert is_common_word("using") and is_common_word("Using")


@pytest.mark.parametrize(
    ("british", "american"),
    [("harbour", "harbor"), ("organisation", "organization"), ("defence", "defense"), ("licence", "license"),
     ("programme", "program"), ("centre", "center")],
)
def test_american_spelling(british: str, american: str) -> None:
    assert american_spelling(british) == american


def test_american_spelling_leaves_other_words() -> None:
    assert american_spelling("fence") == "fence" and american_spelling("science") == "science"


def test_lexicon_compounds_on_irregular_plurals_are_common_words() -> None:
    # Webster's lacks `schoolchildren` and `servicemen`; news copy opens sentences with them.
    assert all(is_common_word(w) for w in ("Schoolchildren", "servicemen", "gunmen", "businesswomen", "grandchildren"))
    # not names that end so, nor a head after too short a word
    assert not any(is_common_word(w) for w in ("Carmen", "Yemen", "Bremen", "Goldman"))


def test_lexicon_compounds_on_agent_nouns() -> None:
    # Webster's lacks `firefighters` and `peacekeepers`: a common word and a verb's `-er` noun.
    assert all(is_agent_compound(w) for w in ("Firefighters", "Peacekeepers", "coalminers", "Carmakers", "Steelmakers"))
    # not German surnames on a place element, nor an `-er` after a stem of three letters (`water`)
    assert not any(is_agent_compound(w) for w in ("Goldberger", "Spielberger", "Rosenthaler", "Hartwater"))
