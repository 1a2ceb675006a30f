"""Every store operation, with ENOSPC, EIO or EACCES at each write, fsync and rename in turn.

In the spirit of SQLite's crash tests: an operation is first run without faults to
count its steps, then once per (step, error). After each run, what a fresh start
reads from disk must be the state before or the state after the operation, never
something between, never empty when it was not; a failure must reach the person
as a sentence (``SaveError``), and a reported failure must have changed nothing.
Runs as here and under the simulated Windows ``os``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.faults import ERRORS, STEPS, FaultyOS, faulty
from tui.core import backup, durable, paths
from tui.core.recovery import saved_state
from tui.core.service import Navigator, open_navigator
from tui.core.store import SaveError

pytestmark = pytest.mark.usefixtures("os_flavour")

State = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def state_on_disk(data_file: Path) -> State:
    """Notes, ticked items, helpers and people, as a fresh start would read them now."""
    return state_of(saved_state(data_file))


def state_in_memory(nav: Navigator) -> State:
    return state_of({t: nav.store.records(t) for t in ("notes", "checklist", "people")})


def state_of(tables: dict[str, dict[int, Any]]) -> State:
    rows = tables["checklist"].values()
    return (
        tuple(sorted(n.title for n in tables["notes"].values())),
        tuple(sorted(r.item_id for r in rows if r.done)),
        tuple(sorted(r.helper for r in rows if r.helper)),
        tuple(sorted(p.name for p in tables["people"].values())),
    )


BACKUP: dict[str, Any] = {
    "format": "spms-navigator-backup",
    "version": 1,
    "notes": [{"title": f"imported {n}", "body": "b", "created": f"2026-0{n}"} for n in range(5)],
    "people": [{"name": "Dr Lee", "role": "care-team"}],
    "checklist": [{"item": "pr-meals", "done": True, "helper": "Ana"}],
}


def _save_note(nav: Navigator) -> None:
    nav.notes.create("new note", "words")


def _tick(nav: Navigator) -> None:
    nav.checklist.set_done("peer-helpline", True)


def _import(nav: Navigator) -> None:
    backup.apply_import(nav, backup.plan_import(nav, BACKUP))


def _delete_all(nav: Navigator) -> None:
    backup.delete_all(nav)


def _close_after_a_change(nav: Navigator) -> None:
    """The journal is folded into the data file when the app closes."""
    nav.store.close()


OPERATIONS: dict[str, Callable[[Navigator], None]] = {
    "save a note": _save_note,
    "tick an item": _tick,
    "import": _import,
    "delete all": _delete_all,
    "close": _close_after_a_change,
}


def make_template(folder: Path) -> Path:
    data_file = folder / "navigator.json"
    nav = open_navigator(data_file)
    nav.notes.create("old note", "")
    nav.checklist.set_helper("pr-pets", "Sam")
    nav.people.add("Ana")
    nav.store.close()
    open_navigator(data_file).store.close()  # a dated backup copy too
    return data_file


def fresh(template: Path, tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(template.parent, folder, symlinks=True)
    return folder / template.name


def run(data_file: Path, operation: str, fault: FaultyOS, patch: pytest.MonkeyPatch) -> bool:
    """Open, run the operation with the fault in place, close. True if a SaveError said so."""
    nav = open_navigator(data_file)
    nav.store.wait_for_writes()  # the backup copy's thread: not part of the operation
    if operation == "close":
        nav.notes.create("new note", "words")
    said = False
    with faulty(patch, fault):
        try:
            OPERATIONS[operation](nav)
        except SaveError as error:
            assert str(error).startswith("Not saved: "), error
            said = True
    if said and operation != "delete all":  # memory went back to what is on disk
        assert state_in_memory(nav) == state_on_disk(data_file)
    nav.store.close()
    return said


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_a_fault_at_any_step_leaves_the_old_or_the_new_state(
    operation: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = make_template(tmp_path / "template")
    before = state_on_disk(template)
    counting = FaultyOS()
    clean = fresh(template, tmp_path, "clean")
    assert not run(clean, operation, counting, monkeypatch)
    after = state_on_disk(clean)
    assert after != before
    tried = 0
    for step in STEPS:
        for index in range(counting.counts[step]):
            for code in ERRORS:
                data_file = fresh(template, tmp_path, f"{step}-{index}-{code}")
                fault = FaultyOS(step, index, code)
                said = run(data_file, operation, fault, monkeypatch)
                found = state_on_disk(data_file)
                where = f"{operation}: {step} #{index} failing with errno {code}"
                assert fault.failed, where
                assert found in (before, after), where
                if said and operation != "delete all":  # its emptying is saved before tidying
                    assert found == before, f"{where}: said not saved, but it was"
                if not said:
                    assert found == after, f"{where}: nothing said, but not saved"
                tried += 1
    assert tried >= len(ERRORS) * 2


def _damaged(template: Path, tmp_path: Path, name: str) -> Path:
    data_file = fresh(template, tmp_path, name)
    data_file.write_bytes(b'{"meta": {"1": {"schema": 1}}, "notes": {"1": {"title": "ha')
    return data_file


def _prototype(tmp_path: Path, name: str) -> Path:
    data_file = tmp_path / name / "navigator.json"
    data_file.parent.mkdir(parents=True)
    data_file.write_text(json.dumps({"notes": {"1": {"title": "old note", "body": ""}}}))
    return data_file


@pytest.mark.parametrize("kind", ["repair", "migration"])
def test_a_fault_while_repairing_or_migrating_loses_nothing(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening writes too: a repaired or migrated file. A fault there is said, and the
    next start (without it) still finds everything."""
    template = make_template(tmp_path / "template")

    def prepared(name: str) -> Path:
        if kind == "repair":
            return _damaged(template, tmp_path, name)
        return _prototype(tmp_path, name)

    counting = FaultyOS()
    with faulty(monkeypatch, counting):
        open_navigator(prepared("clean")).store.close()
    for step in STEPS:
        for index in range(counting.counts[step]):
            for code in ERRORS:
                data_file = prepared(f"{step}-{index}-{code}")
                original = data_file.read_bytes()
                where = f"{kind}: {step} #{index} failing with errno {code}"
                with faulty(monkeypatch, FaultyOS(step, index, code)):
                    try:
                        open_navigator(data_file).store.close()
                    except SaveError as error:
                        assert "could not be opened" in str(error), where
                kept = [p for p in data_file.parent.iterdir() if p.is_file()]
                assert any(p.read_bytes() == original for p in kept), f"{where}: lost the file"
                nav = open_navigator(data_file)
                try:
                    assert [n.title for n in nav.notes.all()] == ["old note"], where
                finally:
                    nav.store.close()


def test_every_file_is_flushed_before_it_is_renamed_into_place(
    data_file: Path, monkeypatch: pytest.MonkeyPatch, os_flavour: str
) -> None:
    log = FaultyOS()
    with faulty(monkeypatch, log):
        nav = open_navigator(data_file)
        nav.notes.create("one", "")
        nav.checklist.set_done("peer-helpline", True)
        nav.store.close()
        open_navigator(data_file).store.close()
    renames = [i for i, (step, _) in enumerate(log.log) if step == "replace"]
    assert len(renames) >= 3
    for at in renames:
        temp = log.log[at][1]
        steps_on_it = [step for step, name in log.log[:at] if name == temp]
        assert steps_on_it[-1] == "fsync", f"{temp} renamed before it was flushed: {steps_on_it}"
        if os_flavour == "native":  # then the folder entry itself
            assert log.log[at + 1] == ("fsync", data_file.parent.name)
    journal_writes = [i for i, e in enumerate(log.log) if e == ("write", "navigator.json.journal")]
    assert journal_writes
    for at in journal_writes:
        assert ("fsync", "navigator.json.journal") in log.log[at + 1 : at + 3]


def test_on_macos_the_drive_cache_is_flushed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    fake_fcntl = SimpleNamespace(F_FULLFSYNC=51, fcntl=lambda fd, op: calls.append(op))
    monkeypatch.setitem(__import__("sys").modules, "fcntl", fake_fcntl)
    log = FaultyOS()
    with faulty(monkeypatch, log):
        durable.atomic_write_bytes(tmp_path / "f.json", b"{}")
    assert calls == [51]
    assert [step for step, name in log.log if step == "fsync" and name != tmp_path.name] == []


def test_a_crash_mid_write_leaves_no_half_line_that_could_hide_later_saves(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk cuts a journal line in half; the next save must still be found."""
    nav = open_navigator(data_file)
    try:
        with faulty(monkeypatch, FaultyOS("write", 0)), pytest.raises(SaveError):
            nav.notes.create("half", "")
        nav.notes.create("whole", "")
        assert state_on_disk(data_file)[0] == ("whole",)
    finally:
        nav.store.close()
    assert paths.stale_temp_files(data_file) == []


def test_a_change_the_writer_thread_could_not_save_is_tried_again_on_closing(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nav = open_navigator(data_file)
    nav.store.write_in_background(lambda _problem: None)
    with faulty(monkeypatch, FaultyOS("write", 0, lasting=True)):
        nav.notes.create("kept in memory", "")
        nav.store.wait_for_writes()
        assert nav.store.save_failed
    nav.store.close()  # the disk works again: closing writes it
    assert state_on_disk(data_file)[0] == ("kept in memory",)


def test_a_long_journal_is_folded_into_the_data_file_before_closing(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core import storage

    monkeypatch.setattr(storage, "COMPACT_AFTER", 2000)
    nav = open_navigator(data_file)
    try:
        for n in range(20):
            nav.notes.create(f"note {n}", "x" * 200)
        assert paths.journal_file(data_file).stat().st_size < 2000 + 400
        assert b"note 0" in data_file.read_bytes()  # already in the data file itself
    finally:
        nav.store.close()
    assert len(state_on_disk(data_file)[0]) == 20
