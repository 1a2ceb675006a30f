"""Nothing a person wrote is lost or leaked: one test per way a fault attack found (issue 12).

These drive the store, the backup functions and the real command as a person
would, and look at what lands on disk.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import cli
from tests.terminal import Terminal
from tui.core import backup, paths
from tui.core.schema import CURRENT_SCHEMA
from tui.core.service import Navigator, open_navigator
from tui.core.store import SaveError, Store

#: In-process store tests run twice: as here, and under the simulated Windows ``os``.
both_platforms = pytest.mark.usefixtures("os_flavour")


def titles(data_file: Path) -> list[str]:
    nav = open_navigator(data_file)
    try:
        return sorted(n.title for n in nav.notes.all())
    finally:
        nav.store.close()


def with_a_backup_copy(data_file: Path, *notes: str) -> None:
    """Notes saved, then a clean start that makes the dated backup copy."""
    nav = open_navigator(data_file)
    for title in notes:
        nav.notes.create(title, "")
    nav.store.close()
    open_navigator(data_file).store.close()


# ------------------------------------------------------- finding 1: a missing file
@both_platforms
def test_a_missing_data_file_is_restored_from_the_newest_backup_and_said(
    data_file: Path,
) -> None:
    with_a_backup_copy(data_file, "first", "second")
    data_file.unlink()  # a sync tool, a kill mid-repair, a full disk
    nav = open_navigator(data_file)
    try:
        assert sorted(n.title for n in nav.notes.all()) == ["first", "second"]
        (message,) = nav.store.report.messages
        assert message.startswith("Your data file was missing. Your last good copy was restored")
    finally:
        nav.store.close()
    assert titles(data_file) == ["first", "second"]  # and the start after that too
    assert titles(data_file) == ["first", "second"]


@both_platforms
def test_an_emptied_file_never_pushes_out_the_full_backup_copies(data_file: Path) -> None:
    with_a_backup_copy(data_file, *[f"note {n}" for n in range(50)])
    nav = open_navigator(data_file)
    for note in nav.notes.all():
        nav.notes.delete(note.id)  # a mistake, or a bug: the file is nearly empty now
    nav.store.close()
    nav = open_navigator(data_file)
    nav.store.close()
    (warning,) = nav.store.report.messages  # said at the first start after it shrank
    assert "much smaller than your backup copy" in warning
    for _ in range(5):
        open_navigator(data_file).store.close()
    full = [p for p in paths.backup_generations(data_file) if b"note 49" in p.read_bytes()]
    assert full, "the last full copy was pruned"


# --------------------------------------------------- finding 2: import and words
@both_platforms
def test_import_never_replaces_words_with_empty_ones_and_lists_each_change(
    navigator: Navigator,
) -> None:
    old = backup.export_data(navigator)  # an older backup: nothing written yet
    old["checklist"] = [{"item": "pr-meals", "done": True, "helper": "", "note": ""}]
    old["checklist"] += [{"item": "ct-neurologist", "done": False, "helper": "Dr Lee", "note": ""}]
    navigator.checklist.set_helper("pr-meals", "my sister Ana drives me")
    navigator.checklist.set_item_note("pr-meals", "Tuesdays")
    plan = backup.plan_import(navigator, old)
    assert plan.changes() == [
        'Checklist "Find someone who can help with meals", done: "not done" becomes "done".',
        'Checklist "See a neurologist for regular check-ups", who helps: nothing becomes "Dr Lee".',
    ]
    backup.apply_import(navigator, plan)
    meals = navigator.checklist.entry("pr-meals")
    assert (meals.done, meals.helper, meals.note) == (True, "my sister Ana drives me", "Tuesdays")
    assert navigator.checklist.entry("ct-neurologist").helper == "Dr Lee"


@both_platforms
def test_import_keeps_both_when_the_words_differ(navigator: Navigator) -> None:
    old = backup.export_data(navigator)
    old["checklist"] = [{"item": "pr-meals", "done": False, "helper": "Sam", "note": ""}]
    navigator.checklist.set_helper("pr-meals", "Ana")
    plan = backup.plan_import(navigator, old)
    assert plan.changes() == [
        'Checklist "Find someone who can help with meals", who helps: "Ana" becomes "Ana␊Sam".'
    ]
    backup.apply_import(navigator, plan)
    assert navigator.checklist.entry("pr-meals").helper == "Ana\nSam"


# ------------------------------------------- finding 3: the CLI says it repaired
def test_the_command_line_says_it_repaired_the_file(data_file: Path) -> None:
    with_a_backup_copy(data_file, "kept")
    data_file.write_bytes(b'{"meta": {"1": {"schema": 1}}, "notes": {"1": {"tit')
    listed = cli("note", "list", "--data-file", str(data_file))
    assert listed.returncode == 0
    assert "kept" in listed.stdout
    assert "moved, unchanged" in listed.stderr and "last good copy was restored" in listed.stderr


# ------------------------------------------------- finding 6: wrong types in JSON
HOSTILE: dict[str, dict[str, Any]] = {
    "meta": {"1": {"schema": CURRENT_SCHEMA, "created": "2026-01-01T10:00:00+00:00"}},
    "notes": {
        "1": {"title": "good one", "body": "", "created": "2026-01-01T10:00:00+00:00"},
        "2": {"title": "bad kind", "kind": ["question"]},
        "abc": {"title": "bad id"},
        "3": {"title": "good two", "body": "x", "created": "2026-01-02T10:00:00+00:00"},
    },
    "checklist": {"1": {"done": True}, "2": {"item_id": "peer-helpline", "done": True}},
    "people": {"1": "not a person"},
}


def test_records_of_the_wrong_type_are_kept_aside_and_the_rest_loads(data_file: Path) -> None:
    data_file.parent.mkdir(parents=True)
    data_file.write_text(json.dumps(HOSTILE), "utf-8")
    data_file.chmod(0o600)
    listed = cli("note", "list", "--data-file", str(data_file))
    assert listed.returncode == 0, listed.stderr
    assert "good one" in listed.stdout and "good two" in listed.stdout
    quarantine = paths.quarantine_file(data_file)
    assert f"kept, unchanged, in {quarantine}" in listed.stderr
    assert listed.stderr.count("\n") == 1  # one sentence
    kept = json.loads(quarantine.read_text("utf-8"))["records"]
    assert sorted((r["table"], r["id"]) for r in kept) == [
        ("checklist", "1"),
        ("notes", "2"),
        ("notes", "abc"),
        ("people", "1"),
    ]
    assert json.loads(next(r["raw"] for r in kept if r["id"] == "2")) == HOSTILE["notes"]["2"]
    if os.name == "posix" and sys.platform != "win32":
        assert stat.S_IMODE(quarantine.stat().st_mode) == 0o600
    ticked = cli("checklist", "--data-file", str(data_file))
    assert ticked.returncode == 0 and ticked.stderr == ""  # said once, then all is well
    assert "Call an MS helpline: done." in ticked.stdout
    added = cli("note", "add", "--title", "after", "--body", "", "--data-file", str(data_file))
    assert added.returncode == 0 and "Saved note 4" in added.stdout


async def test_the_app_opens_a_file_with_wrong_types(data_file: Path) -> None:
    from tests.pilot_helpers import running_app

    data_file.parent.mkdir(parents=True)
    data_file.write_text(json.dumps(HOSTILE), "utf-8")
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        assert app.navigator.notes.count() == 2


def test_an_app_crash_exits_with_a_failure_status(data_file: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from tui.app.app import NavigatorApp
        from tui.cli import main
        def broken(self):
            raise RuntimeError("a bug")
        NavigatorApp.on_mount = broken
        sys.exit(main(["--data-file", {str(data_file)!r}]))
        """
    )
    with Terminal([sys.executable, "-c", script]) as term:
        term.process.wait(timeout=30)
    assert term.process.returncode != 0


# ---------------------------------------------------------- ids are never reused
@both_platforms
def test_a_deleted_notes_id_is_never_given_again_even_after_a_restart(data_file: Path) -> None:
    nav = open_navigator(data_file)
    nav.notes.create("one", "")
    two = nav.notes.create("two", "")
    nav.notes.delete(two.id)
    nav.store.close()
    nav = open_navigator(data_file)
    try:
        assert nav.notes.create("three", "").id == two.id + 1
        person = nav.people.add("Sam")
        nav.people.delete(person.id)
        assert nav.people.add("Ana").id == person.id + 1
    finally:
        nav.store.close()


# ------------------------------------------------- finding 7: import in one write
@both_platforms
def test_an_import_is_one_write_and_takes_linear_time(
    navigator: Navigator, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = backup.export_data(navigator)
    data["notes"] = [{"title": f"n{i}", "body": "b", "created": f"{i}"} for i in range(300)]
    plan = backup.plan_import(navigator, data)
    syncs: list[int] = []
    real_fsync = os.fsync

    def counting(fd: int) -> None:
        syncs.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counting)
    backup.apply_import(navigator, plan)
    assert navigator.notes.count() == 300
    assert len(syncs) <= 2  # the journal line (and its folder): not one per note


# -------------------------------- finding 8: delete-all leaves no copy of the words
@both_platforms
def test_delete_all_leaves_no_file_holding_the_words(data_file: Path) -> None:
    with_a_backup_copy(data_file, "secret words")
    folder = data_file.parent
    leftovers = [
        folder / ".navigator.json.bak.k3j4h5g6.tmp",  # an older version's killed .bak copy
        folder / ".navigator.json.bak-20260101-100000.a1b2c3d4.tmp",
        folder / ".navigator.json.journal.zz99yy88.tmp",
    ]
    nav = open_navigator(data_file)
    for path in leftovers:  # left by a copy of the app killed while this one runs
        path.write_bytes(b"secret words")
    drafts = folder / "navigator.json.drafts"
    drafts.write_bytes(b'{"note:new": "secret words"}')
    (folder / "navigator.json.bak").write_bytes(b"secret words")
    nav.store.write_in_background(lambda _problem: None)  # as the app does
    nav.notes.create("more secret words", "")
    removed = backup.delete_all(nav)
    nav.store.close()
    assert set(leftovers) <= set(removed)
    assert drafts in removed
    for path in folder.iterdir():
        assert b"secret words" not in path.read_bytes(), path.name
    assert titles(data_file) == []


# -------------------------------------------------------- finding 9: whose file
@both_platforms
def test_a_symlinked_data_file_is_written_through_and_the_link_stays(tmp_path: Path) -> None:
    target = tmp_path / "sync-folder" / "navigator.json"
    target.parent.mkdir()
    link = tmp_path / "data" / "navigator.json"
    link.parent.mkdir()
    link.symlink_to(target)
    nav = open_navigator(link)
    nav.notes.create("through the link", "")
    nav.store.close()
    assert link.is_symlink() and link.resolve() == target
    assert b"through the link" in target.read_bytes()
    assert titles(link) == ["through the link"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_a_backup_should_be_is_never_opened(data_file: Path) -> None:
    with_a_backup_copy(data_file, "kept")
    for copy in data_file.parent.glob("navigator.json.bak*"):
        copy.unlink()
    os.mkfifo(data_file.with_name("navigator.json.bak-29990101-000000"))  # the newest, if read
    os.mkfifo(data_file.with_name("navigator.json.bak"))
    data_file.write_bytes(b'{"notes": {"1": ')  # damaged: the app looks for a good copy
    result = cli("note", "list", "--data-file", str(data_file))  # hangs if a FIFO is read
    assert result.returncode == 0
    assert "no good copy to restore" in result.stderr


@both_platforms
def test_a_read_only_data_file_stays_read_only(data_file: Path) -> None:
    with_a_backup_copy(data_file, "kept")
    data_file.chmod(0o400)
    nav = open_navigator(data_file)
    try:
        assert nav.store.read_only
        assert "read-only" in nav.store.report.messages[0]
        assert [n.title for n in nav.notes.all()] == ["kept"]
        with pytest.raises(SaveError, match="your data file is read-only"):
            nav.notes.create("refused", "")
    finally:
        nav.store.close()
    assert not data_file.stat().st_mode & stat.S_IWUSR


def test_a_new_file_at_a_path_given_by_hand_is_said_on_stderr(tmp_path: Path) -> None:
    typo = tmp_path / "notse.json"
    result = cli("note", "list", "--data-file", str(typo))
    assert result.stderr.startswith(f"spms-navigator: Started a new data file at {typo}.")
    assert cli("note", "list", "--data-file", str(typo)).stderr == "No notes yet.\n"


# ------------------------------------------------- finding 10: exports are inert
CONTROLS = "Title \x1b[2J\x07 \x9b31m \u202eevil\u202c \x7f"


@both_platforms
def test_exports_hold_no_control_characters(navigator: Navigator, tmp_path: Path) -> None:
    navigator.notes.create(CONTROLS, f"Body {CONTROLS}\r\nnext line")
    navigator.checklist.set_helper("pr-meals", CONTROLS)
    markdown = backup.export_markdown(navigator)
    as_json = backup.export_json(navigator).decode("utf-8")
    for exported in (markdown, as_json):
        for character in "\x1b\x07\x9b\u202e\u202c\x7f\r":
            assert character not in exported, repr(character)
    assert "␛[2J" in markdown  # made visible, as the app shows it
    assert "\\u009b" in as_json and "\\u202e" in as_json
    data = json.loads(as_json)
    assert data["notes"][0]["title"] == CONTROLS  # and the words come back exactly


def test_store_open_refuses_a_fifo_as_the_data_file(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "navigator.json"
    os.mkfifo(fifo)
    with pytest.raises(Exception, match="not an ordinary file"):
        Store.open(fifo)


@both_platforms
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_lost_file_with_no_backup_keeps_the_journal_of_its_changes(data_file: Path) -> None:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child saves a note, then dies without closing
        open_navigator(data_file).notes.create("only in the journal", "")
        os._exit(0)
    os.waitpid(pid, 0)
    saved = paths.journal_file(data_file).read_bytes()
    assert b"only in the journal" in saved
    data_file.unlink()  # then a sync tool deletes the data file
    nav = open_navigator(data_file)
    nav.store.close()
    (kept,) = [p for p in data_file.parent.iterdir() if ".journal-unused-" in p.name]
    assert kept.read_bytes() == saved
    assert any(str(kept) in message for message in nav.store.report.messages)
