"""The Russian term tables (package data): every row read, and the rows the issue names."""

from __future__ import annotations

from importlib.resources import files

import pytest

from audit.names.terms import KINDS, TABLES, read_table, russian_terms


def _rows(name: str) -> list[str]:
    text = files("audit.names").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", TABLES)
def test_terms_every_row_reads_and_is_found(name: str) -> None:
    text = files("audit.names").joinpath("data", name).read_text(encoding="utf-8")
    terms = read_table(text, name)
    assert len(terms) == len(_rows(name))
    table = russian_terms()
    for term in terms:
        assert term.kind in KINDS
        assert all(form.strip() == form and form for form in term.english), term
        found = table.lookup(term.russian)
        assert found is not None and found.russian == term.russian, term.russian


def test_terms_acronym_table_is_large_and_unique() -> None:
    rows = _rows("ru_acronyms.tsv")
    keys = [row.split("\t")[0] for row in rows]
    assert len(rows) >= 150
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("МИД", "Foreign Ministry"),
        ("МЧС", "Emergencies Ministry"),
        ("ОДКБ", "CSTO"),
        ("ЦБ", "Central Bank"),
        ("РЖД", "Russian Railways"),
        ("ООН", "UN"),
        ("ФСБ", "FSB"),
        ("СНГ", "CIS"),
        ("КХЛ", "KHL"),
        ("Минобороны", "Defence Ministry"),
        ("Госдуме", "State Duma"),
        ("Кремле", "Kremlin"),
        ("Совета Федерации", "Federation Council"),
        ("МИДа", "Foreign Ministry"),
        ("ВМС", "Navy"),  # of any country: `ВМС Украины`, `ВМС США`
        ("ЧФ", "Black Sea Fleet"),
        ("ЮВО", "Southern Military District"),
        ("Сикстинской капелле", "Sistine Chapel"),  # landmarks Russian names in its own words
        ("Стены Плача", "Western Wall"),
        ("ПМЭФ", "St Petersburg International Economic Forum"),  # forums and shows by their acronyms
        ("ВЭФ", "Eastern Economic Forum"),
        ("Минторга США", "Commerce Department"),  # other countries' ministries (`Минторг США`)
        ("Минфин Великобритании", "Treasury"),
        ("Мажилиса", "Mazhilis"),  # other countries' parliaments
        ("Палате общин", "House of Commons"),
        ("Общественной палаты", "Civic Chamber"),
        ("авиалиний", "Airlines"),  # words of company names English translates
        ("СПГ", "LNG"),
        ("ВМО", "World Meteorological Organization"),  # UN agencies and regional bodies
        ("ССАГПЗ", "Gulf Cooperation Council"),
        ("Рийгикогу", "Riigikogu"),  # parliaments, residences, bodies of the sky
        ("Кокё", "Imperial Palace"),
        ("Землю", "Earth"),
    ],
)
def test_terms_issue_rows(russian: str, english: str) -> None:
    term = russian_terms().lookup(russian)
    assert term is not None and english in term.english


def test_terms_acronym_as_written_not_the_common_word() -> None:
    assert russian_terms().lookup("ГАЗ") is not None
    assert russian_terms().lookup("газ") is None


def test_terms_titles_and_terms_are_not_names() -> None:
    assert not russian_terms().lookup("Патриарх").is_name  # type: ignore[union-attr]
    assert not russian_terms().lookup("ДТП").is_name  # type: ignore[union-attr]


def test_terms_malformed_row_names_the_table_and_line() -> None:
    with pytest.raises(ValueError, match="t.tsv:2"):
        read_table("# comment\nМИД\tForeign Ministry\n", "t.tsv")


def test_terms_opens_longer_only_for_the_start_of_a_row() -> None:
    terms = russian_terms()
    assert terms.lookup("Министерства иностранных дел") is not None
    assert terms.opens_longer("Министерства")  # inflected: the key is the lemmas'
    assert terms.opens_longer("Министерства иностранных")
    assert not terms.opens_longer("Министерства иностранных дел")
    assert not terms.opens_longer("вчера")


@pytest.mark.parametrize(
    ("phrase", "russian"),
    [
        ("Мёртвого моря", "Мёртвое море"),  # the row's `море` pymorphy3 reads first as `мора`
        ("Дарданелл", "Дарданеллы"),
        ("Сухопутных войск", "Сухопутные войска"),
    ],
)
def test_terms_rows_found_through_a_word_s_other_readings(phrase: str, russian: str) -> None:
    found = russian_terms().lookup(phrase)
    assert found is not None and found.russian == russian


def test_terms_other_readings_find_no_row_for_an_ordinary_phrase() -> None:
    assert russian_terms().lookup("морская вода") is None
    assert russian_terms().lookup("воздушные шары") is None


def test_terms_longest_at_takes_the_longest_row_as_phrase_lookups_do() -> None:
    terms = russian_terms()
    longest = terms.lookup("Министерства иностранных дел")
    assert terms.longest_at(["Министерства", "иностранных", "дел", "России"]) == (longest, 3)
    assert terms.longest_at(["МИДа", "России"]) == (terms.lookup("МИДа"), 1)  # an acronym as written
    assert terms.longest_at(["вчера", "вечером"]) == (None, 1)
    # every row, inflected or not, and each row followed by a word: the answer of a lookup per phrase
    for term in terms.terms:
        words = [*term.russian.split(), "вчера"]
        expected = next(
            ((found, size) for size in range(len(words), 0, -1) if (found := terms.lookup(" ".join(words[:size])))),
            (None, 1),
        )
        assert terms.longest_at(words) == expected, term.russian


def test_terms_national_row_of_a_body_in_another_country() -> None:
    """`Минфин` of the United States is the row `Минфин США` (the Treasury); no row, none."""
    terms = russian_terms()
    finance = terms.lookup("Минфин")
    assert finance is not None
    national = terms.national(finance, "United States")
    assert national is not None and "Treasury" in national.english
    assert terms.national(finance, "Mongolia") is None
