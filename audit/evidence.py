"""The stage after re-translation: align each document with its re-translations and score it.

`RetranslationStage.evaluate` takes a chunk of documents and returns one `DocEvidence`
each. Re-translations are precomputed (input or files) or made by models (round trip,
direct) in one batch per route over the whole chunk, de-duplicated and cached. Each
re-translation is aligned with the MT sentences, every aligned pair is scored (chrF++,
BLEU, TER, embedding cosine), and every MT sentence gets a consensus divergence (its
smallest over the re-translations) and the spans no re-translation has a counterpart for.

A model that cannot be loaded is reported once, in `notes` and in each document's status
(UNAVAILABLE), and the audit goes on with the model-free checks; with
`translate.require` it is an input error instead.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audit import align
from audit.align import Alignment, Bead, tokenize, unmatched_spans
from audit.config import Config
from audit.errors import InputError
from audit.score import (
    BLEU_NAME,
    CHRF_PLUS,
    COSINE,
    DIVERGENCE,
    TER_NAME,
    Embedder,
    ScoreStore,
    consensus,
    divergence,
    embedding_model_name,
    load_embedder,
    mean,
    pair_digest,
    rounded,
    score_pairs,
    signatures,
    threshold_for,
)
from audit.segment import split_sentences, split_text_sentences
from audit.translate.base import ModelUnavailable
from audit.translate.hub import locate
from audit.translate.precomputed import PrecomputedRetranslations, read_retranslation_files
from audit.translate.routes import Retranslator, Route, plan_routes, roundtrip_routes
from audit.types import AlignedPair, Document, RetranslationStatus, Segment, frozen_mapping

PRECOMPUTED = "precomputed"
Span = tuple[int, int]


@dataclass(frozen=True)
class Retranslation:
    """One re-translation of a document and how its sentences align with the MT sentences."""

    text: str
    # "precomputed", "roundtrip:ru", "direct:ru-en".
    origin: str
    # Sentence spans into `text`.
    sentences: tuple[Span, ...]
    # MT sentence index ranges against `sentences` index ranges.
    alignment: Alignment

    def span(self, bead: Bead) -> Span:
        """The characters of `text` a bead covers (empty, at the right place, for a 1-0 bead)."""
        if bead.rt_start == bead.rt_end:
            at = self.sentences[bead.rt_start][0] if bead.rt_start < len(self.sentences) else len(self.text)
            return at, at
        return self.sentences[bead.rt_start][0], self.sentences[bead.rt_end - 1][1]


@dataclass(frozen=True)
class SegmentEvidence:
    """One MT sentence against every re-translation."""

    start: int
    end: int
    # Consensus divergence: the smallest over the re-translations (0 same, 1 unrelated).
    divergence: float
    # Index of the re-translation that divergence comes from.
    closest: int
    # Per re-translation: the aligned pair's scores (chrf++, bleu, ter, cosine, divergence).
    scores: tuple[Mapping[str, float], ...]
    # Per re-translation: the span of its text aligned with this sentence (empty when none).
    rt_spans: tuple[Span, ...]
    # Spans of this sentence (document offsets) with no counterpart in any re-translation.
    divergent_spans: tuple[Span, ...]


@dataclass(frozen=True)
class DocEvidence:
    """What the divergence checks (D3xx) consult for one document, and what the report shows."""

    available: bool
    status: RetranslationStatus
    scores: Mapping[str, float] = field(default_factory=frozen_mapping)
    alignments: tuple[AlignedPair, ...] = ()
    retranslations: tuple[str, ...] = ()
    items: tuple[Retranslation, ...] = ()
    segments: tuple[SegmentEvidence, ...] = ()
    # Why re-translation did not run for this document, when it did not.
    reason: str | None = None

    def segment(self, start: int, end: int) -> SegmentEvidence | None:
        return self._by_span.get((start, end))

    @functools.cached_property
    def _by_span(self) -> dict[Span, SegmentEvidence]:
        return {(segment.start, segment.end): segment for segment in self.segments}

    def segments_in(self, start: int, end: int) -> list[SegmentEvidence]:
        return [s for s in self.segments if s.start < end and start < s.end]


@dataclass
class _Pending:
    """A document's re-translations while the chunk is being evaluated."""

    document: Document
    sentences: tuple[Segment, ...]
    precomputed: tuple[str, ...]
    routes: tuple[Route, ...]
    made: list[tuple[str, list[str]]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StageRecord:
    """What a stage has learnt while evaluating, as the run metadata reports it.

    A stage in a Ray worker sends, with each chunk, the part of its record that chunk added
    (`since`); the stage that reports the run absorbs those parts in input order, so its
    metadata reads as if it had evaluated every chunk itself.
    """

    # Documents per status, in the order the statuses first came up.
    counts: tuple[tuple[RetranslationStatus, int], ...] = ()
    # `model_id@revision` of the models loaded.
    models: tuple[str, ...] = ()
    # Models that could not be loaded, by model id.
    failures: tuple[tuple[str, ModelUnavailable], ...] = ()
    # Direct routes whose model was missing, so their documents took the round trip.
    fallbacks: tuple[tuple[str, ModelUnavailable], ...] = ()
    embedding_failure: str | None = None

    def since(self, earlier: StageRecord) -> StageRecord:
        """What this record holds that `earlier` (the same stage's, before) did not."""
        before = dict(earlier.counts)
        failed, fell_back = dict(earlier.failures), dict(earlier.fallbacks)
        return StageRecord(
            counts=tuple((status, n - before.get(status, 0)) for status, n in self.counts if n > before.get(status, 0)),
            models=tuple(model for model in self.models if model not in earlier.models),
            failures=tuple((model, exc) for model, exc in self.failures if model not in failed),
            fallbacks=tuple((route, exc) for route, exc in self.fallbacks if route not in fell_back),
            embedding_failure=None if earlier.embedding_failure else self.embedding_failure,
        )


class RetranslationStage:
    """Re-translate, align and score chunks of documents; remembers what ran for the report."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.translate = config.translate
        self.files: PrecomputedRetranslations = read_retranslation_files(self.translate.retranslation_files)
        self.retranslator = Retranslator(self.translate)
        self.embedder: Embedder | None = None
        self._embedding_failure: str | None = None
        self._embedding_name = self._configured_embedding_name()
        self._counts: dict[RetranslationStatus, int] = {}
        # Direct routes whose model is missing, by route name: in auto mode those documents
        # take the round trip instead.
        self._direct_fallbacks: dict[str, ModelUnavailable] = {}
        # Models other stages loaded for this run (Ray workers), from the records absorbed.
        self._models_elsewhere: list[str] = []
        self._planned = self._probe()
        self._metrics = (CHRF_PLUS, BLEU_NAME, TER_NAME) if config.divergence.ter else (CHRF_PLUS, BLEU_NAME)

    # -- run metadata ---------------------------------------------------------------------------

    @property
    def models(self) -> list[str]:
        loaded = self.retranslator.describe_models()
        return loaded + [model for model in self._models_elsewhere if model not in loaded]

    @property
    def signatures(self) -> dict[str, str]:
        return signatures()

    @property
    def embedding_model(self) -> str | None:
        if self.embedder is not None:
            return self.embedder.name
        return None if self._embedding_failure else self._embedding_name

    @property
    def notes(self) -> list[str]:
        notes = []
        failures = list(self.retranslator.failures.values())
        # In auto mode a missing model matters only once a document arrives without a
        # precomputed re-translation: a feed that carries them gets no note.
        if failures and (self.translate.mode != "auto" or RetranslationStatus.UNAVAILABLE in self._counts):
            more = (
                f" (and {len(failures) - 1} more model{'s' if len(failures) > 2 else ''})" if len(failures) > 1 else ""
            )
            notes.append(
                f"re-translation unavailable: {failures[0]}{more}; documents without precomputed "
                "re-translations are audited without the divergence checks (D3xx)"
            )
        for name, failure in self._direct_fallbacks.items():
            notes.append(f"{name} re-translation unavailable: {failure}; documents with a source took the round trip")
        if self._embedding_failure:
            notes.append(f"embedding model unavailable: {self._embedding_failure}; divergence uses chrF++ only")
        notes.extend(self.retranslator.cache_notes)
        return notes

    def status_line(self) -> str:
        """One line for the report: what ran, for how many documents, and why not where it did not."""
        if not self._counts:
            return self._planned
        parts = [
            f"{status.value} ({count} document{'s' if count != 1 else ''})" for status, count in self._counts.items()
        ]
        failure = next(iter(self.retranslator.failures.values()), None)
        return ", ".join(parts) + (
            f": {failure}" if failure and RetranslationStatus.UNAVAILABLE in self._counts else ""
        )

    def record(self) -> StageRecord:
        return StageRecord(
            counts=tuple(self._counts.items()),
            models=tuple(self.models),
            failures=tuple(self.retranslator.failures.items()),
            fallbacks=tuple(self._direct_fallbacks.items()),
            embedding_failure=self._embedding_failure,
        )

    def absorb(self, record: StageRecord) -> None:
        """Take in what a stage elsewhere learnt evaluating part of this run (see `StageRecord`)."""
        for status, count in record.counts:
            self._counts[status] = self._counts.get(status, 0) + count
        self._models_elsewhere.extend(model for model in record.models if model not in self._models_elsewhere)
        for model, failure in record.failures:
            self.retranslator.failures.setdefault(model, failure)
        for route, failure in record.fallbacks:
            self._direct_fallbacks.setdefault(route, failure)
        self._embedding_failure = self._embedding_failure or record.embedding_failure

    def _probe(self) -> str:
        """Settle at once what can be known before the first document, so the run metadata says it.

        An explicit round trip loads its models now. "auto" only locates them (a precomputed
        feed must not download or load a model it will not use), which is enough for an
        offline run to say at the start that re-translation will not run.
        """
        mode = self.translate.mode
        if mode == "off":
            return "off: precomputed re-translations only"
        if mode == "auto" and not self.files.empty:
            return "auto: precomputed re-translations from files; models load only for documents without one"
        if mode == "direct":
            return "direct: models load when first needed"
        routes = roundtrip_routes(self.translate)
        for route in routes:
            for model_id in route.models:
                if mode == "roundtrip":
                    self.retranslator.translator(model_id)  # a failure is remembered in `failures`
                    continue
                try:
                    locate(model_id)
                except ModelUnavailable as exc:
                    self.retranslator.failures.setdefault(model_id, exc.with_traceback(None))
        failure = next(iter(self.retranslator.failures.values()), None)
        if failure is None:
            return f"{mode}: " + ", ".join(f"{r.name} via {' -> '.join(r.models)}" for r in routes)
        if mode == "roundtrip" and self.translate.require:
            raise InputError(f"re-translation cannot run: {failure}; --require-retranslation makes this an error")
        return f"unavailable: {failure}"

    def _configured_embedding_name(self) -> str | None:
        settings = self.config.divergence
        if not settings.embeddings:
            return None
        try:
            return embedding_model_name(settings.embedding_model)
        except ModelUnavailable as exc:
            self._embedding_failure = str(exc)
            return None

    # -- evaluation ----------------------------------------------------------------------------

    def evaluate(self, documents: Sequence[Document]) -> list[DocEvidence]:
        pending = [self._plan(document) for document in documents]
        self._retranslate(pending)
        built = [self._retranslations(p) for p in pending]
        pairs = [
            (p.document.text[mt[0] : mt[1]], item.text[rt[0] : rt[1]])
            for p, items in zip(pending, built, strict=True)
            for item in items
            for mt, rt in _bead_spans(p, item)
            if mt[0] < mt[1] and rt[0] < rt[1]
        ]
        cosines = self._cosines(pairs)
        results = [self._evidence(p, items, cosines) for p, items in zip(pending, built, strict=True)]
        for result in results:
            self._counts[result.status] = self._counts.get(result.status, 0) + 1
        return results

    def _plan(self, document: Document) -> _Pending:
        precomputed = tuple(t for t in self.files.for_document(document) if t.strip())
        routes = plan_routes(
            self.translate,
            has_source=bool(document.source and document.source.strip()),
            source_lang=document.source_lang or self.config.source_lang,
            has_precomputed=bool(precomputed),
        )
        return _Pending(document, split_sentences(document), precomputed, routes)

    def _retranslate(self, pending: list[_Pending]) -> None:
        """Run each route once over the whole chunk (the translators de-duplicate and cache)."""
        by_route: dict[Route, list[_Pending]] = {}
        for p in pending:
            for route in p.routes:
                by_route.setdefault(route, []).append(p)
        fallback: list[_Pending] = []
        missing: dict[str, ModelUnavailable] = {}
        for route, group in by_route.items():
            inputs = [_route_inputs(p, route) for p in group]
            outputs = self.retranslator.run(route, [text for texts in inputs for text in texts])
            if isinstance(outputs, ModelUnavailable):
                if route.reads_source and self.translate.mode == "auto":
                    missing.setdefault(route.name, outputs)
                    fallback.extend(group)  # the round trip needs only the English
                    continue
                for p in group:
                    p.failures.append(str(outputs))
                continue
            position = 0
            for p, texts in zip(group, inputs, strict=True):
                p.made.append((route.name, outputs[position : position + len(texts)]))
                position += len(texts)
        if fallback:
            routes = roundtrip_routes(self.translate)
            for p in fallback:
                p.routes = routes
            self._retranslate(fallback)
            if any(p.made for p in fallback):  # else the round trip failed too, and that note says so
                for name, failure in missing.items():
                    self._direct_fallbacks.setdefault(name, failure)

    def _retranslations(self, p: _Pending) -> list[Retranslation]:
        items = [self._from_text(p, text, PRECOMPUTED) for text in p.precomputed]
        for origin, sentences in p.made:
            route = next(r for r in p.routes if r.name == origin)
            if route.reads_source:
                items.append(self._from_text(p, _join_sentences(sentences), origin))
            else:
                items.append(_from_roundtrip(p, sentences, origin))
        return items

    def _from_text(self, p: _Pending, text: str, origin: str) -> Retranslation:
        """A re-translation as text, its sentences aligned with the MT's (stored: a pure function)."""
        spans = _sentence_spans(text)
        mt = [s.text for s in p.sentences]
        rt = [text[a:b] for a, b in spans]
        scorer, digest = f"align.sentences|{_aligner_version()}", _texts_digest(mt, rt)
        stored = self.store.get_scores(scorer, [digest]).get(digest)
        if stored is not None:
            alignment = Alignment(tuple(Bead(*bead) for bead in json.loads(stored)))
        else:
            alignment = Alignment.from_sentences(mt, rt)
            beads = [[b.mt_start, b.mt_end, b.rt_start, b.rt_end] for b in alignment.beads]
            self.store.put_scores(scorer, {digest: json.dumps(beads, separators=(",", ":"))})
        return Retranslation(text, origin, spans, alignment)

    def _unmatched(self, pairs: Sequence[tuple[str, str]]) -> list[list[Span]]:
        """Spans (from 0) of each hypothesis with no counterpart in its reference, stored per pair."""
        scorer = f"align.tokens|{_aligner_version()}"
        digests = [pair_digest(h, r) for h, r in pairs]
        known = {d: json.loads(v) for d, v in self.store.get_scores(scorer, digests).items()}
        fresh: dict[str, list[Span]] = {}
        for digest, (hypothesis, reference) in zip(digests, pairs, strict=True):
            if digest not in known and digest not in fresh:
                if hypothesis == reference:  # every word its own counterpart
                    fresh[digest] = []
                    continue
                tokens = tokenize(hypothesis)
                alignment = Alignment.from_tokens(tokens, tokenize(reference))
                fresh[digest] = unmatched_spans(tokens, alignment, min_content=1)
        if fresh:
            self.store.put_scores(scorer, {d: json.dumps(v, separators=(",", ":")) for d, v in fresh.items()})
            known.update(fresh)
        return [known[d] for d in digests]

    @property
    def store(self) -> ScoreStore:
        """Where scores outlive a run: the re-translation cache's database (memory under `--no-cache`)."""
        return self.retranslator.cache

    def _cosines(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
        """Embedding cosine of each distinct pair: stored ones read back, the rest encoded once."""
        if not pairs or not self.config.divergence.embeddings or self._embedding_failure or not self._embedding_name:
            return {}
        scorer = f"{COSINE}|{self._embedding_name}"
        distinct = {pair_digest(a, b): (a, b) for a, b in pairs}
        stored = self.store.get_scores(scorer, distinct)
        found = {distinct[d]: float(value) for d, value in stored.items()}
        missing = [d for d in distinct if d not in stored]
        if not missing:
            return found
        if self.embedder is None:
            try:
                self.embedder = load_embedder(self.config.divergence.embedding_model, self.translate.device)
            except ModelUnavailable as exc:
                self._embedding_failure = str(exc)
                return {}
        similarities = self.embedder.similarities([distinct[d] for d in missing])
        self.store.put_scores(scorer, {d: repr(value) for d, value in zip(missing, similarities, strict=True)})
        found.update({distinct[d]: value for d, value in zip(missing, similarities, strict=True)})
        return found

    def _evidence(
        self, p: _Pending, items: list[Retranslation], cosines: Mapping[tuple[str, str], float]
    ) -> DocEvidence:
        document = p.document
        if not items:
            return self._without(p)
        weight = self.config.divergence.semantic_weight
        alignments: list[AlignedPair] = []
        # Per re-translation, per MT sentence index: (pair scores, rt span, divergent spans).
        per_sentence: list[dict[int, tuple[dict[str, float], Span, tuple[Span, ...]]]] = []
        corpus: list[dict[str, float]] = []
        for index, item in enumerate(items):
            by_sentence: dict[int, tuple[dict[str, float], Span, tuple[Span, ...]]] = {}
            spans_of = _bead_spans(p, item)
            texts = [(document.text[mt[0] : mt[1]], item.text[rt[0] : rt[1]]) for mt, rt in spans_of]
            pair_scores, corpus_scores = score_pairs(
                [h for h, _ in texts], [r for _, r in texts], self.store, self._metrics
            )
            corpus.append(corpus_scores)
            unmatched = self._unmatched(
                [(h, r) for (mt, _), (h, r) in zip(spans_of, texts, strict=True) if mt[0] < mt[1]]
            )
            position = 0
            for bead, (mt, rt), (hypothesis, reference), scores in zip(
                item.alignment.beads, spans_of, texts, pair_scores, strict=True
            ):
                if mt[0] == mt[1]:
                    alignments.append(AlignedPair(index, mt[0], mt[1], reference))
                    continue
                cosine = cosines.get((hypothesis, reference))
                if cosine is not None:
                    scores[COSINE] = cosine
                scores[DIVERGENCE] = divergence(scores[CHRF_PLUS], cosine, weight) if reference else 1.0
                spans = tuple((mt[0] + a, mt[0] + b) for a, b in unmatched[position])
                position += 1
                alignments.append(AlignedPair(index, mt[0], mt[1], reference, frozen_mapping(rounded(scores)), spans))
                for i in range(bead.mt_start, bead.mt_end):
                    by_sentence[i] = (scores, rt, spans)
            per_sentence.append(by_sentence)
        segments = tuple(_segment(i, s, per_sentence) for i, s in enumerate(p.sentences))
        status = RetranslationStatus.RAN if p.made else RetranslationStatus.PRECOMPUTED
        return DocEvidence(
            available=True,
            status=status,
            scores=frozen_mapping(self._document_scores(segments, corpus)),
            alignments=tuple(alignments),
            retranslations=tuple(item.text for item in items),
            items=tuple(items),
            segments=segments,
            reason="; ".join(p.failures) or None,
        )

    def _without(self, p: _Pending) -> DocEvidence:
        """A document no re-translation could be made for: say so, or fail under `require`."""
        if p.failures:
            reason = p.failures[0]
            status = RetranslationStatus.UNAVAILABLE
        elif p.routes:
            reason, status = "the re-translation came back empty", RetranslationStatus.UNAVAILABLE
        elif self.translate.mode == "direct":
            reason, status = "direct mode needs the source text and its language", RetranslationStatus.UNAVAILABLE
        else:
            reason, status = (
                "no precomputed re-translation and re-translation is off",
                RetranslationStatus.NOT_REQUESTED,
            )
        if self.translate.require:
            where = p.document.path or p.document.id
            raise InputError(
                f"{where}: re-translation did not run: {reason}; --require-retranslation makes this an error"
            )
        return DocEvidence(available=False, status=status, reason=reason)

    def _document_scores(self, segments: Sequence[SegmentEvidence], corpus: list[dict[str, float]]) -> dict[str, float]:
        best = max(range(len(corpus)), key=lambda r: corpus[r][CHRF_PLUS])
        scores: dict[str, float] = dict(corpus[best])
        if len(corpus) > 1:
            for r, values in enumerate(corpus, start=1):
                scores.update({f"{name}[{r}]": value for name, value in values.items()})
        lengths = [s.end - s.start for s in segments]
        scores[DIVERGENCE] = mean((s.divergence for s in segments), lengths)
        scores[f"{DIVERGENCE}.max"] = max((s.divergence for s in segments), default=0.0)
        cosines = [s.scores[s.closest][COSINE] for s in segments if COSINE in s.scores[s.closest]]
        if cosines:
            scores[COSINE] = mean(cosines)
        scores["segments"] = float(len(segments))
        settings = self.config.divergence
        scores["segments.divergent"] = float(
            sum(s.divergence > threshold_for(settings, s.scores[s.closest]) for s in segments)
        )
        scores["retranslations"] = float(len(corpus))
        return rounded(scores)


@functools.cache
def _aligner_version() -> str:
    """Stored alignments are keyed by the aligner's source, so a changed aligner recomputes them."""
    return hashlib.sha256(Path(align.__file__).read_bytes()).hexdigest()[:16]


def _texts_digest(*parts: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def _route_inputs(p: _Pending, route: Route) -> list[str]:
    if route.reads_source:
        return split_text_sentences(p.document.source or "")
    return [s.text for s in p.sentences]


def _join_sentences(sentences: Sequence[str]) -> str:
    return " ".join(s.strip() for s in sentences if s.strip())


def _sentence_spans(text: str) -> tuple[Span, ...]:
    return tuple((s.start, s.end) for s in split_sentences(Document(id="", text=text)))


def _from_roundtrip(p: _Pending, outputs: Sequence[str], origin: str) -> Retranslation:
    """Round-trip outputs, one per MT sentence, kept in the MT's paragraph layout."""
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    previous: Segment | None = None
    for sentence, output in zip(p.sentences, outputs, strict=True):
        if previous is not None:
            gap = "\n" if "\n" in p.document.text[previous.end : sentence.start] else " "
            parts.append(gap)
            position += len(gap)
        parts.append(output)
        spans.append((position, position + len(output)))
        position += len(output)
        previous = sentence
    return Retranslation("".join(parts), origin, tuple(spans), Alignment.one_to_one(len(outputs)))


def _bead_spans(p: _Pending, item: Retranslation) -> list[tuple[Span, Span]]:
    """Document and re-translation character spans of each bead."""
    spans = []
    for bead in item.alignment.beads:
        if bead.mt_start == bead.mt_end:
            at = p.sentences[bead.mt_start].start if bead.mt_start < len(p.sentences) else len(p.document.text)
            mt = (at, at)
        else:
            mt = (p.sentences[bead.mt_start].start, p.sentences[bead.mt_end - 1].end)
        spans.append((mt, item.span(bead)))
    return spans


def _segment(
    index: int,
    sentence: Segment,
    per_sentence: list[dict[int, tuple[dict[str, float], Span, tuple[Span, ...]]]],
) -> SegmentEvidence:
    scores: list[Mapping[str, float]] = []
    rt_spans: list[Span] = []
    divergent: list[list[Span]] = []
    whole = [(sentence.start, sentence.end)]
    for by_sentence in per_sentence:
        if index in by_sentence:
            pair_scores, rt, spans = by_sentence[index]
            scores.append(frozen_mapping(rounded(pair_scores)))
            rt_spans.append(rt)
            divergent.append(_clip(spans, sentence.start, sentence.end))
        else:  # aligned with nothing in this re-translation
            scores.append(frozen_mapping({DIVERGENCE: 1.0}))
            rt_spans.append((0, 0))
            divergent.append(whole)
    values = [s[DIVERGENCE] for s in scores]
    closest = min(range(len(values)), key=values.__getitem__)
    common: list[Span] = divergent[0]
    for others in divergent[1:]:
        common = _intersect(common, others)
    return SegmentEvidence(
        start=sentence.start,
        end=sentence.end,
        divergence=round(consensus(values), 4),
        closest=closest,
        scores=tuple(scores),
        rt_spans=tuple(rt_spans),
        divergent_spans=tuple(common),
    )


def _clip(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    return [(max(a, start), min(b, end)) for a, b in spans if a < end and start < b]


def _intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if lo < hi:
                out.append((lo, hi))
    return sorted(out)


def describe(evidence: DocEvidence, index: int) -> str:
    """How a re-translation is named in messages: its origin, and its number when there are several."""
    origin = evidence.items[index].origin
    return origin if len(evidence.items) == 1 else f"{origin} #{index + 1}"


def closest_text(evidence: DocEvidence, segment: SegmentEvidence) -> str:
    a, b = segment.rt_spans[segment.closest]
    return evidence.items[segment.closest].text[a:b]


__all__ = ["DocEvidence", "Retranslation", "RetranslationStage", "SegmentEvidence", "StageRecord", "closest_text", "describe"]
