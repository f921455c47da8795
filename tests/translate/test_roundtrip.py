"""The re-translation stage end to end: round trip on tiny Marians, the cache, and no model.

The tiny models' output is nonsense, so these tests check the plumbing (routes, batching
over a chunk, alignment, scores, cache hits, statuses and messages), not the findings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from audit.config import Config, apply
from audit.errors import InputError
from audit.evidence import RetranslationStage
from audit.pipeline import Auditor
from audit.translate.routes import roundtrip_routes
from audit.types import Document, RetranslationStatus

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")
SHORT = (
    "Konashenkov said on Wednesday. He said that the Sochi agreements were welcomed.\n\nKonashenkov said on Wednesday."
)


def _config(**translate: Any) -> Config:
    table = {
        "select": ["D"],
        "translate": {"beam-size": 1, "max-length": 16, **translate},
        "divergence": {"embeddings": False},
    }
    return apply(Config(), table, "test")


def _backend_calls(stage: RetranslationStage) -> int:
    return sum(t.backend.calls for t in stage.retranslator.translators.values())  # type: ignore[attr-defined]


def test_roundtrip_runs_both_models_and_aligns_one_to_one(tiny_marian_template: str, tmp_path: Path) -> None:
    config = _config(mode="roundtrip", model_template=tiny_marian_template, pivots=["ru"], cache_dir=str(tmp_path))
    stage = RetranslationStage(config)
    [evidence] = stage.evaluate([Document(id="d", text=SHORT)])
    assert evidence.available and evidence.status is RetranslationStatus.RAN
    assert [item.origin for item in evidence.items] == ["roundtrip:ru"]
    assert len(evidence.segments) == 3
    assert [(p.mt_start, p.mt_end) for p in evidence.alignments] == [(s.start, s.end) for s in evidence.segments]
    assert {"chrf++", "bleu", "divergence"} <= set(evidence.alignments[0].scores)
    assert {"chrf++", "bleu", "divergence", "divergence.max"} <= set(evidence.scores)
    # The repeated sentence was translated once: de-duplicated across the document.
    en_ru = stage.retranslator.translators[tiny_marian_template.format(src="en", tgt="ru")]
    assert en_ru.misses == 2
    assert len(stage.models) == 2 and all("@" in m for m in stage.models)
    assert stage.status_line() == "ran (1 document)"


def test_roundtrip_second_run_is_served_wholly_from_the_cache(tiny_marian_template: str, tmp_path: Path) -> None:
    config = _config(mode="auto", model_template=tiny_marian_template, cache_dir=str(tmp_path))
    documents = [Document(id="sample", text=SAMPLE), Document(id="short", text=SHORT)]
    first = RetranslationStage(config)
    before = first.evaluate(documents)
    assert _backend_calls(first) > 0
    second = RetranslationStage(config)
    after = second.evaluate(documents)
    assert _backend_calls(second) == 0
    assert sum(t.misses for t in second.retranslator.translators.values()) == 0
    assert sum(t.hits for t in second.retranslator.translators.values()) > 0
    assert [e.retranslations for e in after] == [e.retranslations for e in before]
    assert [dict(e.scores) for e in after] == [dict(e.scores) for e in before]


def test_roundtrip_without_cache_calls_the_model_again(tiny_marian_template: str, tmp_path: Path) -> None:
    config = _config(mode="roundtrip", model_template=tiny_marian_template, cache=False)
    for _ in range(2):
        stage = RetranslationStage(config)
        stage.evaluate([Document(id="d", text=SHORT)])
        assert _backend_calls(stage) > 0
    assert not list(tmp_path.iterdir())


def test_direct_mode_translates_the_source(tiny_marian_template: str, tmp_path: Path) -> None:
    config = _config(mode="auto", model_template=tiny_marian_template, cache_dir=str(tmp_path))
    document = Document(id="d", text=SHORT, source="Конашенков заявил в среду. Он сказал.", source_lang="ru")
    stage = RetranslationStage(config)
    [evidence] = stage.evaluate([document])
    assert [item.origin for item in evidence.items] == ["direct:ru-en"]
    assert list(stage.retranslator.translators) == [tiny_marian_template.format(src="ru", tgt="en")]


def test_precomputed_and_model_retranslations_are_used_together(tiny_marian_template: str, tmp_path: Path) -> None:
    config = _config(mode="roundtrip", model_template=tiny_marian_template, cache_dir=str(tmp_path))
    document = Document(id="d", text=SHORT, retranslations=(SHORT,))
    [evidence] = RetranslationStage(config).evaluate([document])
    assert [item.origin for item in evidence.items] == ["precomputed", "roundtrip:ru"]
    # The precomputed one is the MT itself, so every segment's consensus is ~0: the closest wins.
    assert all(s.divergence < 0.01 and s.closest == 0 for s in evidence.segments)


def test_auditor_reports_unavailable_model_and_keeps_model_free_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown Hub id offline: one clear note, status UNAVAILABLE, Q/N findings still there, no load tried."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from audit.translate import backends

    def refuse(*_: Any) -> Any:
        raise AssertionError("no model load may be attempted once the model is known to be missing")

    monkeypatch.setitem(backends.BACKENDS, "transformers", refuse)
    config = apply(Config(), {"translate": {"model-template": "Helsinki-NLP/opus-mt-{src}-{tgt}-nonexistent"}}, "test")
    auditor = Auditor(config)
    meta = auditor.meta()
    assert meta.retranslation.startswith("unavailable: Helsinki-NLP/opus-mt-en-ru-nonexistent")
    assert meta.notes == ()  # said once a document needs the model (auto mode)
    [result] = auditor.audit([Document(id="sample", text=SAMPLE)])
    assert result.retranslation_status is RetranslationStatus.UNAVAILABLE
    notes = auditor.meta().notes
    assert len(notes) == 1 and "re-translation unavailable" in notes[0]
    assert result.error is None
    assert not any(f.code.startswith("D") for f in result.findings)
    assert any(f.code.startswith("Q") for f in result.findings)


def test_issue14_missing_model_is_a_value_that_holds_no_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure is handed back, never re-raised: its traceback would grow by every chunk's frames."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = apply(Config(), {"translate": {"model-template": "nowhere/opus-mt-{src}-{tgt}-nonexistent"}}, "test")
    auditor = Auditor(config, chunk_size=2)
    results = list(auditor.audit([Document(id=str(i), text=SHORT) for i in range(7)]))
    assert [r.retranslation_status for r in results] == [RetranslationStatus.UNAVAILABLE] * 7
    failures = auditor.stage.retranslator.failures
    assert failures and all(failure.__traceback__ is None for failure in failures.values())
    [route] = roundtrip_routes(config.translate)
    assert auditor.stage.retranslator.run(route, ["x"]) is failures[route.models[0]]


def test_auditor_with_require_retranslation_raises_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = apply(
        Config(),
        {"translate": {"model-template": "Helsinki-NLP/opus-mt-{src}-{tgt}-nonexistent", "require": True}},
        "test",
    )
    auditor = Auditor(config)
    with pytest.raises(InputError, match="re-translation did not run.*--require-retranslation"):
        list(auditor.audit([Document(id="sample", text=SAMPLE, path="sample.txt")]))


def test_explicit_roundtrip_with_require_fails_before_any_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = apply(
        Config(),
        {"translate": {"mode": "roundtrip", "model-template": "nowhere/opus-mt-{src}-{tgt}", "require": True}},
        "test",
    )
    with pytest.raises(InputError, match="re-translation cannot run"):
        Auditor(config)


def test_precomputed_document_is_audited_even_when_models_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = apply(
        Config(), {"select": ["D"], "divergence": {"embeddings": False}, "translate": {"require": True}}, "t"
    )
    auditor = Auditor(config)
    [result] = auditor.audit([Document(id="d", text=SHORT, retranslations=(SHORT,))])
    assert result.retranslation_status is RetranslationStatus.PRECOMPUTED
    assert result.scores["chrf++"] == pytest.approx(100.0)
    assert auditor.meta().notes == ()  # the missing models were never needed: nothing to say


def test_mode_off_without_precomputed_is_not_requested() -> None:
    config = apply(Config(), {"select": ["D"], "translate": {"mode": "off"}, "divergence": {"embeddings": False}}, "t")
    [result] = Auditor(config).audit([Document(id="d", text=SHORT)])
    assert result.retranslation_status is RetranslationStatus.NOT_REQUESTED
    assert result.findings == ()


def test_cli_roundtrip_report_names_models_scores_and_alignments(tiny_marian_template: str, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from audit.cli import cli

    (tmp_path / "mt-audit.toml").write_text(
        f'[translate]\nmodel-template = "{tiny_marian_template}"\nbeam-size = 1\nmax-length = 16\n'
        "[divergence]\nembeddings = false\n",
        encoding="utf-8",
    )
    document = tmp_path / "short.txt"
    document.write_text(SHORT, encoding="utf-8")
    args = ["check", str(document), "--config", str(tmp_path / "mt-audit.toml"), "--retranslate", "roundtrip"]
    args += ["--cache-dir", str(tmp_path / "cache"), "--format", "json", "--fail-on", "never", "--jobs", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["meta"]["models"]) == 2
    assert "chrf++" in report["meta"]["metric_signatures"]
    [doc] = report["documents"]
    assert doc["retranslation_status"] == "ran"
    assert len(doc["alignments"]) == 3 and len(doc["retranslations"]) == 1
    assert {"chrf++", "bleu", "divergence"} <= set(doc["scores"])


def test_auto_mode_takes_the_round_trip_when_the_direct_model_is_missing(
    tiny_marian_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `opus-mt-uk-en` here: a Ukrainian source still gets a re-translation, by round trip."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = _config(mode="auto", model_template=tiny_marian_template, cache_dir=str(tmp_path), pivots=["ru"])
    document = Document(id="d", text=SHORT, source="Конашенков заявив у середу.", source_lang="uk")
    auditor = Auditor(config)
    [result] = auditor.audit([document])
    assert result.retranslation_status is RetranslationStatus.RAN
    assert len(result.retranslations) == 1
    [note] = auditor.meta().notes
    assert note.startswith("direct:uk-en re-translation unavailable") and "took the round trip" in note


def test_direct_mode_does_not_fall_back(tiny_marian_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = _config(mode="direct", model_template=tiny_marian_template, cache_dir=str(tmp_path))
    document = Document(id="d", text=SHORT, source="Конашенков заявив у середу.", source_lang="uk")
    [result] = Auditor(config).audit([document])
    assert result.retranslation_status is RetranslationStatus.UNAVAILABLE


def test_no_fallback_note_when_the_round_trip_is_missing_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    config = _config(mode="auto", model_template="Helsinki-NLP/opus-mt-{src}-{tgt}-nonexistent")
    document = Document(id="d", text=SHORT, source="Конашенков заявив у середу.", source_lang="uk")
    auditor = Auditor(config)
    [result] = auditor.audit([document])
    assert result.retranslation_status is RetranslationStatus.UNAVAILABLE
    [note] = auditor.meta().notes
    assert note.startswith("re-translation unavailable") and "round trip" not in note
