"""Data files read as backups: a file an older release set aside, or one from elsewhere.

Versions before 0.2.0, meeting a data file a newer version wrote, moved it aside as
``navigator.json.newer-<date>`` and went on with an older copy: everything written by
the newer version since was in a file nobody was told about. Each start now finds such
files, and if one holds records the data file lacks, says so in one sentence and how to
bring them back: ``import`` takes a data file as well as a JSON backup, reads it into
memory (never writing it), turns it into the export's form and merges it with import's
own preview and single write. A kept-aside file merged once is named in the meta
record and not offered again, so a record deleted afterwards is not offered back.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import orjson

from tui.core import backup, durable, importing, journal, paths, schema
from tui.core.models import OpenReport
from tui.core.service import Navigator
from tui.core.storage import DataFile
from tui.core.store import Store
from tui.core.text import InputError

#: Bigger than any backup a person could have written (a note is under 100 kB and
#: 100,000 notes make about 60 MB): anything larger is refused before it is read.
MAX_IMPORT_BYTES = 200 * 1024 * 1024
READ_ONLY = "This file is read only to import it."


def read_backup(path: Path, library_of: Navigator | None = None) -> dict[str, Any]:
    """A JSON backup, or a data file turned into one, with a sentence for each way it
    can be wrong. Refuses a pipe, a device or a huge file before reading any of it."""
    path = path.expanduser()
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"There is no file {path}. Check the name and the folder.") from None
    except OSError as error:
        raise InputError(f"{path} could not be read ({error.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder. Give the name of a JSON backup file.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{path} is not an ordinary file (a pipe or a device, perhaps), so the app did "
            "not read it. Save the backup to a file first, then import that file."
        )
    if info.st_size > MAX_IMPORT_BYTES:
        raise InputError(
            f"{path} is larger than {MAX_IMPORT_BYTES // 2**20} MB, far larger than any backup "
            "from SPMS Navigator, so the app did not read it. Check the file's name."
        )
    try:
        raw = durable.read_regular(path, limit=MAX_IMPORT_BYTES)
    except OSError as error:
        raise InputError(f"{path} could not be read ({error.strerror or error}).") from None
    if raw.startswith(b'{"journal":'):
        return _journal_as_backup(path, raw, library_of)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise InputError(f"{path} is not a JSON backup from SPMS Navigator.") from None
    if isinstance(data, dict) and data.get("format") is None and _is_data_file(data):
        return data_file_as_backup(path, raw, library_of)
    return importing.check_backup(path, data)


def _journal_as_backup(
    path: Path, raw: bytes, library_of: Navigator | None = None
) -> dict[str, Any]:
    """The records a journal of changes wrote (one set aside as unused), as a backup.

    Its changes were made to another copy of the data file, which may be gone: each
    record it saved is brought in like a backup's (nothing is deleted by an import).
    """
    replay = journal.parse(raw)
    if not replay.transactions:
        raise InputError(
            f"{path} holds no changes that can be read, so there is nothing to import."
        )
    tables = schema.empty_tables()
    for ops in replay.transactions:
        journal.apply(tables, ops)
    return _tables_as_backup(path, tables, library_of)


def _is_data_file(data: dict[str, Any]) -> bool:
    return schema.META in data and all(name in schema.TABLES for name in data)


def data_file_as_backup(
    path: Path, raw: bytes, library_of: Navigator | None = None
) -> dict[str, Any]:
    """Everything in a data file, as its export would give it (nothing is written)."""
    try:
        loaded = schema.decode(raw)
    except schema.BadFile as bad:
        raise InputError(f"{path}: {bad.sentence}, so it cannot be imported.") from None
    return _tables_as_backup(path, loaded.tables, library_of)


def _tables_as_backup(
    path: Path, tables: schema.Tables, library_of: Navigator | None
) -> dict[str, Any]:
    store = Store(path, DataFile(path, tables, READ_ONLY), None, OpenReport())
    if library_of is not None:
        library = library_of.library
    else:
        from tui.core.content import default_library

        library = default_library()
    data = backup.export_data(Navigator(store, library))
    data["source_file"] = str(path.resolve())
    return data


def offers(nav: Navigator) -> list[str]:
    """A sentence for each kept-aside data file holding records this file lacks."""
    merged = set(nav.store.records(schema.META)[1].merged_aside)
    said = []
    for path in paths.offered_back(nav.store.path):
        if path.name in merged:
            continue
        try:
            plan = importing.plan_import(nav, read_backup(path, nav))
        except InputError:
            continue  # damaged, or from a newer version still: nothing to offer here
        if plan.empty:
            continue
        what = " ".join(plan.sentences()).rstrip(".").replace(". ", ", ")
        kept = (
            f"Some of your changes were kept aside at {path}, as they belonged to another "
            "copy of your data file"
            if ".journal-unused-" in path.name
            else f"Another version of the app set a copy of your data aside at {path}"
        )
        said.append(
            f"{kept}. It holds what your data file does not: {what}. To bring it back (you "
            "see what will change first), choose Your data, then Import, in the app, and "
            "give that file; "
            f"or run: spms-navigator import {path}"
        )
    return said
