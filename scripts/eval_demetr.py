"""Measure the N2xx checks on the DEMETR challenge set (source given).

Each record holds a source, a good translation (`mt`) and the same translation with one
error (`perturbed`, of a `kind`). Both are audited with the source through the pipeline,
N2xx and Q109 (the quotation count against the source), and this prints per kind and source
language:

- recall: the share of `perturbed` items with a finding of the matching family
  (entity_* -> names N201-N205, number_replaced -> numbers N211-N212; for the other kinds,
  any N2xx finding, shown for information);
- false alarms: the share of `mt` items with any N2xx or Q109 warning or error.

Usage: python scripts/eval_demetr.py [PATH] [--examples N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Severity

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "demetr-dev.jsonl"
LATIN = ("german", "french", "spanish", "italian", "polish", "czech")
FAMILY = {
    "entity_replaced": ("N201", "N202", "N203", "N204", "N205"),
    "entity_removed": ("N201", "N202", "N203", "N204", "N205"),
    "number_replaced": ("N211", "N212"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--examples", type=int, default=0, help="print N false alarms and N misses per kind")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    if not args.path.is_file():
        parser.error(f"{args.path}: no such file; pass the path of demetr-dev.jsonl")
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    config = apply(Config(), {"select": ["N2", "Q109"]}, "eval_demetr")
    documents = []
    for record in records:
        for side in ("mt", "perturbed"):
            documents.append(
                Document(
                    id=f"{record['id']}:{side}",
                    text=record[side],
                    source=record["source"],
                    source_lang=record["source_lang"],
                )
            )
    began = time.perf_counter()
    codes = {
        result.document.id: {f.code for f in result.findings if f.severity >= Severity.WARNING}
        for result in audit_documents(documents, config)
    }
    elapsed = time.perf_counter() - began

    recall: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    alarms: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[dict[str, str]]] = defaultdict(list)
    false_alarms: list[tuple[dict[str, str], set[str]]] = []
    for record in records:
        lang, kind = record["source_lang"], record["kind"]
        mt_codes = codes[f"{record['id']}:mt"]
        alarms[lang][0] += 1
        alarms[lang][1] += bool(mt_codes)
        if mt_codes:
            false_alarms.append((record, mt_codes))
        family = FAMILY.get(kind)
        found = codes[f"{record['id']}:perturbed"]
        hit = bool(found & set(family)) if family else bool(found)
        recall[(kind, lang)][0] += 1
        recall[(kind, lang)][1] += hit
        if not hit:
            misses[kind].append(record)

    kinds = sorted({kind for kind, _ in recall})
    langs = sorted({lang for _, lang in recall}, key=lambda l: (l not in LATIN, l))
    print(f"DEMETR dev: {len(records)} records, {len(documents)} documents audited in {elapsed:.1f} s (N2xx and Q109)\n")
    header = f"{'kind':18}" + "".join(f"{lang[:8]:>9}" for lang in langs) + f"{'Latin':>9}{'all':>9}"
    print("recall (perturbed items with a finding of the matching family; other kinds: any N2xx)")
    print(header)
    figures: dict[str, object] = {"recall": {}, "false_alarm": {}, "seconds": round(elapsed, 1)}
    for kind in kinds:
        row = f"{kind:18}"
        per = {}
        for lang in langs:
            total, hit = recall[(kind, lang)]
            per[lang] = hit / total if total else None
            row += f"{per[lang]:>9.2f}" if total else f"{'-':>9}"
        latin = [recall[(kind, lang)] for lang in LATIN]
        every = [recall[(kind, lang)] for lang in langs]
        per["latin"] = sum(h for _, h in latin) / max(1, sum(t for t, _ in latin))
        per["all"] = sum(h for _, h in every) / max(1, sum(t for t, _ in every))
        row += f"{per['latin']:>9.2f}{per['all']:>9.2f}"
        figures["recall"][kind] = per  # type: ignore[index]
        print(row)
    print("\nfalse-alarm rate (mt items with any N2xx or Q109 warning or error)")
    print(f"{'':18}" + "".join(f"{lang[:8]:>9}" for lang in langs) + f"{'Latin':>9}{'all':>9}")
    row = f"{'mt':18}"
    for lang in langs:
        total, bad = alarms[lang]
        figures["false_alarm"][lang] = bad / total  # type: ignore[index]
        row += f"{bad / total:>9.2f}"
    latin_total = sum(alarms[lang][0] for lang in LATIN)
    latin_bad = sum(alarms[lang][1] for lang in LATIN)
    every_total = sum(v[0] for v in alarms.values())
    every_bad = sum(v[1] for v in alarms.values())
    figures["false_alarm"]["latin"] = latin_bad / max(1, latin_total)  # type: ignore[index]
    figures["false_alarm"]["all"] = every_bad / max(1, every_total)  # type: ignore[index]
    row += f"{latin_bad / max(1, latin_total):>9.2f}{every_bad / max(1, every_total):>9.2f}"
    print(row)
    if args.examples:
        print(f"\nfalse alarms (first {args.examples}):")
        for record, found in false_alarms[: args.examples]:
            print(f"  {record['id']} {sorted(found)}\n    src: {record['source']}\n    mt:  {record['mt']}")
        for kind in FAMILY:
            print(f"\nmisses, {kind} (first {args.examples}):")
            for record in misses[kind][: args.examples]:
                print(
                    f"  {record['id']} ({record['source_lang']})\n    src: {record['source']}\n    pt:  {record['perturbed']}"
                )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
