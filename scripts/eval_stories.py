"""Measure the source-aware rules (N2xx, Q109) on whole stories, not single sentences.

Wire copy comes as stories of several paragraphs, each with its source paragraph. This
recombines the dev sets' pairs (`tests/data/source_ru/`, and with `--cjk` the Chinese,
Japanese and Hindi ones of `tests/data/source_cjk/`, one language a story) into stories of 4-12
paragraphs, source and translation joined at blank lines, and audits each twice: as written
(good translations: any N2xx/Q109 warning is a false alarm) and with one paragraph replaced by
one of its variants (a replaced name or a changed number: caught when a warning falls on that
paragraph; a warning elsewhere does not count). The parts in `BLIND` of
`scripts/eval_source.py` are left out, so no held-out sentence is read.

What it shows: whether a name or a figure of one paragraph is judged against its own
paragraph's source (a whole-story comparison lets paragraph 1's names vouch for paragraph 5's,
and puts a finding where the name's share of the source falls).

Usage: python scripts/eval_stories.py [--stories N] [--seed S] [--cjk] [--examples N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from eval_source import BLIND, CJK_PARTS, PARTS, read_part

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Finding, Severity

ROOT = Path(__file__).resolve().parents[1]
ERRORS = ("name_replaced", "number_changed")


def pools(cjk: bool) -> dict[str, list[dict[str, Any]]]:
    """The tuned parts' records by source language."""
    by_lang: dict[str, list[dict[str, Any]]] = {}
    for part in CJK_PARTS if cjk else PARTS:
        if part in BLIND:
            continue
        for record in read_part(part):
            by_lang.setdefault(str(record.get("source_lang", "ru")), []).append(record)
    return by_lang


def stories(by_lang: dict[str, list[dict[str, Any]]], count: int, seed: int) -> list[tuple[Document, tuple[int, int] | None]]:
    """`count` stories, each as written and (where its chosen paragraph has an error variant)
    with that paragraph replaced: (document, span of the replaced paragraph or None)."""
    rng = random.Random(seed)
    langs = sorted(by_lang)
    made: list[tuple[Document, tuple[int, int] | None]] = []
    for number in range(count):
        lang = langs[number % len(langs)]
        story = rng.sample(by_lang[lang], min(len(by_lang[lang]), rng.randint(4, 12)))
        chosen = rng.randrange(len(story))
        source = "\n\n".join(str(r["source"]) for r in story)
        good = [str(r["good"]) for r in story]
        made.append((Document(id=f"s{number}-good", text="\n\n".join(good), source=source, source_lang=lang), None))
        variants = [v for v in story[chosen]["variants"] if v["kind"] in ERRORS]
        if variants:
            texts = [*good[:chosen], str(rng.choice(variants)["text"]), *good[chosen + 1 :]]
            start = sum(len(t) + 2 for t in texts[:chosen])
            document = Document(id=f"s{number}-bad", text="\n\n".join(texts), source=source, source_lang=lang)
            made.append((document, (start, start + len(texts[chosen]))))
    return made


def warned(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.WARNING]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cjk", action="store_true", help="Chinese, Japanese and Hindi stories instead of Russian.")
    parser.add_argument("--examples", type=int, default=0, help="List this many false alarms and misses.")
    parser.add_argument("--json", type=Path, help="Write the figures here as JSON.")
    args = parser.parse_args()

    made = stories(pools(args.cjk), args.stories, args.seed)
    config = apply(Config(), {"select": ["N2", "Q109"], "translate": {"mode": "off", "cache": False}}, "eval")
    results = audit_documents([document for document, _ in made], config)
    good = bad = false_alarms = caught = elsewhere = 0
    shown = 0
    for (document, span), result in zip(made, results, strict=True):
        flagged = warned(result.findings)
        if span is None:
            good += 1
            false_alarms += bool(flagged)
            if flagged and shown < args.examples:
                shown += 1
                print(f"false alarm {document.id}: " + "; ".join(f"{f.code} {f.text[:60]!r}" for f in flagged))
            continue
        bad += 1
        inside = [f for f in flagged if f.start < span[1] and f.end > span[0]]
        caught += bool(inside)
        elsewhere += bool(flagged) and not inside
        if not inside and shown < args.examples:
            shown += 1
            print(f"missed {document.id}: {document.text[span[0] : span[1]][:120]!r}")
    figures = {
        "stories": good,
        "good_with_a_warning": round(false_alarms / max(good, 1), 3),
        "errors_caught_in_their_paragraph": round(caught / max(bad, 1), 3),
        "errors_with_a_warning_only_elsewhere": round(elsewhere / max(bad, 1), 3),
    }
    print(
        f"{good} {'CJK' if args.cjk else 'Russian'} stories of 4-12 paragraphs (seed {args.seed}): "
        f"good with any N2xx/Q109 warning {figures['good_with_a_warning']:.3f} ({false_alarms}/{good}); "
        f"an error caught on its paragraph {figures['errors_caught_in_their_paragraph']:.3f} ({caught}/{bad}), "
        f"warned only elsewhere {figures['errors_with_a_warning_only_elsewhere']:.3f} ({elsewhere}/{bad})"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
