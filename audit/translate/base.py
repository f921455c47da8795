"""The `Translator` protocol every backend implements: a batch of strings in, a batch out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

Piece = TypeVar("Piece")


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


def translate_in_pieces(
    texts: Sequence[str],
    split: Callable[[str], list[Piece]],
    translate_pieces: Callable[[list[Piece]], list[str]],
) -> list[str]:
    """Translate each text as the pieces the model can read whole, then join each text's pieces.

    Every backend splits a sentence too long for the model's positions the same way, so no
    input is ever silently truncated.
    """
    pieces: list[Piece] = []
    owners: list[int] = []
    for index, text in enumerate(texts):
        for piece in split(text):
            pieces.append(piece)
            owners.append(index)
    joined: list[list[str]] = [[] for _ in texts]
    for owner, output in zip(owners, translate_pieces(pieces), strict=True):
        joined[owner].append(output.strip())
    return [" ".join(part for part in parts if part) for parts in joined]


def one_line(exc: BaseException) -> str:
    """An exception as one short line, for the note that says why a model did not load."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
