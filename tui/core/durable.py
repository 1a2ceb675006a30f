"""File operations that survive a crash or a power cut, on Linux, macOS and Windows.

Every byte the app writes goes through these functions, and they call only the
``os`` functions below (``os.open``, ``os.write``, ``os.fsync``, ``os.replace``...),
so the fault-injection tests can make any single step fail (see tests/faults.py).

What differs by platform, decided here and nowhere else:

- macOS: ``fsync`` leaves data in the drive's cache; ``fcntl.F_FULLFSYNC`` flushes
  it (what SQLite does). A file system that refuses it gets a plain ``fsync``.
- Windows: there is no ``os.fchmod`` before Python 3.13 and no POSIX modes to set
  (the folder's access list keeps files private); a folder cannot be opened, so a
  rename is made durable by the file system itself, not by a folder ``fsync``;
  ``os.fsync`` on a file is ``FlushFileBuffers``.
- Everywhere else (Linux, the BSDs): ``fsync`` on the file, then on its folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from tui.core import paths

FILE_MODE = 0o600
DIR_MODE = 0o700


def random_hex(size: int) -> str:
    """``2 * size`` random hex digits, from the system's random source as ``secrets``
    uses, without importing ``secrets``: it brings hmac, hashlib and OpenSSL (about 1 MB
    of memory in every start; see docs/speed.md)."""
    return os.urandom(size).hex()


def on_windows() -> bool:
    """Read at each call, so the tests can run everything as if on Windows."""
    return sys.platform == "win32"


def modes_mean_privacy() -> bool:
    """POSIX modes exist (Linux, macOS): on Windows chmod only sets "read-only"."""
    return not on_windows()


class NotARegularFile(OSError):
    """A FIFO, device or socket where the app expected one of its files: never opened."""


def sync_file(fd: int) -> None:
    """Push a file's data to the disk itself, not just to a cache."""
    try:
        import fcntl
    except ImportError:  # Windows: os.fsync is FlushFileBuffers
        os.fsync(fd)
        return
    full = getattr(fcntl, "F_FULLFSYNC", None)
    if full is not None:  # macOS
        try:
            fcntl.fcntl(fd, full)
            return
        except OSError:  # a file system without it (some network shares): do what we can
            pass
    os.fsync(fd)


def sync_directory(directory: Path) -> None:
    """Make a rename or a new file durable: the folder entry must reach the disk too."""
    if on_windows():
        return  # NTFS journals its metadata; folders cannot be opened to fsync them
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_private(fd: int) -> None:
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None and modes_mean_privacy():
        fchmod(fd, FILE_MODE)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _new_temp(target: Path) -> tuple[int, Path]:
    """Create ``.<name>.<8 random characters>.tmp`` beside ``target``, owner-only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = random_hex(4)  # eight characters, as paths.stale_temp_files matches them
        candidate = target.with_name(f"{paths.temp_prefix(target)}{name}{paths.TEMP_SUFFIX}")
        try:
            return os.open(candidate, flags, FILE_MODE), candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def write_target(path: Path) -> Path:
    """The file a write really replaces: a symlink's target, so the link itself stays."""
    return path.resolve() if path.is_symlink() else path


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file whole.

    The order is the one that makes this true: write a temporary file, flush it to
    the disk, rename it over the old file, flush the folder entry.
    """
    target = write_target(path)
    fd, temp = _new_temp(target)
    try:
        try:
            _make_private(fd)
            _write_all(fd, payload)
            sync_file(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    sync_directory(target.parent)


def append_durably(path: Path, payload: bytes, expected_size: int) -> int:
    """Append ``payload`` at ``expected_size`` and flush it; return the new size.

    If the write fails part-way, the file is cut back to ``expected_size`` where
    possible, so no half record stays in it; the caller then rewrites the whole
    file anyway (see storage.py), so a cut that fails too loses nothing.
    """
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        try:
            if os.fstat(fd).st_size != expected_size:  # a line cut short by a crash
                os.ftruncate(fd, expected_size)
            os.lseek(fd, expected_size, os.SEEK_SET)
            _write_all(fd, payload)
            sync_file(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, expected_size)
            raise
    finally:
        os.close(fd)
    return expected_size + len(payload)


def keep_a_copy(source: Path, copy: Path) -> None:
    """Make ``copy`` hold exactly what ``source`` holds, without ever moving ``source``.

    A hard link costs nothing and keeps every byte; where links are refused (some
    file systems), the bytes are copied. Either way ``source`` stays where it is, so
    a crash never leaves the data path empty.
    """
    try:
        os.link(source, copy)
    except OSError:
        atomic_write_bytes(copy, read_regular(source))
        return
    sync_directory(copy.parent)


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """Read a file only if it is an ordinary one: a FIFO would block, a device never end.

    Raises ``FileNotFoundError`` if it is missing and ``NotARegularFile`` otherwise.
    ``limit``: read at most this many bytes and one more (a file still growing).
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotARegularFile(f"{path} is not an ordinary file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        size = os.fstat(fd)
        if not stat.S_ISREG(size.st_mode):  # swapped for something else since the check
            raise NotARegularFile(f"{path} is not an ordinary file")
        chunks, total = [], 0
        while chunk := os.read(fd, max(size.st_size, 65536)):
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                break
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def make_private_folders(directory: Path) -> list[Path]:
    """Create ``directory`` and any missing parents, each owner-only whatever the umask.

    ``Path.mkdir(parents=True, mode=...)`` gives the parents the umask's mode
    (0777 under umask 000); here every folder the app creates is 0700.
    """
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        if modes_mean_privacy():
            folder.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
    return list(reversed(missing))
