"""What went wrong, in sentences: an OS error while saving, or while making a backup copy.

One place for these words, which the command line, the plain mode and the app all say.
"""

from __future__ import annotations

import errno

from tui.core.storage import ReadOnlyError

ANOTHER_COPY = (
    "Not saved: your notes are open in another copy of SPMS Navigator, so this one is "
    "read-only. Close the other copy, then start this one again."
)
NEWER_FILE = (
    "Not saved: your data file was written by a newer version of SPMS Navigator, so this "
    "one only reads it. Upgrade SPMS Navigator, then start it again."
)
READ_ONLY_FILE = (
    "Not saved: your data file is read-only, so this copy of the app only reads it. "
    "Make the file writable, then start the app again."
)

#: Said at start (the sentences above are what a refused save says).
ANOTHER_COPY_ON_START = (
    "Your notes are open in another copy of SPMS Navigator. This copy is read-only: you "
    "can read, but changes will not be saved. Close the other copy to make changes."
)
READ_ONLY_FILE_ON_START = (
    "Your data file is read-only, so the app opened it read-only: you can read, but "
    "changes will not be saved. Make the file writable to make changes."
)


def cannot_lock_sentence(error: OSError) -> str:
    """Said at each start where the data folder cannot lock files (single-user mode)."""
    return (
        "The folder of your data file cannot lock files (the computer said: "
        f"{error.strerror or error}), so the app cannot stop a second copy from writing "
        "at the same time. It opened your data for changes anyway. Open only one copy at "
        "a time, on one computer; to be safe, keep your data file on this computer's own "
        "disk."
    )


def save_error_sentence(error: OSError) -> str:
    """Turn an OS error into a sentence that says what happened and what to do."""
    if isinstance(error, ReadOnlyError):
        return str(error)
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


def backup_problem_sentence(error: BaseException) -> str:
    """Why the dated backup copy made on opening was not made. The data file is fine:
    nothing the person saved is affected, so this is a warning, not a failure."""
    if isinstance(error, OSError) and not isinstance(error, ReadOnlyError):
        reason = save_error_sentence(error).removeprefix("Not saved: ")
    else:
        reason = f"something went wrong that should not have ({type(error).__name__}). "
        reason += "Please report this."
    return f"Your data file is fine, but today's backup copy was not made: {reason}"
