"""Writing a report (or a fixed file) so that no fault leaves a half-written one, or a traceback.

The text goes to a temporary file `.NAME.XXXXXXXX.tmp` beside the target, is flushed to disk
and renamed over the target only when the run completes: a killed run leaves the previous
file intact. While it is written the temporary file is held under an exclusive `flock`, so a
later run writing the same target can tell a leftover of a killed run (no lock held: removed)
from a run still writing (locked: left alone). A write that fails — a full disk, a read-only
folder, a quota — is an `OutputError` naming the target, which the CLI prints as one line.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from audit.errors import OutputError

_FULL = "free some space, or write somewhere else"
_FORBIDDEN = "choose a folder you can write to"
_ADVICE = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EROFS: _FORBIDDEN,
    errno.EACCES: _FORBIDDEN,
    errno.EPERM: _FORBIDDEN,
}


def output_error(shown: str, exc: OSError) -> OutputError:
    """One line for a failed write: which file, what the system said, what to do."""
    advice = _ADVICE.get(exc.errno or 0, "write somewhere else")
    return OutputError(f"{shown}: cannot write: {exc.strerror or exc}; {advice}")


class GuardedStream(io.TextIOBase):
    """A text stream whose failed writes raise `OutputError` naming it (a closed pipe stays a BrokenPipeError).

    Text no encoder can write (a lone surrogate that reached a report through the library
    API; the readers refuse it) is written with it escaped as `\\udXXX`, never a crash.
    """

    def __init__(self, stream: TextIO, shown: str) -> None:
        super().__init__()
        self._stream = stream
        self.shown = shown

    def write(self, text: str) -> int:
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                return self._stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        except BrokenPipeError:
            raise  # the reader of a pipe went away (`| head`): click ends the run quietly
        except OSError as exc:
            raise output_error(self.shown, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise output_error(self.shown, exc) from None

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding


def guarded(stream: TextIO, shown: str) -> TextIO:
    """`stream` as a `GuardedStream`, typed as the `TextIO` the reporters take."""
    return cast(TextIO, GuardedStream(stream, shown))


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream that replaces `path` when the block completes, and never otherwise."""
    with _temporary(path) as (handle, temp):
        with _guarded_text(open(handle, "w", encoding="utf-8", newline="", closefd=False), str(path)) as out:
            yield out
        _commit(handle, temp, path)


@contextlib.contextmanager
def in_place_text(path: Path) -> Iterator[TextIO]:
    """A device or a pipe (/dev/null, a FIFO) is written in place: renaming over it would replace it."""
    try:
        raw = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise output_error(str(path), exc) from None
    with _guarded_text(raw, str(path)) as out:
        yield out


@contextlib.contextmanager
def _guarded_text(raw: TextIO, shown: str) -> Iterator[TextIO]:
    """`raw`, guarded and flushed at the end; closed without a second error when a write failed."""
    try:
        out = guarded(raw, shown)
        yield out
        out.flush()
    finally:
        with contextlib.suppress(OSError):
            raw.close()


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data`, keeping its permissions; a crash or a failed write leaves the old file."""
    with _temporary(path) as (handle, temp):
        view = memoryview(data)
        while view:
            try:
                written = os.write(handle, view)
            except OSError as exc:
                raise output_error(str(path), exc) from None
            view = view[written:]
        _commit(handle, temp, path)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of `path` that no running process holds (left by a killed run)."""
    removed: list[Path] = []
    folder = path.resolve().parent
    for candidate in folder.glob(f".{_glob_escape(path.name)}.*.tmp"):
        try:
            handle = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue  # gone already, or not ours to read
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            continue  # a run is writing it now
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass  # a folder we may not change; the temporary file stays, harmless
        finally:
            os.close(handle)
    return removed


@contextlib.contextmanager
def _temporary(path: Path) -> Iterator[tuple[int, str]]:
    """An open, locked temporary file beside `path`, removed on the way out unless renamed over it."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist; create it or choose another --output")
    remove_stale_temporaries(path)
    handle, temp = _locked_temporary(path, folder)
    try:
        yield handle, temp
    finally:
        os.close(handle)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _locked_temporary(path: Path, folder: Path) -> tuple[int, str]:
    """A new temporary file, locked; made again if another run's clean-up took it before the lock did."""
    while True:
        try:
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise output_error(str(path), exc) from None
        fcntl.flock(handle, fcntl.LOCK_EX)
        with contextlib.suppress(FileNotFoundError):
            if os.stat(temp).st_ino == os.fstat(handle).st_ino:
                return handle, temp
        os.close(handle)


def _commit(handle: int, temp: str, path: Path) -> None:
    """Flush the temporary file to disk, give it the target's mode, and rename it over the target."""
    try:
        os.fsync(handle)
        os.chmod(temp, _mode(path))
        os.replace(temp, path)
    except OSError as exc:
        raise output_error(str(path), exc) from None


def _mode(path: Path) -> int:
    """An existing file keeps its mode; a new one gets the usual 0666 less the umask, not mkstemp's 0600."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)
