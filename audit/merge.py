"""One defect, one finding: the findings of a document that share a cause become one.

Several rules can see one defect: `need to“ preserve` is an unclosed quotation (Q101), a mark
glued to the word before it (Q104) and a space inside the quotation (Q103); a misspelt name is
off the glossary (N202), spelt otherwise elsewhere (N201), transliterated through Russian
(N203) and a near miss of the re-translation's name (D303). A reader wants one finding per
defect, so after every check has run on a document (model-free and re-translation ones),
findings are grouped by what they are about, as each rule declares it (`Check.subjects`):

- "mark": findings on the same quotation mark (the first or last character of a span,
  spaces aside) are one defect; the most specific rule (`Check.precedence`) reports.
- "name" (and likewise "number"): findings on overlapping spans of a name (a figure) are one
  defect; the rule with the most
  authoritative suggestion reports, with the strongest severity of them all and every
  other rule's evidence as `related`. A finding with both subjects (Q106: the marks turned
  round a name) joins the two, and a fixable name suggestion inside its span is carried
  into its own suggestion, so one fix mends both.
- Rules reported once per document (`Check.once_per_document`, Q108) keep their first place
  and list the others as related findings of the same code.

Select/ignore and severity overrides act per code before this stage; baselines key on the
reporting finding's fingerprint. The stage sees one document's findings, so every engine
(one process, `--jobs`, Ray, serve) reports the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from audit.checks.base import rule_of
from audit.disjoint import DisjointSets
from audit.types import Finding, Related


def _subjects(finding: Finding) -> frozenset[str]:
    rule = rule_of(finding.code)
    return frozenset(rule.subjects) if rule is not None else frozenset()


def _mark_offsets(finding: Finding) -> tuple[int, ...]:
    """The marks a quote finding is about: the first and last characters of its span, spaces aside."""
    stripped = finding.text.strip()
    if not stripped:
        return ()
    first = finding.start + len(finding.text) - len(finding.text.lstrip())
    last = first + len(stripped) - 1
    return (first,) if first == last else (first, last)


def _group(findings: Sequence[Finding]) -> list[list[int]]:
    groups = DisjointSets(len(findings))
    by_mark: dict[int, int] = {}
    spans: dict[str, list[int]] = {"name": [], "number": []}
    for index, finding in enumerate(findings):
        subjects = _subjects(finding)
        if "mark" in subjects:
            for offset in _mark_offsets(finding):
                groups.join(index, by_mark.setdefault(offset, index))
        for subject, indices in spans.items():
            if subject in subjects and finding.end > finding.start:
                indices.append(index)
    for indices in spans.values():
        _join_overlapping(groups, findings, indices)
    return groups.groups()


def _join_overlapping(groups: DisjointSets, findings: Sequence[Finding], members: list[int]) -> None:
    """Join the findings whose spans overlap (one name, one number)."""
    members.sort(key=lambda i: (findings[i].start, findings[i].end))
    reach, holder = -1, -1
    for index in members:
        finding = findings[index]
        if finding.start < reach:
            groups.join(index, holder)
        if finding.end > reach:
            reach, holder = finding.end, index


def _rank(finding: Finding) -> tuple[int, int, int, int]:
    rule = rule_of(finding.code)
    precedence = rule.precedence if rule is not None else 0
    return (precedence, finding.suggestion is not None, finding.severity, -finding.start)


def _fixable(code: str) -> bool:
    rule = rule_of(code)
    return rule is not None and rule.fixable


def _carried_suggestion(primary: Finding, others: Iterable[Finding]) -> str | None:
    """The primary's suggestion with the fixable name spellings inside its span put in."""
    suggestion = primary.suggestion
    if suggestion is None or "mark" not in _subjects(primary):
        return suggestion
    for other in others:
        inside = primary.start <= other.start and other.end <= primary.end and other.end > other.start
        if (
            inside
            and other.suggestion is not None
            and "name" in _subjects(other)
            and _fixable(other.code)
            and suggestion.count(other.text) == 1
        ):
            suggestion = suggestion.replace(other.text, other.suggestion)
    return suggestion


def _related(kept: Finding, folded: Iterable[Finding]) -> tuple[Related, ...]:
    """`kept`'s related records and those of the findings folded into it, in text order."""
    records = [*kept.related, *(record for f in folded for record in (f.as_related(), *f.related))]
    return tuple(sorted(records, key=lambda r: (r.start, r.end, r.code)))


def _combine(group: Sequence[Finding]) -> Finding:
    primary = max(group, key=_rank)
    others = [finding for finding in group if finding is not primary]
    return replace(
        primary,
        severity=max(finding.severity for finding in group),
        suggestion=_carried_suggestion(primary, others),
        related=_related(primary, others),
    )


def _once_per_document(findings: list[Finding]) -> list[Finding]:
    """Each once-per-document rule's findings folded into its first, which lists the other places."""
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        rule = rule_of(finding.code)
        if rule is not None and rule.once_per_document:
            by_code.setdefault(finding.code, []).append(finding)
    folded = {code: places for code, places in by_code.items() if len(places) > 1}
    if not folded:
        return findings
    kept = [finding for finding in findings if finding.code not in folded]
    for places in folded.values():
        first, rest = places[0], places[1:]
        more = len(rest)
        kept.append(
            replace(
                first,
                message=f"{first.message} (and {more} more place{'s' if more != 1 else ''} in this document)",
                severity=max(finding.severity for finding in places),
                related=_related(first, rest),
            )
        )
    return kept


def merge_findings(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """One document's findings with those that share a cause merged, in report order."""
    ordered = sorted(findings, key=Finding.sort_key)
    merged = [
        ordered[members[0]] if len(members) == 1 else _combine([ordered[i] for i in members])
        for members in _group(ordered)
    ]
    return tuple(sorted(_once_per_document(merged), key=Finding.sort_key))
