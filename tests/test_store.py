"""The store on disk: round trips, privacy, crash safety, recovery and migration."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from tests.faults import FaultyOS, faulty
from tui.core import paths
from tui.core.recovery import CURRENT_SCHEMA, saved_state
from tui.core.service import Navigator, open_navigator
from tui.core.store import DataFileError, SaveError, Store

pytestmark = pytest.mark.usefixtures("os_flavour")


REAL_CHMOD = os.chmod  # the tests' own chmod, even under the simulated Windows


def real_chmod(path: Path, wanted: int) -> None:
    REAL_CHMOD(path, wanted)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def saved_titles(data_file: Path) -> list[str]:
    """The note titles a fresh start would read from disk now."""
    return sorted(n.title for n in saved_state(data_file)["notes"].values())


def test_round_trip_through_a_restart(data_file: Path) -> None:
    nav = open_navigator(data_file)
    note = nav.notes.create("Question", "Ask about the bladder.\nAnd sleep.", "topic:care-team")
    nav.checklist.set_done("peer-helpline", True)
    nav.checklist.set_helper("pr-meals", "Ana")
    nav.checklist.add_own_item("Ring Mum on Sundays")
    nav.store.close()

    nav = open_navigator(data_file)
    try:
        again = nav.notes.get(note.id)
        assert (again.title, again.body, again.link) == (note.title, note.body, note.link)
        entries = {e.id: e for e in nav.checklist.entries()}
        assert entries["peer-helpline"].done
        assert entries["pr-meals"].helper == "Ana"
        assert entries["own-1"].text == "Ring Mum on Sundays"
        assert nav.checklist.progress().sentence() == "1 of 22 done"
    finally:
        nav.store.close()


def test_file_is_utf8_json_with_a_schema_version(navigator: Navigator, data_file: Path) -> None:
    navigator.notes.create("Café ☕", "naïve")
    navigator.store.close()  # while the app runs, the newest changes are in the journal
    raw = data_file.read_bytes()
    document = json.loads(raw.decode("utf-8"))
    assert document["meta"]["1"]["schema"] == CURRENT_SCHEMA
    assert "Café ☕" in raw.decode("utf-8")


def test_directory_is_0700_and_every_file_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a typical, permissive umask
    try:
        data_file = tmp_path / "new" / "dir" / "navigator.json"
        nav = open_navigator(data_file)
        nav.notes.create("private", "")
        nav.store.close()
        nav = open_navigator(data_file)  # a second open writes a dated backup copy
        nav.store.close()
    finally:
        os.umask(old)
    assert mode(data_file.parent) == 0o700
    written = list(data_file.parent.iterdir())
    names = {p.name for p in written}
    assert {"navigator.json", "navigator.json.journal", "navigator.json.lock"} <= names
    assert any(name.startswith("navigator.json.bak-") for name in names)
    for path in written:
        assert mode(path) == 0o600, path.name


def test_under_umask_000_every_folder_the_app_makes_is_0700(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        data_file = tmp_path / "a" / "b" / "c" / "navigator.json"
        Store.open(data_file).close()
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", data_file.parent):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path) != 0o700 or tmp_path.stat().st_uid == os.getuid()  # not ours: as it was


def test_looser_modes_are_tightened_and_reported(tmp_path: Path, os_flavour: str) -> None:
    data_file = tmp_path / "d" / "navigator.json"
    Store.open(data_file).close()
    real_chmod(data_file, 0o644)
    real_chmod(data_file.parent, 0o755)
    store = Store.open(data_file, private_dir=True)
    store.close()
    if os_flavour == "windows":  # a mode means nothing there: no false "now private"
        assert not any("private" in m for m in store.report.messages)
        return
    assert mode(data_file) == 0o600
    assert mode(data_file.parent) == 0o700
    text = " ".join(store.report.messages)
    assert "data file could be read by other people" in text
    assert "data folder could be read by other people" in text


def test_a_file_left_by_a_killed_writer_is_still_readable(
    navigator: Navigator, data_file: Path
) -> None:
    """A writer killed mid-save leaves only a stray temp file; the data file is whole."""
    navigator.notes.create("kept", "")
    stray = data_file.with_name(f".{data_file.name}.abc.tmp")
    stray.write_bytes(b'{"notes": {"1": {"title": "half')
    navigator.store.close()
    nav = open_navigator(data_file)
    try:
        assert [n.title for n in nav.notes.all()] == ["kept"]
        assert nav.store.report.messages == []
    finally:
        nav.store.close()


BAD_FILES = {
    "empty": b"",
    "truncated": b'{"meta": {"1": {"schema": 1}}, "notes": {"1": {"title": "ha',
    "not-json": b"this is not json at all",
    "not-utf8": b'{"notes": "\xff\xfe\xfa"}',
    "wrong-shape": b"[1, 2, 3]",
}
# A file from a newer version is not bad: it is opened read-only and never replaced
# (tests/test_versions.py).


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_moved_aside_and_the_last_good_copy_restored(
    kind: str, data_file: Path
) -> None:
    nav = open_navigator(data_file)
    nav.notes.create("from last time", "")
    nav.store.close()
    open_navigator(data_file).store.close()  # a clean open refreshes the .bak copy
    data_file.write_bytes(BAD_FILES[kind])

    nav = open_navigator(data_file)
    try:
        assert [n.title for n in nav.notes.all()] == ["from last time"]
        (message,) = nav.store.report.messages
        assert "moved, unchanged" in message and "last good copy was restored" in message
    finally:
        nav.store.close()
    reason = "not-json" if kind == "truncated" else kind
    (aside,) = [p for p in data_file.parent.iterdir() if f".{reason}-" in p.name]
    assert aside.read_bytes() == BAD_FILES[kind]  # never changed, never deleted
    assert mode(aside) == 0o600


def test_a_bad_file_with_no_backup_starts_fresh_and_keeps_the_bad_one(data_file: Path) -> None:
    data_file.parent.mkdir(parents=True)
    cut_short = b'{"meta": {"1": {"schema": 1}}, "notes": {"1": {"title": "ha'
    data_file.write_bytes(cut_short)
    nav = open_navigator(data_file)
    try:
        assert nav.notes.all() == []
        assert "no good copy to restore" in " ".join(nav.store.report.messages)
    finally:
        nav.store.close()
    assert any(p.read_bytes() == cut_short for p in data_file.parent.iterdir())


@pytest.mark.parametrize(
    "content", [b"garbage", b"my shopping list\n", b"[1, 2, 3]", b'{"name": "not ours"}']
)
def test_a_file_that_is_not_ours_is_refused_and_left_alone(content: bytes, tmp_path: Path) -> None:
    """A typo like --data-file ~/notes.txt must never move the person's file away."""
    other = tmp_path / "notes.txt"
    other.write_bytes(content)
    with pytest.raises(DataFileError, match="is not an SPMS Navigator data file"):
        Store.open(other)
    assert other.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_older_schema_is_migrated_with_a_backup_kept(data_file: Path) -> None:
    data_file.parent.mkdir(parents=True)
    old = {"notes": {"1": {"title": "from the prototype", "body": "hello"}}}
    data_file.write_text(json.dumps(old), "utf-8")
    nav = open_navigator(data_file)
    try:
        (note,) = nav.notes.all()
        assert (note.title, note.body) == ("from the prototype", "hello")
        assert note.created
        assert "older version" in " ".join(nav.store.report.messages)
        assert nav.store.schema() == CURRENT_SCHEMA
    finally:
        nav.store.close()
    (kept,) = [p for p in data_file.parent.iterdir() if ".schema-v0-" in p.name]
    assert json.loads(kept.read_text("utf-8")) == old


def test_a_second_copy_opens_read_only_and_cannot_write(
    navigator: Navigator, data_file: Path
) -> None:
    navigator.notes.create("first copy", "")
    second = open_navigator(data_file)
    try:
        assert second.store.read_only
        assert "open in another copy" in second.store.report.messages[0]
        assert [n.title for n in second.notes.all()] == ["first copy"]
        with pytest.raises(SaveError, match="read-only"):
            second.notes.create("second copy", "")
    finally:
        second.store.close()
    navigator.notes.create("still writable", "")
    assert {n.title for n in navigator.notes.all()} == {"first copy", "still writable"}
    assert mode(paths.lock_file(data_file)) == 0o600


def test_a_failed_save_says_what_to_do_and_loses_nothing_on_disk(
    navigator: Navigator, data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    navigator.notes.create("safe", "")
    before = saved_titles(data_file)

    with (
        faulty(monkeypatch, FaultyOS("write", 0, errno.ENOSPC)),
        pytest.raises(SaveError, match=r"the disk is full\. Free some space, then try again"),
    ):
        navigator.notes.create("lost?", "")
    assert saved_titles(data_file) == before == ["safe"]
    assert [n.title for n in navigator.notes.all()] == ["safe"]  # memory matches the disk again
    navigator.notes.create("retried", "")
    assert {n.title for n in navigator.notes.all()} == {"safe", "retried"}


def test_a_folder_given_as_the_data_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    real_chmod(folder, 0o1777)
    with pytest.raises(DataFileError, match="is a folder, not a file"):
        Store.open(folder)
    assert mode(folder) == 0o1777  # like /tmp: untouched, sticky bit and all
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared"]  # no lock file beside it


def test_the_file_stays_tinydb_json_that_tinydb_itself_reads(data_file: Path) -> None:
    from tinydb import TinyDB

    nav = open_navigator(data_file)
    nav.notes.create("Read by TinyDB", "as it always was")
    nav.people.add("Ana")
    nav.store.close()
    db = TinyDB(data_file, access_mode="r")
    try:
        (note,) = db.table("notes").all()
        assert (note["title"], note["body"], note.doc_id) == (
            "Read by TinyDB",
            "as it always was",
            1,
        )
        assert db.table("people").all()[0]["name"] == "Ana"
        assert db.table("meta").get(doc_id=1)["schema"] == CURRENT_SCHEMA  # type: ignore[index]
    finally:
        db.close()
