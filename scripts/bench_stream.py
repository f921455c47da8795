"""Peak memory of `mt-audit check` streaming a large JSONL feed against a feed a tenth its size.

    python scripts/bench_stream.py                      # 20 MB vs 200 MB, quote rules, JSONL report
    python scripts/bench_stream.py --select Q,N --small-mb 2 --large-mb 20 --json out.json

Each run is its own subprocess, and its peak resident set (ru_maxrss, from wait4 on that
child alone) is what is compared: the target is the large feed within 1.2x of the small
one, i.e. memory flat in the feed's size. The feeds come from make_feed.py (the sample
varied, bad records mixed in), so the reader's error path streams too. Prints a table and
writes the figures as JSON. A benchmark, not a test: nothing here is timed in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_feed import make_feed

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.2


def measure(command: list[str]) -> dict[str, Any]:
    """Run `command` as a child; its wall time, exit status and peak RSS in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return {
        "exit": process.returncode,
        "wall_s": round(wall, 2),
        "user_s": round(usage.ru_utime, 2),
        "peak_rss_mib": round(usage.ru_maxrss * scale / 2**20, 1),
        "stderr_lines": len(errors.splitlines()),
    }


def run_feed(feed: Path, report: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, "-m", "audit", "check", str(feed), "--quiet", "--select", args.select]
    command += ["--format", args.format, "-o", str(report), "--jobs", str(args.jobs)]
    result = measure(command)
    result["report_mib"] = round(report.stat().st_size / 2**20, 1) if report.exists() else None
    report.unlink(missing_ok=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small-mb", type=float, default=20)
    parser.add_argument("--large-mb", type=float, default=200)
    parser.add_argument("--select", default="Q", help="Rules to run (default: the quote rules).")
    parser.add_argument("--format", default="jsonl", help="Report format written to a temporary file.")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--bad-every", type=int, default=500)
    parser.add_argument("--workdir", type=Path, help="Where the feeds go (default: a temporary folder).")
    parser.add_argument("--json", type=Path, default=Path("bench_stream.json"), help="Where to write the figures.")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        work = Path(folder)
        idle = measure([sys.executable, "-m", "audit", "rules"])
        rows = []
        for label, megabytes in (("small", args.small_mb), ("large", args.large_mb)):
            feed = work / f"feed-{label}.jsonl"
            counts = make_feed(feed, megabytes=megabytes, bad_every=args.bad_every)
            result = run_feed(feed, work / f"report-{label}.out", args)
            feed.unlink()
            result.update(
                feed=label,
                feed_mb=round(counts.bytes / 1e6, 1),
                documents=counts.good,
                bad_records=counts.bad,
                docs_per_s=round((counts.good + counts.bad) / result["wall_s"], 1),
            )
            rows.append(result)

    small, large = rows
    ratio = large["peak_rss_mib"] / small["peak_rss_mib"]
    summary = {
        "command": f"mt-audit check FEED --select {args.select} --format {args.format} --jobs {args.jobs} -o REPORT",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "idle_rss_mib": idle["peak_rss_mib"],
        "runs": rows,
        "ratio": round(ratio, 3),
        "target": TARGET_RATIO,
        "flat": ratio <= TARGET_RATIO,
    }
    header = f"{'feed':<6} {'MB':>7} {'docs':>8} {'bad':>5} {'exit':>4} {'wall s':>8} {'docs/s':>8} {'peak RSS MiB':>13}"
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row['feed']:<6} {row['feed_mb']:>7} {row['documents']:>8} {row['bad_records']:>5} {row['exit']:>4} "
            f"{row['wall_s']:>8} {row['docs_per_s']:>8} {row['peak_rss_mib']:>13}"
        )
    verdict = "within" if summary["flat"] else "NOT within"
    lines.append(f"peak RSS large/small = {ratio:.3f} ({verdict} the {TARGET_RATIO}x target); idle process {idle['peak_rss_mib']} MiB")
    sys.stdout.write("\n".join(lines) + "\n")
    args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {args.json}\n")
    return 0 if summary["flat"] else 1


if __name__ == "__main__":
    sys.exit(main())
