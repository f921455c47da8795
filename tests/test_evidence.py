"""The re-translation stage's record: what a stage elsewhere learnt, absorbed, reads as one stage's run."""

from __future__ import annotations

from pathlib import Path

from audit.config import Config, apply
from audit.evidence import RetranslationStage, StageRecord
from audit.translate.base import ModelUnavailable
from audit.types import Document, RetranslationStatus

TEXT = "The general said on Wednesday. The talks would go on."


def _config(tmp_path: Path) -> Config:
    table = {
        "select": ["D"],
        "translate": {"model-template": str(tmp_path / "missing-{src}-{tgt}"), "cache": False},
        "divergence": {"embeddings": False},
    }
    return apply(Config(), table, "test")


def _chunks() -> list[list[Document]]:
    precomputed = Document(id="p", text=TEXT, retranslations=(TEXT,))
    bare = Document(id="b", text=TEXT)
    return [[precomputed, precomputed], [bare, precomputed], [bare]]


def test_stage_records_absorbed_chunk_by_chunk_give_the_metadata_of_one_stage(tmp_path: Path) -> None:
    config = _config(tmp_path)
    alone = RetranslationStage(config)
    worker, reporter = RetranslationStage(config), RetranslationStage(config)
    previous = worker.record()
    for chunk in _chunks():
        alone.evaluate(chunk)
        worker.evaluate(chunk)
        record = worker.record()
        reporter.absorb(record.since(previous))
        previous = record
    assert reporter.status_line() == alone.status_line() == "precomputed (3 documents), unavailable (2 documents): " + (
        str(next(iter(alone.retranslator.failures.values())))
    )
    assert reporter.notes == alone.notes and alone.notes
    assert reporter.models == alone.models


def test_stage_record_since_keeps_only_what_is_new() -> None:
    failure = ModelUnavailable("gone")
    earlier = StageRecord(counts=((RetranslationStatus.RAN, 2),), models=("m1",), failures=(("a", failure),))
    later = StageRecord(
        counts=((RetranslationStatus.RAN, 5), (RetranslationStatus.UNAVAILABLE, 1)),
        models=("m1", "m2"),
        failures=(("a", failure), ("b", failure)),
        embedding_failure="no embedder",
    )
    assert later.since(earlier) == StageRecord(
        counts=((RetranslationStatus.RAN, 3), (RetranslationStatus.UNAVAILABLE, 1)),
        models=("m2",),
        failures=(("b", failure),),
        embedding_failure="no embedder",
    )
    assert later.since(later) == StageRecord()
