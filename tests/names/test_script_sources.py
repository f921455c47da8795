"""Names in Chinese, Japanese and Hindi sources: romanised units, likely names, CC-CEDICT, replacements."""

from __future__ import annotations

import pytest

from audit.config import Config, apply
from audit.names.cedict import chinese_forms, known_names
from audit.names.romanisers import (
    KanjiReadings,
    RomanisedSource,
    _kakasi,
    _kanji_dictionary,
    _pack_kanji_readings,
    consonants,
    romanised_units,
)
from audit.names.script_names import name_spans
from audit.pipeline import audit_documents
from audit.types import Document, Severity


def _spans(text: str, lang: str) -> list[str]:
    return [text[name.start : name.end] for name in name_spans(text, lang)]


def test_kanji_readings_read_as_pykakasi_dictionary() -> None:
    dictionary = _kanji_dictionary()
    readings = KanjiReadings(_pack_kanji_readings())
    assert all(readings.get(first) == entries for first, entries in dictionary.items())
    assert readings.get(ord("a")) is None
    from pykakasi.kanji import Kanwa

    assert isinstance(_kakasi() and Kanwa._shared_state["_jisyo_table"], KanjiReadings)  # pykakasi reads it


def _warned(source: str, english: str, lang: str) -> list[str]:
    """The English spans N205 warns about (not its hints)."""
    config = apply(Config(), {"select": ["N205"]}, "test")
    document = Document(id="d", text=english, source=source, source_lang=lang)
    [result] = audit_documents([document], config, strict=True)
    return [english[f.start : f.end] for f in result.findings if f.severity >= Severity.WARNING]


def test_units_keep_their_offsets_into_the_source() -> None:
    text = "据越通社报道，格里沃里认为"
    units = romanised_units(text, "zh")
    assert [(text[u.start : u.end], u.roman) for u in units][6:10] == [("格", "ge"), ("里", "li"), ("沃", "wo"), ("里", "li")]
    japanese = "ダンラップ・ブロードサイドと"
    assert [u.roman for u in romanised_units(japanese, "ja")][:2] == ["danrappu", "buroodosaido"]
    assert [u.roman for u in romanised_units("गूगल ने कहा", "hi")] == ["gugal", "ne", "kaha"]  # silent final schwa


def test_consonant_classes_fold_pinyin_and_english_spellings() -> None:
    assert consonants("Gretchen") == consonants("ge lei qin", "zh") == "klsn"
    assert consonants("Google") == consonants("gugal", "hi")
    assert consonants("Fichte") == consonants("phicte", "hi")


@pytest.mark.parametrize(
    ("source", "lang", "heard", "unheard"),
    [
        ("特朗普称密歇根州州长格雷琴·惠特默是独裁者", "zh", ["Gretchen", "Whitmer", "Trump"], ["Putin", "Google"]),
        ("卡特里说，上周比利时新增病例", "zh", ["Catri"], ["Austria", "Mitchell"]),
        ("7月26日，记者在蒋口河联圩现场看到", "zh", ["Jiangkouhe", "Lianxu", "Lianwei"], ["Lianzhou"]),  # 圩: xu or wei
        ("ウイリアム王子とベストマッチした", "ja", ["William"], ["Harry"]),
        ("ダンラップ・ブロードサイドと呼ばれています", "ja", ["Dunlap", "Broadsides"], ["Gazprom"]),
        ("गूगल और याहू के डाटा को चुराया", "hi", ["Google"], ["Oracle"]),
        ("ब्रेझिन्स्की ने जॉन एफ कैनेडी के सलाहकार", "hi", ["Brzezinski", "Kennedy"], ["Kissinger"]),
    ],
)
def test_names_are_heard_by_sound_in_the_source_names(source: str, lang: str, heard: list[str], unheard: list[str]) -> None:
    romanised = RomanisedSource(source, lang)
    assert [word for word in heard if romanised.sounds_in(word)] == heard
    assert [word for word in unheard if romanised.sounds_in(word)] == []


def test_likely_names_in_each_script() -> None:
    # transcription runs (not everyday words made of the same characters), CC-CEDICT names, surnames
    assert _spans("据意大利媒体报道，热那亚的比赛是布法罗", "zh") == ["意大利", "热那亚", "布法罗"]
    assert _spans("7月17日下午，陈光明得知消息", "zh") == ["陈光明"]
    assert "格雷琴·惠特默" in _spans("州长格雷琴·惠特默是", "zh")
    assert _spans("イラクからの入国者が長野県諏訪市に", "ja") == ["イラク", "入国者", "長野県", "諏訪市"]
    assert _spans("受疫情影响，CBA联赛", "zh") == ["CBA"]
    hindi = "मुंबई पुलिस ने बताया कि सलमान खान के घर"
    assert _spans(hindi, "hi") == ["मुंबई", "सलमान", "खान"]  # `घर` (house), an everyday word


def test_kanji_are_read_by_every_reading_of_pykakasis_dictionary() -> None:
    from audit.names.romanisers import RomanisedSource

    source = RomanisedSource("北海道の鈴木直道知事は喬木村と孫会長を訪ねた。", "ja")
    # a compound's readings (`鈴木`), a kanji's (`孫`: son), a name's (`喬木`: takagi), long vowels short
    assert all(source.reads(word) for word in ["suzuki", "naomichi", "takagi", "son", "hokkaido"])
    assert not any(source.reads(word) for word in ["takahashi", "akita", "kyoto"])


def test_cedict_gives_the_chinese_of_translated_names() -> None:
    assert "伊斯兰国" in chinese_forms("Islamic")
    assert "普京" in chinese_forms("Putin")
    assert "佛州" in chinese_forms("Florida")  # the 州 short form
    assert "中" not in chinese_forms("China")  # one character is in too many words
    found = {("据越通社报道，越南为东盟作出贡献"[a:b], frozenset(keys)) for a, b, keys in known_names("据越通社报道，越南为东盟作出贡献")}
    assert ("东盟", frozenset({"asean"})) in found


@pytest.mark.parametrize(
    ("source", "english", "lang", "expected"),
    [
        # must flag: a name the source does not have, while a source name is left with nothing
        (
            "卡特里说，上周比利时85%新增新冠确诊人员年龄在60岁以下。",
            "Hezbollah said that 85% of new coronavirus cases in Belgium last week were under the age of 60.",
            "zh",
            ["Hezbollah"],
        ),
        (
            "7月17日下午，陈光明得知村民家中墙壁开裂的消息。",
            "On the afternoon of July 17, Oleg Deripaska learned that the walls of the villagers' homes were cracked.",
            "zh",
            ["Oleg Deripaska"],
        ),
        ("ブランビーズが２４－０で快勝した。", "Khabarovsk won 24-0.", "ja", ["Khabarovsk"]),
        # a Latin name the source quotes is a source name too
        (
            "受疫情影响，CBA联赛在中断近5个月后，于6月20日开始复赛。",
            "Affected by the epidemic, the Mitchell Gourley league resumed on June 20 after a break of nearly five months.",
            "zh",
            ["Mitchell Gourley"],
        ),
        (
            "दोनों एजेंसियों ने याहू और गूगल के डाटा को चुराया।",
            "The two agencies stole data from Yahoo and Vodafone.",
            "hi",
            ["Vodafone"],
        ),
        # a name with capitals inside is no acronym (`McDonald's`); a CLDR name of several words
        # is judged word by word (`European Union`)
        (
            "女性の勤め先の諏訪赤十字病院は24日夜、感染した職員がいたことを公表しました。",
            "McDonald's, where the woman works, announced on the night of the 24th that there was an infected employee.",
            "ja",
            ["McDonald"],
        ),
        (
            "来自中国国家铁路集团有限公司的最新统计显示，铁路部门已累计出动检查人员28万余人次。",
            "The latest statistics from the European Union show that the railway department has dispatched more than 280,000 inspectors.",
            "zh",
            ["European Union"],
        ),
        # a country by its first character only for CC-CEDICT's forms of the whole name (`乌孙国` is no `Asia`)
        (
            "截至7月25日24时，乌鲁木齐市现有确诊病例135例。",
            "As of 24:00 on July 25, there were 135 confirmed cases in Asia.",
            "zh",
            ["Asia"],
        ),
        # pinyin is no Japanese reading (`Taihu`: Hepburn writes `fu`)
        (
            "2002年にゴマはニラゴンゴ火山の溶岩によって破壊されました。",
            "In 2002, Taihu Lake was destroyed by lava from the Nyiragongo volcano.",
            "ja",
            ["Taihu Lake"],
        ),
        # Hindi writes a name's consonants one for one: a name heard only in part is chance,
        # alone (`Arizona` in `क्रिसमस`) or beside a part English adds (`Georges` in `करके`)
        (
            "35 वर्षीय श्रीलंकाई शरण साधक इस सप्ताह क्रिसमस आईसलैण्ड पर एक शरणार्थी नाव में आया।",
            "A 35-year-old Sri Lankan asylum seeker arrived in a refugee boat on Arizona this week.",
            "hi",
            ["Arizona"],
        ),
        (
            "परिवहन मंत्री कीथ ब्राउन ने कहा कि इस परियोजना पर काम करके वे बहुत उत्साहित हैं।",
            "Transport Minister Georges Bwelle said he was excited to work on the project.",
            "hi",
            ["Minister Georges Bwelle"],
        ),
        # a regnal number is no part of a name that stands for the source's (`King Mswati III`)
        (
            "最新数据显示，比利时累计64847人感染新冠病毒。",
            "The latest data shows that a total of 64,847 people in King Mswati III have been infected.",
            "zh",
            ["King Mswati III"],
        ),
        # a country's acronym is a name, though spelt like a connector (`US`, `UN`)
        (
            "उसे तिब्बत में पागल कुत्ते ने हमला किया, नेपाल में शादी से भाग निकला।",
            "He was attacked by a mad dog in US, ran away from marriage in Nepal.",
            "hi",
            ["US"],
        ),
        (
            "これらすべてのおかげでオンタリオ州は際立ち、実にカナダらしい州だと考えられています。",
            "All of this makes US stand out as truly Canadian.",
            "ja",
            ["US"],
        ),
        # the source's own country replacing another the source names
        ("当地时间7月23日，美国新冠肺炎确诊病例数突破400万。", "On July 23, cases in China exceeded 4 million.", "zh", ["China"]),
        # must not flag: the name is heard, translated, or a known form of it is in the source
        ("日本政府は男性が感染したと発表しました。", "Japan announced that a man was infected.", "ja", []),
        # English names the source's own country where the source says `at home`, and writes
        # a body's acronym for a source's abbreviation of it (`国連`, `国際連合`)
        ("国内の感染者は増えた。", "Infections in Japan increased.", "ja", []),
        ("देश में संक्रमण बढ़े।", "Infections in India increased.", "hi", []),
        ("国連安全保障理事会は制裁を決めた。", "The UN Security Council decided on sanctions.", "ja", []),
        ("ロシアからが34人、米国からが3人などだった。", "34 came from Russia and 3 from the US.", "ja", []),
        ("विदेश मंत्री ने स्वीकार किया कि अमेरिकी जासूसी ने हद को पार किया है।", "The minister acknowledged that US espionage has gone too far.", "hi", []),
        ("联合国还希望最终成立一项基金。", "The UN also hopes to eventually set up a fund.", "zh", []),
        (
            "35 वर्षीय श्रीलंकाई शरण साधक इस सप्ताह क्रिसमस आईसलैण्ड पर एक शरणार्थी नाव में आया।",
            "A 35-year-old Sri Lankan asylum seeker arrived in a refugee boat on Christmas Island this week.",
            "hi",
            [],
        ),
        (
            "परिवहन मंत्री कीथ ब्राउन ने कहा कि इस परियोजना पर काम करके वे बहुत उत्साहित हैं।",
            "Transport Minister Keith Brown said he was excited to work on the project.",
            "hi",
            [],
        ),
        (
            "截至7月25日24时，乌鲁木齐市现有确诊病例135例。",
            "As of 24:00 on July 25, there were 135 confirmed cases in Urumqi.",
            "zh",
            [],
        ),
        # a hyphen joins the words of one Hindi name (`मोहन-जोदड़ो`)
        (
            "हड़प्पा और मोहन-जोदड़ो के शहरों में लगभग हर घर में एक फ़्लश शौचालय था।",
            "Almost every household in the cities of Harappa and Mohenjo-daro had a flush toilet.",
            "hi",
            [],
        ),
        (
            "卡特里说，上周比利时85%新增新冠确诊人员年龄在60岁以下。",
            "Catri said that 85% of new coronavirus cases in Belgium last week were under the age of 60.",
            "zh",
            [],
        ),
        ("该声明称，土耳其还将接管对伊斯兰国武装分子的看守任务。", "Turkey would take over custody of Islamic State fighters.", "zh", []),
        ("这是佛州的每日死亡人数第十次超过100人。", "This is the tenth time Florida's daily death toll has surpassed 100.", "zh", []),
        # a name of ordinary words the source translates, with every source name accounted for
        (
            "据意大利媒体报道，国际米兰与热那亚的比赛是蓝黑军团队史第3000场比赛。",
            "According to Italian media, the match between Inter Milan and Genoa is the 3,000th in the history of the Nerazzurri.",
            "zh",
            [],
        ),
        # English writes in full a name the source gives one part of (a part that is also a
        # common word, `Yogi`, spelt letter for letter)
        ("मुख्यमंत्री योगी ने लखनऊ में कहा।", "Chief Minister Yogi Adityanath said in Lucknow.", "hi", []),
        ("世界卫生组织总干事谭德塞在日内瓦发表讲话。", "WHO Director-General Tedros Adhanom Ghebreyesus spoke in Geneva.", "zh", []),
        # a Japanese reading of kanji no romaniser knows
        ("喬木村では通行止めの県道のう回路が流され、住民が孤立しています。", "In Takagi Village the residents are isolated again.", "ja", []),
        ("喬木さんが住民に話しました。", "Mr Takagi spoke to the residents.", "ja", []),
        ("喬木外相は北京を訪問した。", "Foreign Minister Takagi visited Beijing.", "ja", []),
        ("喬木は逮捕された。", "Takagi was arrested.", "ja", []),
        ("ウイリアム王子とベストマッチした装いだった。", "It was an outfit that matched Prince William.", "ja", []),
        ("इस बीच, नाराज गूगल, याहू और फेसबुक ने विधेयक का समर्थन किया है।", "Meanwhile, Google, Yahoo and Facebook have backed the bill.", "hi", []),
        ("प्रधानमंत्री नरेंद्र मोदी ने कहा कि भारत और अमेरिका मिलकर काम करेंगे।", "Prime Minister Narendra Modi said India and the United States will work together.", "hi", []),
    ],
)
def test_issue10_replaced_names_in_chinese_japanese_hindi_sources(
    source: str, english: str, lang: str, expected: list[str]
) -> None:
    assert _warned(source, english, lang) == expected


def test_issue10_a_source_name_unheard_is_a_hint_not_a_warning_when_nothing_is_left_unpaired() -> None:
    config = apply(Config(), {"select": ["N205"]}, "test")
    document = Document(
        id="d",
        text="Kumar said Trump and Obama were in Beijing.",
        source="斯诺登说，特朗普和奥巴马在北京。",
        source_lang="zh",
    )
    [result] = audit_documents([document], config, strict=True)
    assert [(f.code, f.severity) for f in result.findings] == [("N205", Severity.WARNING)]


@pytest.mark.parametrize(
    ("source", "english", "lang", "expected"),
    [
        # an English name of ordinary words, an acronym or a Hepburn-like word took a source name's place
        ("九州北部では大雨が続いています。", "Heavy rain continues in northern Iron Dome.", "ja", ["Iron Dome"]),
        ("イラクからの避難民が増えている。", "The number of refugees from the Midlands is rising.", "ja", ["Midlands"]),
        ("オールブラックスは15連勝を逃した。", "The Federal Reserve missed a 15th straight win.", "ja", ["Federal Reserve"]),
        ("中国篮球协会宣布，CBA联赛将于下月重启。", "The Chinese Basketball Association said the NHL league will resume next month.", "zh", ["NHL"]),
        ("इदलिब में कल रात हवाई हमला हुआ।", "An air strike hit the Midlands last night.", "hi", ["Midlands"]),  # GeoNames' city
        ("इदलिब में कल रात हवाई हमला हुआ।", "An air strike hit Idlib last night.", "hi", []),
        # Hindi words sound like English common words by chance: their vowels must agree too
        ("पेरिस में आज सुबह तेज़ बारिश हुई और रूप बदल गया।", "Heavy rain fell on the Yellow River this morning.", "hi", ["Yellow River"]),
        ("पेरिस में आज सुबह तेज़ बारिश हुई।", "Heavy rain fell in Paris this morning.", "hi", []),
        # the source name has its counterpart: initials, a nationality, a derived word, a katakana word's sound
        ("美国国务院周一发表声明。", "The U.S. State Department issued a statement on Monday.", "zh", []),
        ("オタワは美しい首都だ。", "Ottawa is a beautiful capital.", "ja", []),
        ("英国は公海に機雷を仕掛けた。", "Britain laid mines in international waters.", "ja", []),  # CC-CEDICT: United Kingdom
        ("英国は公海に機雷を仕掛けた。", "The Midlands laid mines in international waters.", "ja", ["Midlands"]),
        ("古代エジプトの人々は新王国の遺跡に驚嘆した。", "Ancient Egyptians of the New Kingdom marvelled at the ruins.", "ja", []),
        ("这一传统有基督教的解释。", "This tradition has a Christian explanation.", "zh", []),
        # a term with figures is not a name put in for another; Chinese translates names by meaning
        ("新冠疫情期间，美国有许多人失业。", "During the COVID-19 pandemic, many people lost their jobs.", "zh", []),
        ("黄河流域普降大雨，美国专家发出警告。", "Heavy rain fell across the Yellow River basin, experts warned.", "zh", []),
    ],
)
def test_issue10_an_english_name_standing_in_for_a_source_name_left_out(
    source: str, english: str, lang: str, expected: list[str]
) -> None:
    assert _warned(source, english, lang) == expected


def test_cjk_abbreviation_table_rows_are_places() -> None:
    """Every row of `cjk_abbreviations.tsv`: one character, zh and/or ja, English names CLDR or
    GeoNames knows as places, a kind."""
    from importlib.resources import files

    from audit.names import gazetteer
    from audit.names.cedict import chinese_forms
    from audit.names.exonyms import SHORT_FORMS, is_english_place

    text = files("audit.names").joinpath("data", "cjk_abbreviations.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) >= 60
    for char, langs, names, kind in rows:
        assert len(char) == 1 and set(langs.split()) <= {"zh", "ja"} and set(kind.split("|")) <= {"country", "region"}, char
        for name in names.split("|"):
            known = is_english_place(name) or name in SHORT_FORMS or gazetteer.lookup(name) or chinese_forms(name)
            assert known, (char, name)


def test_cjk_abbreviations_count_only_in_compounds() -> None:
    from audit.names.romanisers import RomanisedSource

    assert RomanisedSource("沪深两市成交额上升。", "zh").abbreviates("Shenzhen")
    assert RomanisedSource("日米同盟を強化する。", "ja").abbreviates("United States")
    assert RomanisedSource("中方敦促日方撤回言论。", "zh").abbreviates("Japan")
    assert not RomanisedSource("市场信心加深。", "zh").abbreviates("Shenzhen")  # 加深: Canada and Shenzhen, no compound
    assert not RomanisedSource("他很美。", "zh").abbreviates("United States")
    assert RomanisedSource("闽台贸易额增长。", "zh").abbreviates("Fujian")  # a province beside Taiwan, both kinds
