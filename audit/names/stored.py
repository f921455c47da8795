"""Indexes of the name knowledge kept on disk, so that a process reads them instead of building them.

Building an index from its sources takes seconds (GeoNames' 80 MB JSON, CLDR through babel,
a lemma for every table row); reading the result back takes a few hundredths. Each index is
one file in the user cache directory (or the directory `MT_AUDIT_INDEX_DIR` names), named by
the index and a digest of everything it is built from: the versions of the packages whose
data it reads, the source of the modules that build it (a change to a builder or to the key
folding builds a new file), package data files, and Python's marshal format.

A file that is missing, stale, truncated or corrupt is rebuilt, and one that cannot be
written leaves the index in memory for the process: a bad cache costs start-up time, never
a result. Values are plain data (dicts, lists, tuples, sets, strings, numbers) stored with
`marshal`, which keeps dict order, so a stored index iterates as the built one did.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.util
import logging
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# A directory to keep the indexes in instead of the user cache directory.
DIRECTORY_VARIABLE = "MT_AUDIT_INDEX_DIR"
# Bump when the file layout below changes.
FORMAT = 1
_MAGIC = b"mt-audit index\n"
_SUFFIX = ".marshal"


def stored(
    name: str,
    build: Callable[[], T],
    *,
    packages: Iterable[str] = (),
    modules: Iterable[str] = (),
    files: Iterable[Path] = (),
) -> T:
    """The index `name`: read from its file when one matches its sources, else built (and stored).

    `packages` are distribution names whose data the index reads, `modules` the dotted names
    of the modules whose code builds it, `files` the data files it reads.
    """
    path = index_file(name, signature(tuple(packages), tuple(modules), tuple(files)))
    found = _read(path)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    _write(path, value)
    return value


def directory() -> Path:
    """Where the indexes live: `MT_AUDIT_INDEX_DIR`, or `indexes` in the user cache directory."""
    chosen = os.environ.get(DIRECTORY_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mt-audit")) / "indexes"


def index_file(name: str, digest: str) -> Path:
    return directory() / f"{name}-{digest}{_SUFFIX}"


def signature(packages: tuple[str, ...], modules: tuple[str, ...], files: tuple[Path, ...]) -> str:
    """A digest of what an index is built from (package versions, builder source, data files)."""
    digest = hashlib.sha1(repr((FORMAT, marshal.version, sys.version_info[:2])).encode())
    for package in packages:
        digest.update(f"package {package} {_version(package)}\n".encode())
    for module in modules:
        digest.update(f"module {module}\n".encode())
        digest.update(_module_source(module))
    for file in files:
        digest.update(f"file {Path(file).name}\n".encode())
        digest.update(Path(file).read_bytes())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=64)
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@functools.lru_cache(maxsize=64)
def _module_source(module: str) -> bytes:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"no module named {module!r}")
    return Path(spec.origin).read_bytes()


def _read(path: Path) -> Any:
    """The stored value, or None when the file is missing or not whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 4
    if len(data) < head or not data.startswith(_MAGIC):
        log.warning("index %s is not an index file; rebuilding it", path)
        return None
    payload = memoryview(data)[head:]
    if zlib.crc32(payload) != int.from_bytes(data[len(_MAGIC) : head], "big"):
        log.warning("index %s is damaged; rebuilding it", path)
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as exc:
        log.warning("index %s cannot be read (%s); rebuilding it", path, exc)
        return None


def _write(path: Path, value: object) -> None:
    """Store `value` atomically (a reader never sees half a file); a failure only costs time."""
    try:
        payload = marshal.dumps(value)
    except ValueError as exc:  # a value marshal cannot store is a bug in the caller
        raise TypeError(f"index {path.name}: {exc}") from exc
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        log.warning("cannot store index %s (%s); it is built in memory for this run", path, exc)
        return
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _remove_stale(path)


def _remove_stale(current: Path) -> None:
    """Other versions of the same index beside the new one."""
    name = current.name.rsplit("-", 1)[0]
    with contextlib.suppress(OSError):
        for stale in current.parent.glob(f"{name}-*{_SUFFIX}"):
            if stale != current and stale.name.rsplit("-", 1)[0] == name:
                with contextlib.suppress(OSError):
                    stale.unlink()
