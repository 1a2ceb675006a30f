"""Opening the data file safely: privacy, checks, recovery and migration.

Opening it:

1. makes the directory (0700) and tightens a looser mode it finds;
2. checks the file; one that is empty, cut short, not JSON, not UTF-8, the wrong
   shape or from a newer version is moved aside (never deleted) and the last
   good copy (``.bak``) is restored where there is one;
3. migrates an older schema, keeping a copy of the old file;
4. refreshes the ``.bak`` copy from the good file.

Each step that the user should know about adds a plain sentence to the
``OpenReport``; every front end shows those sentences on start.
"""

from __future__ import annotations

import contextlib
import stat
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.core import paths
from tui.core.models import OpenReport
from tui.core.storage import DIR_MODE, FILE_MODE, Document, atomic_write_bytes, decode, encode

CURRENT_SCHEMA = 1
META = "meta"
NOTES = "notes"


def now_stamp() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class BadFile(Exception):
    """The data file cannot be used as it is. ``reason`` is a short slug, the message a sentence."""

    def __init__(self, reason: str, sentence: str) -> None:
        super().__init__(sentence)
        self.reason = reason
        self.sentence = sentence


def _file_stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def empty_document() -> Document:
    return {META: {"1": {"schema": CURRENT_SCHEMA, "created": now_stamp()}}}


def parse_document(raw: bytes) -> tuple[Document, int]:
    """Check raw file bytes and return the document and its schema version.

    Raises ``BadFile`` with a sentence a person can understand.
    """
    if not raw.strip():
        raise BadFile("empty", "Your data file was empty")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadFile("not-utf8", "Your data file was not readable text (not UTF-8)") from error
    try:
        data = decode(raw)
    except ValueError as error:
        raise BadFile(
            "not-json", "Your data file was damaged or cut short (it is not valid JSON)"
        ) from error
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise BadFile("wrong-shape", "Your data file did not have the layout this app expects")
    meta = data.get(META, {}).get("1")
    schema = meta.get("schema") if isinstance(meta, dict) else 0
    if not isinstance(schema, int) or schema < 0:
        raise BadFile("wrong-shape", "Your data file had no valid version number")
    if schema > CURRENT_SCHEMA:
        raise BadFile(
            "newer",
            f"Your data file was written by a newer version of SPMS Navigator "
            f"(file version {schema}, this app reads up to {CURRENT_SCHEMA})",
        )
    return data, schema


def _migrate_0_to_1(data: Document) -> Document:
    """Version 0 files came from early prototypes: no meta table, notes without times."""
    stamp = now_stamp()
    for note in data.get(NOTES, {}).values():
        note.setdefault("title", "")
        note.setdefault("body", "")
        note.setdefault("created", stamp)
        note.setdefault("updated", note["created"])
        note.setdefault("link", "")
        note.setdefault("kind", "plain")
    data[META] = {"1": {"schema": 1, "created": stamp, "migrated_from": 0}}
    return data


MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _migrate_0_to_1}


def prepare_directory(directory: Path, private: bool, report: OpenReport) -> None:
    """Create the data folder owner-only; tighten it if it is the app's own folder.

    A folder the user chose for ``--data-file`` (their home, say) is left as it
    is: the files inside are still 0600.
    """
    if not directory.exists():
        directory.mkdir(parents=True, mode=DIR_MODE)
        directory.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
    elif private:
        _tighten(directory, DIR_MODE, report, "data folder")


def _tighten(path: Path, wanted: int, report: OpenReport, what: str) -> None:
    """Make a file (or, for 0700, a folder) private, and say so. Anything else is left alone."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    expected_kind = stat.S_ISDIR if wanted == DIR_MODE else stat.S_ISREG
    if not expected_kind(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & ~wanted & 0o777:
        try:
            path.chmod(wanted)
        except OSError:
            report.messages.append(
                f"Your {what} {path} can be read by other people on this computer, "
                f"and the app could not change that. Ask for help to make it private."
            )
            return
        report.messages.append(
            f"Your {what} could be read by other people on this computer. "
            f"It is now private to you (it was mode {mode:o}, now {wanted:o})."
        )


def _move_aside(path: Path, reason: str) -> Path:
    """Rename a bad file to a new name, never over an existing file."""
    stamp = _file_stamp()
    target = paths.aside_file(path, reason, stamp)
    counter = 1
    while target.exists():
        counter += 1
        target = paths.aside_file(path, reason, f"{stamp}-{counter}")
    path.replace(target)
    target.chmod(FILE_MODE)
    return target


def load_or_recover(path: Path, report: OpenReport, background: list[threading.Thread]) -> Document:
    """Return a good document for ``path``, recovering or migrating as needed.

    Refreshing the ``.bak`` copy of a good file is started on a thread, appended
    to ``background``: the caller joins it before closing.
    """
    if not report.read_only:
        for stale in paths.stale_temp_files(path):  # a killed save's leftovers; the file is whole
            stale.unlink(missing_ok=True)
    _tighten(path, FILE_MODE, report, "data file")
    _tighten(paths.backup_file(path), FILE_MODE, report, "backup file")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        document = empty_document()
        if not report.read_only:
            atomic_write_bytes(path, encode(document))
        return document
    try:
        document, schema = parse_document(raw)
    except BadFile as bad:
        return _recover(path, bad, report)
    if schema < CURRENT_SCHEMA:
        document = _migrate(path, document, schema, report)
    elif not report.read_only:
        # Copying years of notes takes milliseconds that opening need not wait for.
        # An interrupted copy only leaves the older .bak, which is still good.
        copy = threading.Thread(
            target=atomic_write_bytes, args=(paths.backup_file(path), raw), name="backup"
        )
        copy.start()
        background.append(copy)
    return document


def _recover(path: Path, bad: BadFile, report: OpenReport) -> Document:
    backup = paths.backup_file(path)
    good: Document | None = None
    if backup.exists():
        with contextlib.suppress(BadFile, OSError):
            good, schema = parse_document(backup.read_bytes())
            if schema < CURRENT_SCHEMA:
                good = _run_migrations(good, schema)
    if report.read_only:
        report.messages.append(
            f"{bad.sentence}. Another copy of the app has it open, so this copy left it alone "
            "and shows your last good copy, read-only."
        )
        return good or empty_document()
    moved = _move_aside(path, bad.reason)
    if good is not None:
        atomic_write_bytes(path, encode(good))
        report.messages.append(
            f"{bad.sentence}. It was moved, unchanged, to {moved}. "
            "Your last good copy was restored, so recent changes may be missing."
        )
        return good
    document = empty_document()
    atomic_write_bytes(path, encode(document))
    report.messages.append(
        f"{bad.sentence}. It was moved, unchanged, to {moved}. "
        "There was no good copy to restore, so the app started a new, empty file."
    )
    return document


def _run_migrations(document: Document, schema: int) -> Document:
    while schema < CURRENT_SCHEMA:
        document = MIGRATIONS[schema](document)
        schema += 1
    return document


def _migrate(path: Path, document: Document, schema: int, report: OpenReport) -> Document:
    if report.read_only:
        return _run_migrations(document, schema)
    kept = paths.aside_file(path, f"schema-v{schema}", _file_stamp())
    atomic_write_bytes(kept, path.read_bytes())
    document = _run_migrations(document, schema)
    payload = encode(document)
    atomic_write_bytes(path, payload)
    atomic_write_bytes(paths.backup_file(path), payload)
    report.messages.append(
        f"Your data file came from an older version of the app. It was updated, "
        f"and a copy of the old file was kept at {kept}."
    )
    return document
