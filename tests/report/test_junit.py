from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from audit.io import ReadFailure
from audit.report import junit
from audit.types import Document


def parse(out: str) -> ET.Element:
    return ET.fromstring(out.encode("utf-8"))


def test_junit_one_testcase_per_document(report: Callable[..., str]) -> None:
    docs = [
        Document(id="clean.txt", path="clean.txt", text="All fine."),
        Document(id="bad.txt", path="bad.txt", text="The  general Konashenkof said."),
        Document(id="info.txt", path="info.txt", text="An ALERT came."),
    ]
    failure = ReadFailure(id="f.jsonl:3", path="f.jsonl", line=3, message="malformed JSON at column 1: Expecting value")
    root = parse(report("junit", [*docs, failure]))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert list(cases) == ["clean.txt", "bad.txt", "info.txt", "f.jsonl:3"]
    assert len(cases["clean.txt"]) == 0
    failure_element = cases["bad.txt"].find("failure")
    assert failure_element is not None
    assert failure_element.get("message") == "2 findings"
    assert failure_element.get("type") == "N990,Q990"
    body = (failure_element.text or "").splitlines()
    assert body[0] == "bad.txt:1:4: Q990 warning: two spaces [quotes.test_double_space] (suggestion: ' ')"
    assert body[1].startswith("bad.txt:1:14: N990 error: glossary spells it Konashenkov")
    # Findings below the gate (info < warning) are listed, but do not fail the testcase.
    assert cases["info.txt"].find("failure") is None
    assert "N991 info: shouted" in (cases["info.txt"].findtext("system-out") or "")
    error = cases["f.jsonl:3"].find("error")
    assert error is not None and "malformed JSON" in (error.get("message") or "")


def test_junit_escapes_untrusted_text(report: Callable[..., str]) -> None:
    nasty = 'a"<b>&\'\x01\x1b\ufffe'
    doc = Document(id=nasty, path=nasty + ".txt", text="Konashenkof")
    root = parse(report("junit", [doc]))
    [case] = root.iter("testcase")
    assert case.get("name") == 'a"<b>&\'\\x01\\x1b\\xfffe'


def test_junit_fail_on_never_makes_findings_output_only(report: Callable[..., str]) -> None:
    root = parse(report("junit", [Document(id="a", path="a", text="Konashenkof")], fail_on="never"))
    assert root.get("failures") == "0"
    [case] = root.iter("testcase")
    assert "N990" in (case.findtext("system-out") or "")


def test_junit_spools_large_reports_to_disk(report: Callable[..., str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(junit, "SPOOL_BYTES", 256)
    docs = [Document(id=f"d{i}", path=f"d{i}.txt", text="Konashenkof  said.") for i in range(50)]
    root = parse(report("junit", docs))
    assert [case.get("name") for case in root.iter("testcase")] == [f"d{i}" for i in range(50)]
    assert root.get("failures") == "50"
