"""Disk faults on demand, in the spirit of SQLite's crash tests, and a simulated Windows.

``FaultyOS`` stands in for the ``os`` module inside ``tui.core.durable``, the one
module that writes: it records every write, fsync and rename in order, and can
make the n-th one of a kind fail with ENOSPC, EIO or EACCES (a failing write
first writes half of its bytes, as a full disk does).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tui.core import durable

STEPS = ("write", "fsync", "replace")
ERRORS = (errno.ENOSPC, errno.EIO, errno.EACCES)


class FaultyOS:
    def __init__(
        self, step: str | None = None, index: int = 0, code: int = errno.EIO, lasting: bool = False
    ) -> None:
        """Fail the ``index``-th ``step`` (counted from 0), or every one from it if ``lasting``."""
        self.fail_step, self.fail_index, self.code, self.lasting = step, index, code, lasting
        self.counts = dict.fromkeys(STEPS, 0)
        self.log: list[tuple[str, str]] = []  # (step, file name) in the order they happened
        self._names: dict[int, str] = {}
        self.failed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def _step(self, step: str, name: str) -> bool:
        """Count a step; True if this one is to fail."""
        index = self.counts[step]
        self.counts[step] += 1
        self.log.append((step, name))
        if step == self.fail_step and (
            index == self.fail_index or (self.lasting and index > self.fail_index)
        ):
            self.failed = True
            return True
        return False

    def _raise(self) -> None:
        raise OSError(self.code, os.strerror(self.code))

    def open(self, path: Any, flags: int, mode: int = 0o777) -> int:
        fd = os.open(path, flags, mode)
        self._names[fd] = Path(path).name
        return fd

    def write(self, fd: int, data: Any) -> int:
        if self._step("write", self._names.get(fd, "?")):
            os.write(fd, bytes(data)[: len(data) // 2])
            self._raise()
        return os.write(fd, data)

    def fsync(self, fd: int) -> None:
        if self._step("fsync", self._names.get(fd, "?")):
            self._raise()
        os.fsync(fd)

    def replace(self, source: Any, target: Any) -> None:
        if self._step("replace", Path(source).name):
            self._raise()
        os.replace(source, target)


@contextmanager
def faulty(monkeypatch: pytest.MonkeyPatch, fault: FaultyOS) -> Iterator[FaultyOS]:
    with monkeypatch.context() as patch:
        patch.setattr(durable, "os", fault)
        yield fault


class _RealOS:
    def __init__(self, names: dict[str, Any]) -> None:
        self.__dict__.update(names)


def simulate_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the storage code meets on Windows: no ``os.fchmod`` (before Python 3.13), no
    ``fcntl`` module, folders that ``os.open`` refuses, and a ``chmod`` that cannot make
    anything private (it only sets or clears "read-only")."""
    import filelock  # chosen for this machine before the simulation starts
    import platformdirs

    assert filelock and platformdirs
    real_open, real_chmod = os.open, os.chmod

    def open_no_folders(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, **kw)

    def chmod_read_only_flag(path: Any, mode: int, **kw: Any) -> None:
        if os.path.isdir(path):
            return
        current = stat.S_IMODE(os.stat(path).st_mode)
        writable = bool(mode & stat.S_IWUSR)
        real_chmod(path, current | 0o200 if writable else current & ~0o222, **kw)

    # filelock runs its Windows code on Windows; here its POSIX code stands in for it and
    # keeps the real ``os``, so only our code meets the simulation.
    lock_module = sys.modules[filelock.FileLock.__module__]
    monkeypatch.setattr(lock_module, "os", _RealOS(os.__dict__.copy()))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "fchmod", raising=False)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # import fcntl -> ImportError
    monkeypatch.setattr(os, "open", open_no_folders)
    monkeypatch.setattr(os, "chmod", chmod_read_only_flag)
