"""MT sentences against a re-translation's sentences, then tokens inside aligned pairs.

Sentence level: a round trip is 1-1 by construction (each MT sentence was re-translated
on its own). A direct or precomputed re-translation was segmented independently, so a
dynamic-programming aligner (Gale-Church in shape) pairs them with 1-1, 1-2 and 2-1
beads, and 1-0 / 0-1 for a sentence with no counterpart; a bead costs its chrF distance
plus a length-ratio penalty.

Token level: inside an aligned pair, MT words are linked to re-translation words, first
in order (longest common subsequence), then anywhere (reordered words), then by stem and
by near-miss spelling. MT content words left unlinked are the spans the re-translation
has no counterpart for: where a meaning was added, lost or changed.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

# Bead costs: a sentence with no counterpart, a 1-2/2-1 merge, and the weight of |log length ratio|.
# Tuned on the sample against its re-translation with sentences dropped and merged on either side.
SKIP_COST = 0.65
MERGE_COST = 0.5
LENGTH_WEIGHT = 0.45
# Sentences either side of the diagonal the aligner considers (beyond the length difference).
BAND = 12
# Two spellings of a word this similar (rapidfuzz ratio, 0-100) are one word misspelt.
FUZZY_WORD = 80.0
CHRF_ORDER = 6
CHRF_BETA = 2.0
# The aligner weighs precision and recall alike: chrF's recall bias would favour merging.
ALIGN_BETA = 1.0

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_STOPWORD_TEXT = """a an the of in on at to for from by with and or but nor as is are was were be been being
    it its this that these those there here he she they them his her their we our you your i me my
    which who whom whose what when where why how not no so than then also too very into onto over
    under about after before during between against through up down out off again further once
    has have had having do does did will would shall should can could may might must said says say
    all any both each few more most other some such only own same just now"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True, slots=True)
class Bead:
    """MT items [mt_start, mt_end) aligned with re-translation items [rt_start, rt_end)."""

    mt_start: int
    mt_end: int
    rt_start: int
    rt_end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark; `start`/`end` are offsets into the text it was read from."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return _is_word(self.text)

    @property
    def is_content(self) -> bool:
        return _is_content(self.text)


@functools.lru_cache(maxsize=65536)
def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


@functools.lru_cache(maxsize=65536)
def _is_content(text: str) -> bool:
    return _is_word(text) and _fold(text) not in STOPWORDS


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation of `text`, with offsets shifted by `offset`."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Alignment:
    """Beads between MT items (sentences or tokens) and re-translation items."""

    beads: tuple[Bead, ...]

    @cached_property
    def mt2rt(self) -> dict[int, tuple[int, ...]]:
        links: dict[int, tuple[int, ...]] = {}
        for bead in self.beads:
            for i in range(bead.mt_start, bead.mt_end):
                links[i] = (*links.get(i, ()), *range(bead.rt_start, bead.rt_end))
        return links

    @cached_property
    def rt2mt(self) -> dict[int, tuple[int, ...]]:
        links: dict[int, tuple[int, ...]] = {}
        for bead in self.beads:
            for j in range(bead.rt_start, bead.rt_end):
                links[j] = (*links.get(j, ()), *range(bead.mt_start, bead.mt_end))
        return links

    @classmethod
    def one_to_one(cls, count: int) -> Alignment:
        """The round trip's alignment: sentence i re-translated as sentence i."""
        return cls(tuple(Bead(i, i + 1, i, i + 1) for i in range(count)))

    @classmethod
    def from_sentences(cls, mt: Sequence[str], rt: Sequence[str]) -> Alignment:
        """Monotone 1-1 / 1-2 / 2-1 / 1-0 / 0-1 alignment minimising chrF distance and length penalty."""
        return cls(tuple(_align_anchored(mt, rt)))

    @classmethod
    def from_tokens(cls, mt: Sequence[Token], rt: Sequence[Token]) -> Alignment:
        """1-1 word links: in order first, then reordered, then by stem, then near-miss spellings."""
        return cls(tuple(Bead(i, i + 1, j, j + 1) for i, j in sorted(_link_tokens(mt, rt).items())))


def unmatched_spans(tokens: Sequence[Token], alignment: Alignment, min_content: int = 2) -> list[tuple[int, int]]:
    """Runs of MT tokens with no counterpart holding at least `min_content` content words.

    A run may hold function words (linked or not: `the` always finds a partner somewhere)
    and unlinked punctuation, but starts and ends on a content word; a single unlinked
    number counts, since a number is never filler.
    """
    linked = alignment.mt2rt
    spans: list[tuple[int, int]] = []
    run: list[Token] = []

    def close() -> None:
        content = [t for t in run if t.is_content]
        numeric = any(t.text[0].isdigit() for t in content)
        if content and (len(content) >= min_content or numeric):
            spans.append((content[0].start, content[-1].end))
        run.clear()

    for index, token in enumerate(tokens):
        if index in linked and (token.is_content or not token.is_word):
            close()
        elif token.is_word or run:
            run.append(token)
    close()
    return spans


def chrf(hypothesis: str, reference: str) -> float:
    """chrF (character n-grams 1-6, beta 2) in [0, 1]: the aligner's fast stand-in for sacrebleu's."""
    return _chrf_counts(_ngrams(hypothesis), _ngrams(reference))


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return anyascii(word).lower().replace("'", "").replace("’", "")


def _stem(word: str) -> str:
    for suffix in ("'s", "ies", "es", "ed", "ing", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _link_tokens(mt: Sequence[Token], rt: Sequence[Token]) -> dict[int, int]:
    """Longest common runs first, then each unlinked MT content word to the first free
    re-translation content word that is the same, has the same stem, or is a near miss."""
    mt_keys = [_fold(t.text) for t in mt]
    rt_keys = [_fold(t.text) for t in rt]
    links: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, mt_keys, rt_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            links[block.a + k] = block.b + k
    used = set(links.values())
    candidates = [i for i, t in enumerate(mt) if i not in links and t.is_content]
    if not candidates:
        return links
    free = [j for j, t in enumerate(rt) if j not in used and t.is_content]
    for normalise in (str, _stem):
        by_form: dict[str, list[int]] = {}
        for j in free:
            by_form.setdefault(normalise(rt_keys[j]), []).append(j)
        for i in candidates:
            if i in links:
                continue
            for j in by_form.get(normalise(mt_keys[i]), ()):
                if j not in used:
                    links[i] = j
                    used.add(j)
                    break
    for i in candidates:
        if i not in links:
            near = next((j for j in free if j not in used and _near_miss(mt_keys[i], rt_keys[j])), None)
            if near is not None:
                links[i] = near
                used.add(near)
    return links


def _near_miss(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 4 and ratio(a, b) >= FUZZY_WORD


_NgramCounts = tuple[Counter[str], ...]


def _ngrams(text: str) -> _NgramCounts:
    chars = "".join(text.split())
    return tuple(Counter(chars[i : i + n] for i in range(len(chars) - n + 1)) for n in range(1, CHRF_ORDER + 1))


def _chrf_counts(hyp: _NgramCounts, ref: _NgramCounts) -> float:
    precision = recall = 0.0
    orders = 0
    for h, r in zip(hyp, ref, strict=True):
        h_total, r_total = sum(h.values()), sum(r.values())
        if not h_total or not r_total:
            continue
        common = sum((h & r).values())
        precision += common / h_total
        recall += common / r_total
        orders += 1
    if not orders:
        return 0.0
    precision, recall = precision / orders, recall / orders
    if not precision or not recall:
        return 0.0
    beta2 = CHRF_BETA**2
    return (1 + beta2) * precision * recall / (beta2 * precision + recall)


def _length_penalty(mt_chars: int, rt_chars: int) -> float:
    return LENGTH_WEIGHT * abs(math.log((mt_chars + 1) / (rt_chars + 1)))


class _NgramTable:
    """Character n-gram counts of sentences (and of adjacent pairs), as (item, n-gram, count) entries.

    chrF of every (hypothesis, reference) pair at once is then one join on the n-gram: each
    n-gram adds min(h, r) to the common count of every pair of items that both hold it, in
    a few array operations whatever the number of pairs (no Python loop, no dense matrix).
    """

    def __init__(self, mt: Sequence[str], rt: Sequence[str]) -> None:
        import numpy as np

        n = len(mt)
        rows, columns, counts, self.kind_of = _ngram_matrix(np, [*mt, *rt], shared_after=n)
        # Each text's n-grams of each order: its length past whitespace, less the order, plus one.
        lengths = np.array([len("".join(text.split())) for text in (*mt, *rt)], dtype=np.float64)
        totals = np.maximum(lengths[:, None] - np.arange(CHRF_ORDER, dtype=np.float64)[None, :], 0.0)
        self.np = np
        ours, theirs = rows < n, rows >= n
        single_mt = (rows[ours], columns[ours], counts[ours])
        single_rt = (rows[theirs] - n, columns[theirs], counts[theirs])
        self.mt = {1: single_mt, 2: self._pairs(single_mt, n)}
        self.rt = {1: single_rt, 2: self._pairs(single_rt, len(rt))}
        self.mt_totals = {1: totals[:n], 2: totals[: n - 1] + totals[1:n]}
        rt_totals = totals[n:]
        self.rt_totals = {1: rt_totals, 2: rt_totals[:-1] + rt_totals[1:]}
        self.width = len(self.kind_of)

    def _pairs(self, entries: tuple[Any, Any, Any], count: int) -> tuple[Any, Any, Any]:
        """The entries of items i and i + 1 joined, for i < count - 1."""
        np = self.np
        rows, columns, counts = entries
        upper, lower = rows >= 1, rows <= count - 2
        joined_rows = np.concatenate((rows[upper] - 1, rows[lower]))
        joined_columns = np.concatenate((columns[upper], columns[lower]))
        joined_counts = np.concatenate((counts[upper], counts[lower]))
        width = max(1, len(self.kind_of))
        keys, inverse = np.unique(joined_rows * width + joined_columns, return_inverse=True)
        summed = np.bincount(inverse.reshape(-1), weights=joined_counts, minlength=len(keys))
        return keys // width, keys % width, summed

    def similarities(self, mt_size: int, rt_size: int) -> Any:
        """chrF (beta `ALIGN_BETA`) of every MT item (a sentence, or sentences i, i+1) against
        every re-translation item (likewise), as an array."""
        np = self.np
        h_row, h_col, h_cnt = self.mt[mt_size]
        r_row, r_col, r_cnt = self.rt[rt_size]
        hyp_total, ref_total = self.mt_totals[mt_size], self.rt_totals[rt_size]
        rows, cols = len(hyp_total), len(ref_total)
        # The re-translation's entries by n-gram, and for each MT entry the run of those with its n-gram.
        order = np.argsort(r_col, kind="stable")
        r_row, r_col, r_cnt = r_row[order], r_col[order], r_cnt[order]
        per_column = np.bincount(r_col, minlength=self.width)
        first_of_column = np.cumsum(per_column) - per_column
        runs = per_column[h_col]
        h_index = np.repeat(np.arange(len(h_col)), runs)
        run_start = np.cumsum(runs) - runs
        r_index = first_of_column[h_col][h_index] + (np.arange(len(h_index)) - run_start[h_index])
        weights = np.minimum(h_cnt[h_index], r_cnt[r_index])
        flat = (self.kind_of[h_col[h_index]] * rows + h_row[h_index]) * cols + r_row[r_index]
        common = np.bincount(flat, weights=weights, minlength=CHRF_ORDER * rows * cols)
        common = common.reshape(CHRF_ORDER, rows, cols)
        hyp_total = hyp_total.T[:, :, None]  # order x hyp x 1
        ref_total = ref_total.T[:, None, :]  # order x 1 x ref
        valid = (hyp_total > 0) & (ref_total > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            precision = np.where(valid, common / hyp_total, 0.0).sum(axis=0)
            recall = np.where(valid, common / ref_total, 0.0).sum(axis=0)
        counted = np.maximum(valid.sum(axis=0), 1)
        precision, recall = precision / counted, recall / counted
        beta2 = ALIGN_BETA**2
        with np.errstate(divide="ignore", invalid="ignore"):
            score = (1 + beta2) * precision * recall / (beta2 * precision + recall)
        return np.nan_to_num(score)


# Odd 64-bit multiplier of the rolling hash that names each character n-gram.
_HASH_BASE = 0x9E3779B97F4A7C15


def _ngram_matrix(np: Any, texts: Sequence[str], shared_after: int | None = None) -> tuple[Any, Any, Any, Any]:
    """(text, n-gram, count) entries of the character 1- to 6-grams of each text with its
    whitespace removed, as `_ngrams` counts them, and each n-gram's order less one.

    With `shared_after`, only the n-grams that occur both in a text before that index and
    in one from it on (the MT and the re-translation): the others add nothing to any
    common count.

    Every n-gram of every text is named by a 64-bit rolling hash of its characters (and
    its order), all in a few array operations over the texts joined end to end: Python
    never visits an n-gram. A collision of two distinct n-grams needs two 64-bit hashes to
    meet, which does not happen on text of any realistic length.
    """
    chars = ["".join(text.split()) for text in texts]
    lengths = np.array([len(c) for c in chars], dtype=np.int64)
    ends = np.cumsum(lengths)
    joined = "".join(chars)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64) + 1
    keys, rows, kinds = [], [], []
    text_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    hashes = codes.copy()
    with np.errstate(over="ignore"):
        for order in range(1, CHRF_ORDER + 1):
            if order > 1:
                hashes = hashes[:-1] * np.uint64(_HASH_BASE) + codes[order - 1 :]
            positions = np.arange(len(hashes), dtype=np.int64)
            owner = text_of[: len(hashes)]
            inside = positions + order <= ends[owner]  # the n-gram ends in the text it starts in
            keys.append(hashes[inside] * np.uint64(CHRF_ORDER) + np.uint64(order - 1))
            rows.append(owner[inside])
            kinds.append(np.full(int(inside.sum()), order - 1, dtype=np.int64))
    all_keys = np.concatenate(keys)
    all_rows = np.concatenate(rows)
    all_kinds = np.concatenate(kinds)
    vocab, columns = np.unique(all_keys, return_inverse=True)
    columns = columns.reshape(-1)
    if shared_after is not None:
        first = np.bincount(columns[all_rows < shared_after], minlength=len(vocab))
        second = np.bincount(columns[all_rows >= shared_after], minlength=len(vocab))
        kept = (first > 0) & (second > 0)
        renumber = np.cumsum(kept) - 1
        inside = kept[columns]
        columns, all_rows, all_kinds = renumber[columns[inside]], all_rows[inside], all_kinds[inside]
        count = int(kept.sum())
    else:
        count = len(vocab)
    width = max(1, count)
    kind_of = np.zeros(width, dtype=np.int64)
    kind_of[columns] = all_kinds
    entries, counts = np.unique(all_rows * width + columns, return_counts=True)
    return entries // width, entries % width, counts.astype(np.float64), kind_of


def _align_anchored(mt: Sequence[str], rt: Sequence[str]) -> list[Bead]:
    """Sentences identical on both sides (up to spacing) are 1-1 beads of cost zero, which no
    other path beats: the aligner runs only on the stretches between runs of them.

    A faithful re-translation repeats most sentences as they are (a precomputed one with
    house spellings, an MT checked against its own earlier version), so this leaves little
    to align. Runs shorter than two sentences are not anchors when the stretch around them
    differs in length, where a repeated short sentence might be matched out of place.
    """
    mt_keys = [" ".join(s.split()) for s in mt]
    rt_keys = [" ".join(s.split()) for s in rt]
    blocks = difflib.SequenceMatcher(None, mt_keys, rt_keys, autojunk=False).get_matching_blocks()
    beads: list[Bead] = []
    i = j = 0
    for block in blocks:
        if block.size == 0:
            continue
        if block.size < 2 and (block.a - i) != (block.b - j):
            continue
        beads.extend(_shifted(_align_sentences(mt[i : block.a], rt[j : block.b]), i, j))
        beads.extend(Bead(block.a + k, block.a + k + 1, block.b + k, block.b + k + 1) for k in range(block.size))
        i, j = block.a + block.size, block.b + block.size
    beads.extend(_shifted(_align_sentences(mt[i:], rt[j:]), i, j))
    return beads


def _shifted(beads: list[Bead], i: int, j: int) -> list[Bead]:
    return [Bead(b.mt_start + i, b.mt_end + i, b.rt_start + j, b.rt_end + j) for b in beads]


def _align_sentences(mt: Sequence[str], rt: Sequence[str]) -> list[Bead]:
    n, m = len(mt), len(rt)
    if not n or not m:
        return [Bead(i, i + 1, 0, 0) for i in range(n)] + [Bead(n, n, j, j + 1) for j in range(m)]
    import numpy as np

    table = _NgramTable(mt, rt)
    band = BAND + abs(n - m)
    window = [(max(0, int(i * m / n) - band), min(m, int(i * m / n) + band) + 1) for i in range(n + 1)]
    inf = float("inf")
    # costs[(di, dj)][i, j]: the cost of the bead that ends at (i, j) after di MT and dj re-translation
    # items; inf outside the band. Skips cost the same everywhere.
    mt_len = np.array([0, *np.cumsum([len(s) for s in mt])], dtype=np.float64)
    rt_len = np.array([0, *np.cumsum([len(s) for s in rt])], dtype=np.float64)
    costs: dict[tuple[int, int], Any] = {}
    starts_i = np.arange(n + 1)[:, None]
    starts_j = np.arange(m + 1)[None, :]
    for di, dj in ((1, 1), (2, 1), (1, 2)):
        grid = np.full((n + 1, m + 1), inf)
        if n - di + 1 > 0 and m - dj + 1 > 0:
            sims = table.similarities(di, dj)
            i_, j_ = starts_i[: n - di + 1], starts_j[:, : m - dj + 1]
            length = LENGTH_WEIGHT * np.abs(np.log((mt_len[i_ + di] - mt_len[i_] + 1) / (rt_len[j_ + dj] - rt_len[j_] + 1)))
            merge = MERGE_COST if di + dj > 2 else 0.0
            # The bead starting at (i, j) is considered where the band of its start row and end row allow.
            lows = np.array([max(0, window[i][0] - 2) for i in range(n - di + 1)])[:, None]
            highs = np.array([min(m - dj + 1, window[i + di][1]) for i in range(n - di + 1)])[:, None]
            inside = (j_ >= lows) & (j_ < highs)
            grid[di:, dj:] = np.where(inside, 1.0 - sims + length + merge, inf)
        costs[(di, dj)] = grid
    cost = np.full((n + 1, m + 1), inf)
    # back[i, j]: 0 none, 1 (1,1), 2 (1,0), 3 (0,1), 4 (2,1), 5 (1,2).
    back = np.zeros((n + 1, m + 1), dtype=np.int8)
    steps = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    columns = np.arange(m + 1)
    for i in range(n + 1):
        lo, hi = window[i]
        best = np.full(m + 1, inf)
        choice = np.zeros(m + 1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        candidates = []
        if i >= 1:
            candidates.append((1, np.concatenate(([inf], cost[i - 1, :-1] + costs[(1, 1)][i, 1:]))))
            candidates.append((2, cost[i - 1] + SKIP_COST))
        if i >= 2:
            candidates.append((4, np.concatenate(([inf], cost[i - 2, :-1] + costs[(2, 1)][i, 1:]))))
        if i >= 1:
            candidates.append((5, np.concatenate(([inf, inf], cost[i - 1, :-2] + costs[(1, 2)][i, 2:]))))
        for code, values in candidates:  # the first of equal costs wins, in the order of `steps`
            better = values < best
            best = np.where(better, values, best)
            choice = np.where(better, code, choice)
        outside = (columns < lo) | (columns >= hi)
        best[outside] = inf
        if i == 0:
            best[0] = 0.0
        # (0, 1): from the left in the same row, a running minimum.
        shifted = best - SKIP_COST * columns
        running = np.minimum.accumulate(shifted) + SKIP_COST * columns
        from_left = np.concatenate(([inf], running[:-1] + SKIP_COST))
        from_left[outside] = inf
        left = from_left < best
        if left.any():
            # Recompute sequentially where the row recurrence wins, so each cell's pointer is exact.
            row = best.copy()
            for j in range(max(1, lo), hi):
                through = row[j - 1] + SKIP_COST
                if through < row[j]:
                    row[j] = through
                    choice[j] = 3
            best = row
        cost[i] = best
        back[i] = choice
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        code = int(back[i, j])
        if code == 0:
            raise RuntimeError("sentence alignment found no path")
        di, dj = steps[code - 1]
        beads.append(Bead(i - di, i, j - dj, j))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
