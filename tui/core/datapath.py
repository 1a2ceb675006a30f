"""Whether a path may be used as the data file, decided before anything is created,
locked or chmodded: a folder, a device or someone else's file is refused in a sentence.
"""

from __future__ import annotations

import stat
from pathlib import Path

from tui.core import paths
from tui.core import schema as stored


class DataFileError(Exception):
    """The data file path cannot be used (a folder, a device...). The message says what to do."""


def check_data_path(path: Path) -> None:
    """Refuse a path that is not a file of ours, before anything is created, locked or chmodded."""
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
    if not _looks_like_ours(path):
        raise DataFileError(
            f"{path} is not an SPMS Navigator data file, so the app left it alone. "
            "Give the path of your data file, or of a new file."
        )


_OUR_FIRST_KEYS = tuple(f'"{name}"'.encode() for name in (*stored.TABLES, "_default"))


def _looks_like_ours(path: Path) -> bool:
    """True for a file this app wrote (even damaged), or one with nothing in it to lose.

    Files the app keeps beside its data file say it was here before; otherwise the
    start of the file must be a JSON object whose first key names one of our tables.
    """
    beside = [paths.lock_file(path), paths.backup_file(path), paths.journal_file(path)]
    if any(p.exists() for p in beside) or paths.backup_generations(path):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # unreadable: the open that follows says why
    text = head.removeprefix(b"\xef\xbb\xbf").strip(b" \t\r\n\x00")  # an editor's mark
    if not text:
        return True
    if text.startswith(b"<<<<<<< "):  # a merge's marks: what follows is the file
        text = text.partition(b"\n")[2].lstrip()
    return text.startswith(b"{") and text[1:].lstrip().startswith(_OUR_FIRST_KEYS)
