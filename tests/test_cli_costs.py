"""Commands cost what they do: those that need no data never touch the data file or
import the storage code, and those that only read never write the file or a backup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import cli
from tui.core import paths, schema
from tui.core.models import Note

ROOT = Path(__file__).resolve().parent.parent

#: Modules that read, lock, back up or write the data file.
STORAGE = (
    "tui.core.store",
    "tui.core.storage",
    "tui.core.journal",
    "tui.core.lock",
    "tui.core.durable",
    "tui.core.recovery",
    "tui.core.generations",
    "tui.core.service",
    "msgspec",
)

NO_DATA_COMMANDS = [
    ["--version"],
    ["-V"],
    ["topics"],
    ["topics", "--search", "respite"],
    ["topic", "care-team", "--json"],
    ["urgent"],
    ["help", "note", "add"],
    ["completion", "bash"],
]


def beside(data_file: Path) -> list[str]:
    """Every file in the data file's folder (the file, its lock, journal and backups)."""
    folder = data_file.parent
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("words", NO_DATA_COMMANDS, ids=" ".join)
def test_commands_that_need_no_data_never_open_it(words: list[str], data_file: Path) -> None:
    result = cli(*words, env={paths.DATA_FILE_ENV: str(data_file)})
    assert result.returncode == 0, result.stderr
    assert result.stdout
    assert beside(data_file) == []  # not created, not locked, not backed up


def test_no_data_commands_work_while_the_app_holds_the_file(data_file: Path) -> None:
    """The app holding the lock is not mentioned: these commands do not use the file."""
    from tui.core.service import open_navigator

    nav = open_navigator(data_file)
    try:
        result = cli("topic", "care-team", env={paths.DATA_FILE_ENV: str(data_file)})
    finally:
        nav.store.close()
    assert result.returncode == 0
    assert result.stderr == ""


#: The code that opens, locks, reads and writes the data file.
ENGINE = STORAGE[:7]


@pytest.mark.parametrize(
    ("words", "unwanted"),
    [
        pytest.param(["--version"], STORAGE, id="--version"),
        pytest.param(["topics"], STORAGE, id="topics"),
        pytest.param(["topic", "care-team"], STORAGE, id="topic"),
        pytest.param(["urgent", "--json"], STORAGE, id="urgent"),
        # These build every command's parser, so they import the areas (not the engine).
        pytest.param(["help", "note", "add"], ENGINE, id="help"),
        pytest.param(["completion", "bash"], ENGINE, id="completion"),
    ],
)
def test_commands_that_need_no_data_import_no_storage_code(
    words: list[str], unwanted: tuple[str, ...]
) -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.stdout = open('/dev/null', 'w')\n"
        f"status = main({words!r})\n"
        "sys.stdout = sys.__stdout__\n"
        f"print(status, sorted(n for n in sys.modules if n in {unwanted!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stdout.strip() == "0 []", result.stderr


def files_state(data_file: Path) -> dict[str, tuple[bytes, int]]:
    """The bytes and modification time of the data file and every backup copy."""
    kept = [data_file, *paths.backup_generations(data_file), paths.backup_file(data_file)]
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in kept if p.exists()}


def add_note(title: str, env: dict[str, str]) -> None:
    result = cli("note", "add", "--title", title, stdin="Worse after a bath.", env=env)
    assert result.returncode == 0, result.stderr


READING = [
    ["note", "list"],
    ["note", "list", "--json"],
    ["note", "show", "1"],
    ["checklist", "list"],
    ["people", "list"],
    ["changes"],
    ["checkin", "list"],
    ["visit", "list"],
    ["due"],
]


@pytest.mark.parametrize("words", READING, ids=" ".join)
def test_a_command_that_only_reads_writes_nothing(words: list[str], data_file: Path) -> None:
    env = {paths.DATA_FILE_ENV: str(data_file)}
    add_note("Heat", env)
    add_note("Sleep", env)  # saved in the journal, newer than the last backup copy
    before = files_state(data_file)
    journal = paths.journal_file(data_file)
    journal_before = journal.read_bytes() if journal.exists() else None
    assert before, "the notes were saved somewhere"

    result = cli(*words, env=env)

    assert result.returncode in ((0, 1) if words == ["due"] else (0,)), result.stderr  # as grep
    assert files_state(data_file) == before
    assert (journal.read_bytes() if journal.exists() else None) == journal_before
    if words[:2] == ["note", "list"]:
        assert "Heat" in result.stdout and "Sleep" in result.stdout


def test_what_a_reading_command_saw_is_folded_in_by_the_next_change(data_file: Path) -> None:
    """Leaving the journal to the next writer loses nothing."""
    env = {paths.DATA_FILE_ENV: str(data_file)}
    for title in ("Heat", "Sleep"):
        add_note(title, env)
    assert cli("note", "list", env=env).returncode == 0
    add_note("Stairs", env)
    listed = json.loads(cli("note", "list", "--json", env=env).stdout)
    assert [n["title"] for n in listed["notes"]] == ["Stairs", "Sleep", "Heat"]


def test_a_command_that_changes_appends_to_the_journal_and_folds_it_in_later(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``note add`` costs what it changes: one line, not a rewrite of years of notes."""
    from tui.core import opening

    env = {paths.DATA_FILE_ENV: str(data_file)}
    add_note("Heat", env)
    before = data_file.read_bytes(), data_file.stat().st_mtime_ns
    journal = paths.journal_file(data_file)
    journal_size = journal.stat().st_size
    add_note("Sleep", env)
    assert (data_file.read_bytes(), data_file.stat().st_mtime_ns) == before
    assert journal.stat().st_size > journal_size and b"Sleep" in journal.read_bytes()
    monkeypatch.setattr(opening, "COMMAND_FOLD_AFTER", journal.stat().st_size)
    add_note("Stairs", env)  # the journal passes its size: folded into the file
    assert b"Stairs" in data_file.read_bytes() and b"Sleep" in data_file.read_bytes()
    assert b"Stairs" not in journal.read_bytes()
    listed = json.loads(cli("note", "list", "--json", env=env).stdout)
    assert [n["title"] for n in listed["notes"]] == ["Stairs", "Sleep", "Heat"]


def test_adding_a_note_builds_no_other_note(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 50,000 notes, building each to add one took a third of ``note add``."""
    from tui.core import notes

    env = {paths.DATA_FILE_ENV: str(data_file)}
    for title in ("Heat", "Sleep", "Stairs"):
        add_note(title, env)
    built: list[int] = []
    real = notes.note_from_row

    def counted(row: schema.Note, note_id: int) -> Note:
        built.append(note_id)
        return real(row, note_id)

    monkeypatch.setattr(notes, "note_from_row", counted)
    add_note("Walking", env)
    assert built == [4]
