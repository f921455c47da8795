"""Every reader on hostile bytes (issue 14): a document or a one-line failure, never a crash.

Hypothesis builds inputs from the pieces that broke readers before (deep nesting, lone
surrogates, NUL and invalid UTF-8, no-break spaces, BOMs, control characters, long lines)
mixed with arbitrary bytes. The budgets are small so the suite stays fast; the properties are
what every reader promises: each input yields documents and failures only, a failure is one
line, a document's text is neither blank nor unencodable, and the other loaders (the
re-translation files, a baseline, a config, a glossary) fail with their own one-line error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.baseline import Baseline
from audit.config import load_config
from audit.errors import AuditError
from audit.io import ReadFailure, read_inputs
from audit.io.base import is_blank
from audit.names.glossary import _load_glossary, load_glossary
from audit.translate.precomputed import read_retranslation_files
from audit.types import Document

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = [
    b'{"id": "a", "text": "He said \xe2\x80\x9chi.\xe2\x80\x9d"}',
    b'{"text": "\\ud800"}',
    b'{"id": "\\udfff", "text": "x"}',
    b'{"text": "\\ud83d\\ude00 fine"}',
    b'{"text": "\xc2\xa0\xc2\xa0"}',
    b'{"text": "x", "retranslations": ' + b"[" * 300 + b"]" * 300 + b"}",
    b"[" * 2000,
    b'{"text": "caf\xe9"}',
    b"\x00",
    b"\xef\xbb\xbf",
    b"\x1b[31m",
    b"\xe2\x80\xae",
    b'{"text": ',
    b'"',
    b"\n",
    b"\r\n",
    b"<xliff>",
    b'<trans-unit id="u"><target>t</target></trans-unit>',
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>&a;",
    b'msgid "a"\nmsgstr "b"\n',
    b"<tu><tuv><seg>x</seg></tuv></tu>",
    b"\xc2\xa0",
    b"x" * 300,
]
HOSTILE = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=40)), max_size=12).map(b"".join)


def _check_items(items: list[Document | ReadFailure]) -> None:
    for item in items:
        if isinstance(item, ReadFailure):
            assert "\n" not in str(item) and "\r" not in str(item)
        else:
            assert isinstance(item, Document)
            assert not is_blank(item.text)
            item.text.encode("utf-8")  # no lone surrogate reaches a writer
            item.id.encode("utf-8")
            for retranslation in item.retranslations:
                retranslation.encode("utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".xlf", ".tmx", ".po"])
@FUZZ
@given(data=HOSTILE)
def test_issue14_every_reader_yields_documents_or_one_line_failures(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _check_items(list(read_inputs([str(path)])))


@FUZZ
@given(data=HOSTILE)
def test_issue14_stdin_as_jsonl_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io
    import sys

    for input_format in ("jsonl", "text"):
        stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        _check_items(list(read_inputs(["-"], input_format=input_format)))


@FUZZ
@given(data=HOSTILE)
def test_issue14_retranslation_files_fail_with_one_line(tmp_path: Path, data: bytes) -> None:
    for name in ("rt.jsonl", "rt.txt"):
        path = tmp_path / name
        path.write_bytes(data)
        try:
            found = read_retranslation_files([str(path)])
        except AuditError as exc:
            assert "\n" not in str(exc)
            continue
        for texts in [*found.by_id.values(), [text for _, text in found.whole]]:
            for text in texts:
                text.encode("utf-8")


@FUZZ
@given(data=HOSTILE)
def test_issue14_baseline_config_and_glossary_fail_with_one_line(tmp_path: Path, data: bytes) -> None:
    baseline, config, glossary = tmp_path / "b.json", tmp_path / "mt-audit.toml", tmp_path / "g.tsv"
    for path in (baseline, config, glossary):
        path.write_bytes(data)
    _load_glossary.cache_clear()
    for load in (lambda: Baseline.load(baseline), lambda: load_config(config), lambda: load_glossary(str(glossary))):
        try:
            load()
        except AuditError as exc:
            assert "\n" not in str(exc).strip()


def test_issue14_deep_baseline_and_config_are_one_line_errors(tmp_path: Path) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(json.dumps({"tool": "mt-audit"})[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}")
    with pytest.raises(AuditError, match="nested too deeply"):
        Baseline.load(baseline)
    config = tmp_path / "mt-audit.toml"
    config.write_text("select = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(AuditError, match="nested too deeply"):
        load_config(config)
