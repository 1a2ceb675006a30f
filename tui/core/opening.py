"""Opening the data file: read it (repairing if need be) into memory, and the one way
every OS failure while saving or opening becomes a sentence. Used by store.py only."""

from __future__ import annotations

import contextlib
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from tui.core import recovery
from tui.core.failures import NEWER_FILE, save_error_sentence
from tui.core.lock import Held
from tui.core.models import OpenReport
from tui.core.schema import BadRecord
from tui.core.storage import DataFile, ReadOnlyError
from tui.core.text import SaveError

#: A command's change is one journal line; the file is rewritten once the journal holds this.
COMMAND_FOLD_AFTER = 1024 * 1024


def load_data(
    path: Path,
    report: OpenReport,
    background: list[threading.Thread],
    read_only: str | None,
    lock: Held | None,
    reading: bool,
    command: bool,
) -> DataFile:
    """Read (and if need be repair) the file into memory; on failure, let go of all.
    ``reading``: no dated copy and no folding; ``command``: fold only a large journal,
    and leave the notes undecoded until something reads them (a command that changes
    something, ``note add`` say, may never read them: see storage.DataFile)."""

    def keep_bad(bad: list[BadRecord]) -> None:  # a bad note found after opening
        recovery.quarantine(path, bad, report, writable=True)

    try:
        with saving(opening=True):
            undecoded = command and not reading and read_only is None
            opened = recovery.load(path, report, background, not reading, undecoded)
            data = DataFile(
                path,
                opened.tables,
                NEWER_FILE if report.newer_file else read_only,
                opened.notes_undecoded,
                keep_bad,
            )
            data.fold_after = sys.maxsize if reading else COMMAND_FOLD_AFTER if command else 0
            data.start_journal(opened.journal_size)
            if opened.rewrite_now:
                data.compact()
            return data
    except BaseException:
        for thread in background:
            thread.join()
        if lock is not None:
            lock.release()
        raise


@contextlib.contextmanager
def saving(opening: bool = False) -> Iterator[None]:
    """Turn any OS failure into a ``SaveError`` sentence."""
    try:
        yield
    except ReadOnlyError as error:
        raise SaveError(str(error)) from error
    except OSError as error:
        sentence = save_error_sentence(error)
        if opening:
            sentence = sentence.replace("Not saved: ", "Your data file could not be opened: ")
        raise SaveError(sentence) from error


def read_only_file(path: Path) -> bool:
    """A data file its owner made read-only (mode 0400): never silently made writable."""
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False
