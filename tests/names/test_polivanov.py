"""Japanese names in romanised Polivanov read back as Hepburn."""

import pytest

from audit.names.polivanov import hepburn_reading


@pytest.mark.parametrize(
    ("name", "hepburn"),
    [
        ("Sindziro Koidzumi", "Shinjiro Koizumi"),
        ("Dzyunitiro Koidzumi", "Junichiro Koizumi"),
        ("Sindzo Abe", "Shinzo Abe"),
    ],
)
def test_polivanov_names_read_as_hepburn(name: str, hepburn: str) -> None:
    assert hepburn_reading(name) == hepburn


@pytest.mark.parametrize(
    "name",
    [
        "Shinjiro Koizumi",  # Hepburn already
        "Fumio Kisida",  # no dz: too weak a sign alone
        "Koidzumi",  # one word
        "Eka Dzidzibadze",  # the Georgian -dze
        "Dzhokhar Tsarnaev",  # dzh is no Japanese syllable
        "Zviad Dzidziguri",
    ],
)
def test_other_names_have_no_reading(name: str) -> None:
    assert hepburn_reading(name) is None
