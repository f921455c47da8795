"""D3xx on the sample against a faithful re-translation, end to end, and the name comparison.

tests/data/idlib-retranslation.txt is a clean English version of samples/idlib-wire.txt that
spells the groups canonically (Hayat Tahrir al-Sham, Hurras al-Din, Turkistan Islamic Party).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.checks.divergence import _narrowed, _Reading, _same_name
from audit.checks.divergence import _reading as _make_reading
from audit.cli import cli
from audit.names.finder import Mention, find_mentions

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
RETRANSLATION = ROOT / "tests" / "data" / "idlib-retranslation.txt"
GARBLED = {
    "Khayyat Tahrir Al-Sham": "Hayat Tahrir al-Sham",
    "Khayyat Tahrir Ash-Sham": "Hayat Tahrir al-Sham",
    "Islamic Party of Turkestan": "Turkistan Islamic Party",
    "Khoras ad-Din": "Hurras al-Din",
}


@pytest.fixture(scope="module")
def sample_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    record = {
        "id": "idlib",
        "text": SAMPLE.read_text(encoding="utf-8"),
        "retranslations": [RETRANSLATION.read_text(encoding="utf-8")],
    }
    path = tmp_path_factory.mktemp("feed") / "idlib.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_report(sample_feed: Path) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(
        cli,
        ["check", str(sample_feed), "--format", "json", "--fail-on", "never", "--retranslate", "off", "--jobs", "1"],
    )
    assert result.exit_code == 0, result.output
    report: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return report


def test_sample_every_garbled_group_gets_the_retranslation_spelling(sample_report: dict) -> None:  # type: ignore[type-arg]
    [document] = sample_report["documents"]
    places = [item for f in document["findings"] for item in (f, *f["related"])]
    mangled = [f for f in places if f["code"] == "D303"]
    text = SAMPLE.read_text(encoding="utf-8")
    expected = sum(text.count(garbled) for garbled in GARBLED)
    assert expected == 7
    by_text = {(f["text"], f["suggestion"]) for f in mangled}
    assert by_text >= set(GARBLED.items())
    assert sum(f["text"] in GARBLED for f in mangled) == expected
    assert ("Khmeimim", "Hmeimim") in by_text


def test_sample_report_carries_scores_alignments_and_signatures(sample_report: dict) -> None:  # type: ignore[type-arg]
    meta = sample_report["meta"]
    assert "nw:2" in meta["metric_signatures"]["chrf++"]
    assert meta["embedding_model"].startswith("sentence-transformers/all-MiniLM-L6-v2")
    [document] = sample_report["documents"]
    assert document["retranslation_status"] == "precomputed"
    scores = document["scores"]
    assert 60 < scores["chrf++"] < 90 and 0 < scores["divergence"] < 0.3
    assert scores["segments"] == 20 and scores["segments.divergent"] == 0
    alignments = document["alignments"]
    assert len(alignments) == 20
    assert {"chrf++", "bleu", "cosine", "divergence"} <= set(alignments[0]["scores"])
    assert "ter" not in alignments[0]["scores"]  # TER only when asked for: divergence.ter
    assert alignments[0]["rt_text"].startswith('"The situation in the Idlib de-escalation zone')


def test_sample_faithful_retranslation_raises_no_segment_divergence(sample_report: dict) -> None:  # type: ignore[type-arg]
    [document] = sample_report["documents"]
    codes = {f["code"] for f in document["findings"]}
    assert not codes & {"D301", "D302", "D305"}
    assert "D303" in codes


def test_sample_with_retranslation_file_flag() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "check", str(SAMPLE), "--retranslation", str(RETRANSLATION), "--select", "D303",
            "--format", "jsonl", "--fail-on", "warning", "--jobs", "1",
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    [document] = [r for r in records if r.get("type") == "document"]
    assert {f["suggestion"] for f in document["findings"]} == {*GARBLED.values(), "Hmeimim"}


def _reading(text: str) -> _Reading:
    return _make_reading(text, find_mentions(text))


def test_same_name_folds_case_diacritics_possessives_and_derivations() -> None:
    reading = _reading("The group of al-Julani met Recep Tayyip Erdoğan in Russia.")
    assert _same_name("Al-Julani’s", reading)
    assert _same_name("Erdogan", reading)
    assert _same_name("Russian", reading)
    assert not _same_name("Hurras al-Din", reading)


def test_narrowed_to_the_differing_words() -> None:
    mt = Mention(10, 26, "Russian Khmeimim")
    assert _narrowed(mt, Mention(0, 15, "Russian Hmeimim")) == (18, 26, "Hmeimim")
    whole = Mention(0, 22, "Khayyat Tahrir Al-Sham")
    # `Al-Sham` differs in case from `al-Sham`, so the whole name is replaced.
    assert _narrowed(whole, Mention(0, 20, "Hayat Tahrir al-Sham")) == (0, 22, "Hayat Tahrir al-Sham")
