"""Measure the N2xx checks on the DEMETR challenge set (source given).

Each record holds a source, a good translation (`mt`) and the same translation with one
error (`perturbed`, of a `kind`). Both are audited with the source through the pipeline,
N2xx and Q109 (the quotation count against the source), and this prints per kind and source
language:

- recall: the share of `perturbed` items with a finding of the matching family
  (entity_* -> names N201-N205, number_replaced -> numbers N211-N212; for the other kinds,
  any N2xx finding, shown for information);
- false alarms: the share of `mt` items with any N2xx or Q109 warning or error, and how many
  such items each rule warned on (an aggregate: the held-out share's sentences stay unseen);

for the records tuned on and for a held-out share never tuned on (split by a hash of the
source sentence, as below). `--examples` lists false alarms and misses of the tuned part only.

Usage: python scripts/eval_demetr.py [PATH] [--examples N] [--json OUT]

With `--retranslation reference`, each record's human reference is given as the
re-translation and no source, as a round trip or a precomputed re-translation would be,
and the D3xx and N2xx rules run; this prints, for the records tuned on and for a held-out
share never tuned on (split by a hash of the source sentence, so one sentence is never on
both sides), the recall at warning per kind (entity_* -> D303, D304, D306, N201-N205;
number_replaced -> D307, N211, N212; other kinds: any D3xx/N2xx warning) and the share of
good translations (`mt`) with any D3xx/N2xx warning per language. `--curve` adds the
calibration curves of the divergence threshold (D301/D305) and of D303's near-miss
threshold. `--embeddings` adds the sentence-embedding signal to the divergence.

    python scripts/eval_demetr.py --retranslation reference [--curve] [--embeddings] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, DocumentResult, Severity

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
    parser.add_argument(
        "--retranslation",
        choices=("reference",),
        help="give each record's human reference as its re-translation (no source) and run the D3xx and N2xx rules",
    )
    parser.add_argument("--curve", action="store_true", help="with --retranslation: print the threshold curves")
    parser.add_argument("--embeddings", action="store_true", help="with --retranslation: embeddings in the divergence")
    args = parser.parse_args()
    if not args.path.is_file():
        parser.error(f"{args.path}: no such file; pass the path of demetr-dev.jsonl")
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.retranslation:
        return evaluate_retranslation(records, args)
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

    print(f"DEMETR dev: {len(records)} records, {len(documents)} documents audited in {elapsed:.1f} s (N2xx and Q109)")
    figures: dict[str, Any] = {"seconds": round(elapsed, 1)}
    parts = {
        "tuned": [r for r in records if not held_out(r)],
        "held-out": [r for r in records if held_out(r)],
    }
    for name, part in parts.items():
        figures[name] = _source_figures(name, part, codes)
    false_alarms = [(r, codes[f"{r['id']}:mt"]) for r in parts["tuned"] if codes[f"{r['id']}:mt"]]
    misses: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in parts["tuned"]:
        family = FAMILY.get(record["kind"])
        if family and not codes[f"{record['id']}:perturbed"] & set(family):
            misses[record["kind"]].append(record)
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


def _source_figures(name: str, part: list[dict[str, Any]], codes: dict[str, set[str]]) -> dict[str, Any]:
    """Print and return recall per kind and language, and false alarms per language, of one part."""
    recall: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    alarms: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for record in part:
        lang, kind = record["source_lang"], record["kind"]
        alarms[lang][0] += 1
        alarms[lang][1] += bool(codes[f"{record['id']}:mt"])
        family = FAMILY.get(kind)
        found = codes[f"{record['id']}:perturbed"]
        recall[(kind, lang)][0] += 1
        recall[(kind, lang)][1] += bool(found & set(family)) if family else bool(found)
    kinds = sorted({kind for kind, _ in recall})
    langs = sorted({lang for _, lang in recall}, key=lambda l: (l not in LATIN, l))
    header = "".join(f"{lang[:8]:>9}" for lang in langs) + f"{'Latin':>9}{'all':>9}"
    print(f"\n== {name}: {len(part)} records ==")
    print("recall (perturbed items with a finding of the matching family; other kinds: any N2xx)")
    print(f"{'kind':18}" + header)
    figures: dict[str, Any] = {"recall": {}, "false_alarm": {}}
    for kind in kinds:
        per: dict[str, float | None] = {}
        for lang in langs:
            total, hit = recall[(kind, lang)]
            per[lang] = hit / total if total else None
        per["latin"] = _rate([tuple(recall[(kind, lang)]) for lang in LATIN])  # type: ignore[misc]
        per["all"] = _rate([tuple(recall[(kind, lang)]) for lang in langs])  # type: ignore[misc]
        figures["recall"][kind] = per
        print(f"{kind:18}" + "".join(_cell(per[lang]) for lang in (*langs, "latin", "all")))
    print("false-alarm rate (mt items with any N2xx or Q109 warning or error)")
    print(f"{'':18}" + header + f"{'worst':>9}")
    per = {lang: alarms[lang][1] / alarms[lang][0] for lang in langs}
    per["latin"] = _rate([tuple(alarms[lang]) for lang in LATIN])  # type: ignore[misc]
    per["all"] = _rate([tuple(v) for v in alarms.values()])  # type: ignore[misc]
    per["worst"] = max(per[lang] for lang in langs)
    figures["false_alarm"] = per
    print(f"{'mt':18}" + "".join(_cell(per[lang]) for lang in (*langs, "latin", "all", "worst")))
    by_rule: dict[str, int] = defaultdict(int)
    for record in part:
        for code in codes[f"{record['id']}:mt"]:
            by_rule[code] += 1
    figures["false_alarm_by_rule"] = dict(sorted(by_rule.items()))
    print("mt items warned, by rule: " + (", ".join(f"{code} {n}" for code, n in sorted(by_rule.items())) or "none"))
    return figures


# ---------------------------------------------------------------- the reference as the re-translation

NAME_CODES = ("D303", "D304", "D306", "N201", "N202", "N203", "N204", "N205")
RETRANSLATION_FAMILY = {
    "entity_replaced": NAME_CODES,
    "entity_removed": NAME_CODES,
    "number_replaced": ("D307", "N211", "N212"),
}
# The share of source sentences kept aside: never looked at while tuning the rules.
HELD_OUT_SHARE = 0.3
DIVERGENCE_CODES = ("D301", "D305")
DIVERGENCE_STEPS = tuple(round(0.40 + 0.05 * i, 2) for i in range(11))
NEAR_MISS_STEPS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def held_out(record: dict[str, Any]) -> bool:
    """Whether a record's source sentence is in the held-out share (the same sentence recurs across kinds)."""
    digest = hashlib.sha256(record["source"].encode("utf-8")).hexdigest()
    return int(digest[:8], 16) / 16**8 < HELD_OUT_SHARE


def audit_with_reference(records: Sequence[dict[str, Any]], table: dict[str, Any]) -> dict[str, DocumentResult]:
    """Each record's `mt` and `perturbed`, audited with its reference as the only re-translation."""
    config = apply(Config(), table, "eval_demetr")
    documents = [
        Document(id=f"{record['id']}:{side}", text=record[side], retranslations=(record["reference"],))
        for record in records
        for side in ("mt", "perturbed")
    ]
    results = {result.document.id: result for result in audit_documents(documents, config)}
    failed = [result for result in results.values() if result.error]
    if failed:
        raise SystemExit(f"{len(failed)} documents failed, the first: {failed[0].doc_id}: {failed[0].error}")
    return results


def _warned(result: DocumentResult, codes: Sequence[str] | None = None, skip: Sequence[str] = ()) -> bool:
    return any(
        f.severity >= Severity.WARNING and (codes is None or f.code in codes) and f.code not in skip
        for f in result.findings
    )


def _diverges(result: DocumentResult, threshold: float) -> bool:
    """Whether D301 or D305 warns at this divergence threshold (one re-translation: pair = consensus)."""
    sentences = [pair.scores.get("divergence", 0.0) for pair in result.alignments if pair.mt_start < pair.mt_end]
    return max(sentences, default=0.0) > threshold or result.scores.get("divergence", 0.0) > threshold


def _rate(pairs: Sequence[tuple[int, int]]) -> float | None:
    total = sum(t for t, _ in pairs)
    return sum(h for _, h in pairs) / total if total else None


def _cell(value: float | None) -> str:
    return f"{value:>9.3f}" if value is not None else f"{'-':>9}"


def evaluate_retranslation(records: list[dict[str, Any]], args: argparse.Namespace) -> int:
    table: dict[str, Any] = {
        "select": ["D3", "N2"],
        "translate": {"mode": "off", "cache": False},
        "divergence": {"embeddings": args.embeddings},
    }
    began = time.perf_counter()
    results = audit_with_reference(records, table)
    elapsed = time.perf_counter() - began
    parts = {
        "tuned": [r for r in records if not held_out(r)],
        "held-out": [r for r in records if held_out(r)],
        "all": records,
    }
    langs = sorted({r["source_lang"] for r in records}, key=lambda l: (l not in LATIN, l))
    kinds = sorted({r["kind"] for r in records})
    print(
        f"DEMETR dev, the reference as the re-translation (no source), D3xx + N2xx, embeddings "
        f"{'on' if args.embeddings else 'off'}: {len(records)} records ({len(parts['tuned'])} tuned on, "
        f"{len(parts['held-out'])} held out), {2 * len(records)} documents in {elapsed:.1f} s\n"
    )
    figures: dict[str, Any] = {"seconds": round(elapsed, 1), "embeddings": args.embeddings}
    print("recall at warning (perturbed items with a warning of the kind's rules; other kinds: any D3xx/N2xx)")
    print(f"{'kind':18}" + "".join(f"{name:>9}" for name in parts))
    figures["recall"] = {}
    for kind in kinds:
        row = {}
        for name, part in parts.items():
            hits = [
                (1, int(_warned(results[f"{r['id']}:perturbed"], RETRANSLATION_FAMILY.get(kind))))
                for r in part
                if r["kind"] == kind
            ]
            row[name] = _rate(hits)
        figures["recall"][kind] = row
        print(f"{kind:18}" + "".join(_cell(row[name]) for name in parts))
    print("\nfalse alarms (mt items with any D3xx/N2xx warning)")
    print(f"{'':18}" + "".join(f"{lang[:8]:>9}" for lang in langs) + f"{'all':>9}{'worst':>9}")
    figures["false_alarm"] = {}
    for name, part in parts.items():
        per = {
            lang: _rate([(1, int(_warned(results[f"{r['id']}:mt"]))) for r in part if r["source_lang"] == lang])
            for lang in langs
        }
        per["all"] = _rate([(1, int(_warned(results[f"{r['id']}:mt"]))) for r in part])
        per["worst"] = max((v for lang, v in per.items() if lang in langs and v is not None), default=None)
        figures["false_alarm"][name] = per
        print(f"{name:18}" + "".join(_cell(per[lang]) for lang in (*langs, "all", "worst")))
    codes: dict[str, int] = defaultdict(int)
    for r in records:
        for code in {f.code for f in results[f"{r['id']}:mt"].findings if f.severity >= Severity.WARNING}:
            codes[code] += 1
    print("\nmt items warned, by rule: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    figures["false_alarm_by_code"] = dict(sorted(codes.items()))
    if args.curve:
        figures["curves"] = _curves(records, results, parts, table, langs)
    if args.examples:
        _retranslation_examples(parts["tuned"], results, args.examples)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def _curves(
    records: list[dict[str, Any]],
    results: dict[str, DocumentResult],
    parts: dict[str, list[dict[str, Any]]],
    table: dict[str, Any],
    langs: list[str],
) -> dict[str, Any]:
    """Recall and false alarms as the divergence threshold and D303's near-miss threshold move."""
    curves: dict[str, Any] = {"divergence": [], "near_miss": []}
    print("\ndivergence threshold (D301/D305; the other rules as run): tuned / held-out")
    print(f"{'threshold':>10}{'fa all':>16}{'fa worst':>18}{'other kinds flagged':>22}")
    others = [k for k in sorted({r["kind"] for r in records}) if k not in RETRANSLATION_FAMILY]
    for threshold in DIVERGENCE_STEPS:
        point: dict[str, Any] = {"threshold": threshold}
        cells = []
        for name in ("tuned", "held-out"):
            part = parts[name]

            def alarm(result: DocumentResult, at: float = threshold) -> bool:
                return _warned(result, skip=DIVERGENCE_CODES) or _diverges(result, at)

            per = [
                _rate([(1, int(alarm(results[f"{r['id']}:mt"]))) for r in part if r["source_lang"] == lang])
                for lang in langs
            ]
            every = _rate([(1, int(alarm(results[f"{r['id']}:mt"]))) for r in part])
            flagged = _rate([(1, int(alarm(results[f"{r['id']}:perturbed"]))) for r in part if r["kind"] in others])
            worst = max((v for v in per if v is not None), default=None)
            point[name] = {"false_alarm": every, "false_alarm_worst": worst, "other_kinds_flagged": flagged}
            cells.append((every, worst, flagged))
        curves["divergence"].append(point)
        print(
            f"{threshold:>10.2f}"
            + f"{cells[0][0]:>8.3f}/{cells[1][0]:<7.3f}{cells[0][1]:>9.3f}/{cells[1][1]:<8.3f}"
            + f"{cells[0][2]:>12.3f}/{cells[1][2]:<9.3f}"
        )
    print("\nD303 near-miss threshold (name rules D303/D304/D306 only): tuned / held-out")
    print(f"{'threshold':>10}{'entity_replaced':>20}{'fa all':>16}")
    names_only = {**table, "select": ["D303", "D304", "D306"]}
    for threshold in NEAR_MISS_STEPS:
        run = audit_with_reference(
            records, {**names_only, "checks": {"divergence.mangled-name": {"threshold": threshold}}}
        )
        point = {"threshold": threshold}
        cells = []
        for name in ("tuned", "held-out"):
            part = parts[name]
            recall = _rate(
                [(1, int(_warned(run[f"{r['id']}:perturbed"]))) for r in part if r["kind"] == "entity_replaced"]
            )
            alarm = _rate([(1, int(_warned(run[f"{r['id']}:mt"]))) for r in part])
            point[name] = {"entity_replaced": recall, "false_alarm": alarm}
            cells.append((recall, alarm))
        curves["near_miss"].append(point)
        print(f"{threshold:>10.2f}{cells[0][0]:>11.3f}/{cells[1][0]:<8.3f}{cells[0][1]:>8.3f}/{cells[1][1]:<7.3f}")
    return curves


def _retranslation_examples(records: list[dict[str, Any]], results: dict[str, DocumentResult], count: int) -> None:
    """False alarms and misses of the tuned share only: the held-out share is never looked at item by item."""
    alarms = [r for r in records if _warned(results[f"{r['id']}:mt"])]
    print(f"\nfalse alarms, tuned share (first {count} of {len(alarms)}):")
    for record in alarms[:count]:
        print(f"  {record['id']} ({record['source_lang']})\n    mt:  {record['mt']}\n    ref: {record['reference']}")
        for f in results[f"{record['id']}:mt"].findings:
            if f.severity >= Severity.WARNING:
                print(f"    {f.code} “{f.text}” -> {f.suggestion}")
    for kind, codes in RETRANSLATION_FAMILY.items():
        missed = [r for r in records if r["kind"] == kind and not _warned(results[f"{r['id']}:perturbed"], codes)]
        print(f"\nmisses, {kind}, tuned share (first {count} of {len(missed)}):")
        for record in missed[:count]:
            print(
                f"  {record['id']} ({record['source_lang']})\n    mt:  {record['mt']}\n"
                f"    pt:  {record['perturbed']}\n    ref: {record['reference']}"
            )
            for f in results[f"{record['id']}:perturbed"].findings:
                print(f"    {f.code} {f.severity.name.lower()} “{f.text}” -> {f.suggestion}")


if __name__ == "__main__":
    sys.exit(main())
