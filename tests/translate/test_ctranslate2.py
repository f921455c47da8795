"""The CTranslate2 backend against the transformers reference, on a tiny random-weight Marian.

Both backends must read the same pieces and, decoding greedily in float32, write the same
tokens; the converted model must work end to end through the cache; a missing ctranslate2
must end `models convert` with one line and exit 2.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from audit.cli import cli
from audit.translate.base import DecodingParams, ModelUnavailable
from audit.translate.cache import CachedTranslator, TranslationCache
from audit.translate.convert import SIDECAR, convert_marian, read_sidecar
from audit.translate.ctranslate2 import GPU_MAX_BATCH_TOKENS, gpu_token_budget, load_ctranslate2

pytest.importorskip("ctranslate2")
pytest.importorskip("transformers")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
# Long enough that some sample sentences run to the limit, so the limits must agree too.
GREEDY = DecodingParams(beam_size=1, max_length=48, batch_tokens=4096)


def _sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    return [s for s in re.split(r"(?<=[.!?”])\s+", text) if s.strip()]


@pytest.fixture(scope="module")
def tiny_float32(tiny_marian: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en->ru Marian of tests/conftest.py, converted with float32 weights."""
    output = tmp_path_factory.mktemp("ct2") / "float32"
    convert_marian(tiny_marian, output, quantization="float32")
    return output


@pytest.fixture(scope="module")
def reference(tiny_marian: str) -> Any:
    from audit.translate.marian import load_marian

    return load_marian(tiny_marian, GREEDY, device="cpu")


def test_ctranslate2_reads_the_pieces_marian_tokenizer_reads(reference: Any, tiny_float32: Path) -> None:
    fast = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", compute_type="float32")
    tokenizer = reference.loaded.tokenizer
    vocab = tokenizer.get_vocab()
    for text in [*_sentences(), ">>ru<< Konashenkov said.", "  spaced  out  ", "Idlib — «M5»"]:
        # CTranslate2 maps a piece outside the vocabulary to <unk>, as the tokenizer's ids do.
        pieces = [p if p in vocab else tokenizer.unk_token for p in fast.loaded.pieces.encode(text)]
        assert pieces == tokenizer.convert_ids_to_tokens(tokenizer(text)["input_ids"])


def test_ctranslate2_writes_text_as_marian_tokenizer_decodes(reference: Any, tiny_float32: Path) -> None:
    fast = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", compute_type="float32")
    tokenizer = reference.loaded.tokenizer
    ids = [[(7 * i + 3 * j) % tokenizer.vocab_size for j in range(25)] for i in range(40)]
    for row in ids:
        tokens = tokenizer.convert_ids_to_tokens(row)
        assert fast.loaded.pieces.decode(tokens) == tokenizer.decode(row, skip_special_tokens=True)


def test_ctranslate2_greedy_float32_gives_the_reference_tokens(reference: Any, tiny_float32: Path) -> None:
    import torch

    fast = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", compute_type="float32")
    tokenizer = reference.loaded.tokenizer
    sentences = [s for s in _sentences() if len(fast.split_to_fit(s)) == 1]
    assert len(sentences) >= 5
    encoded = tokenizer(sentences, return_tensors="pt", padding=True)
    with torch.inference_mode():
        generated = reference.loaded.model.generate(
            **encoded, num_beams=1, do_sample=False, max_length=GREEDY.max_length
        )
    special = {tokenizer.pad_token_id, tokenizer.eos_token_id}
    expected = [tokenizer.convert_ids_to_tokens([i for i in row.tolist() if i not in special]) for row in generated]
    got = fast.translate_tokens([fast.loaded.pieces.encode(s) for s in sentences])
    assert got == expected
    assert any(len(tokens) == fast.max_decoding_length for tokens in got), "no output reached the length limit"


def test_ctranslate2_translates_like_the_reference(reference: Any, tiny_float32: Path) -> None:
    fast = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", compute_type="float32")
    sentences = [*_sentences(), "", "   "]
    assert any(len(fast.split_to_fit(s)) > 1 for s in sentences), "no sentence long enough to be split"
    assert fast.translate(sentences) == reference.translate(sentences)


def test_ctranslate2_key_names_backend_revision_and_compute_type(tiny_float32: Path) -> None:
    exact = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", compute_type="float32")
    quantized = load_ctranslate2(str(tiny_float32), GREEDY, device="cpu")
    assert quantized.loaded.compute_type == "int8"
    assert exact.key.startswith(f"ctranslate2:{tiny_float32}@")
    assert exact.key != quantized.key
    assert exact.model_id == str(tiny_float32)


def test_convert_command_then_translate_through_the_cache(tiny_marian: str, tmp_path: Path) -> None:
    output = tmp_path / "int8"
    result = CliRunner().invoke(
        cli, ["models", "convert", tiny_marian, "--quantization", "int8", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert tiny_marian in result.stdout and "int8" in result.stdout
    converted = read_sidecar(output)
    assert converted is not None and converted.quantization == "int8" and converted.max_positions == 64
    assert {"model.bin", "source.spm", "target.spm", "vocab.json", SIDECAR} <= {p.name for p in output.iterdir()}

    sentences = _sentences()
    backend = load_ctranslate2(str(output), GREEDY, device="cpu")
    first = CachedTranslator(backend, TranslationCache(tmp_path / "cache"))
    translations = first.translate([*sentences, *sentences])
    assert len(translations) == 2 * len(sentences) and all(translations)
    assert backend.sentences >= len(sentences) and first.misses == len(set(sentences))
    calls = backend.calls
    second = CachedTranslator(backend, TranslationCache(tmp_path / "cache"))
    assert second.translate(sentences) == translations[: len(sentences)]
    assert backend.calls == calls and second.misses == 0


def test_convert_command_refuses_a_non_empty_output(tiny_marian: str, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["models", "convert", tiny_marian, "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "--force" in result.stderr and "Traceback" not in result.output


def test_convert_command_without_ctranslate2_says_so_in_one_line(
    tiny_marian: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    monkeypatch.setitem(sys.modules, "ctranslate2.converters", None)
    result = CliRunner().invoke(cli, ["models", "convert", tiny_marian, "--output", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install" in lines[0] and "ctranslate2" in lines[0]
    assert result.stdout == ""


def test_load_ctranslate2_without_ctranslate2_is_unavailable(
    tiny_float32: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    with pytest.raises(ModelUnavailable, match="pip install"):
        load_ctranslate2(str(tiny_float32), GREEDY, device="cpu", threads=1)


def test_load_ctranslate2_names_the_convert_command_for_a_transformers_directory(tiny_marian: str) -> None:
    with pytest.raises(ModelUnavailable, match="mt-audit models convert"):
        load_ctranslate2(tiny_marian, GREEDY, device="cpu")


def test_load_ctranslate2_refuses_cuda_it_cannot_see(tiny_float32: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA device is visible")
    with pytest.raises(ModelUnavailable, match="CUDA 12"):
        load_ctranslate2(str(tiny_float32), GREEDY, device="cuda")


def test_gpu_token_budget_grows_with_free_memory_within_bounds() -> None:
    assert gpu_token_budget(None, 4, 4096) == 4096
    assert gpu_token_budget(1 << 30, 1, 4096) > gpu_token_budget(1 << 30, 4, 4096) >= 4096
    assert gpu_token_budget(80 << 30, 1, 4096) == GPU_MAX_BATCH_TOKENS
    assert gpu_token_budget(1 << 20, 1, 4096) == 4096


def test_roundtrip_audit_through_converted_models_then_from_the_cache(
    tiny_marian_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit.config import Config, apply
    from audit.pipeline import Auditor
    from audit.types import Document, RetranslationStatus

    template = str(tmp_path / "ct2-{src}-{tgt}")
    for src, tgt in (("en", "ru"), ("ru", "en")):
        source = tiny_marian_template.format(src=src, tgt=tgt)
        result = CliRunner().invoke(cli, ["models", "convert", source, "--output", template.format(src=src, tgt=tgt)])
        assert result.exit_code == 0, result.output
    table = {
        "select": ["D"],
        "translate": {
            "backend": "ctranslate2",
            "mode": "roundtrip",
            "model-template": template,
            "beam-size": 1,
            "max-length": 16,
            "cache-dir": str(tmp_path / "cache"),
        },
        "divergence": {"embeddings": False},
    }
    documents = [
        Document(id="sample", text=SAMPLE.read_text(encoding="utf-8")),
        Document(id="twice", text="He said.\n\nHe said."),
    ]

    def audit() -> tuple[list[Any], int]:
        auditor = Auditor(apply(Config(), table, "test"))
        results = list(auditor.audit(documents))
        translators = auditor.stage.retranslator.translators.values()
        return results, sum(t.backend.calls for t in translators)

    first, first_calls = audit()
    assert first_calls > 0
    assert all(r.retranslation_status is RetranslationStatus.RAN and r.retranslations for r in first)
    again, again_calls = audit()
    assert again_calls == 0
    assert [r.retranslations for r in again] == [r.retranslations for r in first]
