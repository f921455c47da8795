"""Glossary files: parsing, lookups, errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import ConfigError
from audit.names.glossary import load_glossary, parse_glossary, resolve_glossary_path

SAMPLE = Path(__file__).parents[2] / "samples" / "glossary.tsv"


def test_glossary_sample_lists_the_sample_groups() -> None:
    glossary = load_glossary(str(SAMPLE))
    for variant, canonical in [
        ("Khayyat Tahrir Al-Sham", "Hayat Tahrir al-Sham"),
        ("Khayyat Tahrir Ash-Sham", "Hayat Tahrir al-Sham"),
        ("Khoras ad-Din", "Hurras al-Din"),
        ("Islamic Party of Turkestan", "Turkistan Islamic Party"),
    ]:
        match = glossary.lookup(variant, 0.85)
        assert match is not None and match.canonical == canonical and match.listed
    assert glossary.lookup("Hayat Tahrir al-Sham", 0.85) is None
    assert glossary.lookup("Hayat Tahrir Al-sham", 0.85) is None  # case is not spelling


def test_glossary_near_miss_but_not_a_word_of_it() -> None:
    glossary = parse_glossary("Hurras al-Din\tKhoras ad-Din\n", "g.tsv")
    near = glossary.lookup("Khurras ad-Din", 0.85)
    assert near is not None and not near.listed and near.canonical == "Hurras al-Din"
    assert glossary.lookup("Damascus", 0.85) is None


def test_glossary_csv_comments_and_header() -> None:
    glossary = parse_glossary('canonical,variants\n# note\n"Hmeimim","Khmeimim",Hmeymim\n', "g.csv")
    assert glossary.canonical_of("Khmeimim") == "Hmeimim"


def test_glossary_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^g.tsv:2: .*no canonical name"):
        parse_glossary("Hmeimim\tKhmeimim\n\tKhmeymim\n", "g.tsv")
    with pytest.raises(ConfigError, match=r"^g.tsv:2: .*already listed on line 1"):
        parse_glossary("Hmeimim\tKhmeimim\nHmeymim\tKhmeimim\n", "g.tsv")
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes(b"Hmeimim\n\xe9t\xe9\n")
    with pytest.raises(ConfigError, match=r"latin1.tsv:2: glossary is not UTF-8"):
        load_glossary(str(bad))
    with pytest.raises(ConfigError, match="no such glossary file"):
        load_glossary(str(tmp_path / "missing.tsv"))


def test_glossary_path_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "terms.tsv").write_text("Hmeimim\tKhmeimim\n", encoding="utf-8")
    config = tmp_path / "mt-audit.toml"
    assert resolve_glossary_path("terms.tsv", str(config)) == str(tmp_path / "terms.tsv")
