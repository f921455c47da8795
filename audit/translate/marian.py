"""The MarianMT backend (Helsinki-NLP opus-mt) on transformers: the reference translator.

A model is a Hub id (`Helsinki-NLP/opus-mt-ru-en`) or a local directory. It is loaded once
per process (a module-level registry), with safetensors preferred and never with remote
code. `hub.locate` finds it first, so an unreachable Hub fails at once with
`ModelUnavailable` instead of after the Hub client's retries.

Inputs are sentences. One too long for the model's positions is split at clause or word
boundaries and its pieces translated separately, never silently truncated. Batches are
sorted by length and filled up to a token budget.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit.translate.base import DecodingParams, ModelUnavailable, one_line, translate_in_pieces
from audit.translate.hub import cached_revision, locate

# Where a long sentence is best cut: after clause punctuation, then at any space.
_CLAUSE_BREAK = re.compile(r"[,;:)\]]\s+|\s+[–—-]\s+|\s+(?=[(\[“\"«])")
_SPACE = re.compile(r"\s+")
_DEFAULT_PARAMS = DecodingParams()


@dataclass(frozen=True)
class LoadedModel:
    """A model and tokenizer in memory, shared by every translator that uses them."""

    model_id: str
    revision: str
    model: Any
    tokenizer: Any
    device: str
    dtype: str
    max_positions: int


_LOADED: dict[tuple[str, str], LoadedModel] = {}
_LOAD_LOCK = threading.Lock()


def load_marian(
    model_id: str,
    params: DecodingParams = _DEFAULT_PARAMS,
    *,
    device: str = "auto",
    threads: int = 0,
) -> MarianTranslator:
    """A translator for `model_id` (Hub id or directory); raises `ModelUnavailable`."""
    return MarianTranslator(_load(model_id, device, threads), params)


def _load(model_id: str, device: str, threads: int) -> LoadedModel:
    with _LOAD_LOCK:
        cached = _LOADED.get((model_id, device))
        if cached is None:
            cached = _LOADED[(model_id, device)] = _load_uncached(model_id, device, threads)
        return cached


def _load_uncached(model_id: str, device: str, threads: int) -> LoadedModel:
    location = locate(model_id)
    try:
        import torch
        from transformers import MarianMTModel, MarianTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        raise ModelUnavailable(f"{model_id}: transformers/torch are not installed ({exc})") from None
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    if threads > 0:
        torch.set_num_threads(threads)
    target, dtype = _device(torch, device, model_id)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            tokenizer = MarianTokenizer.from_pretrained(location.path, local_files_only=location.local_only)
        model = _from_pretrained(MarianMTModel, location.path, location.local_only, dtype)
    # The Hub client and the loaders raise OSError, ValueError, HTTP and parse errors alike.
    except Exception as exc:
        raise ModelUnavailable(f"{model_id}: cannot load the model: {one_line(exc)}") from None
    model.to(target)
    model.eval()
    return LoadedModel(
        model_id=model_id,
        revision=location.revision or cached_revision(model_id) or "unknown",
        model=model,
        tokenizer=tokenizer,
        device=target,
        dtype=str(dtype).removeprefix("torch."),
        max_positions=int(model.config.max_position_embeddings),
    )


def _from_pretrained(cls: Any, location: str, local_only: bool, dtype: Any) -> Any:
    """Safetensors when the repository has them, the legacy pickle only through torch's safe loader."""
    try:
        return cls.from_pretrained(location, local_files_only=local_only, use_safetensors=True, dtype=dtype)
    except OSError as exc:
        if "safetensors" not in str(exc).lower():
            raise
        return cls.from_pretrained(location, local_files_only=local_only, use_safetensors=False, dtype=dtype)


def _device(torch: Any, device: str, model_id: str) -> tuple[str, Any]:
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelUnavailable(f"{model_id}: device {device!r} requested but CUDA is not available; use --device cpu")
    return device, (torch.float16 if device.startswith("cuda") else torch.float32)


class MarianTranslator:
    """One MarianMT model in one direction with fixed decoding parameters."""

    def __init__(self, loaded: LoadedModel, params: DecodingParams) -> None:
        self.loaded = loaded
        self.params = params
        # Model invocations (`generate` calls) and sentences sent, for tests and benchmarks.
        self.calls = 0
        self.sentences = 0

    @property
    def model_id(self) -> str:
        return self.loaded.model_id

    @property
    def key(self) -> str:
        p = self.params
        return (
            f"transformers:{self.loaded.model_id}@{self.loaded.revision}"
            f"|beam={p.beam_size}|max_length={self.max_output_tokens}|{self.loaded.dtype}"
        )

    @property
    def max_input_tokens(self) -> int:
        return min(self.loaded.max_positions, int(getattr(self.loaded.tokenizer, "model_max_length", 1 << 30)))

    @property
    def max_output_tokens(self) -> int:
        return min(self.params.max_length, self.loaded.max_positions)

    def translate(self, texts: Sequence[str]) -> list[str]:
        return translate_in_pieces(texts, self.split_to_fit, self._translate_pieces)

    def token_count(self, text: str) -> int:
        return len(self.loaded.tokenizer(text)["input_ids"])

    def split_to_fit(self, text: str) -> list[str]:
        """`text` as one piece, or cut at clause/word boundaries into pieces the model can read whole."""
        if not text.strip():
            return [text] if text else []
        if len(text) < 2 or self.token_count(text) <= self.max_input_tokens:
            return [text]
        cut = best_cut(text)
        return [*self.split_to_fit(text[:cut].strip()), *self.split_to_fit(text[cut:].strip())]

    def _translate_pieces(self, pieces: list[str]) -> list[str]:
        import torch

        tokenizer = self.loaded.tokenizer
        lengths = [self.token_count(piece) if piece.strip() else 0 for piece in pieces]
        order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
        results = [""] * len(pieces)
        for batch in _batches(order, lengths, self.params.batch_tokens):
            encoded = tokenizer([pieces[i] for i in batch], return_tensors="pt", padding=True)
            encoded = {name: tensor.to(self.loaded.device) for name, tensor in encoded.items()}
            with torch.inference_mode():
                generated = self.loaded.model.generate(
                    **encoded,
                    num_beams=self.params.beam_size,
                    max_length=self.max_output_tokens,
                    do_sample=False,
                )
            self.calls += 1
            self.sentences += len(batch)
            for i, text in zip(batch, tokenizer.batch_decode(generated, skip_special_tokens=True), strict=True):
                results[i] = text
        return results


def _batches(order: list[int], lengths: list[int], budget: int) -> list[list[int]]:
    """Consecutive runs of `order` (longest first) whose padded size fits `budget` tokens."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        width = max((lengths[i] for i in current), default=lengths[index])
        if current and width * (len(current) + 1) > budget:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def best_cut(text: str) -> int:
    """A cut point near the middle: a clause break if there is one, else a space, else the middle."""
    middle = len(text) // 2
    for pattern in (_CLAUSE_BREAK, _SPACE):
        points = [m.end() for m in pattern.finditer(text) if 0 < m.end() < len(text)]
        if points:
            return min(points, key=lambda p: abs(p - middle))
    return max(1, middle)
