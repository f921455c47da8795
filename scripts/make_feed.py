"""Make a JSONL feed for batch tests and benchmarks: the sample repeated with variations, plus bad records.

    python scripts/make_feed.py feed.jsonl --documents 2000
    python scripts/make_feed.py big.jsonl --megabytes 200 --bad-every 500

Each good record is samples/idlib-wire.txt varied (paragraphs rotated or dropped, a name
respelt, numbers changed, straight quotes for curly ones), so the feed is not one document
2,000 times. Every `--bad-every`-th line is a bad record of a rotating kind (malformed JSON,
no "text", empty text, a wrong type, a misspelt field, invalid UTF-8), each of which the
reader must turn into an error entry while the batch goes on. Prints the counts as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "idlib-wire.txt"

BAD_RECORDS: tuple[bytes, ...] = (
    b'{"id": "broken", "text": "unterminated\n',
    b'{"id": "no-text", "source": "\xd0\x9d\xd0\xb5\xd1\x82"}\n',
    b'{"id": "empty", "text": "   "}\n',
    b'{"id": "wrong-type", "text": ["a list"]}\n',
    b'{"id": "misspelt", "text": "Fine.", "retranslation": ["Fine."]}\n',
    b'{"id": "latin1", "text": "Caf\xe9"}\n',
    b'["not", "an", "object"]\n',
)


@dataclass
class FeedCounts:
    path: str
    lines: int = 0
    good: int = 0
    bad: int = 0
    bytes: int = 0


def vary(paragraphs: list[str], rng: random.Random, index: int) -> str:
    """One plausible variant of the sample (its text stays wire copy, with its quote problems)."""
    chosen = paragraphs[index % len(paragraphs) :] + paragraphs[: index % len(paragraphs)]
    if rng.random() < 0.3:
        chosen = chosen[: rng.randint(1, len(chosen))]
    text = "\n\n".join(chosen)
    if rng.random() < 0.3:
        text = text.replace("Konashenkov", "Konashenkof", 1)
    if rng.random() < 0.3:
        text = text.replace("15-20", f"{rng.randint(5, 30)}-{rng.randint(31, 60)}")
    if rng.random() < 0.2:
        text = text.replace("“", '"').replace("”", '"')
    return text + "\n"


def make_feed(
    path: Path, *, documents: int | None = None, megabytes: float | None = None, bad_every: int = 97, seed: int = 0
) -> FeedCounts:
    """Write the feed; stop after `documents` good records, or once it is `megabytes` long."""
    if (documents is None) == (megabytes is None):
        raise ValueError("give documents or megabytes")
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    counts = FeedCounts(path=str(path))
    limit = None if megabytes is None else int(megabytes * 1_000_000)
    with path.open("wb") as out:
        while (documents is None or counts.good < documents) and (limit is None or counts.bytes < limit):
            counts.lines += 1
            if bad_every and counts.lines % bad_every == 0:
                line = BAD_RECORDS[counts.bad % len(BAD_RECORDS)]
                counts.bad += 1
            else:
                record = {"id": f"wire-{counts.good:06d}", "text": vary(paragraphs, rng, counts.good)}
                line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                counts.good += 1
            out.write(line)
            counts.bytes += len(line)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("output", type=Path)
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--documents", type=int, help="Number of good records.")
    size.add_argument("--megabytes", type=float, help="Approximate size of the feed.")
    parser.add_argument("--bad-every", type=int, default=97, help="Every Nth line is a bad record (0: none).")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    counts = make_feed(
        args.output, documents=args.documents, megabytes=args.megabytes, bad_every=args.bad_every, seed=args.seed
    )
    sys.stdout.write(json.dumps(asdict(counts)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
