"""The quote parser: roles of marks, the quotations it pairs, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.quoting import (
    Family,
    Kind,
    ParagraphQuotes,
    Role,
    _ParagraphParser,
    count_kept_quotations,
    count_quotations,
    is_name_quotation,
    parse_document,
    parse_paragraph,
    source_paragraphs,
    split_lines,
)


def _roles(text: str) -> list[tuple[str, Role]]:
    return [(m.char, m.role) for m in parse_paragraph(text).marks]


def _quoted(paragraph: ParagraphQuotes, text: str) -> list[str]:
    return [text[q.start : q.end] for q in paragraph.quotations]


@pytest.mark.parametrize(
    "text",
    [
        "Ankara’s and Idlib’s officials",
        "rock ’n’ roll and rock 'n' roll",
        "the ’90s, the '80s and the class of ’98",
        "'tis the season, ’Tis the season, 'em and ’cause",
        "the workers’ union and the Joneses' car",
        "don't, won’t, O’Brien, Russia 's",
        "just goin’ home",
        "Jaysh al-'Adl, al-‘Ula, Abd al-'Aziz and the Shi'a",
        "the 'Ndrangheta and the 'phone",
    ],
)
def test_parse_apostrophes_are_not_quotes(text: str) -> None:
    paragraph = parse_paragraph(text)
    assert paragraph.quotations == ()
    assert paragraph.stray == ()
    assert {role for _, role in _roles(text)} == {Role.APOSTROPHE}


def test_parse_possessive_inside_single_quotes_is_an_apostrophe() -> None:
    text = "‘Our members’ pay has fallen,’ he said. ‘I love the workers’"
    paragraph = parse_paragraph(text)
    assert _quoted(paragraph, text) == ["‘Our members’ pay has fallen,’", "‘I love the workers’"]


def test_parse_british_style_nests_double_inside_single() -> None:
    text = "‘People kept saying, “This is the ’70s all over again.” It isn’t,’ he said."
    paragraph = parse_paragraph(text)
    outer, inner = paragraph.quotations
    assert (outer.family, outer.depth, outer.parent) == (Family.SINGLE, 1, None)
    assert (inner.family, inner.depth, inner.parent) == (Family.DOUBLE, 2, 0)
    assert text[inner.start : inner.end] == "“This is the ’70s all over again.”"


def test_parse_straight_quotes_pair_by_position() -> None:
    text = '"I will say \'no\' once in a while," he said of a 15" screen.'
    paragraph = parse_paragraph(text)
    assert _quoted(paragraph, text) == ["\"I will say 'no' once in a while,\"", "'no'"]
    assert paragraph.marks[-1].role is Role.AMBIGUOUS  # the inch mark


def test_parse_low_high_and_guillemets() -> None:
    text = "„Wir schaffen das“, «Kommersant», »Nein«, „Tak”"
    paragraph = parse_paragraph(text)
    assert _quoted(paragraph, text) == ["„Wir schaffen das“", "«Kommersant»", "»Nein«", "„Tak”"]
    assert paragraph.stray == ()


def test_parse_reversed_pair() -> None:
    text = "the creation of a” demilitarized zone “to a depth of 15-20 km"
    [quotation] = parse_paragraph(text).quotations
    assert quotation.kind is Kind.REVERSED
    assert text[quotation.start : quotation.end] == "” demilitarized zone “"
    assert quotation.open.role is Role.OPENING and quotation.open.glyph is Role.CLOSING


def test_parse_embedded_name_keeps_the_outer_quotation_open() -> None:
    text = "“The terrorists who attacked them,” Khayyat Tahrir Al-Sham “(a banned group) were pushed back,” he said."
    outer, name = parse_paragraph(text).quotations
    assert name.kind is Kind.EMBEDDED and name.parent == 0
    assert text[name.start : name.end] == "” Khayyat Tahrir Al-Sham “"
    assert outer.close is not None and text[outer.close.offset - 5 : outer.close.end] == "back,”"


def test_parse_interrupted_quotation_is_two_quotations() -> None:
    text = "“The talks,” Lavrov said, “will resume on Monday.”"
    paragraph = parse_paragraph(text)
    assert [q.kind for q in paragraph.quotations] == [Kind.NORMAL, Kind.NORMAL]
    assert _quoted(paragraph, text) == ["“The talks,”", "“will resume on Monday.”"]


def test_parse_wrong_closing_mark_closes() -> None:
    text = "“They were pushed to the Turkish border, “the general said."
    [quotation] = parse_paragraph(text).quotations
    assert quotation.close is not None and quotation.close.char == "“"
    assert quotation.close.role is Role.CLOSING


def test_parse_misplaced_marks_keep_their_glyph_roles() -> None:
    text = "the need to“ preserve the agreements, ”the official said"
    [quotation] = parse_paragraph(text).quotations
    assert quotation.kind is Kind.NORMAL
    assert quotation.open.space_inside and quotation.open.glued_outside
    assert quotation.close is not None and quotation.close.space_inside and quotation.close.glued_outside


def test_parse_attribution_closes_the_outermost_quotation() -> None:
    text = "“Allegations of “war crimes in Idlib,” Konashenkov said."
    outer, inner = parse_paragraph(text).quotations
    assert outer.close is not None and inner.close is None
    assert inner.ended_by == outer.close.offset


def test_parse_offsets_are_absolute() -> None:
    text = "\ufeffFirst line.\r\nHe said: “We are ready.”\r\n"
    start = text.index("He")
    paragraph = parse_paragraph(text, start, text.index("\r\n", start))
    [quotation] = paragraph.quotations
    assert text[quotation.start] == "“" and quotation.close is not None and text[quotation.close.offset] == "”"


def test_parse_document_marks_continued_quotations() -> None:
    text = "He said: “We will fight.\n\n“We will win,” he added.\nHe said: “Never.\nIt was over."
    document = parse_document(text, split_lines(text))
    first, second, third, fourth = document.paragraphs
    assert first.quotations[0].continues
    assert not second.quotations[0].continues
    assert not third.quotations[0].continues  # the next paragraph does not re-open
    assert document.at(first.start) is first and document.at(first.start + 1) is None
    assert fourth.quotations == ()


def test_count_quotations_per_line() -> None:
    source = "«Боевики „Хайят Тахрир аш-Шам“ отброшены», — сказал он.\nОн ушёл.\n\n«Да»"
    assert count_quotations(source) == [2, 0, 1]


# Weighted towards quote marks, apostrophes, spaces, letters, line ends, BOM, combining marks, emoji.
QUOTEY = [*"“”‘’„«»‹›‚\"' sSaA,.(—", "\n", "\r\n", "\ufeff", "\u0301", "😀", "said", "’90s", "n’"]
TEXT = st.lists(st.one_of(st.sampled_from(QUOTEY), st.characters()), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_parse_invariants_on_arbitrary_text(text: str) -> None:
    document = parse_document(text, split_lines(text))
    for paragraph in document.paragraphs:
        offsets = [m.offset for m in paragraph.marks]
        assert offsets == sorted(offsets)
        for mark in paragraph.marks:
            assert paragraph.start <= mark.offset < paragraph.end
            assert text[mark.offset] == mark.char
        for quotation in paragraph.quotations:
            assert quotation.open.role is Role.OPENING
            if quotation.close is not None:
                assert quotation.close.role is Role.CLOSING
                assert quotation.open.offset < quotation.close.offset
            if quotation.parent is not None:
                parent = paragraph.quotations[quotation.parent]
                assert parent.start < quotation.start and parent.depth == quotation.depth - 1
        for mark in paragraph.stray:
            assert mark.role is Role.CLOSING
        paired = [m for q in paragraph.quotations for m in (q.open, q.close) if m is not None]
        assert len({m.offset for m in paired + list(paragraph.stray)}) == len(paired) + len(paragraph.stray)


def test_issue14_parse_stops_before_the_paragraph_past_the_mark_budget() -> None:
    text = "“One.”\n“Two” and “three”.\n“Four.”"
    spans = split_lines(text)
    whole = parse_document(text, spans, max_marks=8)
    assert whole.unread_from is None and len(whole.paragraphs) == 3
    cut = parse_document(text, spans, max_marks=5)
    assert cut.unread_from == spans[1][0]
    assert [p.start for p in cut.paragraphs] == [0]
    assert cut.at(spans[1][0]) is None and cut.at(spans[2][0]) is None


@settings(max_examples=80, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=30))
def test_issue14_parse_reads_whole_paragraphs_within_the_budget(text: str, budget: int) -> None:
    spans = split_lines(text)
    document = parse_document(text, spans, max_marks=budget)
    read = len(document.paragraphs)
    assert [(p.start, p.end) for p in document.paragraphs] == spans[:read]
    assert sum(len(p.marks) for p in document.paragraphs) <= budget
    if read < len(spans):
        assert document.unread_from == spans[read][0]
        assert sum(len(p.marks) for p in parse_document(text, spans[: read + 1]).paragraphs) > budget
    else:
        assert document.unread_from is None


def test_issue13_parse_inch_and_second_marks_inside_a_curly_quotation() -> None:
    text = "“A 12\" pipe at 40°26'46\"N burst,” he said."
    paragraph = parse_paragraph(text)
    assert _quoted(paragraph, text) == ["“A 12\" pipe at 40°26'46\"N burst,”"]
    assert [m.role for m in paragraph.marks if m.char == '"'] == [Role.AMBIGUOUS, Role.AMBIGUOUS]


def test_issue13_parse_straight_inch_mark_closes_a_straight_quotation() -> None:
    text = '"It was 15" he said.'
    [quotation] = parse_paragraph(text).quotations
    assert quotation.close is not None and quotation.close.offset == text.index('" he')


def test_issue13_parse_spaced_curly_singles_pair() -> None:
    text = "He called it ‘ a disaster ’ on Monday."
    [quotation] = parse_paragraph(text).quotations
    assert (quotation.open.space_after, quotation.close and quotation.close.space_before) == (1, 1)


def test_issue13_parse_german_single_marks_pair() -> None:
    text = "He called the plan ‚nonsense‘ and left."
    assert _quoted(parse_paragraph(text), text) == ["‚nonsense‘"]


def test_issue13_parse_opening_glyph_before_final_punctuation_closes() -> None:
    text = "“The attack was confirmed “."
    [quotation] = parse_paragraph(text).quotations
    assert quotation.close is not None and quotation.close.offset == text.rindex("“")


def test_issue13_parse_a_mark_that_quotes_nothing_does_not_continue() -> None:
    text = "The attack was confirmed “.\n“We will respond,” he said."
    first, _ = parse_document(text, split_lines(text)).paragraphs
    assert [q.continues for q in first.quotations] == [False]


@pytest.mark.parametrize(
    ("text", "english", "name"),
    [
        ("Партия «Родина — Национальный конгресс» провела съезд.", False, True),
        ("Депутаты от «Яблока — Объединённых демократов» выступили против.", False, True),
        ("The “Yabloko — United Democrats” party voted.", True, True),
        ("Он назвал это «провокацией — и только».", False, False),  # a dash before a small word
        ("Он ответил: «Россия — великая страна».", False, False),  # introduced by a colon
        ("The minister said “We — the People” was absurd.", True, False),
    ],
)
def test_issue10_a_dash_joining_the_parts_of_a_quoted_name(text: str, english: bool, name: bool) -> None:
    from audit.names.russian import has_verb

    quotations = parse_paragraph(text).quotations
    assert len(quotations) == 1
    assert is_name_quotation(text, quotations[0], english=english, has_verb=None if english else has_verb) is name


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("新型驱逐舰“南昌舰”完成训练。", 0),  # a ship's name
        ("“一带一路”倡议", 0),  # an initiative's name before its noun
        ("फिल्म 'जवान' को दिखाया गया।", 0),  # a film's name after `film`
        ("'स्वच्छ भारत' अभियान जारी है।", 0),  # a campaign's name before `campaign`
        ("'भाजपा' ने कहा कि वह लड़ेगी।", 0),  # a name as the subject of `said`
        ("发言人说：“我们坚决反对。”", 1),  # speech after a colon
        ("“我们不会让步”，他说。", 1),  # speech, then its attribution
        ("他批评了所谓“脱钩”。", 1),  # a scare quote after `so-called`
        ("这被称为“数字丝绸之路”。", 1),  # a term after `is called`
        ("मंत्री ने कहा, \"हम तैयार हैं।\"", 1),  # speech after `said`
        ("उन्होंने इसे 'ऐतिहासिक' बताया।", 1),  # a scare quote before `called`
        ("“内卷”一词走红网络。", 1),  # a word named as such
        ("小説『雪国』と映画が話題だ。", 0),  # a work's title in 『』, whatever follows it
        ("रैली में 'अबकी बार' नारा गूंजा।", 1),  # a slogan
        ("“这是一个非常重要而且影响深远的历史性决定”", 1),  # too long for a name
        ("फिल्म 'रामायण: भाग 1' ने रिकॉर्ड बनाया।", 0),  # a colon before a subtitle
        ("उन्होंने लिखा, 'सावधान: आगे खतरा'", 1),  # a colon in speech after `wrote`
    ],
)
def test_quoted_names_in_scripts_without_capitals(source: str, kept: int) -> None:
    [count] = count_kept_quotations(source, source_paragraphs(source), english=False)
    assert (count.total, count.kept) == (1, kept)


def test_a_quotation_nested_in_another_goes_with_it_on_both_sides() -> None:
    from audit.quoting import count_kept_quotations

    source = "外交部发言人说：“中方从来不接受所谓‘南海仲裁案’裁决。”"
    english = "“China has never accepted the so-called ‘South China Sea arbitration’ ruling,” the spokeswoman said."
    kept_source = count_kept_quotations(source, source_paragraphs(source), english=False)[0].kept
    kept_english = count_kept_quotations(english, source_paragraphs(english))[0].kept
    assert kept_source == kept_english == 1
    # speech that lost its marks counts one fewer
    bare = "China has never accepted the so-called South China Sea arbitration ruling, the spokeswoman said."
    assert count_kept_quotations(bare, source_paragraphs(bare))[0].kept == 0


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["", "s", "1", "\n", " "]))
def test_parse_paragraph_kept_per_process_is_the_parse_in_place(head: str, paragraph: str, before: str) -> None:
    """A paragraph's parse is kept per process and moved to where the paragraph stands: the
    same as parsing it there (the parser reads the one character before it)."""
    text = head + before + paragraph + head
    start = len(head + before)
    for _ in range(2):  # read, then from the cache
        assert parse_paragraph(text, start, start + len(paragraph)) == _ParagraphParser(
            text, start, start + len(paragraph)
        ).parse()
