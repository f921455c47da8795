"""Which English words are common words, so that a capitalised run of them is a translated name.

`Ministry of Economy`, `World Cup` or `Cold War` are names a translator builds from ordinary
words; they have no spelling to carry over from the source. Webster's Second (through the
english-words package) lists common words in lower case and proper nouns capitalised, so
`ministry` and `navy` are common while `Singapore` or `Scholz` are not.
"""

from __future__ import annotations

import functools
import re

_SUFFIXES = re.compile(r"(?:ies|es|s|’s|'s)$")
# Adjectives of nationality or religion (`Iranian`, `Jewish`, `Moroccan`): translated, not carried over.
_DEMONYM = re.compile(r"(?:ian|ean|ish|ese|can|ian|ans|ians|eans|cans)$")


@functools.lru_cache(maxsize=1)
def _web2() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=False, alpha=True))


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(w for w in _web2() if w.islower())


def is_proper_noun(word: str) -> bool:
    """A word Webster's lists only capitalised: a given name, a place (`Markus`, `Madrid`)."""
    return len(word) >= 3 and word in _web2() and word.lower() not in _common()


def is_common_word(word: str) -> bool:
    """Whether `word`, in lower case and without a plural ending, is an ordinary English word."""
    lower = word.lower()
    common = _common()
    if lower in common:
        return True
    stem = _SUFFIXES.sub("", lower)
    return stem != lower and (stem in common or stem + "y" in common or stem + "e" in common)


def is_demonym(word: str) -> bool:
    """`Iranian`, `Jewish`, `Egyptians`: a capitalised adjective or noun of nationality."""
    return word[:1].isupper() and _DEMONYM.search(word) is not None and len(word) > 4
