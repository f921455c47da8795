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
        return any(ch.isalnum() for ch in self.text)

    @property
    def is_content(self) -> bool:
        return self.is_word and _fold(self.text) not in STOPWORDS


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
        return cls(tuple(_align_sentences(mt, rt)))

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
    """Character n-gram counts of sentences (and of adjacent pairs) as rows of one matrix.

    chrF of many (hypothesis, reference) rows at once is then a few array operations,
    which keeps the aligner's O(n x band) similarity table cheap.
    """

    def __init__(self, mt: Sequence[str], rt: Sequence[str]) -> None:
        import numpy as np

        n = len(mt)
        matrix, orders = _ngram_matrix(np, [*mt, *rt], shared_after=n)
        # Each text's n-grams of each order: its length past whitespace, less the order, plus one.
        lengths = np.array([len("".join(text.split())) for text in (*mt, *rt)], dtype=np.float32)
        totals = np.maximum(lengths[:, None] - np.arange(CHRF_ORDER, dtype=np.float32)[None, :], 0.0)
        self.np = np
        self.orders = orders
        self.mt = {1: matrix[:n], 2: matrix[: n - 1] + matrix[1:n] if n > 1 else matrix[:0]}
        self.mt_totals = {1: totals[:n], 2: totals[: n - 1] + totals[1:n] if n > 1 else totals[:0]}
        rt_rows, rt_totals = matrix[n:], totals[n:]
        self.rt = {1: rt_rows, 2: rt_rows[:-1] + rt_rows[1:] if len(rt_rows) > 1 else rt_rows[:0]}
        self.rt_totals = {1: rt_totals, 2: rt_totals[:-1] + rt_totals[1:] if len(rt_rows) > 1 else rt_totals[:0]}

    def chrf_row(self, mt_size: int, i: int, rt_size: int, j0: int, j1: int) -> Any:
        """chrF of MT item i (a sentence, or sentences i, i+1) against reference items j0..j1-1."""
        np = self.np
        hyp = self.mt[mt_size][i]
        refs = self.rt[rt_size][j0:j1]
        # min(hyp, ref) is zero wherever the hypothesis has no n-gram: read only its columns.
        columns = np.flatnonzero(hyp)
        orders = self.orders[columns]
        common = np.minimum(hyp[columns][None, :], refs[:, columns]) @ orders
        hyp_total = self.mt_totals[mt_size][i]
        ref_total = self.rt_totals[rt_size][j0:j1]
        valid = (hyp_total[None, :] > 0) & (ref_total > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            precision = np.where(valid, common / hyp_total[None, :], 0.0)
            recall = np.where(valid, common / ref_total, 0.0)
        counted = np.maximum(valid.sum(axis=1), 1)
        precision = precision.sum(axis=1) / counted
        recall = recall.sum(axis=1) / counted
        beta2 = ALIGN_BETA**2
        with np.errstate(divide="ignore", invalid="ignore"):
            score = (1 + beta2) * precision * recall / (beta2 * precision + recall)
        return np.nan_to_num(score)


# Odd 64-bit multiplier of the rolling hash that names each character n-gram.
_HASH_BASE = 0x9E3779B97F4A7C15


def _ngram_matrix(np: Any, texts: Sequence[str], shared_after: int | None = None) -> tuple[Any, Any]:
    """(texts x n-grams counts, n-grams x orders indicator) of the character 1- to 6-grams
    of each text with its whitespace removed, as `_ngrams` counts them.

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
    flat = all_rows * width + columns
    matrix = np.bincount(flat, minlength=len(texts) * width).astype(np.float32).reshape(len(texts), width)
    orders = np.zeros((width, CHRF_ORDER), dtype=np.float32)
    orders[columns, all_kinds] = 1.0
    return matrix, orders


def _align_sentences(mt: Sequence[str], rt: Sequence[str]) -> list[Bead]:
    n, m = len(mt), len(rt)
    if not n or not m:
        return [Bead(i, i + 1, 0, 0) for i in range(n)] + [Bead(n, n, j, j + 1) for j in range(m)]
    table = _NgramTable(mt, rt)
    mt_len = [len(s) for s in mt]
    rt_len = [len(s) for s in rt]
    band = BAND + abs(n - m)
    window = [(max(0, int(i * m / n) - band), min(m, int(i * m / n) + band) + 1) for i in range(n + 1)]
    # sims[(mt_size, rt_size)][i0] -> (j0 of the row, chrF of MT item i0 against items j0...).
    sims: dict[tuple[int, int], list[tuple[int, Any]]] = {}
    for mt_size, rt_size in ((1, 1), (2, 1), (1, 2)):
        rows = []
        for i0 in range(n - mt_size + 1):
            lo = max(0, window[i0][0] - 2)
            hi = min(m - rt_size + 1, window[i0 + mt_size][1])
            rows.append((lo, table.chrf_row(mt_size, i0, rt_size, lo, max(lo, hi))))
        sims[(mt_size, rt_size)] = rows

    def bead_cost(i0: int, i1: int, j0: int, j1: int) -> float:
        if i0 == i1 or j0 == j1:
            return SKIP_COST * ((i1 - i0) + (j1 - j0))
        lo, row = sims[(i1 - i0, j1 - j0)][i0]
        if not lo <= j0 < lo + len(row):
            return float("inf")
        merge = MERGE_COST if (i1 - i0) + (j1 - j0) > 2 else 0.0
        length = _length_penalty(sum(mt_len[i0:i1]), sum(rt_len[j0:j1]))
        return 1.0 - float(row[j0 - lo]) + length + merge

    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(*window[i]):
            if i == 0 and j == 0:
                continue
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2)):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or cost[pi][pj] == inf:
                    continue
                total = cost[pi][pj] + bead_cost(pi, i, pj, j)
                if total < cost[i][j]:
                    cost[i][j] = total
                    back[i][j] = (pi, pj)
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        previous = back[i][j]
        if previous is None:
            raise RuntimeError("sentence alignment found no path")
        beads.append(Bead(previous[0], i, previous[1], j))
        i, j = previous
    beads.reverse()
    return beads
