from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from audit.config import Config, apply
from audit.pipeline import Auditor
from audit.report.github import command
from audit.report.printable import printable
from audit.report.terminal import TextReporter
from audit.types import Document, RunMeta, Summary

HOSTILE = "\x1b]8;;https://evil.example/\x1b\\CLICK\x1b]8;;\x1b\\ \x00\u202e\ud800"


def test_printable_replaces_controls_bidi_and_surrogates_one_for_one() -> None:
    assert printable("a\x1b[31mb\x00c\u202ed\u2066e\ud800f\x9bg\nh") == "a\ufffd[31mb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh"
    assert printable("tab\there") == "tab here"
    assert printable("Khayyat “Tahrir” — ‘Al-Sham’ 北京 é") == "Khayyat “Tahrir” — ‘Al-Sham’ 北京 é"


@pytest.mark.parametrize("doc_id", ["/news/x", "[/]", "[link=https://evil.example/]CLICK", "[bold]x[/bold", "\\"])
def test_issue14_text_report_shows_markup_like_ids_verbatim(report: Callable[..., str], doc_id: str) -> None:
    record = Document(id=doc_id, path="feed.jsonl", line=3, verbatim=False, text="The  Konashenkof said.")
    out = report("text", [record, Document(id="b", path="b.txt", text="The  end.")])
    assert f"feed.jsonl:3: [{doc_id} 1:4] Q990 warning" in out
    assert "b.txt:1:4: Q990 warning" in out  # the next document is still reported


def test_issue14_markup_in_ids_makes_no_hyperlink_on_a_colour_terminal(fake_checks: object) -> None:
    config = apply(Config(), {"select": ["Q99"]}, "test")
    out = io.StringIO()
    reporter = TextReporter(out, config, color=True)
    reporter.start(RunMeta(version="0", config_hash="x", retranslation="off"))
    record = Document(id="[link=https://evil.example/]CLICK", path="f.jsonl", line=1, verbatim=False, text="a  b")
    [result] = Auditor(config).audit([record])
    reporter.document(result, failed=False)
    assert "\x1b[" in out.getvalue()  # coloured
    assert "\x1b]8;" not in out.getvalue()  # OSC 8 is how a terminal hyperlink starts
    assert "[link=https://evil.example/]CLICK" in out.getvalue()


def test_issue14_control_characters_never_reach_the_terminal(report: Callable[..., str]) -> None:
    record = Document(id=HOSTILE, path=f"feed{HOSTILE}.jsonl", line=1, verbatim=False, text=f"The  Konashenkof {HOSTILE}.")
    out = report("text", [record])
    assert not any(ch in out for ch in "\x1b\x00\u202e\ud800")
    out.encode("utf-8")  # nothing unencodable either
    assert "Q990 warning" in out and "N990 error" in out


def test_issue14_underline_stays_under_the_span_after_control_characters(report: Callable[..., str]) -> None:
    out = report("text", [Document(id="a", path="a.txt", text="\x1b\x1b\u202eThe  end.")])
    shown, underline = out.splitlines()[1:3]
    assert shown.index("The") + 3 == underline.index("^")


def test_issue14_github_annotations_carry_no_control_characters(report: Callable[..., str]) -> None:
    record = Document(id=HOSTILE, path=f"dir/{HOSTILE}.jsonl", line=1, verbatim=False, text=f"The  {HOSTILE}")
    out = report("github", [record])
    assert not any(ch in out for ch in "\x1b\x00\u202e\ud800")
    assert out.startswith("::warning file=dir/\ufffd]8;;https%3A//evil.example/")
    assert command("error", "one\ntwo\x1b") == "::error::one%0Atwo\ufffd"


def test_issue14_summary_line_escapes_the_retranslation_status() -> None:
    out = io.StringIO()
    reporter = TextReporter(out, Config())
    reporter.start(RunMeta(version="0", config_hash="x", retranslation="unavailable: [/bad] \x1b[2J"))
    reporter.finish(Summary())
    assert out.getvalue() == "0 documents · 0 findings · re-translation: unavailable: [/bad] \ufffd[2J\n"
