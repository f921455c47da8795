"""Other names of one referent (`audit.names.referents`)."""

from __future__ import annotations

import pytest

from audit.names.referents import other_names


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Budapest", "Hungary"),  # a capital for its country
        ("Hungary", "Budapest"),
        ("Kiev", "Ukraine"),  # a capital in another spelling, by the gazetteer's English name
        ("Kremlin", "Moscow"),  # a seat of power for its city and country
        ("Kremlin", "Russia"),
        ("White House", "United States"),
        ("FSB", "Federal Security Service"),  # one row's English forms
        ("Federal Security Service", "FSB"),
        ("MFA", "Foreign Ministry"),  # a form only one row lists
        ("Bashkiria", "Bashkortostan"),  # a Russian republic's two English names, either way
        ("Bashkortostan", "Bashkiria"),
        ("Sakha", "Yakutia"),
    ],
)
def test_other_names_of_one_referent(name: str, other: str) -> None:
    assert other in other_names(name)


@pytest.mark.parametrize(
    ("name", "not_other"),
    [
        ("FSB", "Russia"),  # a body is not its country: only seats of power are
        ("Foreign Ministry", "France"),  # `Quai d'Orsay` lists it, but not as its usual form
        ("Istanbul", "Turkey"),  # no capital
    ],
)
def test_not_other_names(name: str, not_other: str) -> None:
    assert not_other not in other_names(name)


def test_a_form_many_rows_list_names_none() -> None:
    assert other_names("parliament") == ()
