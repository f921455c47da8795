"""Recall and false alarms of the name checks without a source, on the issue-11 garble set.

For each part of tests/data/names_garble (tuning, held-out, held-out-2, heldout3-blind, heldout4-blind,
and clean-tuning, clean copy only; see its README): the documents are audited with the model-free N2 rules (no source, no glossary,
no re-translation). A garbled occurrence counts as found when a finding of warning severity or
above overlaps it; recall is printed per pattern. False alarms are the warnings on the clean documents, per 1,000 words (and,
apart, warnings on the garbled documents that overlap no garbled occurrence). The feed part
audits `feed.jsonl` as one batch (feed-level consistency); the house part audits the
garbled documents with house spellings learned from `archive/`.

    python scripts/eval_names.py                 # all parts, the table
    python scripts/eval_names.py --part heldout3-blind   # only a blind part (or heldout4-blind)
    python scripts/eval_names.py --show tuning   # also list misses and false alarms of a part
    python scripts/eval_names.py --part clean-tuning --show clean-tuning   # false alarms on clean copy
    python scripts/eval_names.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.config import Config, apply
from audit.pipeline import Auditor
from audit.types import Document, DocumentResult, Finding, Severity

DATA = ROOT / "tests" / "data" / "names_garble"
PARTS = {
    "tuning": DATA / "tuning.txt",
    "held-out": DATA / "heldout.txt",
    "held-out-2": DATA / "heldout2.txt",
    "heldout3-blind": DATA / "heldout3-blind.txt",
    "heldout4-blind": DATA / "heldout4-blind.txt",
    "clean-tuning": DATA / "clean-tuning.txt",
}
_MARK = re.compile(r"\{\{([^|}]*)\|([^|}]*)\|([^|}]*)\}\}")
_HEADER = re.compile(r"^### (\S+) (garbled|clean)\s*$", re.MULTILINE)
_WORDS = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class Garbled:
    start: int
    end: int
    written: str
    standard: str
    pattern: str


@dataclass
class Item:
    id: str
    kind: str
    text: str
    garbled: list[Garbled] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(_WORDS.findall(self.text))


def parse(path: Path) -> list[Item]:
    """The documents of one part, markup removed, garbled spans kept."""
    raw = path.read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(raw))
    items = []
    for number, header in enumerate(headers):
        end = headers[number + 1].start() if number + 1 < len(headers) else len(raw)
        body = raw[header.end() : end].strip()
        text, garbled, position = [], [], 0
        length = 0
        for mark in _MARK.finditer(body):
            text.append(body[position : mark.start()])
            length += mark.start() - position
            written, standard, pattern = mark.groups()
            garbled.append(Garbled(length, length + len(written), written, standard, pattern))
            text.append(written)
            length += len(written)
            position = mark.end()
        text.append(body[position:])
        items.append(Item(header.group(1), header.group(2), "".join(text), garbled))
    return items


def audit(documents: Sequence[Document], table: dict[str, object]) -> list[DocumentResult]:
    config = apply(Config(), {"select": ["N2"], "translate": {"mode": "off"}, **table}, "eval_names")
    return list(Auditor(config, strict=True).audit(documents))


def warnings(result: DocumentResult) -> list[Finding]:
    return [f for f in result.findings if f.severity >= Severity.WARNING]


@dataclass
class Score:
    found: dict[str, list[int]] = field(default_factory=dict)  # pattern -> [found, total]
    clean_words: int = 0
    clean_warnings: int = 0
    garbled_words: int = 0
    stray_warnings: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def count(self, pattern: str, hit: bool) -> None:
        tally = self.found.setdefault(pattern, [0, 0])
        tally[0] += int(hit)
        tally[1] += 1

    def recall(self, pattern: str | None = None) -> float:
        tallies = [self.found[pattern]] if pattern else list(self.found.values())
        total = sum(t[1] for t in tallies)
        return sum(t[0] for t in tallies) / total if total else 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "recall": {p: round(self.recall(p), 3) for p in sorted(self.found)},
            "occurrences": {p: self.found[p] for p in sorted(self.found)},
            "recall_all": round(self.recall(), 3),
            "clean_words": self.clean_words,
            "clean_warnings": self.clean_warnings,
            "clean_warnings_per_1000_words": round(1000 * self.clean_warnings / max(self.clean_words, 1), 3),
            "garbled_words": self.garbled_words,
            "stray_warnings_on_garbled": self.stray_warnings,
        }


def score(items: Sequence[Item], results: Iterable[DocumentResult], score: Score | None = None) -> Score:
    score = score or Score()
    for item, result in zip(items, results, strict=True):
        if result.error:
            raise RuntimeError(f"{item.id}: {result.error}")
        warned = warnings(result)
        if item.kind == "clean":
            score.clean_words += item.words
            score.clean_warnings += len(warned)
            score.alarms += [f"{item.id}: {f.code} {f.text!r} {f.message}" for f in warned]
            continue
        score.garbled_words += item.words
        for garbled in item.garbled:
            hit = any(f.start < garbled.end and garbled.start < f.end for f in warned)
            score.count(garbled.pattern, hit)
            if not hit:
                found = [f"{f.code}:{f.severity}" for f in result.findings if f.start < garbled.end and garbled.start < f.end]
                score.misses.append(f"{item.id}: {garbled.pattern} {garbled.written!r} -> {garbled.standard!r} {found}")
        for finding in warned:
            if not any(finding.start < g.end and g.start < finding.end for g in item.garbled):
                score.stray_warnings += 1
                score.alarms.append(f"{item.id} (garbled doc): {finding.code} {finding.text!r} {finding.message}")
    return score


def evaluate_part(path: Path) -> Score:
    items = parse(path)
    documents = [Document(id=item.id, text=item.text) for item in items]
    return score(items, audit(documents, {}))


def other_clean_text() -> dict[str, list[Document]]:
    """Clean prose the rules were not tuned on: the first session's clean stories, the reference
    translations of the Russian source set, and the machine translations of the DEMETR dev set
    (real MT output, audited without their sources)."""
    parts = {"clean_news.txt": [Document(id="clean_news", text=(ROOT / "tests" / "data" / "clean_news.txt").read_text("utf-8"))]}
    # The reference translations of the Russian source set (not its blind part): Russian, Ukrainian
    # and Central Asian names as English copy spells them.
    goods = [
        json.loads(line)
        for name in ("tune.jsonl", "heldout.jsonl")
        for line in (ROOT / "tests" / "data" / "source_ru" / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    parts["source_ru good translations"] = [Document(id=r["id"], text=r["good"]) for r in goods]
    demetr = ROOT.parent / "shared" / "data" / "demetr-dev.jsonl"
    for candidate in (demetr, ROOT.parent.parent / "shared" / "data" / "demetr-dev.jsonl"):
        if candidate.is_file():
            records = [json.loads(line) for line in candidate.read_text("utf-8").splitlines() if line.strip()]
            unique = {r["mt"]: r["id"] for r in records}
            parts["DEMETR mt, no source"] = [Document(id=i, text=t) for t, i in unique.items()]
            break
    return parts


def other_false_alarms() -> list[str]:
    lines = []
    for name, documents in other_clean_text().items():
        results = audit(documents, {})
        words = sum(len(_WORDS.findall(d.text)) for d in documents)
        warned = [f for r in results for f in warnings(r)]
        lines.append(f"{name}: {len(warned)} warnings in {words} words = {1000 * len(warned) / max(words, 1):.2f} per 1,000 words")
        lines += [f"  {f.doc_id}: {f.code} {f.text!r} {f.message}" for f in warned[:10]]
    return lines


def evaluate_feed(path: Path) -> str:
    """The feed part: one batch, garbled spellings of organisations in a few of its documents."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    results = audit([Document(id=r["id"], text=r["text"]) for r in records], {})
    found = total = stray = words = 0
    for record, result in zip(records, results, strict=True):
        warned = warnings(result)
        spans = []
        for garbled in record["garbled"]:
            start = record["text"].index(garbled)
            spans.append((start, start + len(garbled)))
            total += 1
            found += any(f.start < start + len(garbled) and start < f.end for f in warned)
        stray += sum(1 for f in warned if not any(f.start < e and s < f.end for s, e in spans))
        words += len(_WORDS.findall(record["text"]))
    return (
        f"feed ({len(records)} documents, one batch): recall {found / max(total, 1):.2f} ({found}/{total}); "
        f"{stray} other warnings in {words} words"
    )


def render(scores: dict[str, Score]) -> str:
    patterns = sorted({p for s in scores.values() for p in s.found})
    names = list(scores)
    lines = ["recall (garbled occurrences flagged at warning or above)", f"{'pattern':<14}" + "".join(f"{n:>16}" for n in names)]
    for pattern in [*patterns, None]:
        cells = []
        for name in names:
            tally = scores[name].found.get(pattern) if pattern else None
            if pattern is None:
                total = sum(t[1] for t in scores[name].found.values())
                found = sum(t[0] for t in scores[name].found.values())
            elif tally is None:
                cells.append(f"{'-':>16}")
                continue
            else:
                found, total = tally
            cells.append(f"{found / total if total else 0:>9.2f} ({found}/{total})".rjust(16))
        lines.append(f"{pattern or 'all':<14}" + "".join(cells))
    lines.append("")
    lines.append("false alarms (warnings)")
    for name, s in scores.items():
        per = 1000 * s.clean_warnings / max(s.clean_words, 1)
        lines.append(
            f"{name:<10} clean: {s.clean_warnings} in {s.clean_words} words = {per:.2f} per 1,000 words; "
            f"garbled documents: {s.stray_warnings} warnings beside the garbled names in {s.garbled_words} words"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=sorted(PARTS), action="append", help="Evaluate only this part (repeatable).")
    parser.add_argument("--show", choices=sorted(PARTS), help="List the misses and false alarms of this part.")
    parser.add_argument("--json", type=Path, help="Write the figures here as JSON.")
    args = parser.parse_args()
    started = time.perf_counter()
    chosen_parts = args.part or list(PARTS)
    scores = {name: evaluate_part(path) for name, path in PARTS.items() if name in chosen_parts}
    print(render(scores))
    print("\n" + evaluate_feed(DATA / "feed.jsonl"))
    print("\nother clean text (not tuned on):", *other_false_alarms(), sep="\n")
    print(f"\n({time.perf_counter() - started:.1f} s)")
    if args.show and args.show in scores:
        chosen = scores[args.show]
        print(f"\nmisses ({args.show}):", *chosen.misses, sep="\n  ")
        print(f"\nfalse alarms ({args.show}):", *chosen.alarms, sep="\n  ")
    if args.json:
        args.json.write_text(json.dumps({n: s.as_json() for n, s in scores.items()}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
