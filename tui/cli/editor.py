"""Writing a note in the person's own editor, as git, gh and jrnl do.

Many blind people already have an editor set up the way their screen reader likes,
and a long note is easier there than on one command line. ``$VISUAL`` is used, else
``$EDITOR``. With neither, or one that will not start, the command says so in a
sentence and takes the text typed in the terminal instead. The text is kept in a
private file while the editor runs; if the editor fails, the file is left where it
is and the command says where, so nothing typed is lost.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from tui.cli.output import NotDone, read_stdin, tell
from tui.core import paths

NO_EDITOR = (
    "No editor is set, so type the text here, then press Ctrl+D on a line of its own. "
    "To write in your own editor next time, set VISUAL or EDITOR (for example: "
    "export EDITOR=nano)."
)


def editor_command(environ: dict[str, str] | None = None) -> list[str] | None:
    """The editor the person chose ($VISUAL, then $EDITOR), split as a shell would."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        chosen = env.get(name, "").strip()
        if chosen:
            try:
                words = shlex.split(chosen)
            except ValueError:
                continue
            if words:
                return words
    return None


def edit(text: str, what: str) -> str:
    """``text`` after the person has changed it in their editor (``what``: 'the note')."""
    command = editor_command()
    if command is None:
        tell(NO_EDITOR)
        return read_stdin()
    if shutil.which(command[0]) is None:
        tell(
            f"Your editor {command[0]} (from VISUAL or EDITOR) was not found. "
            "Type the text here instead, then press Ctrl+D on a line of its own."
        )
        return read_stdin()
    folder = paths.editing_folder()
    file = folder / "note.md"
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    tell(f"Opening {what} in {Path(command[0]).name}. Save and close the editor when done.")
    try:
        # The person's own editor, from their own environment, as git runs it.
        done = subprocess.run([*command, str(file)], check=False)  # noqa: S603
    except OSError as error:
        why = f"your editor did not start ({error.strerror or error})"
        raise NotDone(_kept(file, why)) from None
    if done.returncode != 0:
        raise NotDone(_kept(file, f"your editor ended with status {done.returncode}"))
    written = file.read_text(encoding="utf-8")
    file.unlink()
    folder.rmdir()
    return written


def _kept(file: Path, why: str) -> str:
    return (
        f"Nothing was saved: {why}. What you wrote is kept in {file} (readable by you "
        "only): give it with --body - < that file to save it."
    )
