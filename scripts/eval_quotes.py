"""How the quote rules (Q1xx) do on quote cases in the manner of other checkers' suites.

    python scripts/eval_quotes.py               # both parts: dev (tuned on) and held-out
    python scripts/eval_quotes.py --show        # and every miss and false alarm

Each case is a document (`tests/data/quotes/*.tsv`: error|correct, text, note). An error case
is caught when any Q rule reports on it; a correct case is a false alarm when any Q rule does.
Q109 needs a source and does not run.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "quotes"
PARTS = ("dev", "heldout")


@dataclass(frozen=True)
class Case:
    error: bool
    text: str
    note: str


def load(part: str) -> list[Case]:
    cases = []
    for number, line in enumerate((DATA / f"{part}.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, note = line.split("\t")
        if kind not in ("error", "correct"):
            raise SystemExit(f"{part}.tsv:{number}: the first column is error or correct, not {kind!r}")
        cases.append(Case(kind == "error", text.replace("\\n", "\n"), note))
    return cases


def evaluate(part: str, config: Config, show: bool) -> tuple[int, int, int, int]:
    cases = load(part)
    documents = [Document(id=f"{part}-{i}", text=case.text) for i, case in enumerate(cases)]
    caught = alarms = 0
    for case, result in zip(cases, audit_documents(documents, config, strict=True), strict=True):
        flagged = bool(result.findings)
        if case.error and flagged:
            caught += 1
        elif not case.error and flagged:
            alarms += 1
        if show and flagged != case.error:
            what = "missed" if case.error else "false alarm " + ",".join(f.code for f in result.findings)
            print(f"  {part}: {what}: {case.text!r} ({case.note})")
    errors = sum(case.error for case in cases)
    return caught, errors, alarms, len(cases) - errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    config = apply(Config(), {"select": ["Q"]}, "eval")
    print("part      caught          false alarms")
    for part in PARTS:
        caught, errors, alarms, correct = evaluate(part, config, args.show)
        print(f"{part:<9} {caught:>3}/{errors:<3} {caught / errors:6.1%}   {alarms:>3}/{correct:<3} {alarms / correct:6.1%}")


if __name__ == "__main__":
    main()
