"""Probe the source-aware name checks on DEMETR's tuned sentences with other names put in.

The tuned share of DEMETR (never the held-out share: `eval_demetr.held_out`) is small, and
rules fitted to its sentences can be quiet on them by knowing their particular names. This
puts other names of the same kind into a good translation and its source, each written as
that source language writes it (CLDR's country and time-zone city names through babel, and a
table of people whose names each language spells its own way: `Wolodymyr Selenskyj`,
`Mouammar Kadhafi`, `papa Francisco`), and reports:

- false alarms: good pairs (the name swapped in both) with any N2xx or Q109 warning;
- recall: the same pairs with the English name swapped again for another of its kind
  (a replaced name), caught by N201-N205.

A name is swapped only where the source writes it as the English does (a person) or in its
CLDR form (a place), so an inflecting language keeps its case endings where it has them.

Usage: python scripts/perturb_demetr.py [PATH] [--examples N] [--seed S]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_demetr import DEFAULT, held_out

from audit.config import Config, apply
from audit.names.exonyms import _zone_cities, language_code
from audit.names.source import source_names
from audit.pipeline import audit_documents
from audit.types import Document, Severity

NAME_CODES = frozenset({"N201", "N202", "N203", "N204", "N205"})
# Names drawn for each name found.
DRAWS = 4
LANGS = ("de", "fr", "es", "it", "pl", "cs")

# People whose names the source languages spell each their own way: (English, de, fr, es, it, pl, cs).
PEOPLE: tuple[tuple[str, ...], ...] = (
    ("Volodymyr Zelensky", "Wolodymyr Selenskyj", "Volodymyr Zelensky", "Volodímir Zelenski", "Volodymyr Zelensky", "Wołodymyr Zełenski", "Volodymyr Zelenskyj"),
    ("Sergei Lavrov", "Sergej Lawrow", "Sergueï Lavrov", "Serguéi Lavrov", "Sergej Lavrov", "Siergiej Ławrow", "Sergej Lavrov"),
    ("Muammar Gaddafi", "Muammar al-Gaddafi", "Mouammar Kadhafi", "Muamar el Gadafi", "Muammar Gheddafi", "Muammar Kaddafi", "Muammar Kaddáfí"),
    ("Alexei Navalny", "Alexej Nawalny", "Alexeï Navalny", "Alexéi Navalni", "Aleksej Navalny", "Aleksiej Nawalny", "Alexej Navalnyj"),
    ("Benjamin Netanyahu", "Benjamin Netanjahu", "Benyamin Netanyahou", "Benjamín Netanyahu", "Benjamin Netanyahu", "Binjamin Netanjahu", "Benjamin Netanjahu"),
    ("Mikhail Gorbachev", "Michail Gorbatschow", "Mikhaïl Gorbatchev", "Mijaíl Gorbachov", "Michail Gorbačëv", "Michaił Gorbaczow", "Michail Gorbačov"),
    ("Nikita Khrushchev", "Nikita Chruschtschow", "Nikita Khrouchtchev", "Nikita Jrushchov", "Nikita Chruščëv", "Nikita Chruszczow", "Nikita Chruščov"),
    ("Yuri Gagarin", "Juri Gagarin", "Youri Gagarine", "Yuri Gagarin", "Jurij Gagarin", "Jurij Gagarin", "Jurij Gagarin"),
    ("Leo Tolstoy", "Leo Tolstoi", "Léon Tolstoï", "León Tolstói", "Lev Tolstoj", "Lew Tołstoj", "Lev Tolstoj"),
    ("Mahmoud Abbas", "Mahmud Abbas", "Mahmoud Abbas", "Mahmud Abás", "Mahmoud Abbas", "Mahmud Abbas", "Mahmúd Abbás"),
    ("Bashar al-Assad", "Baschar al-Assad", "Bachar al-Assad", "Bashar al Asad", "Bashar al-Assad", "Baszar al-Asad", "Bašár Asad"),
    ("Christopher Columbus", "Christoph Kolumbus", "Christophe Colomb", "Cristóbal Colón", "Cristoforo Colombo", "Krzysztof Kolumb", "Kryštof Kolumbus"),
    ("Pope Francis", "Papst Franziskus", "pape François", "papa Francisco", "papa Francesco", "papież Franciszek", "papež František"),
    ("King Charles", "König Charles", "roi Charles", "rey Carlos", "re Carlo", "król Karol", "král Karel"),
    ("Vladimir Putin", "Wladimir Putin", "Vladimir Poutine", "Vladímir Putin", "Vladimir Putin", "Władimir Putin", "Vladimir Putin"),
    ("Kim Jong Un", "Kim Jong Un", "Kim Jong-un", "Kim Jong-un", "Kim Jong-un", "Kim Dzong Un", "Kim Čong-un"),
    ("Ricardo Salazar", *("Ricardo Salazar",) * 6),
    ("Jürgen Mistol", *("Jürgen Mistol",) * 6),
    ("Barry Vacker", *("Barry Vacker",) * 6),
    ("Daniel Okafor", *("Daniel Okafor",) * 6),
    ("Marta Kowalczyk", *("Marta Kowalczyk",) * 6),
    ("Pierre Lemaire", *("Pierre Lemaire",) * 6),
    ("Hans Vogler", *("Hans Vogler",) * 6),
    ("Lucía Fernández", *("Lucía Fernández",) * 6),
    ("Giulia Bianchi", *("Giulia Bianchi",) * 6),
    ("Tomáš Dvořák", *("Tomáš Dvořák",) * 6),
    ("Tom Whitfield", *("Tom Whitfield",) * 6),
    ("Aisha Rahman", *("Aisha Rahman",) * 6),
    ("Kenji Watanabe", *("Kenji Watanabe",) * 6),
    ("Olusegun Adeyemi", *("Olusegun Adeyemi",) * 6),
    ("Siobhan Kelly", *("Siobhan Kelly",) * 6),
    ("Lars Eriksson", *("Lars Eriksson",) * 6),
    ("Ayşe Yılmaz", *("Ayşe Yılmaz",) * 6),
    ("Rajesh Kumar", *("Rajesh Kumar",) * 6),
    ("Carla Moretti", *("Carla Moretti",) * 6),
    ("Brian Tennant", *("Brian Tennant",) * 6),
)
COUNTRIES = (
    *("DE", "FR", "ES", "IT", "PL", "CZ", "GB", "US", "MX", "BR", "AR", "CN", "JP", "IN", "RU", "UA", "TR", "EG"),
    *("NG", "ZA", "KE", "SE", "NO", "FI", "GR", "PT", "NL", "BE", "CH", "AT", "HU", "RO", "IR", "IQ", "SY", "IL"),
    *("SA", "AU", "NZ", "CA", "CU", "CL", "PE", "CO", "VE", "KR", "KP", "VN", "TH", "ID", "PH", "PK", "AF", "MA"),
)
ZONES = (
    *("Europe/Warsaw", "Europe/Moscow", "Europe/Vienna", "Europe/Prague", "Europe/Lisbon", "Europe/Athens"),
    *("Europe/Copenhagen", "Europe/Brussels", "Europe/Bucharest", "Europe/Kyiv", "Asia/Tokyo", "Asia/Shanghai"),
    *("Asia/Tehran", "Asia/Jerusalem", "Africa/Cairo", "America/Mexico_City", "America/Havana", "Europe/Belgrade"),
    *("Europe/Zurich", "Europe/Rome", "Europe/Paris", "Europe/London", "Europe/Berlin", "Asia/Kolkata"),
    *("Asia/Riyadh", "Asia/Baghdad", "Asia/Damascus", "Asia/Beirut", "Africa/Algiers", "Europe/Istanbul"),
    *("Europe/Madrid", "Europe/Stockholm", "Europe/Helsinki", "Europe/Budapest", "Europe/Dublin", "Africa/Lagos"),
    *("America/Sao_Paulo", "America/Lima", "America/Bogota", "Asia/Seoul", "Asia/Bangkok", "Asia/Manila"),
)


def pools(code: str) -> dict[str, list[tuple[str, str]]]:
    """(English, local) names by kind for one source language."""
    en, local = Locale("en"), Locale.parse(code)
    column = 1 + LANGS.index(code)
    english_zones, local_zones = _zone_cities("en"), _zone_cities(str(local))
    return {
        "person": [(row[0], row[column]) for row in PEOPLE],
        "country": [(en.territories[c], local.territories[c]) for c in COUNTRIES],
        "city": [(english_zones[z], local_zones[z]) for z in ZONES if z in english_zones and z in local_zones],
    }


def _word_at(text: str, name: str) -> re.Match[str] | None:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)


def swaps(record: dict[str, Any], pool: dict[str, list[tuple[str, str]]], rng: random.Random) -> list[dict[str, Any]]:
    """Good pairs with one name of the record swapped for another of its kind, in the source and the English."""
    source, mt, code = record["source"], record["mt"], language_code(record["source_lang"])
    found: list[tuple[str, str, str]] = []  # (kind, English, local)
    for kind in ("country", "city"):
        for english, local in pool[kind]:
            if _word_at(mt, english) and _word_at(source, local):
                found.append((kind, english, local))
    places = {local for _, _, local in found}
    for name in source_names(source, code):
        words = name.text.split()
        if 1 <= len(words) <= 3 and name.text not in places and _word_at(mt, name.text) and not name.text.isupper():
            if all(w[:1].isupper() and w[1:].islower() for w in words) and not any(name.text in p for p in places):
                found.append(("person", name.text, name.text))
    out = []
    for (kind, english, local), draw in itertools.product(found, range(DRAWS)):
        choices = [pair for pair in pool[kind] if pair[0] != english]
        new_english, new_local = rng.choice(choices)
        other_english = rng.choice([pair for pair in choices if pair[0] != new_english])[0]
        src_match, mt_match = _word_at(source, local), _word_at(mt, english)
        assert src_match and mt_match
        new_source = source[: src_match.start()] + new_local + source[src_match.end() :]
        good = mt[: mt_match.start()] + new_english + mt[mt_match.end() :]
        bad = mt[: mt_match.start()] + other_english + mt[mt_match.end() :]
        out.append(
            {
                "id": f"{record['id']}/{kind}{draw}:{english}->{new_english}",
                "kind": kind,
                "lang": record["source_lang"],
                "source": new_source,
                "good": good,
                "bad": bad,
                "new": f"{new_local} / {new_english}",
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--examples", type=int, default=0, help="print N false alarms and N misses")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(args.seed)
    seen: set[str] = set()
    cases: list[dict[str, Any]] = []
    for record in records:
        code = language_code(record["source_lang"])
        if held_out(record) or code not in LANGS or record["source"] in seen:
            continue  # each tuned sentence once; the held-out share is never read
        seen.add(record["source"])
        cases.extend(swaps(record, pools(code), rng))
    config = apply(Config(), {"select": ["N2", "Q109"]}, "perturb_demetr")
    documents = [
        Document(id=f"{case['id']}#{side}", text=case[side], source=case["source"], source_lang=case["lang"])
        for case in cases
        for side in ("good", "bad")
    ]
    found = {
        result.document.id: {(f.code, result.document.text[f.start : f.end]) for f in result.findings if f.severity >= Severity.WARNING}
        for result in audit_documents(documents, config)
    }
    alarms: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    caught: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        key = (case["lang"], case["kind"])
        totals[key] += 1
        good, bad = found[f"{case['id']}#good"], found[f"{case['id']}#bad"]
        alarms[key] += bool(good)
        caught[key] += any(code in NAME_CODES for code, _ in bad)
        if good:
            shown["false alarms"].append(f"  {case['id']} {sorted(good)}\n    src: {case['source']}\n    en:  {case['good']}")
        if not any(code in NAME_CODES for code, _ in bad):
            shown["misses"].append(f"  {case['id']}\n    src: {case['source']}\n    en:  {case['bad']}")
    print(f"{len(cases)} swapped pairs from {len(seen)} tuned sentences")
    print(f"{'':22}{'pairs':>7}{'false alarms':>14}{'recall':>8}")
    for key in sorted(totals):
        print(f"{key[0][:10]:11}{key[1]:11}{totals[key]:7}{alarms[key] / totals[key]:14.3f}{caught[key] / totals[key]:8.3f}")
    for kind in ("person", "country", "city"):
        n = sum(v for k, v in totals.items() if k[1] == kind)
        a = sum(v for k, v in alarms.items() if k[1] == kind)
        c = sum(v for k, v in caught.items() if k[1] == kind)
        print(f"{'all':11}{kind:11}{n:7}{a / max(n, 1):14.3f}{c / max(n, 1):8.3f}")
    n, a, c = sum(totals.values()), sum(alarms.values()), sum(caught.values())
    print(f"{'all':22}{n:7}{a / max(n, 1):14.3f}{c / max(n, 1):8.3f}")
    if args.examples:
        for what in ("false alarms", "misses"):
            print(f"\n{what} (first {args.examples} of {len(shown[what])}):")
            print("\n".join(shown[what][: args.examples]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
