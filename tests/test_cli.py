"""End-to-end tests of `mt-audit check`: exit statuses, selection, config, and input errors."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from audit.cli import cli
from audit.progress import BatchProgress, progress_wanted

ROOT = Path(__file__).parent.parent
FAKES = ["--select", "Q99,N99"]
CLEAN = "The general said on Wednesday that talks would go on.\n"
DIRTY = "The  general Konashenkof said.\nAn ALERT came.\n"


def run(*args: str, cwd: Path | None = None) -> Result:
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args))
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args))
    finally:
        os.chdir(old)


def findings(result: Result) -> list[str]:
    report = json.loads(result.stdout)
    return [f["code"] for doc in report["documents"] for f in doc["findings"]]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY, encoding="utf-8")
    return {"clean": clean, "dirty": dirty}


def test_cli_exit_0_when_clean(files: dict[str, Path], fake_checks: object) -> None:
    result = run("check", str(files["clean"]), *FAKES)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith("1 document · 0 findings")


def test_cli_exit_1_on_findings(files: dict[str, Path], fake_checks: object) -> None:
    result = run("check", str(files["dirty"]), *FAKES)
    assert result.exit_code == 1
    assert f"{files['dirty']}:1:4: Q990 warning: two spaces" in result.stdout


def test_cli_select_and_ignore(files: dict[str, Path], fake_checks: object) -> None:
    dirty = str(files["dirty"])
    assert findings(run("check", dirty, "--format", "json", *FAKES)) == ["Q990", "N990", "N991"]
    assert findings(run("check", dirty, "--format", "json", "--select", "N99")) == ["N990", "N991"]
    assert findings(run("check", dirty, "--format", "json", *FAKES, "--ignore", "N990")) == ["Q990", "N991"]
    assert findings(run("check", dirty, "--format", "json", "--select", "names.test_shout")) == ["N991"]


def test_cli_fail_on(files: dict[str, Path], fake_checks: object) -> None:
    dirty = str(files["dirty"])
    assert run("check", dirty, "--select", "N991").exit_code == 0  # info is below the default gate
    assert run("check", dirty, "--select", "N991", "--fail-on", "info").exit_code == 1
    assert run("check", dirty, "--select", "Q990", "--fail-on", "error").exit_code == 0
    assert run("check", dirty, *FAKES, "--fail-on", "never").exit_code == 0


def test_cli_max_findings(files: dict[str, Path], fake_checks: object) -> None:
    dirty = str(files["dirty"])
    assert run("check", dirty, *FAKES, "--fail-on", "never", "--max-findings", "2").exit_code == 1
    assert run("check", dirty, *FAKES, "--fail-on", "never", "--max-findings", "3").exit_code == 0


def test_cli_max_divergence_gates_on_the_consensus_divergence(tmp_path: Path) -> None:
    (tmp_path / "mt-audit.toml").write_text("[divergence]\nembeddings = false\n", encoding="utf-8")
    text = "The general said the talks would resume on Monday in Ankara."
    records = [
        {"id": "same", "text": text, "retranslations": [text]},
        {"id": "far", "text": text, "retranslations": ["Bananas are yellow and grow in warm tropical countries."]},
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = ["check", "feed.jsonl", "--retranslate", "off", "--select", "D", "--fail-on", "never", "--format", "json"]
    gated = run(*args, "--max-divergence", "0.5", cwd=tmp_path)
    assert gated.exit_code == 1, gated.output
    assert [(d["id"], d["failed"]) for d in json.loads(gated.stdout)["documents"]] == [("same", False), ("far", True)]
    assert run(*args, "--max-divergence", "0.99", cwd=tmp_path).exit_code == 0


def test_cli_config_from_pyproject(tmp_path: Path, files: dict[str, Path], fake_checks: object) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mt-audit]\nselect = ["N99"]\nignore = ["N991"]\nfail-on = "error"\n'
        '[tool.mt-audit.severity]\nN990 = "warning"\n',
        encoding="utf-8",
    )
    result = run("check", "dirty.txt", "--format", "json", cwd=tmp_path)
    assert findings(result) == ["N990"]
    assert json.loads(result.stdout)["documents"][0]["findings"][0]["severity"] == "warning"
    assert result.exit_code == 0  # a warning does not reach fail-on = "error"
    # Flags win over the file.
    assert run("check", "dirty.txt", "--fail-on", "warning", cwd=tmp_path).exit_code == 1


def test_cli_batch_goes_on_past_bad_inputs_in_every_format(tmp_path: Path, fake_checks: object) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "Konashenkof said."}\n{"id": "b", "text": \n{"id": "c", "text": "All fine."}\n',
        encoding="utf-8",
    )
    inputs = [str(feed), str(tmp_path / "missing.txt")]
    for output_format in ("text", "json", "jsonl", "sarif", "junit", "github"):
        result = run("check", *inputs, *FAKES, "--format", output_format)
        assert result.exit_code == 2, (output_format, result.output)
        assert f"mt-audit: error: {feed}:2: malformed JSON" in result.stderr
        assert f"mt-audit: error: {tmp_path / 'missing.txt'}: no such file" in result.stderr
        out = result.stdout
        if output_format == "json":
            summary = json.loads(out)["summary"]
            assert (summary["documents"], summary["errors"], summary["findings"]) == (4, 2, 1)
        elif output_format == "sarif":
            invocation = json.loads(out)["runs"][0]["invocations"][0]
            assert len(invocation["toolExecutionNotifications"]) == 2
        elif output_format == "junit":
            root = ET.fromstring(out)
            assert (root.get("tests"), root.get("errors"), root.get("failures")) == ("4", "2", "1")
        elif output_format == "github":
            assert out.count("title=mt-audit input error") == 2
        elif output_format == "text":
            assert "4 documents · 1 finding (1 error) · 2 unreadable" in out


def test_cli_jobs_give_the_same_report_in_the_same_order(tmp_path: Path, fake_checks: object) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = []
    for i in range(150):
        text = DIRTY if i % 3 else CLEAN
        lines.append(json.dumps({"id": f"d{i}", "text": text.replace("general", f"general {i}")}))
        if i % 40 == 7:
            lines.append("{broken")
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run("check", str(feed), *FAKES, "--format", "jsonl")
    two = run("check", str(feed), *FAKES, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 2 + 150 + 4


# --- every user-caused input error: one line naming the file (and line), exit 2, no traceback


def _one_line_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exc_info
    errors = [line for line in result.stderr.splitlines() if line.startswith("mt-audit: error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output
    for part in expected:
        assert part in errors[0], (part, errors[0])


def test_cli_error_missing_file(tmp_path: Path) -> None:
    _one_line_error(run("check", str(tmp_path / "nope.txt")), f"{tmp_path / 'nope.txt'}: no such file")


def test_cli_error_directory_with_nothing_to_audit(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    _one_line_error(run("check", str(tmp_path / "empty")), f"{tmp_path / 'empty'}: is a directory")


def test_cli_error_invalid_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("First line.\nCaf\u00e9 au lait.\n".encode("latin-1"))
    _one_line_error(run("check", str(path)), f"{path}:2:4: invalid UTF-8 (byte 0xe9)")


def test_cli_error_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"text\n\x00\x01\x02")
    _one_line_error(run("check", str(path)), f"{path}:2: binary file")


def test_cli_error_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n  \n")
    _one_line_error(run("check", str(path)), f"{path}: empty file")


def test_cli_error_malformed_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": "unterminated}\n', encoding="utf-8")
    _one_line_error(run("check", str(path)), f"{path}:2: malformed JSON at column")


def test_cli_error_record_missing_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n\n{"id": "b"}\n', encoding="utf-8")
    _one_line_error(run("check", str(path)), f"{path}:3: record has no \"text\" field")


def test_cli_error_bad_config_key(tmp_path: Path) -> None:
    (tmp_path / "mt-audit.toml").write_text('selcet = ["Q"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    _one_line_error(run("check", "a.txt", cwd=tmp_path), "mt-audit.toml: unknown key 'selcet'", "allowed:")


def test_cli_error_bad_config_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    _one_line_error(
        run("check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "nope.toml")),
        f"{tmp_path / 'nope.toml'}: config file not found",
    )


def test_cli_error_output_folder_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    _one_line_error(
        run("check", str(tmp_path / "a.txt"), "--output", str(tmp_path / "no" / "r.json")), "does not exist"
    )


def test_cli_usage_error_exits_2(tmp_path: Path) -> None:
    result = run("check", "x.txt", "--format", "pdf")
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr


# --- progress


def test_progress_is_silent_off_a_terminal_in_ci_and_with_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted(Terminal(), quiet=False, report_on_terminal=False)
    assert not progress_wanted(io.StringIO(), quiet=False, report_on_terminal=False)
    assert not progress_wanted(Terminal(), quiet=True, report_on_terminal=False)
    assert not progress_wanted(Terminal(), quiet=False, report_on_terminal=True)
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Terminal(), quiet=False, report_on_terminal=False)


def test_progress_draws_counts_once_the_run_takes_a_while(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    feed = tmp_path / "f.jsonl"
    feed.write_text("{}\n" * 10, encoding="utf-8")
    stream = Terminal()
    with BatchProgress(enabled=True, files=[feed], stream=stream, delay=0.0) as progress:
        time.sleep(0.05)  # let the estimate thread count the feed
        for _ in range(4):
            progress.advance(2)
        progress.advance(0, error=True)
        progress.echo("mt-audit: error: f.jsonl:3: malformed JSON")
    shown = stream.getvalue()
    assert "5/10 docs" in shown and "8 findings" in shown and "1 error ·" in shown
    assert "mt-audit: error: f.jsonl:3: malformed JSON" in shown
    quiet = Terminal()
    with BatchProgress(enabled=False, stream=quiet, delay=0.0) as progress:
        progress.advance(3)
    assert quiet.getvalue() == "" and progress.findings == 3


# --- --output is atomic: a killed run leaves the previous report intact and no temporary file


def _start_and_kill(tmp_path: Path, kill: signal.Signals) -> tuple[Path, int]:
    """Run `check -o report.json` on a feed piped in, and kill it once the report is part-written."""
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "audit", "check", "-", "--input-format", "jsonl", "--select", "Q101"]
    process = subprocess.Popen(
        [*command, "--format", "jsonl", "-o", str(report)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert process.stdin is not None
    record = json.dumps({"id": "x", "text": DIRTY * 20}) + "\n"
    # Enough records for the report to be part-written; stdin stays open, so the run is mid-feed.
    process.stdin.write(record.encode("utf-8") * 100)
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "the report never started"
        time.sleep(0.02)
    process.send_signal(kill)
    process.stdin.close()
    code = process.wait(timeout=20)
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read().decode("utf-8")
    return report, code


@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGINT])
def test_cli_killed_run_leaves_old_report_and_no_temp_file(tmp_path: Path, kill: signal.Signals) -> None:
    report, code = _start_and_kill(tmp_path, kill)
    assert code != 0
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_cli_sigkilled_run_leaves_old_report_intact(tmp_path: Path) -> None:
    report, code = _start_and_kill(tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert report.read_text(encoding="utf-8") == "previous report\n"


def test_cli_completed_run_replaces_the_report(tmp_path: Path, files: dict[str, Path]) -> None:
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    result = run("check", str(files["clean"]), "--format", "json", "-o", str(report))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["documents"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "dirty.txt", "report.json"]


def test_cli_output_to_a_pipe_or_device_writes_in_place(tmp_path: Path, files: dict[str, Path]) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("check", str(files["clean"]), "--format", "json", "-o", str(fifo))
    reader.join(timeout=20)
    assert result.exit_code == 0, result.output
    assert json.loads(received[0])["summary"]["documents"] == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "dirty.txt", "report.pipe"]


def test_cli_walks_directories_and_globs_for_every_known_format(tmp_path: Path, fake_checks: object) -> None:
    nested = tmp_path / "feeds" / "2020" / "02"
    nested.mkdir(parents=True)
    (tmp_path / "feeds" / "a.txt").write_text(DIRTY, encoding="utf-8")
    (nested / "b.jsonl").write_text(json.dumps({"id": "b1", "text": DIRTY}) + "\n", encoding="utf-8")
    (nested / "c.po").write_text('msgid "Генерал"\nmsgstr "The  general"\n', encoding="utf-8")
    (nested / "notes.csv").write_text("not,audited\n", encoding="utf-8")
    result = run("check", "feeds", *FAKES, "--format", "json", cwd=tmp_path)
    ids = [doc["id"] for doc in json.loads(result.stdout)["documents"]]
    assert ids == ["b1", "feeds/2020/02/c.po", "feeds/a.txt"]
    result = run("check", "feeds/**/*.jsonl", "feeds/*.txt", *FAKES, "--format", "json", cwd=tmp_path)
    assert [doc["id"] for doc in json.loads(result.stdout)["documents"]] == ["b1", "feeds/a.txt"]


def test_issue13_verbose_says_what_the_walk_skipped(tmp_path: Path, fake_checks: object) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    quiet = run("check", str(tmp_path), *FAKES)
    assert quiet.exit_code == 0 and "skipped" not in quiet.stderr
    verbose = run("check", str(tmp_path), *FAKES, "--verbose")
    assert verbose.exit_code == 0
    assert f"mt-audit: note: skipped {tmp_path / '.venv'}{os.sep}: hidden" in verbose.stderr
