"""The MarianMT backend on a tiny random-weight model: the real transformers path, no network.

Also how a model that cannot be had ends: at once, with `ModelUnavailable`, and never
after the Hub client's retries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.translate.base import DecodingParams, ModelUnavailable
from audit.translate.hub import endpoint_reachable, locate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_LINES = [line for line in (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8").splitlines() if line]
SMALL = DecodingParams(beam_size=2, max_length=24, batch_tokens=256)


def test_marian_translates_a_batch_end_to_end(tiny_marian: str) -> None:
    from audit.translate.marian import load_marian

    translator = load_marian(tiny_marian, SMALL, device="cpu")
    texts = [
        "Konashenkov said.",
        "He said that the signing of the Sochi agreements was welcomed.",
        "",
        "Konashenkov said.",
    ]
    out = translator.translate(texts)
    assert len(out) == len(texts)
    assert out[2] == ""
    assert out[0] == out[3]
    assert all(isinstance(o, str) and o for i, o in enumerate(out) if i != 2)
    assert translator.calls >= 1
    assert translator.sentences == 3  # the empty input never reaches the model


def test_marian_batches_sorted_by_length_under_the_token_budget(tiny_marian: str) -> None:
    from audit.translate.marian import load_marian

    translator = load_marian(tiny_marian, DecodingParams(beam_size=1, max_length=8, batch_tokens=160), device="cpu")
    clauses = [s for line in SAMPLE_LINES for s in line.split(", ")]
    sentences = [s for s in clauses if translator.token_count(s) <= 40][:30]
    translator.translate(sentences)
    lengths = sorted((translator.token_count(s) for s in sentences), reverse=True)
    # Greedy packing of the sorted lengths under the budget gives exactly this many batches.
    expected, width, size = 1, lengths[0], 0
    for length in lengths:
        if size and width * (size + 1) > 160:
            expected, width, size = expected + 1, length, 0
        size += 1
    assert translator.calls == expected
    assert translator.calls < len(sentences)


def test_marian_splits_a_sentence_longer_than_the_model_reads(tiny_marian: str) -> None:
    from audit.translate.marian import load_marian

    translator = load_marian(tiny_marian, SMALL, device="cpu")
    long = SAMPLE_LINES[0]
    assert translator.token_count(long) > translator.max_input_tokens
    pieces = translator.split_to_fit(long)
    assert len(pieces) > 1
    assert all(translator.token_count(p) <= translator.max_input_tokens for p in pieces)
    # Nothing dropped: the pieces hold every word of the sentence, in order.
    assert " ".join(pieces).split() == long.split()
    [out] = translator.translate([long])
    assert translator.sentences == len(pieces)
    assert out


def test_marian_loads_each_model_once_per_process(tiny_marian: str) -> None:
    from audit.translate.marian import load_marian

    first = load_marian(tiny_marian, SMALL, device="cpu")
    second = load_marian(tiny_marian, DecodingParams(beam_size=1), device="cpu")
    assert first.loaded is second.loaded
    assert first.key != second.key  # decoding parameters are part of the cache key


def test_marian_key_names_model_revision_and_decoding(tiny_marian: str) -> None:
    from audit.translate.marian import load_marian

    key = load_marian(tiny_marian, SMALL, device="cpu").key
    assert key.startswith(f"transformers:{tiny_marian}@")
    assert "beam=2" in key and "max_length=24" in key and "float32" in key


def test_locate_unknown_hub_id_offline_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="not in the local Hugging Face cache and HF_HUB_OFFLINE"):
        locate("Helsinki-NLP/opus-mt-xx-nonexistent")


def test_load_marian_unknown_hub_id_offline_raises_model_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    from audit.translate.marian import load_marian

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="opus-mt-xx-nonexistent"):
        load_marian("Helsinki-NLP/opus-mt-xx-nonexistent", SMALL, device="cpu")


def test_locate_unreachable_hub_fails_after_one_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: refused at once
    probes: list[str] = []
    from audit.translate import hub

    real = hub.endpoint_reachable
    monkeypatch.setattr(hub, "endpoint_reachable", lambda endpoint: probes.append(endpoint) or real(endpoint))
    with pytest.raises(ModelUnavailable, match="cannot be reached"):
        locate("Helsinki-NLP/opus-mt-xx-nonexistent")
    assert probes == ["http://127.0.0.1:9"]


def test_endpoint_reachable_is_false_for_a_closed_port_or_no_host() -> None:
    assert not endpoint_reachable("http://127.0.0.1:9", timeout=1.0)
    assert not endpoint_reachable("not a url")


def test_locate_missing_directory_is_not_mistaken_for_a_hub_id(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="no such model directory"):
        locate(str(tmp_path / "models" / "opus-mt-ru-en"))
    with pytest.raises(ModelUnavailable, match="no such model directory"):
        locate("./opus-mt-ru-en")


def test_locate_directory_revision_follows_its_content(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    first = locate(str(tmp_path))
    assert first.local_only and first.revision
    (tmp_path / "config.json").write_text('{"d_model": 16}', encoding="utf-8")
    assert locate(str(tmp_path)).revision != first.revision


def test_marian_cuda_requested_without_cuda_is_unavailable(tiny_marian: str) -> None:
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    from audit.translate.marian import load_marian

    with pytest.raises(ModelUnavailable, match="CUDA is not available; use --device cpu"):
        load_marian(tiny_marian, SMALL, device="cuda")
