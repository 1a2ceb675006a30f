"""Drafts: what is being typed is on disk within a second and offered back after a crash."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.drafts import Drafts
from tui.core.service import Navigator, open_navigator

pytestmark = pytest.mark.usefixtures("os_flavour")


def test_a_draft_survives_a_restart_until_it_is_cleared(navigator: Navigator) -> None:
    data_file = navigator.store.path
    drafts = Drafts(data_file)
    drafts.save("note:new", {"title": "Heat", "body": "Hot days are"}, "A new note titled 'Heat'")
    drafts.save("person:3", {"name": "Dr Lee"}, "Changes to Dr Lee")
    navigator.store.close()

    nav = open_navigator(data_file)  # the next start
    try:
        (note, person) = Drafts(data_file).left_over()
        assert (note.key, note.fields, note.label) == (
            "note:new",
            {"title": "Heat", "body": "Hot days are"},
            "A new note titled 'Heat'",
        )
        assert note.saved[:4].isdigit() and "T" in note.saved
        assert person.key == "person:3"
        again = Drafts(data_file)
        again.clear("note:new")
        assert [d.key for d in again.left_over()] == ["person:3"]
        again.clear("person:3")
        assert again.left_over() == []
        assert not paths.drafts_file(data_file).exists()
    finally:
        nav.store.close()


def test_the_drafts_file_is_private(navigator: Navigator, os_flavour: str) -> None:
    Drafts(navigator.store.path).save("note:1", {"body": "private words"}, "Note 1")
    drafts_file = paths.drafts_file(navigator.store.path)
    # Beside the data file, in its owner-only folder: on Windows that folder's access list
    # is what keeps it private (a file's mode says nothing there).
    assert drafts_file.parent == navigator.store.path.parent
    assert [d.fields for d in Drafts(navigator.store.path).left_over()] == [
        {"body": "private words"}
    ]
    if os_flavour == "native":
        assert stat.S_IMODE(drafts_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(drafts_file.parent.stat().st_mode) == 0o700


def test_a_read_only_second_copy_never_writes_drafts(navigator: Navigator) -> None:
    data_file = navigator.store.path
    Drafts(data_file).save("note:new", {"body": "the first copy's words"}, "A new note")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from tui.core.drafts import Drafts
        from tui.core.service import open_navigator
        nav = open_navigator(Path({str(data_file)!r}))
        assert nav.store.read_only
        Drafts(nav.store.path).save("note:new", {{"body": "the second copy's"}}, "Other")
        Drafts(nav.store.path).clear("note:new")
        nav.store.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    (draft,) = Drafts(data_file).left_over()
    assert draft.fields == {"body": "the first copy's words"}


def test_a_damaged_drafts_file_is_kept_aside_and_never_stops_the_app(
    navigator: Navigator,
) -> None:
    drafts_file = paths.drafts_file(navigator.store.path)
    drafts_file.write_bytes(b'{"drafts": {"note:new": {"fields": [1]')
    drafts = Drafts(navigator.store.path)
    assert drafts.left_over() == []
    kept = [p for p in drafts_file.parent.iterdir() if ".drafts-unreadable-" in p.name]
    assert [p.read_bytes() for p in kept] == [b'{"drafts": {"note:new": {"fields": [1]']
    drafts.save("note:new", {"body": "again"}, "A new note")
    assert [d.fields for d in drafts.left_over()] == [{"body": "again"}]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_kill_while_typing_keeps_the_last_saved_draft_whole(data_file: Path) -> None:
    open_navigator(data_file).store.close()
    for round_number in range(15):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child types, one character a save
            os.close(read_fd)
            try:
                nav = open_navigator(data_file)  # holds the lock, as the app does
                drafts = Drafts(nav.store.path)
                text = ""
                while True:
                    text += "x"
                    drafts.save("note:new", {"body": text}, "A new note")
                    os.write(write_fd, f"{len(text)}\n".encode())
            finally:
                os._exit(1)
        os.close(write_fd)
        time.sleep(0.01 + round_number * 0.003)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acknowledged = os.read(read_fd, 1 << 20).split()
        os.close(read_fd)
        found = Drafts(data_file, writable=False).left_over()
        if acknowledged:
            (draft,) = found
            assert len(draft.fields["body"]) >= int(acknowledged[-1]), round_number
