from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.io import ReadFailure, read_inputs
from audit.types import Document


def _read(*paths: Path | str) -> list[Document | ReadFailure]:
    return list(read_inputs([str(p) for p in paths]))


def test_text_file_is_read_verbatim(tmp_path: Path) -> None:
    raw = "\ufeffLine one.\r\nLine two 😀 é.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    [doc] = _read(path)
    assert isinstance(doc, Document)
    assert doc.text == raw and doc.verbatim and doc.path == str(path)


def test_bad_inputs_become_one_line_failures(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"ok line\nbad \xff byte\n")
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "emptydir").mkdir()
    items = _read(tmp_path / "missing.txt", tmp_path / "bad.txt", tmp_path / "bin.txt", tmp_path / "empty.txt", tmp_path / "emptydir")
    assert all(isinstance(i, ReadFailure) for i in items)
    messages = [str(i) for i in items]
    assert "no such file" in messages[0]
    assert messages[1].endswith("bad.txt:2:5: invalid UTF-8 (byte 0xff); re-save the file as UTF-8")
    assert "binary file" in messages[2]
    assert "empty file" in messages[3]
    assert "is a directory" in messages[4]
    assert all("\n" not in m for m in messages)


def test_jsonl_feed_streams_records_and_isolates_bad_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "One.", "source": "Одно.", "source_lang": "ru", "retranslations": ["One!"]}),
        "{not json",
        json.dumps({"id": "c"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": "Five.", "retranslation": ["typo"]}),
        json.dumps({"id": "f", "text": "Six.", "retranslations": [1]}),
        json.dumps({"text": "No id."}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(feed)
    assert [type(i).__name__ for i in items] == [
        "Document", "ReadFailure", "ReadFailure", "ReadFailure", "ReadFailure", "ReadFailure", "Document"
    ]
    first, last = items[0], items[-1]
    assert isinstance(first, Document) and first.source_lang == "ru" and first.retranslations == ("One!",)
    assert first.line == 1 and not first.verbatim
    assert isinstance(last, Document) and last.id == f"{feed}:8"
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [f.line for f in failures] == [2, 3, 5, 6, 7]
    assert "malformed JSON" in failures[0].message
    assert "no \"text\"" in failures[1].message
    assert "field 'retranslation' looks like a misspelt 'retranslations'" in failures[3].message


def test_directories_are_walked_by_extension(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    docs = _read(tmp_path)
    assert [d.text for d in docs if isinstance(d, Document)] == ["A text.", "B text."]


def test_globs_expand(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    docs = _read(str(tmp_path / "x*.txt"))
    assert [d.text for d in docs if isinstance(d, Document)] == ["x1.txt", "x2.txt"]


def _checkout(root: Path) -> None:
    """A project checkout: copy beside a virtualenv, caches, package metadata and hidden folders."""
    for folder in (".git", ".venv/lib", "env/lib/python3.11/site-packages/pkg", "x.egg-info", "__pycache__", "news/2024", "node_modules/y"):
        (root / folder).mkdir(parents=True)
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / "env" / "lib" / "python3.11" / "site-packages" / "pkg" / "LICENSE.txt").write_text("MIT", encoding="utf-8")
    (root / "x.egg-info" / "top_level.txt").write_bytes(b"")
    (root / ".venv" / "lib" / "r.txt").write_text("venv", encoding="utf-8")
    (root / ".git" / "description.txt").write_text("git", encoding="utf-8")
    (root / "node_modules" / "y" / "notes.txt").write_text("npm", encoding="utf-8")
    (root / ".draft.txt").write_text("hidden", encoding="utf-8")
    (root / "README.md").write_text("# readme", encoding="utf-8")
    (root / "news" / "a.txt").write_text("Story A.", encoding="utf-8")
    (root / "news" / "2024" / "b.txt").write_text("Story B.", encoding="utf-8")
    (root / "news" / "feed.jsonl").write_text('{"text": "Story C."}\n', encoding="utf-8")


def test_issue13_walk_skips_tool_folders_and_says_why(tmp_path: Path) -> None:
    _checkout(tmp_path)
    skips: list[tuple[str, str]] = []
    items = list(read_inputs([str(tmp_path)], skipped=lambda path, reason: skips.append((path, reason))))
    assert [i.text for i in items if isinstance(i, Document)] == ["Story B.", "Story A.", "Story C."]
    assert not [i for i in items if isinstance(i, ReadFailure)]
    reasons = {Path(path).name: reason for path, reason in skips}
    assert reasons == {
        ".git": "hidden",
        ".venv": "hidden",
        "__pycache__": "a Python cache",
        "env": "a virtualenv",
        "node_modules": "installed npm packages",
        "x.egg-info": "Python package metadata",
        ".draft.txt": "hidden",
        tmp_path.name: "1 files of other types (1 .md); it reads .jsonl, .ndjson, .xlf, .xliff, .tmx, .po, .txt",
    }


def test_issue13_globs_skip_tool_folders_below_what_they_name(tmp_path: Path) -> None:
    _checkout(tmp_path)
    (tmp_path / "venv" / "lib").mkdir(parents=True)
    (tmp_path / "venv" / "pyvenv.cfg").write_text("", encoding="utf-8")
    (tmp_path / "venv" / "lib" / "x.txt").write_text("venv", encoding="utf-8")
    docs = _read(str(tmp_path / "**" / "*.txt"))
    assert [Path(d.path or "").name for d in docs if isinstance(d, Document)] == ["b.txt", "a.txt"]
    # A file or folder named outright is read wherever it is.
    [named] = _read(tmp_path / ".venv" / "lib" / "r.txt")
    assert isinstance(named, Document) and named.text == "venv"
    assert [d.text for d in _read(tmp_path / ".venv") if isinstance(d, Document)] == ["venv"]


def test_issue13_an_input_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Story A.", encoding="utf-8")
    skips: list[tuple[str, str]] = []
    items = list(read_inputs([str(tmp_path), str(tmp_path / "a.txt")], skipped=lambda path, reason: skips.append((path, reason))))
    assert len(items) == 1
    assert skips == [(str(tmp_path / "a.txt"), "named twice; read once")]


def test_issue13_jsonl_keeps_other_fields_as_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"id": "a", "text": "One.", "lang": "en", "url": "https://example.org/a", "published": "2024-05-01",
              "tags": ["syria"], "source_url": "https://example.org/ru", "test": True}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = _read(feed)
    assert isinstance(doc, Document)
    assert dict(doc.metadata) == {"lang": "en", "url": "https://example.org/a", "published": "2024-05-01",
                                  "tags": ["syria"], "source_url": "https://example.org/ru", "test": True}


@pytest.mark.parametrize(
    ("field", "meant"),
    [("retranslation", "retranslations"), ("src", "source"), ("txt", "text"), ("Text", "text"),
     ("sourceLang", "source_lang"), ("source-lang", "source_lang"), ("srcLang", "source_lang"), ("Sources", "source")],
)
def test_issue13_jsonl_refuses_near_misspellings_with_a_hint(tmp_path: Path, field: str, meant: str) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"id": "a", field: "value"} if meant == "text" else {"id": "a", "text": "One.", field: "value"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [failure] = _read(feed)
    assert isinstance(failure, ReadFailure)
    assert failure.message == f"field {field!r} looks like a misspelt {meant!r}; rename it (other fields are kept as metadata)"


def test_issue14_deep_record_is_one_failure_and_the_feed_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    deep = "[" * 5000 + "]" * 5000
    shallow = "[" * 33 + "]" * 33
    lines = [
        json.dumps({"id": "a", "text": "One."}),
        '{"id": "deep", "text": "Two.", "retranslations": ' + deep + "}",
        '{"id": "less", "text": "Three.", "meta": ' + shallow + "}",
        json.dumps({"id": "d", "text": "Four."}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(feed)
    assert [type(i).__name__ for i in items] == ["Document", "ReadFailure", "ReadFailure", "Document"]
    assert all("nested more than 32 levels deep" in i.message for i in items if isinstance(i, ReadFailure))


def test_issue14_oversized_line_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("audit.io.jsonl.MAX_DOCUMENT_BYTES", 100)
    feed = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": "x" * 5000})
    feed.write_text("\n".join([json.dumps({"text": "One."}), big, json.dumps({"text": "Three."})]) + "\n", encoding="utf-8")
    items = _read(feed)
    assert [type(i).__name__ for i in items] == ["Document", "ReadFailure", "Document"]
    failure = items[1]
    assert isinstance(failure, ReadFailure) and failure.line == 2
    assert str(failure) == f"{feed}:2: the record is 0.0 MiB, more than one document may be (16 MiB); split it into several"
    assert isinstance(items[2], Document) and items[2].line == 3


def test_issue14_text_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("audit.io.text.MAX_DOCUMENT_BYTES", 10)
    (tmp_path / "big.txt").write_text("A sentence that is long.", encoding="utf-8")
    [failure] = _read(tmp_path / "big.txt")
    assert isinstance(failure, ReadFailure) and "more than one document may be" in failure.message


def test_issue14_lone_surrogate_is_a_failure_of_its_record(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "x\\ud800 said"}\n'
        '{"id": "b\\udfff", "text": "Fine."}\n'
        '{"id": "c", "text": "Pair \\ud83d\\ude00 fine."}\n',
        encoding="utf-8",
    )
    first, second, third = _read(feed)
    assert isinstance(first, ReadFailure) and first.message.startswith(
        "field 'text' holds a lone surrogate (\\ud800) at character 2"
    )
    assert isinstance(second, ReadFailure) and "field 'id'" in second.message
    assert isinstance(third, Document) and third.text == "Pair 😀 fine."


def test_issue14_invalid_utf8_column_counts_characters_and_is_said_once(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes('{"id": "ё", "text": "Café '.encode() + b"\xe9" + b'"}\n')
    [failure] = _read(feed)
    assert str(failure) == f"{feed}:1:27: invalid UTF-8 (byte 0xe9); re-save the file as UTF-8"
    text = tmp_path / "a.txt"
    text.write_bytes("ok\nЁж ".encode() + b"\xff\n")
    [failure] = _read(text)
    assert str(failure) == f"{text}:2:4: invalid UTF-8 (byte 0xff); re-save the file as UTF-8"


@pytest.mark.parametrize("blank", ["\u00a0\u00a0\u00a0", "\u202f\u2007 \u200b\n", "\ufeff\u3000"])
def test_issue14_text_of_only_no_break_spaces_is_empty(tmp_path: Path, blank: str) -> None:
    (tmp_path / "a.txt").write_text(blank, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": blank}) + "\n", encoding="utf-8")
    text_failure, record_failure = _read(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert isinstance(text_failure, ReadFailure) and text_failure.message == "empty file; nothing to audit"
    assert isinstance(record_failure, ReadFailure) and record_failure.message == 'record has an empty "text"'
