"""Chinese, Japanese and Hindi sources: classes of names and context English writes (issue 10, third CJK round)."""

from __future__ import annotations

import pytest

from audit.config import Config, apply
from audit.pipeline import audit_documents
from audit.types import Document, Severity


def _warned(source: str, english: str, lang: str) -> list[str]:
    """The English spans N205 warns about (not its hints)."""
    config = apply(Config(), {"select": ["N205"]}, "test")
    document = Document(id="d", text=english, source=source, source_lang=lang)
    [result] = audit_documents([document], config, strict=True)
    return [english[f.start : f.end] for f in result.findings if f.severity >= Severity.WARNING]


@pytest.mark.parametrize(
    ("source", "english", "replaced"),
    [
        ("岸田首相は記者会見で述べた。", "Prime Minister Shigeru Ishiba told a news conference.", "Ishiba"),
        ("林官房長官は会見で述べた。", "Chief Cabinet Secretary Katsunobu Kato told reporters.", "Kato"),
        ("中村氏は辞任を否定した。", "Kenta Izumi denied he would resign.", "Izumi"),  # `村` inside a surname
    ],
)
def test_a_japanese_surname_before_a_title_is_read_where_english_writes_the_person_in_full(
    source: str, english: str, replaced: str
) -> None:
    assert any(replaced in span for span in _warned(source, english, "ja"))


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("岸田首相は記者会見で述べた。", "Prime Minister Fumio Kishida told a news conference."),
        ("林官房長官は会見で述べた。", "Chief Cabinet Secretary Yoshimasa Hayashi told reporters."),
        ("中村氏は辞任を否定した。", "Hiroshi Nakamura denied he would resign."),
        ("高市総裁は会見で述べた。", "LDP President Sanae Takaichi told reporters."),  # `高市` is also a district
        # a surname alone in English is not judged by pykakasi's reading (`喬木`: `kyouboku`)
        ("喬木外相は北京を訪問した。", "Foreign Minister Takagi visited Beijing."),
        ("自民党総裁選で、小泉氏が勝った。", "Shinjiro Koizumi won the Liberal Democratic Party leadership race."),
    ],
)
def test_a_japanese_surname_before_a_title_read_in_the_english_is_no_replacement(source: str, english: str) -> None:
    assert _warned(source, english, "ja") == []


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        ("国家主席在人民大会堂会见了来访的外宾。", "The president met foreign guests at the Great Hall of the People in Beijing.", "zh"),
        ("首相は首相官邸で記者団に語った。", "The prime minister spoke to reporters at his official residence in Tokyo.", "ja"),
        ("प्रधानमंत्री ने राष्ट्रपति भवन में शपथ ली।", "The prime minister was sworn in at the presidential palace in New Delhi.", "hi"),
        ("राष्ट्रीय राजधानी में धुंध छाई रही।", "Smog blanketed Delhi.", "hi"),
    ],
)
def test_the_home_countrys_capital_english_adds_is_context(source: str, english: str, lang: str) -> None:
    assert _warned(source, english, lang) == []


@pytest.mark.parametrize(
    ("source", "english", "lang", "replaced"),
    [
        ("首相は大阪で記者団に語った。", "The prime minister spoke to reporters in Tokyo.", "ja", "Tokyo"),
        ("प्रधानमंत्री ने मुंबई में शपथ ली।", "The prime minister was sworn in in New Delhi.", "hi", "New Delhi"),
    ],
)
def test_the_home_countrys_capital_for_a_source_place_is_a_replacement(
    source: str, english: str, lang: str, replaced: str
) -> None:
    assert replaced in _warned(source, english, lang)


def test_the_home_capital_for_a_place_abbreviated_in_a_compound_is_no_context() -> None:
    warned = _warned("沪深两市成交额突破1万亿元。", "Turnover on the Shanghai and Beijing exchanges topped 1 trillion yuan.", "zh")
    assert any("Beijing" in span for span in warned)


def test_every_region_row_is_the_region_of_its_city() -> None:
    from audit.names.regions import lies_in, regions

    rows = regions()
    assert len(rows) >= 100 and {"Sichuan", "Kumamoto", "Bihar", "Uttar Pradesh"} <= set(rows)
    assert len(set(rows.values())) == len(rows)  # one code, one region
    from importlib.resources import files

    text = files("audit.names").joinpath("data", "asian_regions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            region, _country, _code, city = line.split("\t")
            assert lies_in(city, region), region


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        ("宜宾发生4.5级地震。", "A magnitude 4.5 earthquake struck Yibin in southwest China's Sichuan province.", "zh"),
        ("पटना में बारिश हुई।", "It rained in Patna, the capital of Bihar.", "hi"),
        ("लखनऊ में बारिश हुई।", "It rained in Lucknow in Uttar Pradesh.", "hi"),
    ],
)
def test_the_region_english_places_a_source_city_in_is_context(source: str, english: str, lang: str) -> None:
    assert _warned(source, english, lang) == []


@pytest.mark.parametrize(
    ("source", "english", "lang", "replaced"),
    [
        ("पटना में बारिश हुई।", "It rained in Patna, the capital of Kerala.", "hi", "Kerala"),
        ("लखनऊ में बारिश हुई।", "It rained in Lucknow in Madhya Pradesh.", "hi", "Madhya Pradesh"),
    ],
)
def test_a_region_a_source_city_does_not_lie_in_is_no_context(source: str, english: str, lang: str, replaced: str) -> None:
    assert replaced in _warned(source, english, lang)


def test_an_indian_given_name_in_ish_is_no_nationality() -> None:
    from audit.names.lexicon import is_demonym

    assert is_demonym("Danish") and is_demonym("Turkish") and is_demonym("Kurdish")
    assert not (is_demonym("Nitish") or is_demonym("Manish") or is_demonym("Satish"))
    # so it anchors the name English writes in full: `Kumar` is added, not put in for another
    assert _warned("नीतीश ने पटना में कहा।", "Bihar Chief Minister Nitish Kumar said in Patna.", "hi") == []


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        ("韓国の李在明大統領が来日した。", "South Korean President Lee Jae-myung arrived in Japan.", "ja"),
        ("朝鲜领导人金正恩视察了工厂。", "North Korean leader Kim Jong-un inspected a factory.", "zh"),
        ("韩国总统李在明抵达北京。", "South Korean President Lee Jae-myung arrived in Beijing.", "zh"),
    ],
)
def test_a_korean_given_name_after_the_surname_the_source_writes_in_hanja_is_no_replacement(
    source: str, english: str, lang: str
) -> None:
    assert _warned(source, english, lang) == []


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        ("韓国の李在明大統領が来日した。", "South Korean President Yoon Suk-yeol arrived in Japan.", "ja"),
        ("韩国总统李在明抵达北京。", "South Korean President Moon Jae-in arrived in Beijing.", "zh"),
    ],
)
def test_a_korean_name_of_another_surname_is_a_replacement(source: str, english: str, lang: str) -> None:
    assert _warned(source, english, lang)


def test_every_korean_surname_row_has_hanja_and_spellings() -> None:
    from audit.names.romanisers import korean_surnames

    table = korean_surnames()
    assert len(table) >= 60 and table["Lee"] == ("李",) and "郑" in table["Jung"]
    assert all(forms and all(len(form) == 1 for form in forms) for forms in table.values())


def test_a_continents_demonym_is_of_the_continent() -> None:
    from audit.names.demonyms import demonym_places

    assert demonym_places("Asian") == ("Asia",) and demonym_places("African") == ("Africa",)
    assert "United States" in demonym_places("American")  # not the Americas
    assert _warned("中国队获得亚洲锦标赛季军。", "China took third place at the Asian Championship.", "zh") == []
    assert _warned("中国队获得亚洲锦标赛季军。", "China took third place at the European Championship.", "zh")


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        ("郑钦文退出明年1月的澳网。", "Zheng Qinwen pulled out of January's Australian Open.", "zh"),
        ("21チームが出場する。", "Twenty-one teams will run.", "ja"),
        ("月曜日に地震があった。", "Monday's earthquake was felt across the region.", "ja"),
    ],
)
def test_a_month_weekday_or_number_word_is_no_name_put_in_for_another(source: str, english: str, lang: str) -> None:
    assert _warned(source, english, lang) == []


def test_a_name_beside_a_month_is_still_compared() -> None:
    assert _warned("郑钦文退出明年1月的澳网。", "Zheng Qinwen pulled out of January's Wimbledon.", "zh")


@pytest.mark.parametrize(
    ("source", "english"),
    [
        # a syllable of the name spelt elsewhere in the sentence (`jiang` of `将于`, `zhang` of `检察长`)
        ("发言人张晓刚说，海军编队将于明年初赴南太平洋训练。", "Spokesman Jiang Bin said the naval group would train in the South Pacific."),
        ("外交部发言人毛宁说，中方将作出回应。", "China will respond, foreign ministry spokesman Wang Wenbin said."),
    ],
)
def test_a_chinese_person_is_spelt_by_every_word_not_one(source: str, english: str) -> None:
    assert _warned(source, english, "zh")


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("发言人张晓刚说，海军编队将于明年初赴南太平洋训练。", "Spokesman Zhang Xiaogang said the naval group would train in the South Pacific."),
        ("最高人民检察院检察长应勇表示，起诉人数上升。", "More people were charged, Procurator-General Ying Yong said."),
        # a given name English puts first: the surname spelt is the person's
        ("黄仁勋周三抵达上海。", "Nvidia chief executive Jensen Huang arrived in Shanghai on Wednesday."),
    ],
)
def test_a_chinese_person_spelt_by_the_source_is_no_replacement(source: str, english: str) -> None:
    assert _warned(source, english, "zh") == []


def test_a_japanese_place_with_its_kind_is_read_by_geonames() -> None:
    # `八戸市` is `八戸` (Hachinohe) and its `市` (city): a Hepburn-like word for it is another place
    assert _warned("八戸市で震度5強を観測した。", "An intensity of upper 5 was observed in Misawa.", "ja")
    assert _warned("八戸市で震度5強を観測した。", "An intensity of upper 5 was observed in Hachinohe.", "ja") == []
    assert _warned("八戸市で震度5強を観測した。", "An intensity of upper 5 was observed in the city of Hachinohe.", "ja") == []


def test_an_owner_in_the_possessive_is_judged_apart_from_what_it_owns() -> None:
    source = "प्रशांत किशोर की 'जन सुराज पार्टी' ने बिहार में रैली की।"
    assert _warned(source, "Yogendra Yadav's Jan Suraaj Party held a rally in Bihar.", "hi")
    assert _warned(source, "Prashant Kishor's Jan Suraaj Party held a rally in Bihar.", "hi") == []


def test_a_chinese_place_the_source_spells_in_pinyin_is_no_other_schemes_spelling() -> None:
    config = apply(Config(), {"select": ["N231"]}, "test")
    english = "A magnitude 5.3 earthquake struck Jiashi county in Xinjiang."
    spelt = Document(id="d", text=english, source="新疆伽师县发生5.3级地震。", source_lang="zh")
    other = Document(id="e", text=english, source="新疆喀什发生5.3级地震。", source_lang="zh")
    alone = Document(id="f", text=english)
    found = {result.document.id: [f.code for f in result.findings] for result in audit_documents([spelt, other, alone], config)}
    assert found["d"] == [] and found["e"] == ["N231"] and found["f"] == ["N231"]


def test_a_latin_name_of_letters_and_figures_is_written_with_a_hyphen_between() -> None:
    from audit.names.romanisers import latin_written

    assert latin_written("F35B", "U.S. F-35B stealth fighters") and latin_written("G20", "the G20 summit")
    assert not latin_written("F35B", "U.S. F-35A stealth fighters") and not latin_written("F35", "F-35B jets")
    source = "海自の護衛艦が、米軍のF35B戦闘機を搭載して試験を行った。"
    assert _warned(source, "The Maritime Self-Defense Force's destroyer carried U.S. F-35B fighters in trials.", "ja") == []


def test_a_name_quoted_in_kana_is_read_so_a_hepburn_like_word_for_it_is_a_replacement() -> None:
    source = "海自の護衛艦「かが」が太平洋で試験を行った。"
    assert _warned(source, "The helicopter carrier Izumo carried out trials in the Pacific.", "ja")
    assert _warned(source, "The helicopter carrier Kaga carried out trials in the Pacific.", "ja") == []


def test_a_term_acronym_a_source_quotes_is_no_name_left() -> None:
    source = "内閣府が発表した7～9月期のGDP改定値は、年率換算で2.3%減となった。"
    english = "Japan's economy shrank an annualised 2.3% in July-September, revised figures from the Cabinet Office showed."
    config = apply(Config(), {"select": ["N204", "N205"]}, "test")
    [result] = audit_documents([Document(id="d", text=english, source=source, source_lang="ja")], config, strict=True)
    assert [f.code for f in result.findings if f.severity >= Severity.WARNING] == []
    # a name the source quotes in Latin letters still counts
    assert _warned("米軍のF35B戦闘機が到着した。", "U.S. Marine Corps Osprey aircraft arrived.", "ja")


def test_japans_state_bodies_are_names_english_writes_by_meaning() -> None:
    from audit.names.cedict import known_names

    found = {"内閣府が発表した"[a:b]: keys for a, b, keys in known_names("内閣府が発表した")}
    assert found == {"内閣府": frozenset({"cabinet office"})}
    source = "内閣府が発表した7～9月期の改定値は、年率換算で2.3%減となった。"
    english = "The economy shrank an annualised 2.3% in July-September, revised figures from the {} showed."
    assert _warned(source, english.format("Cabinet Office"), "ja") == []
    assert _warned(source, english.format("Finance Ministry"), "ja")


def test_an_english_th_is_heard_as_the_s_japanese_writes_for_it() -> None:
    source = "小泉防衛相はヘグセス氏と横須賀で会談した。"
    assert _warned(source, "Defence Minister Shinjiro Koizumi met Pete Hegseth in Yokosuka.", "ja") == []
    assert _warned(source, "Defence Minister Shinjiro Koizumi met Lloyd Austin in Yokosuka.", "ja")


def test_a_surname_ending_in_a_village_kanji_before_a_governor_is_a_person() -> None:
    source = "大阪府の吉村知事は会見で述べた。"
    assert _warned(source, "Osaka Governor Ichiro Matsui told a news conference.", "ja")
    assert _warned(source, "Osaka Governor Hirofumi Yoshimura told a news conference.", "ja") == []
    # the prefecture before its governor is no person
    assert _warned("大阪府知事は会見で述べた。", "The Osaka governor told a news conference.", "ja") == []


def test_a_country_before_a_katakana_name_and_french_endings() -> None:
    from audit.names.romanisers import RomanisedSource

    source = RomanisedSource("仏ルノーは日産株を売却する。", "ja")
    assert source.abbreviates("France") and source.sounds_in("Renault")
    assert not RomanisedSource("仏教の寺を訪れた。", "ja").abbreviates("France")  # `仏教`, Buddhism
    assert _warned("仏ルノーは日産株を売却する。", "France's Renault is selling Nissan shares.", "ja") == []
    assert _warned("仏ルノーは日産株を売却する。", "Germany's Volkswagen is selling Nissan shares.", "ja")


@pytest.mark.parametrize(
    ("source", "good", "replaced"),
    [
        # kanji are read by their dictionary readings, not heard: a place or person of other kanji is another
        ("秋田県で大雪が降った。", "Heavy snow fell in Akita prefecture.", "Heavy snow fell in Niigata prefecture."),
        ("鈴木氏は名古屋で講演した。", "Kenji Suzuki gave a lecture in Nagoya.", "Kenji Takahashi gave a lecture in Nagoya."),
        ("京都大学の研究チームが発表した。", "A research team at Kyoto University announced the results.", "A research team at Osaka University announced the results."),
        ("孫会長は投資を発表した。", "Chairman Masayoshi Son announced the investment.", "Chairman Tadashi Yanai announced the investment."),
    ],
)
def test_japanese_kanji_are_read_not_heard(source: str, good: str, replaced: str) -> None:
    assert _warned(source, good, "ja") == []
    assert _warned(source, replaced, "ja")


@pytest.mark.parametrize(
    ("source", "good", "replaced"),
    [
        ("卫生署署长林文健表示，将加强监测。", "Director of Health Ronald Lam said monitoring would be stepped up.", "Director of Health Edwin Tsui said monitoring would be stepped up."),
        ("财政司司长陈茂波表示，经济将继续增长。", "Financial Secretary Paul Chan Mo-po said the economy would keep growing.", "Financial Secretary Michael Wong said the economy would keep growing."),
    ],
)
def test_a_hong_kong_name_is_read_by_its_cantonese_surname(source: str, good: str, replaced: str) -> None:
    from audit.names.romanisers import cantonese_surnames

    assert "陈" in cantonese_surnames()["Chan"] and "林" in cantonese_surnames()["Lam"]
    assert _warned(source, good, "zh") == []
    assert _warned(source, replaced, "zh")


def test_pinyin_is_the_syllables_chinese_has() -> None:
    from audit.names.romanisers import is_pinyin

    assert all(is_pinyin(word) for word in ["Jian", "Jiakun", "Xintong", "Zhao", "Lv"])
    assert not any(is_pinyin(word) for word in ["Fai", "Pak", "Kwok", "Tsui"])  # Cantonese spellings


def test_a_two_consonant_name_is_keyed_as_english_spells_its_sounds() -> None:
    source = "पिचाई ने बेंगलुरु में नए दफ्तर का उद्घाटन किया।"
    assert _warned(source, "Google chief Sundar Pichai opened a new office in Bengaluru.", "hi") == []
    assert _warned(source, "Microsoft chief Satya Nadella opened a new office in Bengaluru.", "hi")


def test_a_currency_cldr_names_is_no_name_left_out() -> None:
    from audit.names.romanisers import RomanisedSource

    source = RomanisedSource("経済産業省は約500億円を支援する。", "ja")
    assert all(source._places(name) == () for name, _ in source.names() if source.text[name.start : name.end] == "億円")


def test_a_common_word_heard_in_full_is_the_part_of_the_name_the_source_gives() -> None:
    source = "中国选手在决赛中战胜特鲁姆普。"
    assert _warned(source, "A Chinese player beat England's Judd Trump in the final.", "zh") == []
    # `Mark` is heard without its r in `英国` (ying guo): three consonants are chance
    assert _warned("中国选手在英国战胜希金斯。", "A Chinese player beat Mark Selby in Britain.", "zh")


def test_japans_imperial_family_is_named_by_title_in_japanese() -> None:
    source = "天皇陛下は、被災地を訪問された。"
    assert _warned(source, "Emperor Naruhito visited the disaster area.", "ja") == []
    assert _warned("首相は、被災地を訪問した。", "Prime Minister Naruhito visited the disaster area.", "ja")
    assert _warned(source, "Emperor Naruhito visited Kumamoto.", "ja") == ["Kumamoto"]


@pytest.mark.parametrize(
    ("source", "good", "replaced"),
    [
        # Hindi borrows a country's demonym (`थाई`, `उज्बेक`) or adds `-ī` to its name (`केन्याई`)
        ("थाई सरकार ने नई वीजा नीति घोषित की।", "Thailand announced a new visa policy.", "Vietnam announced a new visa policy."),
        ("केन्याई धावक ने मैराथन जीती।", "A runner from Kenya won the marathon.", "A runner from Uganda won the marathon."),
    ],
)
def test_a_country_for_the_demonym_a_hindi_source_says(source: str, good: str, replaced: str) -> None:
    from audit.names.demonyms import demonyms_of

    assert "thai" in demonyms_of("Thailand") and "thail" not in demonyms_of("Thailand")
    assert "burmese" in demonyms_of("Myanmar") and "bur" not in demonyms_of("Myanmar")  # a short form's stem
    assert _warned(source, good, "hi") == []
    assert _warned(source, replaced, "hi")


def test_hindi_writes_the_r_chinese_and_japanese_leave_unsaid() -> None:
    source = "दोनों देशों का संयुक्त अभ्यास तिरमिज़ में शुरू हुआ।"
    assert _warned(source, "The two countries began a joint exercise in Samarkand.", "hi") == ["Samarkand"]


def test_a_word_japanese_writes_in_katakana_stands_for_no_kanji_word() -> None:
    # `Dodgers`, `Angeles` would be katakana in the source: added context, not a replaced kanji word
    source = "大谷が3年連続でMVPに選ばれた。"
    assert _warned(source, "Los Angeles Dodgers star Shohei Ohtani was named MVP for the third year running.", "ja") == []
    # a Hepburn word no reading of the source's kanji reaches is a replaced Japanese name
    assert _warned(source, "Los Angeles Dodgers star Yoshinobu Yamamoto was named MVP for the third year running.", "ja")


def test_a_kanji_title_japanese_quotes_is_a_sure_name() -> None:
    source = "映画『国宝』が興行収入の記録を更新した。"
    assert _warned(source, "The film Kokuho set a box office record.", "ja") == []
    assert _warned(source, "The film Godzilla set a box office record.", "ja")


def test_a_double_c_said_k_is_heard_in_katakana() -> None:
    source = "全国高校サッカー大会が国立競技場で開幕する。"
    assert _warned(source, "The national high school soccer tournament opens at the National Stadium.", "ja") == []


def test_japanese_kanji_a_translation_gives_by_meaning_and_names_by_their_kind() -> None:
    from audit.names.script_names import name_spans

    # a Chinese name CC-CEDICT knows inside a Japanese compound is a word of it (`平和`, peace)
    text = "世界平和統一家庭連合の会見"
    assert all("pinghe" not in name.english for name in name_spans(text, "ja"))
    # ordinary words for kanji a translation gives by meaning: no replacement
    source = "全国大会は国立競技場で開幕する。"
    assert _warned(source, "The national championship opens at the National Stadium.", "ja") == []
    # a kanji name by its kind (`病院`) is surely a name: a foreign name put in for it is a replacement
    source = "諏訪赤十字病院は職員の感染を公表した。"
    assert _warned(source, "Suwa Red Cross Hospital said a member of staff was infected.", "ja") == []
    assert _warned(source, "Starbucks said a member of staff was infected.", "ja")


def test_a_kanji_after_the_first_may_voice_its_first_sound() -> None:
    from audit.names.romanisers import RomanisedSource

    source = RomanisedSource("増田巡査は高串に赴任した。", "ja")
    assert source.reads("takagushi") and source.reads("takakushi")  # rendaku, and without it
    assert not source.reads("gushitaka")  # never the first


@pytest.mark.parametrize(
    ("source", "replaced"),
    [
        ("渡辺さんの遺体が見つかった。", "Police found the body of Gary Brown."),  # a person before an honorific
        ("甲府市は感染者を発表した。", "Meerut announced a new infection."),  # a city by its kind
        ("福井県内は雨だった。", "It rained across Valentina Tereshkova."),  # within a prefecture
    ],
)
def test_a_foreign_name_for_a_japanese_person_or_place_named_by_kind_is_a_replacement(source: str, replaced: str) -> None:
    assert _warned(source, replaced, "ja")


@pytest.mark.parametrize(
    ("source", "good", "replaced"),
    [
        # a Chinese place in pinyin is spelt by the source's characters, not heard (`Shanghai` in `常委会`)
        ("全国人大常委会会议在北京闭幕。", "The session of the NPC Standing Committee closed in Beijing.", "The session of the NPC Standing Committee closed in Shanghai."),
        ("黄仁勋周三抵达上海。", "Jensen Huang arrived in Shanghai on Wednesday.", "Jensen Huang arrived in Shenzhen on Wednesday."),
        # a pinyin-like foreign name is heard as the whole of a name written by sound, not a part of one
        ("王毅同鲁比奥在比什凯克会晤。", "Wang Yi met Marco Rubio in Bishkek.", "Wang Yi met Marco Rubio in Tashkent."),
    ],
)
def test_a_chinese_name_in_pinyin_is_spelt_not_heard(source: str, good: str, replaced: str) -> None:
    assert _warned(source, good, "zh") == []
    assert _warned(source, replaced, "zh")


def test_a_nationality_pairs_its_country_in_a_chinese_source() -> None:
    source = "经上海口岸入境的韩国游客达112万人次。"
    assert _warned(source, "South Korean visitors made 1.12 million trips into China through Shanghai.", "zh") == []


@pytest.mark.parametrize(
    ("source", "good", "replaced"),
    [
        # Chinese abbreviates a name by characters of its full form (`东航`: `东方航空`)
        ("东航将开通上海至阿斯塔纳的航线。", "China Eastern Airlines will fly from Shanghai to Astana.", "China Eastern Airlines will fly from Shanghai to Almaty."),
        # and a compound by each part's first character (`蒙内`: Mombasa-Nairobi)
        ("中方参与蒙内铁路的建设。", "China is involved in building the Mombasa-Nairobi railway.", "China is involved in building the Addis Ababa-Djibouti railway."),
    ],
)
def test_a_chinese_abbreviation_of_a_name(source: str, good: str, replaced: str) -> None:
    assert _warned(source, good, "zh") == []
    assert _warned(source, replaced, "zh")


def test_a_city_is_never_written_by_its_first_character() -> None:
    source = "东航将开通上海至阿斯塔纳的航线。"
    assert _warned(source, "China Eastern Airlines will fly from Shanghai to Almaty.", "zh") == ["Almaty"]


def test_a_hindi_acronym_spelt_by_letter_names_is_a_sure_name() -> None:
    from audit.names.romanisers import spelt_acronyms

    assert (spelt_acronyms("सीबीआई"), spelt_acronyms("डीआरडीओ")) == (("CBI",), ("DRDO",))
    assert spelt_acronyms("इसरो") == () and spelt_acronyms("कहा") == ()  # said as a word; a word
    assert "CBSE" in spelt_acronyms("सीबीएसई")  # letter names run together: every reading kept
    source = "सीबीआई ने पटना में छापा मारा।"
    assert _warned(source, "The Central Bureau of Investigation raided premises in Patna.", "hi") == []
    assert _warned(source, "The CBI raided premises in Patna.", "hi") == []
    assert _warned(source, "The Enforcement Directorate raided premises in Patna.", "hi")


def test_a_person_after_a_title_is_judged_apart_from_the_body_before_it() -> None:
    source = "लोकसभा अध्यक्ष ओम बिरला ने बैठक बुलाई।"
    assert _warned(source, "Lok Sabha Speaker Om Birla called a meeting.", "hi") == []
    assert _warned(source, "Lok Sabha Speaker Sumitra Mahajan called a meeting.", "hi")


def test_a_hindi_acronym_is_paired_by_the_initials_english_writes_and_a_term_is_none() -> None:
    source = "डीजीसीए ने एयरलाइन पर जुर्माना लगाया।"
    assert _warned(source, "The Directorate General of Civil Aviation fined the airline.", "hi") == []
    source = "दूसरी तिमाही में जीडीपी वृद्धि दर 8 प्रतिशत रही।"  # GDP: a term, no name left out
    assert _warned(source, "The economy grew 8% in the July-September quarter.", "hi") == []


def test_a_person_chinese_names_after_the_title_is_a_name_heard_from_its_opening_vowel() -> None:
    from audit.names.script_names import name_spans

    text = "委员会主席优素福在亚的斯亚贝巴表示"
    assert "优素福" in [text[name.start : name.end] for name in name_spans(text, "zh")]
    source = "非盟委员会主席优素福在亚的斯亚贝巴表示，贸易正在增长。"
    assert _warned(source, "Trade is growing, African Union Commission Chairperson Mahmoud Ali Youssouf said in Addis Ababa.", "zh") == []
    assert _warned(source, "Trade is growing, African Union Commission Chairperson Moussa Faki said in Addis Ababa.", "zh")


def test_a_country_chinese_writes_by_meaning_is_not_heard_by_sound() -> None:
    source = "中国男篮在世界杯预选赛中战胜韩国队。"  # `Japan` is not the `shi jie bei` of `世界杯`
    assert _warned(source, "China's men's basketball team beat South Korea in a World Cup qualifier.", "zh") == []
    assert _warned(source, "China's men's basketball team beat Japan in a World Cup qualifier.", "zh") == ["Japan"]

def test_cc_cedict_names_by_their_toneless_pinyin() -> None:
    """The pinyin index a Palladius spelling reads back to: `renminribao` is the `People's Daily`,
    and a gloss's alternatives are each a name (`Yellow River or Huang He`)."""
    from audit.names.cedict import pinyin_names

    assert "People's Daily" in pinyin_names("renminribao")
    assert {"Yellow River", "Huang He"} <= set(pinyin_names("huanghe"))
    assert pinyin_names("moskva") == ()
