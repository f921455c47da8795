"""Precomputed re-translations from files, and which routes a document gets under each mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import TranslateConfig
from audit.errors import ConfigError, InputError
from audit.translate.precomputed import read_retranslation_files
from audit.translate.routes import plan_routes
from audit.types import Document

DOC = Document(id="d1", text="Konashenkov said.", retranslations=("Konashenkov stated.",))


def test_plain_text_file_is_the_retranslation_of_the_one_document(tmp_path: Path) -> None:
    path = tmp_path / "rt.txt"
    path.write_text("\ufeffKonashenkov declared.\n", encoding="utf-8")
    found = read_retranslation_files([str(path)])
    assert found.for_document(DOC) == ("Konashenkov stated.", "Konashenkov declared.\n")


def test_plain_text_file_with_several_documents_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "rt.txt"
    path.write_text("Konashenkov declared.", encoding="utf-8")
    found = read_retranslation_files([str(path)])
    found.for_document(DOC)
    with pytest.raises(InputError, match=r"rt\.txt: a plain-text --retranslation file .* JSONL"):
        found.for_document(Document(id="d2", text="Other."))


def test_jsonl_file_matches_documents_by_id(tmp_path: Path) -> None:
    path = tmp_path / "rt.jsonl"
    path.write_text(
        '{"id": "d1", "retranslation": "one"}\n\n{"id": "d2", "retranslations": ["two", "three"]}\n',
        encoding="utf-8",
    )
    found = read_retranslation_files([str(path)])
    assert found.for_document(DOC) == ("Konashenkov stated.", "one")
    assert found.for_document(Document(id="d2", text="x")) == ("two", "three")
    assert found.for_document(Document(id="d3", text="x")) == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "d1", "retranslation": "one"}\n{"id": ', r"rt\.jsonl:2: malformed JSON"),
        ('["d1"]\n', r'rt\.jsonl:1: a record must be an object with a string "id"'),
        ('{"id": "d1"}\n', r'rt\.jsonl:1: give "retranslation"'),
        ('{"id": "d1", "retranslations": [1]}\n', r'rt\.jsonl:1: give "retranslation"'),
        ('{"id": "d1", "retranslations": ' + "[" * 5000 + "]" * 5000 + "}\n", r"rt\.jsonl:1: JSON nested more than"),
        ('{"id": "d1", "retranslation": "a\\udc00"}\n', r"rt\.jsonl:1: field 'retranslation' holds a lone surrogate"),
    ],
)
def test_bad_jsonl_record_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rt.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_retranslation_files([str(path)])


def test_missing_empty_or_binary_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such re-translation file"):
        read_retranslation_files([str(tmp_path / "nope.txt")])
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty re-translation file"):
        read_retranslation_files([str(tmp_path / "empty.txt")])
    (tmp_path / "latin1.txt").write_bytes("Konashenkov d\xe9clar\xe9".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt:1:14: invalid UTF-8 \(byte 0xe9\)"):
        read_retranslation_files([str(tmp_path / "latin1.txt")])


def _names(mode: str, **kwargs: object) -> list[str]:
    defaults: dict[str, object] = {"has_source": False, "source_lang": None, "has_precomputed": False}
    defaults.update(kwargs)
    return [r.name for r in plan_routes(TranslateConfig(mode=mode, pivots=("ru", "de")), **defaults)]  # type: ignore[arg-type]


def test_auto_prefers_precomputed_then_direct_then_round_trip() -> None:
    assert _names("auto", has_precomputed=True, has_source=True, source_lang="ru") == []
    assert _names("auto", has_source=True, source_lang="ru") == ["direct:ru-en"]
    assert _names("auto", has_source=True) == ["roundtrip:ru", "roundtrip:de"]
    assert _names("auto") == ["roundtrip:ru", "roundtrip:de"]


def test_explicit_modes() -> None:
    assert _names("roundtrip", has_precomputed=True, has_source=True, source_lang="ru") == [
        "roundtrip:ru",
        "roundtrip:de",
    ]
    assert _names("direct", has_precomputed=True, has_source=True, source_lang="ru") == ["direct:ru-en"]
    assert _names("direct") == []
    assert _names("off", has_source=True, source_lang="ru") == []


def test_route_models_follow_the_template_and_model_flag() -> None:
    config = TranslateConfig(model_template="/models/opus-mt-{src}-{tgt}")
    [route] = plan_routes(config, has_source=False, source_lang=None, has_precomputed=False)
    assert route.models == ("/models/opus-mt-en-ru", "/models/opus-mt-ru-en")
    direct = TranslateConfig(model="my/ru-en-model")
    [route] = plan_routes(direct, has_source=True, source_lang="RU", has_precomputed=False)
    assert route.models == ("my/ru-en-model",) and route.reads_source


def test_unknown_mode_and_no_pivots_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="translate.mode"):
        plan_routes(TranslateConfig(mode="sideways"), has_source=False, source_lang=None, has_precomputed=False)
    with pytest.raises(ConfigError, match="translate.pivots"):
        plan_routes(TranslateConfig(pivots=()), has_source=False, source_lang=None, has_precomputed=False)
