"""The SQLite re-translation cache: keys, de-duplication, and two processes writing at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from audit.translate.cache import CachedTranslator, MemoryCache, TranslationCache

ROOT = Path(__file__).resolve().parents[2]


class CountingBackend:
    """A stand-in backend that upper-cases and records what it was asked."""

    def __init__(self, key: str = "fake@1|beam=1") -> None:
        self._key = key
        self.batches: list[list[str]] = []

    @property
    def model_id(self) -> str:
        return "fake"

    @property
    def key(self) -> str:
        return self._key

    def translate(self, texts: Sequence[str]) -> list[str]:
        self.batches.append(list(texts))
        return [t.upper() for t in texts]


def test_cache_returns_only_what_was_stored_for_that_key(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put_many("model-a", {"Привет": "Hello", "Мир": "World"})
    assert cache.get_many("model-a", ["Привет", "Мир", "Нет"]) == {"Привет": "Hello", "Мир": "World"}
    assert cache.get_many("model-b", ["Привет"]) == {}
    assert cache.count() == 2


def test_cache_keys_the_exact_text(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put_many("m", {"He said.": "A"})
    assert cache.get_many("m", ["He said. ", "he said.", "He said."]) == {"He said.": "A"}


def test_cache_survives_reopening(tmp_path: Path) -> None:
    TranslationCache(tmp_path).put_many("m", {"x": "y"})
    assert TranslationCache(tmp_path).get_many("m", ["x"]) == {"x": "y"}


def test_cached_translator_deduplicates_and_serves_repeats_from_the_cache(tmp_path: Path) -> None:
    backend = CountingBackend()
    translator = CachedTranslator(backend, TranslationCache(tmp_path))
    assert translator.translate(["a", "b", "a"]) == ["A", "B", "A"]
    assert backend.batches == [["a", "b"]]
    again = CachedTranslator(CountingBackend(), TranslationCache(tmp_path))
    assert again.translate(["b", "a", "c"]) == ["B", "A", "C"]
    assert again.backend.batches == [["c"]]  # type: ignore[attr-defined]
    assert (again.hits, again.misses) == (2, 1)


def test_cached_translator_in_memory_deduplicates_across_calls() -> None:
    backend = CountingBackend()
    translator = CachedTranslator(backend, MemoryCache())
    assert translator.translate(["x", "x", "y"]) == ["X", "X", "Y"]
    assert translator.translate(["y", "z"]) == ["Y", "Z"]
    assert backend.batches == [["x", "y"], ["z"]]


def test_cached_translator_keys_by_backend_key(tmp_path: Path) -> None:
    CachedTranslator(CountingBackend("m@1|beam=4"), TranslationCache(tmp_path)).translate(["a"])
    other = CountingBackend("m@1|beam=1")
    CachedTranslator(other, TranslationCache(tmp_path)).translate(["a"])
    assert other.batches == [["a"]]


WRITER = textwrap.dedent(
    """
    import sys
    from audit.translate.cache import TranslationCache
    folder, name, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cache = TranslationCache(folder)
    for batch in range(40):
        rows = {f"sentence {i}": f"{name} {i}" for i in range(start + batch * 10, start + batch * 10 + 10)}
        cache.put_many("shared-model", rows)
        cache.get_many("shared-model", list(rows))
    print(cache.count("shared-model"))
    """
)


def test_cache_two_processes_writing_at_once(tmp_path: Path) -> None:
    """Overlapping rows from two processes: no lock error, every row once, first writer wins."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    folder = tmp_path / "cache"
    folder.mkdir()
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(folder), name, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, start in (("first", 0), ("second", 200))
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    cache = TranslationCache(folder)
    # 0..399 from the first, 200..599 from the second: 600 distinct rows.
    assert cache.count("shared-model") == 600
    found = cache.get_many("shared-model", [f"sentence {i}" for i in range(600)])
    assert len(found) == 600
    assert found["sentence 0"] == "first 0" and found["sentence 599"] == "second 599"
    assert found["sentence 300"] in ("first 300", "second 300")


def test_scores_live_beside_translations_keyed_by_scorer(tmp_path: Path) -> None:
    for cache in (TranslationCache(tmp_path), MemoryCache()):
        cache.put_many("model-a", {"Привет": "Hello"})
        cache.put_scores("stats|v1", {"d1": "[1,2]", "d2": "[3]"})
        cache.put_scores("stats|v1", {"d1": "[9]"})  # a pure function: the first row stands
        assert cache.get_scores("stats|v1", ["d1", "d2", "d3"]) == {"d1": "[1,2]", "d2": "[3]"}
        assert cache.get_scores("stats|v2", ["d1"]) == {}
        assert cache.get_many("model-a", ["Привет"]) == {"Привет": "Hello"}
    assert TranslationCache(tmp_path).get_scores("stats|v1", ["d1"]) == {"d1": "[1,2]"}
