"""Speed of the name checks without a source on name-dense text, and the gazetteer's start-up.

1. One document of about 1 MB made of distinct names (two- and three-word names built from
   syllables, each used once or twice, one in five repeated respelt: a letter doubled or dropped,
   `kh` for `h`, a space removed), audited with N201 alone and with every model-free N2 rule
   after a warm-up; CPU seconds, best of --repeat. N201 was quadratic in distinct names
   before issue 11 (300,000 characters of them took 22 s).
2. The gazetteer: seconds to open the index and answer a first lookup in a fresh process,
   and the whole start-up of `mt-audit check` on a one-line document with the place rule
   selected (imports, word lists, CLDR, the index), best of --repeat.

    python scripts/bench_names.py [--megabytes 1] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.config import Config, apply
from audit.pipeline import Auditor
from audit.types import Document

ONSETS = ["b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "t", "v", "z", "zh", "ch"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ia"]
CODAS = ["", "", "n", "r", "l", "m", "s", "d", "v", "k"]
VERBS = ["said", "told reporters", "met", "spoke with", "criticised", "thanked", "called"]


def _word(rng: random.Random) -> str:
    syllables = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(2, 3)))
    return syllables.capitalize()


def _respelt(name: str, rng: random.Random) -> str:
    kind = rng.randrange(4)
    words = name.split()
    word = words[-1]
    if kind == 0:
        i = rng.randrange(1, len(word))
        word = word[:i] + word[i] + word[i:]
    elif kind == 1 and len(word) > 5:
        i = rng.randrange(1, len(word) - 1)
        word = word[:i] + word[i + 1 :]
    elif kind == 2 and "h" in word[1:]:
        word = word[0] + word[1:].replace("h", "kh", 1)
    elif len(words) > 2:
        return " ".join([*words[:-2], words[-2] + words[-1].lower()])
    return " ".join([*words[:-1], word])


def name_dense_text(megabytes: float, seed: int = 0) -> tuple[str, int]:
    """About `megabytes` of sentences naming distinct people; and how many distinct names."""
    rng = random.Random(seed)
    names: set[str] = set()
    sentences: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        group = [" ".join(_word(rng) for _ in range(rng.choice((2, 2, 3)))) for _ in range(4)]
        names.update(group)
        other = _respelt(group[0], rng) if rng.random() < 0.2 else group[0]
        sentence = f"Officials said {group[0]}, {group[1]}, {group[2]} and {group[3]} {rng.choice(VERBS)} {other}."
        sentences.append(sentence)
        size += len(sentence) + 1
    return "\n".join(sentences) + "\n", len(names)


def cpu_seconds(codes: list[str], text: str, repeat: int) -> tuple[float, int]:
    config = apply(Config(), {"select": codes, "translate": {"mode": "off"}}, "bench_names")
    auditor = Auditor(config, strict=True)
    list(auditor.audit([Document(id="warm-up", text="Igor Konashenkov said so in Aleppo.")]))
    best, findings = float("inf"), 0
    for number in range(repeat):
        started = time.process_time()
        [result] = auditor.audit([Document(id=f"dense-{number}", text=text)])
        best = min(best, time.process_time() - started)
        findings = len(result.findings)
    return best, findings


def gazetteer_open_s() -> float:
    code = "import time; t=time.perf_counter(); from audit.names import gazetteer; gazetteer.lookup('Manbidzh'); print(time.perf_counter()-t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(done.stdout.strip())


def check_startup_s(select: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one.txt"
        one.write_text("Kurdish forces left Manbidzh on Monday.\n", encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "audit", "check", str(one), "--select", select, "--retranslate", "off", "-o", os.devnull],
            cwd=ROOT,
            check=False,
            capture_output=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall_s": round(time.perf_counter() - started, 3), "cpu_s": round(cpu, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    text, distinct = name_dense_text(args.megabytes)
    result: dict[str, object] = {"text_mb": round(len(text.encode()) / 1e6, 3), "distinct_names": distinct}
    for label, codes in (("n201", ["N201"]), ("all_n2_model_free", ["N2"])):
        seconds, findings = cpu_seconds(codes, text, args.repeat)
        result[f"{label}_cpu_s"] = round(seconds, 3)
        result[f"{label}_findings"] = findings
    result["gazetteer_open_and_first_lookup_s"] = round(min(gazetteer_open_s() for _ in range(args.repeat)), 3)
    startups = [check_startup_s("N231") for _ in range(args.repeat)]
    result["check_startup_with_place_rule"] = min(startups, key=lambda s: s["wall_s"])
    startups = [check_startup_s("Q,N") for _ in range(args.repeat)]
    result["check_startup_model_free_rules"] = min(startups, key=lambda s: s["wall_s"])
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
