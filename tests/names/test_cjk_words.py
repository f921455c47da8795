"""Chinese, Japanese and Hindi sources: what is no name there, and names English writes out or by
meaning (issue 10, fifth CJK round). Each class both ways: context or translation is no warning,
a replaced name still is."""

from __future__ import annotations

import re

import pytest

from audit.config import Config, apply
from audit.names.romanisers import spelt_acronyms
from audit.names.script_names import name_spans, simplified
from audit.pipeline import audit_documents
from audit.types import Document, Severity


def _warned(source: str, english: str, lang: str) -> list[tuple[str, str]]:
    """(rule, English span) of the N2xx name warnings."""
    config = apply(Config(), {"select": ["N201", "N202", "N203", "N204", "N205"]}, "test")
    document = Document(id="d", text=english, source=source, source_lang=lang)
    [result] = audit_documents([document], config, strict=True)
    return [(f.code, english[f.start : f.end]) for f in result.findings if f.severity >= Severity.WARNING]


def _spans(text: str, lang: str) -> list[str]:
    return [text[name.start : name.end] for name in name_spans(text, lang)]


def test_japanese_kanji_are_read_in_their_simplified_forms() -> None:
    assert simplified("記者会見") == "记者会见" and simplified("発表") == "发表"


def test_a_japanese_run_of_everyday_kanji_words_is_no_name_but_a_quoted_one_is() -> None:
    spans = _spans("斉藤代表は記者会見で続投を発表した。", "ja")
    assert "記者会見" not in spans and "発表" not in spans and "斉藤代表" in spans
    assert "国宝" in _spans("映画『国宝』の興行収入", "ja")  # a film's title


def test_a_japanese_kanji_run_after_a_figure_is_its_counter() -> None:
    assert "日目" not in _spans("発生から3日目の5日も延焼が続いている。", "ja")


def test_a_hindi_word_ends_before_the_danda_and_everyday_words_are_no_names() -> None:
    spans = _spans("न्योमा में पारा शुक्रवार रात गिरकर माइनस 24 डिग्री पर पहुंच गया है।", "hi")
    assert "न्योमा" in spans
    assert not {"है", "है।", "पारा", "शुक्रवार", "रात", "गिरकर"} & set(spans)


@pytest.mark.parametrize(
    ("word", "acronym"), [("एचएएल", "HAL"), ("सीबीआई", "CBI"), ("डीआरडीओ", "DRDO"), ("सीबीएसई", "CBSE"), ("आईएसएसएफ", "ISSF")]
)
def test_a_hindi_acronym_spelt_by_letter_names_schwa_or_not(word: str, acronym: str) -> None:
    assert acronym in spelt_acronyms(word)


@pytest.mark.parametrize(
    ("source", "english", "lang"),
    [
        # context English adds where every source word is an everyday one
        ("न्योमा में पारा शुक्रवार रात गिरकर माइनस 24 डिग्री सेल्सियस पर पहुंच गया।",
         "The temperature at Nyoma in eastern Ladakh dropped to minus 24 degrees Celsius on Friday night.", "hi"),
        # initials by their letters' names, the people of a place by its suffix
        ("उपराष्ट्रपति सी.पी. राधाकृष्णन ने कोयंबटूर में एक कृषि सम्मेलन का उद्घाटन किया।",
         "Vice President C.P. Radhakrishnan opened an agricultural conference in Coimbatore, Tamil Nadu.", "hi"),
        ("सऊदी अरब में एक सड़क हादसे में चार केरलवासियों की मौत हो गई।",
         "Four people from Kerala were killed in a road accident in Saudi Arabia.", "hi"),
        # a source acronym written out, before it in parentheses or by its initials
        ("ANAは那覇と台北を結ぶ路線を増便すると発表した。",
         "All Nippon Airways (ANA) said it would add flights between Naha and Taipei.", "ja"),
        ("एचएएल ने नासिक संयंत्र में बने पहले तेजस विमान को वायुसेना को सौंप दिया।",
         "Hindustan Aeronautics Ltd (HAL) handed over to the Indian Air Force the first Tejas built at its Nashik plant.", "hi"),
        ("JFAは森保一監督の続投を発表した。", "The Japan Football Association said Hajime Moriyasu would stay on as manager.", "ja"),
        # a surname heard with its particles
        ("フォンデアライエン委員長は東京で記者会見した。",
         "European Commission President Ursula von der Leyen told a news conference in Tokyo.", "ja"),
        # a month range, and a scale's character that opens no name (`万载`, Wanzai county)
        ("1至11月，我国造船完工量4520万载重吨，占世界总量的53.6%。",
         "China completed 45.2 million deadweight tonnes of ships in January-November, 53.6% of the world total.", "zh"),
        # CC-CEDICT's `Tibetan Autonomous Region` for the English `Tibet Autonomous Region`
        ("西藏自治区主席嘎玛泽登在拉萨表示，明年将加快推进川藏铁路建设。",
         "Gama Cedain, chairman of the Tibet Autonomous Region, said in Lhasa that work on the Sichuan-Tibet Railway "
         "would be sped up next year.", "zh"),
        ("来日中の金民錫首相は福岡市で在日韓国人団体の代表らと懇談した。",
         "South Korean Prime Minister Kim Min-seok met representatives of Korean residents' groups in Fukuoka.", "ja"),
        ("今年前11个月，闽台贸易额达到980亿元，同比增长5.6%。",
         "Trade between Fujian and Taiwan reached 98 billion yuan in the first 11 months, up 5.6% year on year.", "zh"),
        # a title in everyday words, translated (`荔枝`: lychee)
        ("电影《长安的荔枝》在上海国际电影节上获得最佳故事片奖。",
         "The Lychee Road won best feature film at the Shanghai International Film Festival.", "zh"),
    ],
)
def test_context_and_translations_are_no_warning(source: str, english: str, lang: str) -> None:
    assert _warned(source, english, lang) == []


@pytest.mark.parametrize(
    ("source", "english", "lang", "flagged"),
    [
        ("न्योमा में पारा शुक्रवार रात गिरकर माइनस 24 डिग्री सेल्सियस पर पहुंच गया।",
         "The temperature at Hanle dropped to minus 24 degrees Celsius on Friday night.", "hi", "Hanle"),
        # `maritime` is heard in `तमिलनाडु` only in part: no counterpart for it
        ("श्रीलंकाई नौसेना ने समुद्री सीमा पार करने के आरोप में तमिलनाडु के 14 मछुआरों को गिरफ्तार किया।",
         "The Sri Lankan navy arrested 14 Kerala fishermen for allegedly crossing the maritime boundary.", "hi", "Kerala"),
        ("सऊदी अरब में एक सड़क हादसे में चार केरलवासियों की मौत हो गई।",
         "Four people from Punjab were killed in a road accident in Saudi Arabia.", "hi", "Punjab"),
        ("ANAは那覇と台北を結ぶ路線を増便すると発表した。",
         "Japan Airlines (JAL) said it would add flights between Naha and Taipei.", "ja", "Japan Airlines"),
        ("JFAは森保一監督の続投を発表した。",
         "The Japan Sumo Association said Hajime Moriyasu would stay on as manager.", "ja",
         "The Japan Sumo Association said Hajime Moriyasu would stay on as manager."),
        ("フォンデアライエン委員長は東京で記者会見した。",
         "European Commission President Kaja Kallas told a news conference in Tokyo.", "ja",
         "European Commission President Kaja Kallas"),
        ("电影《长安的荔枝》在上海国际电影节上获得最佳故事片奖。",
         "The Lychee Road won best feature film at the Beijing International Film Festival.", "zh",
         "Beijing International Film Festival"),
        ("斉藤代表は記者会見で続投を発表した。",
         "Komeito leader Natsuo Yamaguchi told a news conference he would stay on.", "ja", "Natsuo Yamaguchi"),
        # a Korean of another surname than the source's hanja (`金`: Kim), `韓国人` (Koreans) aside
        ("来日中の金民錫首相は福岡市で在日韓国人団体の代表らと懇談した。",
         "South Korean Prime Minister Han Duck-soo met representatives of Korean residents' groups in Fukuoka.", "ja",
         "Korean Prime Minister Han Duck-soo"),
        # a province abbreviated beside Taiwan (`闽`: Fujian) that the English does not name
        ("今年前11个月，闽台贸易额达到980亿元，同比增长5.6%。",
         "Trade between Guangdong and Taiwan reached 98 billion yuan in the first 11 months, up 5.6% year on year.", "zh",
         "Guangdong"),
    ],
)
def test_a_replaced_name_is_still_a_warning(source: str, english: str, lang: str, flagged: str) -> None:
    assert flagged in [span for _, span in _warned(source, english, lang)]


def test_every_hindi_everyday_word_is_one_devanagari_word() -> None:
    from audit.names.script_names import _hindi_words

    words = _hindi_words()
    assert len(words) > 500
    assert all(re.fullmatch("[\u0900-\u0963\u0971-\u097f]+", word) for word in words)


def test_cedict_glosses_index_everyday_words_not_names() -> None:
    from audit.names.glosses import glossed

    assert glossed("Lychee", "长安的荔枝") and glossed("shipyards", "大连船厂")
    assert not glossed("Shanghai", "北京")  # proper nouns are CC-CEDICT's names, not meanings


def test_a_japanese_prefecture_and_the_town_in_it_are_two_names() -> None:
    assert _spans("長野県諏訪市の40代の女性", "ja")[:2] == ["長野県", "諏訪市"]
    source = "長野県諏訪市の40代の女性が新型コロナウイルスに感染していることがわかりました。"
    english = "A woman in her 40s in {}, Nagano Prefecture, has been found to be infected with a new type of coronavirus."
    assert _warned(source, english.format("Suwa"), "ja") == []
    assert ("N205", "Europe") in _warned(source, english.format("Europe"), "ja")


def test_letters_and_figures_hindi_writes_by_the_letters_names() -> None:
    from audit.names.romanisers import _letters_and_figures_written

    source = "मियामी में जी20 शिखर सम्मेलन से इतर मोदी ने ताकाइची से मुलाकात की।"
    assert _letters_and_figures_written("G20", source) and _letters_and_figures_written("T20", "दूसरे टी20 मुकाबले में")
    assert not _letters_and_figures_written("T20", source) and not _letters_and_figures_written("G7", source)
    english = "Prime Minister Narendra Modi met Japan's Sanae Takaichi on the sidelines of the G20 summit in Miami."
    assert _warned(source, english, "hi") == []
