"""Source names (Cyrillic, Latin-script and mixed sources) and their counterparts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.names.exonyms import given_name_forms
from audit.names.source import (
    TokenIndex,
    glosses_written_name,
    is_generic_key,
    is_translatable,
    is_translated_name,
    may_translate,
    missing_words,
    resembling_word,
    script_of,
    source_names,
)
from audit.names.translit import SCHEMES, romanise, schemes, transliterate
from audit.names.variants import name_key

ROWS = [
    line.split("\t")
    for line in (Path(__file__).parents[1] / "data" / "names_ru.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("russian", "carried", "replaced"), ROWS, ids=[row[0] for row in ROWS])
def test_source_russian_names_found_under_every_scheme(russian: str, carried: str, replaced: str) -> None:
    for english in carried.split("|"):
        index = TokenIndex(f"The report mentions {english} twice.", "en")
        assert index.has_name(russian, "ru"), (russian, english)
        source_index = TokenIndex(f"В докладе упоминается {russian}.", "ru")
        assert not missing_words(english, source_index), (english, russian)
    assert not TokenIndex(f"The report mentions {replaced}.", "en").has_name(russian, "ru")


def test_source_russian_names_found_in_running_text() -> None:
    source = "Официальный представитель Минобороны России генерал-майор Игорь Конашенков заявил в среду."
    names = [n.text for n in source_names(source, "ru")]
    assert "Игорь Конашенков" in names
    assert all(source[n.start : n.end] == n.text for n in source_names(source, "ru"))


def test_source_inflected_russian_names_match() -> None:
    index = TokenIndex("Igor Konashenkov and Sergei Lavrov spoke in Moscow.", "en")
    for inflected in ("Конашенкова", "Лаврову", "Москве"):
        assert index.has_name(inflected, "ru"), inflected


def test_source_latin_names_compare_directly_with_diacritics_folded() -> None:
    source = "Schetyna stwierdził, że Jarosław Kaczyński i Mateusz Morawiecki boją się debaty."
    names = [n.text for n in source_names(source, "pl")]
    assert names == ["Jarosław Kaczyński", "Mateusz Morawiecki"]
    index = TokenIndex("Schetyna said Jaroslaw Kaczynski is afraid to debate.", "en")
    assert index.has_name("Jarosław Kaczyński", "pl")
    assert not index.has_name("Mateusz Morawiecki", "pl")


def test_source_german_nouns_are_not_names() -> None:
    source = "Ersten Ermittlungen zufolge wurde die Kontrolle der Unterkünfte verschärft, sagte Markus Söder in Berlin."
    names = [n.text for n in source_names(source, "de")]
    assert "Markus Söder" in names and "Berlin" in names
    assert not any("Kontrolle" in n or "Ermittlungen" in n or "Unterkünfte" in n for n in names)


def test_source_mixed_script_source_keeps_both() -> None:
    source = "Компания Gazprom Neft и Роснефть подписали соглашение с BP в Лондоне."
    index = TokenIndex(source, "ru")
    for english in ("Gazprom Neft", "Rosneft", "BP", "London"):
        assert not missing_words(english, index), english
    assert missing_words("Lukoil", index) == ["Lukoil"]


def test_source_other_scripts_offer_only_their_latin_words() -> None:
    source = "上个月，总统委员会建议前任 CEP 辞职。"
    assert script_of(source) == "other"
    assert [n.text for n in source_names(source, "zh")] == ["CEP"]


def test_source_exonyms_and_acronyms_across_languages() -> None:
    assert TokenIndex("in South Africa, the UN said", "en").has_name("Südafrika", "de")
    assert TokenIndex("in South Africa, the UN said", "en").has_name("ONZ", "pl")
    assert not missing_words("Warsaw", TokenIndex("spotkanie w Warszawie", "pl"))
    assert not missing_words("United Nations", TokenIndex("Organizacja Narodów Zjednoczonych (ONZ)", "pl"))


def test_source_halves_of_a_territory_cldr_names_as_two_are_places_each() -> None:
    # `Svalbard & Jan Mayen`: `Шпицберген и Ян-Майен`, `Špicberky a Jan Mayen`
    assert TokenIndex("Russian trawlers called at Svalbard", "en").has_name("Шпицберген", "ru")
    assert not missing_words("Svalbard", TokenIndex("суда зашли на Шпицберген", "ru"))
    assert not missing_words("St. Kitts", TokenIndex("na Svatém Kryštofu", "cs"))
    assert missing_words("Jan Mayen", TokenIndex("суда зашли на Шпицберген", "ru"))
    assert not TokenIndex("Russian trawlers called at Jan Mayen", "en").has_name("Шпицберген", "ru")


def test_translit_schemes_differ_where_they_should() -> None:
    assert transliterate("Хайят", "bgn-pcgn") == "Khayyat"
    assert transliterate("Хайят", "iso9") == "Hajât"
    assert transliterate("Дзержинский", "english") == "Dzerzhinsky"
    assert "Kiiv" in romanise("Київ", "uk")
    assert romanise("Kaczyński", "pl")[:2] == ("Kaczyński", "kachyński")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЕЁЙЫЭЮЯЬЪ -'.«»1x", max_size=14))
def test_translit_schemes_read_as_iuliia_reads_them(text: str) -> None:
    """`Scheme` is iuliia's rules in fewer steps: every text comes out as iuliia writes it,
    letters a neighbour changes (`подъезд`, `Ёж`, an opening `Е`) and word endings (`-ий`) included."""
    for schema, scheme in zip(SCHEMES.values(), schemes(), strict=True):
        for case in (text, "подъезд Объём Ёж ЕЁ Ее ее ий ЫЙ аий Дзержинский Хайят"):
            assert scheme.translate(case) == schema.translate(case)


def test_source_given_names_pair_across_languages() -> None:
    assert TokenIndex("In 1981 John Paul II was a great authority.", "en").has_name("Jan Paweł", "pl")
    assert not TokenIndex("In 1981 George Paul was a great authority.", "en").has_name("Jan", "pl")
    assert given_name_forms(name_key("Pawła")) >= {name_key("Paul")}
    assert not missing_words("John", TokenIndex("Rozmawiał z Janem Kowalskim.", "pl"))
    assert missing_words("Stephen", TokenIndex("Rozmawiał z Janem Kowalskim.", "pl")) == ["Stephen"]



def test_source_issue10_hebrew_given_names_in_their_english_forms() -> None:
    """English writes an Israeli's given name as the Bible does or as he spells it (`Ицхак`:
    `Isaac`, `Yitzhak`; `Моше`: `Moshe`, `Moses`); another given name is still missing."""
    index = TokenIndex("Ицхак Герцог прибыл в Берлин.", "ru")
    assert not missing_words("Isaac Herzog", index, "Isaac Herzog arrived in Berlin.")
    assert not missing_words("Yitzhak", index)
    rabin = TokenIndex("Ицхак Рабин прибыл в Берлин.", "ru")
    assert not missing_words("Yitzhak Rabin", rabin, "Yitzhak Rabin arrived in Berlin.")
    assert missing_words("Shimon Rabin", rabin, "Shimon Rabin arrived in Berlin.") == ["Shimon"]
    assert given_name_forms(name_key("Binyamin")) >= {name_key("Benjamin")}


def test_source_translated_names() -> None:
    assert is_translated_name("Polish Football Association", "pl") and is_translated_name("Cold War", "es")
    assert not is_translated_name("US Supreme Court", "pl") and not is_translated_name("Donald Trump", "pl")
    assert is_translatable("Dzień Niepodległości", "pl") and is_translatable("MSWiA", "pl")
    assert not is_translatable("FIFA", "pl") and not is_translatable("Stanach Zjednoczonych", "pl")
    assert may_translate("MSWiA", "Ministry of Interior and Administration")
    assert not may_translate("MSWiA", "Institute of Health Information")
    assert may_translate("Procuraduría General", "Attorney General's Office")


def test_source_spelt_out_acronyms() -> None:
    assert TokenIndex("Kontroler przypomina pilot do telewizora.", "pl").spells_out("TV")
    assert not TokenIndex("La asociación Mangola.", "es").spells_out("LPG")


def test_source_german_keeps_english_names_and_repeated_words() -> None:
    source = "Green wurde im Londoner Stadtteil Bethnal Green geboren; das National Hurricane Center warnte."
    names = [n.text for n in source_names(source, "de")]
    assert "National Hurricane Center" in names and "Green" in names
    assert "Die Kontrolle" not in [n.text for n in source_names("Sie sagte, Die Kontrolle sei streng.", "de")]


def test_source_titles_in_other_spellings_do_not_identify_a_name() -> None:
    index = TokenIndex("US President Conte arrived in Singapore.", "en")
    assert not index.has_name("Präsident George W", "de")
    assert index.has_name("Präsident Conte", "de")
    assert is_generic_key(name_key("Prezydent")) and not is_generic_key(name_key("Morawiecki"))


def test_source_proper_nouns_count_even_when_a_common_word_looks_alike() -> None:
    index = TokenIndex("Ein Mitglied einer Gruppe gab einen Schuss ab.", "de")
    assert missing_words("James", index) == ["James"]
    assert missing_words("the Greens", index) == []


def test_source_roman_ordinals_and_thin_spaces_are_not_names() -> None:
    assert source_names("Le style a connu son apogée entre le XIe siècle et le XIVe siècle.", "fr") == []
    assert source_names("Elles ont été baptisées «\u2009Les sept sœurs\u2009».", "fr") == []
    assert [n.text for n in source_names("la visite de De Gaulle à Paris", "fr")] == ["De Gaulle", "Paris"]


def test_source_acronyms_inside_words_and_written_out() -> None:
    assert not missing_words("GDP", TokenIndex("Emissionen pro BIP-Einheit bis 2020.", "de"))
    assert not missing_words("UK", TokenIndex("Glitter ritornò nel Regno Unito lo scorso mese.", "it"))
    assert TokenIndex("Glitter returned to the UK last month.", "en").has_name("Regno Unito", "it")
    assert missing_words("UK", TokenIndex("Glitter ritornò in Francia lo scorso mese.", "it")) == ["UK"]


def test_source_short_forms_and_quoted_abbreviations() -> None:
    assert not missing_words("Falklands", TokenIndex("l’argent des Malouines en dehors des îles", "fr"))
    assert missing_words("Falklands", TokenIndex("l’argent des Canaries en dehors des îles", "fr")) == ["Falklands"]
    assert not missing_words("Rzeczpospolita", TokenIndex("Jak zauważa „Rz”, budżet to 103 mld zł.", "pl"))
    assert missing_words("Rzeczpospolita", TokenIndex("Jak zauważa „GW”, budżet to 103 mld zł.", "pl")) == [
        "Rzeczpospolita"
    ]


def test_source_names_that_open_a_sentence() -> None:
    names = [n.text for n in source_names("Neckermann Reisen ha annunciato un aumento.", "it")]
    assert names == ["Neckermann Reisen"]
    assert [n.text for n in source_names("Madagaskar ist bei Weitem die Größte.", "de")] == ["Madagaskar"]
    assert [n.text for n in source_names("Pedro dijo que Como era bonito.", "es")] == ["Pedro", "Como"]
    assert source_names("Como dijo ayer. Esto es bueno.", "es") == []
    assert source_names("La Rivoluzione francese fu una fonte di ispirazione.", "it")[0].text == "La Rivoluzione"


def test_source_issue10_missing_words_of_added_initials() -> None:
    index = TokenIndex("Вэнс прибыл в Женеву.", "ru")
    assert missing_words("JD Vance", index, "JD Vance arrived in Geneva.") == []
    assert missing_words("J.D. Vance", index, "J.D. Vance arrived in Geneva.") == []
    assert missing_words("EU Vance", index, "EU Vance arrived in Geneva.") == ["EU"]  # abbreviates something
    # initials for a given name the source writes otherwise
    assert missing_words("AV Lavrov", TokenIndex("Сергей Лавров прибыл.", "ru"), "AV Lavrov arrived.") == ["AV"]


@pytest.mark.parametrize(
    ("text", "glosses"),
    [
        ("Federal Security Service (FSB) Director Alexander Bortnikov", True),  # a table row's forms
        ("the Collective Security Treaty Organization (CSTO) met", True),  # initials
        ("the United Nations (UN) said", True),
        ("Tokyo Electric Power Company Holdings (TEPCO) said", True),  # letters of words, a last word over
        ("the Japan International Cooperation Agency (JICA) said", True),
        ("the Federal Protective Service (FSO) said", True),
        ("the Federal Security Service (FSO) said", False),  # no `o` to spell it with
        ("the Foreign Intelligence Service (FSB) said", False),  # another body's name
        ("Bortnikov (FSB) said", False),
        ("the Federal Security Service, FSB, said", False),  # not in parentheses
    ],
)
def test_source_issue10_acronym_after_the_name_it_abbreviates(text: str, glosses: bool) -> None:
    start = text.index("FSB") if "FSB" in text else text.index("(") + 1
    end = start + len(re.match(r"[A-Z]+", text[start:]).group())  # type: ignore[union-attr]
    assert glosses_written_name(text, start, end) is glosses


def test_source_a_name_in_its_other_english_shape() -> None:
    """An acronym the source writes out, a name it gives as its acronym, a nationality whose
    country it names (a German genitive too) are in the source; not where it names none."""
    cases = [
        ("Země Evropské unie se dohodly na společných standardech.", "cs", "EU"),
        ("La France est le septième pays de l’UE à subir le virus.", "fr", "European Union"),
        ("Flick will seine Stars auf dem Weg in Portugals Hauptstadt sehen.", "de", "Portuguese"),
        ("Los países de la OTAN se reunieron en Bruselas.", "es", "North Atlantic Treaty Organization"),
    ]
    for source, lang, english in cases:
        assert missing_words(english, TokenIndex(source, lang)) == [], english
    assert missing_words("Portuguese", TokenIndex("Flick will seine Stars in Spaniens Hauptstadt sehen.", "de"))
    assert missing_words("EU", TokenIndex("Die Staaten der Afrikanischen Union einigten sich.", "de"))


def test_source_an_acronym_in_the_possessive_is_the_acronym() -> None:
    assert TokenIndex("The final episode of NHK's drama will air.", "en").has_name("NHK", "ja")
    assert not TokenIndex("The final episode of BBC's drama will air.", "en").has_name("NHK", "ja")


def test_source_romanised_in_one_pass_per_language() -> None:
    """Each language's letters are read once (`tsch` is `ch`, never read again as `kh`), and
    Spanish, French and Italian spell foreign names their own way."""
    assert "khrushchov" in romanise("Chruschtschow", "de") and "chaikovski" in romanise("Tschaikowski", "de")
    assert "khrushchov" in romanise("Jrushchov", "es")
    assert "shostakovich" in romanise("Chostakovitch", "fr") and "yuri" in romanise("Youri", "fr")
    assert "geddafi" in romanise("Gheddafi", "it") and "khrushchyov" in romanise("Chruščëv", "it")
    assert romanise("Madrid", "es") == ("Madrid",)  # nothing to respell: no other spelling


def test_source_names_in_a_language_without_case_endings_are_not_split_at_a_place_s_inflected_form() -> None:
    """Spanish puts no endings on names: `Vacker` is not `Wake` with one, and `Barry Vacker`
    stays one name; Polish does (`Warszawie`: Warsaw)."""
    names = [n.text for n in source_names("En Temple, el profesor adjunto Barry Vacker está impartiendo el curso.", "es")]
    assert "Barry Vacker" in names
    names = [n.text for n in source_names("Wczoraj premier Donald Tusk mówił w Warszawie o budżecie.", "pl")]
    assert "Donald Tusk" in names and "Warszawie" in names


def test_source_resembling_word_is_a_name_no_table_pairs() -> None:
    """A one-word place whose source form sounds like it (`Baviera`, `Sizilien`) is found; not a
    person's name, a word known as another name, a common English word, nor a sentence's first word."""
    assert resembling_word("Bavaria", "en", "Ieri si è parlato della Baviera a lungo.", "it", "About Bavaria.", "en") == "Baviera"
    assert resembling_word("Sicily", "en", "Gestern sprach man lange über Sizilien.", "de", "About Sicily.", "en") == "Sizilien"
    assert resembling_word("Carla Moretti", "en", "Ieri ha parlato Carlo Morelli.", "it", "Carla Moretti.", "en") is None
    assert resembling_word("Netherlands", "en", "Der Wind in Neuseeland wehte.", "de", "Wind in Netherlands.", "en") is None
    assert resembling_word("Asunción", "de", "Since then, Paraguay has kept it.", "en", "Seit Asunción hat Paraguay.", "de") is None
