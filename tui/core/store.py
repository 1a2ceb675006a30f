"""All reading and writing of the user's data file happens in this module.

The file is one TinyDB JSON document, written by ``AtomicJSONStorage``. Opening
it takes a file lock, so a second copy of the app opens read-only instead of
writing over the first; ``recovery.py`` then checks, repairs or migrates it.
"""

from __future__ import annotations

import contextlib
import errno
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from tinydb import Query, TinyDB
from tinydb.table import Document as TinyDocument

from tui.core import paths
from tui.core.lock import Held, try_lock
from tui.core.models import OpenReport
from tui.core.recovery import (
    CURRENT_SCHEMA,
    META,
    NOTES,
    load_or_recover,
    prepare_directory,
)
from tui.core.storage import (
    FILE_MODE,
    AtomicJSONStorage,
    BackgroundWriter,
    ReadOnlyError,
)

CHECKLIST = "checklist"
OWN_ITEMS = "own_items"
SETTINGS = "settings"
PEOPLE = "people"
UNWANTED = "unwanted_help"


class DataFileError(Exception):
    """The data file path cannot be used (a folder, a device...). The message says what to do."""


def check_data_path(path: Path) -> None:
    """Refuse a path that is not a file, before anything is created, locked or chmodded."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise DataFileError(
            f"{path} is a folder, not a file. Give the path of a file, "
            f"for example {path / paths.DATA_FILE_NAME}."
        )
    if not stat.S_ISREG(mode):
        raise DataFileError(f"{path} is not an ordinary file. Give the path of a file.")


class SaveError(Exception):
    """A change could not be written. The message is a sentence for the user."""


def save_error_sentence(error: OSError) -> str:
    """Turn an OS error into a sentence that says what happened and what to do."""
    if isinstance(error, ReadOnlyError):
        return (
            "Not saved: your notes are open in another copy of SPMS Navigator, so this one is "
            "read-only. Close the other copy, then start this one again."
        )
    if error.errno == errno.ENOSPC:
        return "Not saved: the disk is full. Free some space, then try again."
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            "Not saved: the app may not write to its data folder. "
            "Check its permissions, then try again."
        )
    if error.errno == errno.EROFS:
        return (
            "Not saved: the data folder is on a read-only disk. "
            "Choose another data file, then try again."
        )
    return f"Not saved: the computer reported a problem ({error.strerror or error}). Try again."


class Store:
    """The user's data file: notes, checklist progress, own items, people and settings."""

    def __init__(self, path: Path, db: TinyDB, lock: Held | None, report: OpenReport) -> None:
        self.path = path
        self._db = db
        self._lock = lock
        self.report = report
        self._background: list[threading.Thread] = []
        self._next_note: int | None = None  # the next note id, once known
        self._writer: BackgroundWriter | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: Path, private_dir: bool | None = None) -> Store:
        """Open (or create) the data file. ``private_dir`` says the folder is the app's own."""
        path = Path(path)
        check_data_path(path)
        report = OpenReport()
        if private_dir is None:
            private_dir = path.parent == paths.default_data_file().parent
        prepare_directory(path.parent, private_dir, report)
        lock = try_lock(paths.lock_file(path), FILE_MODE)
        if lock is None:
            report.read_only = True
            report.messages.append(
                "Your notes are open in another copy of SPMS Navigator. This copy is read-only: "
                "you can read, but changes will not be saved. Close the other copy to make changes."
            )
        try:
            background: list[threading.Thread] = []
            document = load_or_recover(path, report, background)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        storage_args = {"initial": document, "read_only": report.read_only}
        db = TinyDB(path, storage=AtomicJSONStorage, **storage_args)
        store = cls(path, db, lock, report)
        store._background = background
        return store

    @property
    def read_only(self) -> bool:
        return self.report.read_only

    def write_in_background(self, on_result: Callable[[str | None], None]) -> None:
        """Hand every later save to a writer thread (for the full-screen app).

        ``on_result`` is called on that thread after each write with None, or with
        a sentence saying why the write failed. The change stays in memory either way.
        """
        if self.read_only or self._writer is not None:
            return

        def report(error: OSError | None) -> None:
            on_result(None if error is None else save_error_sentence(error))

        self._writer = BackgroundWriter(self.path, report)
        cast(AtomicJSONStorage, self._db.storage).writer = self._writer

    def settle(self) -> None:
        """Wait for writes in progress. Raise SaveError if the newest one failed.

        After a failure this writes the newest document once more first, so a
        problem that has been fixed (space freed) clears here.
        """
        if self._writer is None:
            return
        if self._writer.error is not None:
            self._writer.retry()
        error = self._writer.flush()
        if error is not None:
            raise SaveError(save_error_sentence(error))

    def wait_for_writes(self) -> None:
        """Wait until every change handed to the writer thread has been written or failed."""
        if self._writer is not None:
            self._writer.flush()

    @property
    def save_failed(self) -> bool:
        """True while the last background write failed and none has succeeded since."""
        return self._writer is not None and self._writer.error is not None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        for thread in self._background:
            thread.join()
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _saving(self) -> Iterator[None]:
        """Run one write, turning any OS failure into a ``SaveError`` sentence."""
        try:
            yield
        except OSError as error:
            raise SaveError(save_error_sentence(error)) from error

    def schema(self) -> int:
        meta = self._db.table(META).get(doc_id=1)
        return int(meta["schema"]) if meta else CURRENT_SCHEMA

    # ------------------------------------------------------------------ notes
    def note_rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every note's id and stored fields. The caller must not change the dicts.

        Read straight from the storage's cached document: TinyDB's ``all()`` would
        copy every note first, which doubles the time and memory of opening years
        of notes (see bench/).
        """
        document = self._db.storage.read() or {}
        for doc_id, doc in document.get(NOTES, {}).items():
            yield int(doc_id), doc

    def note_count(self) -> int:
        document = self._db.storage.read() or {}
        return len(document.get(NOTES, {}))

    # Notes are the one table that grows for years, so they skip TinyDB's Table
    # layer: it re-keys every document of the table on each write, which was a
    # third of a save at 10,000 notes (bench/). The file format is TinyDB's own
    # (a table of documents under string ids), written by the same atomic storage.
    # A change never edits a stored dict in place: it puts a new one in its slot.
    def _note_table(self) -> dict[str, dict[str, Any]]:
        document = self._db.storage.read()
        if document is None:
            document = {}
        table: dict[str, dict[str, Any]] = document.setdefault(NOTES, {})
        return table

    def _write_notes(self) -> None:
        with self._saving():
            self._db.storage.write(self._db.storage.read() or {})

    def note(self, note_id: int) -> dict[str, Any] | None:
        doc = self._note_table().get(str(note_id))
        return {**doc, "id": note_id} if doc is not None else None

    def insert_note(self, fields: dict[str, Any]) -> int:
        table = self._note_table()
        note_id = (
            max(map(int, table), default=0) + 1 if self._next_note is None else self._next_note
        )
        table[str(note_id)] = dict(fields)
        self._write_notes()
        self._next_note = note_id + 1
        return note_id

    def update_note(self, note_id: int, fields: dict[str, Any]) -> None:
        table = self._note_table()
        key = str(note_id)
        if key in table:
            table[key] = {**table[key], **fields}
            self._write_notes()

    def delete_note(self, note_id: int) -> None:
        if self._note_table().pop(str(note_id), None) is not None:
            self._write_notes()

    # -------------------------------------------------------------- checklist
    def checklist_state(self) -> dict[str, dict[str, Any]]:
        return {doc["item_id"]: dict(doc) for doc in self._db.table(CHECKLIST).all()}

    def set_checklist_state(self, item_id: str, fields: dict[str, Any]) -> None:
        with self._saving():
            self._db.table(CHECKLIST).upsert(
                {"item_id": item_id, **fields}, Query().item_id == item_id
            )

    def delete_own_item(self, item_doc_id: int, item_id: str) -> None:
        with self._saving():
            self._db.table(OWN_ITEMS).remove(doc_ids=[item_doc_id])
            self._db.table(CHECKLIST).remove(Query().item_id == item_id)

    # ------------------------------------- own items, people, help not wanted
    def rows(self, table: str) -> list[dict[str, Any]]:
        return [_with_id(doc) for doc in self._db.table(table).all()]

    def insert_row(self, table: str, fields: dict[str, Any]) -> int:
        with self._saving():
            return int(self._db.table(table).insert(fields))

    def update_row(self, table: str, row_id: int, fields: dict[str, Any]) -> None:
        with self._saving():
            self._db.table(table).update(fields, doc_ids=[row_id])

    def delete_row(self, table: str, row_id: int) -> None:
        with self._saving():
            self._db.table(table).remove(doc_ids=[row_id])

    # --------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        doc = self._db.table(SETTINGS).get(doc_id=1)
        return doc.get(key, default) if isinstance(doc, dict) else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._saving():
            table = self._db.table(SETTINGS)
            if table.contains(doc_id=1):
                table.update({key: value}, doc_ids=[1])
            else:
                table.insert(TinyDocument({key: value}, doc_id=1))

    # ----------------------------------------------------------- whole file
    def clear_all(self) -> None:
        """Remove every note, tick, person and setting in one save (the meta table stays)."""
        with self._saving():
            storage = self._db.storage
            document = storage.read() or {}
            kept = {META: document.get(META, {})}
            self._next_note = None
            storage.write(kept)
            self.settle()  # delete all removes files next: the writer must be done
            # TinyDB keeps a Table object per name, caching its next id; drop them
            # so new tables start afresh (this is what its own drop_tables does).
            self._db._tables.clear()


def _with_id(doc: TinyDocument) -> dict[str, Any]:
    return {**doc, "id": doc.doc_id}
