"""Backends by name (`--backend`): each loads one model as a `Translator`.

A backend only maps a batch of strings to a batch of strings. Caching, de-duplication
and routing (round trip, direct) sit above it, in `audit.translate.routes`, so a new
backend is one loader function here. Loaders import their heavy libraries lazily.
"""

from __future__ import annotations

from collections.abc import Callable

from audit.config import TranslateConfig
from audit.errors import ConfigError
from audit.translate.base import DecodingParams, Translator

BackendLoader = Callable[[str, DecodingParams, TranslateConfig], Translator]


def _transformers(model_id: str, params: DecodingParams, config: TranslateConfig) -> Translator:
    from audit.translate.marian import load_marian

    return load_marian(model_id, params, device=config.device, threads=config.threads)


def _ctranslate2(model_id: str, params: DecodingParams, config: TranslateConfig) -> Translator:
    from audit.translate.ctranslate2 import load_ctranslate2

    return load_ctranslate2(model_id, params, device=config.device, threads=config.threads)


BACKENDS: dict[str, BackendLoader] = {"transformers": _transformers, "ctranslate2": _ctranslate2}


def decoding_params(config: TranslateConfig) -> DecodingParams:
    for key in ("beam_size", "max_length", "batch_tokens"):
        if getattr(config, key) < 1:
            raise ConfigError(f"translate.{key.replace('_', '-')}: must be at least 1, not {getattr(config, key)}")
    return DecodingParams(beam_size=config.beam_size, max_length=config.max_length, batch_tokens=config.batch_tokens)


def load_backend(model_id: str, config: TranslateConfig) -> Translator:
    """The configured backend's translator for `model_id`; raises `ModelUnavailable`."""
    loader = BACKENDS.get(config.backend)
    if loader is None:
        raise ConfigError(f"translate.backend: unknown backend {config.backend!r} (allowed: {', '.join(BACKENDS)})")
    return loader(model_id, decoding_params(config), config)
