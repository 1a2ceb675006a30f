"""One writer per data file: an exclusive, non-blocking lock held while the app runs.

On POSIX this is ``fcntl.flock`` on a ``.lock`` file beside the data, which is
what the filelock library does there too; calling it directly avoids importing
filelock, which loads hashlib and OpenSSL and costs 1.3 MB of memory at every
start (measured with bench/). Elsewhere the filelock library does the work.
The kernel drops the lock if the process dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Protocol


class Held(Protocol):
    def release(self) -> None: ...


#: What ``flock`` says where the folder cannot lock files at all (NFS without its lock
#: service, some network and FUSE file systems), as opposed to "someone holds it".
CANNOT_LOCK = frozenset(
    {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
)


class CannotLock(OSError):
    """This folder cannot lock files: nobody holds the lock, there is no lock to hold."""


class _NoLock:
    def release(self) -> None:
        pass


def without_a_lock(path: Path) -> Held:
    """Single-user mode, where files cannot be locked: count as the holder (drafts are
    kept), trusting the person to run one copy at a time."""
    _HELD.add(path)
    return _Registered(path, _NoLock())


#: The lock files this process holds: drafts.py writes only where the data file's is held.
_HELD: set[Path] = set()


def held_here(path: Path) -> bool:
    return path in _HELD


class _Registered:
    def __init__(self, path: Path, lock: Held) -> None:
        self._path, self._lock = path, lock

    def release(self) -> None:
        _HELD.discard(self._path)
        self._lock.release()


class _PosixLock:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            import fcntl

            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            except OSError:
                pass  # closing the file lets go of the lock too
            finally:
                os.close(self._fd)
                self._fd = None


def try_lock(path: Path, mode: int) -> Held | None:
    """Take the lock at ``path`` (created with ``mode``), or return None if it is held.

    Raises ``CannotLock`` where the folder cannot lock files at all.
    """
    lock = _try_lock(path, mode)
    if lock is None:
        return None
    _HELD.add(path)
    return _Registered(path, lock)


def _try_lock(path: Path, mode: int) -> Held | None:
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import FileLock, Timeout

        lock = FileLock(str(path), mode=mode)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return None
        return lock
    fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
    fchmod = getattr(os, "fchmod", None)  # not on Windows before Python 3.13
    if fchmod is not None:
        # A folder that keeps no modes (a memory stick) refuses it: the lock holds no data.
        with contextlib.suppress(OSError):
            fchmod(fd, mode)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(fd)
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return None  # another copy holds it
        # Anything else says nothing about another copy: calling it that would leave
        # the person read-only for good. Say what is true instead.
        raise CannotLock(error.errno, error.strerror) from error
    return _PosixLock(fd)
