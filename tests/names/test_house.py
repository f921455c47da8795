"""House spellings: `mt-audit names learn` on an archive sample, and `--house-names` on new copy."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from audit.cli import cli
from audit.names.glossary import parse_glossary
from audit.names.house import HouseLearner, HouseNames, write_house_names

ARCHIVE = Path(__file__).parents[1] / "data" / "names_garble" / "archive"
NEW_COPY = (
    "North Korean leader Kim Jong-un met the envoy. Hayat Tahrir al-Cham fighters attacked. "
    "Spokeswoman Hua Chun Ying spoke, and Hamas leader Yahya Sinwar left Gaza for Cairo.\n"
)


def _learned(text: str, min_mentions: int = 1) -> HouseNames:
    learner = HouseLearner()
    for document in text.split("\n\n"):
        learner.add(document)
    out = io.StringIO()
    write_house_names(out, learner.house_names(min_mentions), sources="test", documents=learner.documents)
    return HouseNames(parse_glossary(out.getvalue(), "house.tsv", "house names"))


def test_house_learner_counts_and_keeps_the_majority_as_house_spelling() -> None:
    house = _learned("Kim Jong Un spoke. Later Kim Jong Un left.\n\nOn Monday Kim Jong Un and Kim Jong-un met.")
    assert house.is_house("Kim Jong Un") and not house.is_house("Kim Jong-un")
    match = house.match("Kim Jong-un")
    assert match is not None and (match.spelling, match.listed) == ("Kim Jong Un", True)


def test_house_names_near_misses_and_strangers() -> None:
    house = _learned("Hamas leader Yahya Sinwar spoke, said Hua Chunying.")
    assert house.match("Yahya Sinuar") is not None and house.match("Yahya Sinuar").spelling == "Yahya Sinwar"  # type: ignore[union-attr]
    assert house.match("Hua Chun Ying").spelling == "Hua Chunying"  # type: ignore[union-attr]
    assert house.match("Yahya Sinwar") is None  # the house spelling itself
    assert house.match("Benjamin Netanyahu") is None  # a name the house list does not know


def test_house_file_format_is_a_glossary_with_count_comments() -> None:
    learner = HouseLearner()
    learner.add("Kim Jong Un spoke. Then Kim Jong Un left, and Kim Jong-un returned.")
    out = io.StringIO()
    assert write_house_names(out, learner.house_names(), sources="a.txt", documents=1) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("#") and lines[2] == "Kim Jong Un\tKim Jong-un\t# 3 mentions in 1 document"
    [entry] = parse_glossary(out.getvalue(), "house.tsv").entries
    assert (entry.canonical, entry.variants) == ("Kim Jong Un", ("Kim Jong-un",))


def test_cli_names_learn_then_check_with_house_names(tmp_path: Path) -> None:
    runner = CliRunner()
    house = tmp_path / "house-names.tsv"
    learned = runner.invoke(cli, ["names", "learn", str(ARCHIVE), "--output", str(house), "--min-count", "1"])
    assert learned.exit_code == 0, learned.output
    assert "6 documents" in learned.output and house.read_text("utf-8").count("\n") > 20
    copy = tmp_path / "new.txt"
    copy.write_text(NEW_COPY, encoding="utf-8")
    checked = runner.invoke(cli, ["check", str(copy), "--house-names", str(house), "--select", "N233", "--format", "jsonl"])
    assert checked.exit_code == 1, checked.output
    records = [json.loads(line) for line in checked.output.splitlines()]
    flagged = {f["text"] for r in records if r["type"] == "document" for f in r["findings"] if f["code"] == "N233"}
    assert flagged == {"Kim Jong-un", "Hayat Tahrir al-Cham", "Hua Chun Ying"}


def test_cli_house_names_config_key(tmp_path: Path) -> None:
    (tmp_path / "house.tsv").write_text("Kim Jong Un\t# 5 mentions in 2 documents\n", encoding="utf-8")
    (tmp_path / "mt-audit.toml").write_text('house-names = "house.tsv"\nselect = ["N233"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The envoy met Kim Jong-Un on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "mt-audit.toml")])
    assert result.exit_code == 1 and "N233" in result.output and "Kim Jong Un" in result.output


def test_cli_bad_house_names_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    copy = tmp_path / "a.txt"
    copy.write_text("Kim Jong Un spoke.\n", encoding="utf-8")
    bad = tmp_path / "house.tsv"
    bad.write_text("Kim Jong Un\t# 3 mentions\n\tKim Jong-un\n", encoding="utf-8")
    missing = tmp_path / "missing.tsv"
    binary = tmp_path / "latin1.tsv"
    binary.write_bytes("Kim Jong Un\nErdo\xf0an\n".encode("latin-1"))
    for path, where in ((bad, f"{bad}:2:"), (missing, f"{missing}:"), (binary, f"{binary}:2:")):
        result = CliRunner().invoke(cli, ["check", str(copy), "--house-names", str(path)])
        assert result.exit_code == 2
        [line] = result.output.strip().splitlines()
        assert line.startswith(f"mt-audit: error: {where}") and "house names" in line
