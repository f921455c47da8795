from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from audit.cli import cli
from audit.fix import apply_fixes, choose_fixes, unified_diff
from audit.types import Finding, Severity

SELECT = ["--select", "Q99,N99"]


def finding(text: str, start: int, end: int, suggestion: str | None, code: str = "Q990") -> Finding:
    return Finding(code, "quotes.x", Severity.WARNING, "d", start, end, "m", text[start:end], suggestion=suggestion)


def fix(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["fix", *args, *SELECT])
    return result.exit_code, result.stdout, result.stderr


def test_fix_choose_skips_the_later_overlapping_fix() -> None:
    text = "abcdefgh"
    a = finding(text, 1, 4, "X")
    b = finding(text, 3, 6, "Y")  # overlaps a: skipped
    c = finding(text, 6, 6, "+")  # insertion right after b's end: kept
    d = finding(text, 6, 6, "-", code="Q991")  # second insertion at the same point: skipped
    e = finding(text, 6, 8, "Z")  # replacement starting where the insertion is: kept
    no_op = finding(text, 0, 1, "a")
    not_fixable = finding(text, 0, 1, "Q", code="N991")
    chosen = choose_fixes([e, d, c, b, a, no_op, not_fixable], frozenset({"Q990", "Q991"}))
    assert chosen == [a, c, e]
    assert apply_fixes(text, chosen) == "aXef+Z"
    # The same input in any order chooses the same fixes.
    assert choose_fixes([a, b, c, d, e], frozenset({"Q990", "Q991"})) == chosen


def test_fix_apply_refuses_a_stale_span() -> None:
    stale = finding("abc", 0, 1, "x")
    with pytest.raises(ValueError, match="does not match"):
        apply_fixes("zbc", [stale])


@given(
    text=st.text(alphabet="ab \r\n\ufeff😀é", max_size=40),
    edits=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.text(alphabet="XY", max_size=3)), max_size=6),
)
def test_fix_text_outside_fixed_spans_is_unchanged(text: str, edits: list[tuple[int, int, str]]) -> None:
    findings = []
    for start, length, suggestion in edits:
        start = min(start, len(text))
        end = min(start + length, len(text))
        findings.append(finding(text, start, end, suggestion))
    chosen = choose_fixes(findings, frozenset({"Q990"}))
    fixed = apply_fixes(text, chosen)
    cursor, out = 0, 0
    for f in chosen:
        gap = f.start - cursor
        assert fixed[out : out + gap] == text[cursor : f.start]
        out += gap + len(f.suggestion or "")
        cursor = f.end
    assert fixed[out:] == text[cursor:]


def test_fix_write_changes_only_the_fixed_spans_bytes(tmp_path: Path, fake_checks: object) -> None:
    raw = "\ufeffThe  general Konashenkof said.\r\nAn ALERT  came.\r\nLast line without newline 😀"
    path = tmp_path / "wire.txt"
    path.write_bytes(raw.encode("utf-8"))
    os.chmod(path, 0o640)
    code, _, err = fix(str(path), "--write")
    assert code == 0, err
    expected = "\ufeffThe general Konashenkov said.\r\nAn ALERT came.\r\nLast line without newline 😀"
    assert path.read_bytes() == expected.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "fixed 3 findings in 1 file" in err
    assert not [p for p in tmp_path.iterdir() if p.name != "wire.txt"]  # no temporary file left


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path, fake_checks: object) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("The   general  Konashenkof  said Konashenkof.\n", encoding="utf-8")
    assert fix(str(path), "--write")[0] == 0
    once = path.read_bytes()
    assert once == b"The general Konashenkov said Konashenkov.\n"
    code, _, err = fix(str(path), "--write")
    assert code == 0 and path.read_bytes() == once
    assert "fixed 0 findings in 0 files" in err
    assert fix(str(path), "--diff") == (0, "", "mt-audit: would fix 0 findings in 0 files\n")


def test_fix_diff_shows_a_unified_diff_and_writes_nothing(tmp_path: Path, fake_checks: object) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(b"Keep.\nThe  general.\nKeep too")
    code, out, _ = fix(str(path))
    assert code == 1
    assert path.read_bytes() == b"Keep.\nThe  general.\nKeep too"
    assert out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,3 +1,3 @@\n Keep.\n-The  general.\n+The general.\n"
        " Keep too\n\\ No newline at end of file\n"
    )


def test_fix_diff_keeps_carriage_returns_visible() -> None:
    assert unified_diff("f", "a\r\nb  c\r\n", "a\r\nb c\r\n").splitlines(keepends=True)[-2:] == ["-b  c\r\n", "+b c\r\n"]


def test_fix_leaves_ambiguous_suggestions_alone(tmp_path: Path, fake_checks: object) -> None:
    path = tmp_path / "a.txt"
    path.write_text("An ALERT came.\n", encoding="utf-8")
    assert fix(str(path), "--write")[0] == 0
    assert path.read_text(encoding="utf-8") == "An ALERT came.\n"


def test_fix_refuses_feeds_and_reports_bad_files(tmp_path: Path, fake_checks: object) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "The  general."}\n{"id": "b", "text": "x  y"}\n', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The  general.\n", encoding="utf-8")
    code, _, err = fix(str(feed), str(tmp_path / "missing.txt"), str(good), "--write")
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == f"mt-audit: error: {feed}: fix rewrites text files only; fix JSONL and bilingual files at their source"
    assert lines[1] == f"mt-audit: error: {tmp_path / 'missing.txt'}: no such file; check the path"
    assert good.read_text(encoding="utf-8") == "The general.\n"  # the good file is still fixed


def test_fix_the_sample_with_the_real_rules_is_idempotent(tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent / "samples" / "idlib-wire.txt"
    path = tmp_path / "wire.txt"
    path.write_bytes(sample.read_bytes())
    runner = CliRunner()
    first = runner.invoke(cli, ["fix", str(path), "--write"])
    assert first.exit_code == 0, first.output
    once = path.read_bytes()
    second = runner.invoke(cli, ["fix", str(path), "--diff"])
    assert (second.exit_code, second.stdout) == (0, "")
    assert path.read_bytes() == once


def test_issue13_fix_the_sample_leaves_no_quote_error_with_a_suggestion(tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent / "samples" / "idlib-wire.txt"
    (tmp_path / "glossary.tsv").write_bytes((sample.parent / "glossary.tsv").read_bytes())
    (tmp_path / "mt-audit.toml").write_text('glossary = "glossary.tsv"\n', encoding="utf-8")
    path = tmp_path / "wire.txt"
    path.write_bytes(sample.read_bytes())
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert runner.invoke(cli, ["fix", str(path), "--write"]).exit_code == 0
        report = runner.invoke(cli, ["check", str(path), "--format", "json", "--select", "Q,N2", "--fail-on", "never"])
    finally:
        os.chdir(cwd)
    findings = json.loads(report.stdout)["documents"][0]["findings"]
    places = [item for f in findings for item in (f, *f["related"])]
    assert not [p for p in places if p["code"].startswith("Q") and p["suggestion"] is not None]
    assert not [p for p in places if p["code"] == "N202"]
    text = path.read_text(encoding="utf-8")
    assert "them, ‘Hayat Tahrir al-Sham’ (a banned" in text  # re-quoted and re-spelt in one fix
    assert "a ‘demilitarized zone’ to" in text and "the ‘moderate opposition’ to" in text
    assert "Turkish border,” the general said." in text


def test_issue13_fix_applies_every_place_of_a_once_per_document_rule_in_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    marks = "".join(f'"Quote {i}," he said. ' for i in range(14))
    path.write_text("“We are ready,” he said. “Go,” she said. " * 8 + marks + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", str(path), "--write", "--select", "Q108"])
    assert result.exit_code == 0, result.output
    assert '"' not in path.read_text(encoding="utf-8")
    assert "fixed 28 findings" in result.stderr


def test_issue13_rules_marks_the_fixable_rules() -> None:
    listing = CliRunner().invoke(cli, ["rules"]).stdout.splitlines()
    fixable = {line.split()[0] for line in listing if line[:1] in "QND" and line.split()[2] == "fix"}
    assert {"Q102", "Q103", "Q104", "Q105", "Q106", "Q107", "Q108", "N202"} <= fixable
    assert not {"Q101", "N201", "N203", "D303"} & fixable
    assert "Fixable" in CliRunner().invoke(cli, ["rules", "Q106"]).stdout
    assert "Fixable" not in CliRunner().invoke(cli, ["rules", "Q101"]).stdout
