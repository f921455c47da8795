"""Run every case of issue 14 (hostile input, faults, long feeds) and say how each run ended.

    python scripts/stress.py                              # the table on stdout
    python scripts/stress.py --write docs/reliability.md  # and into the doc, between its markers
    python scripts/stress.py --only cache                 # the cases whose name holds "cache"
    python scripts/stress.py --seed 1 --write docs/reliability.md   # held-out feeds and quote soup

Each case runs `python -m audit check …` in a fresh process on data made here, offline
(HF_HUB_OFFLINE=1, a private cache directory), and is judged by what issue 14 promises: the
run ends with the documented exit status (0 clean, 1 findings, 2 an input, config or output
error), stderr is one `mt-audit: …` line per problem and never a traceback, and every other
document is still reported. Each row gives the exit status, wall seconds and the peak RSS of
the process (its VmHWM, read until it exits). Faults of the disk are real: a tiny
tmpfs for a full disk and a read-only one, mounted in a private mount namespace
(`unshare --mount --map-root-user`, which needs no root where user namespaces are allowed);
where that is not possible those rows say "skipped" and why. Exits 1 when a case fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_feed import make_feed

MB = 1024 * 1024
GOOD = "The minister said on Monday that the talks “went well.”\n"
BAD_QUOTE = "The minister said on Monday that talks “went well.\n"
RETRANSLATION = "The minister said on Monday that the talks went well."


@dataclass
class Outcome:
    code: int | None
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


@dataclass
class Case:
    """One run: what it does, what exit statuses are right, and what else must hold."""

    name: str
    issue: str
    argv: list[str]
    expect: tuple[int, ...]
    errors: int = 0  # `mt-audit: error:` lines on stderr
    checks: list[Callable[[Outcome], str | None]] = field(default_factory=list)
    # Run inside a private mount namespace with this shell prelude (mounts), or None.
    namespace: str | None = None
    # Something to do to the running process (a signal), given its pid and the work folder.
    during: Callable[[subprocess.Popen[bytes]], None] | None = None
    stdin: bytes | None = None
    skipped: str | None = None
    # Run just before the case (put a file back as it was).
    setup: Callable[[], object] | None = None


@dataclass
class Row:
    case: Case
    outcome: Outcome | None
    problems: list[str]


class Stress:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "HF_HUB_OFFLINE": "1",
            "XDG_CACHE_HOME": str(work / "user-cache"),
            "NO_COLOR": "1",
        }
        self.unshare = _can_unshare()

    # -- running -------------------------------------------------------------------------

    def run(self, case: Case) -> Row:
        if case.skipped:
            return Row(case, None, [])
        if case.setup is not None:
            case.setup()
        command = [sys.executable, "-m", "audit", "check", *case.argv]
        if case.namespace is not None:
            if self.unshare is not None:
                return Row(case, None, [f"skipped: {self.unshare}"])
            script = f'{case.namespace} && exec "$@"'
            command = ["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh", *command]
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=self.work,
            env=self.env,
            stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        stdout: list[bytes] = []
        stderr: list[bytes] = []
        pumps = _pump(process, stdout, stderr, case.stdin)
        if case.during is not None:
            case.during(process)
        peak = _Peak(process.pid)
        process.wait()
        seconds = time.monotonic() - started
        peak.stop()
        for pump in pumps:
            pump.join()
        outcome = Outcome(
            code=process.returncode,
            seconds=seconds,
            peak_mb=peak.kilobytes / 1024,
            stdout=b"".join(stdout).decode("utf-8", "replace"),
            stderr=b"".join(stderr).decode("utf-8", "replace"),
        )
        return Row(case, outcome, self.judge(case, outcome))

    def judge(self, case: Case, outcome: Outcome) -> list[str]:
        problems = []
        if outcome.code not in case.expect:
            problems.append(f"exit {outcome.code}, expected {'/'.join(map(str, case.expect))}")
        if "Traceback" in outcome.stderr or "Traceback" in outcome.stdout:
            problems.append("a traceback")
        lines = [line for line in outcome.stderr.splitlines() if line.strip()]
        stray = [line for line in lines if not line.startswith("mt-audit: ")]
        if stray:
            problems.append(f"stderr line not ours: {stray[0][:80]!r}")
        errors = [line for line in lines if line.startswith("mt-audit: error:")]
        if len(errors) != case.errors:
            problems.append(f"{len(errors)} error lines, expected {case.errors}")
        for check in case.checks:
            problem = check(outcome)
            if problem:
                problems.append(problem)
        return problems

    # -- data ----------------------------------------------------------------------------

    def write(self, name: str, data: str | bytes) -> Path:
        path = self.work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return path

    def feed(self, name: str, records: list[str]) -> str:
        return str(self.write(name, "".join(line + "\n" for line in records)))


def _pump(
    process: subprocess.Popen[bytes], stdout: list[bytes], stderr: list[bytes], stdin: bytes | None
) -> list[threading.Thread]:
    """Threads collecting the child's output (and feeding its input), so no pipe fills up."""

    def collect(source: IO[bytes] | None, chunks: list[bytes]) -> None:
        assert source is not None
        chunks.extend(iter(lambda: source.read(65536), b""))

    def feed() -> None:
        assert process.stdin is not None and stdin is not None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(stdin)
            process.stdin.close()

    threads = [
        threading.Thread(target=collect, args=(process.stdout, stdout), daemon=True),
        threading.Thread(target=collect, args=(process.stderr, stderr), daemon=True),
    ]
    if stdin is not None:
        threads.append(threading.Thread(target=feed, daemon=True))
    for thread in threads:
        thread.start()
    return threads


class _Peak:
    """The peak RSS of a running process: its VmHWM, read until it exits.

    Not `wait4`'s ru_maxrss: Linux carries the forking parent's high-water mark over fork and
    exec into the child's, so every row would show at least this script's own size. VmHWM
    belongs to the process's memory since its last exec (the `--jobs` workers are not in it).
    """

    def __init__(self, pid: int) -> None:
        self.path = Path(f"/proc/{pid}/status")
        self.kilobytes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.is_set():
            try:
                status = self.path.read_text()
            except OSError:
                return
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.kilobytes = max(self.kilobytes, int(line.split()[1]))
            self._done.wait(0.01)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _can_unshare() -> str | None:
    """None when a private mount namespace with a tmpfs can be made here, else why not."""
    if shutil.which("unshare") is None:
        return "no unshare command"
    done = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>&1 || mount -t tmpfs -o size=64k tmpfs /tmp"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        return f"cannot mount a tmpfs in a user namespace ({done.stdout.decode(errors='replace').strip()[:60]})"
    return None


# -- checks on an outcome ----------------------------------------------------------------


def reported(*ids: str) -> Callable[[Outcome], str | None]:
    """The JSON report on stdout lists exactly these documents (the others, unreadable, in order too)."""

    def check(outcome: Outcome) -> str | None:
        try:
            documents = json.loads(outcome.stdout)["documents"]
        except (ValueError, KeyError):
            return "no JSON report on stdout"
        audited = [d["id"] for d in documents if d["error"] is None]
        return None if audited == list(ids) else f"audited {audited}, expected {list(ids)}"

    return check


def jsonl_documents(count: int) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        records = [json.loads(line) for line in outcome.stdout.splitlines() if line.strip()]
        audited = [r for r in records if r.get("type") == "document" and r.get("error") is None]
        return None if len(audited) == count else f"{len(audited)} documents audited, expected {count}"

    return check


def no_control_characters(outcome: Outcome) -> str | None:
    bad = [ch for ch in "\x1b\x00\u202e\u2066" if ch in outcome.stdout or ch in outcome.stderr]
    return f"raw {bad!r} in the output" if bad else None


def stderr_has(text: str) -> Callable[[Outcome], str | None]:
    return lambda outcome: None if text in outcome.stderr else f"stderr lacks {text!r}"


def stdout_has(text: str) -> Callable[[Outcome], str | None]:
    return lambda outcome: None if text in outcome.stdout else f"stdout lacks {text!r}"


def notes(count: int, text: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        found = [line for line in outcome.stderr.splitlines() if line.startswith("mt-audit: note:") and text in line]
        return None if len(found) == count else f"{len(found)} notes about {text!r}, expected {count}"

    return check


def under_mb(limit: float) -> Callable[[Outcome], str | None]:
    return lambda outcome: None if outcome.peak_mb < limit else f"peak {outcome.peak_mb:.0f} MB, limit {limit:.0f} MB"


def files(folder: Path, expected: list[str]) -> Callable[[Outcome], str | None]:
    def check(_: Outcome) -> str | None:
        found = sorted(p.name for p in folder.iterdir())
        return None if found == expected else f"{folder.name}/ holds {found}, expected {expected}"

    return check


def unchanged(path: Path, content: str) -> Callable[[Outcome], str | None]:
    return lambda _: None if path.read_text(encoding="utf-8") == content else f"{path.name} was changed"


# -- the cases ---------------------------------------------------------------------------


def cases(s: Stress, memory: bool, seed: int) -> list[Case]:
    good = json.dumps({"id": "good", "text": BAD_QUOTE})
    last = json.dumps({"id": "last", "text": BAD_QUOTE})
    hostile_ids = ["/news/x", "[link=https://evil.example/]CLICK", "[bold]x[/bold", "esc\x1b]8;;x\x1b\\", "nul\x00", "bidi\u202eevil"]
    ids_feed = s.feed("ids.jsonl", [json.dumps({"id": i, "text": BAD_QUOTE + "Esc \x1b[2J bidi \u202e."}) for i in hostile_ids])
    deep = '{"id": "deep", "text": "x y", "retranslations": ' + "[" * 5000 + "]" * 5000 + "}"
    deep_feed = s.feed("deep.jsonl", [good, deep, last])
    surrogate_feed = s.feed("surrogate.jsonl", [good, '{"id": "s", "text": "x\\ud800 said \\u201chi."}', last])

    out: list[Case] = [
        Case("1 ids: markup, hyperlink, ESC/NUL/bidi (text)", "1", [ids_feed], (1,),
             checks=[no_control_characters, stdout_has("[/news/x 1:40]"), stdout_has("[[link=https://evil.example/]CLICK 1:40]"),
                     stdout_has("6 documents")]),
        Case("1 ids: the same, as GitHub annotations", "1", [ids_feed, "--format", "github"], (1,),
             checks=[no_control_characters, stdout_has("6 documents")]),
        Case("2 record 5,000 arrays deep", "2", [deep_feed, "--format", "json"], (2,), errors=1,
             checks=[reported("good", "last"), stderr_has("deep.jsonl:2: JSON nested more than 32 levels deep")]),
        Case("3 lone surrogate, text output", "3", [surrogate_feed], (2,), errors=1,
             checks=[stderr_has("lone surrogate"), stdout_has("3 documents")]),
        Case("3 lone surrogate, HTML output", "3", [surrogate_feed, "--format", "html", "-o", "surrogate.html"], (2,), errors=1,
             checks=[lambda _: None if (s.work / "surrogate.html").stat().st_size > 1000 else "no HTML report"]),
    ]

    if memory:
        for count in (2000, 20000):
            path = s.work / f"feed-{count // 1000}k.jsonl"
            made = make_feed(path, documents=count, seed=seed)
            out.append(Case(f"4 {count:,} documents, default offline mode, --select D", "4",
                            [path.name, "-q", "--format", "jsonl", "-o", "/dev/null", "--select", "D"], (2,),
                            errors=made.bad))

    cache_feed = s.feed("cache.jsonl", [json.dumps({"id": f"c{i}", "text": BAD_QUOTE.replace("Monday", f"Monday {i}"),
                                                    "retranslations": [RETRANSLATION]}) for i in range(20)])
    s.write("cache-file", "not a folder\n")
    s.write("garbage/retranslations.sqlite3", os.urandom(8192))
    corrupt = _corrupt_cache(s.work / "corrupt")
    # Scores are what the cache holds for precomputed re-translations; the embedding model is
    # left out so that these rows measure the cache, not loading a sentence encoder.
    s.write("no-embeddings.toml", "[divergence]\nembeddings = false\n")
    cache_args = [cache_feed, "--format", "json", "--config", "no-embeddings.toml"]
    ids = [f"c{i}" for i in range(20)]
    out += [
        Case("5 cache: path is a file", "5", [*cache_args, "--cache-dir", "cache-file"], (1,),
             checks=[reported(*ids), notes(1, "is not a directory")]),
        Case("5 cache: garbage file (moved aside, fresh one made)", "5", [*cache_args, "--cache-dir", "garbage"], (1,),
             checks=[reported(*ids), notes(1, "was corrupt (file is not a database)")]),
        Case("5 cache: corrupt SQLite pages", "5", [*cache_args, "--cache-dir", str(corrupt)], (1,),
             checks=[reported(*ids), notes(1, "database disk image is malformed")]),
        Case("5 cache: read-only folder", "5", [*cache_args, "--cache-dir", "ro"], (1,),
             namespace="mkdir -p ro && mount -t tmpfs -o ro,size=64k tmpfs ro",
             checks=[reported(*ids), notes(1, "re-translation cache unavailable")]),
        Case("5 cache: full disk", "5", [*cache_args, "--cache-dir", "tiny/cache"], (1,),
             namespace="mkdir -p tiny && mount -t tmpfs -o size=40k tmpfs tiny",
             checks=[reported(*ids), notes(1, "database or disk is full")]),
    ]

    # The run stops at the first failed write: the one error line is the output's.
    big_feed = s.feed("out.jsonl", [good] * 400)
    outputs = s.work / "outputs"
    outputs.mkdir(exist_ok=True)
    previous = outputs / "report.json"
    previous.write_text("previous report\n", encoding="utf-8")
    out += [
        Case("6 --output in a read-only folder", "6", [big_feed, "--format", "json", "-o", "ro/report.json", "-q"], (2,),
             errors=1, namespace="mkdir -p ro && mount -t tmpfs -o ro,size=64k tmpfs ro",
             checks=[stderr_has("ro/report.json: cannot write: Read-only file system")]),
        Case("6 --output on a full disk", "6", [big_feed, "--format", "json", "-o", "tiny/report.json", "-q"], (2,),
             errors=1, namespace="mkdir -p tiny && mount -t tmpfs -o size=64k tmpfs tiny",
             checks=[stderr_has("tiny/report.json: cannot write: No space left on device")]),
        Case("6 --output /dev/full", "6", [big_feed, "--format", "json", "-o", "/dev/full", "-q"], (2,),
             errors=1, checks=[stderr_has("/dev/full: cannot write: No space left on device")],
             skipped=None if Path("/dev/full").exists() else "no /dev/full"),
    ]
    stream = (json.dumps({"id": "x", "text": BAD_QUOTE * 40}) + "\n").encode("utf-8") * 2000
    for kill, code in ((signal.SIGKILL, -9), (signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)):
        out.append(Case(
            f"6 {kill.name} mid-report (--jobs 2, whole process group)", "6",
            ["-", "--input-format", "jsonl", "--jobs", "2", "--format", "jsonl", "-o", str(previous), "--select", "Q"],
            (code,), stdin=stream, during=_kill_when_writing(outputs, kill),
            setup=lambda: previous.write_text("previous report\n", encoding="utf-8"),
            checks=[unchanged(previous, "previous report\n")]
            + ([files(outputs, ["report.json"])] if kill != signal.SIGKILL else [_leftover(outputs)]),
        ))
        if kill == signal.SIGKILL:
            out.append(Case("6 the next run removes the killed run's .tmp", "6",
                            [s.feed("after.jsonl", [good]), "--format", "json", "-o", str(previous)], (1,),
                            checks=[files(outputs, ["report.json"])]))

    quote = s.write("quotes-1mb.txt", '"' * 1_000_000)
    pattern = "a” b “c"
    adversarial = []
    for megabytes in (1, 5, 10):
        adversarial.append(s.write(f"adversarial-{megabytes}mb.txt", pattern * (megabytes * 1_000_000 // len(pattern.encode()))))
    lines = s.write("adversarial-lines-1mb.txt", (pattern + "\n") * (1_000_000 // len((pattern + "\n").encode())))
    lines10 = s.write("adversarial-lines-10mb.txt", (pattern + "\n") * (10_000_000 // len((pattern + "\n").encode())))
    within = s.write("quotes-within-budget.txt", '"' * 99_000)
    size_args = ["--format", "jsonl", "-o", "/dev/null", "--retranslate", "off"]
    out.append(Case("7 1 MB of \" (one paragraph)", "7", [str(quote), *size_args], (1,), checks=[under_mb(600)]))
    out.append(Case("7 99,000 \" (within the parse budget: findings capped)", "7", [str(within), "--format", "json", "--retranslate", "off"],
                    (1,), checks=[under_mb(600), stdout_has("and 98,")]))
    for path in adversarial:
        out.append(Case(f"7 {path.stem}: `a” b “c` repeated", "7", [str(path), *size_args], (1,), checks=[under_mb(600)]))
    out.append(Case("7 1 MB of `a” b “c` lines", "7", [str(lines), *size_args], (1,), checks=[under_mb(600)]))
    out.append(Case("7 10 MB of `a” b “c` lines", "7", [str(lines10), *size_args], (1,), checks=[under_mb(600)]))
    # Held out: text the limits were not tuned on, every quote glyph and apostrophe at random.
    for name, newline in (("one paragraph", ""), ("lines of ~80 characters", "\n")):
        soup = s.write(f"soup-{len(newline)}.txt", _quote_soup(10_000_000, newline, seed))
        out.append(Case(f"7 held out: 10 MB of random quote soup, {name}", "7", [str(soup), *size_args], (1,),
                        checks=[under_mb(600)]))

    s.write("latin.jsonl", '{"id": "é", "text": "Café '.encode() + b"\xe9" + b'"}\n' + (good + "\n").encode())
    s.write("nbsp.txt", "\u00a0\u00a0\u00a0\n")
    out += [
        Case("8 invalid UTF-8: column in characters, location said once", "8", ["latin.jsonl", "--format", "json"], (2,),
             errors=1, checks=[stderr_has("mt-audit: error: latin.jsonl:1:27: invalid UTF-8 (byte 0xe9)"), reported("good")]),
        Case("8 a text of only no-break spaces is empty", "8", ["nbsp.txt", ids_feed, "--format", "json"], (2,), errors=1,
             checks=[stderr_has("nbsp.txt: empty file; nothing to audit"), reported(*hostile_ids)]),
    ]
    return out


def _quote_soup(size: int, newline: str, seed: int) -> str:
    """Words, spaces, punctuation and every quotation mark and apostrophe, at random."""
    import random

    rng = random.Random(seed)
    alphabet = list("“”‘’„‟«»‹›‚‛\"'") + ["a", "b", "the", "Ankara", "said", " ", " ", " ", ",", ".", "(", ")", "—"]
    parts: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(alphabet)
        if newline and rng.random() < 1 / 40:
            piece = newline
        parts.append(piece)
        length += len(piece.encode())
    return "".join(parts)


def _kill_when_writing(folder: Path, kill: signal.Signals) -> Callable[[subprocess.Popen[bytes]], None]:
    """Signal the run's process group once its own temporary report (not a leftover) has content."""

    def during(process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 120
        leftovers = {p.name for p in folder.iterdir()}
        while not any(
            p.name.endswith(".tmp") and p.name not in leftovers and p.stat().st_size > 0 for p in folder.iterdir()
        ):
            if time.monotonic() > deadline or process.poll() is not None:
                return
            time.sleep(0.02)
        os.killpg(process.pid, kill)

    return during


def _leftover(folder: Path) -> Callable[[Outcome], str | None]:
    def check(_: Outcome) -> str | None:
        return None if any(p.name.endswith(".tmp") for p in folder.iterdir()) else "SIGKILL left no .tmp to clean"

    return check


def _corrupt_cache(folder: Path) -> Path:
    """A cache database with a sound header and garbage in its table's pages."""
    sys.path.insert(0, str(ROOT))
    import sqlite3

    from audit.translate.cache import FILENAME, TranslationCache

    cache = TranslationCache(folder)
    cache.put_scores("s", {f"digest {i}": "x" * 200 for i in range(3000)})
    cache.close()
    with sqlite3.connect(folder / FILENAME) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with (folder / FILENAME).open("r+b") as raw:
        raw.seek(4096 * 3)
        raw.write(os.urandom(4096 * 40))
    return folder


# -- the table ---------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    lines = [
        "| case | issue | exit | seconds | peak RSS | result |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        case, outcome = row.case, row.outcome
        if outcome is None:
            why = case.skipped or "; ".join(row.problems)
            lines.append(f"| {case.name} | {case.issue} | – | – | – | {why} |")
            continue
        result = "pass" if not row.problems else "FAIL: " + "; ".join(row.problems)
        lines.append(
            f"| {case.name} | {case.issue} | {outcome.code} | {outcome.seconds:.1f} | {outcome.peak_mb:.0f} MB | {result} |"
        )
    return "\n".join(lines).replace("\x1b", "")


def memory_line(rows: list[Row]) -> str | None:
    found = {row.case.name: row.outcome for row in rows if row.outcome is not None and row.case.issue == "4"}
    small = next((o for name, o in found.items() if name.startswith("4 2,000")), None)
    large = next((o for name, o in found.items() if name.startswith("4 20,000")), None)
    if small is None or large is None:
        return None
    ratio = large.peak_mb / small.peak_mb
    verdict = "within" if ratio <= 1.2 else "NOT within"
    return f"Memory, 20,000 vs 2,000 documents: {large.peak_mb:.0f} MB / {small.peak_mb:.0f} MB = {ratio:.2f}x ({verdict} the 1.2x target)."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", help="Run only the cases whose name holds this text.")
    parser.add_argument("--no-memory", action="store_true", help="Skip the 2,000/20,000-document feeds (the slow rows).")
    parser.add_argument("--seed", type=int, default=0, help="Seed of the generated feeds and quote soup (1: held out).")
    parser.add_argument("--write", type=Path, help="Also write the table into this Markdown file, between its markers.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mt-audit-stress-") as folder:
        stress = Stress(Path(folder))
        chosen = [c for c in cases(stress, memory=not args.no_memory, seed=args.seed) if not args.only or args.only in c.name]
        rows = []
        for case in chosen:
            row = stress.run(case)
            rows.append(row)
            status = "pass" if not row.problems and row.outcome is not None else ("skip" if row.outcome is None else "FAIL")
            shown = f"{row.outcome.code} {row.outcome.seconds:.1f}s {row.outcome.peak_mb:.0f}MB" if row.outcome else ""
            print(f"{status:4} {case.name}  {shown}  {'; '.join(row.problems)}", file=sys.stderr, flush=True)
    body = table(rows)
    memory = memory_line(rows)
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    text = f"{body}\n\n{memory + chr(10) + chr(10) if memory else ''}Measured {time.strftime('%Y-%m-%d')} on {machine} with `python scripts/stress.py{' --seed ' + str(args.seed) if args.seed else ''}`."
    print(text)
    if args.write is not None:
        _write_between_markers(args.write, text, "stress" if args.seed == 0 else f"stress seed {args.seed}")
    failed = [row for row in rows if row.outcome is not None and row.problems]
    return 1 if failed else 0


def _write_between_markers(path: Path, text: str, marker: str) -> None:
    """Replace what is between `<!-- MARKER -->` and `<!-- /MARKER -->` in `path`."""
    doc = path.read_text(encoding="utf-8")
    opening, closing = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    start, end = doc.index(opening) + len(opening), doc.index(closing)
    path.write_text(doc[:start] + "\n" + text + "\n" + doc[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
