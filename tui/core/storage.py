"""A crash-safe TinyDB storage.

TinyDB's own ``JSONStorage`` truncates the file and writes it in place, so a
process killed mid-write leaves half a file. Here every save writes the whole
document to a new temporary file in the same directory, flushes and fsyncs it,
renames it over the old file with ``os.replace`` (atomic on POSIX) and fsyncs the
directory, so the file on disk is always either the old or the new version.

Reads are served from memory after the first one: this process holds the file
lock (see ``store.py``), so nobody else changes the file under us, and TinyDB
asks its storage for the whole document on every query.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.core import paths

FILE_MODE = 0o600
DIR_MODE = 0o700

Document = dict[str, dict[str, Any]]


class ReadOnlyError(OSError):
    """A write was tried on a file this copy of the app opened read-only."""


def encode(data: Any) -> bytes:
    """JSON bytes in UTF-8. orjson is several times faster than the json module."""
    return orjson.dumps(data)


def decode(raw: bytes) -> Any:
    return orjson.loads(raw)


def fsync_directory(directory: Path) -> None:
    """Make a rename durable: the directory entry itself must reach the disk."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file whole."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(
        prefix=paths.temp_prefix(path), suffix=paths.TEMP_SUFFIX, dir=directory
    )
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise
    fsync_directory(directory)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable, owner-only writes and an in-memory read cache."""

    def __init__(
        self, path: Path, initial: Document | None = None, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: Document | None = initial

    def read(self) -> Document | None:
        if self._cache is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            if not raw.strip():
                return None
            self._cache = decode(raw)
        return self._cache

    def write(self, data: Document) -> None:
        if self.read_only:
            self._cache = None  # drop the change TinyDB made to our cached copy
            raise ReadOnlyError("read-only")
        try:
            atomic_write_bytes(self.path, encode(data))
        except BaseException:
            # TinyDB changed the cached document in place before calling us; the
            # disk still holds the old one, so forget the cache and re-read it.
            self._cache = None
            raise
        self._cache = data

    def close(self) -> None:
        self._cache = None
