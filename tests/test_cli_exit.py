"""A command's process ends as soon as its work is on disk and its words are out: at
50,000 notes, freeing each note one by one took a sixth of ``note add``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_reading_writes_nothing import NOTES, many_notes
from tui.core import paths

ROOT = Path(__file__).resolve().parent.parent

#: The command line as the entry point runs it, with an exit hook that says whether
#: Python took the process apart (it runs only on a normal exit).
ENTRY = (
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write('taken apart\\n'))\n"
    "from tui.cli import main\n"
    "sys.argv = ['spms-navigator', *sys.argv[1:]]\n"
    "sys.exit(main())\n"
)


def run(data_file: Path, *words: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *words],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HOME": str(data_file.parent), paths.DATA_FILE_ENV: str(data_file)},
        check=False,
    )


def test_a_command_ends_at_once_with_its_change_saved_and_all_its_words_out(
    data_file: Path,
) -> None:
    many_notes(data_file)
    added = run(data_file, "note", "add", "--title", "Stairs", stdin="Slower today.")
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"Saved note {NOTES + 1}: Stairs\n"
    assert "taken apart" not in added.stderr  # ended without freeing every note

    listed = run(data_file, "note", "list", "--json")  # long output through a pipe, whole
    assert listed.returncode == 0, listed.stderr
    notes = json.loads(listed.stdout)["notes"]
    assert len(notes) == NOTES + 1 and notes[0]["title"] == "Stairs"

    missing = run(data_file, "note", "show", "99999")  # a failure's sentence is out too
    assert missing.returncode == 1
    assert missing.stderr.startswith("spms-navigator: There is no note number 99999.")


def test_a_command_that_opens_no_data_ends_as_usual(data_file: Path) -> None:
    """Nothing was opened, so there is nothing to save time on: Python ends as always."""
    result = run(data_file, "topics")
    assert result.returncode == 0
    assert "taken apart" in result.stderr
