"""A crash-safe TinyDB storage.

TinyDB's own ``JSONStorage`` truncates the file and writes it in place, so a
process killed mid-write leaves half a file. Here every save writes the whole
document to a new temporary file in the same directory, flushes and fsyncs it,
renames it over the old file with ``os.replace`` (atomic on POSIX) and fsyncs the
directory, so the file on disk is always either the old or the new version.

Reads are served from memory after the first one: this process holds the file
lock (see ``store.py``), so nobody else changes the file under us, and TinyDB
asks its storage for the whole document on every query.

The full-screen app hands writes to a ``BackgroundWriter``, so a slow disk never
holds up a key; the command line and the plain mode write before they return.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable
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


class BackgroundWriter:
    """Writes the data file on a thread of its own, newest document first.

    The caller keeps the document in memory and hands over its bytes. Each payload
    is the whole document, so when several wait only the newest is written. A
    failed write is reported through ``on_result`` and kept: the next change, or
    ``flush()`` after ``retry()``, writes it again. Nothing is dropped quietly.
    """

    def __init__(self, path: Path, on_result: Callable[[OSError | None], None]) -> None:
        self.path = path
        self._on_result = on_result
        self._changed = threading.Condition()
        self._waiting: bytes | None = None  # the newest payload not yet written
        self._failed: bytes | None = None  # the payload of a write that failed
        self._busy = False
        self._stopping = False
        self.error: OSError | None = None  # the last write's failure, until one succeeds
        self._thread = threading.Thread(target=self._run, name="spms-writer", daemon=True)
        self._thread.start()

    def submit(self, payload: bytes) -> None:
        with self._changed:
            self._waiting = payload
            self._changed.notify_all()

    def retry(self) -> None:
        """Write again what failed last, unless something newer is already waiting."""
        with self._changed:
            if self._waiting is None and self._failed is not None:
                self._waiting = self._failed
                self._changed.notify_all()

    def flush(self) -> OSError | None:
        """Wait until nothing is waiting to be written; return the last failure, if any."""
        with self._changed:
            while self._waiting is not None or self._busy:
                self._changed.wait()
            return self.error

    def close(self) -> OSError | None:
        error = self.flush()
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._thread.join()
        return error

    def _run(self) -> None:
        while True:
            with self._changed:
                while self._waiting is None and not self._stopping:
                    self._changed.wait()
                if self._waiting is None:
                    return
                payload, self._waiting, self._busy = self._waiting, None, True
            error: OSError | None = None
            try:
                atomic_write_bytes(self.path, payload)
            except Exception as failure:  # whatever it was, the thread must live on
                error = failure if isinstance(failure, OSError) else OSError(str(failure))
            with self._changed:
                self._busy = False
                self.error = error
                self._failed = payload if error is not None else None
                self._changed.notify_all()
            with contextlib.suppress(Exception):  # a broken listener must not stop writes
                self._on_result(error)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable, owner-only writes and an in-memory read cache."""

    def __init__(
        self, path: Path, initial: Document | None = None, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: Document | None = initial
        self.writer: BackgroundWriter | None = None

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
        if self.writer is not None:
            # Memory holds the truth while the app runs; the writer catches the disk up.
            self.writer.submit(encode(data))
            self._cache = data
            return
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
