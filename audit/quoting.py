"""The quotation marks of a paragraph: where each one is, what it does, and what it pairs with.

Machine-translated wire copy breaks quotes in a few characteristic ways: the source's inner
quotes come out as a close and a re-open of the outer quotation, marks come out reversed,
padded with a space on the inside or glued to the word outside, and a quotation ends with an
opening mark. A generic bracket matcher reads those as nonsense; this parser reads a paragraph
the way an editor does and *explains* each mark, so the Q1xx rules only report what it found.

Every mark gets a role (opening, closing, apostrophe, ambiguous) from its glyph, the characters
on either side of it and what is open at that point; every quotation records its marks and how
it was read (normal, reversed, an embedded name). Single-quote glyphs double as apostrophes
(`Ankara’s`, `rock ’n’ roll`, `the ’90s`, `the workers’ union`), so they are read cautiously:
only marks that can only be quotes take part in pairing.

Offsets are absolute offsets into the document text; nothing here rewrites it. The parse is
linear in the paragraph's length (each look-ahead reads a bounded window), and reads at most
MAX_MARKS marks of a document.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple


class Family(str, enum.Enum):
    DOUBLE = "double"
    SINGLE = "single"


class Role(str, enum.Enum):
    OPENING = "opening"
    CLOSING = "closing"
    APOSTROPHE = "apostrophe"
    # Not read as a quote or an apostrophe (a spaced straight quote, an inch mark).
    AMBIGUOUS = "ambiguous"


class Side(enum.Enum):
    """What is next to a mark, on one side."""

    SPACE = "space"  # whitespace or the paragraph's edge
    WORD = "word"  # a letter, digit or combining mark
    OPEN_PUNCT = "open-punct"  # ( [ { and # @ (`#“freedom”`)
    CLOSE_PUNCT = "close-punct"  # . , ; : ! ? ) ] }
    DASH = "dash"
    QUOTE = "quote"  # another quotation mark
    OTHER = "other"  # symbols, ellipsis, emoji


class Kind(str, enum.Enum):
    """How a quotation's marks were read."""

    NORMAL = "normal"
    # A closing-glyph mark opens it or an opening-glyph mark closes it (`a” zone “to`).
    REVERSED = "reversed"
    # A name inside a quotation set off by a close and a re-open of the outer quotation
    # (`them,” Khayyat Tahrir Al-Sham “(a`): the source's inner quotes.
    EMBEDDED = "embedded"


DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛‹›"
MARKS = DOUBLE_MARKS + SINGLE_MARKS
MARK_PATTERN = re.compile("[" + re.escape(MARKS) + "]")

# What the glyph alone says in English typography; straight marks say nothing.
GLYPH_ROLE: dict[str, Role] = {
    "“": Role.OPENING,
    "„": Role.OPENING,
    "‟": Role.OPENING,
    "«": Role.OPENING,
    "‘": Role.OPENING,
    "‚": Role.OPENING,
    "‛": Role.OPENING,
    "‹": Role.OPENING,
    "”": Role.CLOSING,
    "»": Role.CLOSING,
    "’": Role.CLOSING,
    "›": Role.CLOSING,
}

# Quotation styles: a quotation nested in one of the same style uses "the same marks".
STYLE = {
    "“": "english",
    "”": "english",
    '"': "english",
    "‟": "english",
    "‘": "english-single",
    "’": "english-single",
    "'": "english-single",
    "‛": "english-single",
    "„": "low",
    "‚": "low-single",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "guillemet-single",
    "›": "guillemet-single",
}
GUILLEMETS = "«»‹›"
# Marks English copy does not use: German/Polish low marks and every guillemet.
FOREIGN_MARKS = "„‚" + GUILLEMETS

_OPEN_PUNCT = frozenset("([{#@")
_CLOSE_PUNCT = frozenset(".,;:!?)]}")
_DASHES = frozenset("-‐‑‒–—―/")
_MARK_SET = frozenset(MARKS)

# After a leading apostrophe: elisions and clipped years, never the start of a quotation.
_ELISION = re.compile(
    r"(?:\d\ds?\b|n['’‘](?![^\W\d_])|[ns]\b|(?:tis|twas|twere|twill|em|cause|cos|coz|cuz|til|till|bout|round|nuff|kay|neath|gainst|phone|cello|copter|gator|burbs|ndrangheta)\b)",
    re.IGNORECASE,
)
# An Arabic ʿayn or hamza written as an apostrophe after an article or particle and its
# hyphen (`Jaysh al-'Adl`, `al-‘Ula`, `Abd al-'Aziz`) or after a name word (`ibn 'Abd`,
# `Bani 'Amir`): part of the name, never a quote.
_AYN_AFTER_PARTICLE = re.compile(
    r"(?<![^\W\d_])(?:(?:al|el|ul|il|ad|adh|an|ar|as|ash|at|ath|az|bin|ibn|abu|umm|bani|beni)-"
    r"|(?:bin|bint|ibn|abu|umm|bani|beni) )$",
    re.IGNORECASE,
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# A compass letter after a second mark: `40°26'46"N`.
_COMPASS = re.compile(r"[NSEW](?![^\W_])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LAST_WORD = re.compile(r"([^\W_]+(?:[-'’][^\W_]+)*)$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")

SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes", "explained", "explains", "asked", "asks", "replied", "replies", "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "declared", "declares", "announced", "announces", "continued", "continues", "wrote", "writes", "warned", "warns", "insisted", "insists", "concluded", "recalled", "argued", "argues", "claimed", "claims", "commented", "remarked", "answered", "according", "acknowledged", "admitted", "suggested", "urged", "quoted", "shouted", "whispered", "cried", "began", "reported", "reports", "pointed", "underlined", "underscored", "assured", "observed", "went"]
)
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "about", "as", "against", "over", "under", "between", "among", "than", "like", "via", "toward", "towards", "through", "during", "after", "before", "without", "within", "upon", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "some", "any", "no", "every", "each", "such", "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "being", "called", "dubbed", "termed", "named", "so-called"]
)
# Lower-case particles inside names (Khoras ad-Din, Abu Bakr al-Baghdadi, van der Berg).
_NAME_PARTICLES = frozenset(
    ["al", "ad", "ash", "as", "at", "el", "ul", "bin", "ibn", "abu", "de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von", "of", "the", "and", "for", "y", "e"]
)
# A capitalised word (Al-Sham, O’Brien, J.), or a particle joined to one (al-Nusra, ad-Din).
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w’'.-]*|[a-z]{1,4}-[^\W\d_][\w’'-]*)$")

_WINDOW = 240  # how far a look-ahead or look-behind reads
# A document's parse reads at most this many marks (a novel has some 20,000). Every mark
# read is held until the document's quote rules are done, some 300 bytes each, so hostile
# text (a megabyte of `"`) would otherwise take memory in proportion to its size.
MAX_MARKS = 100_000


@lru_cache(maxsize=4096)
def side_of(char: str | None) -> Side:
    """Classify the character beside a mark (None: the paragraph's edge)."""
    if char is None or char.isspace() or char == "\ufeff":
        return Side.SPACE
    if char in _MARK_SET:
        return Side.QUOTE
    if char in _OPEN_PUNCT:
        return Side.OPEN_PUNCT
    if char in _CLOSE_PUNCT:
        return Side.CLOSE_PUNCT
    if char in _DASHES:
        return Side.DASH
    if unicodedata.category(char)[0] in "LNM":
        return Side.WORD
    return Side.OTHER


_OPENER_LEFT = frozenset({Side.SPACE, Side.OPEN_PUNCT, Side.DASH, Side.QUOTE})
_CONTENT = frozenset({Side.WORD, Side.OPEN_PUNCT, Side.QUOTE, Side.OTHER, Side.DASH})
_CLOSER_RIGHT = frozenset({Side.SPACE, Side.CLOSE_PUNCT, Side.DASH, Side.QUOTE})
_GLUED = frozenset({Side.WORD, Side.CLOSE_PUNCT, Side.OTHER})


class QuoteMark(NamedTuple):
    """One quotation mark or apostrophe: absolute offset, glyph, role and surroundings.

    Marks and quotations are immutable tuples rather than frozen dataclasses: the parser
    builds one per mark, and a tuple costs a quarter as much to build.
    """

    offset: int
    char: str
    family: Family
    role: Role
    left: Side
    right: Side
    # Whitespace directly before / after the mark, inside the paragraph.
    space_before: int
    space_after: int

    @property
    def end(self) -> int:
        return self.offset + 1

    @property
    def glyph(self) -> Role | None:
        return GLYPH_ROLE.get(self.char)

    @property
    def straight(self) -> bool:
        return self.char in "\"'"

    @property
    def style(self) -> str:
        return STYLE[self.char]

    @property
    def opener_like(self) -> bool:
        """Placed like an opening mark: space (or a bracket) before, the quoted text after."""
        return self.left in _OPENER_LEFT and self.right in _CONTENT

    @property
    def closer_like(self) -> bool:
        """Placed like a closing mark: the quoted text before, space or punctuation after."""
        return self.left is not Side.SPACE and self.right in _CLOSER_RIGHT

    @property
    def space_inside(self) -> bool:
        """A space between the mark and the text it quotes."""
        if self.role is Role.OPENING:
            return self.right is Side.SPACE and self.space_after > 0
        if self.role is Role.CLOSING:
            return self.left is Side.SPACE and self.space_before > 0
        return False

    @property
    def glued_outside(self) -> bool:
        """No space between the mark and the word outside the quotation."""
        if self.role is Role.OPENING:
            return self.left in _GLUED
        if self.role is Role.CLOSING:
            return self.right is Side.WORD
        return False


class Quotation(NamedTuple):
    """A quoted span: its opening mark and, when found, its closing mark."""

    open: QuoteMark
    close: QuoteMark | None
    kind: Kind
    # 1 for an outermost quotation.
    depth: int
    # Index of the enclosing quotation in `ParagraphQuotes.quotations`.
    parent: int | None
    # Unclosed because an enclosing quotation closed here (the offset of that closing mark).
    ended_by: int | None = None
    # Open at the paragraph's end and re-opened by the next paragraph, as news style does.
    continues: bool = False

    @property
    def family(self) -> Family:
        return self.open.family

    @property
    def start(self) -> int:
        return self.open.offset

    @property
    def end(self) -> int:
        """End of the quotation, closing mark included (the opening mark's end when unclosed)."""
        return (self.close or self.open).end


@dataclass(frozen=True, slots=True)
class ParagraphQuotes:
    start: int
    end: int
    marks: tuple[QuoteMark, ...]
    quotations: tuple[Quotation, ...]
    # Closing marks that close nothing.
    stray: tuple[QuoteMark, ...]

    def quote_marks(self) -> Iterable[QuoteMark]:
        return (m for m in self.marks if m.role in (Role.OPENING, Role.CLOSING))

    def count(self) -> int:
        """How many quotations a reader sees: paired, unclosed, and stray closing marks."""
        return len(self.quotations) + len(self.stray)


@dataclass(frozen=True, slots=True)
class DocumentQuotes:
    paragraphs: tuple[ParagraphQuotes, ...]
    # Where the parse stopped short of MAX_MARKS (the start of the first paragraph not read).
    unread_from: int | None = None
    _by_start: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_start.update((p.start, index) for index, p in enumerate(self.paragraphs))

    def at(self, start: int) -> ParagraphQuotes | None:
        """The parse of the paragraph that starts at `start`."""
        index = self._by_start.get(start)
        return None if index is None else self.paragraphs[index]

    def count(self) -> int:
        return sum(p.count() for p in self.paragraphs)


class _Builder:
    """A quotation while the parser still holds it open."""

    __slots__ = ("close", "depth", "ended_by", "kind", "open", "parent")

    def __init__(self, open_index: int, kind: Kind, depth: int, parent: int | None) -> None:
        self.open = open_index
        self.close: int | None = None
        self.kind = kind
        self.depth = depth
        self.parent = parent
        self.ended_by: int | None = None


class _ParagraphParser:
    """One left-to-right pass over the marks of a paragraph, with bounded look-ahead."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.offsets = [match.start() for match in MARK_PATTERN.finditer(text, start, end)]
        self.chars = [text[at] for at in self.offsets]
        self.lefts = [side_of(text[at - 1]) if at > start else Side.SPACE for at in self.offsets]
        self.rights = [side_of(text[at + 1]) if at + 1 < end else Side.SPACE for at in self.offsets]
        self.roles = [Role.AMBIGUOUS] * len(self.offsets)
        self.families = [Family.DOUBLE if c in DOUBLE_MARKS else Family.SINGLE for c in self.chars]
        self.quotations: list[_Builder] = []
        self.stack: list[int] = []  # indices into self.quotations
        self.open_count = {Family.DOUBLE: 0, Family.SINGLE: 0}
        self.stray: list[int] = []
        # Per mark: what the single-quote pre-pass made of it ("open", "close", or a final role).
        self.single: dict[int, str] = {}

    # -- small helpers over mark i ------------------------------------------------------

    def _opener_like(self, i: int) -> bool:
        return self.lefts[i] in _OPENER_LEFT and self.rights[i] in _CONTENT

    def _closer_like(self, i: int) -> bool:
        return self.lefts[i] is not Side.SPACE and self.rights[i] in _CLOSER_RIGHT

    def _open_in_closing_place(self, i: int) -> bool:
        """An opening glyph glued to the word before it, spaced from the text after (`to“ pre`)."""
        return self.lefts[i] in _GLUED and self.rights[i] in (Side.SPACE, Side.CLOSE_PUNCT)

    def _close_in_opening_place(self, i: int) -> bool:
        """A closing glyph spaced from the text before it, glued to the word after (`, ”the`)."""
        return self.lefts[i] in (Side.SPACE, Side.OPEN_PUNCT, Side.DASH) and self.rights[i] in (
            Side.WORD,
            Side.OPEN_PUNCT,
            Side.OTHER,
        )

    # -- the pass -----------------------------------------------------------------------

    def parse(self) -> ParagraphQuotes:
        self._read_singles()
        candidates = [
            i
            for i in range(len(self.offsets))
            if self.families[i] is Family.DOUBLE or self.single[i] in ("open", "close")
        ]
        self._index_following(candidates)
        position = 0
        while position < len(candidates):
            i = candidates[position]
            if self.families[i] is Family.DOUBLE:
                position += self._double(i)
            else:
                self._single_quote(i)
                position += 1
        return self._freeze()

    def _index_following(self, candidates: Sequence[int]) -> None:
        """For each candidate, the next later double mark, candidate, single mark and closing single mark."""
        self.next_double: dict[int, int | None] = {}
        self.next_any: dict[int, int | None] = {}
        self.next_single_close: dict[int, int | None] = {}
        self.next_single: dict[int, int | None] = {}
        double: int | None = None
        any_mark: int | None = None
        single_close: int | None = None
        single: int | None = None
        for i in reversed(candidates):
            self.next_double[i] = double
            self.next_any[i] = any_mark
            self.next_single_close[i] = single_close
            self.next_single[i] = single
            any_mark = i
            if self.families[i] is Family.DOUBLE:
                double = i
            else:
                single = i
                if self.single[i] == "close":
                    single_close = i

    def _read_singles(self) -> None:
        """Apostrophes first: what is left of the single marks may be quotes."""
        forced: set[int] = set()
        text = self.text
        for i, char in enumerate(self.chars):
            if char in DOUBLE_MARKS:
                continue
            left, right = self.lefts[i], self.rights[i]
            at = self.offsets[i]
            kind: str
            if i in forced:
                kind = "apostrophe"
            elif left in (Side.WORD, Side.CLOSE_PUNCT, Side.QUOTE) and right is Side.WORD:
                kind = "apostrophe"  # Ankara’s, don't, O’Brien, ”’s
            elif char in "'’‘" and left in _OPENER_LEFT and (elision := _ELISION.match(text, at + 1, self.end)):
                kind = "apostrophe"  # ’90s, 'tis, ’n’
                if elision.group().lower().startswith("n") and len(elision.group()) == 2:
                    forced.add(i + 1)
            elif left in (Side.DASH, Side.SPACE) and right is Side.WORD and _AYN_AFTER_PARTICLE.search(text, max(self.start, at - 6), at):
                kind = "apostrophe"  # al-'Adl, ibn 'Abd
            elif char in "‚‛":
                kind = "open" if right is not Side.SPACE else "ambiguous"
            elif char == "‹":
                kind = "open"
            elif char == "›":
                kind = "close"
            elif char == "‘":
                if self._opener_like(i) or (left in _OPENER_LEFT and right is Side.SPACE):
                    kind = "open"  # `‘word`, or spaced from it: `‘ a disaster`
                elif self._closer_like(i):
                    kind = "close"  # German `‚nonsense‘`
                else:
                    kind = "ambiguous"
            elif char == "’":
                kind = "close" if self._closer_like(i) or (left is Side.SPACE and right in _CLOSER_RIGHT) else "ambiguous"
            elif self._opener_like(i):
                kind = "open"
            elif self._closer_like(i):
                kind = "close"
            else:
                kind = "ambiguous"
            self.single[i] = kind
            if kind == "apostrophe":
                self.roles[i] = Role.APOSTROPHE

    # -- stack operations ---------------------------------------------------------------

    def _top_char(self, family: Family) -> str | None:
        if self.stack:
            quotation = self.quotations[self.stack[-1]]
            if self.families[quotation.open] is family:
                return self.chars[quotation.open]
        return None

    def _has_open(self, family: Family) -> bool:
        return self.open_count[family] > 0

    def _push(self, i: int, kind: Kind = Kind.NORMAL) -> None:
        self.roles[i] = Role.OPENING
        parent = self.stack[-1] if self.stack else None
        self.quotations.append(_Builder(i, kind, len(self.stack) + 1, parent))
        self.stack.append(len(self.quotations) - 1)
        self.open_count[self.families[i]] += 1

    def _pop(self) -> _Builder:
        quotation = self.quotations[self.stack.pop()]
        self.open_count[self.families[quotation.open]] -= 1
        return quotation

    def _pair(self, i: int, j: int, kind: Kind) -> None:
        """Marks i and j form a quotation inside whatever is open (reversed or embedded)."""
        self._push(i, kind)
        self._close_top(j)

    def _close_top(self, j: int) -> None:
        self.roles[j] = Role.CLOSING
        self._pop().close = j

    def _close(self, j: int, family: Family) -> None:
        """Close the innermost open quotation of `family` (the outermost one when an
        attribution follows and several are open: `…opposition,” Konashenkov said`)."""
        count = self.open_count[family]
        if count == 0:
            if family is Family.DOUBLE:
                self.roles[j] = Role.CLOSING
                self.stray.append(j)
            else:
                self.roles[j] = Role.APOSTROPHE if self.chars[j] in "’'" else Role.AMBIGUOUS
            return
        outermost = count > 1 and self._attribution_after(j)
        positions = range(len(self.stack)) if outermost else range(len(self.stack) - 1, -1, -1)
        target = next(p for p in positions if self.families[self.quotations[self.stack[p]].open] is family)
        while len(self.stack) > target + 1:
            self._pop().ended_by = j
        self._close_top(j)

    # -- double marks -------------------------------------------------------------------

    def _double(self, i: int) -> int:
        """Read double mark i; returns how many candidates it consumed (2 for a pair)."""
        char = self.chars[i]
        if char == '"':
            self._straight_double(i)
        elif char == "«":
            if self._closer_like(i) and self._top_char(Family.DOUBLE) == "»":
                self._close(i, Family.DOUBLE)
            else:
                self._push(i)
        elif char == "»":
            if self._opener_like(i) and self._top_char(Family.DOUBLE) != "«":
                self._push(i)  # German »…«
            else:
                self._close(i, Family.DOUBLE)
        elif char in "„‟":
            self._push(i)
        elif char == "“":
            self._left_double(i)
        else:
            return self._right_double(i)
        return 1

    def _inch_mark(self, i: int) -> bool:
        """`a 15" screen`, `a 15” screen`, `40°26'46"N`: an inch or second mark after a digit.

        With a quotation open it is one only when that quotation is curly and the mark is
        straight (`“a 12" pipe,” he said`): a straight mark does not close curly quotes.
        """
        at = self.offsets[i]
        if not self.text[at - 1 : at].isdigit():
            return False
        seconds = _COMPASS.match(self.text, at + 1, self.end) is not None
        if self.rights[i] is Side.WORD and not seconds:
            return False
        top = self._top_char(Family.DOUBLE)
        return not self._has_open(Family.DOUBLE) or (self.chars[i] == '"' and top is not None and top != '"')

    def _straight_double(self, i: int) -> None:
        if self._inch_mark(i):
            return
        top = self._top_char(Family.DOUBLE)
        if self._opener_like(i):
            self._push(i)
        elif self._closer_like(i) or top == '"':
            self._close(i, Family.DOUBLE)
        else:
            self._push(i)

    def _left_double(self, i: int) -> None:
        """An opening glyph “ (or the closing mark of German „…“)."""
        if self._top_char(Family.DOUBLE) == "„" and not self._opener_like(i):
            self._close(i, Family.DOUBLE)
            return
        following = self.next_double[i]
        open_double = self._has_open(Family.DOUBLE)
        if self._open_in_closing_place(i):
            if following is not None and GLYPH_ROLE.get(self.chars[following]) is Role.CLOSING:
                self._push(i)  # `to“ preserve … costs, ”the`: misplaced, not reversed
            elif following is None and open_double:
                self._close(i, Family.DOUBLE)  # `“We will win.“`: wrong closing glyph
            else:
                self._push(i)
        elif following is None and open_double and (self._attribution_after(i) or self._nothing_after(i)):
            self._close(i, Family.DOUBLE)  # `border, “the general said.`, `“It was confirmed “.`
        else:
            self._push(i)

    def _right_double(self, i: int) -> int:
        """A closing glyph ”: a close, or half of a reversed or embedded pair."""
        if self._inch_mark(i):
            return 1
        following = self.next_any[i]
        pair = following if following is not None and self.chars[following] == "“" else None
        if self._close_in_opening_place(i):
            if pair is not None and self._open_in_closing_place(pair) and self._short_phrase(i, pair, 4):
                self._pair(i, pair, Kind.REVERSED)  # `”peace“`
                return 2
            if self._has_open(Family.DOUBLE):
                self._close(i, Family.DOUBLE)  # `, ”the official`: misplaced
            else:
                self._push(i)  # `”Hello,” he said`: reversed opening mark
            return 1
        if pair is not None and self.offsets[pair] - self.offsets[i] <= _WINDOW:
            between = self.text[self.offsets[i] + 1 : self.offsets[pair]]
            if self._top_char(Family.DOUBLE) is not None:
                if self._embedded_name(i, pair, between):
                    self._pair(i, pair, Kind.EMBEDDED)
                    return 2
                if self._reversed_inside(i, pair, between):
                    self._pair(i, pair, Kind.REVERSED)
                    return 2
            elif not self._has_open(Family.DOUBLE) and self._short_phrase(i, pair, 6):
                self._pair(i, pair, Kind.REVERSED)  # nothing to close: `of a” zone “to`
                return 2
        self._close(i, Family.DOUBLE)
        return 1

    # -- single marks -------------------------------------------------------------------

    def _single_quote(self, i: int) -> None:
        if self.single[i] == "open":
            self._push(i)
            return
        if not self._has_open(Family.SINGLE):
            self.roles[i] = Role.APOSTROPHE if self.chars[i] in "’'" else Role.AMBIGUOUS
            return
        at = self.offsets[i]
        plural_possessive = self.text[at - 1] in "sSzx" and self.rights[i] in (Side.SPACE, Side.CLOSE_PUNCT)
        closes_later = self.next_single_close[i] is not None and self.next_single[i] == self.next_single_close[i]
        if plural_possessive and closes_later:
            self.roles[i] = Role.APOSTROPHE  # ‘the workers’ union,’
        else:
            self._close(i, Family.SINGLE)

    # -- reading the words around marks ---------------------------------------------------

    def _attribution_after(self, i: int) -> bool:
        """Whether the text after mark i, to the next mark or sentence end, says who spoke."""
        at = self.offsets[i] + 1
        window = self.text[at : min(self.end, at + _WINDOW)]
        cut = MARK_PATTERN.search(window)
        if cut:
            window = window[: cut.start()]
        stop = _SENTENCE_END.search(window)
        if stop:
            window = window[: stop.start()]
        words = _WORD.findall(window)
        return 0 < len(words) <= 20 and any(w.lower() in SPEECH_VERBS for w in words)

    def _nothing_after(self, i: int) -> bool:
        """Only punctuation (or nothing) follows mark i to the paragraph's end: `was confirmed “.`"""
        return _LETTER_OR_DIGIT.search(self.text, self.offsets[i] + 1, self.end) is None

    def _continues_after(self, i: int) -> bool:
        """The text after mark i goes on with the sentence (lower case or a bracket)."""
        at = self.offsets[i] + 1
        while at < self.end and self.text[at].isspace():
            at += 1
        return at < self.end and (self.text[at].islower() or self.text[at] in "([" or self.text[at].isdigit())

    def _short_phrase(self, i: int, j: int, limit: int) -> bool:
        if self.offsets[j] - self.offsets[i] > _WINDOW:
            return False
        between = self.text[self.offsets[i] + 1 : self.offsets[j]]
        words = _WORD.findall(between)
        if not 1 <= len(words) <= limit or between.strip()[-1:] in ",.;:!?":
            return False
        return not all(w.lower() in FUNCTION_WORDS for w in words) and not any(w.lower() in SPEECH_VERBS for w in words)

    def _embedded_name(self, i: int, j: int, between: str) -> bool:
        """`them,” Khayyat Tahrir Al-Sham “(a banned group) were`: a bare name between a
        close and a re-open, with quoted words on both sides and the sentence going on."""
        return (
            _name_like(between)
            and self._continues_after(j)
            and self._words_before(i) >= 3
            and self._words_after(j) >= 3
        )

    def _reversed_inside(self, i: int, j: int, between: str) -> bool:
        """`the creation of a” demilitarized zone “to a depth`, inside a longer quotation.

        Read as a close and a re-open, the close would end a quotation on a word that leads
        into a phrase (an article, a preposition, `supposedly`), the text between would be a
        bare phrase, and the re-opened quotation would go on mid-sentence.
        """
        if self.lefts[i] is not Side.WORD or not self._short_phrase(i, j, 4):
            return False
        phrase = between.strip()
        words = _WORD.findall(phrase)
        if not phrase[:1].islower() or words[-1].lower() in FUNCTION_WORDS:
            return False
        before = self._word_before(i).lower()
        if not (before in FUNCTION_WORDS or (len(before) > 4 and before.endswith("ly"))):
            return False
        after = self.text[self.offsets[j] + 1 : min(self.end, self.offsets[j] + 3)].lstrip()
        if after[:1].isupper():
            return False
        return self._words_before(i) >= 3 and self._words_after(j) >= 3

    def _word_before(self, i: int) -> str:
        at = self.offsets[i]
        match = _LAST_WORD.search(self.text, max(self.start, at - 40), at)
        return match.group(1) if match else ""

    def _words_before(self, i: int) -> int:
        """Words between the previous quote mark (or the paragraph start) and mark i."""
        at = self.offsets[i]
        begin = max(self.start, at - _WINDOW)
        previous = i - 1
        while previous >= 0 and self.offsets[previous] >= begin:
            if self.roles[previous] is not Role.APOSTROPHE:
                begin = self.offsets[previous] + 1
                break
            previous -= 1
        return len(_WORD.findall(self.text, begin, at))

    def _words_after(self, j: int) -> int:
        """Words between mark j and the next quote mark (or the paragraph end)."""
        at = self.offsets[j] + 1
        finish = min(self.end, at + _WINDOW)
        following = j + 1
        while following < len(self.offsets) and self.offsets[following] < finish:
            if self.roles[following] is not Role.APOSTROPHE:
                finish = self.offsets[following]
                break
            following += 1
        return len(_WORD.findall(self.text, at, finish))

    # -- the result ---------------------------------------------------------------------

    def _space_before(self, at: int) -> int:
        before = at
        while before > self.start and self.text[before - 1].isspace():
            before -= 1
        return at - before

    def _space_after(self, at: int) -> int:
        after = at + 1
        while after < self.end and self.text[after].isspace():
            after += 1
        return after - at - 1

    def _freeze(self) -> ParagraphQuotes:
        offsets, lefts, rights = self.offsets, self.lefts, self.rights
        before = [self._space_before(at) if left is Side.SPACE else 0 for at, left in zip(offsets, lefts, strict=True)]
        after = [self._space_after(at) if right is Side.SPACE else 0 for at, right in zip(offsets, rights, strict=True)]
        fields = zip(offsets, self.chars, self.families, self.roles, lefts, rights, before, after, strict=True)
        marks = list(map(QuoteMark._make, fields))  # in QuoteMark's field order
        quotations = tuple(
            Quotation(
                open=marks[q.open],
                close=marks[q.close] if q.close is not None else None,
                kind=q.kind,
                depth=q.depth,
                parent=q.parent,
                ended_by=self.offsets[q.ended_by] if q.ended_by is not None else None,
            )
            for q in self.quotations
        )
        return ParagraphQuotes(
            start=self.start,
            end=self.end,
            marks=tuple(marks),
            quotations=quotations,
            stray=tuple(marks[i] for i in self.stray),
        )


def quotes_nothing(text: str, quotation: Quotation, end: int) -> bool:
    """An unclosed quotation with only punctuation after its opening mark (`was confirmed “.`)."""
    return quotation.close is None and _LETTER_OR_DIGIT.search(text, quotation.open.end, end) is None


# Function words of the languages whose marks English copy may keep around their own text
# (German, French, Spanish, Italian, Portuguese, Polish, Dutch); none is an English word.
_FOREIGN_FUNCTION_WORDS = frozenset(
    ["der", "das", "den", "dem", "ein", "eine", "einen", "und", "ist", "nicht", "wir", "ich", "mit", "auf", "für", "zu", "im", "le", "la", "les", "un", "une", "des", "du", "et", "est", "ce", "c'est", "pas", "nous", "vous", "je", "il", "elle", "dans", "pour", "sur", "au", "aux", "que", "qui", "el", "los", "las", "y", "es", "con", "por", "para", "una", "lo", "gli", "che", "non", "è", "e", "os", "em", "não", "w", "z", "nie", "jest", "się", "het", "een", "niet"]
)


def quotes_foreign_text(text: str, quotation: Quotation) -> bool:
    """A quotation in another language's marks around that language's words (`„Wir schaffen
    das“`, `« un théâtre »`): a quoted foreign phrase, whose typography a desk may keep."""
    close = quotation.close
    if close is None or quotation.open.char not in FOREIGN_MARKS:
        return False
    words = _WORD.findall(text, quotation.open.end, close.offset)
    if len(words) < 2:
        return False  # `«Tahrir»`, `„Test“`: a leftover around one word or name
    content = [w for w in words if w.lower() not in _FOREIGN_FUNCTION_WORDS]
    if len(content) == len(words) and all(w.isascii() for w in words):
        return False  # no sign of another language
    return any(w[:1].islower() for w in content)  # a phrase, not a name (`« Le Monde »`)


def _name_like(text: str) -> bool:
    """A short run of capitalised words, with name particles (`Khayyat Tahrir Al-Sham`)."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 8 or not tokens[0][:1].isupper():
        return False
    return all(t in _NAME_PARTICLES or (_NAME_TOKEN.match(t) and _capitalised(t)) for t in tokens)


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token.partition("-")[2][:1].isupper()


def parse_paragraph(text: str, start: int = 0, end: int | None = None) -> ParagraphQuotes:
    """Parse the quotation marks of `text[start:end]`, one paragraph.

    The parser reads nothing past the paragraph but the one character before it, so a
    paragraph is parsed once per process (a feed repeats its paragraphs) and its parse moved
    to where it stands.
    """
    end = len(text) if end is None else end
    if MARK_PATTERN.search(text, start, end) is None:
        return ParagraphQuotes(start=start, end=end, marks=(), quotations=(), stray=())  # nothing to parse
    before = text[start - 1] if start else ""
    return _shifted(_parse_alone(before + text[start:end], len(before)), start - len(before))


@lru_cache(maxsize=4096)
def _parse_alone(text: str, start: int) -> ParagraphQuotes:
    return _ParagraphParser(text, start, len(text)).parse()


def _shifted(paragraph: ParagraphQuotes, by: int) -> ParagraphQuotes:
    """The parse of a paragraph read `by` characters further on."""
    if not by:
        return paragraph
    marks = {id(m): QuoteMark(m.offset + by, *m[1:]) for m in paragraph.marks}
    return ParagraphQuotes(
        start=paragraph.start + by,
        end=paragraph.end + by,
        marks=tuple(marks.values()),
        quotations=tuple(
            Quotation(
                marks[id(q.open)],
                None if q.close is None else marks[id(q.close)],
                q.kind,
                q.depth,
                q.parent,
                None if q.ended_by is None else q.ended_by + by,
                q.continues,
            )
            for q in paragraph.quotations
        ),
        stray=tuple(marks[id(m)] for m in paragraph.stray),
    )


def parse_document(
    text: str, paragraphs: Sequence[tuple[int, int]], max_marks: int = MAX_MARKS
) -> DocumentQuotes:
    """Parse each paragraph, then mark quotations that continue into the next paragraph.

    News style leaves a quotation that runs on into the next paragraph unclosed and opens
    the next paragraph with a fresh mark: that is correct, not unbalanced. The parse stops
    before the paragraph that would take the document past `max_marks` marks.
    """
    parsed: list[ParagraphQuotes] = []
    unread_from: int | None = None
    budget = max_marks
    for start, end in paragraphs:
        marks = sum(text.count(mark, start, end) for mark in MARKS) if MARK_PATTERN.search(text, start, end) else 0
        if marks > budget:
            unread_from = start
            break
        budget -= marks
        parsed.append(parse_paragraph(text, start, end))
    for index, paragraph in enumerate(parsed[:-1]):
        open_at_end = [
            q for q in paragraph.quotations if q.close is None and q.ended_by is None and not quotes_nothing(text, q, paragraph.end)
        ]
        if len(open_at_end) != 1:
            continue
        following = parsed[index + 1]
        first = following.marks[0] if following.marks else None
        if (
            first is not None
            and first.offset == following.start
            and first.role is Role.OPENING
            and first.family is open_at_end[0].family
        ):
            position = paragraph.quotations.index(open_at_end[0])
            quotations = list(paragraph.quotations)
            quotations[position] = open_at_end[0]._replace(continues=True)
            parsed[index] = replace(paragraph, quotations=tuple(quotations))
    return DocumentQuotes(tuple(parsed), unread_from)


def split_lines(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of a plain string (a source text): its non-blank lines, trimmed."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.start(), match.end()
        while start < end and (text[start].isspace() or text[start] == "\ufeff"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def count_quotations(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """Quotations per paragraph of a plain string (its lines unless `paragraphs` are given),
    in any of the styles parsed here."""
    return [p.count() for p in source_paragraphs(text, paragraphs)]


# Inside a quotation, what only speech or a sentence holds (a name or a title never does); not a
# dot inside a word, as in a name written like a web address (`«Дом.РФ»`, `“Booking.com”`).
_SPEECH_PUNCTUATION = re.compile(r"\.(?![^\W_])|[!?;:…—–]|,\s*$")
# `», — сказал он`: a dash that opens the words of attribution (not a score or a second
# name: `«Ахматом» — 1:1`, `«ЦСКА» — «Спартак»`).
_ATTRIBUTION_AFTER = re.compile(r"\s*(?:[,.]\s*)?[—–-]\s+(?![\d(«\"“„])")
# A dash joining the two capitalised parts of one name (`«Справедливая Россия — За правду»`,
# `“Yabloko — United Democrats”`), as parties and movements are named; not punctuation.
_ARTICLE_BEFORE_NAME = re.compile(r"^(?:el|la|los|las|le|les|il|lo|gli|der|die|das|the)\s+(?=[^\W\d_])(?=[A-ZÀ-ÞА-ЯЁ])")
_NAME_DASH = re.compile(r"(?<=\w)\s[—–]\s(?=[A-ZА-ЯЁ])")


# A kind of work right before a Russian quotation, its maker's name between (`оперой
# Римского-Корсакова «Сказание о невидимом граде Китеже и деве Февронии»`): the quotation is its
# title, however long.
_WORK_BEFORE = re.compile(
    r"(?<![а-яё])(?:опер|балет|фильм|роман|повест|книг|спектакл|пьес|песн|альбом|сериал|поэм|картин|мюзикл"
    r"|симфони|оратори|рассказ|сказк)[а-яё]*(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}\s*$",
    re.IGNORECASE,
)


# A full stop or colon between a title and its subtitle (`«Маскарад. Воспоминания будущего»`), read
# only where the kind of work stands before the quotation.
_SUBTITLE_STOP = re.compile(r"(?<=[^\W\d_])[.:]\s+(?=[А-ЯЁA-Z])")


def is_name_quotation(
    text: str, quotation: Quotation, *, english: bool = True, has_verb: Callable[[str], bool] | None = None
) -> bool:
    """A quotation that only marks a name or a title: `«Спартак»`, `“War and Peace”`, `„Союз“`.

    Russian quotes the names of companies, clubs, parties, media, ships, operations and works
    (`«Газпром»`, `«Единая Россия»`, `«Буря в пустыне»`), which English writes bare or in
    italics. Such a quotation is short (a Russian title after the kind of work it names, up to
    twelve words: `оперой «Сказание о невидимом граде Китеже и деве Февронии»`, a full stop or
    colon before its subtitle aside: `спектакль «Маскарад. Воспоминания будущего»`), opens with a
    capital, holds no sentence punctuation
    (a dash between two capitalised parts of a party's name is none), is not attributed (`», — сказал он`) or introduced by a colon, and has no verb in it
    (`has_verb`, when given); in a script without capitals (Chinese, Japanese, Devanagari), see
    `_uncased_name`. In English, where titles capitalise every word, each word must
    be capitalised or a particle; other languages capitalise only a title's first word.
    Reported speech and scare quotes around common words (`«очень сложной»`, `“absurd”`)
    are not names.
    """
    if quotation.close is None:
        return False
    inner = _NAME_DASH.sub(" ", text[quotation.open.end : quotation.close.offset].strip())
    first = inner[:1]
    if not english and first.isalpha() and not first.isupper() and not first.islower():
        return _uncased_name(text, inner, quotation.open.offset, quotation.close.end)
    inner = _ARTICLE_BEFORE_NAME.sub("", inner)  # `"el Chapo"`, `«la Bestia»`: a name after its article
    titled = not english and _WORK_BEFORE.search(text, max(0, quotation.open.offset - 60), quotation.open.offset)
    if titled:
        inner = _SUBTITLE_STOP.sub(" ", inner)  # `спектакль «Маскарад. Воспоминания будущего»`: a title and its subtitle
    words = inner.split()
    longest = 12 if titled else 6
    if not 1 <= len(words) <= longest or not inner[:1].isupper() or _SPEECH_PUNCTUATION.search(inner):
        return False
    if _ATTRIBUTION_AFTER.match(text, quotation.close.end) or _after_colon(text, quotation.open.offset):
        return False
    if english:
        return _name_like(inner.replace("’s", "").replace("'s", ""))
    return has_verb is None or not has_verb(inner)


def _after_colon(text: str, offset: int) -> bool:
    """Whether a colon, spaces aside, comes right before `offset` (a quotation introduced by it):
    read back over the spaces, not a copy of all the text before."""
    at = offset
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] == ":"


# What only a clause holds, in those scripts' punctuation too (`，`, `。`, the danda `।`).
_CLAUSE_PUNCTUATION = re.compile(r"[.!?;:…—–。，、！？；：।॥]|,\s*$")
# A colon between a title and its subtitle (`रामायण: भाग 1`, Ramayana: Part 1).
_SUBTITLE_COLON = re.compile(r"(?<=\S)[:：]\s+(?=\S)")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A verb of saying or calling before a quotation (`说：“`, `所谓“`, `被称为“`, `称这是“`, `ने कहा, "`, `कहा कि '`),
# or a colon: speech or scare quotes, which English keeps.
_SPEECH_BEFORE = re.compile(
    r"(?:[:：]|(?:说|称(?:这是|之为|其为|为|是)?|表示|强调|指出|认为|呼吁|所谓|叫做|誉为|视为|写道|问道|回答"
    r"|कहा|बताया|कहते|कहती|लिखा|पूछा)"
    r"(?:\s*[,，]|\s+कि)?)\s*$"
)
# After a quotation, the attribution of speech (`”，他说`, `", उन्होंने कहा`), a quotative (`」と`), a
# word or slogan named as such (`“内卷”一词`, `'X' नारा`: English quotes them too), or a
# verb of calling right after a quoted word (`'ऐतिहासिक' बताया`, `'काला दिन' करार`): not after `ने`,
# which makes the quotation the subject (`'भाजपा' ने कहा`: the party said).
_SPEECH_AFTER = re.compile(
    r"\s*(?:[,，]\s*(?:他|她|他们|她们|उन्होंने|उसने)?\s*(?:说|表示|称|写道|कहा|बताया)"
    r"|と|って|(?:कहा|बताया|करार|कहलाता|कहलाती|कहते|कहती|लिखा)(?![\u0900-\u0963\u0971-\u097f])"
    r"|一词|这个词|二字|字样|的说法|口号|\s*(?:शब्द|नारा|नारे))"
)


def _uncased_name(text: str, inner: str, start: int, end: int) -> bool:
    """A quotation in a script without capitals that marks a name (`“福建舰”`, `品牌“仰望”`,
    `फिल्म "धुरंधर"`, `'मन की बात' कार्यक्रम`): short (up to eight Chinese or Japanese characters,
    four words), no clause punctuation (a colon before a subtitle aside: `'रामायण: भाग 1'`), no verb
    of saying or calling before it or after it."""
    titled = _SUBTITLE_COLON.sub(" ", inner)
    if _CLAUSE_PUNCTUATION.search(titled) or len(inner.split()) > 4 or len(_HAN_OR_KANA.findall(inner)) > 8:
        return False
    if _KIND_AFTER.match(text, end):
        return True  # `कहा कि 'गगनयान' मिशन`: the name of a mission said, not the words said
    return not _SPEECH_BEFORE.search(text, max(0, start - 12), start) and not _SPEECH_AFTER.match(text, end)


# A Hindi noun of the kind of thing a quotation names, right after it (`'गगनयान' मिशन`, `'सिंदूर'
# ऑपरेशन`, `'मन की बात' कार्यक्रम`): a name, even where a verb of saying comes before it.
_KIND_AFTER = re.compile(
    r"\s+(?:मिशन|ऑपरेशन|अभियान|योजना|कार्यक्रम|परियोजना|पार्टी|दल|अखबार|समाचार\s*पत्र|फिल्म|पुस्तक|किताब"
    r"|उपग्रह|यान|पोत|जहाज|रॉकेट|ट्रेन|एक्सप्रेस|ऐप|ब्रांड|कंपनी|सम्मेलन|अभ्यास|पुरस्कार)"
    r"(?![\u0900-\u0963\u0971-\u097f])"
)


class QuotationCount(NamedTuple):
    """A paragraph's quotations: all of them, and those English keeps (not marking a name)."""

    total: int
    kept: int


# East Asian quotation brackets the parser does not read: 「」『』 quote, 《》〈〉 mark titles.
_CJK_QUOTES = re.compile(r"[「『][^」』]*[」』]")
_CJK_TITLES = re.compile(r"[《〈][^》〉]*[》〉]")
_CJK_OPENING = re.compile(r"[「『《〈]")
# A quotation ending as a sentence does (`「…します。」`): speech, whatever follows it.
_SPEECH_END = re.compile(r"[。！？!?](?=$)")
_DOUBLE_MARKS = re.compile(r"[\"“”„‟«»]")
# A Japanese quotation of katakana alone: a foreign name or title (`「サイエンス」`), not speech.
_KATAKANA_NAME = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]+")
# What follows a Japanese quotation of speech or a word (`」と述べた`, `」って`, `」という`); a name
# or a title is followed by a case particle or a noun instead (`「チャレンジ賞」には`).
_QUOTATIVE_AFTER = re.compile(r"\s*(?:と|って|とい)")


def count_kept_quotations(
    text: str,
    paragraphs: Sequence[ParagraphQuotes],
    *,
    english: bool = True,
    has_verb: Callable[[str], bool] | None = None,
) -> list[QuotationCount]:
    """Per paragraph, all quotations and those English keeps: all but the ones marking a name,
    and but a quotation nested in another, which goes with the speech it is in (`“…所谓‘南海仲裁案’…”`
    quotes a name, `“…the so-called ‘South China Sea arbitration’ ruling”` a phrase: one quotation each).

    Quotations are counted from their marks, two to a quotation (a lone mark is one), so
    that a mark the parser pairs otherwise on one side (`emergenza," ogni ... finanziaria"`,
    a quotation closed in the next sentence) does not change the count.
    """
    counts = []
    for p in paragraphs:
        names = sum(
            (q.depth > 1 and q.close is not None) or is_name_quotation(text, q, english=english, has_verb=has_verb)
            for q in p.quotations
        )
        marks = sum(1 for _ in p.quote_marks()) if p.marks else 0
        if not english:  # a source's marks, read as marks even where English would read an inch (`A4”,`)
            marks = max(marks, len(_DOUBLE_MARKS.findall(text, p.start, p.end)))
        quoted: list[re.Match[str]] = []
        foreign = titles = 0
        if _CJK_OPENING.search(text, p.start, p.end):  # most paragraphs: no bracket to read
            quoted = list(_CJK_QUOTES.finditer(text, p.start, p.end))
            foreign = sum(1 for q in quoted if _is_cjk_name(text, q))
            titles = len(_CJK_TITLES.findall(text, p.start, p.end))
        # a source paragraph of speech opened by a dash, as Polish, Czech, Spanish, Italian, French
        # and Russian copy writes it (`– To nasz sukces – powiedział premier.`): one quotation
        dialogue = int(not english and marks == 0 and _DIALOGUE_DASH.match(text, p.start, p.end) is not None)
        counts.append(
            QuotationCount(
                -(-marks // 2) + len(quoted) + titles + dialogue,
                -(-max(0, marks - 2 * names) // 2) + len(quoted) - foreign + dialogue,
            )
        )
    return counts


# A paragraph that opens with a dash and a space: speech, in the languages that mark it so.
_DIALOGUE_DASH = re.compile(r"\s*[—–]\s+\w")


def _is_cjk_name(text: str, quotation: re.Match[str]) -> bool:
    """A `「」` quotation that marks a name or a title: a `『』` (a work's title), katakana alone (`「サイエンス」`), or not
    followed by the quotative `と` that follows Japanese speech and scare quotes (`「チャレンジ賞」には`,
    but `「群島」と呼ばれる`)."""
    inner = quotation.group()[1:-1]
    if quotation.group().startswith("『") or _KATAKANA_NAME.fullmatch(inner):
        return True  # `『国宝』`: a work's title, as `《》` marks one
    return not _QUOTATIVE_AFTER.match(text, quotation.end()) and not _SPEECH_END.search(inner)


def source_paragraphs(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None
) -> tuple[ParagraphQuotes, ...]:
    """The parse of a plain string's paragraphs (its lines unless `paragraphs` are given), as for a source text."""
    return _source_parse(text, tuple(split_lines(text) if paragraphs is None else paragraphs))


@lru_cache(maxsize=16)  # Q109 and N204 both read the quotations of one document's source
def _source_parse(text: str, paragraphs: tuple[tuple[int, int], ...]) -> tuple[ParagraphQuotes, ...]:
    return parse_document(text, paragraphs).paragraphs
