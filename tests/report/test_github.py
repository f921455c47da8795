from __future__ import annotations

from collections.abc import Callable

from audit.io import ReadFailure
from audit.report.github import command, escape_data, escape_property
from audit.types import Document, Unit


def test_github_annotation_has_file_line_columns_and_title(report: Callable[..., str]) -> None:
    out = report("github", [Document(id="a.txt", path="docs/a.txt", text="First.\nThe  Konashenkof said.\n")])
    lines = out.splitlines()
    assert lines[0] == "::warning file=docs/a.txt,line=2,endLine=2,col=4,endColumn=6,title=Q990 quotes.test_double_space::two spaces (suggestion: ' ')"
    assert lines[1] == (
        "::error file=docs/a.txt,line=2,endLine=2,col=6,endColumn=17,title=N990 names.test_glossary"
        "::glossary spells it Konashenkov (suggestion: 'Konashenkov')"
    )
    assert lines[-1] == "mt-audit: 1 documents, 2 findings (1 error, 1 warning)"


def test_github_info_is_a_notice(report: Callable[..., str]) -> None:
    out = report("github", [Document(id="a.txt", path="a.txt", text="An ALERT came.")], select=["N991"])
    assert out.startswith("::notice file=a.txt,line=1,endLine=1,col=4,endColumn=9,title=N991 names.test_shout::")


def test_github_escapes_properties_and_message() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"
    assert command("error", "a: b, c\nd", file="x:y,z.txt", line=3) == "::error file=x%3Ay%2Cz.txt,line=3::a: b, c%0Ad"
    assert command("notice", "plain") == "::notice::plain"


def test_github_escapes_untrusted_paths_in_findings(report: Callable[..., str]) -> None:
    out = report("github", [Document(id="x", path="we,ird:na%me.txt", text="Konashenkof")])
    assert out.splitlines()[0].startswith("::error file=we%2Cird%3Ana%25me.txt,line=1,")


def test_github_feed_record_points_at_its_line_with_position_in_message(report: Callable[..., str]) -> None:
    record = Document(id="r9", path="feed.jsonl", line=4, verbatim=False, text="Ok.\nKonashenkof")
    unit = Document(
        id="t.xlf#u1", path="t.xlf", line=9, verbatim=False, text="Konashenkof", units=(Unit("u1", 0, 11, 9),)
    )
    first, second, _ = report("github", [record, unit]).splitlines()
    assert first.startswith("::error file=feed.jsonl,line=4,title=N990 names.test_glossary::[r9 2:1] glossary")
    assert second.startswith("::error file=t.xlf,line=9,title=N990 names.test_glossary::[t.xlf#u1 unit u1 1:1] ")


def test_github_unreadable_input_is_an_error_annotation(report: Callable[..., str]) -> None:
    failure = ReadFailure(id="f.jsonl:2", path="f.jsonl", line=2, message="record has no \"text\" field")
    out = report("github", [failure])
    assert out.splitlines()[0] == '::error file=f.jsonl,line=2,title=mt-audit input error::f.jsonl:2: record has no "text" field'
    assert out.splitlines()[-1].endswith("1 unreadable")
