"""House spellings: how a newsroom spells names, learned from its own trusted copy.

`HouseLearner` reads edited English copy (any document stream) and counts each name spelling
the finder sees, in mentions and in documents; `house_names()` groups the spellings of one
name as N201 does and keeps the most used as the house spelling, the others as its known
variants. `write_house_names` writes them in the glossary's format (TSV: the house spelling,
then its variants, then a `# N mentions in M documents` comment field), so the file can be
read, edited and passed back as `--house-names` (or as a glossary).

`HouseNames` is that file loaded: `match(spelling)` says which house spelling a spelling is a
listed variant or a near miss of (after transliteration folding, spacing, a length-scaled
edit distance), through a deletion index, so a list of many thousands of names costs a few
dictionary lookups per spelling.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from audit.names.finder import MentionFinder, find_mentions
from audit.names.glossary import Glossary, load_glossary
from audit.names.variants import is_variant, name_core, near_probes, squashed_key, variant_clusters

# A spelling must be seen this often to become a house spelling (one sighting may be a slip).
MIN_MENTIONS = 2


@dataclass(frozen=True, slots=True)
class HouseName:
    """A house spelling, how often the archive used it, and the other spellings it replaces."""

    spelling: str
    mentions: int
    documents: int
    variants: tuple[str, ...] = ()


class HouseLearner:
    """Counts name spellings over trusted documents (streamed: one document at a time)."""

    def __init__(self, finder: MentionFinder = find_mentions) -> None:
        self.finder = finder
        self.documents = 0
        self._mentions: dict[str, int] = {}
        self._documents: dict[str, int] = {}

    def add(self, text: str) -> None:
        self.documents += 1
        seen: set[str] = set()
        for mention in self.finder(text):
            spelling = " ".join(mention.text[name_core(mention.text) :].split())
            if not spelling or not any(c.isalpha() for c in spelling):
                continue
            self._mentions[spelling] = self._mentions.get(spelling, 0) + 1
            if spelling not in seen:
                seen.add(spelling)
                self._documents[spelling] = self._documents.get(spelling, 0) + 1

    @property
    def mentions(self) -> int:
        return sum(self._mentions.values())

    def house_names(self, min_mentions: int = MIN_MENTIONS) -> list[HouseName]:
        """The house spellings, most used first, each with the variants the archive also used."""
        # Case alone is no other spelling (`Al-Qaeda` opening a sentence): one entry, its commonest case.
        by_case: dict[str, list[str]] = {}
        for spelling in self._mentions:
            by_case.setdefault(spelling.casefold(), []).append(spelling)
        mentions, documents = {}, {}
        for forms in by_case.values():
            main = max(forms, key=lambda s: (self._mentions[s], s))
            mentions[main] = sum(self._mentions[s] for s in forms)
            documents[main] = sum(self._documents[s] for s in forms)
        spellings = sorted(mentions, key=lambda s: (-mentions[s], s))
        grouped: set[str] = set()
        names = []
        for indices in variant_clusters(spellings):
            members = [spellings[i] for i in indices]
            house = min(members, key=lambda s: (-mentions[s], -documents[s], s))
            variants = tuple(m for m in members if m != house and is_variant(m, house))
            grouped.update(members)
            if mentions[house] >= min_mentions:
                total = sum(mentions[m] for m in members)
                names.append(HouseName(house, total, max(documents[m] for m in members), variants))
        for spelling in spellings:
            if spelling not in grouped and mentions[spelling] >= min_mentions:
                names.append(HouseName(spelling, mentions[spelling], documents[spelling]))
        names.sort(key=lambda n: (-n.mentions, n.spelling))
        return names


def write_house_names(out: TextIO, names: Iterable[HouseName], *, sources: str, documents: int) -> int:
    """Write house names in the glossary's TSV format; returns how many were written."""
    out.write(f"# mt-audit house names, learned from {sources} ({documents} documents)\n")
    out.write("# house spelling<TAB>variants the archive also used...<TAB># mentions and documents\n")
    written = 0
    for name in names:
        counts = f"# {_plural(name.mentions, 'mention')} in {_plural(name.documents, 'document')}"
        fields = [name.spelling, *name.variants, counts]
        out.write("\t".join(fields) + "\n")
        written += 1
    return written


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


@dataclass(frozen=True, slots=True)
class HouseMatch:
    """The house spelling a spelling is a variant of, and whether the house list names that variant."""

    spelling: str
    listed: bool


class HouseNames:
    """A loaded house list, indexed by folded key and by the deletion probes of each key."""

    def __init__(self, glossary: Glossary) -> None:
        self.path = glossary.path
        self._house: dict[str, str] = {}
        self._listed: dict[str, str] = {}
        self._by_key: dict[str, list[str]] = {}
        self._by_probe: dict[str, list[str]] = {}
        for entry in glossary.entries:
            self._house[entry.canonical.casefold()] = entry.canonical
            for variant in entry.variants:
                self._listed[variant.casefold()] = entry.canonical
            key = squashed_key(entry.canonical)
            self._by_key.setdefault(key, []).append(entry.canonical)
            for probe in near_probes(key):
                self._by_probe.setdefault(probe, []).append(entry.canonical)
        self._sizes = frozenset(len(e.canonical.split()) for e in glossary.entries)

    @property
    def word_counts(self) -> frozenset[int]:
        """How many words the house spellings have (which runs of a mention to look up)."""
        return self._sizes

    def is_house(self, spelling: str) -> bool:
        return spelling.casefold() in self._house

    def match(self, spelling: str) -> HouseMatch | None:
        """The house spelling `spelling` stands for, when it is not one itself."""
        folded = spelling.casefold()
        if folded in self._house:
            return None
        listed = self._listed.get(folded)
        if listed is not None:
            return HouseMatch(listed, True)
        key = squashed_key(spelling)
        candidates = [*self._by_key.get(key, ()), *(c for p in near_probes(key) for c in self._by_probe.get(p, ()))]
        for candidate in dict.fromkeys(candidates):
            if is_variant(spelling, candidate):
                return HouseMatch(candidate, False)
        return None


@functools.lru_cache(maxsize=8)
def load_house_names(path: str) -> HouseNames:
    """Read a house list once per path; a file that cannot be used is a ConfigError naming file and line."""
    return HouseNames(load_glossary(path, what="house names", option="--house-names"))


def windows(text: str, sizes: frozenset[int]) -> Iterator[tuple[int, int, str]]:
    """`text`, then its runs of words of the given lengths ending at its end, longest first:
    `Minister Sergei Schoigu` -> `Sergei Schoigu` -> `Schoigu` (titles and first names before a name)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == " "]
    for count in sorted({len(starts), *(s for s in sizes if s < len(starts))}, reverse=True):
        begin = starts[len(starts) - count]
        yield begin, len(text), text[begin:]
