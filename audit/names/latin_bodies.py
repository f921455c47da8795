"""The bodies and regions a Polish, Spanish, German, French, Italian or Czech source names by its
own words, and the English names they stand for (package data tables).

Wire copy translates a local body by meaning (`GUS`: `Statistics Poland`), writes it out in
English (`ČSÚ`: `Czech Statistical Office`), names a party by its leader (`BSW`: `Sahra
Wagenknecht Alliance`) and adds the city or country it belongs to (`RATP`: `Paris transport
operator`, `Palazzo Chigi`: `Rome`); it writes a first-level region by its English name
(`Niedersachsens`: `Lower Saxony`). No spelling rule relates these, so `data/latin_bodies.tsv`
lists each country's common acronyms of state bodies, parties, unions, agencies and seats of
government, the institutions its copy capitalises (`Fiscalía`: `prosecutors`) and the acronyms
of ordinary terms (`IRPF`: `income tax`), and `data/eu_regions.tsv` the six countries' first-level regions with their own
names. Read once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

from audit.names.variants import name_key

TABLE = "latin_bodies.tsv"
KINDS = frozenset({"state", "party", "union", "company", "media", "seat", "term"})


@dataclass(frozen=True, slots=True)
class Body:
    """A source's form of a body, what English writes for it, and what English may add beside it."""

    form: str
    langs: frozenset[str]
    english: tuple[str, ...]
    context: tuple[str, ...]
    kind: str


def read_bodies(text: str, name: str = TABLE) -> list[Body]:
    """The rows of a bodies table; a malformed row is an error naming its line."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 5 or not columns[0] or not columns[2] or columns[4] not in KINDS:
            raise ValueError(f"{name}:{number}: expected a form, languages, English forms, context and a kind")
        form, langs, english, context, kind = columns
        rows.append(
            Body(form, frozenset(langs.split()), tuple(e for e in english.split("|") if e), tuple(c for c in context.split("|") if c), kind)
        )
    return rows


@functools.lru_cache(maxsize=1)
def bodies() -> dict[str, dict[str, Body]]:
    """`data/latin_bodies.tsv` by source language, then by the form the source writes."""
    found: dict[str, dict[str, Body]] = {}
    for body in read_bodies(files("audit.names").joinpath("data", TABLE).read_text(encoding="utf-8")):
        for lang in body.langs:
            found.setdefault(lang, {})[body.form] = body
    return found


@functools.lru_cache(maxsize=1)
def region_names() -> dict[str, tuple[str, ...]]:
    """`data/eu_regions.tsv`: each region's English name with its own names (`Lower Saxony`: `Niedersachsen`)."""
    from audit.names.regions import european_region_rows

    return {region: local for region, _country, _code, _city, local in european_region_rows()}


def _pattern(form: str, lang: str) -> str:
    """How a form is found in a source: an acronym (two capitals at least) whole or with a hyphened
    case ending (`GUS-u`), a word of six letters or more under a case ending of up to five letters
    (`Niedersachsens`, `Wielkopolsce`, `Solidarności`), a shorter one whole; in German, also as the
    first part of a compound (`SPD-Fraktion`, `Unionsfraktion`, `AfD-Politiker`)."""
    if " " not in form and sum(char.isupper() for char in form) >= 2:
        stem, ending = re.escape(form), r"(?:-\w{1,4})?"
    elif len(form) >= 6 and form[-2:].isalpha():
        stem, ending = re.escape(form[:-2]), r"\w{0,5}"
    else:
        stem, ending = re.escape(form), ""
    if lang == "de":
        ending = rf"(?:{ending}|-\w+|s?[a-zäöüß]{{4,}})" if ending else r"(?:-\w+|s?[a-zäöüß]{4,})?"
    return rf"(?<!\w){stem}{ending}(?!\w)"


@functools.lru_cache(maxsize=8)
def _forms_pattern(lang: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]] | None:
    """One pattern for every body form and region name a language's source may write, longest
    first (`PKP PLK` before `PKP`), each its own group, with what each group stands for: ("body",
    its form) or ("region", its English name)."""
    entries = [("body", form, form) for form in bodies().get(lang, {})]
    entries += [("region", region, local) for region, names in region_names().items() for local in names]
    if not entries:
        return None
    entries.sort(key=lambda entry: -len(entry[2]))
    pattern = "|".join(f"(?P<g{index}>{_pattern(local, lang)})" for index, (_kind, _key, local) in enumerate(entries))
    return re.compile(pattern), tuple((kind, key) for kind, key, _local in entries)


@functools.lru_cache(maxsize=1024)
def named_bodies(source: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the English names of the bodies and regions a source names by its own words, the names
    English may add for those bodies: their country or city)."""
    table = bodies().get(lang)
    compiled = _forms_pattern(lang) if table is not None else None
    if compiled is None or table is None:
        return (), ()
    pattern, entries = compiled
    english: list[str] = []
    context: list[str] = []
    for match in pattern.finditer(source):
        kind, key = entries[int((match.lastgroup or "g0")[1:])]
        if kind == "body":
            english.extend(table[key].english)
            context.extend(table[key].context)
        else:
            english.append(key)
    return tuple(dict.fromkeys(english)), tuple(dict.fromkeys(context))


@functools.lru_cache(maxsize=1024)
def gloss_keys(source: str, lang: str) -> frozenset[str]:
    """Keys of the English words a Latin-script source accounts for through its bodies and regions."""
    english, context = named_bodies(source, lang)
    return frozenset(key for name in (*english, *context) for key in name_key(name).split())


def either_case_first(form: str) -> str:
    """A pattern for a table form whose first letter may be either case (`prosecutors` opening a
    sentence), the rest as written (`central bank`, not `Central Bank`)."""
    first = form[:1]
    return (f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)) + re.escape(form[1:])

