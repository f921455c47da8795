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
        ({"fial-on": "error"}, "unknown key 'fial-on'"),
        ({"fail-on": "fatal"}, "fail-on must be one of"),
        ({"translate": {"beam": 4}}, "unknown key 'beam'"),
        ({"translate": {"beam-size": "4"}}, "expected an integer"),
        ({"severity": {"Q101": "fatal"}}, "unknown severity"),
        ({"select": 3}, "expected a list of strings"),
        ({"quote-style": "french"}, "quote-style must be one of either, american, british"),
        ({"paragraphs": "blank-lines"}, "paragraphs must be one of line, blank-line"),
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
