"""A reporter has a start / per-document / finish lifecycle (flake8), so output streams.

`FORMATS` maps a format name to its reporter class; the CLI never switches on format names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TextIO

from audit.config import Config
from audit.types import DocumentResult, RunMeta, Summary


class Reporter:
    """Base reporter: subclasses write to `self.out` as results arrive."""

    name: ClassVar[str]
    # Whether the format is for machines (no colour, no progress chatter on the same stream).
    binary_safe: ClassVar[bool] = True

    def __init__(self, out: TextIO, config: Config, *, color: bool = False) -> None:
        self.out = out
        self.config = config
        self.color = color

    def start(self, meta: RunMeta) -> None:
        self.meta = meta

    def document(self, result: DocumentResult, failed: bool) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass

    def close(self, summary: Summary, meta: RunMeta) -> None:
        """Finish with the run metadata as known at the end: models load when first needed."""
        self.meta = meta
        self.finish(summary)


FORMATS: dict[str, type[Reporter]] = {}


def register_format(cls: type[Reporter]) -> type[Reporter]:
    if cls.name in FORMATS:
        raise TypeError(f"format {cls.name} registered twice")
    FORMATS[cls.name] = cls
    return cls


ReporterFactory = Callable[[TextIO, Config], Reporter]
