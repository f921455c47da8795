"""The `Translator` protocol every backend implements: a batch of strings in, a batch out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class DecodingParams:
    beam_size: int = 4
    max_length: int = 512
    # Tokens per batch (source tokens x batch size), so long and short inputs both fill batches.
    batch_tokens: int = 4096


class Translator(Protocol):
    """One model, one direction. `key` identifies model, revision and decoding for the cache."""

    @property
    def model_id(self) -> str: ...

    @property
    def key(self) -> str: ...

    def translate(self, texts: Sequence[str]) -> list[str]: ...


class ModelUnavailable(Exception):
    """The model could not be loaded (offline, unknown id, no disk space): the audit goes on without it."""
