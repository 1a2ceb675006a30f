"""A command that changes something leaves the notes undecoded (storage.DataFile): ``note
add`` at 50,000 notes needs only their numbers. These tests pin what must still hold:
every note added, edited or deleted by commands while others wait in the journal is
found by the command line, the plain mode and the app; the file written at closing
holds every note, the undecoded ones word for word; the next number is above every
stored note; and a note that does not fit the schema is kept aside when it is read."""

from __future__ import annotations

import asyncio
import io
import json
import re
from pathlib import Path

import pytest

from tests import test_faults
from tests.cli_runner import cli
from tests.faults import ERRORS, STEPS, FaultyOS, faulty
from tests.pilot_helpers import running_app
from tui.app.long_list import LongList
from tui.core import journal, opening, paths, recovery, schema
from tui.core.durable import atomic_write_bytes
from tui.core.service import open_navigator
from tui.core.store import SaveError
from tui.plain.app import PlainApp
from tui.plain.console import Console

#: Enough notes that a table left undecoded is the common case; the rules hold at any size.
COUNT = 1500
OLD = "2025-01-01T09:00:00+00:00"  # older than anything a command adds
EDITED, DELETED = 5, 7
ADDED = ["Added one", "Added two", "Added three"]


def stored_notes(count: int = COUNT) -> dict[int, schema.Note]:
    return {
        number: schema.Note(
            title=f"Note {number:05}", body=f"Words of note {number}.", created=OLD, updated=OLD
        )
        for number in range(1, count + 1)
    }


def write_file(data_file: Path, notes: dict[int, schema.Note], raw_notes: str = "") -> None:
    """A data file as years of use leave it (no highest id kept for the notes: older files
    have none), opened and closed once so that its journal exists and is empty (not with
    ``raw_notes``: opening it whole would keep a bad note aside at once)."""
    tables = schema.empty_tables()
    tables[schema.NOTES] = dict(notes)
    encoded = schema.encode(tables)
    if raw_notes:  # a note written by hand, or by a version that wrote it differently
        encoded = encoded.replace(b'"notes":{', f'"notes":{{{raw_notes},'.encode(), 1)
    data_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(data_file, encoded)
    data_file.chmod(0o600)
    if not raw_notes:
        open_navigator(data_file, reading=True).store.close()


def run(data_file: Path, *words: str) -> str:
    result = cli(*words, "--data-file", str(data_file))
    assert result.returncode == 0, result.stderr
    return result.stdout


def changes_waiting_in_the_journal(data_file: Path) -> None:
    """A note edited, one deleted and three added by commands, each kept in the journal."""
    write_file(data_file, stored_notes())
    before = data_file.stat()
    run(data_file, "note", "edit", str(EDITED), "--title", "Edited by a command")
    run(data_file, "note", "delete", str(DELETED), "--yes")
    numbers = [run(data_file, "note", "add", "--title", t, "--body", "") for t in ADDED]
    assert numbers == [f"Saved note {COUNT + i}: {t}\n" for i, t in enumerate(ADDED, 1)]
    after = data_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    waiting = journal.parse(paths.journal_file(data_file).read_bytes()).transactions
    assert len(waiting) == 2 + len(ADDED)


def expected_titles() -> set[str]:
    titles = {n.title for i, n in stored_notes().items() if i not in (EDITED, DELETED)}
    return titles | {"Edited by a command", *ADDED}


def check_the_file_alone(data_file: Path, *more: str) -> None:
    """The data file by itself, without its journal, holds every note as it should be
    (``more``: the titles of notes added after the three)."""
    notes = schema.decode(data_file.read_bytes()).tables[schema.NOTES]
    assert {n.title for n in notes.values()} == expected_titles() | set(more)
    assert notes[EDITED].body == f"Words of note {EDITED}." and DELETED not in notes
    originals = stored_notes()
    untouched = [i for i in originals if i not in (EDITED, DELETED)]
    assert [notes[i] for i in untouched] == [originals[i] for i in untouched]
    assert [notes[COUNT + i].title for i in (1, 2, 3)] == ADDED


def test_the_command_line_finds_every_note(data_file: Path) -> None:
    changes_waiting_in_the_journal(data_file)
    listed = run(data_file, "note", "list").splitlines()
    assert len(listed) == COUNT - 1 + len(ADDED)
    assert {line.split("\t")[-1] for line in listed} == expected_titles()
    assert listed[0].split("\t")[0] == str(COUNT + 3)  # the newest first
    shown = run(data_file, "note", "show", str(EDITED))
    assert "Edited by a command" in shown and f"Words of note {EDITED}." in shown


def test_the_plain_mode_finds_every_note_and_its_file_holds_them_all(data_file: Path) -> None:
    changes_waiting_in_the_journal(data_file)
    out = io.StringIO()
    nav = open_navigator(data_file)
    try:
        typed = "".join(f"{line}\n" for line in ["n", "f", "added", "f", "note 0", "b", "q"])
        assert PlainApp(nav, Console(io.StringIO(typed), out)).run() == 0
    finally:
        nav.store.close()
    total = COUNT - 1 + len(ADDED)
    assert f"Notes matching 'added': 3 of {total}." in out.getvalue()
    assert f"Notes matching 'note 0': {COUNT - 2} of {total}." in out.getvalue()
    check_the_file_alone(data_file)  # the plain mode folds the journal in on quitting


def test_the_app_finds_every_note_and_its_file_holds_them_all(data_file: Path) -> None:
    changes_waiting_in_the_journal(data_file)

    async def look() -> list[str]:
        async with running_app(data_file) as (app, pilot):
            await pilot.press("n")
            return app.screen.query_one("#notes", LongList).texts()

    lines = asyncio.run(look())
    assert len(lines) == COUNT - 1 + len(ADDED)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(expected_titles(), key=len)[::-1]))
    found = {m.group(0) for line in lines if (m := pattern.match(line))}
    assert found == expected_titles()
    assert [pattern.match(line).group(0) for line in lines[:3]] == ADDED[::-1]  # type: ignore[union-attr]
    check_the_file_alone(data_file)  # the app folds the journal in on quitting


def test_a_command_that_folds_the_journal_in_writes_every_note_word_for_word(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long journal is folded in by the command itself, with most notes never decoded:
    they go back into the file as they were read, none lost and none stale."""
    changes_waiting_in_the_journal(data_file)
    before = data_file.read_bytes()
    monkeypatch.setattr(opening, "COMMAND_FOLD_AFTER", 0)
    assert run(data_file, "note", "add", "--title", "Folded", "--body", "") == (
        f"Saved note {COUNT + 4}: Folded\n"
    )
    assert data_file.read_bytes() != before  # rewritten by this command
    waiting = journal.parse(paths.journal_file(data_file).read_bytes()).transactions
    assert waiting == []
    assert schema.decode(data_file.read_bytes()).tables[schema.NOTES][COUNT + 4].title == "Folded"
    check_the_file_alone(data_file, "Folded")


def test_the_next_number_is_above_every_stored_note(data_file: Path) -> None:
    """The number a note gets is above every note in the file and in the journal, even
    when the file's record of the highest number lags behind (a file edited by hand)."""
    notes = stored_notes(20)
    notes[900] = schema.Note(title="Written by hand", created=OLD, updated=OLD)
    write_file(data_file, notes)
    document = json.loads(data_file.read_bytes())
    document["meta"]["1"]["last_ids"] = {"notes": 3}
    data_file.write_text(json.dumps(document), "utf-8")
    assert run(data_file, "note", "add", "--title", "New", "--body", "") == "Saved note 901: New\n"
    assert run(data_file, "note", "add", "--title", "Newer", "--body", "") == (
        "Saved note 902: Newer\n"
    )
    state = recovery.saved_state(data_file)[schema.NOTES]
    assert (state[900].title, state[901].title, state[902].title) == (
        "Written by hand",
        "New",
        "Newer",
    )
    assert len(state) == 23


BAD_NOTE = '"2":{"title":"A bad kind","kind":["question"]}'


def test_a_note_that_does_not_fit_is_kept_aside_when_a_command_reads_it(data_file: Path) -> None:
    notes = stored_notes(30)
    del notes[2]
    write_file(data_file, notes, raw_notes=BAD_NOTE)
    added = cli("note", "add", "--title", "Fine", "--body", "", "--data-file", str(data_file))
    assert (added.returncode, added.stdout, added.stderr) == (0, "Saved note 31: Fine\n", "")
    assert BAD_NOTE.encode() in data_file.read_bytes()  # not read, so left as it was
    quarantine = paths.quarantine_file(data_file)
    assert not quarantine.exists()
    edited = cli("note", "edit", "2", "--title", "Better", "--data-file", str(data_file))
    assert edited.returncode == 1
    assert "There is no note number 2." in edited.stderr
    said = "Your data file held a note that this app could not read. It was kept, unchanged,"
    assert f"{said} in {quarantine}" in edited.stderr
    (kept,) = json.loads(quarantine.read_text("utf-8"))["records"]
    assert (kept["table"], kept["id"]) == ("notes", "2")
    assert json.loads(kept["raw"]) == {"title": "A bad kind", "kind": ["question"]}
    # Kept aside first, then out of the file (rewritten on closing), every other note in it.
    stored = schema.decode(data_file.read_bytes()).tables[schema.NOTES]
    assert BAD_NOTE.encode() not in data_file.read_bytes()
    assert sorted(stored) == [i for i in range(1, 32) if i != 2]
    again = cli("note", "list", "--data-file", str(data_file))
    assert again.stderr == "" and len(again.stdout.splitlines()) == 30


def test_a_change_undone_puts_an_undecoded_note_back_readable(data_file: Path) -> None:
    """An action that fails part-way undoes its changes in memory: a note it deleted
    comes back as it was read (undecoded), and is decoded again when read."""
    write_file(data_file, stored_notes(40))
    nav = open_navigator(data_file, command=True)
    try:
        with pytest.raises(RuntimeError), nav.store.transaction():
            nav.store.delete(schema.NOTES, 3)
            assert len(nav.notes.all()) == 39  # every note decoded, inside the action
            raise RuntimeError("the action fails after that")
        nav.notes.forget_cached()
        assert [n.title for n in nav.notes.all()][-3:] == ["Note 00003", "Note 00002", "Note 00001"]
    finally:
        nav.store.close()
    assert len(recovery.saved_state(data_file)[schema.NOTES]) == 40


def _command_run(
    data_file: Path, operation: str, fault: FaultyOS, patch: pytest.MonkeyPatch
) -> bool:
    """tests/test_faults.py's run, with the file opened as a command opens it (notes
    undecoded). True if a SaveError said the change was not saved."""
    nav = open_navigator(data_file, command=True)
    nav.store.wait_for_writes()
    if operation == "close":
        nav.notes.create("new note", "words")
    said = False
    with faulty(patch, fault):
        try:
            test_faults.OPERATIONS[operation](nav)
        except SaveError as error:
            assert str(error).startswith("Not saved: "), error
            said = True
    if said:  # memory went back to what is on disk
        assert test_faults.state_in_memory(nav) == test_faults.state_on_disk(data_file)
    nav.store.close()
    return said


@pytest.mark.usefixtures("os_flavour")
@pytest.mark.parametrize("operation", ["save a note", "import", "close"])
def test_a_fault_at_any_step_of_a_command_leaves_the_old_or_the_new_state(
    operation: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As tests/test_faults.py, on a file whose notes a command leaves undecoded, with
    changes waiting in the journal, and folded in on closing (as a 1 MB journal is)."""
    template = test_faults.make_template(tmp_path / "template")
    nav = open_navigator(template, command=True)
    for number in range(20):
        nav.notes.create(f"waiting {number}", "in the journal")
    nav.store.close()
    assert journal.parse(paths.journal_file(template).read_bytes()).transactions
    monkeypatch.setattr(opening, "COMMAND_FOLD_AFTER", 0)
    before = test_faults.state_on_disk(template)
    counting = FaultyOS()
    clean = test_faults.fresh(template, tmp_path, "clean")
    assert not _command_run(clean, operation, counting, monkeypatch)
    after = test_faults.state_on_disk(clean)
    assert after != before and len(after[0]) == len(before[0]) + (5 if operation == "import" else 1)
    tried = 0
    for step in STEPS:
        for index in range(counting.counts[step]):
            for code in ERRORS:
                data_file = test_faults.fresh(template, tmp_path, f"{step}-{index}-{code}")
                fault = FaultyOS(step, index, code)
                said = _command_run(data_file, operation, fault, monkeypatch)
                found = test_faults.state_on_disk(data_file)
                where = f"{operation}: {step} #{index} failing with errno {code}"
                assert fault.failed and found == (before if said else after), where
                tried += 1
    if operation == "close":  # the file rewritten, undecoded notes and all
        assert counting.counts["replace"] >= 1
    assert tried >= len(ERRORS) * 2
