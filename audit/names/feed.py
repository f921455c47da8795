"""How a batch spells its names: counts over an ordered stream of documents, in bounded memory.

A name spelt one way in most documents of a feed and another way in a few is, in the few,
most likely garbled (`Hayat Tahrir al-Cham` in three stories of forty that write `Hayat
Tahrir al-Sham`). Deciding that needs the other documents, and a feed of 100,000 documents
must not be held whole, so:

- each document contributes its distinct name spellings once (document counts, not mention
  counts: one story repeating a spelling is still one story);
- spellings are kept in blocks by a skeleton of their folded key (the consonants of
  `variants.squashed_key`), where spellings of one name in several schemes, with other
  vowels, spacing or articles meet; a block holds at most `BLOCK_LIMIT` spellings;
- at most `capacity` blocks are remembered, least recently seen forgotten first (an LRU), so
  memory is flat in the length of the feed;
- the pipeline holds back `lookahead` documents, so a document is judged on everything seen
  before it (as far as memory reaches) and on the documents just after it.

The trade-off: a name seen rarely and long ago may be forgotten (its block evicted) before a
late variant arrives, and a variant with a consonant edit (`Konashenko`) lands in another
block than its name; both cost recall, never precision. A larger capacity remembers more at
about 200 bytes a spelling; a longer look-ahead delays each result by that many documents.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from audit.names.variants import is_variant, scheme_marks, squashed_key

# Spellings remembered per block (per skeleton): the most used win a place.
BLOCK_LIMIT = 16
_VOWELS = re.compile(r"(?<!^)[aeiou]")


@functools.lru_cache(maxsize=65536)
def skeleton(spelling: str) -> str:
    """The block a spelling is counted in: its folded key's consonants after the first letter
    (`Hayat Tahrir al-Sham`, `Khayyat Tahrir ash-Sham`, `Hayat Tahrir al-Cham` -> `httrrshm`)."""
    return _VOWELS.sub("", squashed_key(spelling))


@dataclass(frozen=True, slots=True)
class Majority:
    """The spelling most documents use for a name, against the one a document uses."""

    spelling: str
    documents: int
    minority_documents: int


class SpellingTally:
    """Document counts of name spellings, in at most `capacity` blocks (least recently seen evicted)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._blocks: OrderedDict[str, dict[str, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._blocks)

    def add(self, spellings: Iterable[str]) -> None:
        """One document's distinct spellings."""
        for spelling in dict.fromkeys(spellings):
            key = skeleton(spelling)
            if not key:
                continue
            block = self._blocks.get(key)
            if block is None:
                block = self._blocks[key] = {}
                if len(self._blocks) > self.capacity:
                    self._blocks.popitem(last=False)
            else:
                self._blocks.move_to_end(key)
            block[spelling] = block.get(spelling, 0) + 1
            if len(block) > BLOCK_LIMIT:
                del block[min(block, key=lambda s: (block[s], s == spelling))]

    def majority(self, spelling: str, *, min_documents: int, share: float) -> Majority | None:
        """The spelling of the same name that at least `min_documents` documents use, when
        `spelling`'s documents are at most `share` of the two together.

        A majority spelt by another language's scheme against `spelling` (`Khayyat` for
        `Hayat`: a feed that mostly came through Russian) is no authority: `spelling` is
        then the standard one and is not judged against it."""
        block = self._blocks.get(skeleton(spelling))
        if not block:
            return None
        mine = block.get(spelling, 0)
        best: str | None = None
        for other, count in block.items():
            if (
                other != spelling
                and count > mine
                and (best is None or count > block[best])
                and is_variant(spelling, other)
                and not scheme_marks(other, spelling)
            ):
                best = other
        if best is None or block[best] < min_documents or mine > share * (mine + block[best]):
            return None
        return Majority(best, block[best], mine)
