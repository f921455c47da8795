"""A JSONL record's own fields (url, lang, published...) pass through to the reports untouched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from audit.io import read_inputs

PAYLOAD = "<script>alert(1)</script>"


def _feed(tmp_path: Path) -> list[str]:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "a", "text": "The  general Konashenkof said.", "url": "https://example.org/a", "lang": "en",
         "published": "2024-05-01", "tags": ["syria", PAYLOAD]},
        {"id": "b", "text": "Plain text."},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [str(feed)]


def test_issue13_json_and_jsonl_carry_metadata(tmp_path: Path, report: Callable[..., str]) -> None:
    inputs = _feed(tmp_path)
    whole = json.loads(report("json", read_inputs(inputs)))
    first, second = whole["documents"]
    assert first["metadata"] == {"url": "https://example.org/a", "lang": "en", "published": "2024-05-01",
                                 "tags": ["syria", PAYLOAD]}
    assert "metadata" not in second
    lines = [json.loads(line) for line in report("jsonl", read_inputs(inputs)).splitlines()]
    documents = [line for line in lines if line["type"] == "document"]
    assert documents[0]["metadata"]["url"] == "https://example.org/a"
    assert "metadata" not in documents[1]


def test_issue13_html_shows_metadata_escaped(tmp_path: Path, report: Callable[..., str]) -> None:
    html = report("html", read_inputs(_feed(tmp_path)))
    assert '<span class="score-key">url</span> https://example.org/a</span>' in html
    assert '<span class="score-key">tags</span> [&#34;syria&#34;, &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;]' in html
    assert PAYLOAD not in html
