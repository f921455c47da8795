"""English acronyms and abbreviations and what they stand for (package data table).

`US`, `USA`, `America` and `United States` name one country; `EU` is `European Union`,
`Sept.` is `September`, `TV` is `television`. No spelling rule relates these, so one table
lists them (`data/en_abbreviations.tsv`: a short form and its written-out forms), and every
check that compares names asks it: the name checks against a source (an acronym and what it
stands for) and the re-translation checks (a name one side abbreviates is the other's).
Indexed by folded keys (case, dots, diacritics and spacing aside); loaded once per process,
on first use. A company's syllabic short form needs no row: it spells the openings of its
long form's words (`syllabic`).
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from anyascii import anyascii

from audit.names.finder import CONNECTORS

TABLE = "en_abbreviations.tsv"
KINDS = frozenset({"place", "body", "term", "month"})
# Kinds whose short form names something (a source may write the name its own way).
NAMES = frozenset({"place", "body"})
_NOT_KEY = re.compile(r"[^\w\s]|_")


def abbreviation_key(spelling: str) -> str:
    """How a form is looked up: ASCII, lower case, no dots, apostrophes or hyphens, single spaces."""
    return " ".join(_NOT_KEY.sub(" ", anyascii(spelling.replace(".", "")).casefold()).split())


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], frozenset[str]]:
    """(short form key -> written-out forms, written-out form key -> short forms, the short form
    keys that name something), in table order."""
    text = files("audit.names").joinpath("data", TABLE).read_text(encoding="utf-8")
    written: dict[str, tuple[str, ...]] = {}
    short: dict[str, tuple[str, ...]] = {}
    names: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3 or not columns[0] or not columns[1] or columns[2] not in KINDS:
            raise ValueError(f"{TABLE}:{number}: expected a short form, its written-out forms and a kind")
        form, expansions, kind = columns[0], tuple(e for e in columns[1].split("|") if e), columns[2]
        key = abbreviation_key(form)
        written[key] = (*written.get(key, ()), *expansions)
        if kind in NAMES:
            names.add(key)
        for expansion in expansions:
            expanded = abbreviation_key(expansion)
            short[expanded] = (*short.get(expanded, ()), form)
    return written, short, frozenset(names)


def expansions(form: str, *, names_only: bool = False) -> tuple[str, ...]:
    """What English writes out for a short form (`US` -> `United States`, `America`...); empty if
    unknown, or (`names_only`) if it abbreviates no name (`TV`, `Sept.`)."""
    key = abbreviation_key(form)
    if names_only and key not in _table()[2]:
        return ()
    return _table()[0].get(key, ())


def abbreviations_of(spelling: str) -> tuple[str, ...]:
    """The short forms of what English writes out (`United Kingdom` -> `UK`, `GB`); empty if unknown."""
    return _table()[1].get(abbreviation_key(spelling), ())


@functools.lru_cache(maxsize=65536)
def equivalents(spelling: str) -> tuple[str, ...]:
    """Every other form of the name a spelling is in the table as: its written-out forms or short
    forms, and the other short forms of those (`USA` -> `United States`, `America`, `US`...)."""
    key = abbreviation_key(spelling)
    forms: dict[str, None] = {}
    for written in expansions(spelling):
        forms[written] = None
        forms.update(dict.fromkeys(abbreviations_of(written)))
    for short in abbreviations_of(spelling):
        forms[short] = None
        forms.update(dict.fromkeys(expansions(short)))
    return tuple(form for form in forms if abbreviation_key(form) != key)


def is_short_form(form: str) -> bool:
    """A form written in capitals (`US`, `U.S.`), which stands for the name only in capitals."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Words a long form's syllabic short form skips: a name's connectors and the ones of a title
# (`Empresa Colombiana de Petróleos`, `Bank of the Republic and ...`), and a company's legal form at its end.
_CONNECTORS = CONNECTORS | {"do", "e", "the", "and"}
_LEGAL_FORMS = frozenset(
    "sa sab cv ag se nv bv inc ltd llc plc co corp pjsc jsc pao oao spa srl bhd berhad tbk asa".split()
)


@functools.lru_cache(maxsize=65536)
def syllabic(short: str, long: str) -> bool:
    """A one-word short form spelt by the openings of the long form's successive words, two at
    least, each word giving one (`Pemex`/`Petróleos Mexicanos`, `Petrobras`/`Petróleo Brasileiro
    SA`, `Ecopetrol`/`Empresa Colombiana de Petróleos`, `Gazprom`/`Gazovaya Promyshlennost`):
    connectors and a legal form at the end aside, and one opening of three letters at least, or,
    an acronym in capitals, of two (`IRENA`/`International Renewable Energy Agency`)."""
    key = abbreviation_key(short)
    opening = 2 if short.isupper() else 3
    words = [w for w in abbreviation_key(long).split() if w not in _CONNECTORS]
    while words and words[-1] in _LEGAL_FORMS:
        words.pop()
    if " " in key or len(key) < 4 or len(words) < 2 or len(words) > len(key):
        return False

    def spelt(at: int, index: int, long_enough: bool) -> bool:
        if index == len(words):
            return at == len(key) and long_enough
        word = words[index]
        for size in range(min(len(word), len(key) - at), 0, -1):
            if word[:size] == key[at : at + size] and spelt(at + size, index + 1, long_enough or size >= opening):
                return True
        return False

    return key[0] == words[0][0] and spelt(0, 0, False)
