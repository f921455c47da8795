"""The English acronym and abbreviation table (`data/en_abbreviations.tsv`)."""

from __future__ import annotations

from audit.names.abbreviations import abbreviations_of, equivalents, expansions, is_short_form


def test_abbreviations_short_and_written_out_forms_by_folded_key() -> None:
    assert expansions("U.S.")[0] == "United States" and expansions("sept.") == ("September",)
    assert "UK" in abbreviations_of("united kingdom") and expansions("Lavrov") == ()


def test_abbreviations_two_short_forms_of_one_name_are_equivalent() -> None:
    assert {"US", "America", "United States"} <= set(equivalents("USA"))
    assert "Britain" in equivalents("UK") and "UK" in equivalents("Britain")
    assert equivalents("Konashenkov") == () and "USA" not in equivalents("USA")


def test_abbreviations_short_form_is_in_capitals() -> None:
    assert is_short_form("U.S.") and is_short_form("EU") and not is_short_form("us") and not is_short_form("Sept.")


def test_abbreviations_names_only_leaves_out_terms_and_months() -> None:
    assert expansions("UN", names_only=True) == ("United Nations",)
    assert expansions("TV", names_only=True) == () and expansions("TV") == ("television",)
    assert expansions("Sept.", names_only=True) == ()
