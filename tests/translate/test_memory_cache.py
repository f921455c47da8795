"""Feed-wide de-duplication without the persistent cache: `MemoryCache` behind `CachedTranslator`."""

from __future__ import annotations

from collections.abc import Sequence

from audit.translate.cache import CachedTranslator, MemoryCache


class CountingBackend:
    """Upper-cases its input and remembers every batch it was sent."""

    model_id = "counting"
    key = "counting@1"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.batches.append(list(texts))
        return [text.upper() for text in texts]


BOILERPLATE = "(banned in the Russian Federation)"


def test_memory_cache_serves_sentences_seen_in_earlier_chunks() -> None:
    backend = CountingBackend()
    translator = CachedTranslator(backend, MemoryCache())  # type: ignore[arg-type]
    first = translator.translate(["Konashenkov said.", BOILERPLATE, BOILERPLATE])
    second = translator.translate([BOILERPLATE, "He said.", "Konashenkov said."])
    assert first == ["KONASHENKOV SAID.", BOILERPLATE.upper(), BOILERPLATE.upper()]
    assert second == [BOILERPLATE.upper(), "HE SAID.", "KONASHENKOV SAID."]
    assert backend.batches == [["Konashenkov said.", BOILERPLATE], ["He said."]]
    assert translator.misses == 3 and translator.hits == 2


def test_memory_cache_keeps_translators_apart() -> None:
    cache = MemoryCache()
    cache.put_many("a", {"x": "1"})
    cache.put_many("b", {"x": "2"})
    assert cache.get_many("a", ["x", "y"]) == {"x": "1"}
    assert cache.get_many("b", ["x"]) == {"x": "2"}
    assert cache.count("a") == 1 and cache.count() == 2


def test_memory_cache_evicts_the_least_recently_used() -> None:
    cache = MemoryCache(max_entries=2)
    cache.put_many("m", {"one": "1", "two": "2"})
    assert cache.get_many("m", ["one"]) == {"one": "1"}
    cache.put_many("m", {"three": "3"})
    assert cache.get_many("m", ["one", "two", "three"]) == {"one": "1", "three": "3"}
    assert cache.count() == 2
