from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import cli
from audit.io import ReadFailure, read_inputs
from audit.io.base import is_blank
from audit.types import Document

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="wire.txt" source-language="ru" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="lead">
        <source>Генерал сказал: «до 20 км».</source>
        <target>The general said: "to 15 km".</target>
      </trans-unit>
      <trans-unit id="year" xml:space="preserve">
        <source>Он <g id="b">ушёл</g> в 2018 году.</source>
        <target>He <g id="b">left</g>  in 2018.</target>
      </trans-unit>
      <trans-unit id="todo">
        <source>Пусто</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Генерал сказал 20.</source>
        <target>The general said 15.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s1"><source>Один 7.</source><target>One 7 Konashenkof.</target></segment>
      <segment id="s2"><source>Два.</source><target>Two 3.</target></segment>
    </unit>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"
          srclang="ru" datatype="plaintext"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="ru"><seg>Генерал 20.</seg></tuv>
      <tuv xml:lang="en"><seg>General 15.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ru"><seg>В 2018.</seg></tuv>
      <tuv xml:lang="en"><seg>In 2018.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

WIRE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="wire.txt" source-language="ru" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="u1">
        <source>Боевики «Хайят Тахрир аш-Шам» атаковали позиции армии, сообщил Конашенков.</source>
        <target>Militants of Khayyat Tahrir Al-Sham attacked army positions, Konashenkov said.</target>
      </trans-unit>
      <trans-unit id="u2">
        <source>Кроме того, «Хайят Тахрир аш-Шам» обстреляла Алеппо.</source>
        <target>In addition, Khayyat Tahrir Ash-Sham shelled Aleppo.</target>
      </trans-unit>
      <trans-unit id="u3">
        <source>Об этом заявил министр обороны Сергей Шойгу в Москве.</source>
        <target>This was stated by the defence minister in Moscow, Lavrov added.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: en\n"

#: wire.txt:1
msgid "Генерал 20."
msgstr "General 15."

msgctxt "head"
msgid "Два"
msgstr "Two  Konashenkof"

msgid "Нет"
msgstr ""

msgid "один файл"
msgid_plural "%d файлов"
msgstr[0] "one file"
msgstr[1] "%d files 9"

#~ msgid "old"
#~ msgstr "Old 99"
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def document(path: Path) -> Document:
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, Document), item
    return item


def unit_texts(doc: Document) -> list[str]:
    return [doc.text[u.start : u.end] for u in doc.units]


def test_issue13_xliff12_file_is_one_document_of_units(tmp_path: Path) -> None:
    path = write(tmp_path, "a.xlf", XLIFF12)
    doc = document(path)
    assert doc.id == str(path) and doc.path == str(path) and doc.line == 5 and not doc.verbatim
    lead, year = doc.units
    assert (lead.id, lead.line, year.id, year.line) == ("lead", 5, "year", 9)
    # Inline tags are flattened; xml:space="preserve" keeps the double space for the checks.
    assert unit_texts(doc) == ['The general said: "to 15 km".', "He left  in 2018."]
    assert doc.text == 'The general said: "to 15 km".\n\nHe left  in 2018.'
    assert lead.source == "Генерал сказал: «до 20 км»." and doc.source_lang == "ru"
    assert doc.source == "Генерал сказал: «до 20 км».\n\nОн ушёл в 2018 году."


def test_xliff20_segments_are_units(tmp_path: Path) -> None:
    doc = document(write(tmp_path, "b.xliff", XLIFF20))
    assert [u.id for u in doc.units] == ["u1", "u2::s1", "u2::s2"]
    assert [u.line for u in doc.units] == [5, 11, 12]
    assert doc.units[1].source == "Один 7."


def test_tmx_units_use_tuid_or_position(tmp_path: Path) -> None:
    doc = document(write(tmp_path, "c.tmx", TMX))
    assert [u.id for u in doc.units] == ["t1", "2"]
    assert [(text, u.source, u.line) for text, u in zip(unit_texts(doc), doc.units, strict=True)] == [
        ("General 15.", "Генерал 20.", 6),
        ("In 2018.", "В 2018.", 10),
    ]


def test_po_entries_plurals_and_context(tmp_path: Path) -> None:
    doc = document(write(tmp_path, "d.po", PO))
    assert [u.id for u in doc.units] == ["Генерал 20.", "head|Два", "один файл[0]", "один файл[1]"]
    assert [u.line for u in doc.units] == [6, 10, 17, 17]
    assert unit_texts(doc)[3] == "%d files 9"


def test_paired_checks_use_each_units_own_source(tmp_path: Path, fake_checks: object) -> None:
    path = write(tmp_path, "a.xlf", XLIFF12)
    runner = CliRunner()
    result = runner.invoke(cli, ["check", str(path), "--select", "N992,Q990", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    found = [
        (doc["id"], f["code"], f["text"], f["unit"], f["line"], f["fingerprint"])
        for doc in report["documents"]
        for f in doc["findings"]
    ]
    # 15 is not in its unit's source (20); 2018 is in its own unit's source, so it is clean.
    assert [row[:5] for row in found] == [(str(path), "N992", "15", "lead", 5), (str(path), "Q990", "  ", "year", 9)]
    assert len({row[5] for row in found}) == 2


def test_bilingual_findings_in_sarif_name_unit_and_line(tmp_path: Path, report: Callable[..., str]) -> None:
    path = write(tmp_path, "b.xliff", XLIFF20)
    log = json.loads(report("sarif", read_inputs([str(path)])))
    results = log["runs"][0]["results"]
    located = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"]["unit"])
        for r in results
    ]
    assert located == [("N992", 5, "u1"), ("N990", 11, "u2::s1"), ("N992", 12, "u2::s2")]
    logical = [r["locations"][0]["logicalLocations"][-1]["fullyQualifiedName"] for r in results]
    assert logical == [f"{path}#u1", f"{path}#u2::s1", f"{path}#u2::s2"]
    assert len({r["partialFingerprints"]["mtAudit/v2"] for r in results}) == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.xlf", '<xliff version="1.2"><file><body>\n<trans-unit id="1"></body>', "bad.xlf:2:"),
        ("bad.tmx", "<tmx><body><tu>", "bad.tmx:1:"),
        ("bad.po", 'msgid "a"\nmsgstr "b\n', "bad.po:2: cannot parse pofile"),
        ("empty.xlf", "  \n", "empty.xlf: empty file"),
        ("none.po", 'msgid "a"\nmsgstr ""\n', "none.po: no translated units"),
    ],
)
def test_bilingual_bad_file_is_a_one_line_failure(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = write(tmp_path, name, content)
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, ReadFailure)
    assert message in str(failure) and "\n" not in str(failure)


def test_input_format_forces_the_bilingual_reader(tmp_path: Path) -> None:
    path = write(tmp_path, "export.xml", XLIFF12)
    [doc] = list(read_inputs([str(path)], input_format="xliff"))
    assert isinstance(doc, Document)
    assert [u.id for u in doc.units] == ["lead", "year"]


_UNIT_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), min_size=1
).filter(lambda s: not is_blank(s))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(targets=st.lists(_UNIT_TEXT, min_size=1, max_size=4))
def test_xliff_targets_round_trip(tmp_path: Path, targets: list[str]) -> None:
    units = "".join(
        f'<trans-unit id="u{i}" xml:space="preserve"><source>s{i}</source><target>{escape(t)}</target></trans-unit>\n'
        for i, t in enumerate(targets)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="f" source-language="ru" datatype="plaintext"><body>\n{units}</body></file></xliff>'
    )
    path = write(tmp_path, "p.xlf", content)
    doc = document(path)
    assert unit_texts(doc) == targets
    assert [u.line for u in doc.units] == list(range(3, 3 + len(targets)))
    assert doc.units[-1].end == len(doc.text)


def test_issue13_units_of_a_file_are_checked_together_and_against_their_own_sources(tmp_path: Path) -> None:
    """One name spelt two ways across units is found; dropped and unsourced names stay per unit."""
    path = write(tmp_path, "wire.xlf", WIRE)
    result = CliRunner().invoke(cli, ["check", str(path), "--select", "N201,N204,N205", "--format", "json"])
    assert result.exit_code == 1, result.output
    [doc] = json.loads(result.stdout)["documents"]
    found = sorted((f["code"], f["unit"], f["line"], f["text"]) for f in doc["findings"])
    assert found == [
        ("N201", "u2", 9, "Khayyat Tahrir Ash-Sham"),
        ("N204", "u3", 13, "This was stated by the defence minister in Moscow, Lavrov added."),
        ("N205", "u3", 13, "Lavrov"),
    ]
    assert len({f["fingerprint"] for f in doc["findings"]}) == 3
