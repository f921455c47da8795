"""Sentence and token alignment on real text: the sample against a faithful re-translation,
and MT/reference pairs from DEMETR (Karpinska et al., EMNLP 2022; MIT licence).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.align import Alignment, Bead, chrf, tokenize, unmatched_spans
from audit.segment import split_text_sentences

ROOT = Path(__file__).resolve().parents[1]
MT = split_text_sentences((ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8"))
RT = split_text_sentences((ROOT / "tests" / "data" / "idlib-retranslation.txt").read_text(encoding="utf-8"))

# DEMETR: a faithful MT, the human reference, and the MT with one entity or number replaced.
COMET_MT = (
    "Comets may have been the source of Earth's water and organic matter that can form proteins and sustain life."
)
COMET_REF = (
    "Comets may possibly have been a source of water delivery to the earth along with organic matter "
    "that can form proteins and support life."
)
COMET_BAD = (
    "Comets may have been the source of Austria's water and organic matter that can form proteins and sustain life."
)
HOUSTON_REF = (
    "The Chinese Consulate General in Houston was established in 1979 as the first Chinese Consulate General "
    "opened in the United States."
)
HOUSTON_BAD = "The Chinese Consulate General in Houston was established in 1997 and is the first Chinese consulate in the United States."


def _beads(mt: list[str], rt: list[str]) -> list[tuple[int, int, int, int]]:
    return [(b.mt_start, b.mt_end, b.rt_start, b.rt_end) for b in Alignment.from_sentences(mt, rt).beads]


def test_align_sample_pairs_each_sentence_with_its_retranslation() -> None:
    beads = _beads(MT, RT)
    # One 1-2 bead: the re-translation splits the al-Julani question in two.
    assert beads == [(i, i + 1, i, i + 1) for i in range(16)] + [(16, 17, 16, 18)] + [
        (i, i + 1, i + 1, i + 2) for i in range(17, 20)
    ]


def test_align_sentence_missing_from_the_retranslation_is_one_to_none() -> None:
    beads = _beads(MT, RT[:3] + RT[4:])
    assert (3, 4, 3, 3) in beads
    assert (4, 5, 3, 4) in beads


def test_align_sentence_missing_from_the_mt_is_none_to_one() -> None:
    beads = _beads(MT[:7] + MT[8:], RT)
    assert (7, 7, 7, 8) in beads


def test_align_two_retranslation_sentences_merged_into_one_is_two_to_one() -> None:
    beads = _beads(MT, RT[:4] + [RT[4] + " " + RT[5]] + RT[6:])
    assert (4, 6, 4, 5) in beads


def test_align_one_to_one_and_links() -> None:
    alignment = Alignment.one_to_one(3)
    assert alignment.beads == (Bead(0, 1, 0, 1), Bead(1, 2, 1, 2), Bead(2, 3, 2, 3))
    merged = Alignment((Bead(0, 2, 0, 1), Bead(2, 2, 1, 2)))
    assert merged.mt2rt == {0: (0,), 1: (0,)}
    assert merged.rt2mt == {0: (0, 1), 1: ()}


def test_align_empty_sides() -> None:
    assert _beads([], ["a."]) == [(0, 0, 0, 1)]
    assert _beads(["a."], []) == [(0, 1, 0, 0)]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(MT), min_size=0, max_size=6),
    st.lists(st.sampled_from(RT), min_size=0, max_size=6),
)
def test_align_beads_cover_both_sides_in_order(mt: list[str], rt: list[str]) -> None:
    beads = Alignment.from_sentences(mt, rt).beads
    assert [b.mt_start for b in beads[1:]] == [b.mt_end for b in beads[:-1]]
    assert [b.rt_start for b in beads[1:]] == [b.rt_end for b in beads[:-1]]
    if beads:
        assert (beads[0].mt_start, beads[0].rt_start, beads[-1].mt_end, beads[-1].rt_end) == (0, 0, len(mt), len(rt))
    assert all(0 < (b.mt_end - b.mt_start) + (b.rt_end - b.rt_start) <= 3 for b in beads)


def _gaps(mt: str, rt: str, min_content: int = 1) -> list[str]:
    tokens = tokenize(mt)
    return [mt[a:b] for a, b in unmatched_spans(tokens, Alignment.from_tokens(tokens, tokenize(rt)), min_content)]


def test_tokens_replaced_entity_is_the_only_gap() -> None:
    assert _gaps(COMET_MT, COMET_MT) == []
    assert _gaps(COMET_BAD, COMET_MT) == ["Austria's"]


def test_tokens_replaced_number_is_a_gap_on_its_own() -> None:
    assert "1997" in _gaps(HOUSTON_BAD, HOUSTON_REF, min_content=2)


def test_tokens_paraphrase_links_reordered_and_inflected_words() -> None:
    # "Earth's" links to "earth", "may have been" to "may possibly have been": only true gaps remain.
    gaps = _gaps(COMET_MT, COMET_REF)
    assert "Earth's" not in gaps and "Comets" not in gaps
    assert all(g in ("sustain",) for g in gaps), gaps


def test_tokens_near_miss_spelling_counts_as_a_counterpart() -> None:
    mt = "the Russian Khmeimim air base"
    assert _gaps(mt, "the Russian Hmeimim air base") == []


def test_tokens_unmatched_clause_in_the_sample() -> None:
    # The MT calls al-Julani's group "the officially recognized opposition"; the re-translation a terrorist group.
    gaps = _gaps(MT[15], RT[15], min_content=2)
    assert any("recognized opposition" in g for g in gaps), gaps


def test_token_offsets_shift_into_the_document() -> None:
    tokens = tokenize("al-Julani’s men", offset=100)
    assert [(t.text, t.start, t.end) for t in tokens] == [("al-Julani’s", 100, 111), ("men", 112, 115)]


def test_chrf_fast_stand_in() -> None:
    assert chrf(COMET_MT, COMET_MT) == 1.0
    assert chrf("", COMET_MT) == 0.0
    assert chrf(COMET_MT, COMET_REF) > chrf(COMET_MT, HOUSTON_REF)
