"""Deleting a note offers to remove it from the dated backup copies too (issue 22, item 6).

Before, a deleted note stayed for up to 60 days in every dated copy made before, and
nobody was told. Each front end now asks (No is the default), and otherwise says
where the note remains; removing it leaves no file beside the data file holding it.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.pilot_helpers import running_app, status_text
from tests.process import cli, saved
from tests.test_plain_mode import run_plain
from tui.app.screens.confirm import ConfirmScreen
from tui.core import durable, paths

TITLE = "Zebrafish appointment"


def a_note_in_two_copies(data_file: Path) -> int:
    """A note in the data file and in two dated copies (each clean start makes one)."""
    with saved(data_file) as nav:
        note = nav.notes.create(TITLE, "private words")
        nav.notes.create("Other", "kept")
    with saved(data_file) as nav:
        nav.notes.create("Later", "")
    with saved(data_file):
        pass
    assert len(holding(data_file)) >= 2
    return note.id


def holding(data_file: Path) -> list[str]:
    """Every file beside the data file whose bytes hold the secret title."""
    return sorted(
        p.name
        for p in data_file.parent.iterdir()
        if p.is_file() and TITLE.encode() in p.read_bytes()
    )


def copies_holding(data_file: Path) -> list[str]:
    names = {p.name for p in paths.backup_generations(data_file)}
    return [name for name in holding(data_file) if name in names]


def test_the_command_line_says_where_a_deleted_note_remains_and_removes_it_on_request(
    data_file: Path,
) -> None:
    note_id = a_note_in_two_copies(data_file)
    held = len(copies_holding(data_file))
    deleted = cli("note", "delete", str(note_id), "--yes", "--data-file", str(data_file))
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout == f"Deleted note {note_id}: {TITLE}\n"
    assert (
        f"It is still in {held} backup copies beside your data file. Newer copies replace "
        f"them within 60 days. To remove it from them too, run: "
        f"spms-navigator note delete {note_id} --from-backups"
    ) in deleted.stderr
    assert len(copies_holding(data_file)) == held  # --yes agrees to the deletion only

    removed = cli(
        "note", "delete", str(note_id), "--from-backups", "--yes", "--data-file", str(data_file)
    )
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == f"Removed note {note_id} from {held} backup copies.\n"
    assert holding(data_file) == []  # no copy, and no journal line either
    with saved(data_file) as nav:  # the copies are still good backups of the rest
        assert sorted(n.title for n in nav.notes.all()) == ["Later", "Other"]
    for copy in paths.backup_generations(data_file):
        assert cli("note", "list", "--data-file", str(copy)).returncode == 0


def test_one_command_deletes_a_note_and_removes_it_from_the_copies(data_file: Path) -> None:
    note_id = a_note_in_two_copies(data_file)
    args = ("note", "delete", str(note_id), "--from-backups", "--yes")
    done = cli(*args, "--data-file", str(data_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Deleted note {note_id}: {TITLE}\nRemoved it from ")
    assert holding(data_file) == []


def test_the_plain_mode_asks_and_keeps_the_copies_unless_told_yes(data_file: Path) -> None:
    note_id = a_note_in_two_copies(data_file)
    held = len(copies_holding(data_file))
    # Notes, the oldest note (the third in the list), Delete this note, yes, then No.
    text = run_plain(data_file, "3", "3", "3", "yes", "no", "b", "b", "q")
    assert "Deleted the note." in text
    assert f"It is still in {held} backup copies beside your data file." in text
    assert "Remove it from those copies too? Then no backup can bring it back." in text
    assert f"Kept the backup copies. It is still in {held} backup copies" in text
    assert len(copies_holding(data_file)) == held
    with saved(data_file) as nav:
        assert note_id not in [n.id for n in nav.notes.all()]


def test_the_plain_mode_removes_it_from_the_copies_on_yes(data_file: Path) -> None:
    a_note_in_two_copies(data_file)
    text = run_plain(data_file, "3", "3", "3", "yes", "yes", "b", "q")
    assert "Removed it from " in text
    assert holding(data_file) == []


async def test_the_app_asks_a_second_question_and_removes_the_note_on_yes(
    data_file: Path,
) -> None:
    a_note_in_two_copies(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "end", "d", "y")
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render())
        assert question.startswith(f"Deleted the note '{TITLE}'. It is still in ")
        assert "Remove it from those copies too?" in question
        await pilot.press("y")
        assert status_text(app).startswith(f"Deleted the note '{TITLE}'. Removed it from ")
        app.navigator.store.wait_for_writes()
    assert holding(data_file) == []


async def test_the_app_says_where_the_note_remains_on_no(data_file: Path) -> None:
    a_note_in_two_copies(data_file)
    held = len(copies_holding(data_file))
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "end", "d", "y")
        await pilot.press("enter")  # focus starts on "No, keep the copies"
        assert status_text(app) == (
            f"Deleted the note '{TITLE}'. Kept the backup copies. It is still in {held} "
            "backup copies beside your data file. Newer copies replace them within 60 days."
        )
    assert len(copies_holding(data_file)) == held


def test_a_copy_that_cannot_be_rewritten_is_named_with_the_reason(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note_id = a_note_in_two_copies(data_file)
    held = copies_holding(data_file)
    rewrite = durable.atomic_write_bytes

    def a_full_disk_for_the_copies(path: Path, payload: bytes) -> None:
        if ".bak-" in path.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        rewrite(path, payload)

    with saved(data_file) as nav:
        nav.notes.delete(note_id)
        monkeypatch.setattr(durable, "atomic_write_bytes", a_full_disk_for_the_copies)
        removed = nav.notes.remove_from_copies(note_id)
    assert removed.removed == []
    sentence = removed.sentence()
    for name in held:
        assert f"It is still in the backup copy {data_file.parent / name}: the disk is full." in (
            sentence
        )
    assert copies_holding(data_file) == held  # each copy whole, as it was


async def test_the_second_question_is_in_sight_at_60_by_20(data_file: Path) -> None:
    from tests.test_small_terminals import _problems
    from tui.app.app import NavigatorApp
    from tui.core.service import open_navigator

    a_note_in_two_copies(data_file)
    navigator = open_navigator(data_file)
    try:
        app = NavigatorApp(navigator)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.press("n", "end", "d", "y")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            problems = _problems(app, "remove from the copies", (60, 20))
            await pilot.press("tab")
            await pilot.pause()
            problems += _problems(app, "remove from the copies, after Tab", (60, 20))
            assert not problems, "\n".join(problems)
    finally:
        navigator.store.close()


def test_a_file_kept_aside_that_holds_the_note_is_named_and_left_alone(data_file: Path) -> None:
    note_id = a_note_in_two_copies(data_file)
    aside = data_file.with_name(f"{data_file.name}.schema-v2-20261201-101010")
    aside.write_bytes(data_file.read_bytes())  # an old file kept before an update
    kept = aside.read_bytes()
    args = ("note", "delete", str(note_id), "--from-backups", "--yes")
    done = cli(*args, "--data-file", str(data_file))
    assert done.returncode == 0, done.stderr
    assert (
        f"It is also in 1 file the app kept aside, which it never changes: {aside}. "
        "Delete those yourself if you wish."
    ) in done.stderr
    assert aside.read_bytes() == kept
    assert holding(data_file) == [aside.name]


def test_the_plain_mode_names_a_file_kept_aside_too(data_file: Path) -> None:
    a_note_in_two_copies(data_file)
    aside = data_file.with_name(f"{data_file.name}.schema-v2-20261201-101010")
    aside.write_bytes(data_file.read_bytes())
    text = run_plain(data_file, "3", "3", "3", "yes", "no", "b", "b", "q")
    assert f"It is also in 1 file the app kept aside, which it never changes: {aside}." in text
