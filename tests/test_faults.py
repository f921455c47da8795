"""Fault injection (issue 14): no fault of the cache, the disk or the process costs a run its report.

Faults are made real where the machine allows (a corrupt database, /dev/full, a read-only or
tiny tmpfs when we may mount one, a folder without write permission when we are not root,
signals to a subprocess) and injected by patching where it does not (a disk that fills up
half-way through a report, SQLite failing on each of the cache's calls).
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from audit.cli import cli
from audit.output import remove_stale_temporaries
from audit.translate.cache import FILENAME, ResilientCache, TranslationCache
from audit.types import Document

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The minister said on Monday that talks “went well.\n"
RETRANSLATION = "The minister said on Monday that the talks went well."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info


def _feed(tmp_path: Path, documents: int = 3) -> Path:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": f"d{i}", "text": TEXT.replace("Monday", f"Monday {i}"), "retranslations": [RETRANSLATION]}
        for i in range(documents)
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return feed


def _audited(result: Result) -> list[tuple[str, list[str]]]:
    report = json.loads(result.stdout)
    return [(doc["id"], sorted({f["code"] for f in doc["findings"]})) for doc in report["documents"]]


def _cache_notes(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "re-translation cache" in line]


@pytest.fixture
def mountable(tmp_path: Path) -> Iterator[Any]:
    """`mount(folder, options)` a small tmpfs there (root only), unmounted afterwards; skips elsewhere."""
    mounted: list[Path] = []

    def mount(folder: Path, options: str) -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root")
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _read_only_folder(tmp_path: Path, mountable: Any) -> Path:
    folder = tmp_path / "read-only"
    if os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    return mountable(folder, "ro,size=64k")


# ------------------------------------------------------------------------------- the cache


def test_issue14_cache_path_that_is_a_file_is_noted_once_and_the_run_reports(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder\n", encoding="utf-8")
    result = run("check", str(_feed(tmp_path)), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    _no_traceback(result)
    assert result.exit_code == 1
    assert _audited(result) == [("d0", ["Q101"]), ("d1", ["Q101"]), ("d2", ["Q101"])]
    [note] = _cache_notes(result)
    assert "is not a directory" in note and "goes on without it" in note


def test_issue14_garbage_cache_file_is_moved_aside_and_a_fresh_one_made(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILENAME).write_bytes(os.urandom(8192))
    result = run("check", str(_feed(tmp_path)), "--format", "json", "--cache-dir", str(cache))
    _no_traceback(result)
    assert result.exit_code == 1 and len(_audited(result)) == 3
    [note] = _cache_notes(result)
    assert "was corrupt (file is not a database); moved it to" in note
    aside = [p for p in cache.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].stat().st_size == 8192
    assert TranslationCache(cache).get_scores("x", ["y"]) == {}  # a sound database again
    again = run("check", str(_feed(tmp_path)), "--format", "json", "--cache-dir", str(cache))
    assert _cache_notes(again) == []
    assert json.loads(again.stdout)["documents"] == json.loads(result.stdout)["documents"]


def test_issue14_cache_corrupt_mid_run_goes_on_in_memory(tmp_path: Path) -> None:
    database = TranslationCache(tmp_path)
    database.put_many("m", {f"sentence {i} " * 20: f"output {i} " * 20 for i in range(2000)})
    database.close()
    path = tmp_path / FILENAME
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as raw:  # the header stays sound, the table's pages do not
        raw.seek(4096 * 3)
        raw.write(os.urandom(4096 * 20))
    cache = ResilientCache(tmp_path)
    assert not cache.degraded  # opening reads only the header
    assert cache.get_many("m", [f"sentence {i} " * 20 for i in range(2000)]) == {}
    assert cache.degraded and len(cache.notes) == 1
    assert "database disk image is malformed" in cache.notes[0] and "moved it to" in cache.notes[0]
    cache.put_many("m", {"a": "b"})
    assert cache.get_many("m", ["a"]) == {"a": "b"}  # memory serves the rest of the run
    assert len(cache.notes) == 1
    assert not path.exists()  # the next run starts afresh


@pytest.mark.parametrize(
    "fault",
    [
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("disk I/O error"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
    ids=["sqlite-full", "sqlite-readonly", "sqlite-io", "os-full"],
)
@pytest.mark.parametrize("method", ["get_scores", "put_scores"])
def test_issue14_any_cache_fault_and_the_run_still_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: Exception, method: str
) -> None:
    def fail(*_: object) -> None:
        raise fault

    monkeypatch.setattr(TranslationCache, method, fail)
    result = run("check", str(_feed(tmp_path, 5)), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    _no_traceback(result)
    assert result.exit_code == 1
    assert [doc for doc, _ in _audited(result)] == ["d0", "d1", "d2", "d3", "d4"]
    assert all(doc["scores"] for doc in json.loads(result.stdout)["documents"])  # scored in memory
    [note] = _cache_notes(result)
    assert str(fault.args[-1]) in note


@pytest.mark.parametrize("method", ["get_many", "put_many", "get_scores", "put_scores", "count"])
def test_issue14_every_cache_call_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    def fail(*_: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    cache = ResilientCache(tmp_path)
    cache.put_many("m", {"kept": "before"})
    monkeypatch.setattr(TranslationCache, method, fail)
    calls = {
        "get_many": lambda: cache.get_many("m", ["kept"]),
        "put_many": lambda: cache.put_many("m", {"a": "b"}),
        "get_scores": lambda: cache.get_scores("s", ["d"]),
        "put_scores": lambda: cache.put_scores("s", {"d": "1"}),
        "count": lambda: cache.count(),
    }
    calls[method]()
    assert cache.degraded and len(cache.notes) == 1 and "disk I/O error" in cache.notes[0]
    for call in calls.values():
        call()
    assert cache.get_many("m", ["a"]) == {"a": "b"} and cache.get_scores("s", ["d"]) == {"d": "1"}
    assert len(cache.notes) == 1  # said once


def test_issue14_read_only_cache_folder_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect

    def read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)
        connection.execute("PRAGMA query_only = ON")  # every write fails as on a read-only disk
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)
    result = run("check", str(_feed(tmp_path)), "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    _no_traceback(result)
    assert result.exit_code == 1 and len(_audited(result)) == 3
    [note] = _cache_notes(result)
    assert "attempt to write a readonly database" in note


def test_issue14_really_read_only_cache_folder(tmp_path: Path, mountable: Any) -> None:
    folder = _read_only_folder(tmp_path, mountable)
    result = run("check", str(_feed(tmp_path)), "--format", "json", "--cache-dir", str(folder))
    _no_traceback(result)
    assert result.exit_code == 1 and len(_audited(result)) == 3
    assert len(_cache_notes(result)) == 1


def test_issue14_cache_on_a_full_disk(tmp_path: Path, mountable: Any) -> None:
    folder = mountable(tmp_path / "tiny", "size=48k")
    (folder / "filler").write_bytes(b"\0" * 40_000)
    result = run("check", str(_feed(tmp_path, 20)), "--format", "json", "--cache-dir", str(folder / "cache"))
    _no_traceback(result)
    assert result.exit_code == 1 and len(_audited(result)) == 20
    [note] = _cache_notes(result)
    assert "full" in note


def test_issue14_model_free_checks_report_whatever_the_cache(tmp_path: Path) -> None:
    """Even when the cache cannot be made at all, with no model anywhere, Q/N findings come out."""
    (tmp_path / "cache").write_text("", encoding="utf-8")
    feed = tmp_path / "plain.jsonl"
    feed.write_text(json.dumps({"id": "p", "text": TEXT}) + "\n", encoding="utf-8")
    result = run("check", str(feed), "--format", "json", "--cache-dir", str(tmp_path / "cache"), "-q")
    _no_traceback(result)
    assert _audited(result) == [("p", ["Q101"])]


# ------------------------------------------------------------------------------ the report


class _FillingDisk(io.RawIOBase):
    """A file on a disk with `room` bytes left: writes past that fail as a full disk does."""

    def __init__(self, room: int) -> None:
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return len(data)


def _one_line_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    _no_traceback(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("mt-audit: error:")]
    assert len(errors) == 1, result.stderr
    for part in expected:
        assert part in errors[0]


@pytest.mark.parametrize("output_format", ["json", "jsonl", "text", "html", "sarif", "junit", "github"])
def test_issue14_disk_full_half_way_through_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    report = tmp_path / "report.out"
    report.write_text("previous report\n", encoding="utf-8")

    def filling(handle: int, *args: Any, **kwargs: Any) -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BufferedWriter(_FillingDisk(room=3000), buffer_size=512), encoding="utf-8")

    monkeypatch.setattr("audit.output.open", filling, raising=False)
    feed = _feed(tmp_path, 40)
    result = run("check", str(feed), "--format", output_format, "-o", str(report), "--retranslate", "off")
    _one_line_error(result, f"{report}: cannot write: No space left on device; free some space")
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "report.out"]


def test_issue14_disk_full_when_the_report_is_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("check", str(_feed(tmp_path)), "--format", "json", "-o", str(tmp_path / "r.json"))
    _one_line_error(result, "r.json: cannot write: No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_issue14_report_to_dev_full(tmp_path: Path) -> None:
    result = run("check", str(_feed(tmp_path, 40)), "--format", "json", "-o", "/dev/full", "--retranslate", "off")
    _one_line_error(result, "/dev/full: cannot write: No space left on device")


def test_issue14_output_in_a_folder_we_may_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".r.json.x.tmp"))

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    result = run("check", str(_feed(tmp_path)), "--format", "json", "-o", str(tmp_path / "r.json"))
    _one_line_error(result, "r.json: cannot write: Permission denied; choose a folder you can write to")


def test_issue14_output_in_a_really_read_only_folder(tmp_path: Path, mountable: Any) -> None:
    folder = _read_only_folder(tmp_path, mountable)
    result = run("check", str(_feed(tmp_path)), "--format", "json", "-o", str(folder / "r.json"))
    _one_line_error(result, f"{folder / 'r.json'}: cannot write:")


def test_issue14_report_on_a_really_full_disk(tmp_path: Path, mountable: Any) -> None:
    folder = mountable(tmp_path / "tiny", "size=16k")
    result = run("check", str(_feed(tmp_path, 200)), "--format", "json", "-o", str(folder / "r.json"))
    _one_line_error(result, "r.json: cannot write: No space left on device")
    assert list(folder.iterdir()) == []


def test_issue14_full_stdout_is_one_line(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "audit", "check", str(_feed(tmp_path, 40)), "--retranslate", "off"],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            check=False,
        )
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "Traceback" not in stderr
    assert stderr.splitlines() == ["mt-audit: error: <stdout>: cannot write: No space left on device; free some space, or write somewhere else"]


def test_issue14_fix_write_on_a_full_disk_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_checks: object
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The  general said.\n", encoding="utf-8")

    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    result = run("fix", "--write", "--select", "Q99", str(path))
    _one_line_error(result, "a.txt: cannot write: No space left on device")
    assert path.read_text(encoding="utf-8") == "The  general said.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


# ------------------------------------------------------------------- signals and leftovers


def _start(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    """`check - -o report.json` on a feed piped in; returns once the report is part-written."""
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "audit", "check", "-", "--input-format", "jsonl", "--select", "Q", *extra,
         "--format", "jsonl", "-o", str(report)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )
    assert process.stdin is not None
    process.stdin.write((json.dumps({"id": "x", "text": TEXT * 20}) + "\n").encode("utf-8") * 300)
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "the report never started"
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.02)
    return process, report


@pytest.mark.parametrize(
    ("kill", "jobs"),
    [(signal.SIGHUP, "1"), (signal.SIGTERM, "2"), (signal.SIGINT, "2"), (signal.SIGHUP, "2")],
)
def test_issue14_signal_to_the_process_group_removes_the_temporary_file(
    tmp_path: Path, kill: signal.Signals, jobs: str
) -> None:
    """As a terminal does: Ctrl-C and a closed terminal signal every process of the group, workers too."""
    process, report = _start(tmp_path, "--jobs", jobs)
    os.killpg(process.pid, kill)
    assert process.stdin is not None and process.stderr is not None
    process.stdin.close()
    code = process.wait(timeout=60)
    stderr = process.stderr.read().decode("utf-8")
    assert "Traceback" not in stderr, stderr
    assert code == (130 if kill == signal.SIGINT else 128 + kill)
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_issue14_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    process, report = _start(tmp_path)
    process.kill()
    process.wait(timeout=60)
    assert process.stdin is not None
    process.stdin.close()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "SIGKILL leaves the temporary file"
    other = tmp_path / ".other.json.abc.tmp"
    other.write_text("another output's", encoding="utf-8")
    result = run("check", str(_feed(tmp_path)), "--format", "json", "-o", str(report))
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.abc.tmp", "feed.jsonl", "report.json"]


def test_issue14_a_temporary_file_being_written_is_left_alone(tmp_path: Path) -> None:
    process, report = _start(tmp_path)
    try:
        [busy] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert remove_stale_temporaries(report) == []
        assert busy.exists()
    finally:
        process.kill()
        process.wait(timeout=60)
    assert remove_stale_temporaries(report) == [busy]


def test_issue14_unencodable_text_is_escaped_not_a_crash(tmp_path: Path) -> None:
    """The readers refuse lone surrogates; a report given one through the library API still gets written."""
    from audit.config import Config
    from audit.output import atomic_text
    from audit.pipeline import Auditor
    from audit.report import FORMATS
    from audit.types import Summary

    config = Config()
    auditor = Auditor(config)
    [result] = auditor.audit([Document(id="s\ud800", text="He said “x\ud800 y.\n")])
    for name in ("html", "json", "text"):
        target = tmp_path / f"r.{name}"
        with atomic_text(target) as out:
            reporter = FORMATS[name](out, config)
            reporter.start(auditor.meta())
            reporter.document(result, failed=True)
            reporter.close(Summary(), auditor.meta())
        assert target.stat().st_size > 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["documents"][0]["id"] == "s\ud800"
