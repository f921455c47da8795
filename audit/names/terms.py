"""Russian acronyms, institutions and titles with their English forms (package data tables).

`МИД` is `Foreign Ministry`, `ОДКБ` is `CSTO`, `Минобороны` is `Defence Ministry`, `Кремль`
is `the Kremlin`, `Патриарх` is a title: no romanisation relates these to the English, so
two tables list them (`data/ru_acronyms.tsv`: acronyms and compound abbreviations;
`data/ru_institutions.tsv`: institutions, titles, landmarks, holidays). Each row gives the
English forms a translation may use and the names it may add (`the Russian Foreign Ministry`
for `МИД`). Acronyms are looked up as written (`ГАЗ` the carmaker is not `газ`, gas), with
a case ending allowed (`МИДа`); other entries by their lemmas, so every case form matches
(`Совета Федерации`, `Госдуме`). Loaded once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from audit.names.russian import lemma_key, lemmas

TABLES = ("ru_acronyms.tsv", "ru_institutions.tsv")
KINDS = frozenset(
    ["state", "military", "foreign", "intl", "sports", "party", "media", "company", "region", "place", "term"]
    + ["institution", "title", "event", "work"]
)
# Kinds that are not names a translation must carry over.
NOT_NAMES = frozenset({"term", "title"})
# An acronym as written, with a Russian case ending (`МИДа`, `ЦБ`, `КамАЗом`, `ОПЕК+`).
_ACRONYM = re.compile(r"^([А-ЯЁ][А-ЯЁа-яё]*?[А-ЯЁ]\+?)(?:а|у|ом|е|ы|ов|ам|ами|ах)?$")


@functools.lru_cache(maxsize=65536)  # asked of each source word by several look-ups
def is_cyrillic_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and _ACRONYM.match(word) is not None


@dataclass(frozen=True, slots=True)
class Term:
    """One row: the Russian form, its English forms (usual first), names English may add, its kind."""

    russian: str
    english: tuple[str, ...]
    implied: tuple[str, ...]
    kind: str

    @property
    def is_name(self) -> bool:
        return self.kind not in NOT_NAMES


class RussianTerms:
    """The tables, indexed by acronym as written and by lemma key."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = tuple(terms)
        self._acronyms: dict[str, Term] = {}
        self._lemmas: dict[str, Term] = {}
        for term in terms:
            if is_cyrillic_acronym(term.russian) and " " not in term.russian:
                self._acronyms.setdefault(term.russian, term)
            else:
                self._lemmas.setdefault(lemma_key(term.russian), term)
                for key in _other_keys(term.russian):  # `Мёртвое море`: `море`, which pymorphy3 reads first as `мора`
                    self._lemmas.setdefault(key, term)
        self.longest = max((len(key.split()) for key in self._lemmas), default=1)
        # A row named after another and a country it is of (`Минфин США`: `Минфин`, United States).
        self._national: dict[tuple[str, str], Term] = {}
        for term in terms:
            head = term.russian.split(" ", 1)[0]
            if " " in term.russian and head != term.russian:
                for place in term.implied:
                    self._national.setdefault((head, place), term)
        # Each lemma key cut before each of its later words (`совет федерации`: `совет`).
        self._openings = frozenset(key[:i] for key in self._lemmas for i, char in enumerate(key) if char == " ")

        # Phrases repeat across a feed, and each look-up lemmatises every word of its phrase.
        self._memo = functools.lru_cache(maxsize=65536)(self._find)

    def lookup(self, text: str) -> Term | None:
        """The row for a word or phrase as it appears in a sentence, or None."""
        return self._memo(text)

    def national(self, term: Term, place: str) -> Term | None:
        """The row for a body of a row's kind in another country (`Минфин` of the United States:
        `Минфин США`, the Treasury), or None."""
        return self._national.get((term.russian, place))

    def longest_at(self, words: Sequence[str]) -> tuple[Term | None, int]:
        """The row of the longest phrase that opens `words` (each word as `lookup` reads a
        phrase of them), and how many words it takes (1 when none is a row).

        A phrase's lemma key is its words' keys joined, so the keys are built word by word, and
        a phrase is read on only while its key opens a longer row's (`opens_longer`).
        """
        if not words:
            return None, 1
        if not all(map(lemma_key, words)):  # a word with no letters to read, which `lookup` skips in a phrase
            return self._longest_by_lookup(words)
        keys = [lemma_key(words[0])]
        while len(keys) < len(words) and keys[-1] in self._openings:
            keys.append(f"{keys[-1]} {lemma_key(words[len(keys)])}")
        for size in range(len(keys), 1, -1):
            term = self._lemmas.get(keys[size - 1])
            if term is not None:
                return term, size
        return self.lookup(words[0]), 1

    def _longest_by_lookup(self, words: Sequence[str]) -> tuple[Term | None, int]:
        for size in range(len(words), 0, -1):
            term = self.lookup(" ".join(words[:size]))
            if term is not None:
                return term, size
        return None, 1

    def opens_longer(self, text: str) -> bool:
        """Whether a phrase is the start of a longer row: the phrase and more words may be one.

        A phrase's lemma key followed by a word's is the key of the two together, so no
        longer phrase is a row unless some row's key opens with this one's.
        """
        return lemma_key(text) in self._openings

    def _find(self, text: str) -> Term | None:
        if " " not in text and is_cyrillic_acronym(text):
            match = _ACRONYM.match(text)
            found = self._acronyms.get(text) or (self._acronyms.get(match.group(1)) if match else None)
            if found is not None:
                return found
        return self._lemmas.get(lemma_key(text)) or self._by_other_lemmas(text)

    def _by_other_lemmas(self, text: str) -> Term | None:
        """The row a phrase reaches through a word's other lemmas, where pymorphy3 reads the
        word first as another (`Мосбиржи`: `мосбиржи` before `мосбиржа`); a phrase's words
        are followed only while some row opens with them."""
        keys = [""]
        words = re.findall(r"[\w-]+", text)
        for position, word in enumerate(words):
            keys = [f"{key} {form}".strip() for key in keys for form in lemmas(word)]
            if position < len(words) - 1:
                keys = [key for key in keys if key in self._openings]
        return next((self._lemmas[key] for key in keys if key in self._lemmas), None)


def _other_keys(russian: str) -> list[str]:
    """A row's lemma keys through its words' second readings (`море`: `мора`, `море`)."""
    keys = [""]
    for word in re.findall(r"[\w-]+", russian):
        keys = [f"{key} {form}".strip() for key in keys for form in lemmas(word)[:2]]
    return keys


def read_table(text: str, name: str) -> list[Term]:
    """The rows of one table; a malformed row is a bug in the package data, so it raises."""
    terms = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[0] or not fields[1] or fields[3] not in KINDS:
            raise ValueError(f"{name}:{number}: expected RUSSIAN<TAB>ENGLISH|...<TAB>IMPLIED|...<TAB>KIND")
        russian, english, implied, kind = fields
        terms.append(Term(russian, tuple(english.split("|")), tuple(filter(None, implied.split("|"))), kind))
    return terms


@functools.lru_cache(maxsize=1)
def russian_terms() -> RussianTerms:
    terms: list[Term] = []
    for name in TABLES:
        terms.extend(read_table(files("audit.names").joinpath("data", name).read_text(encoding="utf-8"), name))
    return RussianTerms(terms)
