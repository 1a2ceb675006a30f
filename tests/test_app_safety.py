"""What a person sees when something goes wrong: a sentence, and nothing lost."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.faults import FaultyOS
from tests.pilot_helpers import heading_text, option_texts, running_app, status_text
from tests.terminal import Terminal
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.screens.notes import NotesScreen
from tui.core import durable
from tui.core.service import open_navigator

ROOT = Path(__file__).resolve().parent.parent


async def test_a_second_copy_says_it_is_read_only(data_file: Path) -> None:
    first = open_navigator(data_file)
    try:
        async with running_app(data_file) as (app, pilot):
            assert "open in another copy of SPMS Navigator" in status_text(app)
            await pilot.press("c", "space")
            assert "this one is read-only" in status_text(app)
            assert heading_text(app) == "Support-network checklist. 0 of 21 done."
    finally:
        first.store.close()


async def test_a_damaged_file_is_reported_on_start(data_file: Path) -> None:
    nav = open_navigator(data_file)
    nav.notes.create("precious", "")
    nav.store.close()
    open_navigator(data_file).store.close()
    data_file.write_bytes(b'{"notes": {"1": {"ti')
    async with running_app(data_file) as (app, _pilot):
        message = status_text(app)
        assert message.startswith("Your data file was damaged: part of it could not be read")
        assert "took the rest from your last good copy" in message
        assert "Notes: 1 note." in option_texts(app, "areas")[2]


async def test_disk_full_keeps_the_text_and_allows_a_retry(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a", *"Important", "tab", *"Do not lose me")

        monkeypatch.setattr(durable, "os", FaultyOS("write", 0, errno.ENOSPC, lasting=True))
        await pilot.press("ctrl+s")
        app.navigator.store.wait_for_writes()  # the write runs on its own thread
        await pilot.pause()
        assert status_text(app) == (
            "Not saved: the disk is full. Free some space, then try again. Your changes are "
            "kept while the app is open, and saved with your next change or when you quit."
        )
        await pilot.press("escape")  # leaving asks first, because the save failed
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # "No, stay here" has focus
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title", Input).value == "Important"
        assert app.screen.query_one("#body", TextArea).text == "Do not lose me"
        monkeypatch.undo()
        await pilot.press("escape")
        assert isinstance(app.screen, NotesScreen)
        assert status_text(app) == "Saved the note."
    nav = open_navigator(data_file)
    try:
        assert [(n.title, n.body) for n in nav.notes.all()] == [("Important", "Do not lose me")]
    finally:
        nav.store.close()


def test_a_crash_report_holds_no_note_text(data_file: Path) -> None:
    diary = "my private symptom diary"
    nav = open_navigator(data_file)
    nav.notes.create(diary, diary)
    nav.store.close()
    crashing = textwrap.dedent(
        f"""
        import sys
        from tui.app.screens import notes
        from tui.cli import main
        def explode(self):
            raise RuntimeError(self.nav.notes.all()[0].body)
        notes.NotesScreen.refresh_data = explode
        sys.exit(main(["--data-file", {str(data_file)!r}]))
        """
    )
    with Terminal([sys.executable, "-c", crashing]) as term:
        term.wait_for("SPMS Navigator: home")
        term.press("n")
        term.process.wait(timeout=10)
        term.settle()
    # What stays in the terminal after the app has left its full screen: the report.
    output = bytes(term.raw).rpartition(b"\x1b[?1049l")[2].decode("utf-8", "replace")
    assert "met a problem it did not expect" in output
    assert "RuntimeError" in output
    assert diary not in output


def test_the_app_opens_no_network_connection(tmp_path: Path) -> None:
    """Walk the app with an audit hook that records every network call Python makes."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        calls = []
        NET = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
               "socket.sendto", "socket.bind", "http.client.connect", "urllib.Request")
        def hook(event, args):
            if event in NET:
                calls.append(event)
        sys.addaudithook(hook)
        from tui.core.service import open_navigator
        from tui.app.app import NavigatorApp
        nav = open_navigator({str(tmp_path / "n.json")!r})
        async def walk():
            app = NavigatorApp(nav)
            async with app.run_test() as pilot:
                await pilot.press("t", "enter", "a", *"net?", "escape", "c", "space", "enter")
                await pilot.press("tab", *"Sam", "escape", "n", "d", "y", "f1", "escape")
        asyncio.run(walk())
        nav.notes.create("core", "too")
        nav.store.close()
        print("network calls:", calls)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("network calls: []")


async def test_opening_an_item_writes_nothing_and_a_read_only_copy_stays_quiet(
    data_file: Path,
) -> None:
    nav = open_navigator(data_file)
    nav.checklist.set_helper("ct-neurologist", "Ana")
    nav.store.close()
    before = data_file.read_bytes(), data_file.stat().st_mtime_ns
    first = open_navigator(data_file)
    try:
        async with running_app(data_file) as (app, pilot):
            await pilot.press("c", "enter", "tab", "tab", "tab")  # through both fields
            assert status_text(app) == ""
    finally:
        first.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "enter", "tab", "tab", "tab")
        assert status_text(app) == ""
    assert (data_file.read_bytes(), data_file.stat().st_mtime_ns) == before


async def test_viewing_a_person_in_a_read_only_copy_leaves_quietly(data_file: Path) -> None:
    nav = open_navigator(data_file)
    nav.people.add("Ana", "friend-family")
    try:
        async with running_app(data_file) as (app, pilot):  # the second copy: read-only
            await pilot.press("p", "enter")
            await pilot.press("escape")
            assert status_text(app) == ""  # nothing changed: nothing saved, nothing said
            assert app.screen.__class__.__name__ == "PeopleScreen"
    finally:
        nav.store.close()
