"""The `--ner hf:` finder, on tiny random models the tests build (no network)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from audit.config import Config, apply
from audit.errors import ConfigError
from audit.names.finder import mention_finder
from audit.names.hf import HFMentionFinder, _chunks
from audit.pipeline import audit_documents
from audit.types import Document

pytest.importorskip("transformers")
pytest.importorskip("torch")

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_tiny_ner.py"
_spec = importlib.util.spec_from_file_location("make_tiny_ner", _SCRIPT)
assert _spec and _spec.loader
make_tiny_ner = importlib.util.module_from_spec(_spec)
sys.modules["make_tiny_ner"] = make_tiny_ner
_spec.loader.exec_module(make_tiny_ner)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ner")
    return {label: make_tiny_ner.build(root / label, label) for label in ("B-PER", "I-PER", "O", "B-DATE")}


TEXT = "Igor Konashenkov said in Ankara.\nHayat Tahrir al-Sham left Idlib."


def test_hf_every_token_begins_a_name(models: dict[str, Path]) -> None:
    finder = HFMentionFinder(str(models["B-PER"]))
    mentions = finder(TEXT)
    texts = [m.text for m in mentions]
    assert "Konashenkov" in texts and "Ankara" in texts and "Idlib" in texts
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_hf_inside_labels_join_adjacent_words(models: dict[str, Path]) -> None:
    mentions = HFMentionFinder(str(models["I-PER"]))(TEXT)
    assert mentions[0].text.startswith("Igor Konashenkov said")
    assert all("\n" not in m.text or m.text.strip() for m in mentions)


def test_hf_outside_and_numeric_labels_find_nothing(models: dict[str, Path]) -> None:
    assert HFMentionFinder(str(models["O"]))(TEXT) == []
    assert HFMentionFinder(str(models["B-DATE"]))(TEXT) == []


def test_hf_finder_drives_the_variant_rule(models: dict[str, Path]) -> None:
    config = apply(Config(), {"select": ["N201"], "ner": f"hf:{models['B-PER']}"}, "test")
    text = "Konashenkov said. Konashenkov added. Then Konashenkow said."
    [result] = audit_documents([Document(id="d", text=text)], config, strict=True)
    assert result.error is None


def test_hf_missing_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot load hf:"):
        HFMentionFinder(str(tmp_path / "nope"))


def test_hf_unknown_scheme_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not a finder"):
        mention_finder("bert:whatever")


def test_hf_chunks_cover_the_text_in_order() -> None:
    text = ("word " * 700 + "\n") * 3
    pieces = _chunks(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 1500 for start, end in pieces)
