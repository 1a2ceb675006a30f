"""The second window (issue 22, item 4): it is read-only while the first is open, and
once the first closes it says "You can save now", and saving works."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot_helpers import running_app, screen_text, status_text
from tests.process import saved
from tui.app import app as app_module
from tui.app import drafting
from tui.core import drafts as drafts_module
from tui.core import paths
from tui.core.drafts import Drafts
from tui.core.service import open_navigator


async def test_the_second_window_takes_over_when_the_first_closes(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "LOCK_RETRY_SECONDS", 0.05, raising=False)
    first = open_navigator(data_file)
    closed = False
    try:
        async with running_app(data_file) as (app, pilot):
            assert "open in another copy of SPMS Navigator" in status_text(app)
            first.notes.create("written in the first window", "")
            first.store.close()
            closed = True
            for _ in range(100):
                await pilot.pause(0.05)
                if "You can save now" in status_text(app):
                    break
            assert status_text(app) == ("The other copy of the app has closed. You can save now.")
            await pilot.press("n")  # what the first window saved is read afresh
            assert "1 note, newest first." in screen_text(app)
            await pilot.press("a", *"second window", "ctrl+s")
            assert "Saved" in status_text(app), status_text(app)
    finally:
        if not closed:
            first.store.close()
    with saved(data_file) as nav:
        titles = sorted(n.title for n in nav.notes.all())
    assert titles == ["second window", "written in the first window"]


async def test_the_second_window_keeps_drafts_of_its_own(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafting, "DRAFT_DELAY", 0.05)
    first = open_navigator(data_file)
    Drafts(data_file).save("note:new", {"title": "first window's", "body": ""}, "A new note")
    # In this one process the first window's lock counts as held "here": the second
    # window is told the truth, that it is not the holder.
    second_window = monkeypatch.context()
    patch = second_window.__enter__()
    patch.setattr(drafts_module, "held_here", lambda _path: False)
    patch.setattr(drafts_module, "_TOKENS", {})  # and its drafts file has its own name
    try:
        async with running_app(data_file) as (app, pilot):
            assert app.navigator.store.read_only
            await pilot.press("n", "a", *"typed in the second window")
            for _ in range(100):
                await pilot.pause(0.05)
                if paths.window_drafts_files(data_file):
                    break
            (own,) = paths.window_drafts_files(data_file)
            assert b"typed in the second window" in own.read_bytes()
            assert b"second window" not in paths.drafts_file(data_file).read_bytes()
            app.exit()  # the terminal closed: nothing saved, the words are in its drafts
    finally:
        second_window.__exit__(None, None, None)
        first.store.close()
    nav = open_navigator(data_file)  # the next start holds the lock: both are offered
    try:
        titles = sorted(d.fields.get("title", "") for d in Drafts(data_file).left_over())
    finally:
        nav.store.close()
    assert titles == ["first window's", "typed in the second window"]
    assert not paths.window_drafts_files(data_file)  # folded into the one drafts file


def test_a_hang_up_of_the_second_window_keeps_its_words(data_file: Path) -> None:
    """The second window (read-only while the first holds the file) is typed in, and its
    terminal closes (SIGHUP): the words are in its drafts, offered at the next start.
    Before issue 22 a second window kept no drafts and lost the words without a word."""
    import os
    import signal

    from tests.terminal import Terminal

    first = open_navigator(data_file)  # the first window, holding the file
    try:
        with Terminal.app(data_file) as term:
            term.wait_for("SPMS Navigator: home")
            term.wait_for("read-only")
            term.press("n")
            term.press("a", settle=False)
            term.wait_for_cursor_line("Title:")
            term.type("said in the second window")
            os.kill(term.process.pid, signal.SIGHUP)
            assert term.process.wait(timeout=10) == 0
    finally:
        first.store.close()
    nav = open_navigator(data_file)  # the next start holds the file: the words come back
    try:
        titles = [d.fields.get("title", "") for d in Drafts(data_file).left_over()]
    finally:
        nav.store.close()
    assert "said in the second window" in titles
