"""Measure `mt-audit serve` on loopback: live-audit latency and a bounded load test.

    python scripts/bench_serve.py                      # both parts, both stories
    python scripts/bench_serve.py --part latency --words 5000 --repeats 30
    python scripts/bench_serve.py --part load --words 1000 --requests 500 --concurrency 16

Starts the real command (`python -m audit serve --port 0 --retranslate off`) in a
subprocess, so the client's threads do not share the server's interpreter, and stops it at
the end. Stories are built to the asked length by cycling the paragraphs of a text: the
sample (samples/idlib-wire.txt, the text the workspace was built against) and a held-out
one (tests/data/clean_news.txt, never used while writing the server).

- latency: what the workspace does while the translator types: each request is
  `POST /api/workspace` with `retranslate: off` on the story with one word changed (so no
  request repeats another), one at a time, after warm-up requests; p50/p90/max of the
  round trip over HTTP, and of the audit alone (the same call in this process).
- load: `POST /api/audit` (model-free) of the story, `--requests` in all, `--concurrency`
  at once, stopping after `--max-seconds` at the latest; p50/p99 latency, throughput.

Prints one JSON object. The figures depend on the machine: the CPU count is in it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STORIES = {"sample": ROOT / "samples" / "idlib-wire.txt", "held-out": ROOT / "tests" / "data" / "clean_news.txt"}
URL = re.compile(r"serving the workspace at (http://[\d.]+:\d+/)")


def story(path: Path, words: int) -> str:
    """Whole paragraphs of `path`, cycled, until the story has at least `words` words."""
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    index = 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(out) + "\n"


def edited(text: str, n: int) -> str:
    """The story with its n-th word (cycling) doubled: a keystroke's worth of change."""
    spans = [m.span() for m in re.finditer(r"\b[a-z]{4,}\b", text)]
    start, end = spans[(n * 7919) % len(spans)]
    return text[:end] + " " + text[start:end] + text[end:]


def start_server() -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "audit", "serve", "--port", "0", "--retranslate", "off"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert server.stderr is not None
    deadline = time.monotonic() + 120
    for line in server.stderr:
        found = URL.search(line)
        if found:
            base = found.group(1).rstrip("/")
            while time.monotonic() < deadline:  # wait until it answers
                try:
                    urllib.request.urlopen(base + "/openapi.json", timeout=5).close()
                    return server, base
                except OSError:
                    time.sleep(0.1)
        if time.monotonic() > deadline:
            break
    server.kill()
    raise SystemExit("mt-audit serve did not start")


def post(base: str, path: str, body: dict[str, Any]) -> tuple[float, int]:
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data, {"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return (time.perf_counter() - started) * 1000, status


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(values), 1),
        "p90_ms": round(percentile(values, 90), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "max_ms": round(max(values), 1),
    }


def latency(base: str, text: str, repeats: int, warmup: int) -> dict[str, Any]:
    from audit.config import Config, apply
    from audit.serve import AuditService
    from audit.serve.page import Workspace
    from audit.serve.schemas import AuditRequest

    def body(n: int) -> dict[str, Any]:
        return {"documents": [{"id": "story", "text": edited(text, n)}], "config": {"retranslate": "off"}}

    for n in range(warmup):
        post(base, "/api/workspace", body(n))
    http = []
    for n in range(warmup, warmup + repeats):
        elapsed, status = post(base, "/api/workspace", body(n))
        assert status == 200, status
        http.append(elapsed)
    service = AuditService(apply(Config(), {"translate": {"mode": "off"}}, "bench"))
    workspace = Workspace({"auth": False, "mode": "off", "maxRequestBytes": 0})
    in_process = []
    for n in range(warmup + repeats):
        request = AuditRequest.model_validate(body(n))
        started = time.perf_counter()
        workspace.response(service.audit(request))
        if n >= warmup:
            in_process.append((time.perf_counter() - started) * 1000)
    service.close()
    return {"requests": repeats, "http": summary(http), "audit_only": summary(in_process)}


def load(base: str, text: str, requests: int, concurrency: int, max_seconds: float) -> dict[str, Any]:
    body = {"documents": [{"id": "story", "text": text}], "config": {"retranslate": "off"}}
    post(base, "/api/audit", body)
    deadline = time.monotonic() + max_seconds

    def one(_: int) -> tuple[float, int] | None:
        if time.monotonic() > deadline:
            return None
        return post(base, "/api/audit", body)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        done = [r for r in pool.map(one, range(requests)) if r is not None]
    wall = time.perf_counter() - started
    statuses: dict[str, int] = {}
    for _, status in done:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "requests": len(done),
        "concurrency": concurrency,
        "stopped_early": len(done) < requests,
        "statuses": statuses,
        "latency": summary([ms for ms, _ in done]),
        "throughput_rps": round(len(done) / wall, 1),
        "wall_s": round(wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["latency", "load", "both"], default="both")
    parser.add_argument("--latency-words", type=int, default=5000)
    parser.add_argument("--load-words", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=30, help="latency: measured requests per story")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--requests", type=int, default=500, help="load: requests in all, per story")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--max-seconds", type=float, default=300, help="load: stop after this long, whatever is left")
    parser.add_argument("--stories", nargs="+", choices=sorted(STORIES), default=sorted(STORIES, reverse=True))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    server, base = start_server()
    # A shared machine's other work shows in the load average: read it beside the figures.
    results: dict[str, Any] = {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()[0], "server": base}
    try:
        for name in args.stories:
            entry: dict[str, Any] = {}
            if args.part in ("latency", "both"):
                text = story(STORIES[name], args.latency_words)
                entry["latency"] = {"words": len(text.split()), **latency(base, text, args.repeats, args.warmup)}
            if args.part in ("load", "both"):
                text = story(STORIES[name], args.load_words)
                entry["load"] = {
                    "words": len(text.split()),
                    **load(base, text, args.requests, args.concurrency, args.max_seconds),
                }
            results[name] = entry
    finally:
        results["load_average_at_end"] = os.getloadavg()[0]
        server.terminate()
        server.wait(30)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
