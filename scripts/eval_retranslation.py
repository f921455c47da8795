"""Measure the re-translation rules (D3xx, N2xx) on Russian wire sentences.

`tests/data/retrans/` holds Russian sentences, each with two independent good
English translations (`good` and `reference`, as two translators would write them: other
wording, standard spelling variants, acronyms against expansions, demonyms against
countries) and variants of `good` that carry one real error (`name_replaced`,
`name_dropped`, `number_changed`). Each translation is audited with the `reference` as its
only re-translation and no source, as a precomputed or MarianMT re-translation would be
given (D3 and N2 selected, no model), and this prints:

- per class: the share of good translations with any D3xx/N2xx warning or error (false
  alarms) and the recall at warning of each variant kind (names: D303, D304, D306,
  N201-N205; numbers: D307, N211, N212; `name_dropped` is for information: a name the MT
  leaves out is no name of the MT's for these rules to weigh);
- per rule: on how many good translations it fires, and how many variants it catches.

The parts were written blind (see the README there): `tune.jsonl`, `blind.jsonl` and then
`blind3.jsonl` were measured at first sight and later tuned on (`blind3` in the third round,
on 3 December 2026), `blind4.jsonl`, written after that round, in the fourth, `blind5.jsonl`
in the fifth, `blind6.jsonl` in the sixth and `blind7.jsonl` in the seventh: each was measured
blind at first sight before its round (see tests/data/retrans/README.md; `blind7` on main
569ba9b: false alarms .087, mixed .250, spelling .125, number .083; names .98, numbers .97).
`blind9.jsonl` (the world outside Russia and Europe) was measured at first sight on main
5d16943 (good translations with a warning .160, names .94, numbers 1.00) and tuned on in the
eighth round. `blind8.jsonl` (Russian copy about the world outside Russia and Europe), written
blind in the same session and held out through rounds 7 and 8 (first sight on main 569ba9b:
false alarms .212, names .89, numbers 1.00; .200 / .91 / 1.00 on bccb885 after them), became
tuning data in the ninth round. `blind10.jsonl` (an ordinary day's mix), written blind during
the ninth round and held out through it (first sight on main 73f0833: false alarms .025, names
1.00, numbers 1.00), became tuning data in the tenth round (3 December 2026, fourth session);
`blind11.jsonl` (regions and subjects the earlier sets touch less), written blind during the
tenth round (first sight on main 4fe2aa1: false alarms .125, number class .417; names .93,
numbers .94), became tuning data in the eleventh round (3 December 2026, fourth session);
`blind12.jsonl` (an ordinary day's mix), written blind after it and held out through it (first
sight, the reference as the re-translation, on main 8e86c7e and again on 1394b06 after the
eleventh round: false alarms .050, paraphrase .125, spelling .125, D306 on 4 good translations;
replaced names .96, dropped names .25, numbers 1.00), became tuning data in the twelfth round
(3 December 2026, fifth session): after it .000 / .96 / 1.00 (dropped .08). `blind13.jsonl`
(regions and beats the earlier sets touch less), written blind during that round and held out
through it (first sight on main 985f25f: false alarms .113, names .98, numbers 1.00; last
held-out figure, on main 3cadc00 after the twelfth round: false alarms .100, names .98, numbers
1.00), became tuning data in the thirteenth round (3 December 2026, sixth session): after it
.087 / .98 / 1.00 (see the README's round 13 for the cause classes). `blind14.jsonl`, written
blind in the sixth session (3 December 2026), is held out (`BLIND`: only its aggregates are
printed). Issue 12's
targets on DEMETR are measured by `scripts/eval_demetr.py --retranslation reference`; this is
the same path on copy like the wire copy we audit.

Usage: python scripts/eval_retranslation.py [--part tune|blind|blind3|...|blind12|blind13|blind14|all] [--examples N] [--json OUT] [--embeddings]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Severity

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "retrans"
PARTS = ("tune", "blind", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14")
# Parts never tuned on, whose false alarms and misses are not listed.
BLIND: frozenset[str] = frozenset({"blind14"})
NAME_CODES = ("D303", "D304", "D306", "N201", "N202", "N203", "N204", "N205")
FAMILY = {
    "name_replaced": NAME_CODES,
    "name_dropped": NAME_CODES,
    "number_changed": ("D307", "N211", "N212"),
}


def audit_records(records: list[dict[str, Any]], embeddings: bool) -> dict[str, list[str]]:
    """The codes warned (warning or error) per audited text, `<id>:good` and `<id>:v<i>`."""
    table = {
        "select": ["D3", "N2"],
        "translate": {"mode": "off", "cache": False},
        "divergence": {"embeddings": embeddings},
    }
    config = apply(Config(), table, "eval_retranslation")
    documents = [
        Document(id=f"{record['id']}:{side}", text=text, retranslations=(record["reference"],))
        for record in records
        for side, text in (
            ("good", record["good"]),
            *((f"v{i}", variant["text"]) for i, variant in enumerate(record["variants"])),
        )
    ]
    warned: dict[str, list[str]] = {}
    for result in audit_documents(documents, config):
        if result.error:
            raise SystemExit(f"{result.doc_id}: {result.error}")
        warned[result.document.id] = sorted(
            {f.code for f in result.findings if f.severity >= Severity.WARNING}
        )
    return warned


def measure(records: list[dict[str, Any]], warned: dict[str, list[str]], examples: int) -> dict[str, Any]:
    alarms: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    recall: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    rule_alarms: Counter[str] = Counter()
    rule_catches: Counter[str] = Counter()
    false_alarms, misses = [], []
    for record in records:
        good = warned[f"{record['id']}:good"]
        rule_alarms.update(good)
        if good:
            false_alarms.append((record, good))
        for key in (record["class"], "all"):
            alarms[key][0] += 1
            alarms[key][1] += bool(good)
        for i, variant in enumerate(record["variants"]):
            caught = [code for code in warned[f"{record['id']}:v{i}"] if code in FAMILY[variant["kind"]]]
            rule_catches.update(caught)
            if not caught and variant["kind"] != "name_dropped":
                misses.append((record, variant, warned[f"{record['id']}:v{i}"]))
            for key in (record["class"], "all"):
                recall[(key, variant["kind"])][0] += 1
                recall[(key, variant["kind"])][1] += bool(caught)
    classes = sorted({record["class"] for record in records})
    print(f"{'class':14}{'good':>6}{'false al.':>10}" + "".join(f"{kind:>17}" for kind in FAMILY))
    figures: dict[str, Any] = {"false_alarm": {}, "recall": {}, "rules": {}}
    for cls in (*classes, "all"):
        total, bad = alarms[cls]
        figures["false_alarm"][cls] = round(bad / total, 3)
        row = f"{cls:14}{total:>6}{bad / total:>10.3f}"
        for kind in FAMILY:
            n, hit = recall[(cls, kind)]
            row += f"{f'{hit / n:.2f} ({hit}/{n})' if n else '-':>17}"
            if n:
                figures["recall"].setdefault(kind, {})[cls] = round(hit / n, 3)
        print(row)
    print(f"\n{'rule':8}{'fires on good':>15}{'catches':>10}")
    for code in sorted(set(rule_alarms) | set(rule_catches)):
        print(f"{code:8}{rule_alarms[code]:>15}{rule_catches[code]:>10}")
        figures["rules"][code] = {"false_alarms": rule_alarms[code], "catches": rule_catches[code]}
    if examples:
        print(f"\nfalse alarms (first {examples} of {len(false_alarms)}):")
        for record, codes in false_alarms[:examples]:
            print(f"  {record['id']} {codes}\n    mt:  {record['good']}\n    ref: {record['reference']}")
        print(f"\nmisses (first {examples} of {len(misses)}):")
        for record, variant, codes in misses[:examples]:
            print(f"  {record['id']} {variant['kind']} {codes}\n    mt:  {variant['text']}\n    ref: {record['reference']}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--examples", type=int, default=0, help="list N false alarms and N misses of `tune`")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--embeddings", action="store_true", help="add the sentence-embedding signal")
    args = parser.parse_args()
    figures = {}
    for part in PARTS if args.part == "all" else (args.part,):
        path = DATA / f"{part}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(
            f"\n== {part}: {len(records)} sources, the reference as the re-translation (no source), "
            f"D3xx + N2xx, embeddings {'on' if args.embeddings else 'off'} =="
        )
        examples = 0 if part in BLIND else args.examples
        figures[part] = measure(records, audit_records(records, args.embeddings), examples)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
