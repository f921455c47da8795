"""One validated, frozen `Config` from class defaults < config file < CLI flags.

The file is `[tool.mt-audit]` in pyproject.toml or the top level of mt-audit.toml, found
from the working directory upwards. Keys are the CLI flags' names. Unknown keys or bad
values are a `ConfigError` naming the file, the key and what is allowed.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from audit.errors import ConfigError
from audit.types import Severity

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class TranslateConfig:
    """How re-translations are made: `[tool.mt-audit.translate]`."""

    # "auto": direct when a source is given, round trip otherwise; "off": precomputed only.
    mode: str = "auto"
    backend: str = "transformers"
    # A Hub id or local directory for the direct model; None picks Helsinki-NLP/opus-mt-SRC-en.
    model: str | None = None
    pivots: tuple[str, ...] = ("ru",)
    # Model id (or directory) templates for round trips; {src}/{tgt} are language codes.
    model_template: str = "Helsinki-NLP/opus-mt-{src}-{tgt}"
    device: str = "auto"
    beam_size: int = 4
    max_length: int = 512
    batch_tokens: int = 4096
    threads: int = 0
    cache_dir: str | None = None
    cache: bool = True
    require: bool = False
    retranslation_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class DivergenceConfig:
    """How divergence is scored and judged: `[tool.mt-audit.divergence]`."""

    # A segment is divergent when its consensus divergence (0 = same, 1 = unrelated) is above this.
    threshold: float = 0.6
    # Weight of the semantic (embedding) signal against chrF++ in the consensus divergence.
    semantic_weight: float = 0.5
    embedding_model: str | None = "all-MiniLM-L6-v2"
    embeddings: bool = True


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("Q", "N", "D")
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str = "warning"
    checks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    glossary: str | None = None
    # Trusted house spellings (`mt-audit names learn` writes them), for N233.
    house_names: str | None = None
    ner: str | None = None
    source_lang: str | None = None
    max_divergence: float | None = None
    max_findings: int | None = None
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    divergence: DivergenceConfig = field(default_factory=DivergenceConfig)
    # Where the config file was found (for messages); not part of the hash.
    origin: str | None = field(default=None, compare=False)

    def fail_threshold(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)

    def is_selected(self, code: str, name: str) -> bool:
        """Longest matching select/ignore entry wins; on a tie, ignore wins (flake8)."""
        best_select = max((_match_length(e, code, name) for e in self.select + self.extend_select), default=0)
        best_ignore = max((_match_length(e, code, name) for e in self.ignore), default=0)
        return best_select > 0 and best_select > best_ignore

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def hash(self) -> str:
        data = asdict(self)
        data.pop("origin", None)
        blob = json.dumps(data, sort_keys=True, default=str).encode("utf-8")
        return hashlib.sha1(blob).hexdigest()[:12]


def _match_length(entry: str, code: str, name: str) -> int:
    if code.startswith(entry) or entry == name or name.startswith(entry + "."):
        return len(entry)
    return 0


def find_config_file(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dedicated = folder / "mt-audit.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_table(pyproject) is not None:
            return pyproject
    return None


def _tool_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("mt-audit")
        return table if isinstance(table, dict) else None
    return data


def load_config(path: Path | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then the file (given or found), then CLI overrides (keys as in the file)."""
    config = Config()
    source = path or find_config_file()
    if source is not None:
        if not source.is_file():
            raise ConfigError(f"{source}: config file not found; pass an existing --config file")
        table = _tool_table(source) or {}
        config = apply(config, table, str(source))
        config = replace(config, origin=str(source))
    if overrides:
        config = apply(config, {k: v for k, v in overrides.items() if v is not None}, "command line")
    return config


def apply(config: Config, table: Mapping[str, Any], where: str) -> Config:
    """Return `config` with the keys of `table` applied, validated one by one."""
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key == "translate":
            changes[key] = _apply_section(config.translate, value, f"{where}: translate")
        elif key == "divergence":
            changes[key] = _apply_section(config.divergence, value, f"{where}: divergence")
        elif key == "severity":
            changes[key] = {**config.severity, **_severities(value, where)}
        elif key == "checks":
            changes[key] = _check_options(value, where)
        elif key in _TOP_LEVEL:
            changes[key] = _coerce(_TOP_LEVEL[key], value, f"{where}: {raw_key}")
        else:
            allowed = ", ".join(sorted(k.replace("_", "-") for k in (*_TOP_LEVEL, "translate", "divergence", "severity", "checks")))
            raise ConfigError(f"{where}: unknown key {raw_key!r} (allowed: {allowed})")
    if "fail_on" in changes and changes["fail_on"] not in FAIL_ON_CHOICES:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not {changes['fail_on']!r}")
    return replace(config, **changes)


_TOP_LEVEL: dict[str, type] = {
    "select": tuple,
    "ignore": tuple,
    "extend_select": tuple,
    "fail_on": str,
    "glossary": str,
    "house_names": str,
    "ner": str,
    "source_lang": str,
    "max_divergence": float,
    "max_findings": int,
}


def _coerce(kind: Any, value: Any, where: str) -> Any:
    if kind is tuple:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
        return tuple(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected an integer, got {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
        return value
    return value


def _apply_section(section: Any, table: Any, where: str) -> Any:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: expected a table")
    types = {f.name: f.type for f in fields(section)}
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in types:
            allowed = ", ".join(sorted(k.replace("_", "-") for k in types))
            raise ConfigError(f"{where}: unknown key {raw_key!r} (allowed: {allowed})")
        changes[key] = _coerce(_annotation_kind(str(types[key])), value, f"{where}.{raw_key}")
    return replace(section, **changes)


def _annotation_kind(annotation: str) -> Any:
    if annotation.startswith("tuple"):
        return tuple
    if annotation.startswith("bool"):
        return bool
    if annotation.startswith("float"):
        return float
    if annotation.startswith("int"):
        return int
    if annotation.startswith("str"):
        return str
    return object


def _severities(table: Any, where: str) -> dict[str, Severity]:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: severity must be a table of CODE = \"error|warning|info\"")
    result: dict[str, Severity] = {}
    for code, value in table.items():
        try:
            result[code] = Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{where}: severity.{code}: {exc}") from None
    return result


def _check_options(table: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(table, Mapping) or not all(isinstance(v, Mapping) for v in table.values()):
        raise ConfigError(f"{where}: checks must be tables keyed by rule name, e.g. [tool.mt-audit.checks.\"quotes.unbalanced\"]")
    return {name: dict(options) for name, options in table.items()}
