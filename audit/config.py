"""One validated, frozen `Config` from class defaults < config file < CLI flags.

The file is `[tool.mt-audit]` in pyproject.toml or the top level of mt-audit.toml, found
from the working directory upwards (never from the inputs' folders), or named by
`--config`, or none with `--isolated`. Keys are the CLI flags' names. A `--select` on the
command line states the whole selection: the file's select, extend-select and ignore step
aside (ruff's rule), so a file added to the audited tree cannot narrow a CI gate's rules.
Every value is checked here, before the first document is read: unknown keys, rule codes
or names (with the closest one named), values out of range, a `model-template` without
its fields. Each problem is a one-line `ConfigError` naming the file or flag, the key and
what is allowed.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from audit.errors import ConfigError
from audit.types import Severity

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
# How quotations nest: "american" “…‘…’…”, "british" ‘…“…”…’, or either one.
QUOTE_STYLE_CHOICES = ("either", "american", "british")
# What a paragraph is: a line (wire copy), or lines up to a blank line (hard-wrapped text).
PARAGRAPH_CHOICES = ("line", "blank-line")
MODES = ("auto", "roundtrip", "direct", "off")
# The names `audit.translate.backends.BACKENDS` loads (config comes before translate).
BACKENDS = ("transformers", "ctranslate2")
_CHOICES = {
    "fail_on": FAIL_ON_CHOICES,
    "mode": MODES,
    "backend": BACKENDS,
    "quote_style": QUOTE_STYLE_CHOICES,
    "paragraphs": PARAGRAPH_CHOICES,
}
_DEVICE = re.compile(r"^(auto|cpu|cuda(:[0-9]+)?)$")
# A language code as the opus-mt model names spell them (`ru`, `zh`, `pt_br`, `ROMANCE`).
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")
# `--ner`: the rules, or a model through one of the two wrapped libraries.
_NER = re.compile(r"^(hf|spacy):\S")
# Numeric settings and their ranges: fractions in [0, 1], counts from their least sensible value.
_RANGES: dict[str, tuple[float, float | None]] = {
    "max_divergence": (0, 1),
    "max_findings": (0, None),
    "translate.beam_size": (1, None),
    "translate.max_length": (1, None),
    "translate.batch_tokens": (1, None),
    "translate.threads": (0, None),
    "divergence.threshold": (0, 1),
    "divergence.semantic_weight": (0, 1),
}


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
    # The threshold for a divergence from chrF++ alone (embeddings off or unavailable): surface
    # overlap reads a faithful paraphrase as divergent, so it needs more (docs/retranslation.md).
    surface_threshold: float = 0.8
    # TER per aligned pair and document, beside chrF++ and BLEU: sacrebleu's TER is a pure-Python
    # edit distance that costs more than aligning and scoring otherwise; no check reads it.
    ter: bool = False


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
    quote_style: str = "either"
    paragraphs: str = "line"
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
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply for a config file") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("mt-audit")
        return table if isinstance(table, dict) else None
    return data


def load_config(
    path: Path | None = None, overrides: Mapping[str, Any] | None = None, *, isolated: bool = False
) -> Config:
    """Defaults, then the file (given, or found unless `isolated`), then CLI overrides (keys as in the file)."""
    if isolated and path is not None:
        raise ConfigError(f"--isolated ignores every config file, so it cannot be used with --config {path}")
    config = Config()
    source = path or (None if isolated else find_config_file())
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    if source is not None:
        if source.is_dir():
            raise ConfigError(f"{source}: is a directory; --config takes a mt-audit.toml or pyproject.toml file")
        if not source.is_file():
            raise ConfigError(f"{source}: config file not found; pass an existing --config file")
        table = _tool_table(source)
        if table is None:
            raise ConfigError(f"{source}: has no [tool.mt-audit] table; add one or pass another --config file")
        if "select" in overrides:
            table = {k: v for k, v in table.items() if k.replace("-", "_") not in _SELECTION}
        config = apply(config, table, str(source))
        config = replace(config, origin=str(source))
    if overrides:
        config = apply(config, overrides, "command line")
    return config


# Settings whose command-line flag is not `--KEY`, for messages.
_FLAGS = {
    "mode": "--retranslate",
    "pivots": "--pivot",
    "cache": "--no-cache",
    "require": "--require-retranslation",
    "retranslation_files": "--retranslation",
}
# The keys a command-line --select replaces together.
_SELECTION = ("select", "extend_select", "ignore")


def apply(config: Config, table: Mapping[str, Any], where: str) -> Config:
    """Return `config` with the keys of `table` applied, validated one by one."""
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        label = f"--{raw_key.replace('_', '-')}" if where == "command line" else f"{where}: {raw_key}"
        if key == "translate":
            changes[key] = _apply_section(config.translate, value, f"{where}: translate")
        elif key == "divergence":
            changes[key] = _apply_section(config.divergence, value, f"{where}: divergence")
        elif key == "severity":
            changes[key] = {**config.severity, **_severities(value, where)}
        elif key == "checks":
            changes[key] = _check_options(value, where)
        elif key in _SELECTION:
            changes[key] = _selectors(value, label, empty_ok=key != "select")
        elif key in _TOP_LEVEL:
            changes[key] = _checked(key, _coerce(_TOP_LEVEL[key], value, label), label)
        else:
            known = sorted(k.replace("_", "-") for k in (*_TOP_LEVEL, *_SELECTION, "translate", "divergence", "severity", "checks"))
            raise ConfigError(f"{where}: unknown key {raw_key!r}{_did_you_mean(raw_key, known)} (allowed: {', '.join(known)})")
    return replace(config, **changes)


_TOP_LEVEL: dict[str, type] = {
    "fail_on": str,
    "glossary": str,
    "house_names": str,
    "ner": str,
    "source_lang": str,
    "max_divergence": float,
    "max_findings": int,
    "quote_style": str,
    "paragraphs": str,
}


def _did_you_mean(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _selectors(value: Any, label: str, *, empty_ok: bool) -> tuple[str, ...]:
    """Codes, code prefixes or rule names, any case; each must name at least one rule."""
    from audit.checks.base import all_checks, closest_rule, rule_key  # the registry, once a selection is read

    given = _coerce(tuple, value, label)
    if not given and not empty_ok:
        raise ConfigError(f"{label}: is empty, so no rule would run; name codes, prefixes or rule names")
    rules = all_checks()
    for entry in given:
        if not any(_match_length(rule_key(entry), cls.code, cls.name) for cls in rules):
            raise ConfigError(
                f"{label}: no rule matches {entry!r}; did you mean {closest_rule(entry)}? (`mt-audit rules` lists them)"
            )
    return tuple(rule_key(entry) for entry in given)


def _checked(key: str, value: Any, label: str, *, section: str | None = None) -> Any:
    """A value that has its type, checked against what the setting allows."""
    choices = _CHOICES.get(key)
    if choices is not None and value not in choices:
        raise ConfigError(f"{label}: must be one of {', '.join(choices)}, not {value!r}")
    if key == "device" and not _DEVICE.match(value):
        raise ConfigError(f"{label}: unknown device {value!r}; use auto, cpu, cuda or cuda:N")
    if key == "model_template":
        _check_template(value, label)
    if key in ("source_lang", "pivots"):
        for code in (value,) if isinstance(value, str) else value:
            if not _LANGUAGE.match(code):
                raise ConfigError(f"{label}: {code!r} is not a language code (e.g. ru, de, zh)")
            if key == "source_lang" and not _known_language(code):
                raise ConfigError(f"{label}: {code!r} is not a language CLDR knows; use a code such as ru, zh, ja, hi or de")
            if key == "pivots" and code.lower() == "en":
                raise ConfigError(f"{label}: a round trip from English needs another language than {code!r} (e.g. ru)")
    if key in ("glossary", "ner") and not value.strip():
        raise ConfigError(f"{label}: is empty; give a value or leave it out")
    if key == "ner" and value != "rules" and not _NER.match(value):
        raise ConfigError(f"{label}: {value!r} is not a name finder; use rules, hf:MODEL_ID_OR_DIR or spacy:PIPELINE")
    bounds = _RANGES.get(f"{section}.{key}" if section else key)
    if bounds is not None:
        low, high = bounds
        if value < low or (high is not None and value > high):
            allowed = f"from {low:g} to {high:g}" if high is not None else f"{low:g} or more"
            raise ConfigError(f"{label}: must be {allowed}, not {value!r}")
    return value


def _known_language(code: str) -> bool:
    """Whether CLDR (babel) knows the language of `code` (`ru`, `pt-BR`, `zh_Hans`)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _check_template(template: str, label: str) -> None:
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise ConfigError(f"{label}: {template!r} is not a template ({exc}); write the languages as {{src}} and {{tgt}}") from None
    names = {name for name, _, _ in fields}
    if names != {"src", "tgt"} or any(spec or conversion for _, spec, conversion in fields):
        raise ConfigError(
            f"{label}: {template!r} must name the languages as {{src}} and {{tgt}} and nothing else "
            "(e.g. Helsinki-NLP/opus-mt-{src}-{tgt})"
        )


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
    section_name = where.rsplit(": ", 1)[-1]
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in types:
            allowed = sorted(k.replace("_", "-") for k in types)
            raise ConfigError(f"{where}: unknown key {raw_key!r}{_did_you_mean(raw_key, allowed)} (allowed: {', '.join(allowed)})")
        label = _FLAGS.get(key, f"--{raw_key.replace('_', '-')}") if where.startswith("command line") else f"{where}.{raw_key}"
        coerced = _coerce(_annotation_kind(str(types[key])), value, label)
        changes[key] = _checked(key, coerced, label, section=section_name)
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
    from audit.checks.base import all_checks, closest_rule, rule_key

    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: severity must be a table of CODE = \"error|warning|info\"")
    codes = {cls.code for cls in all_checks()}
    result: dict[str, Severity] = {}
    for raw_code, value in table.items():
        code = rule_key(raw_code)
        if code not in codes:
            raise ConfigError(f"{where}: severity.{raw_code}: no such rule; did you mean {closest_rule(raw_code)}?")
        try:
            result[code] = Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{where}: severity.{raw_code}: {exc}") from None
    return result


def _check_options(table: Any, where: str) -> dict[str, dict[str, Any]]:
    """Each rule's options, by rule name: known rules, known options, values of the right type and range."""
    from audit.checks.base import all_checks, closest_rule, rule_key

    if not isinstance(table, Mapping) or not all(isinstance(v, Mapping) for v in table.values()):
        raise ConfigError(f"{where}: checks must be tables keyed by rule name, e.g. [tool.mt-audit.checks.\"quotes.unbalanced\"]")
    known = {cls.name: cls for cls in all_checks()}
    result: dict[str, dict[str, Any]] = {}
    for raw_name, options in table.items():
        name = rule_key(raw_name)
        cls = known.get(name) or next((c for c in known.values() if c.code == name), None)
        if cls is None:
            raise ConfigError(f"{where}: checks.{raw_name}: no such rule; did you mean {closest_rule(raw_name)}?")
        parsed: dict[str, Any] = {}
        for raw_option, value in options.items():
            option = cls.options.get(raw_option.replace("-", "_"))
            if option is None:
                allowed = ", ".join(cls.options) or "none"
                raise ConfigError(f"{where}: checks.{raw_name}.{raw_option}: unknown option (allowed: {allowed})")
            try:
                parsed[raw_option.replace("-", "_")] = option.parse(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{where}: checks.{raw_name}.{raw_option}: {exc}") from None
        result[cls.name] = parsed
    return result
