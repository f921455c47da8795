"""The Latin-script sources' tables of bodies and regions (package data): every row read."""

from __future__ import annotations

from importlib.resources import files

import pytest

from audit.names.latin_bodies import KINDS, TABLE, bodies, named_bodies, read_bodies
from audit.names.regions import european_region_rows, lies_in


def _rows(name: str) -> list[str]:
    text = files("audit.names").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_latin_bodies_every_row_reads_and_is_found_in_a_source() -> None:
    rows = read_bodies(files("audit.names").joinpath("data", TABLE).read_text(encoding="utf-8"))
    assert len(rows) == len(_rows(TABLE)) >= 150
    assert len({(row.form, lang) for row in rows for lang in row.langs}) == sum(len(row.langs) for row in rows)
    for row in rows:
        assert row.kind in KINDS and row.langs <= {"pl", "es", "de", "fr", "it", "cs"}, row.form
        assert all(form.strip() == form and form for form in (*row.english, *row.context)), row.form
        for lang in row.langs:
            assert bodies()[lang][row.form] == row
            english, context = named_bodies(f"Wie podała {row.form} w czwartek.", lang)
            assert set(row.english) <= set(english) and set(row.context) <= set(context), (row.form, lang)


def test_latin_bodies_malformed_row_names_its_line() -> None:
    with pytest.raises(ValueError, match="x.tsv:2"):
        read_bodies("# comment\nGUS\tpl\tStatistics Poland\tPoland\n", "x.tsv")


@pytest.mark.parametrize(
    ("source", "lang", "english"),
    [
        ("Dane GUS-u pokazują spadek.", "pl", "Statistics Poland"),  # an acronym under a hyphened case ending
        ("Przewodniczący Solidarności zapowiedział strajk.", "pl", "Solidarity"),  # a word under a case ending
        ("Niedersachsens Regierung tagt.", "de", "Lower Saxony"),  # a region's own name, genitive
        ("Śnieg w Wielkopolsce.", "pl", "Greater Poland"),
        ("Il governo riunito a Palazzo Chigi.", "it", "Palazzo Chigi"),
        ("Die Unionsfraktion stimmte zu.", "de", "CDU/CSU"),  # a German compound opened by a table form
        ("Die SPD-Fraktion stimmte zu.", "de", "Social Democrats"),
    ],
)
def test_latin_bodies_found_under_case_endings(source: str, lang: str, english: str) -> None:
    assert english in named_bodies(source, lang)[0]


def test_latin_bodies_only_in_their_language() -> None:
    assert bodies()["de"]["SPD"].english != bodies()["cs"]["SPD"].english  # Germany's Social Democrats, Czechia's Okamura party
    assert "Socialist Party" in named_bodies("Le PS et LR ont voté contre.", "fr")[0]
    assert "Socialist Party" not in named_bodies("Le PS et LR ont voté contre.", "pl")[0]


def test_every_european_region_row_is_the_region_of_its_city() -> None:
    rows = european_region_rows()
    assert len(rows) == len(_rows("eu_regions.tsv")) >= 80
    for region, country, _code, city, local in rows:
        assert country in {"PL", "ES", "DE", "FR", "IT", "CZ"} and local and all(local), region
        assert lies_in(city, region), region
