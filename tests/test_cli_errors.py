"""Every bad option or config value: one line on stderr, exit 2, no traceback, no document read.

These run the real entry point (`audit.cli.main`), so click's own usage errors are covered too.
The input named last does not exist: were it read, a second error line would name it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from audit.cli import main

MISSING_INPUT = "never-read.txt"


def run_main(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["mt-audit", *args])
    try:
        main()
        status = 0
    except SystemExit as exited:
        status = int(exited.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("He said the “talks” failed.\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "latin1.tsv").write_bytes("Hurras al-Din\tKhoras ad-D\xeen\n".encode("latin-1"))
    (tmp_path / "twice.tsv").write_text("Hurras al-Din\tKhoras ad-Din\nHurras ad-Din\tKhoras ad-Din\n", encoding="utf-8")
    return tmp_path


BAD_FLAGS = [
    (["--select", "Z999"], "--select: no rule matches 'Z999'; did you mean"),
    (["--select", "Q1,Z9"], "--select: no rule matches 'Z9'"),
    (["--select", ""], "--select: is empty, so no rule would run"),
    (["--ignore", "quotes.bogus"], "--ignore: no rule matches 'quotes.bogus'"),
    (["--extend-select", "quotes.revesed"], "did you mean Q102 (quotes.reversed)?"),
    (["--glossary", "nope.tsv"], "nope.tsv: no such glossary file"),
    (["--glossary", "folder"], "folder: is a directory; --glossary takes a TSV or CSV file"),
    (["--glossary", "latin1.tsv"], "latin1.tsv:1: glossary is not UTF-8"),
    (["--glossary", "twice.tsv"], "twice.tsv:2: glossary spelling 'Khoras ad-Din' is already listed on line 1"),
    (["--glossary", ""], "--glossary: is empty"),
    (["--ner", "bogus"], "--ner: 'bogus' is not a name finder"),
    (["--device", "tpu"], "--device: unknown device 'tpu'"),
    (["--max-divergence", "1.5"], "--max-divergence: must be from 0 to 1, not 1.5"),
    (["--max-divergence", "-0.5"], "--max-divergence: must be from 0 to 1"),
    (["--max-findings", "-1"], "--max-findings: must be 0 or more, not -1"),
    (["--beam-size", "0"], "--beam-size: must be 1 or more, not 0"),
    (["--max-length", "-3"], "--max-length: must be 1 or more"),
    (["--batch-tokens", "0"], "--batch-tokens: must be 1 or more"),
    (["--threads", "-2"], "--threads: must be 0 or more"),
    (["--pivot", "en"], "--pivot: a round trip from English needs another language"),
    (["--source-lang", "r u"], "--source-lang: 'r u' is not a language code"),
    (["--jobs", "-1"], "-1 is not in the range"),
    (["--fail-on", "fatal"], "'fatal' is not one of"),
    (["--max-findings", "many"], "'many' is not a valid integer"),
    (["--format", "pdf"], "'pdf' is not one of"),
    (["--no-such-flag"], "No such option '--no-such-flag'"),
    (["--isolated", "--config", "mt-audit.toml"], "--isolated ignores every config file"),
    (["--config", "folder"], "folder: is a directory; --config takes"),
    (["--config", "absent.toml"], "absent.toml: config file not found"),
    (["--output", "nowhere/report.json"], "does not exist; create it or choose another --output"),
    (["--write-baseline", "nowhere/base.json"], "does not exist; create it or choose another --write-baseline"),
    (["--baseline", "absent.json"], "absent.json: baseline not found"),
    (["--retranslation", "absent.txt"], "absent.txt: no such re-translation file"),
]


@pytest.mark.parametrize(("flags", "message"), BAD_FLAGS, ids=[" ".join(flags) for flags, _ in BAD_FLAGS])
def test_bad_flag_is_one_line_exit_2(
    flags: list[str], message: str, workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = run_main(["check", *flags, MISSING_INPUT], capsys, monkeypatch)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("mt-audit: error: ")
    assert message in err
    assert "Traceback" not in err and MISSING_INPUT not in err


BAD_CONFIG = [
    ('select = ["Z9"]', "mt-audit.toml: select: no rule matches 'Z9'"),
    ('ignore = ["quotes.bogus"]', "mt-audit.toml: ignore: no rule matches 'quotes.bogus'"),
    ('glossary = "nope.tsv"', "nope.tsv: no such glossary file"),
    ('ner = "bogus"', "mt-audit.toml: ner: 'bogus' is not a name finder"),
    ('max-findings = -1', "mt-audit.toml: max-findings: must be 0 or more"),
    ('[translate]\ndevice = "tpu"', "mt-audit.toml: translate.device: unknown device 'tpu'"),
    ('[translate]\nmodel-template = "opus-mt-{lang}"', "must name the languages as {src} and {tgt}"),
    ('[divergence]\nthreshold = 1.2', "mt-audit.toml: divergence.threshold: must be from 0 to 1"),
    ('[severity]\nQ999 = "info"', "mt-audit.toml: severity.Q999: no such rule"),
    ('[checks."names.glossary"]\nthreshold = 85', "checks.names.glossary.threshold: expected a number from 0 to 1"),
]


@pytest.mark.parametrize(("toml", "message"), BAD_CONFIG, ids=[toml.splitlines()[-1] for toml, _ in BAD_CONFIG])
def test_bad_config_value_is_one_line_exit_2(
    toml: str, message: str, workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "mt-audit.toml").write_text(toml + "\n", encoding="utf-8")
    status, out, err = run_main(["check", MISSING_INPUT], capsys, monkeypatch)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and message in err, err
    assert "Traceback" not in err


def test_fix_refuses_a_typo_too(workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    status, _, err = run_main(["fix", "--select", "Q1O2", "article.txt"], capsys, monkeypatch)
    assert status == 2
    assert "--select: no rule matches 'Q1O2'; did you mean Q102 (quotes.reversed)?" in err


def test_codes_are_case_insensitive_on_the_command_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "reversed.txt").write_text("They spoke of a” demilitarized zone “to the north.\n", encoding="utf-8")
    status, out, _ = run_main(["check", "--select", "q102", "--quiet", "reversed.txt"], capsys, monkeypatch)
    assert status == 1
    assert "Q102 error" in out
    status, out, _ = run_main(["rules", "q102"], capsys, monkeypatch)
    assert status == 0 and out.startswith("Q102 quotes.reversed")


def test_a_good_glossary_and_device_still_run(workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "glossary.tsv").write_text("Hurras al-Din\tKhoras ad-Din\n", encoding="utf-8")
    status, out, err = run_main(
        ["check", "--glossary", "glossary.tsv", "--device", "cpu", "--select", "N202", "--quiet", "article.txt"], capsys, monkeypatch
    )
    assert (status, err) == (0, "")
    assert out.startswith("1 document · 0 findings")
