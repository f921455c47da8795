"""Name mentions in English text, found without a model.

A mention is a run of capitalised tokens (and acronyms) joined by single spaces, with the
connectors and particles that live inside names (`of`, `de`, `bin`, `ibn`, `al-`, `ash-`...).
Sentence-initial words are names only when the document also capitalises them mid-sentence
or they are no common English word (Webster's, through english-words), so `The`,
`According`, `Later` or `Scientists` never become names and `Muskoka` does.
Title-case headlines contribute only the names the body confirms. Linear in the text: a
scan from capital to capital collects the words (plain lower-case words are never
visited in Python), one pass over them builds mentions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import NamedTuple

from audit.names.lexicon import is_common_word


class Mention(NamedTuple):
    """A name as it occurs in a text: half-open offsets into that text, and its spelling.

    A tuple, not a frozen dataclass: the finder builds hundreds per document.
    """

    start: int
    end: int
    text: str


MentionFinder = Callable[[str], list[Mention]]

# Arabic article forms written before a hyphen: `al-`, the assimilated `ash-`/`ad-`..., `el-`, `ul-`,
# and as French-mediated copy writes them (`Deir ez-Zor`, `Ras es-Sur`).
ARTICLES = frozenset(
    ["al", "el", "ul", "ash", "ad", "an", "ar", "as", "at", "az", "ath", "adh", "ud", "un", "ur", "us", "ut", "uz"]
    + ["ez", "es", "et", "ed", "en", "er"]
)
_ARTICLE_PREFIX = "|".join(sorted(ARTICLES, key=len, reverse=True))

# A word: letters, digits and combining marks, joined by apostrophes (`O’Brien`) and
# hyphens (`al-Assad`); an underscore separates words. Dotted initials (`U.S.`, `U.N.`)
# are one word when they start with a capital, as `_CANDIDATE` reads one (`²` or `ⁿ`, which
# `\w` admits too, do not open them).
_CAPITAL = r"[A-Z\u00c0-\u1fff\u2100-\u218f\u2c00-\U0010ffff]"
_ALNUM = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD_BODY = (
    rf"((?:{_CAPITAL}(?<=[^\W\d_])\.)(?:[^\W\d_]\.)+"
    rf"|{_ALNUM}(?:{_ALNUM}+|['’](?=[^\W\d_])|[-‐‑](?={_ALNUM}))*)"
)
_WORD = re.compile(_WORD_BODY)
# Where a name's word may start: a capital (any non-ASCII letter too, judged in Python), or
# the hyphen of a lower-case article word (`al-Assad`). Connectors are read from the gaps
# between those words. A simple character class is what Python's regex engine scans fastest.
_CANDIDATE = re.compile(rf"{_CAPITAL}|[-‐‑](?=[^\W\d_])")
_COMBINING = frozenset(chr(c) for c in range(0x300, 0x370))
_JOINERS = frozenset("'’-‐‑")
_ARTICLE_HEAD = re.compile(rf"(?:{_ARTICLE_PREFIX})[-‐‑](?=[^\W\d_])", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_HYPHEN = re.compile(r"[-‐‑]")
_APOSTROPHE = re.compile(r"['’]")
_HYPHENS = frozenset("-‐‑")
_SPACE = frozenset(" \u00a0\u202f\u2009")
# What may stand before the first word of a sentence (after the space is skipped).
_SENTENCE_OPENERS = frozenset(".!?:;…\"“”«»„‘’'([{—–-•*")

# Lower-case words that stay inside a name between two capitalised parts.
CONNECTORS = frozenset(
    [
        "of",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ben",
        "ibn",
        "bint",
        "al",
        "el",
        "la",
        "le",
        "des",
        "dos",
        "das",
        "y",
    ]
)
# The gap between two words of a name that a connector fills (`Bank of England`, `St. de`).
_CONNECTOR_GAP = re.compile(
    rf"\.?[ \u00a0\u202f\u2009]({'|'.join(sorted(CONNECTORS, key=len, reverse=True))})[ \u00a0\u202f\u2009]"
)
# Capitalised words that are never a name on their own (they may sit inside a longer one).
NON_NAMES = frozenset(
    [
        "i",
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
    ]
)
_NAME_ABBREVIATIONS = frozenset({"St", "Mt", "Ft", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Gov", "Sen"})
HONORIFICS = frozenset(["mr", "mrs", "ms", "dr", "prof", "sir", "mr.", "mrs.", "ms.", "dr.", "prof."])
# Frequent sentence openers that never start a name, even before another capitalised word.
_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "then",
        "thus",
        "so",
        "but",
        "and",
        "or",
        "nor",
        "yet",
        "for",
        "if",
        "when",
        "while",
        "where",
        "after",
        "before",
        "since",
        "until",
        "as",
        "at",
        "by",
        "from",
        "in",
        "into",
        "on",
        "onto",
        "of",
        "off",
        "over",
        "under",
        "about",
        "above",
        "across",
        "against",
        "along",
        "among",
        "around",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "near",
        "outside",
        "through",
        "throughout",
        "toward",
        "towards",
        "upon",
        "with",
        "within",
        "without",
        "according",
        "he",
        "she",
        "it",
        "we",
        "they",
        "you",
        "his",
        "her",
        "its",
        "our",
        "their",
        "my",
        "your",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "every",
        "few",
        "many",
        "most",
        "much",
        "no",
        "none",
        "not",
        "nothing",
        "some",
        "several",
        "such",
        "only",
        "also",
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "still",
        "even",
        "yes",
        "just",
        "here",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "last",
        "next",
        "first",
        "second",
        "third",
        "new",
        "other",
        "another",
        "one",
        "two",
        "three",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "let",
        "please",
        "said",
        "says",
        "asked",
        "told",
    ]
)


class _Token:
    """A word of a possible name, with what the finder asks of it worked out once."""

    __slots__ = ("article", "capitalised", "end", "folded", "initial", "part_end", "start", "text")

    def __init__(self, start: int, end: int, text: str, initial: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.initial = initial
        plain = _HYPHENS.isdisjoint(text) and text[-1] not in "s'’"  # most words: nothing to cut off
        head = None if plain or _HYPHENS.isdisjoint(text[2:4]) else _ARTICLE_HEAD.match(text)  # 2-3 letters
        self.article = head is not None
        if head is None:
            self.capitalised = text[0].isupper()
            self.folded = text
        else:
            self.capitalised = text[head.end()].isupper()
            self.folded = text[: head.end()].lower() + text[head.end() :]  # `Al-Julani` is `al-Julani`
        self.part_end = end if plain else _name_part_end(text, head.end() if head else 0, start, end)


_CLOSING_QUOTES = frozenset("\"”»’'")
_STOPS = frozenset(".!?…:;")


def is_sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a paragraph, a quotation or a bracket.

    A closing quote counts only after a full stop (`...done.” Then`), not after a comma
    (`," Giza said`); a straight quote is closing when it follows a non-space.
    """
    i = start - 1
    while i >= 0 and text[i] in _SPACE:
        i -= 1
    if i < 0 or text[i] in "\r\n":
        return True
    mark = text[i]
    if mark in _CLOSING_QUOTES and i > 0 and not text[i - 1].isspace() and mark not in "«":
        j = i - 1
        while j >= 0 and text[j] in _CLOSING_QUOTES:
            j -= 1
        return j < 0 or text[j] in _STOPS
    return mark in _SENTENCE_OPENERS


def _tokens(text: str) -> list[_Token]:
    """Capitalised words, `al-` words and the connectors between them: all a name is made of.

    Plain lower-case words are never read (the gap they leave keeps names apart): the scan
    jumps from capital to capital, so it costs little more than the regex engine's pass.
    Whether a word opens a sentence is worked out only for capitalised ones.
    """
    words: list[tuple[int, str]] = []
    position = 0
    search = _CANDIDATE.search
    while (found := search(text, position)) is not None:
        at = found.start()
        if text[at] in _HYPHENS:
            position = at + 1
            article = _article_start(text, at)
            if article is None:
                continue
            at = article
        elif not _starts_word(text, at):
            position = at + 1
            continue
        match = _WORD.match(text, at)
        assert match is not None  # a letter or digit always starts a word
        word = match.group(1)
        position = at + len(word)
        if _is_name_material(word):
            words.append((at, word))
    tokens = []
    for index, (start, word) in enumerate(words):
        if index:
            previous_end = words[index - 1][0] + len(words[index - 1][1])
            gap = _CONNECTOR_GAP.fullmatch(text, previous_end, start)
            if gap is not None:
                tokens.append(_Token(gap.start(1), gap.end(1), gap.group(1), False))
        initial = word[0].isupper() and is_sentence_initial(text, start)
        tokens.append(_Token(start, start + len(word), word, initial))
    return tokens


def _starts_word(text: str, at: int) -> bool:
    """Whether a word begins at `at` rather than inside the word before (as `_WORD` reads them)."""
    char = text[at]
    if not char.isalnum():
        return False
    if at == 0:
        return True
    before = text[at - 1]
    if before.isalnum() or before in _COMBINING:
        return False
    if before in _JOINERS and at >= 2 and (text[at - 2].isalnum() or text[at - 2] in _COMBINING):
        return before in "'’" and char.isdecimal()  # a hyphen joins any word; an apostrophe, letters
    return True


def _article_start(text: str, hyphen: int) -> int | None:
    """Where a lower-case article word (`al-Assad`, `ash-Sham`) whose hyphen is at `hyphen` starts."""
    for length in (2, 3):
        at = hyphen - length
        if at < 0 or not text[at].islower():
            continue
        head = _ARTICLE_HEAD.match(text, at)
        if head is not None and head.end() == hyphen + 1 and _starts_word(text, at):
            return at
    return None


def _is_name_material(word: str) -> bool:
    """Capitalised words, connectors and lower-case words with an article head (`al-Assad`)."""
    if word[0].isupper() or word in CONNECTORS:
        return True
    return not _HYPHENS.isdisjoint(word[2:4]) and word[0].islower() and _ARTICLE_HEAD.match(word) is not None


def _base(word: str) -> str:
    """The word without a possessive or contraction: `I'm` -> `i`, `Today's` -> `today`."""
    return _APOSTROPHE.split(word, maxsplit=1)[0].lower()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_part_end(word: str, offset: int, start: int, end: int) -> int:
    """Where the part of the token `word` at [start, end) that belongs to a name ends
    (`Turkish` of `Turkish-controlled`, `Ankara` of `Ankara’s`); `offset` skips an article head."""
    for piece in () if _HYPHENS.isdisjoint(word) else _HYPHEN.finditer(word, offset):
        rest = word[piece.end() :]
        if rest[:1].islower() and not _ARTICLE_HEAD.match(rest) and not _EZAFE.match(rest):
            if _KOREAN_GIVEN.fullmatch(word, offset) and rest.rstrip("'’s") not in _COMPOUND_HEADS:
                continue  # `Jae-in`, `Duck-soo`, `Jae-myung`: a Korean given name's second syllable
            return start + piece.start()
    if word[-1] in "s'’":
        possessive = _POSSESSIVE.search(word)
        if possessive and possessive.start() > 0:
            return start + possessive.start()
    return end


# The Persian and Urdu ezafe inside a hyphenated name (`Tehreek-e-Insaf`, `Lashkar-e-Taiba`,
# `Tehrik-i-Taliban`), and a short connector between two capitalised words of a French or English
# place name (`Port-au-Prince`, `Aix-en-Provence`, `Stratford-upon-Avon`).
_EZAFE = re.compile(
    r"(?:[ei]|au|aux|en|sur|sous|de|du|des|la|le|les|lès|di|da|del|do|dos|das|upon|under|am|im|bei)"
    r"[-‐‑][^\W\d_a-z]"
)


# A Korean given name romanised with a hyphen: two syllables (initial, vowel, final), the
# second in lower case (`Jae-in`, `Duck-soo`, `Jae-myung`, `Jong-un`, `Sang-mok`).
KOREAN_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhy])?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
    r"(?:ng|ck|[kntlmpg])?"
)
# English compound heads that also read as a syllable (`Kim-run`).
_COMPOUND_HEADS = frozenset(["run", "ran", "go", "to"])
_KOREAN_GIVEN = re.compile(rf"(?i:{KOREAN_SYLLABLE})[-‐‑]{KOREAN_SYLLABLE}(?:['’]s?)?")


def _lines(text: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"[^\r\n]+", text):
        yield match.start(), match.end()


_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _headline_lines(text: str, tokens: list[_Token]) -> set[int]:
    """Token indices on title-case or all-caps lines, whose capitals say nothing about names."""
    flagged: set[int] = set()
    index = 0
    for start, end in _lines(text):
        members = []
        while index < len(tokens) and tokens[index].start < end:
            if tokens[index].start >= start:
                members.append(index)
            index += 1
        if len(members) < 3:
            continue
        if text[start:end].rstrip()[-1:] in '.!?:;"”»':
            continue  # a sentence, not a headline (and the cheaper test)
        words = _PLAIN_WORD.findall(text, start, end)
        if len(words) < 4:
            continue
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised / len(words) >= 0.7:
            flagged.update(members)
    return flagged


def find_mentions(text: str) -> list[Mention]:
    """Name mentions in `text`, sorted and non-overlapping, by the rule-based finder.

    No mention, and nothing a word's reading looks at, crosses a line break; only which
    sentence-initial and headline words the rest of the text writes mid-sentence
    (`confirmed`) is the whole text's. So each line is read once per process (a feed repeats
    its paragraphs) and its mentions kept per set of its words the text confirms.
    """
    lines = [(start, text[start - 1 if start else 0 : end]) for start, end in _lines(text)]
    readings = [_read_line(line) for _, line in lines]
    confirmed = frozenset().union(*(reading.confirms for reading in readings))
    mentions: list[Mention] = []
    for (start, line), reading in zip(lines, readings, strict=True):
        found = _line_mentions(line, reading.asks & confirmed)
        # `line` opens with the line break before it (but for the first line), as `text` has it
        shift = start - 1 if start else 0
        mentions.extend(Mention(m.start + shift, m.end + shift, m.text) for m in found)
    return mentions


class _LineReading(NamedTuple):
    """A line's name material, read once: its tokens, which stand on a headline, the words it
    confirms as names (capitalised mid-sentence) and those whose reading asks for that."""

    tokens: list[_Token]
    headline: set[int]
    confirms: frozenset[str]
    asks: frozenset[str]


@functools.lru_cache(maxsize=8192)
def _read_line(line: str) -> _LineReading:
    tokens = _tokens(line)
    headline = _headline_lines(line, tokens)
    confirms = frozenset(t.folded for i, t in enumerate(tokens) if not t.initial and i not in headline and t.capitalised)
    asks = frozenset(t.folded for i, t in enumerate(tokens) if (t.initial or i in headline) and t.capitalised)
    return _LineReading(tokens, headline, confirms, asks)


@functools.lru_cache(maxsize=8192)
def _line_mentions(text: str, confirmed: frozenset[str]) -> tuple[Mention, ...]:
    """The mentions of one line (as `_read_line` takes it), given which of its words are confirmed."""
    reading = _read_line(text)
    tokens, headline = reading.tokens, reading.headline
    if not tokens:
        return ()
    names = [_is_name(token, i in headline, confirmed) for i, token in enumerate(tokens)]
    # joined[k]: tokens k and k + 1 are one space (or an abbreviation's `. `) apart.
    joined = [_joined(text, left, right) for left, right in pairwise(tokens)] + [False]

    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not names[i]:
            i += 1
            continue
        parts = [i]
        j = i
        while joined[j] or tokens[j].part_end != tokens[j].end:
            k = j + 1
            if tokens[j].part_end != tokens[j].end:
                possessive = _POSSESSIVE.search(tokens[j].text) is not None
                if not (possessive and joined[j] and names[k]):
                    break  # `Turkish-controlled`, `Ankara’s`: the name ends inside this token
                parts.append(k)  # `St. Peter's Square`, `National Women's Hospital`
                j = k
                continue
            if tokens[k].text in CONNECTORS:
                if joined[k] and names[k + 1]:
                    parts.append(k + 1)
                    j = k + 1
                    continue
                break
            abbreviation = _is_abbreviation(tokens[j].text)
            if (not tokens[k].initial or abbreviation) and (names[k] or (abbreviation and tokens[k].capitalised)):
                parts.append(k)
                j = k
                continue
            break
        mention = _make_mention(text, [tokens[p] for p in parts])
        if mention is not None:
            mentions.append(mention)
        i = j + 1
    return tuple(mentions)


def _is_name(token: _Token, in_headline: bool, confirmed: frozenset[str]) -> bool:
    """Whether a token starts or continues a name, by its capitals and where it stands."""
    word = token.text
    if not token.capitalised or not (token.article or word[0].isalpha()):
        return False
    if token.part_end < token.end and _prefixed_word(word[: token.part_end - token.start], word):
        return False  # `Co-operation`, `Re-election`: a prefix, not a name cut off at its hyphen
    if in_headline:
        return token.folded in confirmed or _is_acronym(word)
    if not token.initial:
        return True
    if word.lower() in _STARTERS or _base(word) in NON_NAMES:
        return False
    return token.folded in confirmed or _is_acronym(word) or not is_common_word(_base(word))


# Prefixes English joins to a common word with a hyphen (`Co-operation`, `Anti-corruption`).
_PREFIXES = frozenset(
    {"co", "re", "pre", "post", "anti", "non", "ex", "mid", "sub", "semi", "multi", "pro", "counter", "over", "under"}
)


def _prefixed_word(head: str, word: str) -> bool:
    """Whether a capitalised word cut at its hyphen is a prefix and a common word, not a name."""
    rest = word[len(head) + 1 :]
    return head.lower() in _PREFIXES and (is_common_word(head.lower() + rest) or is_common_word(_base(rest)))


def _joined(text: str, left: _Token, right: _Token) -> bool:
    if right.start - left.end > 2:
        return False
    gap = text[left.end : right.start]
    if len(gap) == 2 and gap[0] == "." and gap[1] in _SPACE:
        return _is_abbreviation(left.text)
    return len(gap) == 1 and gap in _SPACE


# A syllable, a hyphen and a lower-case syllable: the given name of `Moon Jae-in`, `Lai Ching-te`.
_SYLLABIC = re.compile(r"[A-Z][a-z]{1,3}[-‐‑][a-z]{1,4}$")


def _is_abbreviation(word: str) -> bool:
    """`St.`, `Mt.` and initials (`George W. Bush`) join the word after them."""
    return (len(word) == 1 and word.isupper()) or word in _NAME_ABBREVIATIONS


def _make_mention(text: str, parts: list[_Token]) -> Mention | None:
    while parts and parts[0].text.lower().rstrip(".") in HONORIFICS:
        parts = parts[1:]
    if not parts:
        return None
    last = parts[-1]
    # `Moon Jae-in`, `Kim Yo-jong`: a Korean or Chinese given name keeps its lower-case syllable.
    syllable = len(parts) > 1 and last.part_end != last.end and _SYLLABIC.match(last.text) is not None
    start, end = parts[0].start, last.end if syllable else last.part_end
    if all(part.text.lower() in NON_NAMES for part in parts):
        return None
    if end <= start:
        return None
    return Mention(start, end, text[start:end])


@functools.lru_cache(maxsize=8)
def mention_finder(spec: str | None) -> MentionFinder:
    """The finder a `--ner` value names: None for rules, `hf:MODEL` or `spacy:PIPELINE`.

    Raises ConfigError for an unknown scheme or a model that cannot be loaded.
    """
    if spec is None or spec in ("", "rules"):
        return find_mentions
    scheme, _, target = spec.partition(":")
    if scheme == "hf" and target:
        from audit.names.hf import HFMentionFinder

        return HFMentionFinder(target)
    if scheme == "spacy" and target:
        from audit.names.spacy import SpacyMentionFinder

        return SpacyMentionFinder(target)
    from audit.errors import ConfigError

    raise ConfigError(f"ner: {spec!r} is not a finder; use hf:MODEL_ID_OR_DIR, spacy:PIPELINE or leave it unset")
