"""Throughput of the N2xx checks (names, numbers, script), in MB of translation per CPU second.

Two feeds: the canonical sample repeated to about 1 MB (no source, so N201-N203 and N221-N222
run), and the DEMETR dev set's good translations with their sources (every N2xx rule runs).
Each is audited once to warm the caches, then timed in CPU time, best of a few runs.

Usage: python scripts/bench_n2.py [--demetr PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import timeit
from pathlib import Path

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document

ROOT = Path(__file__).resolve().parents[1]
DEMETR = ROOT.parent / "shared" / "data" / "demetr-dev.jsonl"


def rate(documents: list[Document], config: Config, repeat: int) -> tuple[float, float]:
    """(MB of translation and source text, best CPU seconds) for one audit of `documents`."""
    list(audit_documents(documents, config))
    seconds = min(
        timeit.repeat(
            lambda: list(audit_documents(documents, config)), number=1, repeat=repeat, timer=time.process_time
        )
    )
    size = sum(len(d.text.encode()) + len((d.source or "").encode()) for d in documents)
    return size / 1e6, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demetr", type=Path, default=DEMETR)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config = apply(Config(), {"select": ["N2"]}, "bench_n2")
    sample = (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8")
    copies = 1_000_000 // len(sample.encode()) + 1
    feeds = {f"sample x{copies} (no source)": [Document(id=f"d{i}", text=sample) for i in range(copies)]}
    if args.demetr.is_file():
        records = [json.loads(line) for line in args.demetr.read_text(encoding="utf-8").splitlines() if line.strip()]
        feeds["DEMETR mt + source"] = [
            Document(id=r["id"], text=r["mt"], source=r["source"], source_lang=r["source_lang"]) for r in records
        ]
    for name, documents in feeds.items():
        megabytes, seconds = rate(documents, config, args.repeat)
        print(f"{name}: {megabytes:.2f} MB in {seconds:.2f} CPU s = {megabytes / seconds:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
