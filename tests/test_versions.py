"""Versions that cannot fork the data (issue 22, item 1).

A real version, named in one place; a data file that says which version wrote it; a
file from a newer version opened read-only, never replaced; a file an older release
set aside found at start and offered back by import's merge; and the round trip
old release -> this one -> old -> this one, with the previous release's own code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults import FaultyOS, faulty
from tests.process import ROOT, cli, saved
from tui import __version__
from tui.core import backup, durable, paths
from tui.core.service import open_navigator
from tui.core.store import SaveError
from tui.core.text import InputError

PREVIOUS_RELEASE = "e96b4ce"


def test_the_version_has_one_source_and_is_shown_everywhere(data_file: Path) -> None:
    assert __version__ == "0.2.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "tui/__init__.py"
    assert cli("--version").stdout == f"spms-navigator {__version__}\n"
    cli("note", "add", "--title", "kept", "--data-file", str(data_file))
    meta = json.loads(data_file.read_text("utf-8"))["meta"]["1"]
    assert meta["written_by"] == __version__
    exported = cli("export", "--format", "json", "--output", "-", "--data-file", str(data_file))
    assert json.loads(exported.stdout)["app_version"] == __version__
    from tests.test_plain_mode import run_plain

    assert f"SPMS Navigator version {__version__}." in run_plain(data_file, "h", "q")


def a_file_from_a_newer_version(data_file: Path) -> bytes:
    with saved(data_file) as nav:  # in the file itself, not only in its journal
        nav.notes.create("written by 0.3.0", "")
    document = json.loads(data_file.read_text("utf-8"))
    document["meta"]["1"].update(schema=99, written_by="0.3.0")
    document["future_table"] = {"1": {"what": "this version does not know"}}
    raw = json.dumps(document).encode()
    data_file.write_bytes(raw)
    paths.journal_file(data_file).unlink(missing_ok=True)
    return raw


def test_a_file_from_a_newer_version_is_read_only_and_never_replaced(data_file: Path) -> None:
    raw = a_file_from_a_newer_version(data_file)
    shown = cli("note", "list", "--data-file", str(data_file))
    assert shown.returncode == 0
    assert "written by 0.3.0" in shown.stdout
    assert shown.stderr == (
        "spms-navigator: Your data file was written by SPMS Navigator 0.3.0; this is version "
        f"{__version__}. So this copy opened it read-only: you can read, but changes will not "
        "be saved, and nothing in the file is changed. To make changes, upgrade SPMS "
        "Navigator to version 0.3.0 or later.\n"
    )
    refused = cli("note", "add", "--title", "lost?", "--data-file", str(data_file))
    assert refused.returncode == 1
    assert "Not saved: your data file was written by a newer version" in refused.stderr
    assert data_file.read_bytes() == raw  # not set aside, not restored over, not rewritten
    beside = sorted(p.name for p in data_file.parent.iterdir())
    assert beside == ["navigator.json", "navigator.json.lock"]


def kept_aside(data_file: Path, *titles: str) -> Path:
    """What an older release did with a newer file: moved it aside, restored an older copy."""
    nav = open_navigator(data_file)
    for title in titles:
        nav.notes.create(title, "")
    nav.store.close()
    aside = data_file.with_name("navigator.json.newer-20261201-101500")
    shutil.copyfile(data_file, aside)
    nav = open_navigator(data_file)
    for note in nav.notes.all():
        if note.title != titles[0]:
            nav.notes.delete(note.id)
    nav.store.close()
    return aside


def test_a_file_set_aside_is_named_at_start_and_merged_back_once(data_file: Path) -> None:
    aside = kept_aside(data_file, "in both", "only aside 1", "only aside 2")
    said = cli("note", "list", "--data-file", str(data_file)).stderr
    assert said == (
        f"spms-navigator: Another version of the app set a copy of your data aside at {aside}. "
        "It holds what your data file does not: 2 new notes. To bring it back (you see what "
        "will change first), choose Your data, then Import, in the app, and give that file; "
        f"or run: spms-navigator import {aside}\n"
    )
    merged = cli("import", str(aside), "--yes", "--data-file", str(data_file))
    assert merged.returncode == 0, merged.stderr
    assert "2 new notes." in merged.stdout
    with saved(data_file) as nav:
        assert sorted(n.title for n in nav.notes.all()) == [
            "in both",
            "only aside 1",
            "only aside 2",
        ]
        nav.notes.delete(next(n.id for n in nav.notes.all() if n.title == "only aside 2"))
    # Merged once: a note deleted afterwards is not offered back at every start.
    assert cli("note", "list", "--data-file", str(data_file)).stderr == ""
    assert aside.exists()  # never deleted by the app


def test_merging_a_file_set_aside_is_all_or_nothing(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aside = kept_aside(data_file, "in both", "only aside 1", "only aside 2")
    nav = open_navigator(data_file)
    try:
        plan = backup.plan_import(nav, backup.read_backup(aside))
        assert len(plan.notes) == 2
        nav.store.wait_for_writes()  # the dated copy's thread must not meet the fault
        with faulty(monkeypatch, FaultyOS("write", 0)), pytest.raises(SaveError):
            backup.apply_import(nav, plan)
        assert [n.title for n in nav.notes.all()] == ["in both"]
    finally:
        nav.store.close()
    with saved(data_file) as nav:
        assert [n.title for n in nav.notes.all()] == ["in both"]
    assert "2 new notes" in cli("note", "list", "--data-file", str(data_file)).stderr


def test_import_refuses_a_pipe_or_a_huge_file_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_: object, **__: object) -> bytes:
        raise AssertionError("read")

    monkeypatch.setattr(durable, "read_regular", never)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    threading.Thread(target=_let_a_reader_go, args=(pipe,), daemon=True).start()
    with pytest.raises(InputError, match="is not an ordinary file"):
        backup.read_backup(pipe)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: no disk space used
    with pytest.raises(InputError, match="is larger than 200 MB"):
        backup.read_backup(huge)


def _let_a_reader_go(pipe: Path) -> None:
    """Should anything open the pipe to read it, close the other end within 5 s, so a
    test of code that reads it fails instead of hanging."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # nobody reading: good
            time.sleep(0.05)
            continue
        os.close(fd)
        return


# ------------------------------------------------- the previous release, from git
@pytest.fixture(scope="module")
def previous_release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("git or this checkout's history is missing")
    found = subprocess.run(
        [git, "-C", str(ROOT), "cat-file", "-e", f"{PREVIOUS_RELEASE}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        pytest.skip(f"the previous release's commit {PREVIOUS_RELEASE} is not in this clone")
    folder = tmp_path_factory.mktemp("release") / "old"
    subprocess.run(
        [git, "-C", str(ROOT), "worktree", "add", "--detach", str(folder), PREVIOUS_RELEASE],
        capture_output=True,
        check=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(
            [git, "-C", str(ROOT), "worktree", "remove", "--force", str(folder)],
            capture_output=True,
            check=False,
        )


def run_in(folder: Path, data_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-file", str(data_file), *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        check=False,
        timeout=60,
    )


def everything(data_file: Path) -> tuple[list[str], list[str], list[str]]:
    with saved(data_file) as nav:
        return (
            sorted(n.title for n in nav.notes.all()),
            [c.day.isoformat() for c in nav.checkins.all()],
            [v.why for v in nav.visits.all()],
        )


def test_old_new_old_new_loses_nothing_and_says_each_step(
    previous_release: Path, data_file: Path
) -> None:
    def old(*args: str) -> subprocess.CompletedProcess[str]:
        return run_in(previous_release, data_file, *args)

    def new(*args: str) -> subprocess.CompletedProcess[str]:
        return run_in(ROOT, data_file, *args)

    old_notes = [f"old {n}" for n in range(10)]
    for title in old_notes:
        assert old("note", "add", "--title", title).returncode == 0
    assert "old 9" in old("note", "list").stdout  # a clean start: its own .bak copy

    upgraded = new("note", "add", "--title", "after the upgrade")
    assert "came from an older version of the app. It was updated" in upgraded.stderr
    assert new("checkin", "--date", "2026-12-01", "walking=a-lot").returncode == 0
    assert new("visit", "add", "--date", "2026-12-02", "--why", "Yearly review").returncode == 0

    # An old install beside the new one: it sets the file aside without a word, and
    # goes on with its own older copy (the fork this version must undo).
    assert "after the upgrade" not in old("note", "list").stdout
    # ...and what is written there meanwhile must not be lost either.
    assert old("note", "add", "--title", "in the old release again").returncode == 0

    again = new("note", "list")
    (aside,) = paths.kept_aside_data_files(data_file)
    assert "came from an older version of the app. It was updated" in again.stderr
    assert f"Another version of the app set a copy of your data aside at {aside}" in again.stderr
    assert "1 new note, 1 new check-in, 1 new visit" in again.stderr
    assert "in the old release again" in again.stdout
    merged = new("import", str(aside), "--yes")
    assert merged.returncode == 0, merged.stderr
    assert "1 new note" in merged.stdout  # the preview said what it brings
    old_notes.append("in the old release again")
    wanted = (sorted([*old_notes, "after the upgrade"]), ["2026-12-01"], ["Yearly review"])
    assert everything(data_file) == wanted

    # Round two: the old release once more, then this one.
    assert new("note", "add", "--title", "second round").returncode == 0
    assert "second round" not in old("note", "list").stdout
    said = new("note", "list").stderr
    newest = paths.kept_aside_data_files(data_file)[0]
    assert f"set a copy of your data aside at {newest}" in said
    assert new("import", str(newest), "--yes").returncode == 0
    notes = sorted([*old_notes, "after the upgrade", "second round"])
    assert everything(data_file) == (notes, ["2026-12-01"], ["Yearly review"])
    assert new("note", "list").stderr == ""  # said until merged, then no more
