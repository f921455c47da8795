from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import Config, apply, load_config
from audit.errors import ConfigError
from audit.types import Severity


def test_longest_prefix_wins_and_ignore_breaks_ties() -> None:
    config = apply(Config(), {"select": ["Q"], "ignore": ["Q1"], "extend-select": ["Q105"]}, "t")
    assert config.is_selected("Q105", "quotes.wrong-closing")
    assert not config.is_selected("Q101", "quotes.unbalanced")
    assert not config.is_selected("N201", "names.variant")
    tie = apply(Config(), {"select": ["Q101"], "ignore": ["Q101"]}, "t")
    assert not tie.is_selected("Q101", "quotes.unbalanced")


def test_rule_names_select_too() -> None:
    config = apply(Config(), {"select": ["quotes"], "ignore": ["quotes.unbalanced"]}, "t")
    assert config.is_selected("Q102", "quotes.reversed")
    assert not config.is_selected("Q101", "quotes.unbalanced")


def test_pyproject_table_is_found_upwards_and_cli_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mt-audit]\nfail-on = "error"\nignore = ["Q107"]\n[tool.mt-audit.severity]\nQ101 = "info"\n'
        '[tool.mt-audit.translate]\npivots = ["de", "fr"]\n',
        encoding="utf-8",
    )
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    config = load_config(None, {"fail_on": "info"})
    assert config.fail_on == "info"
    assert config.ignore == ("Q107",)
    assert config.severity["Q101"] is Severity.INFO
    assert config.translate.pivots == ("de", "fr")
    assert config.origin == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"fial-on": "error"}, r"unknown key 'fial-on' \(did you mean fail-on\?\)"),
        ({"fail-on": "fatal"}, "fail-on: must be one of"),
        ({"translate": {"beam": 4}}, "unknown key 'beam'"),
        ({"translate": {"beam-size": "4"}}, "expected an integer"),
        ({"severity": {"Q101": "fatal"}}, "unknown severity"),
        ({"select": 3}, "expected a list of strings"),
        ({"select": ["Z999"]}, "select: no rule matches 'Z999'; did you mean Q"),
        ({"select": ["Z9"]}, "select: no rule matches 'Z9'"),
        ({"ignore": ["quotes.bogus"]}, "ignore: no rule matches 'quotes.bogus'; did you mean"),
        ({"extend-select": ["quotes.revesed"]}, r"did you mean Q102 \(quotes.reversed\)\?"),
        ({"select": ["quote"]}, r"did you mean quotes \(the quotes.\* rules\)\?"),
        ({"severity": {"Q999": "info"}}, "severity.Q999: no such rule; did you mean"),
        ({"checks": {"quotes.unbalancd": {}}}, r"checks.quotes.unbalancd: no such rule; did you mean Q101 \(quotes.unbalanced\)"),
        ({"checks": {"quotes.unbalanced": {"continue": True}}}, "unknown option"),
        ({"checks": {"names.glossary": {"threshold": 1.5}}}, "threshold: expected a number from 0 to 1"),
        ({"checks": {"names.glossary": {"threshold": "high"}}}, "threshold: expected a number"),
        ({"checks": {"quotes.count-mismatch": {"tolerance": -1}}}, r"tolerance: expected a count \(0 or more\)"),
        ({"checks": {"quotes.count-mismatch": {"tolerance": 1.5}}}, "tolerance: expected an integer"),
        ({"checks": {"quotes.unbalanced": {"continuation": "yes"}}}, "continuation: expected true or false"),
        ({"checks": {"script.leftover": {"scripts": ["Cyrilic"]}}}, "scripts: unknown value 'Cyrilic'"),
                ({"max-divergence": 1.5}, "max-divergence: must be from 0 to 1, not 1.5"),
        ({"max-divergence": -0.1}, "max-divergence: must be from 0 to 1"),
        ({"max-findings": -1}, "max-findings: must be 0 or more, not -1"),
        ({"ner": "bogus"}, "ner: 'bogus' is not a name finder"),
        ({"ner": "hf:"}, "ner: 'hf:' is not a name finder"),
        ({"glossary": " "}, "glossary: is empty"),
        ({"source-lang": "Russian language"}, "source-lang: 'Russian language' is not a language code"),
        ({"translate": {"device": "tpu"}}, "translate.device: unknown device 'tpu'; use auto, cpu, cuda or cuda:N"),
        ({"translate": {"mode": "sometimes"}}, "translate.mode: must be one of auto, roundtrip, direct, off"),
        ({"translate": {"backend": "onnx"}}, "translate.backend: must be one of transformers, ctranslate2"),
        ({"translate": {"model-template": "Helsinki-NLP/opus-mt-{lang}"}}, r"must name the languages as \{src\} and \{tgt\}"),
        ({"translate": {"model-template": "Helsinki-NLP/opus-mt-{src}-{tgt}-{x}"}}, "and nothing else"),
        ({"translate": {"model-template": "opus-mt-{src"}}, "is not a template"),
        ({"translate": {"model-template": "opus-mt-{src!r}-{tgt}"}}, "and nothing else"),
        ({"translate": {"pivots": ["en"]}}, "translate.pivots: a round trip from English needs another language"),
        ({"translate": {"beam-size": 0}}, "translate.beam-size: must be 1 or more, not 0"),
        ({"translate": {"max-length": -5}}, "translate.max-length: must be 1 or more"),
        ({"translate": {"batch-tokens": 0}}, "translate.batch-tokens: must be 1 or more"),
        ({"translate": {"threads": -1}}, "translate.threads: must be 0 or more"),
        ({"translate": {"beem-size": 4}}, r"unknown key 'beem-size' \(did you mean beam-size\?\)"),
        ({"divergence": {"threshold": 2}}, "divergence.threshold: must be from 0 to 1, not 2"),
        ({"divergence": {"semantic-weight": -1}}, "divergence.semantic-weight: must be from 0 to 1"),
        ({"quote-style": "french"}, "quote-style: must be one of either, american, british"),
        ({"paragraphs": "blank-lines"}, "paragraphs: must be one of line, blank-line"),
    ],
)
def test_bad_config_is_one_line_naming_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        apply(Config(), table, "pyproject.toml")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("pyproject.toml")


def test_config_hash_changes_with_content() -> None:
    assert Config().hash() == Config().hash()
    assert Config().hash() != apply(Config(), {"fail-on": "error"}, "t").hash()


def test_config_codes_and_names_are_case_insensitive() -> None:
    config = apply(
        Config(),
        {"select": ["q1", "Names.Variant"], "ignore": ["q102"], "severity": {"q101": "info"},
         "checks": {"Quotes.Count-Mismatch": {"tolerance": 1}}},
        "t",
    )
    assert config.select == ("Q1", "names.variant")
    assert config.is_selected("Q101", "quotes.unbalanced")
    assert config.is_selected("N201", "names.variant")
    assert not config.is_selected("Q102", "quotes.reversed")
    assert config.severity == {"Q101": Severity.INFO}
    assert config.checks == {"quotes.count-mismatch": {"tolerance": 1}}


def test_config_good_values_pass() -> None:
    config = apply(
        Config(),
        {"max-divergence": 0, "max-findings": 0, "ner": "hf:dslim/bert-base-NER",
         "translate": {"device": "cuda:1", "model-template": "my-org/opus-mt-{src}-{tgt}-ct2", "pivots": ["de", "zh"]},
         "checks": {"names.glossary": {"threshold": 1}, "script.leftover": {"scripts": ["Greek"]}}},
        "t",
    )
    assert config.max_divergence == 0.0
    assert config.translate.device == "cuda:1"
    assert config.checks["names.glossary"] == {"threshold": 1.0}
    assert config.checks["script.leftover"] == {"scripts": ("Greek",)}


def test_command_line_select_replaces_the_files_selection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file cannot switch off rules a --select names (a pull request adding `ignore = ["Q"]`)."""
    (tmp_path / "mt-audit.toml").write_text('ignore = ["Q", "N"]\nextend-select = ["D3"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from_file = load_config(None, {})
    assert from_file.ignore == ("Q", "N")
    gated = load_config(None, {"select": ("Q", "N")})
    assert gated.select == ("Q", "N")
    assert gated.ignore == ()
    assert gated.extend_select == ()
    assert gated.is_selected("Q101", "quotes.unbalanced")
    assert load_config(None, {"select": ("Q",), "ignore": ("Q107",)}).ignore == ("Q107",)


def test_isolated_ignores_config_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mt-audit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_config(None, {}).fail_on == "never"
    isolated = load_config(None, {}, isolated=True)
    assert isolated.fail_on == "warning"
    assert isolated.origin is None
    with pytest.raises(ConfigError, match="cannot be used with --config"):
        load_config(tmp_path / "mt-audit.toml", {}, isolated=True)


def test_config_file_replaces_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mt-audit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    (trusted / "ci.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(trusted / "ci.toml", {})
    assert (config.fail_on, config.origin) == ("error", str(trusted / "ci.toml"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("folder", None, "is a directory; --config takes"),
        ("missing.toml", "", "config file not found"),
        ("pyproject.toml", "[project]\nname = 'x'\n", r"has no \[tool.mt-audit\] table"),
        ("bad.toml", "select = [", "invalid TOML"),
    ],
)
def test_config_file_problems_are_one_line(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is None:
        path.mkdir()
    elif name != "missing.toml":
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path, {})
    assert "\n" not in str(caught.value)


def test_config_knows_the_backends_translate_loads() -> None:
    from audit.config import BACKENDS
    from audit.translate.backends import BACKENDS as LOADERS

    assert set(BACKENDS) == set(LOADERS)
