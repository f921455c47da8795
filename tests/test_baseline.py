from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.baseline import Baseline, BaselineWriter
from audit.cli import cli
from audit.errors import InputError
from audit.types import Document, DocumentResult, Finding, Severity

TEXT = "The  general Konashenkof said.\nKonashenkof added.\n"


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--select", "Q99,N99", "--format", "json", *args])
    return result.exit_code, result.stdout, result.stderr


def codes(stdout: str) -> list[tuple[str, str]]:
    report = json.loads(stdout)
    return [(f["code"], f["text"]) for doc in report["documents"] for f in doc["findings"]]


def finding(text: str, doc_id: str = "d", code: str = "N990") -> Finding:
    return Finding(code, "names.x", Severity.ERROR, doc_id, 0, len(text), "m", text)


def test_baseline_suppresses_as_many_occurrences_as_recorded(tmp_path: Path) -> None:
    writer = BaselineWriter()
    doc = Document(id="d", text="x")
    writer.add(DocumentResult(document=doc, findings=(finding("Konashenkof"), finding("Konashenkof"))))
    out = io.StringIO()
    writer.dump(out, "0.1.0")
    data = json.loads(out.getvalue())
    assert data["tool"] == "mt-audit" and data["baseline"] == 1
    [entry] = data["findings"]
    assert (entry["code"], entry["document"], entry["text"], entry["count"]) == ("N990", "d", "Konashenkof", 2)

    path = tmp_path / "b.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    baseline = Baseline.load(path)
    three = DocumentResult(document=doc, findings=(finding("Konashenkof"),) * 3 + (finding("Other"),))
    kept = baseline.apply(three)
    assert [f.text for f in kept.findings] == ["Konashenkof", "Other"]
    assert baseline.suppressed == 2 and list(baseline.unused()) == []


def test_baseline_round_trip_through_the_cli(tmp_path: Path, fake_checks: object) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(TEXT, encoding="utf-8")
    base = tmp_path / "baseline.json"
    code, out, err = check(str(wire), "--write-baseline", str(base))
    assert code == 1 and len(codes(out)) == 3
    assert f"wrote {base}: 3 findings (2 fingerprints)" in err
    code, out, err = check(str(wire), "--baseline", str(base))
    assert code == 0 and codes(out) == [] and err == ""


def test_baseline_survives_edits_elsewhere_but_not_new_findings(tmp_path: Path, fake_checks: object) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(TEXT, encoding="utf-8")
    base = tmp_path / "baseline.json"
    check(str(wire), "--write-baseline", str(base))
    wire.write_text("A new lead paragraph.\n\n" + TEXT + "A new  line.\nKonashenkof again.\n", encoding="utf-8")
    code, out, _ = check(str(wire), "--baseline", str(base))
    assert code == 1
    # The recorded occurrences are used up in text order; the extra ones are new.
    assert codes(out) == [("Q990", "  "), ("N990", "Konashenkof")]
    assert [f["line"] for f in json.loads(out)["documents"][0]["findings"]] == [5, 6]


def test_baseline_reports_unused_entries(tmp_path: Path, fake_checks: object) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(TEXT, encoding="utf-8")
    base = tmp_path / "baseline.json"
    check(str(wire), "--write-baseline", str(base))
    wire.write_text("The general Konashenkof said.\n", encoding="utf-8")
    code, out, err = check(str(wire), "--baseline", str(base))
    assert code == 0 and codes(out) == []
    assert f"mt-audit: note: {base}: unused entry Q990 in {wire}: ''" in err
    assert f"mt-audit: note: {base}: unused entry N990 in {wire}: 'Konashenkof' (1 of 2)" in err
    assert "2 entries matched no finding" in err
    assert check(str(wire), "--baseline", str(base), "--quiet")[2] == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "b.json:1:2: malformed baseline JSON"),
        ('{"tool": "other"}', "b.json: not an mt-audit baseline"),
        ('{"tool": "mt-audit", "baseline": 1, "findings": {}}', 'b.json: baseline "findings" must be a list'),
        ('{"tool": "mt-audit", "baseline": 1, "findings": [{"code": "Q101"}]}', "b.json: findings[0]: missing 'fingerprint'"),
        (
            (
                '{"tool": "mt-audit", "baseline": 1, "findings": [{"fingerprint": "f", "code": "Q", "document": "d",'
                ' "unit": null, "text": "t", "count": 0}]}'
            ),
            "findings[0]: 'count' must be at least 1",
        ),
    ],
)
def test_baseline_malformed_is_an_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="^" + str(tmp_path).replace("\\", "\\\\")):
        Baseline.load(path)
    try:
        Baseline.load(path)
    except InputError as exc:
        assert message in str(exc)


def test_baseline_malformed_exits_2_with_one_line(tmp_path: Path, fake_checks: object) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "b.json"
    bad.write_text("[]", encoding="utf-8")
    code, out, err = check(str(wire), "--baseline", str(bad))
    assert code == 2 and out == ""
    assert err == f"mt-audit: error: {bad}: not an mt-audit baseline (version 1); write one with --write-baseline\n"
    code, _, err = check(str(wire), "--baseline", str(tmp_path / "none.json"))
    assert code == 2 and "baseline not found" in err and len(err.splitlines()) == 1
