"""De-duplication across a whole feed when the persistent cache is off.

`CachedTranslator` already sends a chunk's distinct sentences to the backend once, and the
backends sort them by length into token-budget batches; the SQLite cache then serves
sentences seen in earlier chunks. With `--no-cache` nothing served those, so boilerplate
repeated across a feed (attributions, "(banned in the Russian Federation)") was translated
again in every chunk. `MemoryCache` has the cache's interface and lives only as long as
the run: sentences seen earlier in the feed are served from memory, nothing is written to
disk, and memory stays bounded (least recently used entries go first).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping

# About 30 MB of sentence pairs at wire-copy sentence lengths.
DEFAULT_MAX_ENTRIES = 50_000


class MemoryCache:
    """Re-translations by (translator key, exact text), in memory, least recently used evicted."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], str] = OrderedDict()

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

    def count(self, translator: str | None = None) -> int:
        if translator is None:
            return len(self._entries)
        return sum(1 for key, _ in self._entries if key == translator)

    def close(self) -> None:
        self._entries.clear()
