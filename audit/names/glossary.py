"""A glossary of canonical name spellings and the variants they replace.

The file is TSV or CSV, one name a line: the canonical spelling first, then known variants
(`Hayat Tahrir al-Sham<TAB>Khayyat Tahrir Al-Sham<TAB>HTS`). Blank lines and `#` comments
are skipped. Loaded once per path; a file that cannot be used is a ConfigError naming the
file and line.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from audit.errors import ConfigError
from audit.names.variants import content_key, name_key


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    variants: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Match:
    """A spelling the glossary has an opinion on: the canonical form, and why."""

    canonical: str
    listed: bool
    similarity: float


class Glossary:
    def __init__(self, entries: list[Entry], path: str = "<glossary>") -> None:
        self.entries = tuple(entries)
        self.path = path
        self._content_keys: list[str] = []
        self._content_entries: list[Entry] = []
        for entry in entries:
            for form in (entry.canonical, *entry.variants):
                self._content_keys.append(content_key(form))
                self._content_entries.append(entry)
        self._by_variant: dict[str, Entry] = {}
        for entry in entries:
            for variant in entry.variants:
                self._by_variant[variant.casefold()] = entry
                self._by_variant.setdefault(name_key(variant), entry)

    def lookup(self, spelling: str, threshold: float) -> Match | None:
        """The canonical name `spelling` is a variant or near-miss of; None if it is canonical or unknown."""
        folded = " ".join(spelling.split()).casefold()
        for entry in self.entries:
            if folded == entry.canonical.casefold():
                return None
        listed = self._by_variant.get(folded) or self._by_variant.get(name_key(spelling))
        if listed is not None:
            return Match(listed.canonical, True, 1.0)
        found = process.extractOne(
            content_key(spelling), self._content_keys, scorer=fuzz.token_sort_ratio, score_cutoff=threshold * 100
        )
        if found is None:
            return None
        best = self._content_entries[found[2]]
        if not _comparable(spelling, best):
            return None
        return Match(best.canonical, False, found[1] / 100.0)

    def canonical_of(self, spelling: str) -> str | None:
        """The canonical spelling for a canonical or listed spelling (exact, after folding)."""
        folded = spelling.casefold()
        for entry in self.entries:
            if folded == entry.canonical.casefold():
                return entry.canonical
        listed = self._by_variant.get(folded) or self._by_variant.get(name_key(spelling))
        return listed.canonical if listed else None


def _comparable(spelling: str, entry: Entry) -> bool:
    """A near-miss must be about as long as the name, not a word of it (`Tahrir`)."""
    words = len(spelling.split())
    return any(abs(len(form.split()) - words) <= 1 for form in (entry.canonical, *entry.variants))


def parse_glossary(text: str, path: str) -> Glossary:
    """Parse TSV (any line with a tab) or CSV text; raises ConfigError naming path:line."""
    entries: list[Entry] = []
    owner: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "\t" in line:
            fields = line.split("\t")
        else:
            try:
                fields = next(csv.reader(io.StringIO(line), skipinitialspace=True))
            except csv.Error as exc:
                raise ConfigError(
                    f"{path}:{number}: glossary line is not valid CSV ({exc}); fix or remove it"
                ) from None
        fields = [" ".join(f.split()) for f in fields]
        if number == 1 and fields[0].casefold() == "canonical":
            continue
        if not fields[0]:
            raise ConfigError(f"{path}:{number}: glossary line has no canonical name in its first field")
        variants = tuple(dict.fromkeys(f for f in fields[1:] if f and f != fields[0]))
        for form in (fields[0], *variants):
            earlier = owner.get(form.casefold())
            if earlier is not None and earlier != number:
                raise ConfigError(
                    f"{path}:{number}: glossary spelling {form!r} is already listed on line {earlier}; keep one"
                )
            owner[form.casefold()] = number
        entries.append(Entry(fields[0], variants, number))
    return Glossary(entries, path)


def load_glossary(path: str) -> Glossary:
    """Read and parse a glossary file once per file version.

    Keyed by the absolute path and the file's size and modification time, so a relative
    path in another working directory, or an edited file, is read afresh.
    """
    try:
        found = Path(path).resolve()
        stat = found.stat()
        version: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        found, version = Path(path), None
    return _load_glossary(str(found), version, path)


@functools.lru_cache(maxsize=16)
def _load_glossary(resolved: str, version: tuple[int, int] | None, path: str) -> Glossary:
    if Path(path).is_dir():
        raise ConfigError(f"{path}: is a directory; --glossary takes a TSV or CSV file")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such glossary file; check the --glossary path") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read glossary: {exc.strerror or exc}; check the --glossary path") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: glossary is not UTF-8; save it as UTF-8") from None
    return parse_glossary(text, path)


def resolve_glossary_path(glossary: str, origin: str | None) -> str:
    """The glossary path as given, or relative to the config file that named it."""
    given = Path(glossary)
    if given.is_absolute() or given.exists() or origin is None or origin == "command line":
        return str(given)
    beside = Path(origin).parent / given
    return str(beside) if beside.exists() else str(given)
