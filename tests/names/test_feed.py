"""Feed-level spelling counts: bounded memory, one count per document, the majority's spelling."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from audit.config import Config, apply
from audit.names.feed import SpellingTally, skeleton
from audit.parallel import ParallelAuditor
from audit.pipeline import Auditor
from audit.types import Document


def test_feed_tally_majority_and_minority() -> None:
    tally = SpellingTally(capacity=100)
    for _ in range(6):
        tally.add(["Hayat Tahrir al-Sham"])
    tally.add(["Hayat Tahrir al-Cham", "Hayat Tahrir al-Cham"])  # one document, counted once
    majority = tally.majority("Hayat Tahrir al-Cham", min_documents=3, share=0.25)
    assert majority is not None and (majority.spelling, majority.documents, majority.minority_documents) == (
        "Hayat Tahrir al-Sham",
        6,
        1,
    )
    assert tally.majority("Hayat Tahrir al-Sham", min_documents=3, share=0.25) is None


def test_feed_tally_memory_is_bounded() -> None:
    tally = SpellingTally(capacity=50)
    for number in range(5000):
        tally.add([f"Name{number:05d}ski"])
    assert len(tally) == 50


def test_feed_skeleton_joins_schemes_and_vowels() -> None:
    assert skeleton("Hayat Tahrir al-Sham") == skeleton("Khayyat Tahrir ash-Sham") == skeleton("Hayat Tahrir al-Cham")
    assert skeleton("Houthi") == skeleton("Khouthi")


def _feed(read: list[int]) -> Iterator[Document]:
    for number in itertools.count():
        read.append(number)
        text = "Hayat Tahrir al-Cham denied it." if number == 5 else f"Hayat Tahrir al-Sham said so on day {number}."
        yield Document(id=f"d{number}", text=text)


def test_feed_stage_streams_with_a_bounded_look_ahead() -> None:
    config = apply(Config(), {"select": ["N232"], "checks": {"names.feed": {"lookahead": 8}}}, "test")
    read: list[int] = []
    results = Auditor(config, strict=True, chunk_size=4).audit(_feed(read))
    first = next(results)
    assert first.doc_id == "d0" and len(read) <= 8 + 4 + 1  # the look-ahead and one chunk, not the feed
    judged = list(itertools.islice(results, 10))
    flagged = [r.doc_id for r in judged if r.findings]
    assert flagged == ["d5"] and all(not r.feed_notes for r in [first, *judged])


def test_feed_stage_same_findings_with_jobs() -> None:
    documents = [Document(id=f"d{n}", text=f"Fighters of Hayat Tahrir al-Sham attacked on day {n}.") for n in range(40)]
    documents[17] = Document(id="d17", text="Fighters of Hayat Tahrir al-Cham attacked.")
    config = apply(Config(), {"select": ["N2"]}, "test")
    auditor = Auditor(config, strict=True)
    alone = [(r.doc_id, [(f.code, f.start, f.suggestion) for f in r.findings]) for r in auditor.audit(documents)]
    with ParallelAuditor(auditor, 2, chunk_size=8) as parallel:
        pooled = [(r.doc_id, [(f.code, f.start, f.suggestion) for f in r.findings]) for r in parallel.audit(documents)]
    assert alone == pooled
    assert ("d17", [("N232", 12, "Hayat Tahrir al-Sham")]) in alone


def test_feed_stage_a_crash_costs_one_document_not_the_feed(monkeypatch: object) -> None:
    from audit.checks import names

    def broken(self: object, document: Document, note: object) -> list[object]:
        if document.id == "d1":
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(names._FeedSpellings, "judge", broken)  # type: ignore[attr-defined]
    config = apply(Config(), {"select": ["N232"]}, "test")
    documents = [Document(id=f"d{n}", text=f"Hayat Tahrir al-Sham said so on day {n}.") for n in range(3)]
    results = list(Auditor(config).audit(documents))
    assert [r.doc_id for r in results] == ["d0", "d1", "d2"]
    assert results[1].error is not None and "N232" in results[1].error and "boom" in results[1].error
    assert results[0].error is None and results[2].error is None
