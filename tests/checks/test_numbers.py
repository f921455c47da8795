"""Number parsing (property tests) and the N211/N212 rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit.numbers import find_numbers, format_english, is_month_name, is_share, unmatched


def _values(text: str) -> list[set[float]]:
    return [set(n.values) for n in find_numbers(text)]


def test_numbers_separators_and_decimals() -> None:
    assert 100000.0 in _values("100,000")[0] and 100000.0 in _values("100.000")[0]
    assert _values("100 000") == [{100000.0}]
    assert _values("7,1") == [{7.1}] and _values("7.1") == [{7.1}]
    assert 100000.0 in _values("100 thousand")[0] and 100000.0 in _values("100 тысяч")[0]
    assert _values("4.176 million")[0] & _values("417.6万")[0]


def test_numbers_ranges_percentages_ordinals_times() -> None:
    assert [n.text for n in find_numbers("a depth of 15-20 km, 30 %, the 18th, 18. den")] == [
        "15",
        "20",
        "30",
        "18",
        "18",
    ]
    assert _values("12 h 00 GMT")[0] & _values("1200 GMT")[0]
    assert _values("XIe siècle") == [{11.0}] and _values("siglo XV") == [{15.0}]
    assert [n.text for n in find_numbers("M5, CO2, F-35 and Covid-19")] == ["35", "19"]


def test_numbers_words_count_in_english_only() -> None:
    source = find_numbers("zwei Behörden, 2 Jahre")
    target = find_numbers("two agencies for 2 years", english_words=True)
    assert unmatched(source, target) == [] and unmatched(target, source) == []
    assert find_numbers("zwei") == []


def test_numbers_hundreds_in_words_and_short_seasons() -> None:
    assert 412.0 in find_numbers("four hundred and twelve votes", english_words=True)[0].values
    assert 552.0 in find_numbers("five hundred fifty-two", english_words=True)[0].values
    assert 2024.0 in find_numbers("the 2023/24 season")[1].values
    assert 2024.0 not in find_numbers("the 2023/25 season")[1].values  # no season runs two years


@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_english_and_continental_formats_meet(value: int) -> None:
    english = f"{value:,}"
    continental = english.replace(",", ".")
    spaced = english.replace(",", "\u00a0")
    for text in (english, continental, spaced):
        [number] = find_numbers(f"about {text} people")
        assert float(value) in number.values
    assert float(value) in find_numbers(format_english(value))[0].values


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.:-%hé\u00a0万XIV")), max_size=40))
def test_numbers_offsets_index_the_text(text: str) -> None:
    for number in find_numbers(text, english_words=True):
        assert text[number.start : number.end] == number.text


def test_numbers_source_words_by_language() -> None:
    def read(text: str, lang: str) -> list[tuple[str, set[float]]]:
        return [(n.text, set(n.values)) for n in find_numbers(text, lang=lang) if not n.weak]

    assert read("treinta y dos personas y dos mil euros", "es") == [("treinta y dos", {32.0}), ("dos", {2.0, 2000.0})]
    assert read("cinco millones, 5 mil", "es") == [("cinco", {5.0, 5e6}), ("5", {5.0, 5000.0})]
    assert read("vingt et un, quatre-vingt-dix-neuf", "fr") == [
        ("vingt et un", {21.0}),
        ("quatre-vingt-dix-neuf", {99.0}),
    ]
    assert read("dwadzieścia dwa, dwóch", "pl") == [("dwadzieścia dwa", {22.0}), ("dwóch", {2.0})]
    assert read("dvaadvacet, třicet dva, 100 tisíc", "cs") == [
        ("dvaadvacet", {22.0}),
        ("třicet dva", {32.0}),
        ("100", {100.0, 100000.0}),
    ]
    assert read("einundzwanzig Menschen", "de") == [("einundzwanzig", {21.0})]
    assert read("ventitré, doscientos cincuenta", "it") == [("ventitré", {23.0})]
    assert read("doscientos cincuenta", "es") == [("doscientos cincuenta", {250.0})]


def test_numbers_source_words_that_are_not_numbers() -> None:
    assert [n.text for n in find_numbers("due architetti Otto Ritter", lang="it")] == ["due"]
    assert all(n.weak for n in find_numbers("un livre neuf, sei bravo, una casa", lang="fr"))
    assert find_numbers("zwei", lang=None) == []


def test_numbers_source_words_pair_with_english() -> None:
    source = find_numbers("Ocho personas, ambos hijos y dos semanas", lang="es")
    target = find_numbers("Eight people, both sons and two weeks", english_words=True)
    assert unmatched(source, target) == []
    changed = find_numbers("Five people, both sons and two weeks", english_words=True)
    assert [n.text for n in unmatched(source, changed)] == ["Ocho"]


def test_numbers_source_ordinals_pair_with_english_figures_but_are_never_required() -> None:
    cases = [
        ("Je již desátou sezónu v týmu.", "cs", "He has been with the team for the 10th season."),
        ("Fue la vigésima victoria del equipo.", "es", "It was the team's twentieth win."),
        ("Im dritten Quartal stieg der Umsatz.", "de", "In the 3rd quarter, sales rose."),
        ("To już piąta wizyta premiera.", "pl", "It is the prime minister's fifth visit."),
    ]
    for source, lang, english in cases:
        ours, theirs = find_numbers(english, english_words=True), find_numbers(source, lang=lang)
        assert unmatched(ours, theirs) == [], source
        assert all(n.weak for n in theirs), source  # `segundo` is also a second: never required
    assert [n.text for n in unmatched(find_numbers("for the 11th season", english_words=True), find_numbers("desátou sezónu", lang="cs"))] == ["11"]


def test_numbers_a_repeated_cjk_month_and_a_numbered_position() -> None:
    source = find_numbers("7月17和7月22日，下达资金6000万元。", lang="zh")
    english = find_numbers("On July 17 and 22, it released 60 million yuan.", english_words=True)
    assert unmatched(source, english) == []
    assert [n.values for n in find_numbers("Kohli at No.3 and No. 4", english_words=True)] == [{3.0}, {4.0}]


@given(
    st.lists(
        st.sampled_from(["dos", "mil", "treinta", "y", "Ocho", "5", "cien", "millones", "vingt-deux", " ", ", ", "."]),
        max_size=12,
    ),
    st.sampled_from(["es", "fr", "it", "de", "pl", "cs"]),
)
def test_numbers_source_word_offsets_index_the_text(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    for number in find_numbers(text, lang=lang):
        assert text[number.start : number.end] == number.text
        assert number.values


def test_numbers_russian_words_and_english_compounds() -> None:
    source = find_numbers("Погибли двое, ранены пять человек и ещё двадцать три, сто тысяч жителей", lang="ru")
    target = find_numbers(
        "Two died, five people and twenty-three more were injured, 100,000 residents", english_words=True
    )
    assert unmatched(source, target) == []
    changed = find_numbers(
        "Two died, six people and twenty-three more were injured, 100,000 residents", english_words=True
    )
    assert [n.text for n in unmatched(source, changed)] == ["пять"]
    assert [sorted(n.values) for n in find_numbers("a four-month-old", english_words=True)] == [[4.0]]


def test_numbers_times_agree_to_the_minute() -> None:
    source = find_numbers("domare il fuoco alle 23:35", lang="it")
    assert unmatched(source, find_numbers("put out the fire at 11:35 pm", english_words=True)) == []
    assert [n.text for n in unmatched(source, find_numbers("put out the fire at 11:45 pm"))] == ["23:35"]
    assert unmatched(find_numbers("7月24日15时50分"), find_numbers("At 15:50 on July 24", english_words=True)) == []


def test_issue10_a_zero_side_of_a_score_is_a_figure_unless_goalless() -> None:
    source = find_numbers("«Зенит» обыграл «Сочи» со счётом 4:0.", lang="ru")
    assert unmatched(source, find_numbers("Zenit beat Sochi 4-0.", english_words=True)) == []
    assert [n.text for n in unmatched(source, find_numbers("Zenit beat Sochi 4-1.", english_words=True))] == ["0"]
    goalless = find_numbers("Матч завершился со счётом 0:0.", lang="ru")
    assert unmatched(goalless, find_numbers("The match ended goalless.", english_words=True)) == []


def test_issue10_days_counted_in_sutki_are_the_unit_of_their_number() -> None:
    source = find_numbers("Экипаж провёл в море пять суток, а потом ещё 3 суток.", lang="ru")
    assert [n.text for n in source] == ["пять", "3"]
    assert [n.text for n in find_numbers("Работы продлятся сутки.", lang="ru")] == ["сутки"]  # a day: 24 hours


def test_issue10_russian_ordinals_and_multiplicatives_are_required() -> None:
    """A Russian ordinal is no other word (`второй` is not `другой`): it is a figure English must
    carry, and an ordinal of another value in its place is flagged; `вдвое` is two, `четверть`
    a quarter (or 25%)."""
    good = [
        ("Он в десятый раз стал чемпионом.", "He became champion for the 10th time."),
        ("Хачанов вышел в третий круг турнира.", "Khachanov reached the third round of the tournament."),
        ("Каждый пятый житель области старше 65 лет.", "One in five residents of the region is over 65."),
        ("Компания стала двадцать второй в рейтинге.", "The company came 22nd in the ranking."),
        ("Выпуск вырос вдвое, до 40 машин.", "Output doubled to 40 vehicles."),
        ("Четверть россиян против.", "A quarter of Russians are against."),
        ("Четверть россиян против.", "25% of Russians are against."),
        ("Две трети опрошенных за.", "Two-thirds of those polled are in favour."),
    ]
    for source, english in good:
        theirs = find_numbers(source, lang="ru")
        assert unmatched(theirs, find_numbers(english, english_words=True)) == [], source
    bad = [
        ("Хачанов уступил во втором круге турнира.", "Khachanov lost in the third round of the tournament."),
        ("Каждый третий опрошенный против.", "One in four of those polled are against."),
        ("Треть россиян против.", "A quarter of Russians are against."),
        ("Правительство сократит число министерств вдвое.", "The government will cut the number of ministries by a third."),
    ]
    for source, english in bad:
        theirs = find_numbers(source, lang="ru")
        assert [n.text for n in unmatched(theirs, find_numbers(english, english_words=True))], source
        assert not all(n.weak for n in theirs), source
    # a fraction's denominator after a cardinal is no ordinal English writes (`0.2 points`)
    assert all(n.weak for n in find_numbers("на две десятых процента", lang="ru") if n.text == "десятых")
    assert all(n.weak for n in find_numbers("на 3 пятых", lang="ru") if n.text == "пятых")


def test_issue10_a_cardinal_and_its_fraction_are_one_share() -> None:
    """`две трети` is two-thirds (0.67, 67%), so `one-third` for it is flagged."""
    for english in ("Two-thirds of those polled are in favour.", "67% of those polled are in favour."):
        assert unmatched(find_numbers("Две трети опрошенных за.", lang="ru"), find_numbers(english, english_words=True)) == []
    for english in ("One-third of those polled are in favour.", "A third of those polled are in favour."):
        assert unmatched(find_numbers("Две трети опрошенных за.", lang="ru"), find_numbers(english, english_words=True))


def test_issue10_one_and_a_half_is_a_figure_but_before_a_time_unit() -> None:
    """`полтора` is 1.5 (`в полтора раза`: 50% too), a weak one before a time unit, which English
    says as `a year and a half` or `18 months`."""
    good = [
        ("Осадков выпало полторы месячные нормы.", "Precipitation reached one and a half times the monthly norm."),
        ("Цены выросли в полтора раза.", "Prices rose 50%."),
        ("Продано полтора миллиона билетов.", "1.5 million tickets were sold."),
        ("Он провёл в тюрьме полтора года.", "He spent a year and a half in prison."),
    ]
    for source, english in good:
        assert unmatched(find_numbers(source, lang="ru"), find_numbers(english, english_words=True)) == [], source
    bad = ("Осадков выпало полторы месячные нормы.", "Precipitation reached two and a half times the monthly norm.")
    assert unmatched(find_numbers(bad[0], lang="ru"), find_numbers(bad[1], english_words=True))


def test_numbers_cjk_sections_scales_and_powers_of_ten() -> None:
    def strong(text: str, lang: str | None = None) -> list[tuple[str, set[float]]]:
        return [(n.text, set(n.values)) for n in find_numbers(text, lang=lang) if not n.weak]

    assert strong("80兆7000億円", "ja") == [("80兆7000億", {8.07e13})]
    assert strong("1億2300万人と1万1000人", "ja") == [("1億2300万", {1.23e8}), ("1万1000", {11000.0})]
    assert strong("2万亿元、300多亿元、5千万元", "zh") == [("2万亿", {2e12}), ("300多亿", {3e10}), ("5千万", {5e7})]
    # a unit's prefix is no scale: 100 megawatts, 5 kilometres
    assert strong("100兆瓦，5千米", "zh") == [("100", {100.0}), ("5", {5.0})]
    # ten thousand and more leaves no unscaled reading: `3万` is never 3, `3 करोड़` never 3
    assert strong("3万人", "zh") == [("3万", {30000.0})]
    assert strong("3 करोड़ लोग", "hi") == [("3", {3e7})]
    assert 3e7 in strong("3 crore people.")[0][1] and 3e6 in strong("3 million.")[0][1]
    # Indian scales multiply: `लाख करोड़` is a trillion, in Hindi and in Indian English
    assert strong("2.5 लाख करोड़ रुपये", "hi") == [("2.5", {2.5e12})]
    assert 2.5e12 in strong("Rs 2.5 lakh crore")[0][1] and 2.5e12 in strong("2.5 trillion rupees")[0][1]
    assert 2.5e12 not in strong("2.5 lakh people")[0][1]


def test_numbers_percentage_and_basis_points() -> None:
    for text, lang in (
        ("0.5个百分点", "zh"),
        ("0,5 процентного пункта", "ru"),
        ("0,5 puntos porcentuales", "es"),
        ("0,5 Prozentpunkte", "de"),
        ("0.5 percentage point", None),
    ):
        assert {0.5, 50.0} <= set(find_numbers(text, lang=lang)[0].values), text
    assert {50.0, 0.5} <= set(find_numbers("50 basis points")[0].values)
    assert set(find_numbers("0.5%")[0].values) == {0.5}


def test_numbers_japanese_era_years_and_one_character_numerals() -> None:
    def read(text: str) -> list[tuple[str, set[float], bool]]:
        return [(n.text, set(n.values), n.weak) for n in find_numbers(text, lang="ja")]

    # a fiscal year (`年度`) runs April to March: English may name the year it ends in
    assert read("令和8年度") == [("8", {8.0, 2026.0, 2027.0}, False)]
    assert read("令和8年") == [("8", {8.0, 2026.0}, False)]
    assert read("平成元年、昭和二十年") == [("元", {1.0, 1989.0}, False), ("二十", {20.0, 1945.0}, False)]
    assert read("四勝一敗で六連覇") == [("四", {4.0}, False), ("一", {1.0}, False), ("六", {6.0}, False)]
    assert read("第七回、一人、十月") == [("七", {7.0}, False), ("一", {1.0}, True), ("十", {10.0}, True)]
    # the same characters in names and words are no numbers
    assert read("四川、九州、三菱、五輪、六本木、四日市、十分") == []


def test_compound_ordinals_and_shares_in_words() -> None:
    """`thirty-first` is 31 (not 30); `a quarter of` is 25%, while `quarter-finals` is no share."""
    values = {n.text: n.values for n in find_numbers("the thirty-first time, a quarter of them", english_words=True)}
    assert values["thirty-first"] == {31.0}
    assert 25.0 in values["quarter"]
    assert all(25.0 not in n.values for n in find_numbers("the quarter-finals", english_words=True))


def test_thirds_and_two_thirds_are_shares_read_loosely() -> None:
    """`a third of` is 30-35% (said loosely), `two-thirds` 65-70%, `three-quarters` 75%; a rank
    (`the third round`) is no share, and `May` is a month only capitalised."""
    values = {n.text: n.values for n in find_numbers("a third of them, two-thirds of us, three-quarters of it", english_words=True)}
    assert {30.0, 33.3, 35.0} <= values["third"] and 25.0 not in values["third"]
    assert {66.7, 67.0} <= values["two-thirds"] and 2.0 in values["two-thirds"]
    assert 75.0 in values["three-quarters"]
    assert is_share("a third of", 2, 7) and not is_share("the third round", 4, 9)
    assert is_month_name("May") and not is_month_name("may") and not is_month_name("Monday")


def test_quarters_and_halves_as_codes_are_their_rank() -> None:
    """`Q1 2027` is the first quarter; `H2` the second half; `H3` (a road) and `Q5` are no periods."""
    assert [(n.text, n.values) for n in find_numbers("in Q1 2027 and H2")][::2] == [("1", {1.0}), ("2", {2.0})]
    assert find_numbers("the H3 and Q5") == []


def test_numbers_cjk_tenths_month_ranges_and_figures_closing_a_quoted_name() -> None:
    # a numeral in characters before 成/割 is tenths: `三成` 30%; `一成` weak as `one` is
    assert [(n.text, set(n.values), n.weak) for n in find_numbers("约三成、七割、一成", lang="zh")] == [
        ("三成", {30.0}, False),
        ("七割", {70.0}, False),
        ("一成", {10.0}, True),
    ]
    assert unmatched(find_numbers("增加了约三成", lang="zh"), find_numbers("rose by about 30%")) == []
    assert unmatched(find_numbers("增加了约三成", lang="zh"), find_numbers("rose by about 40%"))
    # an English month range gives both months (`7～9月期`: July-September)
    english = find_numbers("in July-September", english_words=True)
    assert [(n.text, set(n.values)) for n in english] == [("July-September", {7.0}), ("September", {9.0})]
    assert unmatched(find_numbers("7～9月期", lang="ja"), english) == []
    assert unmatched(find_numbers("7～9月期", lang="ja"), find_numbers("in July-October", english_words=True))
    # a figure closing a quoted name is the name's (`「はやぶさ2」`: Hayabusa2), not one to pair
    assert [n.weak for n in find_numbers("探査機「はやぶさ2」は2031年", lang="ja")] == [True, False]
    assert [n.weak for n in find_numbers("増加は2件だった", lang="ja")] == [False]


def test_half_of_is_a_share() -> None:
    """`about half of companies` is 50%, as `a half` is; `half` alone stays a count of two."""
    (half,) = [n for n in find_numbers("About half of Russian companies", english_words=True) if n.text == "half"]
    assert 50.0 in half.values
    assert all(50.0 not in n.values for n in find_numbers("half the time", english_words=True))


def test_issue10_a_roman_ordinal_before_a_name_is_its_value_not_a_regnal_number() -> None:
    """`на XXIII Международном кинофестивале` is the 23rd festival; `Карл XVI Густав`, `World War
    II` and `his CV` carry no figure to compare."""
    assert _values("на XXIII Международном кинофестивале") == [{23.0}]
    assert _values("XXV съезд") == [{25.0}] and _values("the XXIII Olympic Winter Games") == [{23.0}]
    assert _values("Король Карл XVI Густав") == [] and _values("Людовика XIV") == []
    assert _values("World War II began") == [] and _values("his CV shows") == []
    assert _values("в XIX веке") == [{19.0}]
    assert _values("На XXVI съезде") == [{26.0}] and _values("The XXIII Olympic Winter Games") == [{23.0}]
