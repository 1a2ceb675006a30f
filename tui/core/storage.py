"""The data file in memory and on disk: every change is one atomic, durable write.

The document lives in memory as typed tables (schema.py). A change is a list of
operations (journal.py) carried out in memory and written as one line appended to
the journal and flushed to the disk; when that returns, the change is on disk.
The data file itself, TinyDB's JSON, is rewritten whole (``compact``) when the
app closes, when a write failed part-way, and by repairs; each rewrite goes to a
temporary file, is flushed, and is renamed over the old one (durable.py), so the
file is always the old or the new version, never half.

If a write fails, memory goes back to what is on disk and the caller gets the
error (the command line and the plain mode). The full-screen app hands the
journal lines to a ``BackgroundWriter`` instead, so a slow disk never holds up a
key: there memory keeps the change and the writer keeps trying.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator, KeysView
from pathlib import Path
from typing import Any

import msgspec

from tui import __version__
from tui.core import durable, journal, paths, schema


class ReadOnlyError(OSError):
    """A write was tried on a file this copy of the app opened read-only; says why."""


_MISSING = object()
#: A journal longer than this is folded into the data file at once, not only on closing,
#: so a start after a crash never has a long journal to replay.
COMPACT_AFTER = 16 * 1024 * 1024


class BackgroundWriter:
    """Writes journal lines on a thread of its own, in order, several at once if waiting.

    A failed write is reported through ``on_result`` and kept: the next change, or
    ``flush()`` after ``retry()``, writes it again. Nothing is dropped quietly.
    """

    def __init__(
        self, persist: Callable[[list[bytes]], None], on_result: Callable[[OSError | None], None]
    ) -> None:
        self._persist = persist
        self._on_result = on_result
        self._changed = threading.Condition()
        self._waiting: list[bytes] = []  # lines not yet written, oldest first
        self._failed: list[bytes] = []  # lines of a write that failed
        self._busy = False
        self._stopping = False
        self.error: OSError | None = None  # the last write's failure, until one succeeds
        self._thread = threading.Thread(target=self._run, name="spms-writer", daemon=True)
        self._thread.start()

    def submit(self, line: bytes) -> None:
        with self._changed:
            self._waiting.append(line)
            self._changed.notify_all()

    @property
    def pending(self) -> bool:
        """True while a change handed over has not reached the disk yet."""
        with self._changed:
            return bool(self._waiting) or self._busy

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every change handed over to reach the disk
        (or fail). True if nothing is pending any more."""
        with self._changed:
            return self._changed.wait_for(lambda: not (self._waiting or self._busy), timeout)

    def retry(self) -> None:
        """Write again what failed last (before anything newer)."""
        with self._changed:
            if self._failed:
                self._waiting[:0] = self._failed
                self._failed = []
                self._changed.notify_all()

    def flush(self) -> OSError | None:
        """Wait until nothing is waiting to be written; return the last failure, if any."""
        with self._changed:
            while self._waiting or self._busy:
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
                while not self._waiting and not self._stopping:
                    self._changed.wait()
                if not self._waiting:
                    return
                batch = self._failed + self._waiting
                self._waiting, self._failed, self._busy = [], [], True
            error: OSError | None = None
            try:
                self._persist(batch)
            except Exception as failure:  # whatever it was, the thread must live on
                error = failure if isinstance(failure, OSError) else OSError(str(failure))
            with self._changed:
                self._busy = False
                self.error = error
                if error is not None:
                    self._failed = batch
                self._changed.notify_all()
            with contextlib.suppress(Exception):  # a broken listener must not stop writes
                self._on_result(error)


class DataFile:
    """One open data file: its tables in memory, its journal, and how changes reach the disk.

    A command that changes something opens the file with its notes undecoded (each a
    ``msgspec.Raw``, schema.decode): adding one note needs only their numbers, and
    decoding 50,000 notes was a third of ``note add``. The journal's changes apply to
    that table as to any other (a ``put`` replaces a note whole, a ``del`` removes it),
    a rewrite carries an undecoded note's text through unchanged, and every read
    through ``tables``, ``table`` or ``record`` decodes first, so no caller sees one.
    """

    def __init__(
        self,
        path: Path,
        tables: schema.Tables,
        read_only: str | None = None,
        notes_undecoded: bool = False,
        keep_bad: Callable[[list[schema.BadRecord]], None] | None = None,
    ) -> None:
        """``read_only`` is None, or the sentence a refused write says. ``keep_bad``
        keeps a note that turns out not to fit the schema when it is decoded (the
        quarantine, as on opening); it then leaves memory, and the file at closing."""
        if notes_undecoded and keep_bad is None:
            raise ValueError("undecoded notes need a place to keep those that do not fit")
        self.path = path
        self._tables = tables
        self.read_only = read_only
        self._undecoded = notes_undecoded  # the notes table may hold msgspec.Raw values
        self._keep_bad = keep_bad
        self._rewrite_due = False  # a bad note left memory: the file must lose it too
        self.writer: BackgroundWriter | None = None
        self._journal_size = 0  # where the next line goes; 0: a whole rewrite is due
        self._io = threading.Lock()  # one disk write at a time (writer thread and closing)
        # One transaction at a time, and a rewrite waits for the one in progress.
        self._memory = threading.RLock()
        self._staged: list[journal.Op] | None = None  # the open transaction's operations
        self._undo_log: list[tuple[str, int, Any]] = []
        self._meta_at: int | None = None  # where the transaction's meta record is
        # Closing folds the journal into the data file once it holds more than this many
        # bytes: 0 for the app (always), more for a command (see Store.open).
        self.fold_after = 0

    # ------------------------------------------------------------- reading
    @property
    def tables(self) -> schema.Tables:
        """Every table, every record decoded."""
        self._decode_notes()
        return self._tables

    def table(self, name: str) -> dict[int, Any]:
        """One table's records by id, decoded."""
        if name == schema.NOTES:
            self._decode_notes()
        return self._tables[name]

    def ids(self, name: str) -> KeysView[int]:
        """One table's ids, without decoding any record."""
        return self._tables[name].keys()

    def record(self, name: str, record_id: int) -> Any:
        """One record, decoded (and only it), or None."""
        found = self._tables[name].get(record_id)
        if isinstance(found, msgspec.Raw):
            with self._memory:
                self._decode({record_id: found})
                found = self._tables[name].get(record_id)
        return found

    @property
    def meta(self) -> schema.Meta:
        return schema.meta(self._tables)

    def _decode_notes(self) -> None:
        if self._undecoded:
            with self._memory:
                if self._undecoded:
                    self._decode(self._tables[schema.NOTES])
                    self._undecoded = False

    def _decode(self, rows: dict[int, Any]) -> None:
        """Decode the undecoded notes among ``rows``, in place in the notes table. One
        that does not fit the schema is kept by ``keep_bad`` before it leaves memory."""
        notes = self._tables[schema.NOTES]
        bad: list[schema.BadRecord] = []
        collecting = gc.isenabled()
        gc.disable()  # notes make no cycles (see schema.decode)
        try:
            for note_id, row in rows.items():
                if isinstance(row, msgspec.Raw):
                    try:
                        notes[note_id] = schema.note_decoder.decode(row)  # the same key: no resize
                    except (msgspec.ValidationError, msgspec.DecodeError) as error:
                        text = bytes(row).decode("utf-8", "replace")
                        bad.append(schema.BadRecord(schema.NOTES, str(note_id), text, str(error)))
        finally:
            if collecting:
                gc.enable()
        if bad and self._keep_bad is not None:
            # Kept first: only then may it leave memory, and the file at closing. If that
            # fails, it stays undecoded in both (the next read tries again).
            self._keep_bad(bad)
            for record in bad:
                notes.pop(int(str(record.record_id)))
            self._rewrite_due = True

    # ------------------------------------------------------------ journal
    def start_journal(self, size: int) -> None:
        """The journal on disk matches memory up to ``size`` bytes (set when opening)."""
        self._journal_size = size

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Changes made inside (``change``) are one atomic write at the end, or none.

        A nested transaction is part of the outer one. Memory is changed at once, so
        code inside reads its own changes; an exception undoes them all.
        """
        if self._staged is not None:
            yield
            return
        if self.read_only is not None:
            raise ReadOnlyError(self.read_only)
        with self._memory:  # a rewrite on the writer thread never sees half an action
            self._staged, self._undo_log, self._meta_at = [], [], None
            try:
                yield
                if self._staged:
                    self._write_line(journal.line(self._staged))
            except BaseException:
                self._undo(self._undo_log)
                raise
            finally:
                self._staged, self._undo_log = None, []

    def change(self, ops: list[journal.Op]) -> None:
        """Carry out operations in memory as part of the current transaction."""
        if self._staged is None:
            with self.transaction():
                self.change(ops)
            return
        self._undo_log += self._undo_for(ops)
        journal.apply(self._tables, ops)
        for op in ops:
            if op[:3] == ["put", schema.META, 1] and self._meta_at is not None:
                self._staged[self._meta_at] = op  # one meta record per write, the newest
                continue
            if op[:3] == ["put", schema.META, 1]:
                self._meta_at = len(self._staged)
            self._staged.append(op)

    def _write_line(self, line: bytes) -> None:
        if self.writer is not None:
            self.writer.submit(line)  # memory holds the truth; the writer catches the disk up
        else:
            self.persist([line])

    def persist(self, lines: list[bytes]) -> None:
        with self._io:
            if self._journal_size:
                try:
                    self._journal_size = durable.append_durably(
                        paths.journal_file(self.path), b"".join(lines), self._journal_size
                    )
                except OSError:
                    self._journal_size = 0  # the journal may end in half a line: rewrite
                    raise
                if self._journal_size > COMPACT_AFTER:  # a long session: fold it in now
                    with contextlib.suppress(OSError):  # the journal holds it all anyway
                        self._rewrite()
                return
            self._rewrite()

    def compact(self) -> None:
        """Rewrite the data file whole with everything in memory, and start a new journal."""
        with self._io:
            self._rewrite()

    def _rewrite(self) -> None:
        base = durable.random_hex(8)
        with self._memory:
            meta = msgspec.structs.replace(self.meta, base=base, written_by=__version__)
            # An undecoded note (msgspec.Raw) is written as the very text it was read as.
            payload = schema.encode({**self._tables, schema.META: {1: meta}})
        durable.atomic_write_bytes(self.path, payload)
        self._rewrite_due = False
        with self._memory:  # keep any change made meanwhile (a new id, say)
            self._tables[schema.META][1] = msgspec.structs.replace(
                self.meta, base=base, written_by=__version__
            )
        # From here the data file holds everything: the old journal names the old
        # base and is ignored if the next step does not happen.
        header = journal.header(base)
        try:
            durable.atomic_write_bytes(paths.journal_file(self.path), header)
        except OSError:
            self._journal_size = 0  # the change is saved; the next one rewrites again
            return
        self._journal_size = len(header)

    @property
    def journal_is_empty(self) -> bool:
        return self._journal_size == len(journal.header(self.meta.base))

    # ---------------------------------------------------------------- undo
    def _undo_for(self, ops: list[journal.Op]) -> list[tuple[str, int, Any]]:
        undo: list[tuple[str, int, Any]] = []
        for op in ops:
            if op[0] == "clear":
                undo += [(t, -1, dict(rows)) for t, rows in self._tables.items()]
            else:
                undo.append((op[1], op[2], self._tables[op[1]].get(op[2], _MISSING)))
        return undo

    def _undo(self, undo: list[tuple[str, int, Any]]) -> None:
        for table, record_id, old in reversed(undo):
            if record_id == -1:
                self._tables[table].clear()
                self._tables[table].update(old)
                if table == schema.NOTES and any(isinstance(r, msgspec.Raw) for r in old.values()):
                    self._undecoded = True
            elif old is _MISSING:
                self._tables[table].pop(record_id, None)
            else:
                self._tables[table][record_id] = old
                if isinstance(old, msgspec.Raw):  # an undecoded note put back as it was
                    self._undecoded = True

    # ------------------------------------------------------------- closing
    def close(self) -> None:
        """Wait for the writer, then fold the journal into the data file.

        A failed rewrite here loses nothing the journal holds: the next start
        replays it.
        """
        failed = False
        if self.writer is not None:
            failed = self.writer.close() is not None
            self.writer = None
        if self.read_only is None and (
            failed
            or self._rewrite_due
            or (self._journal_size > self.fold_after and not self.journal_is_empty)
        ):
            # After a failed background write, memory holds changes the disk lacks:
            # one last try to write them all.
            with contextlib.suppress(OSError):
                self.compact()
