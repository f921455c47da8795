"""Q1xx: quotation-mark boundaries.

Every rule here reports what `audit.quoting` found when it read the paragraph's marks; the
parse is made once per document (`ctx.memo`) and each mark is explained once, so the rules
do not contradict each other. Suggestions replace the finding's span and fix the spacing
around it; a nested quotation is suggested in the marks its depth calls for (‘…’ inside
“…”, “…” inside British ‘…’).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from audit.checks.base import Check, CheckContext, Option, register
from audit.quoting import (
    FOREIGN_MARKS,
    MAX_MARKS,
    DocumentQuotes,
    Family,
    Kind,
    ParagraphQuotes,
    Quotation,
    QuotationCount,
    QuoteMark,
    Role,
    Side,
    count_kept_quotations,
    parse_document,
    quotes_foreign_text,
    quotes_nothing,
    side_of,
    source_paragraphs,
)
from audit.segment import paragraph_spans
from audit.types import Finding, Segment, Severity

_INNER = {Family.DOUBLE: ("‘", "’"), Family.SINGLE: ("“", "”")}
# The marks of an outermost quotation, by the configured `quote-style`.
_TOP = {"either": ("“", "”"), "american": ("“", "”"), "british": ("‘", "’")}
# A nested quotation longer than this is reported at its opening mark, so that findings on
# deeply nested text stay linear in its length.
_LONG_NESTED = 600


def document_quotes(ctx: CheckContext) -> DocumentQuotes:
    """The quote parse of the whole document, shared by every Q rule."""
    return ctx.memo(
        ("quotes", "document"),
        lambda: parse_document(ctx.document.text, [(p.start, p.end) for p in ctx.paragraphs]),
    )


def paragraph_quotes(segment: Segment, ctx: CheckContext) -> ParagraphQuotes | None:
    return document_quotes(ctx).at(segment.start)


def _parent(paragraph: ParagraphQuotes, quotation: Quotation) -> Quotation | None:
    return paragraph.quotations[quotation.parent] if quotation.parent is not None else None


def _marks_for(paragraph: ParagraphQuotes, quotation: Quotation, ctx: CheckContext) -> tuple[str, str]:
    """The marks a quotation should have at its depth: outermost “…” (‘…’ in British style),
    and inside a quotation the other marks (‘…’ inside “…”, “…” inside ‘…’)."""
    parent = _parent(paragraph, quotation)
    return _TOP[ctx.config.quote_style] if parent is None else _INNER[parent.family]


def _requoted(text: str, paragraph: ParagraphQuotes, start: int, end: int, marks: tuple[str, str]) -> str:
    """The quotation text[start:end] re-marked, trimmed inside and spaced from the words outside."""
    inner = text[start + 1 : end - 1].strip()
    lead = (
        " " if start > paragraph.start and side_of(text[start - 1]) in (Side.WORD, Side.CLOSE_PUNCT, Side.OTHER) else ""
    )
    trail = " " if end < paragraph.end and side_of(text[end]) in (Side.WORD, Side.OPEN_PUNCT) else ""
    return f"{lead}{marks[0]}{inner}{marks[1]}{trail}"


def _wrong_closing(quotation: Quotation) -> bool:
    """An English quotation closed with an opening glyph (`border, “the general said`)."""
    close = quotation.close
    return close is not None and close.char == "“" and quotation.open.char in '“”"'


def _explained(paragraph: ParagraphQuotes) -> set[int]:
    """Offsets of marks another rule's finding (and suggestion) already covers."""
    offsets: set[int] = set()
    for quotation in paragraph.quotations:
        if quotation.kind is not Kind.NORMAL:
            offsets.add(quotation.open.offset)
            if quotation.close is not None:
                offsets.add(quotation.close.offset)
        elif quotation.close is not None and _wrong_closing(quotation):
            offsets.add(quotation.close.offset)
    return offsets


def _foreign_phrases(text: str, paragraph: ParagraphQuotes) -> set[int]:
    """Offsets of the marks of quoted foreign phrases, which keep their own typography."""
    offsets: set[int] = set()
    for quotation in paragraph.quotations:
        if quotation.close is not None and quotes_foreign_text(text, quotation):
            offsets.update((quotation.open.offset, quotation.close.offset))
    return offsets


def _spacing_candidates(text: str, paragraph: ParagraphQuotes) -> Iterator[QuoteMark]:
    """Quote marks whose spacing the spacing rules judge: guillemets too (English does not
    space them), except around a quoted foreign phrase (`« un théâtre »`)."""
    skipped = _explained(paragraph) | _foreign_phrases(text, paragraph)
    for mark in paragraph.quote_marks():
        if mark.offset not in skipped:
            yield mark


def _plural_after(text: str, mark: QuoteMark, end: int) -> bool:
    """`mind your “p”s and “q”s`: a plural `s` after a closing mark, not a glued word."""
    after = mark.end
    return (
        mark.role is Role.CLOSING
        and text[after : after + 1] == "s"
        and (after + 1 >= end or side_of(text[after + 1]) is not Side.WORD)
    )


@register
class UnbalancedQuote(Check):
    """Quotation mark never closed, or closing mark never opened, in this paragraph.

    A quotation that opens and never closes (or closes and never opened) leaves the reader
    unsure where the quoted words end, and wire copy that a machine translated breaks them
    often. A quotation that runs on into the next paragraph is left open at the paragraph's
    end and the next paragraph re-opens it with a mark, as news style does: that is correct.
    An opening mark with only punctuation after it (`was confirmed “.`) quotes nothing and
    continues nothing. No suggestion: where the missing mark belongs is for a person to decide.

    Bad: “We heard only lamentations about the need to preserve the agreements, the official said.
    Good: “We heard only lamentations about the need to preserve the agreements,” the official said.
    """

    code = "Q101"
    name = "quotes.unbalanced"
    severity = Severity.ERROR
    subjects = frozenset({"mark"})
    precedence = 60
    options: ClassVar[Mapping[str, Option]] = {
        "continuation": Option(
            True, "a quotation left open at a paragraph's end is fine when the next paragraph re-opens it"
        ),
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if document_quotes(ctx).unread_from == segment.start:
            yield self.finding(
                segment,
                segment.start,
                segment.start,
                f"the quote checks stop here: the document has more than {MAX_MARKS:,} quotation marks, "
                "more than prose has; the marks from here on are not checked",
            )
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        for quotation in paragraph.quotations:
            if quotation.close is not None or (quotation.continues and ctx.options.continuation):
                continue
            mark = quotation.open
            if quotation.ended_by is not None:
                message = "opening quotation mark is never closed: the enclosing quotation ends first"
            elif quotes_nothing(segment.doc.text, quotation, paragraph.end):
                message = "opening quotation mark with nothing after it to quote"
            else:
                message = "opening quotation mark is never closed in this paragraph"
            yield self.finding(segment, mark.offset, mark.end, message)
        for mark in paragraph.stray:
            yield self.finding(segment, mark.offset, mark.end, "closing quotation mark with no opening mark before it")


@register
class ReversedQuotes(Check):
    """Reversed quotation marks: a closing mark opens the quotation or an opening mark closes it.

    Machine translation turns the source's quotes around a phrase into a closing mark
    before it and an opening mark after it (`a” demilitarized zone “to`). Read literally the
    quotation ends and restarts in mid-phrase. The suggestion re-marks the phrase with the
    marks its depth calls for (‘…’ inside a quotation) and fixes the spaces around it.

    Bad: the creation of a” demilitarized zone “to a depth of 15-20 km
    Good: the creation of a “demilitarized zone” to a depth of 15-20 km
    """

    code = "Q102"
    name = "quotes.reversed"
    severity = Severity.ERROR
    subjects = frozenset({"mark"})
    precedence = 85
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        text = segment.doc.text
        for quotation in paragraph.quotations:
            close = quotation.close
            if quotation.kind is Kind.REVERSED and close is not None:
                marks = _marks_for(paragraph, quotation, ctx)
                yield self.finding(
                    segment,
                    quotation.start,
                    close.end,
                    "reversed quotation marks around this phrase",
                    suggestion=_requoted(text, paragraph, quotation.start, close.end, marks),
                )
            elif quotation.kind is Kind.NORMAL and quotation.open.char == "”":
                yield self.finding(
                    segment,
                    quotation.start,
                    quotation.open.end,
                    "closing quotation mark used to open a quotation",
                    suggestion="“",
                )


@register
class SpaceInsideQuote(Check):
    """Space between a quotation mark and the words it quotes.

    An opening mark followed by a space (`“ preserve`) or a closing mark preceded by one
    (`costs ”`) is the mark of a careless or machine edit; in English the marks hug the
    quoted words, single (`‘ a disaster ’`) and double alike, and guillemets left from
    French copy (`« Tahrir »`, Q110's too) are not spaced either. The suggestion removes
    the space.

    Bad: the need to “ preserve the Sochi agreements at all costs ”, no one notices
    Good: the need to “preserve the Sochi agreements at all costs”, no one notices
    """

    code = "Q103"
    name = "quotes.space-inside"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 30
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        for mark in _spacing_candidates(segment.doc.text, paragraph):
            if not mark.space_inside:
                continue
            if mark.role is Role.OPENING:
                start, end, message = mark.offset, mark.end + mark.space_after, "space after the opening quotation mark"
            else:
                start, end, message = (
                    mark.offset - mark.space_before,
                    mark.end,
                    "space before the closing quotation mark",
                )
            yield self.finding(segment, start, end, message, suggestion=mark.char)


@register
class GluedQuote(Check):
    """Quotation mark glued to the word outside the quotation.

    An opening mark stuck to the word before it (`need to“ preserve`) or a closing mark
    stuck to the word after it (`”the official`) hides where the quotation starts or ends;
    machine translation often moves the space to the wrong side of the mark. The suggestion
    adds the space outside the mark; a space left inside is Q103's. A plural `s` after a
    quoted letter (`mind your “p”s and “q”s`) is not a glued word.

    Bad: the need to“preserve the agreements,”the official said
    Good: the need to “preserve the agreements,” the official said
    """

    code = "Q104"
    name = "quotes.glued-outside"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 40
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        text = segment.doc.text
        for mark in _spacing_candidates(text, paragraph):
            if not mark.glued_outside or _plural_after(text, mark, paragraph.end):
                continue
            if mark.role is Role.OPENING:
                message, suggestion = "opening quotation mark glued to the word before it", " " + mark.char
            else:
                message, suggestion = "closing quotation mark glued to the word after it", mark.char + " "
            yield self.finding(segment, mark.offset, mark.end, message, suggestion=suggestion)


@register
class WrongClosingQuote(Check):
    """Quotation ends with an opening mark.

    The mark that ends a quotation is an opening mark, usually with the space on the wrong
    side (`to the Turkish border, “the general said.`): the quotation reads as never closed
    and a new one as starting before the attribution. The suggestion puts a closing mark
    against the quoted words and a space after it.

    Bad: “All the militants were pushed to the north, to the Turkish border, “the general said.
    Good: “All the militants were pushed to the north, to the Turkish border,” the general said.
    """

    code = "Q105"
    name = "quotes.wrong-closing"
    severity = Severity.ERROR
    subjects = frozenset({"mark"})
    precedence = 75
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        for quotation in paragraph.quotations:
            close = quotation.close
            if quotation.kind is not Kind.NORMAL or close is None or not _wrong_closing(quotation):
                continue
            space = " " if close.right in (Side.WORD, Side.OPEN_PUNCT) else ""
            yield self.finding(
                segment,
                close.offset - close.space_before,
                close.end,
                "opening quotation mark used to close the quotation",
                suggestion="”" + space,
            )


@register
class InvertedInnerQuote(Check):
    """Name inside a quotation set off by a close and a re-open of the quotation.

    The source quoted a name or title inside a quotation; machine translation rendered
    those inner quotes as the outer quotation's marks turned round, so the quotation seems
    to stop before the name and restart after it (`them,” Khayyat Tahrir Al-Sham “(a`).
    The suggestion keeps the outer quotation going and puts the name in the inner marks
    (‘…’ inside “…”, “…” inside ‘…’), spaced as the sentence needs.

    Bad: “… the terrorists who attacked them,” Khayyat Tahrir Al-Sham “(a banned group) were pushed back,” he said.
    Good: “… the terrorists who attacked them, ‘Khayyat Tahrir Al-Sham’ (a banned group) were pushed back,” he said.
    """

    code = "Q106"
    name = "quotes.inverted-inner"
    severity = Severity.ERROR
    subjects = frozenset({"mark", "name"})
    precedence = 90
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        text = segment.doc.text
        for quotation in paragraph.quotations:
            close = quotation.close
            if quotation.kind is not Kind.EMBEDDED or close is None:
                continue
            marks = _marks_for(paragraph, quotation, ctx)
            name = text[quotation.start + 1 : close.offset].strip()
            yield self.finding(
                segment,
                quotation.start,
                close.end,
                f"the quotation's marks are turned round the name {name!r}: quote it inside the quotation",
                suggestion=_requoted(text, paragraph, quotation.start, close.end, marks),
            )


@register
class NestedSameQuotes(Check):
    """Quotation nested inside another that uses the same marks.

    A quotation inside a quotation takes the other marks (‘…’ inside “…”, “…” inside ‘…’);
    with the same marks the reader cannot tell where the inner one ends and the outer one
    goes on. Below error: the text is readable, only the nesting is unclear. The suggestion
    re-marks the inner quotation (one longer than a few lines is reported at its opening mark).

    Bad: “Western capitals came down with allegations of “war crimes” in Idlib,” he said.
    Good: “Western capitals came down with allegations of ‘war crimes’ in Idlib,” he said.
    """

    code = "Q107"
    name = "quotes.nested-same"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 70
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        text = segment.doc.text
        for quotation in paragraph.quotations:
            parent = _parent(paragraph, quotation)
            close = quotation.close
            if quotation.kind is not Kind.NORMAL or close is None or parent is None:
                continue
            if parent.open.style != quotation.open.style or _wrong_closing(quotation) or quotation.open.char == "”":
                continue
            message = "quotation nested inside a quotation with the same marks"
            if close.end - quotation.start > _LONG_NESTED:
                yield self.finding(
                    segment, quotation.start, quotation.open.end, message + " (it is long: reported here)"
                )
                continue
            suggestion = None
            if quotation.open.style.startswith("english"):
                marks = _INNER[quotation.family]
                if quotation.open.straight and close.straight:
                    marks = ("'", "'") if quotation.family is Family.DOUBLE else ('"', '"')
                suggestion = _requoted(text, paragraph, quotation.start, close.end, marks)
            yield self.finding(segment, quotation.start, close.end, message, suggestion=suggestion)


@register
class MixedQuoteStyles(Check):
    """Straight and curly double quotes mixed in one document.

    A document should quote one way; a mix of "straight" and “curly” double quotes is
    the trace of text pasted from several sources or tools. The marks of the style used
    less often are reported, each with the mark of the other style in its role; on a tie
    the straight marks are reported.

    Bad: “We are ready,” he said. "The talks go on," she said.
    Good: “We are ready,” he said. “The talks go on,” she said.
    """

    code = "Q108"
    name = "quotes.mixed-styles"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 20
    once_per_document = True
    scope = "document"
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        straight: list[QuoteMark] = []
        curly: list[QuoteMark] = []
        for paragraph in document_quotes(ctx).paragraphs:
            for mark in paragraph.quote_marks():
                if mark.char == '"':
                    straight.append(mark)
                elif mark.char in "“”":
                    curly.append(mark)
        if not straight or not curly:
            return
        if len(straight) <= len(curly):
            for mark in straight:
                glyph = "“" if mark.role is Role.OPENING else "”"
                yield self.finding(
                    segment, mark.offset, mark.end, "straight quote in a document of curly quotes", suggestion=glyph
                )
        else:
            for mark in curly:
                yield self.finding(
                    segment, mark.offset, mark.end, "curly quote in a document of straight quotes", suggestion='"'
                )


def _russian_verb(text: str) -> bool:
    """Whether a Russian phrase holds a verb or a personal pronoun (`Мы победим`): speech, not a name."""
    from audit.names.russian import has_verb

    return has_verb(text)


@register
class QuoteCountMismatch(Check):
    """Number of quotations differs from the source.

    Each quotation of the source that English also keeps — reported speech, and scare quotes
    around common words — should come through as one quotation of the translation; a
    different count means quotes were lost, added or broken apart. Quotation marks around a
    proper name (`«Спартак»`, `«Газпром»`, `"Война и мир"`, ships, operations, parties,
    media) are not counted on either side, since English writes those names bare: a
    quotation is a name when it is short (a Russian title right after the kind of work it
    names, up to twelve words: `оперой «Сказание о невидимом граде Китеже и деве
    Февронии»`, its subtitle after a full stop or colon too: `спектакль «Маскарад. Воспоминания
    будущего»`), opens with a capital, holds no sentence
    punctuation (a dash joining two capitalised parts of one name aside: `«Справедливая
    Россия — За правду»`) or (in Russian) verb, and is not attributed (`», — сказал он`). A
    difference counts only when all quotations, names included, differ the same way (else
    every quotation has its counterpart). Quotations are counted from their marks, two to a
    quotation and a lone mark as one, so a mark that pairs otherwise on one side (a misplaced
    straight quote, a quotation closed in the next sentence) changes nothing. Russian « », „ “
    and straight quotes are read alike, and Chinese and Japanese 「」, 『』 and 《》 (the titles
    in 『』 and 《》 are names; a 「」 is a name when it holds katakana alone, `「サイエンス」`,
    or when it ends no sentence and no quotative `と` follows it, `「チャレンジ賞」には`;
    speech and scare quotes are followed by one: `「群島」と呼ばれる`). In scripts without
    capitals (Chinese, Japanese, Devanagari) a quotation in other marks is a name when it is
    short (eight characters, four words), holds no clause punctuation (`，`, `。`, `।`), and
    no verb of saying or calling, colon or `word`/`slogan` stands before or after it
    (`品牌“仰望”`, `“福建舰”`, `फिल्म "धुरंधर"`, `'मन की बात' कार्यक्रम` are names; `说：“…”`,
    `所谓“…”`, `'ऐतिहासिक' बताया`, `", उन्होंने कहा` are kept). A quotation nested in another goes
    with the speech it is in, on both sides (a name the source quotes inside speech, `所谓‘南海仲裁案’`,
    may be a phrase English quotes there). Paragraphs are compared one by one when
    source and translation have the same number of them, else the document as a whole (a
    finding at its start).

    Bad: Ankara’s legal right to defense, he said. (source: «законное право Анкары на оборону», — сказал он.)
    Good: “Ankara’s legal right to defense,” he said. (source: «законное право Анкары на оборону», — сказал он.)
    """

    code = "Q109"
    name = "quotes.count-mismatch"
    severity = Severity.WARNING
    scope = "document"
    requires = frozenset({"source"})
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(0, "report only differences larger than this many quotations")
    }

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        source = ctx.document.source or ""
        source_counts = count_kept_quotations(
            source,
            source_paragraphs(source, paragraph_spans(source, ctx.config.paragraphs)),
            english=False,
            has_verb=_russian_verb,
        )
        target = document_quotes(ctx).paragraphs
        target_counts = count_kept_quotations(ctx.document.text, target)
        tolerance = int(ctx.options.tolerance)
        if len(source_counts) == len(target):
            for paragraph, found, expected in zip(target, target_counts, source_counts, strict=True):
                if _differ(found, expected, tolerance):
                    yield self.finding(
                        segment,
                        paragraph.start,
                        paragraph.end,
                        f"{found.kept} quotation(s) in this paragraph, {expected.kept} in the source paragraph "
                        "(quoted names not counted)",
                        evidence=f"source: {expected.kept}, translation: {found.kept}",
                    )
            return
        found = QuotationCount(sum(c.total for c in target_counts), sum(c.kept for c in target_counts))
        expected = QuotationCount(sum(c.total for c in source_counts), sum(c.kept for c in source_counts))
        if _differ(found, expected, tolerance):
            at = target[0].start if target else 0
            yield self.finding(
                segment,
                at,
                at,
                f"{found.kept} quotation(s) in the translation, {expected.kept} in the source (quoted names not counted)",
                evidence=f"source: {expected.kept}, translation: {found.kept}",
            )


@register
class ForeignQuoteMarks(Check):
    """Quotation marks of another language in English copy.

    German and Polish low-high marks („…“, ‚…‘), French and Russian guillemets («…», spaced
    or not, ‹…›) and the German reversed ones (»…«) come through from the source when a
    machine translation keeps its punctuation. English copy quotes with “…” (‘…’ inside);
    the suggestion re-marks the quotation at its depth and drops French inner spaces. A
    quoted phrase in that language (`„Wir schaffen das“`, `« un théâtre »`) may keep its marks.

    Bad: The group « Tahrir » claimed responsibility, calling the raid „a success“.
    Good: The group “Tahrir” claimed responsibility, calling the raid “a success”.
    """

    code = "Q110"
    name = "quotes.foreign-marks"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 80
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        paragraph = paragraph_quotes(segment, ctx)
        if paragraph is None:
            return
        text = segment.doc.text
        covered = _foreign_phrases(text, paragraph)
        for quotation in paragraph.quotations:
            close = quotation.close
            if close is None or close.offset in covered or not {quotation.open.char, close.char} & set(FOREIGN_MARKS):
                continue
            covered.update((quotation.open.offset, close.offset))
            marks = _marks_for(paragraph, quotation, ctx)
            yield self.finding(
                segment,
                quotation.start,
                close.end,
                f"{quotation.open.char}…{close.char} quotation marks in English copy: quote with {marks[0]}…{marks[1]}",
                suggestion=_requoted(text, paragraph, quotation.start, close.end, marks),
            )
        for mark in paragraph.quote_marks():
            if mark.char in FOREIGN_MARKS and mark.offset not in covered:
                marks = _INNER[Family.DOUBLE] if mark.family is Family.SINGLE else _TOP["american"]
                glyph = marks[0] if mark.role is Role.OPENING else marks[1]
                yield self.finding(
                    segment, mark.offset, mark.end, f"{mark.char} quotation mark in English copy", suggestion=glyph
                )


@register
class NestingStyle(Check):
    """Outermost quotation in the marks the house style keeps for quotations inside quotations.

    With `quote-style = "american"` quotations take “…” and quotations inside them ‘…’; with
    "british" the other way round (‘…’, then “…”). An outermost quotation in the other marks
    breaks the house style, and its inner quotations then nest the wrong way too. Runs only
    when a style is chosen (the default, "either", accepts both); the suggestion re-marks the
    quotation (straight marks stay straight).

    Bad: ‘We will not stop,’ he said. (quote-style = "american")
    Good: “We will not stop,” he said. (quote-style = "american")
    """

    code = "Q111"
    name = "quotes.nesting-style"
    severity = Severity.WARNING
    subjects = frozenset({"mark"})
    precedence = 45
    fixable = True

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        style = ctx.config.quote_style
        paragraph = paragraph_quotes(segment, ctx) if style != "either" else None
        if paragraph is None:
            return
        wrong = Family.SINGLE if style == "american" else Family.DOUBLE
        text = segment.doc.text
        for quotation in paragraph.quotations:
            close = quotation.close
            if quotation.parent is not None or quotation.kind is not Kind.NORMAL or close is None:
                continue
            if quotation.family is not wrong or not quotation.open.style.startswith("english") or _wrong_closing(quotation):
                continue
            marks = _TOP[style]
            if quotation.open.straight and close.straight:
                marks = ('"', '"') if wrong is Family.SINGLE else ("'", "'")
            yield self.finding(
                segment,
                quotation.start,
                close.end,
                f"{quotation.open.char}…{close.char} outermost: the {style} style quotes with {marks[0]}…{marks[1]}",
                suggestion=_requoted(text, paragraph, quotation.start, close.end, marks),
            )


def _differ(found: QuotationCount, expected: QuotationCount, tolerance: int) -> bool:
    """Kept quotations differ, and so do all quotations, the same way.

    When every source quotation has a quotation in the translation, a difference in which
    of them read as names (`„Lernen“` / `'learning'`) is not a lost or added quotation.
    """
    kept, total = found.kept - expected.kept, found.total - expected.total
    return abs(kept) > tolerance and abs(total) > tolerance and (kept > 0) == (total > 0)
