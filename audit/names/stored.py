"""Indexes of the name knowledge kept on disk, so that a process reads them instead of building them.

Building an index from its sources takes seconds (GeoNames' 80 MB JSON, CLDR through babel,
a lemma for every table row); reading the result back takes a few hundredths. Each index is
one file in the user cache directory (or the directory `MT_AUDIT_INDEX_DIR` names), named by
the index and a digest of everything it is built from: the versions of the packages whose
data it reads, the source of the modules that build it and of every module of their package
they import, directly or not (a change to a builder, to the key folding or to a table such as
`variants.MARKS` builds a new file), package data files, and Python's marshal format.

Versions of an index (other installs, other worktrees, a builder before an edit) share the
directory: another version is removed only once nobody has read it for a day and newer ones
are in use, or for a month (reading a file marks it used, at most once an hour), so versions
in use side by side never delete each other's files, and edits to a builder leave a few.

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
import re
import sys
import tempfile
import time
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
# When a new version of an index is stored, another version is removed once unread for this
# long, or once unread for `IDLE_DAYS` with `KEEP` more recently read versions beside it.
UNUSED_DAYS = 30
IDLE_DAYS = 1
KEEP = 3
# A read marks its file used (its modification time) when the mark is older than this.
_MARK_EVERY_S = 3_600
# An import statement: `from a.b import c, d` (parenthesised over lines, too) or `import a.b`.
_COMMENT = re.compile(r"#[^\n]*")
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+([^\n]*))", re.MULTILINE
)


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
        digest.update(_closure_digest(module))
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
def _closure_digest(module: str) -> bytes:
    """A digest of the source of `modules_built_from(module)`."""
    digest = hashlib.sha1()
    for name in modules_built_from(module):
        found = _source_and_imports(name)
        source = found[0] if found is not None else b""
        digest.update(f"{name} {len(source)}\n".encode())
        digest.update(source)
    return digest.digest()


@functools.lru_cache(maxsize=64)
def modules_built_from(module: str) -> tuple[str, ...]:
    """`module` and every module of its package it imports, directly or not, sorted.

    Imports inside functions count too; a module of another package counts through its version.
    """
    if _source_and_imports(module) is None:
        raise ImportError(f"no module named {module!r}")
    found: set[str] = set()
    pending = [module]
    while pending:
        name = pending.pop()
        source = _source_and_imports(name) if name not in found else None
        if source is not None:  # None: a name the pattern took from a docstring, not a module
            found.add(name)
            pending.extend(source[1])
    return tuple(sorted(found))


@functools.lru_cache(maxsize=256)
def _source_and_imports(module: str) -> tuple[bytes, frozenset[str]] | None:
    """The source of `module` and the modules of its own package it imports; None when not found."""
    origin = _origin(module)
    if origin is None:
        return None
    source = Path(origin).read_bytes()
    return source, frozenset(_imported(source.decode("utf-8"), module.split(".")[0]))


def _origin(module: str) -> str | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    return None if spec is None else spec.origin


def _imported(source: str, package: str) -> set[str]:
    """The modules of `package` that `source` imports (`from a import b` names `a.b` where `b` is a module)."""
    found: set[str] = set()
    for match in _IMPORT.finditer(source):
        base, names, plain = match.groups()
        if plain is not None:
            found.update(part.split()[0] for part in _COMMENT.sub("", plain).split(",") if part.strip())
            continue
        if base.split(".")[0] != package:
            continue
        found.add(base)
        origin = _origin(base)
        if origin is not None and Path(origin).name == "__init__.py":
            for part in _COMMENT.sub("", names).strip("()").split(","):
                word = part.split()[0] if part.split() else ""
                if word and (Path(origin).with_name(f"{word}.py").is_file() or Path(origin).with_name(word).is_dir()):
                    found.add(f"{base}.{word}")
    return {name for name in found if name.split(".")[0] == package}


def _read(path: Path) -> Any:
    """The stored value, or None when the file is missing or not whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mark_used(path)
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
        payload = marshal.dumps(value)  # type: ignore[arg-type]  # marshal itself says what it cannot store
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
    """Other versions of the same index beside the new one, once unused (`remove_unused`)."""
    name = current.name.rsplit("-", 1)[0]
    with contextlib.suppress(OSError):
        remove_unused(
            current, [p for p in current.parent.glob(f"{name}-*{_SUFFIX}") if p.name.rsplit("-", 1)[0] == name]
        )


def mark_used(path: Path) -> None:
    """Record that `path` is in use (its modification time), at most once an hour."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > _MARK_EVERY_S:
            os.utime(path)


def remove_unused(current: Path, versions: Iterable[Path]) -> None:
    """Remove the `versions` of an index other than `current` that nobody uses (see `UNUSED_DAYS`).

    Versions are not removed on sight: two installs or worktrees sharing the directory would
    delete each other's files on every start, and a process reading one would find it gone.
    """
    used: list[tuple[float, Path]] = []
    for version in versions:
        if version != current:
            with contextlib.suppress(OSError):
                used.append((version.stat().st_mtime, version))
    used.sort(reverse=True)
    now = time.time()
    for rank, (mtime, version) in enumerate(used, start=1):
        idle_days = (now - mtime) / 86_400
        if idle_days > UNUSED_DAYS or (idle_days > IDLE_DAYS and rank > KEEP):
            with contextlib.suppress(OSError):
                version.unlink()
