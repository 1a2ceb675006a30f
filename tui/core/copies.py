"""A deleted record and the dated backup copies that still hold it.

Deleting a note removes it from the data file, but each dated copy made before
(``navigator.json.bak-…``, and the single ``.bak`` of older versions) still holds it
until newer copies replace it, for up to ``generations.MAX_AGE_DAYS`` days. A person
deleting something private must be told that, and offered to remove it from those
copies too. Each copy is rewritten whole and atomically, without the record and
otherwise byte for byte as it was parsed; a copy that cannot be read as JSON is left
alone and named. The sentences every front end says are here, in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tui.core import durable, generations, paths
from tui.core.failures import save_error_sentence


def _read(copy: Path) -> dict[str, Any] | None:
    """A file's document; None if it cannot be read or is not one."""
    try:
        return _load(copy)
    except OSError:
        return None


def _holds(document: dict[str, Any], table: str, record_id: int) -> bool:
    rows = document.get(table)
    return isinstance(rows, dict) and str(record_id) in rows


def copies_holding(data_file: Path, table: str, record_id: int) -> list[Path]:
    """The dated copies that still hold the record (newest first).

    "Could not look" is never taken for "it is not there": a copy that cannot be read
    counts as holding the record, and a folder that cannot be listed stands for the
    copies in it (so the person is asked, and the removal says what failed)."""
    try:
        return [
            copy
            for copy, document in _each_copy(data_file)
            if isinstance(document, OSError)
            or (document is not None and _holds(document, table, record_id))
        ]
    except OSError:
        return [data_file.parent]


def _each_copy(data_file: Path) -> Iterator[tuple[Path, dict[str, Any] | OSError | None]]:
    """Each dated copy that exists, with its document (None: damaged) or the error that
    kept it from being read; an OSError if the folder cannot be listed."""
    for copy in [*paths.backup_generations(data_file, strict=True), paths.backup_file(data_file)]:
        try:
            document: dict[str, Any] | OSError | None = _load(copy)
        except FileNotFoundError:
            continue
        except OSError as error:
            document = error
        yield copy, document


def _load(copy: Path) -> dict[str, Any] | None:
    """A copy's document; None if it is not one (damaged); OSError if it cannot be read."""
    try:
        document = orjson.loads(durable.read_regular(copy))
    except orjson.JSONDecodeError:
        return None
    return document if isinstance(document, dict) else None


def kept_aside_holding(data_file: Path, table: str, record_id: int) -> list[Path]:
    """Files kept aside (an old file before an update, a damaged one) that hold the
    record: the app never changes those, so a person deleting it is told where they are."""
    return [
        aside
        for aside in paths.aside_files(data_file)
        if (document := _read(aside)) is not None and _holds(document, table, record_id)
    ]


def kept_aside_sentence(found: list[Path]) -> str:
    """'' if none, else where the record remains in files the app kept aside."""
    if not found:
        return ""
    files = "1 file" if len(found) == 1 else f"{len(found)} files"
    where = ", ".join(str(p) for p in found)
    return (
        f"It is also in {files} the app kept aside, which it never changes: {where}. "
        "Delete those yourself if you wish."
    )


@dataclass
class Removed:
    """What removing a record from the dated copies did."""

    removed: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, OSError]] = field(default_factory=list)
    #: The folder of the copies, when it could not be listed, and why.
    unlisted: tuple[Path, OSError] | None = None

    def sentence(self, what: str = "") -> str:
        """'Removed it from 3 backup copies too.' ('Removed note 3 from 3 backup copies.'
        with ``what``, for a note deleted before) and, for each copy that failed, why."""
        said = []
        if self.removed:
            where = copies_words(len(self.removed))
            said.append(
                f"Removed {what} from {where}." if what else f"Removed it from {where} too."
            )
        for copy, error in self.failed:
            said.append(f"It is still in the backup copy {copy}: {_why(error)}")
        if self.unlisted is not None:
            folder, error = self.unlisted
            said.append(
                f"The backup copies in {folder} could not be looked through, so it may "
                f"still be in them: {_why(error)}"
            )
        return " ".join(said) or "No backup copy held it."


def _why(error: OSError) -> str:
    """Why a copy could not be read or written, as the end of a sentence."""
    return save_error_sentence(error).removeprefix("Not saved: ")


def remove_from_copies(data_file: Path, table: str, record_id: int) -> Removed:
    """Rewrite each dated copy holding the record without it (each copy atomically);
    a copy that cannot be read, or a folder that cannot be listed, is said as failed."""
    done = Removed()
    try:
        found = list(_each_copy(data_file))
    except OSError as error:
        done.unlisted = (data_file.parent, error)
        return done
    for copy, document in found:
        if isinstance(document, OSError):
            done.failed.append((copy, document))
            continue
        if document is None or not _holds(document, table, record_id):
            continue
        del document[table][str(record_id)]
        try:
            durable.atomic_write_bytes(copy, orjson.dumps(document))
        except OSError as error:
            done.failed.append((copy, error))
        else:
            done.removed.append(copy)
    return done


def copies_words(count: int) -> str:
    return "1 backup copy" if count == 1 else f"{count} backup copies"


def still_in_copies(count: int) -> str:
    """Where a deleted record remains if the person keeps the copies as they are."""
    return (
        f"It is still in {copies_words(count)} beside your data file. Newer copies "
        f"replace {'it' if count == 1 else 'them'} within {generations.MAX_AGE_DAYS} days."
    )


def kept_the_copies(count: int) -> str:
    """Said when the person keeps the copies: what stays where (every front end)."""
    return f"Kept the backup copies. {still_in_copies(count)}"


def remove_question(count: int) -> str:
    """The question each front end asks after a deletion (No is the default answer)."""
    return (
        f"{still_in_copies(count)} Remove it from {'that copy' if count == 1 else 'those copies'} "
        "too? Then no backup can bring it back."
    )
