"""Which place an English nationality word is of: `German` / `Germany`, `Syrian` / `Syria`.

A translation says `German Chancellor` for `канцлер Германии` and `Russia` for `российский`,
so a place and its demonym must count as one name. English forms most demonyms by a suffix
(`Syria` + `n`, `Japan` + `ese`, `Lebanon` -> `Lebanese`), many are CLDR language names of
the country's official language where it is at home (`Turkish`, `French`, `Dutch`; `Russian`
is not of Belarus, nor `Spanish` of Mexico), and a few are irregular
(`British`, `Swiss`). Places are CLDR's English territory names and their short forms.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from babel import Locale
from babel.core import get_global
from babel.languages import get_official_languages

from audit.names.exonyms import SHORT_FORMS

IRREGULAR: dict[str, tuple[str, ...]] = {
    "british": ("United Kingdom", "Britain"),
    "briton": ("United Kingdom", "Britain"),
    "swiss": ("Switzerland",),
    "emirati": ("United Arab Emirates",),
    "scottish": ("Scotland", "United Kingdom"),
    "scots": ("Scotland", "United Kingdom"),
    "welsh": ("Wales", "United Kingdom"),
    "english": ("England", "United Kingdom"),
    "irish": ("Ireland",),
    "soviet": ("Soviet Union", "USSR"),
    "belgian": ("Belgium",),
    "filipino": ("Philippines",),
    "philippine": ("Philippines",),
    "norwegian": ("Norway",),
    "danish": ("Denmark",),
    "us": ("United States", "America"),
    # Nationalities no suffix rule reaches from the country's CLDR name
    "ivorian": ("Côte d’Ivoire", "Ivory Coast"),
    "salvadoran": ("El Salvador",),
    "salvadorean": ("El Salvador",),
    "burkinabe": ("Burkina Faso",),
    "congolese": ("Congo - Kinshasa", "Congo - Brazzaville", "Congo"),
    "motswana": ("Botswana",),
    "batswana": ("Botswana",),
    "cypriot": ("Cyprus",),
    "monegasque": ("Monaco",),
    "basotho": ("Lesotho",),
    "mosotho": ("Lesotho",),
    "swazi": ("Eswatini",),
    "timorese": ("Timor-Leste",),
    "panamanian": ("Panama",),
    "peruvian": ("Peru",),
    "argentine": ("Argentina",),
    "trinidadian": ("Trinidad & Tobago",),
    "greenlandic": ("Greenland",),
    "sammarinese": ("San Marino",),
    "kosovar": ("Kosovo",),
    "kosovan": ("Kosovo",),
    "montenegrin": ("Montenegro",),
    "bosnian": ("Bosnia & Herzegovina",),
    "belarussian": ("Belarus",),
    "azeri": ("Azerbaijan",),
    "mozambican": ("Mozambique",),
    "nigerien": ("Niger",),
    "togolese": ("Togo",),
    "sahrawi": ("Western Sahara",),
    "seychellois": ("Seychelles",),
    "equatoguinean": ("Equatorial Guinea",),
}


def _forms(place: str, stems: bool = True) -> set[str]:
    """The demonyms a place's name gives by suffix: `syria` -> `syrian`; `lebanon` -> `lebanese`;
    and its bare stems (`thai` of `thailand`), which a word is read by but no demonym is made of."""
    p = place.lower()
    forms = {p + "n", p + "an", p + "ian", p + "i", p + "ese", p + "ish"}
    for cut in (1, 2, 3):
        stem = p[:-cut]
        if len(stem) >= 3:
            forms.update({stem + "an", stem + "ian", stem + "ean", stem + "ese", stem + "ish"})
            if stems:
                forms.add(stem)
    return forms


def _home_of(language: str, code: str, name: str, language_name: str) -> bool:
    """Whether a country's official language names its people too: in its home country (CLDR's
    likely territory: `French` of France, `Dutch` of the Netherlands) or one named after it
    (`Portuguese` of Portugal, `Korean` of both Koreas); not wherever it is spoken (`Russian` is
    not of Belarus, nor `Spanish` of Mexico)."""
    likely = get_global("likely_subtags").get(language.split("_")[0], "")
    if likely.rsplit("_", 1)[-1] == code:
        return True
    opening = language_name.lower()[:4]
    return any(word.startswith(opening) for word in name.lower().split())


@functools.lru_cache(maxsize=1)
def _demonym_index() -> dict[str, tuple[str, ...]]:
    """Demonym (lower case) -> English place names."""
    english = Locale("en")
    places: dict[str, set[str]] = defaultdict(set)
    names = {code: name for code, name in english.territories.items() if not code.isdigit()}
    # continents English names by a demonym too (`Asian Games`: `亚运会`, `African Union`); not
    # `American`, which is of the United States
    names.update({"150": "Europe", "142": "Asia", "002": "Africa"})
    for code, name in names.items():
        for form in _forms(name):
            places[form].add(name)
        for language in get_official_languages(code) if not code.isdigit() else ():
            language_name = english.languages.get(language.split("_")[0])
            if language_name and " " not in language_name and _home_of(language, code, name, language_name):
                places[language_name.lower()].add(name)
    for short, full in SHORT_FORMS.items():
        for form in _forms(short):
            places[form].update((short, full))
    for word, found in IRREGULAR.items():
        places[word].update(found)
    return {form: tuple(sorted(found)) for form, found in places.items()}


@functools.lru_cache(maxsize=4096)
def demonym_places(word: str) -> tuple[str, ...]:
    """The places a nationality word is of (`Turkish` -> `Turkey`, ...); empty when it is none."""
    lower = word.lower().removesuffix("’s").removesuffix("'s")
    index = _demonym_index()
    found = index.get(lower) or (index.get(lower[:-1]) if lower.endswith("s") else None)
    if found:
        return found
    if len(lower) < 4:
        return ()
    found = tuple(name for name, folded in _territories_by_prefix().get(lower[:4], ()) if folded.startswith(lower))
    return tuple(dict.fromkeys((*found, *(SHORT_FORMS[name] for name in found if name in SHORT_FORMS))))


@functools.lru_cache(maxsize=1)
def _territories_by_prefix() -> dict[str, tuple[tuple[str, str], ...]]:
    """CLDR's English territory names and their short forms (as listed, and in lower case) by
    their first four letters: the places a word of four letters or more may open (`Afghan` is
    of `Afghanistan`, `Saudi` of `Saudi Arabia`, `Turkey` of `Turkey`, CLDR's `Türkiye`),
    gathered once (babel's dict is slow to iterate)."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in (*Locale("en").territories.values(), *SHORT_FORMS):
        groups[name.lower()[:4]].append((name, name.lower()))
    return {start: tuple(group) for start, group in groups.items()}


@functools.lru_cache(maxsize=4096)
def demonyms_of(place: str) -> frozenset[str]:
    """The demonyms of a place (lower case), as `_demonym_index` reads them but without its bare
    stems: `Thailand`: `thai` (its language), `thailandi`, `thailandese`...; not `thail`."""
    names = (place, *(short for short, full in SHORT_FORMS.items() if full == place))  # `Burma` for `Myanmar`
    stems = {stem for name in names for stem in _forms(name) - _forms(name, stems=False)}
    return frozenset(form for form, places in _demonym_index().items() if place in places and form not in stems)


def is_demonym_of(word: str, place: str) -> bool:
    return place in demonym_places(word)
