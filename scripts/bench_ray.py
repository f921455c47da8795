"""Documents per second of `--engine ray` against workers, on this machine and on two nodes over loopback.

    python scripts/bench_ray.py [--documents 3000] [--tiny-documents 640] [--repeats 2] [--json out.json]

Every figure is the real command, `python -m audit check FEED --format jsonl -q ...`, run as a
subprocess; the bench reads its report as it streams and notes when each document's line
arrives. So one run gives
- start-up: from the start of the command to its first document (imports, starting or
  joining Ray, starting the workers, loading rules and models, the first chunk);
- documents per second: the documents after the first, over the time from the first to the
  last (a chunk of 64 arrives at once, so the feeds are dozens of chunks long);
- the end: from the last document to the command's exit (Ray's shutdown);
and Ray's overhead per document is 1/rate(`--engine ray --workers 1`) - 1/rate(`--engine local`).
Two workloads: the model-free rules (Q, N) on the sample varied (`scripts/make_feed.py`, a bad
record every 97 lines), and round trips through the tiny random-weight Marians
(`scripts/make_tiny_marian.py`) on short documents, with the cache off so every run
translates, and one torch thread per model for every engine (Ray gives each worker one). Each configuration runs `--repeats` times, in alternating rounds, and the run with
the highest rate is kept: the machine may be shared. The load average is printed.

The two-node run starts a head (`ray start --head --block`) and a second node (`ray start
--address HEAD --block`) on 127.0.0.1, each with 2 logical CPUs, in process groups of their
own under a temporary directory of their own, and runs the same commands with
`--ray-address`. Both are stopped at the end, also when a run fails or the bench is
interrupted: SIGTERM to each `ray start` (its reaper stops the node's processes), then
SIGKILL to what is left of its process group. Nothing else on the machine is touched.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [p for p in (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
RAY_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def write_tiny_feed(path: Path, documents: int) -> None:
    """Short documents (one sentence of the sample and a numbered one): the tiny model's workload."""
    sentences = [s.strip() + "." for p in PARAGRAPHS for s in p.split(". ") if s.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(documents):
            text = f"{sentences[i % len(sentences)]} It was day {i}."
            out.write(json.dumps({"id": f"s{i}", "text": text}, ensure_ascii=False) + "\n")


def build_workloads(workdir: Path, documents: int, tiny_documents: int) -> dict[str, dict[str, Any]]:
    builder = _script("make_tiny_marian")
    for seed, (src, tgt) in enumerate((("en", "ru"), ("ru", "en"))):
        builder.build_tiny_marian(workdir / f"tiny-{src}-{tgt}", seed=seed)
    config = workdir / "tiny.toml"
    config.write_text(
        '[translate]\nmode = "roundtrip"\n'
        f'model-template = "{workdir / "tiny-{src}-{tgt}"}"\n'
        # One thread per model everywhere: Ray gives each worker as many as its CPUs (one), and on a
        # model this small torch's default of one per core is slower, not faster, on a busy machine.
        "beam-size = 1\nmax-length = 16\ncache = false\nthreads = 1\n"
        "[divergence]\nembeddings = false\n",
        encoding="utf-8",
    )
    feed, tiny = workdir / "model-free.jsonl", workdir / "tiny.jsonl"
    _script("make_feed").make_feed(feed, documents=documents, bad_every=97)
    write_tiny_feed(tiny, tiny_documents)
    return {
        "model-free": {"feed": str(feed), "arguments": ["--select", "Q,N"]},
        "tiny-model": {"feed": str(tiny), "arguments": ["--config", str(config)]},
    }


def time_check(feed: str, arguments: list[str]) -> dict[str, float]:
    """One run of the command; when its document lines arrive."""
    command = [sys.executable, "-m", "audit", "check", feed, "--format", "jsonl", "-q", *arguments]
    start = time.perf_counter()
    arrivals: list[float] = []
    with subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **RAY_ENV}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            if line.startswith(b'{"type": "document"'):
                arrivals.append(time.perf_counter())
        stderr = process.stderr.read().decode("utf-8", "replace")
    end = time.perf_counter()
    if process.returncode not in (0, 1, 2) or "Traceback" in stderr or len(arrivals) < 2:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-2000:]}")
    return {
        "documents": len(arrivals),
        "startup_s": arrivals[0] - start,
        "documents_per_second": (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]),
        "end_s": end - arrivals[-1],
        "total_s": end - start,
    }


def measure(workloads: dict[str, dict[str, Any]], engines: dict[str, list[str]], repeats: int) -> list[dict[str, Any]]:
    """The fastest of `repeats` alternating rounds for each (workload, engine)."""
    best: dict[tuple[str, str], dict[str, float]] = {}
    for _ in range(repeats):
        for workload, spec in workloads.items():
            for engine, options in engines.items():
                run = time_check(spec["feed"], [*spec["arguments"], *options])
                kept = best.get((workload, engine))
                if kept is None or run["documents_per_second"] > kept["documents_per_second"]:
                    best[(workload, engine)] = run
                print(
                    f"  {workload:10s} {engine:24s} {run['documents']:5.0f} docs, start-up {run['startup_s']:5.1f} s, "
                    f"{run['documents_per_second']:7.1f} docs/s, end {run['end_s']:4.1f} s",
                    flush=True,
                )
    return [
        {
            "workload": workload,
            "engine": engine,
            **{key: round(value, 2) for key, value in run.items()},
            "ms_per_document": round(1000 / run["documents_per_second"], 2),
        }
        for (workload, engine), run in best.items()
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def loopback_cluster(cpus_per_node: int = 2) -> Iterator[str]:
    """A head and a second node on 127.0.0.1; its address; both stopped on the way out, whatever happens."""
    ray = shutil.which("ray", path=str(Path(sys.executable).parent)) or shutil.which("ray")
    if ray is None:
        raise SystemExit("bench_ray: the `ray` command is not installed; pip install 'mt-audit[ray]'")
    port = free_port()
    address = f"127.0.0.1:{port}"
    temp = Path(tempfile.mkdtemp(prefix="mtray-", dir="/tmp"))  # short: Ray's socket paths have a length limit
    common = [f"--num-cpus={cpus_per_node}", "--num-gpus=0", "--node-ip-address=127.0.0.1", "--disable-usage-stats", "--block"]
    nodes: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        for role, options in (
            ("head", ["--head", f"--port={port}", "--include-dashboard=false", f"--temp-dir={temp}"]),
            ("node", [f"--address={address}"]),
        ):
            log = (temp / f"ray-start-{role}.log").open("wb")
            logs.append(log)
            nodes.append(
                subprocess.Popen(
                    [ray, "start", *options, *common],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env={**os.environ, **RAY_ENV},
                    start_new_session=True,  # a process group of its own, for the teardown
                )
            )
            _wait_for_nodes(address, len(nodes), nodes)
        yield address
    finally:
        for node in reversed(nodes):
            _stop(node)
        for log in logs:
            log.close()
        shutil.rmtree(temp, ignore_errors=True)


def _wait_for_nodes(address: str, count: int, nodes: list[subprocess.Popen[bytes]], timeout: float = 180.0) -> None:
    """Until the cluster at `address` has `count` live nodes (asked in a subprocess, so this one never joins)."""
    probe = (
        "import ray, sys; ray.init(address=sys.argv[1], logging_level='ERROR', log_to_driver=False); "
        "print(sum(n['Alive'] for n in ray.nodes()))"
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for node in nodes:
            if node.poll() is not None:
                raise RuntimeError(f"`ray start` exited with {node.returncode}; see its log under the temp dir")
        done = subprocess.run(
            [sys.executable, "-c", probe, address], check=False, capture_output=True, text=True, env={**os.environ, **RAY_ENV}
        )
        if done.returncode == 0 and done.stdout.strip().splitlines()[-1:] == [str(count)]:
            return
        time.sleep(2)
    raise RuntimeError(f"the loopback cluster at {address} did not reach {count} nodes in {timeout:.0f} s")


def _stop(node: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the `ray start` we started (its reaper stops that node), then SIGKILL to its process group."""
    with contextlib.suppress(ProcessLookupError):
        node.send_signal(signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        node.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(node.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        node.wait(timeout=10)


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| workload | engine | documents | start-up s | docs/s | ms/doc | end s | total s |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['workload']} | {row['engine']} | {row['documents']:.0f} | {row['startup_s']} | "
            f"{row['documents_per_second']} | {row['ms_per_document']} | {row['end_s']} | {row['total_s']} |"
        )
    overheads = []
    for workload in dict.fromkeys(row["workload"] for row in rows):
        by_engine = {row["engine"]: row for row in rows if row["workload"] == workload}
        if "local" in by_engine and "ray, 1 worker" in by_engine:
            local, one = by_engine["local"], by_engine["ray, 1 worker"]
            extra = one["ms_per_document"] - local["ms_per_document"]
            fixed = one["startup_s"] + one["end_s"] - local["startup_s"] - local["end_s"]
            overheads.append(
                f"- {workload}: one Ray worker costs {extra:+.2f} ms per document against the local engine, "
                f"and {fixed:+.1f} s of start-up and shutdown"
            )
    return "\n".join(lines + [""] + overheads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000, help="Documents of the model-free workload.")
    parser.add_argument("--tiny-documents", type=int, default=640, help="Documents of the tiny-model workload.")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--skip-two-nodes", action="store_true")
    parser.add_argument("--json", type=Path, help="Write the figures here as well.")
    args = parser.parse_args()

    load = os.getloadavg()
    print(f"bench_ray: {os.cpu_count()} CPUs, load average {load[0]:.1f} at the start", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as folder:
        workdir = Path(folder)
        workloads = build_workloads(workdir, args.documents, args.tiny_documents)
        engines = {
            "local": [],
            "ray, 1 worker": ["--engine", "ray", "--workers", "1"],
            "ray, 2 workers": ["--engine", "ray", "--workers", "2"],
        }
        rows = measure(workloads, engines, args.repeats)
        if not args.skip_two_nodes:
            with loopback_cluster() as address:
                two_nodes = {"ray, 2 nodes, 2 workers": ["--engine", "ray", "--ray-address", address, "--workers", "2"]}
                rows += measure(workloads, two_nodes, args.repeats)
    report = markdown(rows)
    print(report)
    print(f"bench_ray: load average {os.getloadavg()[0]:.1f} at the end")
    if args.json is not None:
        args.json.write_text(json.dumps({"load_average_start": load, "rows": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
