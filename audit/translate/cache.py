"""A SQLite cache of re-translations, so re-auditing an unchanged document makes no model call.

Rows are keyed by the translator's key (model id, revision, decoding parameters) and the
exact input text. The database runs in WAL mode with a busy timeout and writes with
`INSERT OR IGNORE` inside short immediate transactions, so two `mt-audit` processes can
read and fill the same cache at once: a translation is a pure function of its key, so
whichever process writes a row first wins and the other's identical row is dropped.
With `--no-cache`, `MemoryCache` serves sentences repeated across a feed for one run only.

A cache only saves time, so a fault in it must never cost a run its report: `ResilientCache`
wraps the database, and on any SQLite or OS error (a read-only or full disk, a cache path
that is a file, a corrupt or foreign file) notes it once and goes on in memory. A corrupt
database is moved aside and a fresh one started.

A second table holds what scoring computes from a (hypothesis, reference) pair (sacrebleu's
per-segment statistics, embedding cosines), keyed by the scorer's signature and a digest of
the pair, under the same discipline: scores too are pure functions of their key.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from audit.translate.base import Translator

FILENAME = "retranslations.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS retranslation (
    translator TEXT NOT NULL,
    digest TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (translator, digest)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS score (
    scorer TEXT NOT NULL,
    digest TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scorer, digest)
) WITHOUT ROWID;
"""
# How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 60.0
# SQLite's limit on host parameters is 32766 in current builds; stay far below it.
LOOKUP_CHUNK = 500


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mt-audit"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class TranslationCache:
    """Re-translations by (translator key, exact text); one connection per process and thread."""

    def __init__(self, directory: Path | str | None = None) -> None:
        folder = Path(directory) if directory is not None else default_cache_dir()
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "is not a directory", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILENAME
        self._local = threading.local()
        self._connection()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            _retry_locked(lambda: connection.execute("PRAGMA journal_mode=WAL"))
            connection.execute("PRAGMA synchronous=NORMAL")
            _retry_locked(lambda: connection.executescript(SCHEMA))
            self._local.connection = connection
        return connection

    def get_many(self, translator: str, texts: Iterable[str]) -> dict[str, str]:
        """The cached re-translations of those `texts` that have one."""
        wanted = {_digest(text): text for text in texts}
        found: dict[str, str] = {}
        digests = list(wanted)
        connection = self._connection()
        for i in range(0, len(digests), LOOKUP_CHUNK):
            chunk = digests[i : i + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT digest, source, target FROM retranslation WHERE translator = ? AND digest IN ({marks})",
                (translator, *chunk),
            )
            for digest, source, target in rows:
                if wanted.get(digest) == source:
                    found[source] = target
        return found

    def put_many(self, translator: str, pairs: Mapping[str, str]) -> None:
        if not pairs:
            return
        rows = [(translator, _digest(source), source, target) for source, target in pairs.items()]
        connection = self._connection()

        def write() -> None:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(
                    "INSERT OR IGNORE INTO retranslation (translator, digest, source, target) VALUES (?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

        _retry_locked(write)

    def get_scores(self, scorer: str, digests: Iterable[str]) -> dict[str, str]:
        """The stored values of those pair `digests` that have one under `scorer`."""
        wanted = list(dict.fromkeys(digests))
        found: dict[str, str] = {}
        connection = self._connection()
        for i in range(0, len(wanted), LOOKUP_CHUNK):
            chunk = wanted[i : i + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT digest, value FROM score WHERE scorer = ? AND digest IN ({marks})", (scorer, *chunk)
            )
            found.update(rows)
        return found

    def put_scores(self, scorer: str, rows: Mapping[str, str]) -> None:
        if not rows:
            return
        values = [(scorer, digest, value) for digest, value in rows.items()]
        connection = self._connection()

        def write() -> None:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany("INSERT OR IGNORE INTO score (scorer, digest, value) VALUES (?, ?, ?)", values)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

        _retry_locked(write)

    def count(self, translator: str | None = None) -> int:
        connection = self._connection()
        if translator is None:
            row = connection.execute("SELECT COUNT(*) FROM retranslation").fetchone()
        else:
            row = connection.execute(
                "SELECT COUNT(*) FROM retranslation WHERE translator = ?", (translator,)
            ).fetchone()
        return int(row[0])

    def close(self) -> None:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def _retry_locked(action: Callable[[], object], attempts: int = 20) -> None:
    """Run `action`, retrying while another process holds a lock the busy timeout did not cover.

    SQLite skips the busy handler in a few cases (switching to WAL, a deadlock between two
    deferred transactions), so those surface at once as "database is locked".
    """
    for attempt in range(attempts):
        try:
            action()
            return
        except sqlite3.OperationalError as exc:
            contended = "locked" in str(exc) or "busy" in str(exc)
            if not contended or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


_T = TypeVar("_T")
# What SQLite says of a file that is not a sound database of its own.
_CORRUPT = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
# The faults a cache can meet: SQLite's own, and the file system's (permissions, space, paths).
CacheFault = (sqlite3.Error, OSError)


class ResilientCache:
    """The SQLite cache while it works; after its first fault, memory for the rest of the run.

    `notes` say once what went wrong and what became of the file; the run reports them with
    its other notes. Every method has the signature of `TranslationCache`'s.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.folder = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.folder / FILENAME
        self.notes: list[str] = []
        self._memory = MemoryCache()
        self._database: TranslationCache | None = None
        try:
            self._database = TranslationCache(self.folder)
        except CacheFault as exc:
            moved = self._move_aside(exc)
            if moved is None:
                self._fault(exc)
                return
            try:
                self._database = TranslationCache(self.folder)
            except CacheFault as again:
                self._fault(again)
                return
            self.notes.append(
                f"re-translation cache {self.path} was corrupt ({_reason(exc)}); moved it to {moved} and started afresh"
            )

    @property
    def degraded(self) -> bool:
        """Whether the run has gone on without the database."""
        return self._database is None

    def get_many(self, translator: str, texts: Iterable[str]) -> dict[str, str]:
        texts = list(texts)
        return self._use(lambda cache: cache.get_many(translator, texts))

    def put_many(self, translator: str, pairs: Mapping[str, str]) -> None:
        self._use(lambda cache: cache.put_many(translator, pairs))

    def get_scores(self, scorer: str, digests: Iterable[str]) -> dict[str, str]:
        digests = list(digests)
        return self._use(lambda cache: cache.get_scores(scorer, digests))

    def put_scores(self, scorer: str, rows: Mapping[str, str]) -> None:
        self._use(lambda cache: cache.put_scores(scorer, rows))

    def count(self, translator: str | None = None) -> int:
        return self._use(lambda cache: cache.count(translator))

    def _use(self, call: Callable[[TranslationCache | MemoryCache], _T]) -> _T:
        """`call` on the database while it works; on memory from its first fault on."""
        if self._database is not None:
            try:
                return call(self._database)
            except CacheFault as exc:
                self._fault(exc)
        return call(self._memory)

    def close(self) -> None:
        if self._database is not None:
            try:
                self._database.close()
            except CacheFault:
                pass  # closing a database that already failed; the run is over for it
        self._memory.close()

    def _fault(self, exc: BaseException) -> None:
        """Go on in memory from now on; say why once (and move a corrupt file aside for the next run)."""
        database, self._database = self._database, None
        if database is not None:
            try:
                database.close()
            except CacheFault:
                pass  # it failed already; memory takes over either way
        moved = self._move_aside(exc)
        then = f"; moved it to {moved}, so the next run starts afresh" if moved else ""
        self.notes.append(
            f"re-translation cache unavailable: {self.path}: {_reason(exc)}{then}; "
            "this run goes on without it (nothing is cached); fix it or give another --cache-dir"
        )

    def _move_aside(self, exc: BaseException) -> Path | None:
        """Rename a corrupt database (with its journal files) out of the way; None when it is not corrupt."""
        if getattr(exc, "sqlite_errorname", None) not in _CORRUPT:
            return None
        aside = self.path.with_name(f"{FILENAME}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        for suffix in ("-wal", "-shm"):
            try:
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
            except OSError:
                pass  # no such journal file, most often
        return aside


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


# About 30 MB of sentence pairs at wire-copy sentence lengths.
DEFAULT_MAX_ENTRIES = 50_000


class MemoryCache:
    """Re-translations by (translator key, exact text), in memory, least recently used evicted."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._scores: OrderedDict[tuple[str, str], str] = OrderedDict()

    def get_many(self, translator: str, texts: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for text in texts:
            key = (translator, text)
            target = self._entries.get(key)
            if target is not None:
                self._entries.move_to_end(key)
                found[text] = target
        return found

    def put_many(self, translator: str, pairs: Mapping[str, str]) -> None:
        for source, target in pairs.items():
            self._entries[(translator, source)] = target
            self._entries.move_to_end((translator, source))
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def get_scores(self, scorer: str, digests: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for digest in digests:
            value = self._scores.get((scorer, digest))
            if value is not None:
                self._scores.move_to_end((scorer, digest))
                found[digest] = value
        return found

    def put_scores(self, scorer: str, rows: Mapping[str, str]) -> None:
        for digest, value in rows.items():
            self._scores.setdefault((scorer, digest), value)
            self._scores.move_to_end((scorer, digest))
        while len(self._scores) > self.max_entries:
            self._scores.popitem(last=False)

    def count(self, translator: str | None = None) -> int:
        if translator is None:
            return len(self._entries)
        return sum(1 for key, _ in self._entries if key == translator)

    def close(self) -> None:
        self._entries.clear()
        self._scores.clear()


class SentenceCache(Protocol):
    """What `CachedTranslator` needs of a cache: the SQLite one, or the in-memory one of `--no-cache`."""

    def get_many(self, translator: str, texts: Iterable[str]) -> dict[str, str]: ...

    def put_many(self, translator: str, pairs: Mapping[str, str]) -> None: ...


class CachedTranslator:
    """A `Translator` that serves repeated and cached inputs without calling its backend.

    Inputs are de-duplicated before the backend sees them, and only the misses are
    translated; the backend's answers are written back. With `--no-cache` the cache is a
    `MemoryCache`, so boilerplate repeated across a feed is still translated once.
    """

    def __init__(self, backend: Translator, cache: SentenceCache) -> None:
        self.backend = backend
        self.cache = cache
        self.hits = 0
        self.misses = 0

    @property
    def model_id(self) -> str:
        return self.backend.model_id

    @property
    def key(self) -> str:
        return self.backend.key

    def translate(self, texts: Sequence[str]) -> list[str]:
        distinct = list(dict.fromkeys(texts))
        known = self.cache.get_many(self.key, distinct)
        missing = [text for text in distinct if text not in known]
        self.hits += len(distinct) - len(missing)
        self.misses += len(missing)
        if missing:
            fresh = dict(zip(missing, self.backend.translate(missing), strict=True))
            self.cache.put_many(self.key, fresh)
            known.update(fresh)
        return [known[text] for text in texts]
