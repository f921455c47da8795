"""The CTranslate2 backend: the fast re-translation path behind the same `Translator` protocol.

It loads a directory made by `mt-audit models convert` (CTranslate2's converter for
Marian, with the SentencePiece tokenizer copied beside the weights). Weights run as int8
on a CPU and float16 (int8_float16 for an int8 conversion) on CUDA. Tokenization is
SentencePiece used directly, exactly as `MarianTokenizer` uses it, so both backends read
and write the same pieces without this one importing transformers or torch.

Inputs and outputs match the transformers backend: sentences too long for the model's
positions are split at clause boundaries and their pieces translated separately; the
length limit is the same; CTranslate2 itself sorts inputs by length and fills batches up
to the token budget, which on a GPU is sized to the free memory.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit.translate.base import DecodingParams, ModelUnavailable, one_line, translate_in_pieces
from audit.translate.convert import MISSING_CTRANSLATE2, ConvertedModel, read_sidecar
from audit.translate.hub import directory_revision
from audit.translate.marian import best_cut

EOS = "</s>"
# Tokens MarianTokenizer drops when decoding with skip_special_tokens=True.
SPECIAL_TOKENS = frozenset({"</s>", "<unk>", "<pad>"})
SPIECE_UNDERLINE = "\u2581"
# GPU token budget: bytes of device memory one padded source token may need at beam size 1.
# Decoder self- and cross-attention caches of a 6+6-layer, 512-wide model in float16 take
# about 24 KiB per token at full output length; the logits over a 60k vocabulary add about
# 120 KiB per sentence. 96 KiB per token covers both with room for the allocator.
GPU_BYTES_PER_TOKEN = 96 * 1024
# Fraction of the free GPU memory the token budget may plan for.
GPU_MEMORY_SHARE = 0.5
# Beyond this many tokens per batch throughput stops growing on current GPUs.
GPU_MAX_BATCH_TOKENS = 65536
_DEFAULT_PARAMS = DecodingParams()


class MarianPieces:
    """MarianTokenizer's SentencePiece round trip, without transformers.

    Encoding keeps a leading `>>xx<<` target-language code as one token and appends `</s>`;
    decoding drops special tokens, joins the pieces with the same SentencePiece model
    MarianTokenizer decodes with, and turns word-boundary marks into spaces.
    """

    def __init__(self, directory: Path) -> None:
        import sentencepiece

        config = _read_json(directory / "tokenizer_config.json")
        self.source = sentencepiece.SentencePieceProcessor(model_file=str(directory / "source.spm"))
        target = sentencepiece.SentencePieceProcessor(model_file=str(directory / "target.spm"))
        # transformers 5 decodes a shared-vocabulary model's output with the source model.
        self.decoder = target if config.get("separate_vocabs") else self.source

    def encode(self, text: str) -> list[str]:
        code: list[str] = []
        if text.startswith(">>") and (end := text.find("<<")) != -1:
            code, text = [text[: end + 2]], text[end + 2 :]
        return [*code, *self.source.encode(text, out_type=str), EOS]

    def decode(self, tokens: Sequence[str]) -> str:
        pieces = [token for token in tokens if token not in SPECIAL_TOKENS]
        return str(self.decoder.decode_pieces(pieces)).replace(SPIECE_UNDERLINE, " ").strip()


@dataclass(frozen=True)
class LoadedCTranslate2:
    """A converted model in memory, shared by every translator that uses it."""

    model_id: str
    revision: str
    translator: Any
    pieces: MarianPieces
    device: str
    compute_type: str
    converted: ConvertedModel | None
    # Free device memory when loaded (CUDA only), for sizing batches.
    free_memory: int | None = None

    @property
    def max_positions(self) -> int:
        return self.converted.max_positions if self.converted is not None else 512

    @property
    def forced_eos(self) -> bool:
        return self.converted.forced_eos if self.converted is not None else True


_LOADED: dict[tuple[str, str, str, int, int], LoadedCTranslate2] = {}
_LOAD_LOCK = threading.Lock()


def load_ctranslate2(
    model_dir: str,
    params: DecodingParams = _DEFAULT_PARAMS,
    *,
    device: str = "auto",
    threads: int = 0,
    compute_type: str = "auto",
    inter_threads: int = 1,
) -> CTranslate2Translator:
    """A translator for a converted directory; raises `ModelUnavailable`.

    `threads` is CTranslate2's intra_threads (0: its default), `inter_threads` the number
    of batches run in parallel. `compute_type` "auto" is int8 on a CPU, float16 (or
    int8_float16 for an int8 conversion) on CUDA.
    """
    key = (model_dir, device, compute_type, threads, inter_threads)
    with _LOAD_LOCK:
        loaded = _LOADED.get(key)
        if loaded is None:
            loaded = _LOADED[key] = _load(model_dir, device, compute_type, threads, inter_threads)
    return CTranslate2Translator(loaded, params)


def _load(model_dir: str, device: str, compute_type: str, threads: int, inter_threads: int) -> LoadedCTranslate2:
    try:
        import ctranslate2
    except ImportError:
        raise ModelUnavailable(MISSING_CTRANSLATE2) from None
    directory = Path(model_dir).expanduser()
    if not (directory / "model.bin").is_file():
        raise ModelUnavailable(
            f"{model_dir}: not a CTranslate2 model directory (no model.bin); "
            f"convert it first: mt-audit models convert {model_dir} --output DIR"
        )
    if not (directory / "source.spm").is_file() or not (directory / "target.spm").is_file():
        raise ModelUnavailable(
            f"{model_dir}: the SentencePiece files source.spm/target.spm are missing; "
            "convert with `mt-audit models convert`, which copies them beside the model"
        )
    converted = read_sidecar(directory)
    kind, index = _device(ctranslate2, device, model_dir)
    chosen = _compute_type(ctranslate2, kind, compute_type, converted)
    try:
        translator = ctranslate2.Translator(
            str(directory),
            device=kind,
            device_index=index,
            compute_type=chosen,
            intra_threads=max(threads, 0),
            inter_threads=max(inter_threads, 1),
        )
        pieces = MarianPieces(directory)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelUnavailable(f"{model_dir}: cannot load the CTranslate2 model: {one_line(exc)}") from None
    return LoadedCTranslate2(
        model_id=model_dir,
        revision=directory_revision(directory),
        translator=translator,
        pieces=pieces,
        device=kind if kind == "cpu" else f"cuda:{index}",
        compute_type=chosen,
        converted=converted,
        free_memory=free_gpu_memory(index) if kind == "cuda" else None,
    )


def _device(ctranslate2: Any, device: str, model_dir: str) -> tuple[str, int]:
    gpus = ctranslate2.get_cuda_device_count()
    if device == "auto":
        return ("cuda", 0) if gpus > 0 else ("cpu", 0)
    kind, _, number = device.partition(":")
    if kind == "cpu":
        return "cpu", 0
    if kind != "cuda" or (number and not number.isdigit()):
        raise ModelUnavailable(f"{model_dir}: unknown device {device!r}; use auto, cpu, cuda or cuda:N")
    index = int(number or 0)
    if index >= gpus:
        raise ModelUnavailable(
            f"{model_dir}: device {device!r} requested but CTranslate2 sees {gpus} CUDA device(s); "
            "the ctranslate2 4.x wheels need CUDA 12 (libcublas.so.12); or use --device cpu"
        )
    return "cuda", index


def _compute_type(ctranslate2: Any, kind: str, requested: str, converted: ConvertedModel | None) -> str:
    supported = set(ctranslate2.get_supported_compute_types(kind))
    if requested != "auto":
        if requested not in supported | {"default"}:
            raise ModelUnavailable(
                f"compute type {requested!r} is not supported on {kind} (supported: {', '.join(sorted(supported))})"
            )
        return requested
    if kind == "cpu":
        preferred = "int8"
    elif converted is not None and converted.quantization.startswith("int8"):
        preferred = "int8_float16"
    else:
        preferred = "float16"
    return preferred if preferred in supported else "default"


def free_gpu_memory(index: int) -> int | None:
    """Free bytes on CUDA device `index`, from torch when importable, else nvidia-smi."""
    try:
        import torch

        if torch.cuda.is_available():
            free, _total = torch.cuda.mem_get_info(index)
            return int(free)
    except (ImportError, RuntimeError):
        pass
    smi = shutil.which("nvidia-smi")
    if smi is None:
        return None
    try:
        shown = subprocess.run(
            [smi, f"--id={index}", "--query-gpu=memory.free", "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
        return int(shown.split()[0]) * 1024 * 1024
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def gpu_token_budget(free_memory: int | None, beam_size: int, floor: int) -> int:
    """Tokens per batch for a GPU: what half the free memory holds, within [floor, maximum]."""
    if free_memory is None:
        return floor
    fits = int(free_memory * GPU_MEMORY_SHARE / (GPU_BYTES_PER_TOKEN * max(beam_size, 1)))
    return max(floor, min(fits, GPU_MAX_BATCH_TOKENS))


class CTranslate2Translator:
    """One converted MarianMT model in one direction with fixed decoding parameters."""

    def __init__(self, loaded: LoadedCTranslate2, params: DecodingParams) -> None:
        self.loaded = loaded
        self.params = params
        # Model invocations (`translate_batch` calls) and sentences sent, for tests and benchmarks.
        self.calls = 0
        self.sentences = 0

    @property
    def model_id(self) -> str:
        return self.loaded.model_id

    @property
    def key(self) -> str:
        p = self.params
        return (
            f"ctranslate2:{self.loaded.model_id}@{self.loaded.revision}"
            f"|beam={p.beam_size}|max_length={self.max_output_tokens}|{self.loaded.compute_type}"
        )

    @property
    def max_output_tokens(self) -> int:
        return min(self.params.max_length, self.loaded.max_positions)

    @property
    def max_decoding_length(self) -> int:
        """Tokens CTranslate2 may generate, matching `generate(max_length=...)` of the reference.

        That length counts the decoder's start token, and a model with a forced end token
        spends the last position on `</s>`, which CTranslate2 does not emit.
        """
        return max(1, self.max_output_tokens - 1 - int(self.loaded.forced_eos))

    @property
    def batch_tokens(self) -> int:
        if self.loaded.device.startswith("cuda"):
            return gpu_token_budget(self.loaded.free_memory, self.params.beam_size, self.params.batch_tokens)
        return self.params.batch_tokens

    def translate(self, texts: Sequence[str]) -> list[str]:
        decode = self.loaded.pieces.decode
        return translate_in_pieces(
            texts, self.split_to_fit, lambda pieces: [decode(tokens) for tokens in self.translate_tokens(pieces)]
        )

    def split_to_fit(self, text: str) -> list[list[str]]:
        """`text` as tokens, or cut at clause/word boundaries into pieces the model can read whole."""
        if not text.strip():
            return []
        tokens = self.loaded.pieces.encode(text)
        if len(tokens) <= self.loaded.max_positions:
            return [tokens]
        cut = best_cut(text)
        return [*self.split_to_fit(text[:cut].strip()), *self.split_to_fit(text[cut:].strip())]

    def translate_tokens(self, batch: list[list[str]], **options: Any) -> list[list[str]]:
        """Output tokens (no `</s>`) for input tokens; `options` override translate_batch's."""
        if not batch:
            return []
        settings: dict[str, Any] = {
            "max_batch_size": self.batch_tokens,
            "batch_type": "tokens",
            "beam_size": self.params.beam_size,
            "max_decoding_length": self.max_decoding_length,
            "max_input_length": 0,
        }
        settings.update(options)
        results = self.loaded.translator.translate_batch(batch, **settings)
        self.calls += 1
        self.sentences += len(batch)
        return [list(result.hypotheses[0]) for result in results]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
