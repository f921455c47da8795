"""Throughput of the re-translation path with precomputed re-translations, in MB of English per CPU-second.

The whole path after re-translation: sentence alignment, token alignment, scoring
(chrF++ and BLEU, TER when asked for, embedding cosine when on) and the D3xx rules, through
`audit.pipeline` exactly as `mt-audit check` runs it (the score cache in memory, as with
`--no-cache`, so nothing is read back from an earlier run). Two corpora:

- `wire`: documents of 6-20 of the sample's paragraphs in a new order with other days and
  figures, each with a precomputed re-translation (the sample with the canonical spellings);
- `demetr`: the DEMETR dev set's good translations, each with its human reference as the
  re-translation (one sentence each: the per-document costs weigh most).

MB is the UTF-8 size of the audited text. Process time counts every thread (the embedding
model's too). Startup (imports, word lists, CLDR, the embedding model) is paid on a few
documents before the clock starts; each figure is the best of `--repeats` runs.

    python scripts/bench_retranslation.py                    # embeddings off, then on
    python scripts/bench_retranslation.py --embeddings off --profile
    python scripts/bench_retranslation.py --json bench-retranslation.json
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import canonical, sample_paragraphs, vary

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document

DEMETR = ROOT.parent / "shared" / "data" / "demetr-dev.jsonl"


def wire_documents(megabytes: float, seed: int = 1) -> list[Document]:
    rng = random.Random(seed)
    paragraphs = sample_paragraphs()
    documents: list[Document] = []
    size = 0
    while size < megabytes * 1e6:
        order = paragraphs[:]
        rng.shuffle(order)
        text = "\n\n".join(vary(p, rng) for p in order[: rng.randint(6, len(order))])
        documents.append(Document(id=f"wire-{len(documents):05d}", text=text, retranslations=(canonical(text),)))
        size += len(text.encode("utf-8"))
    return documents


def demetr_documents(path: Path, limit: int) -> list[Document]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen: set[str] = set()
    documents = []
    for record in records:  # each good translation once (a sentence recurs across the kinds)
        if record["mt"] in seen:
            continue
        seen.add(record["mt"])
        documents.append(Document(id=record["id"], text=record["mt"], retranslations=(record["reference"],)))
    return documents[:limit] if limit else documents


def measure(documents: list[Document], table: dict[str, Any], repeats: int, profile: bool) -> dict[str, Any]:
    config = apply(Config(), table, "bench_retranslation")
    list(audit_documents(documents[:3], config))  # startup: imports, word lists, CLDR, models
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    best: tuple[float, float] | None = None
    findings = 0
    for _ in range(repeats):
        began_cpu, began_wall = time.process_time(), time.perf_counter()
        results = list(audit_documents(documents, config))
        cpu, wall = time.process_time() - began_cpu, time.perf_counter() - began_wall
        failed = [r for r in results if r.error]
        if failed:
            raise SystemExit(f"{failed[0].doc_id}: {failed[0].error}")
        findings = sum(len(r.findings) for r in results)
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    assert best is not None
    figures: dict[str, Any] = {
        "documents": len(documents),
        "mb": round(megabytes, 3),
        "cpu_s": round(best[0], 2),
        "wall_s": round(best[1], 2),
        "mb_per_cpu_s": round(megabytes / best[0], 4),
        "findings": findings,
    }
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        list(audit_documents(documents, config))
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(25)
        figures["profile"] = out.getvalue()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("wire", "demetr", "both"), default="both")
    parser.add_argument("--embeddings", choices=("off", "on", "both"), default="both")
    parser.add_argument("--wire-mb", type=float, default=0.5, help="size of the wire corpus (default 0.5 MB)")
    parser.add_argument("--demetr", type=Path, default=DEMETR, help="path of demetr-dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="at most this many DEMETR documents")
    parser.add_argument("--select", default="D", help="rules to run (default D: every D3xx rule)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--ter", action="store_true", help="score TER too (divergence.ter)")
    parser.add_argument("--profile", action="store_true", help="print the hot spots (cProfile, by own time)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    corpora: dict[str, list[Document]] = {}
    if args.corpus in ("wire", "both"):
        corpora["wire"] = wire_documents(args.wire_mb)
    if args.corpus in ("demetr", "both"):
        if not args.demetr.is_file():
            parser.error(f"{args.demetr}: no such file; pass --demetr PATH or --corpus wire")
        corpora["demetr"] = demetr_documents(args.demetr, args.limit)
    settings = {"off": [False], "on": [True], "both": [False, True]}[args.embeddings]
    results: dict[str, Any] = {}
    for name, documents in corpora.items():
        for embeddings in settings:
            table = {
                "select": [code.strip() for code in args.select.split(",")],
                "translate": {"mode": "off", "cache": False},
                "divergence": {"embeddings": embeddings, "ter": args.ter},
            }
            key = f"{name}, embeddings {'on' if embeddings else 'off'}"
            figures = measure(documents, table, args.repeats, args.profile)
            results[key] = figures
            print(
                f"{key:28} {figures['documents']:>6} docs {figures['mb']:>7.3f} MB  {figures['cpu_s']:>8.2f} CPU s"
                f"  {figures['mb_per_cpu_s']:>7.4f} MB per CPU-second  ({figures['findings']} findings)"
            )
            if args.profile:
                print(figures["profile"])
    if args.json:
        for figures in results.values():
            figures.pop("profile", None)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
