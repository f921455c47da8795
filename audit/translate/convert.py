"""Convert a MarianMT model (Hub id or directory) into a CTranslate2 model directory.

The conversion is CTranslate2's own `TransformersConverter`; this module only finds the
model without surprise downloads (the same rules as the transformers backend), copies the
SentencePiece tokenizer beside the converted weights (the converter needs it and the
CTranslate2 backend tokenizes with it), and records in a small sidecar file what the
directory was made from, so the backend can key its cache and match the reference
backend's decoding limits.
"""

from __future__ import annotations

import importlib
import json
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from audit.errors import ConfigError, InputError
from audit.translate.base import ModelUnavailable, one_line
from audit.translate.hub import locate

# Written beside model.bin; absent when a directory was converted by hand with ct2-transformers-converter.
SIDECAR = "mt-audit-model.json"
# What MarianTokenizer.save_pretrained writes; target_vocab.json only for separate vocabularies.
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "target_vocab.json", "tokenizer_config.json")
# CTranslate2's weight types; "int8" is the CPU default, "float16"/"int8_float16" suit a GPU.
QUANTIZATIONS = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16", "float32")
MISSING_CTRANSLATE2 = (
    "the ctranslate2 backend needs the ctranslate2 package; install it with "
    "`pip install 'mt-audit[ctranslate2]'` (or `pip install ctranslate2`)"
)


@dataclass(frozen=True)
class ConvertedModel:
    """What a converted directory was made from, as recorded in its sidecar."""

    source_model: str
    source_revision: str
    quantization: str
    # The source model's position limit: longer inputs are split before translation.
    max_positions: int = 512
    # Whether the source model forces `</s>` as the last token at the length limit (HF generate does).
    forced_eos: bool = True
    ctranslate2_version: str = "unknown"


def read_sidecar(directory: Path) -> ConvertedModel | None:
    """The sidecar of a converted directory, or None when it has none (or an unreadable one)."""
    try:
        data = json.loads((directory / SIDECAR).read_text(encoding="utf-8"))
        return ConvertedModel(**data)
    except (OSError, ValueError, TypeError):
        return None


def convert_marian(model: str, output: Path, *, quantization: str = "int8", force: bool = False) -> ConvertedModel:
    """Convert `model` into `output`; raises InputError/ConfigError with a one-line message."""
    if quantization not in QUANTIZATIONS:
        raise ConfigError(f"--quantization {quantization!r}: expected one of {', '.join(QUANTIZATIONS)}")
    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: exists and is not a directory; choose another --output")
    if output.is_dir() and any(output.iterdir()) and not force:
        raise InputError(f"{output}: directory is not empty; pass --force to overwrite it")
    try:
        import ctranslate2
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ConfigError(MISSING_CTRANSLATE2) from None
    source, revision = _local_copy(model)
    config = _source_config(source, model)
    tokenizer_files = [name for name in TOKENIZER_FILES if (source / name).is_file()]
    missing = {"source.spm", "target.spm", "vocab.json"} - set(tokenizer_files)
    if missing:
        raise InputError(
            f"{model}: the tokenizer files {', '.join(sorted(missing))} are missing; "
            "save the MarianTokenizer beside the model (tokenizer.save_pretrained(dir))"
        )
    _quiet_transformers()
    converter = TransformersConverter(str(source), copy_files=tokenizer_files)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            converter.convert(str(output), quantization=quantization, force=True)
    except (OSError, ValueError, RuntimeError, TypeError) as exc:
        raise InputError(f"{model}: conversion failed: {one_line(exc)}") from None
    converted = ConvertedModel(
        source_model=model,
        source_revision=revision,
        quantization=quantization,
        max_positions=int(config.get("max_position_embeddings", 512)),
        forced_eos=config.get("forced_eos_token_id") is not None,
        ctranslate2_version=ctranslate2.__version__,
    )
    (output / SIDECAR).write_text(json.dumps(asdict(converted), indent=2) + "\n", encoding="utf-8")
    return converted


def _local_copy(model: str) -> tuple[Path, str]:
    """A local directory holding `model` and its revision; downloads only a Hub id not cached yet."""
    try:
        location, local_only, revision = locate(model)
    except ModelUnavailable as exc:
        raise InputError(str(exc)) from None
    path = Path(location)
    if path.is_dir():
        return path, revision or "unknown"
    from huggingface_hub import snapshot_download

    try:
        folder = Path(snapshot_download(model, local_files_only=local_only))
    except Exception as exc:
        raise InputError(f"{model}: cannot fetch the model: {one_line(exc)}") from None
    return folder, revision or folder.name


def _source_config(source: Path, model: str) -> dict[str, Any]:
    try:
        config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{model}: no readable config.json ({one_line(exc)}); is it a transformers model?") from None
    if config.get("model_type") != "marian":
        raise InputError(
            f"{model}: model_type is {config.get('model_type')!r}; only MarianMT (marian) models convert here"
        )
    return dict(config)


def _quiet_transformers() -> None:
    """The converter loads through transformers, whose progress bars would land on our stderr."""
    hf_logging: Any = importlib.import_module("transformers.utils.logging")
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def describe(directory: Path) -> str:
    """A one-line summary of a converted directory, for the CLI."""
    info = read_sidecar(directory)
    size = sum(p.stat().st_size for p in directory.iterdir() if p.is_file()) / 1e6
    if info is None:
        return f"{directory}: {size:.1f} MB"
    return (
        f"{directory}: {info.source_model} ({info.source_revision[:12]}) as {info.quantization}, "
        f"{size:.1f} MB, ctranslate2 {info.ctranslate2_version}"
    )
