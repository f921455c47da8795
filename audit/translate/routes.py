"""Which re-translations a document gets, and making them: round trip, direct, precomputed.

- round trip (only the English is known): en -> pivot -> en through the model template,
  once per pivot (`opus-mt-en-ru` then `opus-mt-ru-en`);
- direct (source and its language known): source -> en (`opus-mt-SRC-en`, or `--model`);
- precomputed: carried in the input or given in files; no model.

Mode "auto" takes precomputed re-translations when a document has them, else direct when
it has a source (the round trip when the direct model is missing), else the round trip. "roundtrip" and "direct" add model re-translations
to any precomputed ones; "off" uses precomputed ones only.

A `Retranslator` loads each model once (through the configured backend), wraps it in
the cache, and remembers a model that could not be loaded so it is tried once per run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.config import MODES, TranslateConfig
from audit.errors import ConfigError
from audit.translate.backends import load_backend
from audit.translate.base import ModelUnavailable, Translator
from audit.translate.cache import CachedTranslator, MemoryCache, ResilientCache

TARGET_LANG = "en"


@dataclass(frozen=True)
class Route:
    """One model-made re-translation: the models in order, and which text they read."""

    name: str
    models: tuple[str, ...]
    reads_source: bool


def plan_routes(
    config: TranslateConfig,
    *,
    has_source: bool,
    source_lang: str | None,
    has_precomputed: bool,
) -> tuple[Route, ...]:
    """The model routes a document needs under `config.mode`."""
    mode = config.mode
    if mode not in MODES:
        raise ConfigError(f"translate.mode: unknown mode {mode!r} (allowed: {', '.join(MODES)})")
    if mode == "off" or (mode == "auto" and has_precomputed):
        return ()
    direct = has_source and bool(source_lang)
    if mode == "direct" or (mode == "auto" and direct):
        return (direct_route(config, source_lang),) if direct else ()
    return roundtrip_routes(config)


def direct_route(config: TranslateConfig, source_lang: str | None) -> Route:
    lang = (source_lang or "").strip().lower()
    model = config.model or config.model_template.format(src=lang, tgt=TARGET_LANG)
    return Route(name=f"direct:{lang}-{TARGET_LANG}", models=(model,), reads_source=True)


def roundtrip_routes(config: TranslateConfig) -> tuple[Route, ...]:
    if not config.pivots:
        raise ConfigError("translate.pivots: give at least one pivot language for the round trip, e.g. ru")
    return tuple(
        Route(
            name=f"roundtrip:{pivot}",
            models=(
                config.model_template.format(src=TARGET_LANG, tgt=pivot),
                config.model_template.format(src=pivot, tgt=TARGET_LANG),
            ),
            reads_source=False,
        )
        for pivot in config.pivots
    )


class Retranslator:
    """Runs routes over batches of sentences, through the cache, loading each model once."""

    def __init__(self, config: TranslateConfig) -> None:
        self.config = config
        self.cache: ResilientCache | MemoryCache = (
            ResilientCache(Path(config.cache_dir).expanduser() if config.cache_dir else None)
            if config.cache
            else MemoryCache()
        )
        self.translators: dict[str, CachedTranslator] = {}
        self.failures: dict[str, ModelUnavailable] = {}

    def translator(self, model_id: str) -> CachedTranslator | ModelUnavailable:
        """The cached translator for `model_id`, or why it cannot be had: each model is tried once per run.

        The failure is kept as a value, without its traceback, and handed back, never raised
        again: re-raising one exception every chunk grows its traceback by the frames of each
        chunk, and with them every chunk's documents (memory grew with the feed).
        """
        if model_id in self.failures:
            return self.failures[model_id]
        if model_id not in self.translators:
            try:
                backend: Translator = load_backend(model_id, self.config)
            except ModelUnavailable as exc:
                self.failures[model_id] = exc.with_traceback(None)
                return self.failures[model_id]
            self.translators[model_id] = CachedTranslator(backend, self.cache)
        return self.translators[model_id]

    def unavailable(self, route: Route) -> ModelUnavailable | None:
        """Why `route` cannot run (the first of its models that cannot be loaded), or None: it can."""
        for model_id in route.models:
            found = self.translator(model_id)
            if isinstance(found, ModelUnavailable):
                return found
        return None

    def run(self, route: Route, texts: Sequence[str]) -> list[str] | ModelUnavailable:
        """Each text through every model of the route in turn, or why the route cannot run."""
        failure = self.unavailable(route)
        if failure is not None:
            return failure
        current = list(texts)
        for model_id in route.models:
            current = self.translators[model_id].translate(current)
        return current

    @property
    def cache_notes(self) -> list[str]:
        """What went wrong with the cache, once each (the run went on without it)."""
        return self.cache.notes if isinstance(self.cache, ResilientCache) else []

    @property
    def model_calls(self) -> int:
        """Inputs the backends had to translate (the cache and de-duplication served the rest)."""
        return sum(t.misses for t in self.translators.values())

    def describe_models(self) -> list[str]:
        """`model_id@revision` of every loaded model, for the run metadata."""
        return [t.key for t in self.translators.values()]
