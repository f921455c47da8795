"""What a check is, and the registry that validates each one at import time.

A check is one small class in its family module: code, dotted name, default severity,
a docstring (summary, rationale, Bad:/Good: examples) and a `run` generator. Nothing
about a rule lives anywhere else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, TypeVar

from audit.segment import split_sentences
from audit.types import Document, Finding, Segment, SegmentKind, Severity

if TYPE_CHECKING:
    from audit.config import Config

# "feed": a check over the ordered stream of a batch's documents (see `Check.observe`/`review`).
Scope = Literal["document", "paragraph", "sentence", "feed"]
# What a finding is about, for the merge stage (`audit.merge`): a quotation mark, a name, a number.
Subject = Literal["mark", "name", "number"]
T = TypeVar("T")

CODE_PATTERN = re.compile(r"^[A-Z][0-9]{3}$")
# A code or a code prefix as a user may type it (`q102`, `N2`).
_CODE_PREFIX = re.compile(r"^[A-Za-z][0-9]{0,3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_-]*)+$")
# Which modules may hold which family: the letter is data, checked at registration.
FAMILY_MODULES: Mapping[str, frozenset[str]] = {
    "Q": frozenset({"quotes"}),
    "N": frozenset({"names", "numbers", "script"}),
    "D": frozenset({"divergence"}),
}


@dataclass(frozen=True, slots=True)
class Option:
    """A rule's setting: its default (whose type a configured value must have) and help.

    A float is a fraction or a similarity in [0, 1] and an int a count (0 or more); a list
    takes strings, from `choices` when the option names them.
    """

    default: Any
    help: str
    choices: tuple[str, ...] | None = None

    def parse(self, value: Any) -> Any:
        """The configured `value` in the default's type; TypeError or ValueError saying what is allowed."""
        default = self.default
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise TypeError(f"expected true or false, got {value!r}")
            return value
        if isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"expected an integer, got {value!r}")
            if value < 0:
                raise ValueError(f"expected a count (0 or more), got {value!r}")
            return value
        if isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"expected a number, got {value!r}")
            if not 0 <= value <= 1:
                raise ValueError(f"expected a number from 0 to 1, got {value!r}")
            return float(value)
        if isinstance(default, tuple):
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"expected a list of strings, got {value!r}")
            unknown = [v for v in value if self.choices is not None and v not in self.choices]
            if unknown:
                raise ValueError(f"unknown value {unknown[0]!r} (allowed: {', '.join(self.choices or ())})")
            return tuple(value)
        if isinstance(default, str) and not isinstance(value, str):
            raise TypeError(f"expected a string, got {value!r}")
        return value


class Options:
    """A check's options as a typed, read-only object (`ctx.options.threshold`).

    The values are the instance's attributes too, so reading one (per segment, per name) is a
    plain attribute look-up, not a call of `__getattr__`, which answers only unknown names.
    """

    def __init__(self, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_values", dict(values))
        self.__dict__.update(self._values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("check options are read-only")

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)


@dataclass(frozen=True)
class CheckContext:
    """What a check may consult about the document it runs on."""

    document: Document
    config: Config
    paragraphs: tuple[Segment, ...]
    options: Options = field(default_factory=lambda: Options({}))
    # Re-translation evidence for checks that require it (set by the pipeline after scoring).
    evidence: Any = None
    # Per-document results several checks share (the quote parse, the name mentions).
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def sentences(self) -> tuple[Segment, ...]:
        """Split on first use: paragraph-scope checks never pay for it."""
        return self.memo("sentences", lambda: split_sentences(self.document, self.paragraphs))

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def for_check(self, check: Check, options: Mapping[str, Any]) -> CheckContext:
        return CheckContext(
            document=self.document,
            config=self.config,
            paragraphs=self.paragraphs,
            options=Options(options),
            evidence=self.evidence,
            _memo=self._memo,
        )


class FeedReview(Protocol):
    """How a feed-scope check judges a stream: notes go in as documents arrive; each document is
    judged once `lookahead` later documents have been added (or at the end of the feed)."""

    lookahead: int

    def add(self, document: Document, note: Any) -> None: ...

    def judge(self, document: Document, note: Any) -> list[Finding]: ...


class Check:
    """Base class; subclasses set the class attributes and implement `run` (or, for scope
    "feed", `observe` and `review`)."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[Scope] = "paragraph"
    # "retranslation" for checks that need re-translations; "source" for checks that need the source.
    requires: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[Mapping[str, Option]] = {}
    aliases: ClassVar[tuple[str, ...]] = ()
    # True when every suggestion this rule makes is the one right replacement (a quote mark,
    # spacing, a glossary spelling), so `mt-audit fix` may apply it without a person choosing.
    fixable: ClassVar[bool] = False
    # What this rule's findings are about (`audit.merge` folds findings that share one): "mark"
    # for findings on quotation marks (those at either end of the span), "name" for findings
    # on a name's spelling (overlapping spans are one name), "number" for findings on a figure
    # (overlapping spans are one number). Empty: never merged.
    subjects: ClassVar[frozenset[Subject]] = frozenset()
    # Which rule reports when findings merge (the highest; the others become related).
    # Marks: the most specific explanation of the mark. Names: the most authoritative
    # suggestion; glossary 60, house spellings 55, re-translation 50, gazetteer 40,
    # in-document variant 30, spelling pattern 20, rules without a suggestion below that.
    precedence: ClassVar[int] = 0
    # Reported once per document: the merge keeps the first place and lists the others.
    once_per_document: ClassVar[bool] = False

    def run(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    def prepare(self, config: Config) -> None:
        """Load what the check reads from files the config names (a glossary, a house list) before
        any document, so a bad file is one ConfigError for the run, not a crash per document."""

    def observe(self, ctx: CheckContext) -> Any:
        """A feed-scope check's note on one document (picklable, small), made where the
        model-free checks run; the pipeline's feed stage hands it to `review`."""
        raise NotImplementedError

    def review(self, options: Options) -> FeedReview:
        """A feed-scope check's judge for one run: it sees each document's note in input order."""
        raise NotImplementedError

    def finding(
        self,
        segment: Segment,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        evidence: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Make a finding at document offsets [start, end); raises on a span outside the text."""
        text = segment.doc.text
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"{self.code}: span [{start}, {end}) outside a text of {len(text)}")
        unit = segment.doc.unit_at(start) if segment.doc.units else None
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            doc_id=segment.doc.id,
            start=start,
            end=end,
            message=message,
            text=text[start:end],
            suggestion=suggestion,
            evidence=evidence,
            unit_id=unit.id if unit else None,
        )

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0].strip()

    @classmethod
    def description(cls) -> str:
        """The docstring without its summary line, dedented."""
        lines = (cls.__doc__ or "").strip().splitlines()[1:]
        indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
        cut = min(indents, default=0)
        return "\n".join(line[cut:] for line in lines).strip()

    @classmethod
    def examples(cls) -> tuple[list[str], list[str]]:
        """The Bad: and Good: example lines of the docstring."""
        bad: list[str] = []
        good: list[str] = []
        current: list[str] | None = None
        for raw in cls.description().splitlines():
            line = raw.strip()
            if line.startswith("Bad:"):
                current, line = bad, line[4:].strip()
            elif line.startswith("Good:"):
                current, line = good, line[5:].strip()
            elif not line:
                current = None
                continue
            if current is not None and line:
                current.append(line)
        return bad, good


_REGISTRY: dict[str, type[Check]] = {}
_NAMES: dict[str, str] = {}


def register(cls: type[Check]) -> type[Check]:
    """Validate a check's declaration and add it to the registry (a decorator)."""
    where = f"{cls.__module__}.{cls.__qualname__}"
    code = getattr(cls, "code", None)
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise TypeError(f"{where}: code {code!r} must match {CODE_PATTERN.pattern}")
    taken = {c for c in _REGISTRY} | {a for k in _REGISTRY.values() for a in k.aliases}
    if code in taken or any(alias in taken for alias in cls.aliases):
        raise TypeError(f"{where}: code {code} is already registered")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not NAME_PATTERN.match(name) or name in _NAMES:
        raise TypeError(f"{where}: name {name!r} must be a unique dotted lower-case string")
    module = cls.__module__.rsplit(".", 1)[-1]
    if module not in FAMILY_MODULES.get(code[0], frozenset()):
        raise TypeError(f"{where}: family {code[0]} does not belong in module {module}")
    if not isinstance(getattr(cls, "severity", None), Severity):
        raise TypeError(f"{where}: severity must be a Severity")
    bad, good = cls.examples()
    if not cls.summary() or not bad or not good:
        raise TypeError(f"{where}: docstring needs a summary line and Bad:/Good: examples")
    _REGISTRY[code] = cls
    _NAMES[name] = code
    return cls


def all_checks() -> list[type[Check]]:
    import audit.checks

    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def rule_of(code: str) -> type[Check] | None:
    """The registered rule that made a finding with this code (a plain lookup, for every finding)."""
    return _REGISTRY.get(code)


def check_by_code(code: str) -> type[Check] | None:
    all_checks()
    if code in _REGISTRY:
        return _REGISTRY[code]
    for cls in _REGISTRY.values():
        if code in cls.aliases or code == cls.name:
            return cls
    return None


def rule_key(text: str) -> str:
    """A code, code prefix or rule name as selection compares it: case does not matter.

    Codes are upper-case and names lower-case in the registry; a retired code (an alias)
    becomes the code of the rule that carries it on.
    """
    key = text.strip()
    key = key.upper() if _CODE_PREFIX.match(key) else key.lower()
    for cls in all_checks():
        if key in cls.aliases:
            return cls.code
    return key


def closest_rule(text: str) -> str:
    """The rule a mistyped code or name most likely meant, as `Q102 (quotes.reversed)`.

    Codes, names and (for a word without a dot) the family words compete, case folded,
    so `Q1O2` finds Q102 and `quote` finds the quotes family.
    """
    words: dict[str, tuple[str, type[Check]]] = {}
    for cls in all_checks():
        words[cls.code.lower()] = (cls.code, cls)
        words[cls.name] = (cls.name, cls)
        if "." not in text:
            words.setdefault(cls.name.split(".")[0], (cls.name.split(".")[0], cls))
    best = difflib.get_close_matches(text.strip().lower(), list(words), n=1, cutoff=0.0)[0]
    word, cls = words[best]
    return f"{cls.code} ({cls.name})" if word in (cls.code, cls.name) else f"{word} (the {word}.* rules)"


SCOPE_KINDS: Mapping[Scope, SegmentKind] = {
    "document": SegmentKind.DOCUMENT,
    "paragraph": SegmentKind.PARAGRAPH,
    "sentence": SegmentKind.SENTENCE,
}
