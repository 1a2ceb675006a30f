"""Reading costs no writing: quitting with nothing pending, and every command that only
reads, leave the data file as it was (same inode, same modification time) and make no
dated backup copy. At 50,000 notes the file is 32 MB: a rewrite or a copy of it on every
look is a second a person waits, and wear on their disk, for nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import cli
from tests.terminal import Terminal
from tui.core import paths, schema
from tui.core.durable import atomic_write_bytes
from tui.core.service import open_navigator

#: Enough notes that a rewrite would be noticed on the clock; the rule is the same at any size.
NOTES = 3000


def stat_of(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file beside the data file, with its inode, modification time and size: a
    rewrite (a new inode), a write in place (a new time) and a new copy all show."""
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.iterdir())
    }


def many_notes(data_file: Path) -> None:
    """A file of NOTES notes, as years of use would leave it, then opened and closed once
    by the app's own store (so its journal exists and is empty: nothing is pending)."""
    tables = schema.empty_tables()
    stamp = schema.now_stamp()
    tables[schema.NOTES] = {
        number: schema.Note(
            title=f"Note {number}", body="Slower on the stairs. " * 20, created=stamp, updated=stamp
        )
        for number in range(1, NOTES + 1)
    }
    data_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(data_file, schema.encode(tables))
    open_navigator(data_file, reading=True).store.close()


@pytest.mark.parametrize("plain", [False, True], ids=["app", "plain mode"])
def test_opening_and_quitting_at_once_rewrites_nothing(data_file: Path, plain: bool) -> None:
    many_notes(data_file)
    data_and_journal = [data_file.name, paths.journal_file(data_file).name]
    before = stat_of(data_file.parent)
    with Terminal.app(data_file, *(["--plain"] if plain else [])) as term:
        term.wait_for("Your choice" if plain else "Topics")
        term.send("q\r" if plain else "q")
        assert term.process.wait(timeout=30) == 0, term.what_happened()
    after = stat_of(data_file.parent)
    assert {n: after[n] for n in data_and_journal} == {n: before[n] for n in data_and_journal}


#: Commands that only read. Each must open the file without its dated backup copy and
#: leave the journal a change left for the next change to fold in.
READING = [
    ["note", "list"],
    ["note", "show", "1"],
    ["checklist"],
    ["checklist", "list"],
    ["people"],
    ["people", "unwanted"],
    ["checkin", "list"],
    ["changes"],
    ["visit", "list"],
    ["due"],
    ["med"],
    ["med", "list"],
    ["event"],
    ["event", "list"],
    ["config", "show"],
    ["export", "--format", "appointment-txt", "--output", "-"],
]


@pytest.mark.parametrize("words", READING, ids=" ".join)
def test_a_reading_command_copies_and_rewrites_nothing(words: list[str], data_file: Path) -> None:
    """The first command of the day that only reads, with a change pending in the journal."""
    many_notes(data_file)
    env = {paths.DATA_FILE_ENV: str(data_file)}
    added = cli("note", "add", "--title", "Heat", stdin="Worse after a bath.", env=env)
    assert added.returncode == 0, added.stderr
    for copy in paths.backup_generations(data_file):  # as if the change was made yesterday
        copy.unlink()
    before = stat_of(data_file.parent)
    assert b"Heat" in paths.journal_file(data_file).read_bytes()  # pending: not folded yet

    result = cli(*words, env=env)

    assert result.returncode in ((0, 1) if words == ["due"] else (0,)), result.stderr
    assert stat_of(data_file.parent) == before
