"""All reading and writing of the user's data file happens through this module.

The file is TinyDB's JSON, read into typed records (schema.py) and kept in
memory by ``DataFile`` (storage.py), which writes each change durably. Opening
it takes a file lock, so a second copy of the app opens read-only instead of
writing over the first; ``recovery.py`` then checks, repairs or migrates it.

One user action is one transaction: ``with store.transaction():`` around several
changes writes them as one atomic write, or none of them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import msgspec

from tui.core import durable, generations, journal, paths, recovery
from tui.core import schema as stored
from tui.core.datapath import DataFileError, check_data_path
from tui.core.failures import (
    ANOTHER_COPY,
    ANOTHER_COPY_ON_START,
    READ_ONLY_FILE,
    READ_ONLY_FILE_ON_START,
    backup_problem_sentence,
    cannot_lock_sentence,
    save_error_sentence,
)
from tui.core.lock import CannotLock, Held, try_lock, without_a_lock
from tui.core.models import OpenReport
from tui.core.opening import load_data, read_only_file, saving
from tui.core.schema import (
    CHECKINS,
    CHECKLIST,
    META,
    NOTES,
    OWN_ITEMS,
    PEOPLE,
    SETTINGS,
    UNWANTED,
    VISITS,
)
from tui.core.storage import BackgroundWriter, DataFile
from tui.core.text import SaveError as SaveError  # its home; importers of the store find it here

__all__ = [
    "CHECKINS",
    "CHECKLIST",
    "NOTES",
    "OWN_ITEMS",
    "PEOPLE",
    "SETTINGS",
    "UNWANTED",
    "VISITS",
    "DataFileError",
    "SaveError",
    "Store",
    "backup_problem_sentence",
    "save_error_sentence",
]

R = TypeVar("R", bound=stored.Record)


class Store:
    """The user's data file: notes, checklist progress, own items, people, check-ins, visits
    and settings."""

    def __init__(self, path: Path, data: DataFile, lock: Held | None, report: OpenReport) -> None:
        self.path = path
        self._data = data
        self._lock = lock
        self.report = report
        self._background: list[threading.Thread] = []
        self._highest: dict[str, int] = {}  # the highest id in each table, once known

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: Path,
        private_dir: bool | None = None,
        *,
        reading: bool = False,
        command: bool = False,
    ) -> Store:
        """Open (or create) the data file. ``private_dir`` says the folder is the app's own.

        ``command`` (``note add``): the change stays in the journal until it holds
        COMMAND_FOLD_AFTER bytes. ``reading`` (``note list``): a clean file is left as it
        is, with no backup copy and no folding on closing. Repairs happen either way.
        A symlinked data file is read and written through to its target; the link stays.
        """
        path = Path(path)
        if path.is_symlink():
            path = path.resolve()
        check_data_path(path)
        report = OpenReport()
        if private_dir is None:
            private_dir = path.parent == paths.default_data_file().parent
        with saving(opening=True):
            recovery.prepare_directory(path.parent, private_dir, report)
        read_only: str | None = None
        lock: Held | None = None
        if read_only_file(path):
            read_only = READ_ONLY_FILE
            report.read_only = True
            report.messages.append(READ_ONLY_FILE_ON_START)
        else:
            try:
                lock = try_lock(paths.lock_file(path), durable.FILE_MODE)
            except CannotLock as error:  # not "another copy": a folder that cannot lock
                lock = without_a_lock(paths.lock_file(path))
                report.messages.append(cannot_lock_sentence(error))
            if lock is None:
                read_only = ANOTHER_COPY
                report.read_only = True
                report.messages.append(ANOTHER_COPY_ON_START)
        background: list[threading.Thread] = []
        data = load_data(path, report, background, read_only, lock, reading, command)
        if report.newer_file and lock is not None:  # nothing is written: drafts neither
            lock.release()
            lock = None
        store = cls(path, data, lock, report)
        store._background = background
        return store

    @property
    def read_only(self) -> bool:
        return self.report.read_only

    def waiting_for_another_copy(self) -> bool:
        """Read-only only because another copy holds the lock (it may close)."""
        return self._data.read_only == ANOTHER_COPY

    def take_over_if_free(self) -> bool:
        """If the other copy has closed, take the lock and read the file afresh (that
        copy saved to it), so this one can save. True if it now can."""
        if not self.waiting_for_another_copy():
            return False
        try:
            lock = try_lock(paths.lock_file(self.path), durable.FILE_MODE)
        except (CannotLock, OSError):
            return False
        if lock is None:
            return False
        report, background = OpenReport(), list[threading.Thread]()
        data = load_data(self.path, report, background, None, lock, False, False)
        if report.newer_file:  # the other copy was a newer version: stay read-only
            lock.release()
            return False
        self._data, self._lock, self._highest = data, lock, {}
        self._background += background
        self.report.read_only = False
        self.report.messages += report.messages
        return True

    def read_only_why(self) -> str:
        """Why this copy is read-only, for Help: another copy, a read-only file, or a
        file from a newer version ("" if it is not)."""
        why = (self._data.read_only or "").removeprefix("Not saved: ")
        return why[:1].upper() + why[1:]

    def write_in_background(self, on_result: Callable[[str | None], None]) -> None:
        """Hand every later save to a writer thread (for the full-screen app).

        ``on_result`` is called on that thread after each write with None, or with
        a sentence saying why the write failed. The change stays in memory either way.
        """
        if self.read_only or self._data.writer is not None:
            return

        def report(error: OSError | None) -> None:
            on_result(None if error is None else save_error_sentence(error))

        self._data.writer = BackgroundWriter(self._data.persist, report)

    def settle(self) -> None:
        """Wait for writes in progress. Raise SaveError if the newest one failed.

        After a failure this writes once more first, so a problem that has been
        fixed (space freed) clears here.
        """
        writer = self._data.writer
        if writer is None:
            return
        if writer.error is not None:
            writer.retry()
        error = writer.flush()
        if error is not None:
            raise SaveError(save_error_sentence(error))

    def wait_for_writes(self) -> None:
        """Wait until every change handed to the writer thread has been written or failed,
        and the backup copy started on opening is made."""
        if self._data.writer is not None:
            self._data.writer.flush()
        for thread in self._background:
            thread.join()

    @property
    def saving(self) -> bool:
        """True while a change is in memory but not yet on disk (the writer thread has it)."""
        writer = self._data.writer
        return writer is not None and writer.pending

    def saved_within(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the changes in progress to reach the disk; True if
        they did (a write that failed counts: it is reported on its own)."""
        writer = self._data.writer
        return writer is None or writer.wait(seconds)

    @property
    def save_failed(self) -> bool:
        """True while the last background write failed and none has succeeded since."""
        writer = self._data.writer
        return writer is not None and writer.error is not None

    def close(self) -> None:
        for thread in self._background:
            thread.join()
        self._background = []
        self._data.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def background_threads(self) -> list[threading.Thread]:
        """The backup copy being made on opening (empty once the store is closed)."""
        return list(self._background)

    def backup_problem(self, wait: bool = False) -> str | None:
        """A sentence if the dated copy started on opening failed; None if it was made,
        or (unless ``wait``) while it is still being made."""
        for thread in self._background:
            if wait:
                thread.join()
            elif thread.is_alive():
                return None
        return self.report.backup_problem

    def newest_copy_sentence(self) -> str:
        """When the newest dated backup copy was made, in a sentence for Help."""
        return generations.newest_copy_sentence(self.path)

    def remember_merged(self, name: str) -> None:
        """Name a kept-aside file as merged back (kept_aside.py), in the current action."""
        meta = self._data.meta
        if name not in meta.merged_aside:
            merged = [*meta.merged_aside, name]
            self.put(META, 1, msgspec.structs.replace(meta, merged_aside=merged))

    def schema(self) -> int:
        return self._data.meta.schema

    # ------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything changed inside is written as one atomic write, or not at all.

        Any exception inside (a sentence for the user too) undoes every change made
        inside it, in memory; nothing reached the disk.
        """
        with saving(), self._data.transaction():
            yield

    def records(self, table: str) -> dict[int, Any]:
        """A table's records by id. The caller must not change the dict or its records."""
        return self._data.table(table)

    def insert(self, table: str, record: stored.Record) -> int:
        """Add a record under a new id: one higher than any id this table ever had."""
        with self.transaction():
            meta = self._data.meta
            if table not in self._highest:  # the ids alone: no note is decoded for this
                self._highest[table] = max(self._data.ids(table), default=0)
            record_id = max(meta.last_ids.get(table, 0), self._highest[table]) + 1
            last_ids = {**meta.last_ids, table: record_id}
            self._data.change(
                [
                    journal.put(table, record_id, record),
                    journal.put(META, 1, msgspec.structs.replace(meta, last_ids=last_ids)),
                ]
            )
            self._highest[table] = record_id
        return record_id

    def put(self, table: str, record_id: int, record: stored.Record) -> None:
        with self.transaction():
            self._data.change([journal.put(table, record_id, record)])

    def update(self, table: str, record_id: int, **fields: Any) -> None:
        """Change some fields of a record (nothing happens if it is not there)."""
        current = self._data.record(table, record_id)
        if current is not None:
            self.put(table, record_id, msgspec.structs.replace(current, **fields))

    def delete(self, table: str, record_id: int) -> None:
        if record_id in self._data.ids(table):
            with self.transaction():
                self._data.change([journal.delete(table, record_id)])

    # ------------------------------------------------------------------ notes
    def note_rows(self) -> Iterator[tuple[int, stored.Note]]:
        yield from self._data.table(NOTES).items()

    def note_count(self) -> int:
        return len(self._data.ids(NOTES))

    def note(self, note_id: int) -> stored.Note | None:
        return cast(stored.Note | None, self._data.record(NOTES, note_id))

    # -------------------------------------------------------------- checklist
    def checklist_state(self) -> dict[str, stored.ChecklistState]:
        rows: dict[int, stored.ChecklistState] = self._data.table(CHECKLIST)
        return {row.item_id: row for row in rows.values()}

    def set_checklist_state(self, state: stored.ChecklistState) -> None:
        rows: dict[int, stored.ChecklistState] = self._data.table(CHECKLIST)
        for row_id, row in rows.items():
            if row.item_id == state.item_id:
                self.put(CHECKLIST, row_id, state)
                return
        self.insert(CHECKLIST, state)

    def delete_own_item(self, item_doc_id: int, item_id: str) -> None:
        """The item and its progress go together, in one write."""
        with self.transaction():
            self.delete(OWN_ITEMS, item_doc_id)
            rows: dict[int, stored.ChecklistState] = self._data.table(CHECKLIST)
            for row_id in [r for r, row in rows.items() if row.item_id == item_id]:
                self.delete(CHECKLIST, row_id)

    # --------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        settings = self._data.table(SETTINGS).get(1)
        value = getattr(settings, key, None) if settings is not None else None
        return default if value is None else value

    def set_setting(self, key: str, value: Any) -> None:
        if key not in stored.Settings.__struct_fields__:
            raise KeyError(f"no setting called {key!r} in stored.Settings")
        current = self._data.table(SETTINGS).get(1) or stored.Settings()
        fields = {**msgspec.structs.asdict(current), key: value}
        self.put(SETTINGS, 1, msgspec.convert(fields, stored.Settings))

    # ----------------------------------------------------------- whole file
    def clear_all(self) -> None:
        """Remove every note, tick, person, check-in, visit and setting in one save (the
        meta table stays).

        Ids are not reused afterwards either: the meta table keeps the highest given.
        """
        with self.transaction():
            self._data.change([journal.clear()])
        self._highest = {}

    def rewrite_now(self) -> None:
        """Fold the journal into the data file at once (delete all: no old words stay in it)."""
        self.settle()
        with saving():
            self._data.compact()
