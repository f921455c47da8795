"""Numbers in text, with every value a reader could take them for, so two texts can be compared.

`100,000` is a hundred thousand in English and a hundred in German; `100.000` the other way
round; `100 000`, `100 thousand`, `100 тысяч` and `100k` all mean one value. Rather than guess
a locale, a number carries the set of values its spelling admits (both readings of an
ambiguous separator, the value with and without a following scale word), and two numbers
match when their sets meet. Times (`12 h 00`, `12:00`, `1200 GMT`) carry the hour and the
HHMM value; Roman centuries (`XIe siècle`, `siglo XV`) and Roman ordinals before a name (`XXIII
Международный кинофестиваль`) their value; `1970s` also means `70`.
English number words (`two`, `twenty`, `both`) and month names count in a translation; a
source's cardinals in words (`dos`, `cinq`, `zwanzig`, `dwóch`, `třicet dva`, `चार`) are read in
Spanish, French, Italian, German, Polish, Czech, Russian and Hindi (with its scales, `लाख`,
`करोड़`), inflected forms included, and so are Russian ordinals, fractions and multiplicatives
(`втором`, `четверть`: also 25%, `вдвое`); Chinese and Japanese numerals in characters (`三十`)
pair with figures but are never required, but for one-character ordinals, counts and scores
(`第七`, `三人`, `四勝一敗`) and tenths (`三成`: 30%). Figures in sections (`80兆7000億`),
percentage points beside basis points (`0.5个百分点`: 50 basis points) and Japanese era years
(`令和8年`: 2026; a fiscal `令和8年度` also 2027, the year it ends in) carry every value. An
English month range gives both months (`July-September`); a figure closing a quoted name
(`「はやぶさ2」`) is the name's, weak.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from audit.names.finder import is_sentence_initial

_SCALES: dict[str, float] = {}
for _words, _value in (
    (
        (
            "thousand thousands k tys tys. tis tis. тыс тыс. тысяч тысячи тысяча mila mil mille tausend "
            "tisíc tisíce tisíců tysiąc tysiące tysięcy"
        ),
        1e3,
    ),
    (
        (
            "million millions m mn mln mln. mio mio. millionen millionen milioni millones miliony milionów "
            "milionu milionů milion miliónů млн млн. миллион миллиона миллионов"
        ),
        1e6,
    ),
    (
        (
            "billion billions bn b mld mld. mrd mrd. milliarde milliarden miliardi miliardy miliardów "
            "miliard miliardů milliard milliards млрд млрд. миллиард миллиарда миллиардов"
        ),
        1e9,
    ),
    ("trillion trillions tn bio billionen trilioni bilionów bilion трлн триллион триллиона триллионов", 1e12),
    ("lakh lakhs", 1e5),  # Indian English keeps the Hindi scales (`Rs 1,000 crore`)
    ("crore crores", 1e7),
):
    for _word in _words.split():
        _SCALES[_word] = _value

_ENGLISH_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ENGLISH_MONTHS = {
    month: value
    for value, month in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_ENGLISH_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
        "decade": 10,  # `十年`, `десять лет`: ten years
        "midnight": 0,
        "noon": 12,
    }
)
_ENGLISH_WORDS.update({word[:-1] + "ies": value for word, value in list(_ENGLISH_WORDS.items()) if word.endswith("ty")})
_ENGLISH_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}

# The number words English makes a `-fold` of.
_COUNTED_FOLD = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "fifty", "hundred", "thousand"}
)

# Words English uses for two of a thing, counted with the number words.
_ENGLISH_WORDS.update(
    {
        "both": 2,
        "either": 2,
        "pair": 2,
        "couple": 2,
        "twice": 2,
        "twin": 2,
        "twins": 2,
        "double": 2,
        "doubled": 2,
        "triple": 3,
        "tripled": 3,
        "trebled": 3,
        "quadrupled": 4,
        "half": 2,
        "halve": 2,
        "halved": 2,
        "quarter": 4,
        "thousand": 1000,
    }
)
# Multiplicatives (`tenfold`, `threefold`, `hundredfold`): the factor, as Russian `в десять раз` gives it.
_ENGLISH_WORDS.update(
    {word + "fold": value for word, value in list(_ENGLISH_WORDS.items()) if word in _COUNTED_FOLD}
)


def _table(spec: str) -> dict[str, int]:
    """`"2 dos|3 tres"` -> {"dos": 2, "tres": 3}: a value, then its forms (inflections too)."""
    table: dict[str, int] = {}
    for entry in spec.split("|"):
        value, *forms = entry.split()
        for form in forms:
            table[form] = int(value)
    return table


def _italian() -> str:
    units = ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"]
    tens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"]
    compounds = []
    for t, ten in enumerate(tens, start=2):
        for u, unit in enumerate(units, start=1):
            stem = ten[:-1] if unit[0] in "uo" else ten
            forms = {stem + unit, stem + unit.replace("tre", "tré")}
            compounds.append(f"{t * 10 + u} {' '.join(sorted(forms))}")
    return "|".join(compounds)


def _german() -> str:
    units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    tens = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]
    return "|".join(
        f"{t * 10 + u} {unit}und{ten}" + (f" {unit}unddreissig" if t == 3 else "")
        for t, ten in enumerate(tens, start=2)
        for u, unit in enumerate(units, start=1)
    )


def _french() -> str:
    units = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
    teens = ["onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
    entries: list[str] = []
    for value, ten in tens.items():
        entries.extend(f"{value + u} {ten}-{unit}" for u, unit in enumerate(units, start=1) if u > 1)
    entries.extend(f"{71 + i} soixante-{teen}" for i, teen in enumerate(teens))
    entries.extend(f"{81 + i} quatre-vingt-{unit}" for i, unit in enumerate(units))
    entries.extend(f"{91 + i} quatre-vingt-{teen}" for i, teen in enumerate(teens))
    return "|".join(entries)


def _czech() -> str:
    units = ["jedna", "dva", "tři", "čtyři", "pět", "šest", "sedm", "osm", "devět"]
    tens = ["dvacet", "třicet", "čtyřicet", "padesát", "šedesát", "sedmdesát", "osmdesát", "devadesát"]
    return "|".join(
        f"{t * 10 + u} {unit}a{ten}" for t, ten in enumerate(tens, start=2) for u, unit in enumerate(units, start=1)
    )


def _inflected(stems: str, endings: str) -> str:
    """`"10 desát|20 dvacát"` with the endings `ý á ou` -> `"10 desátý desátá desátou|20 ..."`."""
    return "|".join(
        f"{value} {' '.join(stem + ending for stem in forms for ending in endings.split())}"
        for value, *forms in (entry.split() for entry in stems.split("|"))
    )


# Ordinals in words as a source writes them (`desátou`, `vigésimo`, `dritten`, `десятый`), by
# language: weak (`segundo` is also a second of time), so they pair with the translation's
# figures (`10th`) but are never required.
SOURCE_ORDINALS: dict[str, str] = {
    "es": _inflected(
        "1 primer|2 segund|3 tercer|4 cuart|5 quint|6 sext|7 séptim|8 octav|9 noven|10 décim|11 undécim|12 duodécim"
        "|20 vigésim|30 trigésim|40 cuadragésim|50 quincuagésim|100 centésim",
        "o a os as",
    )
    + "|1 primer|3 tercer",
    "it": _inflected(
        "1 prim|2 second|3 terz|4 quart|5 quint|6 sest|7 settim|8 ottav|9 non|10 decim|11 undicesim|12 dodicesim"
        "|13 tredicesim|14 quattordicesim|15 quindicesim|16 sedicesim|17 diciassettesim|18 diciottesim"
        "|19 diciannovesim|20 ventesim|30 trentesim|40 quarantesim|50 cinquantesim|100 centesim",
        "o a i e",
    ),
    "fr": _inflected(
        "1 premier première|2 deuxième second seconde|3 troisième|4 quatrième|5 cinquième|6 sixième|7 septième"
        "|8 huitième|9 neuvième|10 dixième|11 onzième|12 douzième|13 treizième|14 quatorzième|15 quinzième"
        "|16 seizième|17 dix-septième|18 dix-huitième|19 dix-neuvième|20 vingtième|30 trentième|40 quarantième"
        "|50 cinquantième|100 centième",
        "_ s",
    ).replace("_", ""),
    "de": _inflected(
        "1 erst|2 zweit|3 dritt|4 viert|5 fünft|6 sechst|7 siebt siebent|8 acht|9 neunt|10 zehnt|11 elft|12 zwölft"
        "|13 dreizehnt|14 vierzehnt|15 fünfzehnt|16 sechzehnt|17 siebzehnt|18 achtzehnt|19 neunzehnt|20 zwanzigst"
        "|30 dreißigst|40 vierzigst|50 fünfzigst|100 hundertst",
        "e en er es em",
    ),
    "pl": _inflected(
        "1 pierwsz|4 czwart|5 piąt|6 szóst|7 siódm|8 ósm|9 dziewiąt|10 dziesiąt|11 jedenast|12 dwunast|13 trzynast"
        "|14 czternast|15 piętnast|16 szesnast|17 siedemnast|18 osiemnast|19 dziewiętnast|20 dwudziest"
        "|30 trzydziest|40 czterdziest|50 pięćdziesiąt|100 setn",
        "y a e ego ej emu ym ą ych ymi",
    )
    + "|"
    + _inflected("2 drug", "i a ie iego iej iemu im ą ich imi")
    + "|"
    + _inflected("3 trzec", "i ia ie iego iej iemu im ią ich imi"),
    "cs": _inflected(
        "2 druh|4 čtvrt|5 pát|6 šest|7 sedm|8 osm|9 devát|10 desát|11 jedenáct|12 dvanáct|13 třináct|14 čtrnáct"
        "|15 patnáct|16 šestnáct|17 sedmnáct|18 osmnáct|19 devatenáct|20 dvacát|30 třicát|40 čtyřicát|50 padesát"
        "|100 stý",
        "ý á é ou ého ému ém ým ých ými",
    )
    + "|"
    + _inflected("1 prvn|3 třet", "í ího ímu ím ích ími"),
    "ru": _inflected(
        "1 перв|2 втор|4 четвёрт четверт|5 пят|6 шест|7 седьм|8 восьм|9 девят|10 десят|11 одиннадцат"
        "|12 двенадцат|13 тринадцат|14 четырнадцат|15 пятнадцат|16 шестнадцат|17 семнадцат|18 восемнадцат"
        "|19 девятнадцат|20 двадцат|30 тридцат|40 сороков|50 пятидесят|100 сот",
        "ый ой ая ое ого ому ым ом ые ых ыми ую",
    )
    + "|3 третий третья третье третьего третьему третьим третьем третьи третьих третьими третью",
}
# Fractions in words, by denominator (`треть`: 3): a share a reader may as well read in percent.
_RUSSIAN_FRACTIONS = (
    "2 половина половины половине половину половиной|3 треть трети третью третей|4 четверть четверти четвертью четвертей"
)
# Russian's collective numerals, which count people, in every case (`двое`, `троих`, `пятерых`
# рыбаков: five fishermen).
_RUSSIAN_COLLECTIVES = (
    _inflected("2 дво|3 тро", "е их им ими")
    + "|"
    + _inflected("4 четвер|5 пятер|6 шестер|7 семер|8 восьмер|9 девятер|10 десятер", "о ых ым ыми")
)
# Collective numerals of a round count, which English writes as `about 40` (`une quarantaine`,
# `una ventina`, `una decena`): the value of the singular; the plural (`des dizaines`) is `dozens`.
_COLLECTIVES = {
    "fr": "|10 dizaine|15 quinzaine|20 vingtaine|30 trentaine|40 quarantaine|50 cinquantaine|60 soixantaine",
    "es": "|10 decena|15 quincena|20 veintena|30 treintena|40 cuarentena",
    "it": "|10 decina|15 quindicina|20 ventina|30 trentina|40 quarantina|50 cinquantina|60 sessantina",
}
# Cardinals in words as a source writes them, by language: value, then forms (cases, genders).
SOURCE_WORDS: dict[str, dict[str, int]] = {
    "es": _table(
        "1 un uno una|2 dos ambos ambas|3 tres|4 cuatro|5 cinco|6 seis|7 siete|8 ocho|9 nueve|10 diez|11 once|12 doce docena"
        "|13 trece|14 catorce|15 quince|16 dieciséis|17 diecisiete|18 dieciocho|19 diecinueve|20 veinte"
        "|21 veintiuno veintiún veintiuna|22 veintidós|23 veintitrés|24 veinticuatro|25 veinticinco|26 veintiséis"
        "|27 veintisiete|28 veintiocho|29 veintinueve|30 treinta|40 cuarenta|50 cincuenta|60 sesenta|70 setenta"
        "|80 ochenta|90 noventa|100 cien ciento centenar|200 doscientos doscientas|300 trescientos trescientas"
        "|400 cuatrocientos cuatrocientas|500 quinientos quinientas|600 seiscientos seiscientas"
        "|700 setecientos setecientas|800 ochocientos ochocientas|900 novecientos novecientas|1000 mil"
        + _COLLECTIVES["es"]
    ),
    "fr": _table(
        "1 un une|2 deux|3 trois|4 quatre|5 cinq|6 six|7 sept|8 huit|9 neuf|10 dix|11 onze|12 douze douzaine|13 treize"
        "|14 quatorze|15 quinze|16 seize|17 dix-sept|18 dix-huit|19 dix-neuf|20 vingt|30 trente|40 quarante"
        "|50 cinquante|60 soixante|70 soixante-dix|80 quatre-vingts quatre-vingt|90 quatre-vingt-dix"
        "|100 cent centaine|1000 mille|" + _french() + _COLLECTIVES["fr"]
    ),
    "it": _table(
        "1 un uno una|2 due entrambi entrambe|3 tre|4 quattro|5 cinque|6 sei|7 sette|8 otto|9 nove|10 dieci|11 undici|12 dodici dozzina"
        "|13 tredici|14 quattordici|15 quindici|16 sedici|17 diciassette|18 diciotto|19 diciannove|30 trenta"
        "|40 quaranta|50 cinquanta|60 sessanta|70 settanta|80 ottanta|90 novanta|100 cento centinaio"
        "|200 duecento|300 trecento|500 cinquecento|1000 mille|" + _italian() + _COLLECTIVES["it"]
    ),
    "de": _table(
        "1 ein eins eine einen einem einer|2 zwei beiden beide|3 drei|4 vier|5 fünf|6 sechs|7 sieben|8 acht"
        "|9 neun|10 zehn|11 elf|12 zwölf dutzend|13 dreizehn|14 vierzehn|15 fünfzehn|16 sechzehn|17 siebzehn"
        "|18 achtzehn|19 neunzehn|20 zwanzig|30 dreißig dreissig|40 vierzig|50 fünfzig|60 sechzig|70 siebzig"
        "|80 achtzig|90 neunzig|100 hundert einhundert|200 zweihundert|1000 tausend eintausend|" + _german()
    ),
    "pl": _table(
        "1 jeden jedna jedno jednego jednej jednym|2 dwa dwie dwóch dwu dwoma dwom dwaj oboje obaj obie obu"
        "|3 trzy trzech trzem trzema trzej|4 cztery czterech czterem czterema czterej|5 pięć pięciu pięcioma"
        "|6 sześć sześciu sześcioma|7 siedem siedmiu siedmioma|8 osiem ośmiu ośmioma|9 dziewięć dziewięciu"
        "|10 dziesięć dziesięciu|11 jedenaście jedenastu|12 dwanaście dwunastu|13 trzynaście trzynastu"
        "|14 czternaście czternastu|15 piętnaście piętnastu|16 szesnaście szesnastu|17 siedemnaście siedemnastu"
        "|18 osiemnaście osiemnastu|19 dziewiętnaście dziewiętnastu|20 dwadzieścia dwudziestu"
        "|30 trzydzieści trzydziestu|40 czterdzieści czterdziestu|50 pięćdziesiąt pięćdziesięciu"
        "|60 sześćdziesiąt sześćdziesięciu|70 siedemdziesiąt siedemdziesięciu|80 osiemdziesiąt osiemdziesięciu"
        "|90 dziewięćdziesiąt dziewięćdziesięciu|100 sto stu|200 dwieście dwustu|300 trzysta|1000 tysiąc"
    ),
    "cs": _table(
        "1 jeden jedna jedno jednoho jedné|2 dva dvě dvou dvěma oba obě obou|3 tři tří třech třem třemi"
        "|4 čtyři čtyř čtyřech čtyřem čtyřmi|5 pět pěti|6 šest šesti|7 sedm sedmi|8 osm osmi|9 devět devíti"
        "|10 deset deseti|11 jedenáct jedenácti|12 dvanáct dvanácti|13 třináct třinácti|14 čtrnáct čtrnácti"
        "|15 patnáct patnácti|16 šestnáct šestnácti|17 sedmnáct sedmnácti|18 osmnáct osmnácti"
        "|19 devatenáct devatenácti|20 dvacet dvaceti|30 třicet třiceti|40 čtyřicet čtyřiceti|50 padesát padesáti"
        "|60 šedesát šedesáti|70 sedmdesát sedmdesáti|80 osmdesát osmdesáti|90 devadesát devadesáti|100 sto"
        "|1000 tisíc|" + _czech()
    ),
    "ru": _table(
        "1 один одна одно одного одной одному одним|2 два две двух двум двумя двое оба обе обоих"
        "|3 три трёх трех трём трем тремя трое|4 четверо четыре четырёх четырех четырём четырем четырьмя|5 пять пяти пятью|6 шесть шести шестью|7 семь семи"
        "|8 восемь восьми восемью|9 девять девяти девятью|10 десять десяти десятью|11 одиннадцать одиннадцати"
        "|12 двенадцать двенадцати|13 тринадцать тринадцати|14 четырнадцать четырнадцати|15 пятнадцать пятнадцати"
        "|16 шестнадцать шестнадцати|17 семнадцать семнадцати|18 восемнадцать восемнадцати"
        "|19 девятнадцать девятнадцати|20 двадцать двадцати|30 тридцать тридцати|40 сорок сорока"
        "|50 пятьдесят пятидесяти|60 шестьдесят шестидесяти|70 семьдесят семидесяти|80 восемьдесят восьмидесяти"
        "|90 девяносто девяноста|100 сто ста|200 двести двухсот|300 триста трёхсот трехсот|400 четыреста четырёхсот"
        "|500 пятьсот пятисот|1000 тысяча|24 сутки суток суткам сутками"
        "|2 вдвое|3 втрое|4 вчетверо|5 впятеро|10 вдесятеро"  # `вдвое сократить`: halve, `втрое`: threefold
        "|" + _RUSSIAN_FRACTIONS + "|" + _RUSSIAN_COLLECTIVES
    ),
    "hi": _table(
        "1 एक|2 दो दोनों|3 तीन|4 चार|5 पांच पाँच|6 छह छः छै|7 सात|8 आठ|9 नौ|10 दस|11 ग्यारह|12 बारह|13 तेरह"
        "|14 चौदह|15 पंद्रह पन्द्रह|16 सोलह|17 सत्रह|18 अठारह|19 उन्नीस|20 बीस|25 पच्चीस|30 तीस|40 चालीस"
        "|50 पचास|60 साठ|70 सत्तर|80 अस्सी|90 नब्बे|100 सौ|2 दूसरा दूसरे दूसरी|3 तीसरा तीसरे तीसरी"
        "|4 चौथा चौथे चौथी|5 पांचवां पांचवें पांचवीं पाँचवाँ पाँचवें पाँचवीं|6 छठा छठे छठी"
    ),
}
# Every ordinal form above, weak wherever it is read, but Russian's: `второй` is never another
# word, as `segundo` (a second), `secondo` (according to), `drugi` (other) or `achten` are.
_ORDINAL_TABLES = {code: _table(spec) for code, spec in SOURCE_ORDINALS.items()}
_ORDINALS = frozenset(form for table in _ORDINAL_TABLES.values() for form in table)
_RUSSIAN_ORDINALS = frozenset(_ORDINAL_TABLES["ru"])
SOURCE_WORDS.update({code: {**table, **SOURCE_WORDS[code]} for code, table in _ORDINAL_TABLES.items()})  # a cardinal wins
# Number words that are as often another word (`neuf` new, `sei` you are, `venti` winds): weak.
_AMBIGUOUS = frozenset(
    [
        "neuf",
        "sei",
        "quarantaine",  # also quarantine, as `cuarentena`
        "cuarentena",
        "quincena",  # also a fortnight
        "trentina",  # also of Trento
        "venti",
        "beide",
        "beiden",
        "ambos",
        "ambas",
        "entrambi",
        "entrambe",
        "oboje",
        "obaj",
        "obie",
        "obu",
        "oba",
        "obě",
        "obou",
        "оба",
        "обе",
        "обоих",
        "семью",
        "दो",  # also `give`
        "दूसरा",  # also `other`
        "दूसरे",
        "दूसरी",
        # `сутки`, a day and a night: `24 hours` as often as `a day`.
        "сутки",
        "суток",
        "суткам",
        "сутками",
    ]
)
# The word between tens and units (`treinta y dos`, `vingt et un`).
_JOINERS = frozenset({"y", "et"})
_SOURCE_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
# A Devanagari word with its vowel signs (which `\w` leaves out), digits and dandas aside.
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")

_SEP = r"[,.\u00a0\u202f ’']"
_NUMBER = re.compile(
    r"(?:(?<=No\.)|(?<![A-Za-z\u00c0-\u024f\u0400-\u052f\u0900-\u0963\u0971-\u097f\uff21-\uff3a\uff41-\uff5a\d.,]))(?:"
    # not glued to a word: `M5`, `CO2`, `A320`, `जी20` (G20) are names; `No.3` is a number; a time
    # with a dot as British copy writes it, known by what follows (`6.32 a.m.`, `18.45 Moscow time`)
    r"(?P<time>(?P<hh>[01]?\d|2[0-3])\s?(?::|h|\.(?=\d\d\s?(?:Uhr|h\b|[ap]\.?m\b|GMT\b|UTC\b|(?:local|[A-Z][a-z]+) time\b)))"
    r"\s?(?P<mm>[0-5]\d)(?!\d))"
    # Indian grouping (lakh and crore: `4,12,376`, `1,00,000`) before the grouping in thousands
    rf"|(?P<num>\d{{1,2}}(?:,\d\d)+,\d{{3}}(?:\.\d+)?(?![\d,])|\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?))"
)
# An hour on the 12-hour dial after noon (`5 p.m.`, `5pm`), which a 24-hour source writes as 17.
_PM_HOUR = re.compile(r"\s?(?:p\.\s?m\.?|pm\b)", re.IGNORECASE)
# Chinese and Japanese scale characters written straight after the digits (`417.6万`).
_CJK_SCALES = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
# Scale characters after a figure, which multiply (`2万亿`: 2 trillion, `5千万`: 50 million), after
# `多`/`余` (`300多亿`: over 30 billion); not a unit's prefix (`兆瓦`: megawatt, `千米`: kilometre).
_CJK_SCALED = re.compile(r"[多余]?(?P<scale>[十百千万萬亿億兆]+)(?![瓦赫字帕焦伏米克])")
# The next, smaller section of a figure in sections (`80兆7000億`: 80.7 trillion, `1万1000`: 11,000).
_CJK_SECTION = re.compile(r"(?P<digits>\d+)(?P<scale>[十百千万萬亿億兆]*)")
# A figure's `percentage points` in any language, which English may give as 100 times as many
# basis points (`0.5个百分点`, `0,25 процентного пункта`, `0,5 puntos porcentuales`: 50 basis points).
_PERCENTAGE_POINTS = re.compile(
    r"\s?[%％]?\s?[个個]?(?:百分点|百分點|パーセントポイント|ポイント|percentage[\s-]+points?|pp\b|p\.\s?p\."
    r"|процентн\w*\s+пункт\w*|п\.\s?п\.|punto\s+porcentual|puntos\s+porcentuales|points?\s+de\s+pourcentage"
    r"|prozentpunkt\w*|punt[oi]\s+percentual[ei]|punkt\w*\s+procentow\w*|procentní\w*\s+bod\w*"
    r"|pontos?\s+percentua\w*|(?:प्रतिशत|फीसदी|फ़ीसदी)\s+अंक)",
    re.IGNORECASE,
)
# Hundredths of a currency (`56 kopecks`, `20 cents`), which another text gives in the whole unit (0.56 roubles).
_HUNDREDTHS = re.compile(r"\s?(?:kopecks?|kopeks?|kopeyk\w*|cents?|pence|paise|копе\w+|центов|цента?)\b", re.IGNORECASE)
# A whole unit and its hundredths written after it (`2メートル13センチ`, `2 м 13 см`, `3 рубля 50
# копеек`), which English writes as one decimal figure (2.13 metres, 3.50 roubles).
_AND_HUNDREDTHS = re.compile(
    r"\s?(?:メートル|米|m|метр\w*|м|ドル|美元|dollars?|руб\w*|евро|euros?)\s?(\d{1,2})\s?"
    r"(?:センチ|厘米|cm|сантиметр\w*|см|セント|美分|cents?|копе\w+|центов|цента?)(?![A-Za-zА-яЁё])",
    re.IGNORECASE,
)
# Basis points, the other way round (`50 базисных пунктов`: 0.5 percentage point).
_BASIS_POINTS = re.compile(
    r"\s?[个個]?(?:基点|基點|ベーシスポイント|basis[\s-]+points?|bps?\b|базисн\w*\s+пункт\w*|б\.\s?п\."
    r"|puntos?\s+básicos?|points?\s+de\s+base|basispunkt\w*|punt[oi]\s+base|punkt\w*\s+bazow\w*"
    r"|bazick\w*\s+bod\w*|आधार\s+अंक)",
    re.IGNORECASE,
)
# Japanese tenths and Chinese tenths of a discount (`３割`: 30%; `八折`, 80% of the price).
_CJK_RATIOS = {"割": 10.0, "成": 10.0, "折": 10.0}
# Chinese and Japanese numerals in characters (`三十`, `二百五十`, `两千`): a digit, then digits and scales;
# or `百`/`千` with a larger scale and no digit, as news writes round sums (`超千亿立方米`: over 100 billion),
# not after a figure (`3千亿`, read whole elsewhere) nor after `数`/`几` (`数百億`, several tens of billions).
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_NUMERAL = re.compile(
    r"[一二两兩三四五六七八九十][〇零一二两兩三四五六七八九十百千万萬亿億兆]+|(?<![\d０-９数几幾])[百千][亿億兆](?:[万萬亿億兆]*)"
)
# Hindi scale words after the digits (`10 लाख`, a million; `5 करोड़`, fifty million), nukta aside.
_INDIC_SCALES = {"हजार": 1e3, "लाख": 1e5, "करोड": 1e7, "अरब": 1e9}
_INDIC_AFTER = re.compile(r"[\s\u00a0]?([\u0900-\u097f]+)")
_CRORE = frozenset({"crore", "crores", "crore.", "crores."})
_SCALE_AFTER = re.compile(r"[\s\u00a0]?([^\W\d_]+\.?)", re.UNICODE)
# `half a` before a measure (`half a percentage point`): 0.5 of it.
_HALF_A = re.compile(r"\s+an?\s", re.IGNORECASE)
# A figure and a smaller scale after a scaled one (`1 млн 364 тыс.`, `2 billion 300 million`), one value.
_LOWER_SCALE = re.compile(r"[\s\u00a0]+(\d{1,3})([\s\u00a0]?[^\W\d_]+\.?)")
# `and a half` after a number (`four and a half years`), which Russian writes as a decimal (`4,5 года`).
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# A Russian factor (`в 1,5 раза`, `в десять раз`), which English may give as a percentage change.
_TIMES_BEFORE = re.compile(r"(?:^|\s)[вВ]\s+$")
_TIMES_AFTER = re.compile(r"\s?раза?\b")
_CLOCK_AFTER = re.compile(r"\s?(?:GMT|UTC|hrs|hours|h\b|Uhr|Z\b)")
_ROMAN = re.compile(
    r"\b(?:siglo|secolo|siècle|wieku|století|века|век) (?P<roman_after>[IVXLC]{1,6})\b"
    r"|\b(?P<roman>[IVXLC]{1,6})(?:e|er|ème|\.)?"
    r"(?=(?:\s?[–-]\s?[IVXLC]{1,6}(?:e|er|ème|\.)?)?\s+"
    r"(?:siècles?|siglos?|secoli|secolo|wieku|wiek|století|Jahrhunderts?|century|века|век)\b)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A Roman numeral of two letters or more numbering an event or a body before its name, as
# Russian and other languages write ordinals (`на XXIII Международном кинофестивале`, `XXV
# съезд`, `the XXIII Olympic Winter Games`): its value, as English writes it (`23rd`). Not after a
# capitalised word but a preposition or an article opening a sentence (`На XXVI съезде`), where
# it is a regnal number or a name's (`Карл XVI Густав`, `World War II`);
# in Latin script only before a capitalised word (`his CV shows` is no 105).
_ROMAN_ORDINAL = re.compile(
    r"(?<![\w\-‐‑.])(?P<roman>(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"(?=\s+(?:[А-ЯЁа-яё]|[A-Z][a-z]))"
)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])(?!(?:На|В|Во|С|Со|К|По|За|До|От|Из|При|The|At|In|On|Of|For)\s)[A-ZА-ЯЁ][\w'’-]*\s+$")
# A quarter or a half of a year as a code (`Q1 2027`, `H2`): the figure is its rank, as in `the
# first quarter`.
_PERIOD_CODE = re.compile(r"(?<![\w-])[QH](?P<rank>[1-4])(?![\w-])")
_WORD = re.compile(r"\b[a-z]+(?:-[a-z]+)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written: offsets into its text, the spelling, and the values it can mean.

    A `weak` number (a word like `two`, a month name, the minutes of a time) may pair with
    a number of the other text but is never reported unpaired itself. A time of day also
    carries its `clock` readings (HHMM, on a 24- and a 12-hour dial): two times pair only
    when they agree to the minute, while a time pairs with an hour written alone (`15时`).
    """

    start: int
    end: int
    text: str
    values: frozenset[float]
    weak: bool = False
    clock: frozenset[float] = frozenset()

    def matches(self, other: Number) -> bool:
        if self.clock and other.clock:
            return not self.clock.isdisjoint(other.clock)
        return not self.values.isdisjoint(other.values)

    @property
    def magnitude(self) -> float:
        return min(self.values)


def _readings(text: str) -> set[float]:
    """The values a digit string admits: English (in thousands, or Indian lakhs: `4,12,376`) and continental separators tried."""
    digits = re.sub(r"[\u00a0\u202f ’']", "", text)
    readings: set[float] = set()
    english = re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?", digits)
    if english:
        readings.add(float(digits.replace(",", "")))
    continental = re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", digits)
    if continental:
        readings.add(float(digits.replace(".", "").replace(",", ".")))
    if not readings:
        readings.add(float(re.sub(r"\D", "", digits) or 0))
    return readings


def is_period_rank(text: str, start: int) -> bool:
    """Whether the figure at `start` is the rank of a quarter or a half written as a code (`Q1`, `H2`)."""
    match = _PERIOD_CODE.match(text, max(0, start - 1))
    return match is not None and match.start("rank") == start and (match.group()[0] == "Q" or match.group("rank") in "12")


def is_month_name(text: str) -> bool:
    """`February`, `May`: a month's name, capitalised (`may` is a verb)."""
    return text[:1].isupper() and text.lower() in _ENGLISH_MONTHS


def is_ordinal_word(text: str) -> bool:
    """`third`, `Twelfth`: an ordinal in words, which may as well be a fraction (`a third`)."""
    return text.lower() in _ENGLISH_ORDINALS


# Tens that make a compound with a unit (`thirty-first`, `twenty-three`).
_TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})
# Fractions a share is written as, with the percentages written for them (`a quarter of
# Russians`: 25%, `a fifth`: 20%); a third is said loosely for anything from 30% to 35% (`a third` / `thirty
# percent`), two thirds for 65% to 70%.
# `hundred` after a number word (`two hundred`), which is no scale of figures (`5 hundred` is rare).
_HUNDRED_AFTER = re.compile(r"[\s-]+hundred\b", re.IGNORECASE)
# What follows `hundred` in a number in words: its tens and units (`four hundred and twelve`).
_HUNDRED_REST = re.compile(r"(?:\s+and)?[\s-]+([a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
# A season or fiscal year written with the second year short (`2023/24`, `2025-26`): its first year.
_SEASON_START = re.compile(r"(?<![\d.,])(1[89]|20)(\d\d)[/\-–]$")
# `half a million`, `half a billion`: half the scale.
_HALF_OF_SCALE = re.compile(r"\s+an?\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
# `the first half`, `the second half`: a half-year, which English also counts as six months.
_PERIOD_RANK_BEFORE = re.compile(r"\b(?:first|second|last)\s+$", re.IGNORECASE)
_THIRD = (30.0, 31.0, 32.0, 33.0, 33.3, 33.33, 34.0, 35.0)
_PERCENT_FRACTIONS = {"quarter": (25.0,), "half": (50.0,), "third": _THIRD, "fifth": (20.0,), "tenth": (10.0,)}
_PERCENT_SHARES = {
    "two-thirds": (65.0, 66.0, 66.6, 66.7, 66.67, 67.0, 68.0, 69.0, 70.0),
    "three-quarters": (75.0,),
    "three-fourths": (75.0,),
}
_ONE_PART = re.compile(r"\b(?:a|one)\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")


def is_share(text: str, start: int, end: int) -> bool:
    """Whether the fraction word at [start, end) is a share (`a third`, `half of Russians`), not a
    rank or a period (`the third quarter` is no share)."""
    return text[start:end].lower() in _PERCENT_FRACTIONS and bool(
        _ONE_PART.search(text, max(0, start - 8), start) or _OF_AFTER.match(text, end)
    )

# The three tables as one, the first to hold a word giving its value (asked of every English word).
_WORD_VALUES = {**_ENGLISH_MONTHS, **_ENGLISH_ORDINALS, **_ENGLISH_WORDS}


def _word_value(word: str) -> int | None:
    return _WORD_VALUES.get(word)


def _words_value(word: str) -> int | None:
    """A cardinal in words, hyphenated or not (`twelve`, `twenty-three`); none for another word."""
    tens, _, unit = word.partition("-")
    if not unit:
        return _ENGLISH_WORDS.get(word)
    if _ENGLISH_WORDS.get(tens, 0) in _TENS and _ENGLISH_WORDS.get(unit, 10) < 10:
        return _ENGLISH_WORDS[tens] + _ENGLISH_WORDS[unit]
    return None


def _clean(values: set[float]) -> frozenset[float]:
    """Values rounded to nine significant digits, so `417.6万` equals `4.176 million`."""
    return frozenset(float(f"{v:.9g}") for v in values)


def _roman(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def find_numbers(text: str, *, english_words: bool = False, lang: str | None = None) -> list[Number]:
    """The numbers of `text` in order.

    `english_words` adds `two`, `twenty`, `third`, `July` (weak); `lang` (a language code)
    adds that language's cardinals in words (`dos`, `zwanzig`), which must be paired.
    """
    numbers: list[Number] = []
    compound_until = -1
    for match in _NUMBER.finditer(text):
        if match.start() < compound_until:
            numbers.append(
                Number(match.start(), match.end(), match.group(), _clean(_readings(match.group())), weak=True)
            )
            continue
        if match.group("time"):
            hh, mm = int(match.group("hh")), int(match.group("mm"))
            other = (hh + 12) % 24
            hours = {float(hh), float(hh * 100 + mm), float(other)}
            clock = frozenset({float(hh * 100 + mm), float(other * 100 + mm)})  # `23:35` is `11:35 pm`
            numbers.append(Number(match.start(), match.end(), match.group(), _clean(hours), clock=clock))
            numbers.append(
                Number(match.start("mm"), match.end("mm"), match.group("mm"), _clean({float(mm)}), weak=True)
            )
            continue
        raw = match.group("num")
        values = _readings(raw)
        end = match.end()
        after = text[match.end() : match.end() + 16]
        if _PM_HOUR.match(after) and raw.isdigit() and 1 <= int(raw) <= 11:
            values.add(float(int(raw) + 12))  # `5 p.m.`: the hour `godz. 17`, `17 Uhr`, `las 17 horas` write
        scale = _SCALE_AFTER.match(after)
        if after[:1] in _CJK_RATIOS:
            values |= {v * _CJK_RATIOS[after[0]] for v in values}  # `３割`: 30%
        elif cjk := _CJK_SCALED.match(text, match.end()):
            values, compound_until = _cjk_scaled(text, values, cjk)
            end = compound_until  # the figure with its scales and sections: `80兆7000億`
        elif scale is not None and (factor := _scale_factor(scale)):
            if (crore := _SCALE_AFTER.match(text, match.end() + scale.end())) and crore.group(1).lower() in _CRORE:
                factor *= 1e7  # `1.86 lakh crore`, `35 thousand crore`: Indian scales multiply
            values |= {v * factor for v in values}
            if (lower := _LOWER_SCALE.match(text, match.end() + scale.end())) and (
                (rest := _scale_factor(_SCALE_AFTER.match(lower.group(2)))) and rest < factor
            ):
                # `1 млн 364 тыс.`: 1.364 million; the second figure then pairs weakly
                values |= {v * factor + float(lower.group(1)) * rest for v in values if v < factor}
                end = compound_until = lower.start(2)
        elif (indic := _INDIC_AFTER.match(after)) and indic.group(1).replace("\u093c", "") in _INDIC_SCALES:
            factor = _indic_factor(text, match.end())
            # `3 करोड़` is never 3: `30 million` pairs with it, `3 million` does not
            values = {v * factor for v in values} | (values if factor < 1e5 else set())
        if (hundredths := _AND_HUNDREDTHS.match(text, match.end())) is not None:
            values |= {v + int(hundredths.group(1)) / 100 for v in values}  # `2メートル13センチ`: 2.13 metres
            compound_until = hundredths.end()  # the centimetres then pair weakly
        if _AND_A_HALF.match(after):
            values |= {v + 0.5 for v in values}  # `2 and a half`
        if _PERCENTAGE_POINTS.match(text, match.end()):
            values |= {v * 100 for v in values}  # `0.5个百分点`, `0,25 п.п.`: 50 basis points
        elif _BASIS_POINTS.match(text, match.end()) or _HUNDREDTHS.match(text, match.end()):
            values |= {v / 100 for v in values}  # `50 базисных пунктов`: half a percentage point; `56 kopecks`: 0.56
        if lang == "ru" and _TIMES_AFTER.match(after) and _TIMES_BEFORE.search(text, 0, match.start()):
            values |= _as_percent(values)  # `в 1,5 раза`: 50% more, or a third less
        season = _SEASON_START.search(text, max(0, match.start() - 6), match.start()) if len(raw) == 2 else None
        if season is not None and raw.isdigit() and int(raw) == (int(season.group(2)) + 1) % 100:
            values.add(float(int(season.group(1) + season.group(2)) + 1))  # `the 2023/24 season`: 2024
        if re.fullmatch(r"\d{4}", raw) and _CLOCK_AFTER.match(after):
            values.add(float(int(raw) // 100))
        if re.fullmatch(r"\d{3}0", raw) and re.match(r"['’]?s\b", after):
            year = int(raw)
            values |= {float(year % 100), float(year // 100 + 1)}  # the 1850s: the fifties of the 19th century
        # `one` is as often `a`, `zero` `no`: never required, except as a side of a score (`1:1`,
        # `1-0`, `3:0`; a `0:0` is as often `goalless`)
        side = in_score(text, match.start(), match.end()) and (
            values == {1.0} or (values == {0.0} and not _goalless(text, match.start(), match.end()))
        )
        weak = (values <= {0.0, 1.0} and not side) or _ends_quoted_name(text, match.start(), end)
        numbers.append(Number(match.start(), end, text[match.start() : end], _clean(values), weak=weak))
    for match in _PERIOD_CODE.finditer(text):
        if is_period_rank(text, match.start("rank")):
            rank = match.group("rank")
            numbers.append(Number(match.start("rank"), match.end("rank"), rank, frozenset({float(rank)})))
    centuries = set()
    for match in _ROMAN.finditer(text):
        group = "roman" if match.group("roman") else "roman_after"
        centuries.add(match.start(group))
        numbers.append(
            Number(
                match.start(group), match.end(group), match.group(group), frozenset({float(_roman(match.group(group)))})
            )
        )
    for match in _ROMAN_ORDINAL.finditer(text):
        if match.start() in centuries or _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        numbers.append(Number(match.start(), match.end(), match.group(), frozenset({float(_roman(match.group()))})))
    if english_words:
        for match in _WORD.finditer(text):
            word = match.group().lower()
            if word in _ENGLISH_MONTHS and not match.group()[0].isupper():
                continue  # `may`, `march`: verbs; a month is capitalised
            value = _word_value(word) if "-" not in word else None
            if value is None and "-" in word:
                tens, _, unit = word.partition("-")
                if tens in _ENGLISH_WORDS and unit in _ENGLISH_WORDS and _ENGLISH_WORDS[unit] in (100, 1000):
                    value = _ENGLISH_WORDS[tens] * _ENGLISH_WORDS[unit]  # `one-hundred`, `two-thousand`
                elif tens in _ENGLISH_WORDS and unit in _ENGLISH_WORDS:
                    value = _ENGLISH_WORDS[tens] + _ENGLISH_WORDS[unit]  # `twenty-three`
                elif _ENGLISH_WORDS.get(tens, 0) in _TENS and _ENGLISH_ORDINALS.get(unit, 10) < 10:
                    value = _ENGLISH_WORDS[tens] + _ENGLISH_ORDINALS[unit]  # `thirty-first`
                elif word in _PERCENT_SHARES:  # `two-thirds`: 2, and 67%
                    shares = _clean({float(_ENGLISH_WORDS[tens]), *_PERCENT_SHARES[word]})
                    numbers.append(Number(match.start(), match.end(), match.group(), shares, weak=True))
                    continue
                else:
                    value = _word_value(tens)  # `four-month-old`
                    if tens in _ENGLISH_MONTHS and unit in _ENGLISH_MONTHS:  # `July-September`: both months
                        later = _ENGLISH_MONTHS[unit]
                        numbers.append(
                            Number(match.end() - len(unit), match.end(), match.group()[-len(unit) :], _clean({float(later)}), weak=True)
                        )
            if value is None:
                continue
            values = {float(value)}
            scale = _SCALE_AFTER.match(text[match.end() : match.end() + 16])
            if factor := _scale_factor(scale):
                values.add(value * factor)
            elif value < 100 and (hundred := _HUNDRED_AFTER.match(text, match.end())):
                values.add(value * 100)  # `two hundred works`: 200
                after_hundred = _HUNDRED_REST.match(text, hundred.end()) if value < 10 else None
                tail = _words_value(after_hundred.group(1).lower()) if after_hundred is not None else None
                if tail is not None and tail < 100:
                    values.add(value * 100 + tail)  # `four hundred and twelve votes`: 412
            if _AND_A_HALF.match(text, match.end()):
                values.add(value + 0.5)  # `four and a half years`: 4,5 года
            if word == "half":
                if scaled := _HALF_OF_SCALE.match(text, match.end()):
                    values.add(0.5 * _SCALES[scaled.group(1).lower()])  # `half a million`: 500,000
                elif _HALF_A.match(text, match.end()):
                    values.add(0.5)  # `half a percentage point`, `half an hour`: `0,5 п.п.`, `0,5 часа`
                if _PERIOD_RANK_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                    values.add(6.0)  # `the first half of the season`: its first six months
            if is_share(text, match.start(), match.end()):
                values.update(_PERCENT_FRACTIONS[word])  # `a quarter`, `half of Russians`: 25%, 50%
            numbers.append(Number(match.start(), match.end(), match.group(), _clean(values), weak=True))
    if lang in SOURCE_WORDS:
        numbers.extend(_source_words(text, SOURCE_WORDS[lang]))
    if lang == "ru":
        numbers.extend(_russian_compounds(text))
        numbers.extend(_one_and_a_half(text))
    if lang in ("zh", "ja"):
        numbers.extend(_cjk_numerals(text))
        numbers.extend(_cjk_single_numerals(text))
        numbers = _repeated_months_weak(text, _era_years(text, numbers))
    if lang is not None and lang not in ("en", "zh", "ja", "ru", "hi"):
        numbers.extend(_source_months(text, lang))
        numbers = _dotted_times(text, numbers)
    if lang is not None:
        numbers = _knockout_rounds(text, numbers)
    numbers.sort(key=lambda n: (n.start, n.end))
    return numbers


# A time of day continental copy writes with a full stop (`o godz. 14.30`, `a las 14.30 horas`,
# `alle 9.45`, `um 8.15`, `ve 14.30`), told from a decimal by a word of time beside it.
_DOTTED_TIME = re.compile(r"(?P<hh>[01]?\d|2[0-3])\.(?P<mm>[0-5]\d)")
_TIME_BEFORE = re.compile(
    r"(?:\b(?:godz\.?|godzinie|o|od|do|alle|ore|dalle|fino alle|a las|las|desde las|hasta las|à|vers|um|gegen|ab|bis|ve|v|od|hod\.?)\s*)$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s*(?:horas?|hrs?|hod(?:in)?\.?|godz\.?|uhr|h)\b", re.IGNORECASE)


def _dotted_times(text: str, numbers: list[Number]) -> list[Number]:
    """The source's times of day written `14.30` read as times (`2:30 p.m.`), not as decimals."""
    found = []
    for number in numbers:
        match = _DOTTED_TIME.fullmatch(number.text)
        if match is None or not (
            _TIME_BEFORE.search(text, max(0, number.start - 14), number.start) or _TIME_AFTER.match(text, number.end)
        ):
            found.append(number)
            continue
        hh, mm = int(match.group("hh")), int(match.group("mm"))
        other = (hh + 12) % 24
        clock = frozenset({float(hh * 100 + mm), float(other * 100 + mm)})
        found.append(replace(number, values=_clean({float(hh), float(hh * 100 + mm), float(other)}), clock=clock))
    return found


def _source_months(text: str, lang: str) -> list[Number]:
    """A Latin-script source's month names (CLDR's, every case babel gives: `septembre`,
    `września`), weak numbers: English may write the month as a figure (`9/11` for `11
    septembre`), as it counts its own month names."""
    pattern = _month_pattern(lang)
    if pattern is None:
        return []
    months = _month_values(lang)
    return [
        Number(match.start(), match.end(), match.group(), frozenset({float(months[match.group().lower()])}), weak=True)
        for match in pattern.finditer(text)
    ]


@functools.lru_cache(maxsize=32)
def _month_values(lang: str) -> dict[str, int]:
    """A language's month names (wide, formatting and stand-alone forms), lower case, to their number."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    return {
        name.lower(): number
        for context in ("format", "stand-alone")
        for number, name in locale.months[context]["wide"].items()
        if len(name) >= 3
    }


@functools.lru_cache(maxsize=32)
def _month_pattern(lang: str) -> re.Pattern[str] | None:
    months = _month_values(lang)
    if not months:
        return None
    alternatives = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


# A Russian compound adjective or noun whose first part is a number in the genitive and whose
# second a measure (`четырёхдневный`: `four-day`, `восьмилетний`: `eight-year`, `двукратный`:
# `two-time`), which English writes with the figure; not `двусторонний` (bilateral), whose
# second part is no measure, nor `десятилетие` (a decade).
_COMPOUND_UNITS = _table(
    "2 двух дву|3 трёх трех|4 четырёх четырех|5 пяти|6 шести|7 семи|8 восьми|9 девяти|10 десяти"
    "|11 одиннадцати|12 двенадцати|13 тринадцати|14 четырнадцати|15 пятнадцати|16 шестнадцати"
    "|17 семнадцати|18 восемнадцати|19 девятнадцати"
)
_COMPOUND_TENS = _table("20 двадцати|30 тридцати|40 сорока|50 пятидесяти|60 шестидесяти|70 семидесяти|80 восьмидесяти|90 девяноста")
_COMPOUND_MEASURES = (
    "летн|летие|летия|летию|летием|дневн|суточн|недельн|месячн|часов|минутн|секундн|этажн|тонн|кратн"
    "|градусн|звёздочн|звездочн|серийн|томн|процентн|километров|метров|мегаватт|миллиардн|миллионн|тысячн"
)
_RUSSIAN_COMPOUND = re.compile(
    r"(?<![\w-])(?P<tens>" + "|".join(_COMPOUND_TENS) + r")?(?P<units>" + "|".join(_COMPOUND_UNITS) + r")?"
    r"(?<=[а-яё])(?P<measure>" + _COMPOUND_MEASURES + r")[а-яё]*(?![\w-])",
    re.IGNORECASE,
)


def _russian_compounds(text: str) -> list[Number]:
    """The numbers that open Russian compounds of a measure (`четырёхдневную`: 4,
    `двадцатипятилетний`: 25), which English writes as `four-day`, `25-year`."""
    numbers = []
    for match in _RUSSIAN_COMPOUND.finditer(text):
        tens, units = (match.group("tens") or "").lower(), (match.group("units") or "").lower()
        if not (tens or units) or (units == "дву" and match.group("measure").lower() != "кратн"):
            continue
        if units == "десяти" and match.group("measure").lower().startswith("лети"):
            continue  # `десятилетие`: a decade
        value = _COMPOUND_TENS.get(tens, 0) + _COMPOUND_UNITS.get(units, 0)
        numbers.append(Number(match.start(), match.end(), match.group(), _clean({float(value)})))
    return numbers


# `полтора` (one and a half), and the time units after which English says `a year and a half`
# or `18 months`, with no 1.5 to pair, where it is a weak number.
_ONE_AND_A_HALF = re.compile(r"(?<![\w-])(?:полтора|полторы|полутора)(?![\w-])", re.IGNORECASE)
_TIME_UNIT_AFTER = re.compile(r"\s+(?:год|лет|месяц|недел|сут|час|минут|секунд|дн|дня|века|век)", re.IGNORECASE)


def _one_and_a_half(text: str) -> list[Number]:
    """`полтора`, `полторы` as 1.5 (`полторы месячные нормы`: one and a half times the monthly
    norm; `в полтора раза`: 50% more, or a third less; `полтора миллиона`: 1.5 million)."""
    numbers = []
    for match in _ONE_AND_A_HALF.finditer(text):
        values = {1.5}
        if factor := _scale_factor(_SCALE_AFTER.match(text[match.end() : match.end() + 16])):
            values.add(1.5 * factor)
        if _TIMES_AFTER.match(text, match.end()) and _TIMES_BEFORE.search(text, 0, match.start()):
            values |= _as_percent(values)
        weak = _TIME_UNIT_AFTER.match(text, match.end()) is not None
        numbers.append(Number(match.start(), match.end(), match.group(), _clean(values), weak=weak))
    return numbers


# Knockout rounds a source names by a fraction of the final or a word, which English names by
# the sides left (`1/8 финала`, `octavos de final`: `the last 16`, `the round of 16`); as words
# they are weak numbers (English may say `quarter-finals`).
_ROUND_OF = re.compile(
    r"(?<![\d/])1\s?/\s?(\d{1,2})\s+(?:финала|финал|finału|de\s+final|de\s+finale|di\s+finale|finále|finale)",
    re.IGNORECASE,
)
_ROUND_WORDS: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile("|".join(words), re.IGNORECASE), value)
    for value, words in (
        (
            16.0,
            (r"octavos\s+de\s+final", r"huitièmes?\s+de\s+finale", r"ottavi\s+di\s+finale", r"achtelfinal\w*")
            + (r"osmifinál\w*", "十六强", "16强"),
        ),
        (
            8.0,
            (r"cuartos\s+de\s+final", r"quarts?\s+de\s+finale", r"quarti\s+di\s+finale", r"viertelfinal\w*")
            + (r"čtvrtfinál\w*", r"ćwierćfinał\w*", r"четвертьфинал\w*", "八强", "四分之一决赛", "準々決勝")
            + (r"क्वार्टर\s?फ़?फाइनल",),
        ),
        (
            4.0,
            (r"semi-?final\w*", r"demi-finale\w*", r"halbfinal\w*", r"semifinál\w*", r"półfinał\w*")
            + (r"полуфинал\w*", "四强", "半决赛", "準決勝", r"सेमीफ़?फाइनल"),
        ),
    )
)


def _knockout_rounds(text: str, numbers: list[Number]) -> list[Number]:
    """The sides left in each knockout round a source names (weak), the fraction's own figures
    made weak: `1/8 финала` is `the last 16`, and may be `the eighth-finals` or no figure at all."""
    rounds = []
    for match in _ROUND_OF.finditer(text):
        sides = float(2 * int(match.group(1)))
        rounds.append(Number(match.start(), match.end(), match.group(), frozenset({sides}), weak=True))
    for pattern, value in _ROUND_WORDS:
        rounds.extend(Number(m.start(), m.end(), m.group(), frozenset({value}), weak=True) for m in pattern.finditer(text))
    if not rounds:
        return numbers
    inside = [r for r in rounds if _ROUND_OF.fullmatch(r.text)]
    kept = [
        replace(n, weak=True) if any(r.start <= n.start and n.end <= r.end for r in inside) else n
        for n in numbers
    ]
    return kept + rounds


def _indic_factor(text: str, end: int) -> float:
    """The factor of the Hindi scale words after a number, which multiply (`1.8 लाख करोड़`: 1.8
    trillion, as `हजार करोड़` is ten billion)."""
    factor = 1.0
    while (word := _INDIC_AFTER.match(text, end)) and (scale := _INDIC_SCALES.get(word.group(1).replace("\u093c", ""))):
        factor *= scale
        end = word.end()
    return factor


def _scale_factor(scale: re.Match[str] | None) -> float | None:
    """The factor of the scale word after a number, a sentence's full stop aside (`Rs 2,000 crore.`)."""
    if scale is None:
        return None
    word = scale.group(1).lower()
    return _SCALES.get(word) or _SCALES.get(word.removesuffix("."))


def _scale_of(chars: str) -> float:
    """The factor of a run of scale characters, which multiply: `万亿` is 10^12, `千万` 10^7."""
    factor = 1.0
    for char in chars:
        factor *= _CJK_SCALES[char]
    return factor


def _cjk_scaled(text: str, values: set[float], scaled: re.Match[str]) -> tuple[set[float], int]:
    """A figure's values with the scale characters after it, and where the figure ends (its
    last scale character: the digits of its sections are weak numbers of their own).

    The sections that follow, each of a smaller scale, add to it (`80兆7000億`: 80.7 trillion,
    `1億2300万`: 123 million). A figure of ten thousand and more keeps no unscaled reading:
    `3万` is never 3, so `30,000` pairs with it and `3,000` does not.
    """
    scale = leading = _scale_of(scaled.group("scale"))
    totals = {v * scale for v in values}
    end = scaled.end()
    while (section := _CJK_SECTION.match(text, end)) and scale > 1:
        smaller = _scale_of(section.group("scale"))
        if smaller >= scale:
            break
        totals = {t + float(section.group("digits")) * smaller for t in totals}
        scale, end = smaller, section.end()
    return (totals if leading >= 1e4 else values | totals), end


def _as_percent(factors: set[float]) -> set[float]:
    """A factor's percentage changes: up by (f - 1) x 100 (`в 1,5 раза`: 50%, `в 3 раза`: 200%)
    or down by (1 - 1/f) x 100 (`сократился в 2 раза`: 50%, `в 4 раза`: 75%)."""
    return {round(p, 1) for f in factors if f > 1 for p in ((f - 1) * 100, (1 - 1 / f) * 100)}


def _repeated_months_weak(text: str, numbers: list[Number]) -> list[Number]:
    """A month a Chinese or Japanese date range writes again (`7月17和7月22日`) is weak: English
    names it once (`July 17 and 22`)."""
    months: set[frozenset[float]] = set()
    kept = []
    for number in numbers:
        if text.startswith("月", number.end) and not number.weak:
            if number.values in months:
                number = replace(number, weak=True)
            months.add(number.values)
        kept.append(number)
    return kept


_SCORE_AFTER = re.compile(r"[:\-–]\d")
_SCORE_BEFORE = re.compile(r"\d[:\-–]$")


def in_score(text: str, start: int, end: int) -> bool:
    """Whether digits at [start, end) are one side of a score or tally (`1:1`, `2-0`)."""
    return bool(_SCORE_AFTER.match(text, end) or _SCORE_BEFORE.search(text[max(0, start - 2) : start]))


def _goalless(text: str, start: int, end: int) -> bool:
    """Whether the zero at [start, end) is one side of a `0:0`, which English writes as often `goalless`."""
    after = re.match(r"[:\-–]0(?!\d)", text[end : end + 3])
    return bool(after or re.search(r"(?<!\d)0[:\-–]$", text[max(0, start - 3) : start]))


_FRACTIONS = _table(_RUSSIAN_FRACTIONS)

# Words that count days and nights after a number (`шесть суток`: `six days`), not 24 hours then.
_DAY_UNITS = frozenset({"сутки", "суток", "суткам", "сутками"})


def _source_words(text: str, table: dict[str, int]) -> list[Number]:
    """A source's cardinals in words, `treinta y dos` and `doscientos cincuenta` as one number."""
    found: list[tuple[int, int, int]] = []
    pattern = _DEVANAGARI_WORD if table is SOURCE_WORDS["hi"] else _SOURCE_WORD
    for match in pattern.finditer(text):
        word = match.group().lower()
        value = table.get(word)
        if value is None:
            continue
        if word in _SCALES and re.search(r"\w\s?$", text[max(0, match.start() - 2) : match.start()]):
            before = text[: match.start()].rstrip()
            if before[-1:].isdigit() or (found and found[-1][1] == len(before)):
                continue  # `5 mil`, `dos mil`: the scale of the number before it
        if match.group()[0].isupper() and not is_sentence_initial(text, match.start()):
            continue  # `Otto Ritter`, `Cinco de Mayo`: a name
        if word in _DAY_UNITS and (
            re.search(r"\d\s?$", text[max(0, match.start() - 2) : match.start()])
            or (found and _adjacent_word(text, found[-1][1], match.start()))
        ):
            continue  # `шесть суток`, `3 суток`: the unit of the number before it
        if found and _continues(text, found[-1], match.start(), value):
            start, _, previous = found[-1]
            found[-1] = (start, match.end(), previous + value)
        else:
            found.append((match.start(), match.end(), value))
    numbers = []
    for start, end, value in found:
        spelling = text[start:end]
        values = {float(value)}
        scale = _SCALE_AFTER.match(text[end : end + 16])
        indic = _INDIC_AFTER.match(text[end : end + 16])
        if factor := _scale_factor(scale):
            values.add(value * factor)
        elif indic and indic.group(1).replace("\u093c", "") in _INDIC_SCALES:
            values.add(value * _INDIC_SCALES[indic.group(1).replace("\u093c", "")])  # `दो लाख`
        words = spelling.lower().split()
        if words[-1] in _FRACTIONS:
            values |= {round(100 / value, 1), float(100 // value), round(1 / value, 2)}  # `четверть`: 25%, 0.25
        if _TIMES_AFTER.match(text, end) and _TIMES_BEFORE.search(text, 0, start):
            values |= _as_percent(values)  # `в два раза`: 100% more, or 50% less
        # Russian ordinals and fractions are figures (`во втором круге`: `second round`), but not
        # as the denominator after a cardinal (`две десятых`: 0.2, `две трети`: two-thirds).
        russian = words[-1] in _FRACTIONS or any(word in _RUSSIAN_ORDINALS for word in words)
        denominator = russian and _after_cardinal(text, start, table)
        ordinal = any(word in _ORDINALS for word in words) and not russian
        weak = value <= 1 or spelling.lower() in _AMBIGUOUS or ordinal or denominator
        numbers.append(Number(start, end, spelling, _clean(values), weak=weak))
    return _fractions_joined(text, numbers, table)


def _fractions_joined(text: str, numbers: list[Number], table: dict[str, int]) -> list[Number]:
    """A Russian cardinal and the fraction after it as one share (`две трети`: two-thirds, 0.67,
    67%), which English writes with its numerator (`two-thirds`) or in percent; `one-third`
    for it is another share."""
    joined: list[Number] = []
    for number in numbers:
        previous = joined[-1] if joined else None
        word = number.text.lower()
        if (
            previous is not None
            and word in _FRACTIONS
            and previous.text.lower() in table
            and previous.text.lower() not in _FRACTIONS
            and previous.text.lower() not in _ORDINALS
            and _adjacent_word(text, previous.end, number.start)
        ):
            numerator, share = table[previous.text.lower()], table[previous.text.lower()] / _FRACTIONS[word]
            values = {float(numerator), round(share, 2), round(share * 100, 1), float(round(share * 100))}
            joined[-1] = Number(previous.start, number.end, text[previous.start : number.end], _clean(values))
            continue
        joined.append(number)
    return joined


def _after_cardinal(text: str, start: int, table: dict[str, int]) -> bool:
    """Whether a cardinal (in figures or words) stands right before `start`: the ordinal after it
    is a fraction's denominator (`две десятых`, `3 пятых`), which English writes as a decimal."""
    before = text[max(0, start - 24) : start].rstrip()
    if before[-1:].isdigit():
        return True
    last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    return last in table and last not in _ORDINALS


def _adjacent_word(text: str, end: int, start: int) -> bool:
    """Whether only a space stands between a word ending at `end` and one starting at `start`."""
    return start - end <= 2 and not text[end:start].strip()


def _cjk_numerals(text: str) -> list[Number]:
    """Chinese and Japanese numerals in characters (`三十`: 30, `二百五十`: 250, `一万二千`: 12,000).

    Weak: they pair with the translation's figures but are never required, since the same
    characters also make words (`三四`, three or four).
    """
    return [
        Number(m.start(), m.end(), m.group(), _clean({_cjk_value(m.group())}), weak=True)
        for m in _CJK_NUMERAL.finditer(text)
    ]


def _cjk_value(numeral: str) -> float:
    """The value of a numeral in characters: `三十` 30, `二百五十` 250, `一万二千` 12,000, `十` 10."""
    total = section = digit = 0.0
    for char in numeral:
        if char in _CJK_DIGITS:
            digit = float(_CJK_DIGITS[char])
        elif _CJK_SCALES[char] < 1e4:
            section += (digit or 1.0) * _CJK_SCALES[char]
            digit = 0.0
        else:
            total += (section + digit or 1.0) * _CJK_SCALES[char]
            section = digit = 0.0
    return total + section + digit


# A numeral of one character (`四`, `七`) where it is a figure: after `第` (an ordinal, `第七轮`:
# the seventh round) or before a counter (`三人`, `六連覇`, `七番勝負`), which English writes
# as a figure or a number word; in a score (`四勝一敗`: 4-1) even a one. Elsewhere the same
# characters make words and names (`四川`, `九州`, `三菱`, `一带一路`, `五輪`), so they are none.
_CJK_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万萬亿億兆"
_CJK_SINGLE = re.compile(
    rf"(?<![{_CJK_NUMERAL_CHARS}\d])(?P<ordinal>第)?(?P<digit>[一二两兩三四五六七八九十])(?![{_CJK_NUMERAL_CHARS}\d])"
)
# Counters after a count (people, times, rounds, vehicles, items, years, days, wins and losses),
# not the ones that also end names and words (`六本木`, `十分`, `五輪`, `四国`, `四日市`).
_CJK_COUNTERS = re.compile(
    r"[人名位个個次回届場场局轮艘架辆輛枚颗顆座家项項条條件起倍年天週番期冠連连勝胜敗败負负つ]"
    r"|[カヶか]国|日(?![市町月])"
)
_CJK_SCORE = re.compile(r"(?P<won>[一二两兩三四五六七八九十])[勝胜](?P<lost>[〇零一二两兩三四五六七八九十])[敗败負负]")
_CJK_MONTH_AFTER = re.compile(r"月")
_NEXT_DAY = re.compile(r"[天日年]")


def _cjk_single_numerals(text: str) -> list[Number]:
    """Numerals of one character that are figures: ordinals after `第`, counts before a counter
    (both required from two up), the sides of a score (`四勝一敗`, required), and months (weak)."""
    sides = {m.start(g) for m in _CJK_SCORE.finditer(text) for g in ("won", "lost")}
    numbers = []
    for match in _CJK_SINGLE.finditer(text):
        start, end = match.start("digit"), match.end("digit")
        value = _cjk_value(match.group("digit"))
        if start in sides:
            weak = False
        elif match.group("ordinal") and _NEXT_DAY.match(text, end) and value == 2:
            weak = True  # `第二天`, `第二年`: the next day, the following year
        elif not match.group("ordinal") and text[end : end + 1] in _CJK_RATIOS:
            # `三成`, `七割`: 30%, 70% (`一成`, a tenth, as often `10%` as not)
            numbers.append(Number(start, end + 1, text[start : end + 1], frozenset({value * _CJK_RATIOS[text[end]]}), weak=value < 2))
            continue
        elif match.group("ordinal") or _CJK_COUNTERS.match(text, end):
            weak = value < 2
        elif _CJK_MONTH_AFTER.match(text, end):
            weak = True
        else:
            continue
        numbers.append(Number(start, end, match.group("digit"), frozenset({value}), weak=weak))
    return numbers


# A year of a Japanese era (`令和8年`, `平成元年`: its first) or of the Republic of China (`民国`),
# which English writes as the Western year: the offset of each era.
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018, "民国": 1911, "民國": 1911}
_ERA_YEAR = re.compile(
    "(?P<era>" + "|".join(_ERAS) + rf")\s*(?P<year>元|\d+|[{_CJK_NUMERAL_CHARS}]+)(?=\s*年)"
)


def _era_years(text: str, numbers: list[Number]) -> list[Number]:
    """Each era year as one number of both values (`令和8年`: 8 and 2026), in place of the
    figure or numeral read there: English gives the Western year (`fiscal 2026`)."""
    years = []
    for match in _ERA_YEAR.finditer(text):
        year = match.group("year")
        value = 1.0 if year == "元" else float(year) if year.isdigit() else _cjk_value(year)
        western = float(_ERAS[match.group("era")] + value)
        values = {value, western}
        if text.startswith("年度", match.end("year")):
            values.add(western + 1)  # `令和8年度` (April 2026 to March 2027): `the fiscal year to March 2027`
        years.append(Number(match.start("year"), match.end("year"), year, frozenset(values)))
    if not years:
        return numbers
    kept = [n for n in numbers if not any(y.start <= n.start < y.end for y in years)]
    return kept + years


# The closing quotation marks of a name Chinese and Japanese quote (`「はやぶさ2」`, `“雪龙2”号`).
_CLOSING_QUOTES = frozenset("」』”\"")


def _ends_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether a figure glued to the letters before it closes a quoted name (`「はやぶさ2」`:
    Hayabusa2, a probe; `“雪龙2”号`): part of the name, which English writes glued too, where no
    figure is read; never a figure that must be paired."""
    return 0 < start and text[start - 1].isalpha() and not text[start - 1].isascii() and text[end : end + 1] in _CLOSING_QUOTES


def _continues(text: str, previous: tuple[int, int, int], start: int, value: int) -> bool:
    """Whether a number word adds to the one before: tens then units, hundreds then the rest."""
    _, end, before = previous
    gap = text[end:start].strip().lower()
    if gap and gap not in _JOINERS or len(text[end:start]) > len(gap) + 2:
        return False
    if before >= 100 and before % 100 == 0 and before < 1000:
        return value < 100
    return 20 <= before < 100 and before % 10 == 0 and 1 <= value <= 9


def unmatched(ours: list[Number], theirs: list[Number]) -> list[Number]:
    """The strong numbers of `ours` with no counterpart in `theirs`, each counterpart used once.

    Strong numbers pair first, so a weak one (`two`, the minutes of a time) never takes
    the counterpart a strong one needs.
    """
    pool = sorted(theirs, key=lambda n: n.weak)
    missing = []
    for number in sorted(ours, key=lambda n: n.weak):
        for i, other in enumerate(pool):
            if number.matches(other):
                del pool[i]
                break
        else:
            if not number.weak:
                missing.append(number)
    return sorted(missing, key=lambda n: n.start)


def format_english(value: float) -> str:
    """A value as English copy writes it: `100,000`, `7.1`."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.10g}"
