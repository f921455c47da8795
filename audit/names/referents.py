"""Other names English news copy gives the same referent, for comparing two English texts.

Two translations of one sentence name one thing differently: `the Kremlin` / `Moscow`,
`Budapest` / `Hungary`, `the FSB` / `the Federal Security Service`, `the Federation Council` /
`the upper house`, `the Pentagon` / `the US Defense Department`. No spelling rule relates
these; the knowledge the source checks already stand on does:

- a capital stands for its country's government and the country for its capital
  (`audit.names.exonyms`, GeoNames and CLDR; a capital in another spelling by the gazetteer's
  English name for it: `Kiev`, `Kyiv`);
- the English forms of one row of the Russian tables (`audit.names.terms`: `ФСБ` is `FSB`,
  `Federal Security Service`, `security service`) are one body's names, and a seat of power
  (an `institution` row: `Кремль`) stands for the country and city the row names
  (`Russia`, `Moscow`); a row's Russian word of syllables romanised names it too (`Minpromtorg`,
  `Minfin`: English copy often keeps the Russian short form).

A form is looked up by its folded key (`abbreviations.abbreviation_key`) where it is a row's
usual (first) English form or a form only rows of one usual form list: `Foreign Ministry` is
the usual form of `МИД`'s row, `FSIN` names what `ФСИН` and `УФСИН` both call `Federal
Penitentiary Service`, while `parliament`, listed by dozens of rows, names none of them. Loaded once
per process, on first use; reading the tables needs no Russian morphology.

A description names a referent too (`described`): `the Egyptian capital` is `Cairo` (a country's
capital, GeoNames and CLDR), `the UN food agency` is the `World Food Programme` (a written-out
form of the English abbreviation table).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from importlib.resources import files

from audit.names import gazetteer
from audit.names.abbreviations import abbreviation_key, abbreviations_of, equivalents
from audit.names.demonyms import demonym_places
from audit.names.exonyms import capital_of, countries_of_capital
from audit.names.terms import NOT_NAMES, TABLES, read_table
from audit.names.translit import romanise

# Rows whose building or street stands for a government (`the Kremlin said`): their implied
# country and city are other names of the same speaker.
_SEATS = frozenset({"institution"})


@functools.lru_cache(maxsize=1)
def _rows() -> dict[str, tuple[str, ...]]:
    """Folded form -> the other names of the row(s) it names."""
    rows = [
        term
        for name in TABLES
        for term in read_table(files("audit.names").joinpath("data", name).read_text(encoding="utf-8"), name)
        if term.kind not in NOT_NAMES
    ]
    # The bodies (by their usual form) each form names: `FSIN` is listed by `ФСИН` and `УФСИН`,
    # both `Federal Penitentiary Service`, one body; `parliament` by dozens.
    named: dict[str, set[str]] = defaultdict(set)
    for term in rows:
        for form in term.english:
            named[abbreviation_key(form)].add(abbreviation_key(term.english[0]))
    index: dict[str, dict[str, None]] = {}
    for term in rows:
        names = (*term.english, *(term.implied if term.kind in _SEATS else ()))
        for position, form in enumerate(term.english):
            key = abbreviation_key(form)
            if key and (position == 0 or len(named[key]) == 1):
                index.setdefault(key, {}).update(dict.fromkeys(names))
    # A body Russian names by one word of syllables (`Минпромторг`, `Росстат`) is named in English
    # copy by that word romanised too (`Minpromtorg`): its row's names, where no English form is it.
    for term in rows:
        if _SYLLABIC.fullmatch(term.russian):
            for form in romanise(term.russian, "ru"):
                key = abbreviation_key(form)
                if key and key not in named:
                    index.setdefault(key, {}).update(dict.fromkeys(term.english))
    return {key: tuple(forms) for key, forms in index.items()}


# One Russian word, capitalised, of five letters or more: a name of syllables (`Минпромторг`, `Минфин`).
_SYLLABIC = re.compile(r"[А-ЯЁ][а-яё]{4,}")


@functools.lru_cache(maxsize=65536)
def other_names(name: str) -> tuple[str, ...]:
    """Other names English gives what `name` names (`Kremlin` -> `Russia`, `Moscow`; `Budapest`
    -> `Hungary`; `FSB` -> `Federal Security Service`...), itself left out; empty if none known."""
    key = abbreviation_key(name)
    found: dict[str, None] = dict.fromkeys(_rows().get(key, ()))
    places = gazetteer.lookup(name)
    # A capital by the gazetteer's English name for it (`Kiev`: `Kyiv`), unless a place has the
    # name as its own (`Ariel`, a town, not the poets' `Jerusalem`).
    own = [p for p in places if key in (abbreviation_key(p.name), abbreviation_key(p.english))]
    place = own[0] if own else places[0] if places else None
    english = place.name if place is not None and place.population >= gazetteer.NOTABLE_POPULATION else name
    found.update(dict.fromkeys(countries_of_capital(name) or countries_of_capital(english)))
    capital = capital_of(name)
    if capital:
        found[capital] = None
    return tuple(form for form in found if abbreviation_key(form) != key)


_CAPITAL = re.compile(r"^(.+?)(?:['’]s)? capital$")


@functools.lru_cache(maxsize=4096)
def described(phrase: str) -> tuple[str, ...]:
    """The names of what a description names: a country's capital by its nationality or country
    (`Egyptian capital`, `Haiti's capital` -> `Cairo`, `Port-au-Prince`), a body by a description
    the abbreviation table lists (`UN food agency` -> `WFP`, `World Food Programme`); empty if none."""
    capital = _CAPITAL.match(phrase)
    if capital is not None:
        return capitals_of(capital[1])
    if not abbreviations_of(phrase):
        return ()
    return equivalents(phrase)


@functools.lru_cache(maxsize=4096)
def capitals_of(country: str) -> tuple[str, ...]:
    """The capitals a country or nationality names (`Egyptian`, `Haiti`, `UAE` -> `Cairo`,
    `Port-au-Prince`, `Abu Dhabi`): of the countries its demonym is of, else of the country
    itself or its written-out forms."""
    # Not a territory that has the word in its own name (`French`: France, not French Guiana).
    places = tuple(p for p in demonym_places(country) if country.lower() not in p.lower().split())
    # `Russian` is a language of several countries; the capital is of the one it is named for.
    places = tuple(p for p in places if p[:4].lower() == country[:4].lower()) or places or (country, *equivalents(country))
    return tuple(dict.fromkeys(found for place in places if (found := capital_of(place))))
