"""What a terminal screen reader gets: the cursor's line names what has focus, and an
idle app writes nothing. Checked in a real pseudo-terminal read by pyte, and with Pilot."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input, TextArea

from tests.pilot_helpers import running_app
from tests.readers.speech import glyphs_in
from tests.terminal import Terminal
from tui.app.widgets import GUTTER_X

# (keys to press, what the line under the cursor must start with afterwards)
WALK: list[tuple[tuple[str, ...], str]] = [
    ((), "Topics. Key t."),
    (("down",), "Support-network checklist: 0 of 21 done"),
    (("down",), "Notes: 0 notes"),
    (("up", "up"), "Topics. Key t."),
    (("enter",), "What SPMS is"),
    (("down",), "Social and emotional support"),
    (("enter",), "Social and emotional support: Feelings"),
    (("down",), "Your feelings"),
    (("down",), "Life with a long-term illness can be hard."),
    (("b",), "Social and emotional support"),  # Back without Escape (Fenrir takes it)
    (("c",), "See a neurologist for regular check-ups: not done yet."),
    # The result of a key rests on the cursor's line until the next key.
    (("space",), "Saved. Done: See a neurologist for regular check-ups."),
    (("down",), "Know who else is on your care team: not done yet."),
    (("enter",), "Status: not done yet. Enter changes it."),
    (("enter",), "Status: done. Enter changes it."),
    (("tab",), "Person: Nobody from My people"),
    (("tab",), "Who helps:"),
    (("tab",), "My note:"),
    (("tab",), "Add a note about this item"),
    (("shift+tab",), "My note:"),
    # After a key Orca speaks only a change that ends at the cursor (Escape, Left,
    # Backspace, F1, keys typed with Shift): the status line names the screen and the
    # focus, last, with the cursor on it (tui/app/quiet_keys.py).
    (("escape",), "Support-network checklist. ✓ Know who else is on your care team: done."),
    (("n",), "You have no notes yet. Press a to write one."),
    (("a",), "Title:"),
    (("H", "e", "a", "t"), "Title: Heat"),
    (("tab",), "Text:"),
    (("tab",), "Kind: Plain note"),
    # The choices take a screen of their own, one a line.
    (("enter",), "Plain note"),
    (("down",), "Question"),
    (("down",), "Concern"),
    (("b",), "Kind: Plain note"),  # leave it as it was
    (("tab",), "About: Not linked to a topic or item"),
    (("tab",), "Save and go back"),
    (("escape",), "Notes. Saved the note."),  # the result, until the next key
    (("v", "e"), "File:"),  # a dialog with a text field: the cursor is in the field
    (("escape",), "Nothing was exported."),
    (("n",), "Heat. "),  # the title and the day written
    (("d",), "No, keep it. Delete the note 'Heat'? Key n."),  # each answer says what
    (("tab",), "Delete it. Delete the note 'Heat'? Key y."),  # one answer a line
    (("up",), "No, keep it. Delete the note 'Heat'? Key n."),
    (("escape",), "Kept. Nothing was deleted."),
    (("?",), "Help for the Notes screen. a: New note"),  # the screen's keys first
    (("down",), "d or Delete: Delete"),
    (("left",), "Notes. Heat. "),
    (("f1",), "Help for the Notes screen. a: New note"),
    (("backspace",), "Notes. Heat. "),
    (("shift+tab",), "Filter notes:"),
]


def test_cursor_line_names_the_focused_item_after_every_key(data_file: Path) -> None:
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        for keys, expected in WALK:
            term.press(*keys)
            from_cursor = expected.startswith("> ")
            expected = expected.removeprefix("> ")
            line = term.wait_for_cursor_line(expected, from_cursor=from_cursor)
            assert line.startswith(expected), f"after {keys}: cursor line is {line!r}"


def test_an_idle_app_writes_nothing(data_file: Path) -> None:
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        assert term.read_for(2.0) == b""
        term.press("n", "a", "x")  # a text field with a cursor: it must not blink
        term.settle(quiet=0.5)
        assert term.read_for(2.0) == b""


async def test_cursor_lies_on_a_line_of_the_focused_widget(data_file: Path) -> None:
    """In a text field the cursor is where the typing goes; elsewhere it rests in the
    screen's gutter (column 0), on a line of the focused widget."""
    async with running_app(data_file) as (app, pilot):
        for keys, _expected in WALK[1:]:
            await pilot.press(*keys)
            await pilot.pause()
            focused = app.screen.focused
            assert isinstance(focused, Widget), keys
            cursor = app.cursor_position
            if getattr(app.screen, "cursor_on_result", False):  # says what the key did
                status = app.screen.query_one("#status", Widget).region
                assert cursor.x == GUTTER_X and cursor.y == status.y, keys
                continue
            if isinstance(focused, Input | TextArea):
                inside = focused.region.contains_point(cursor)
            else:
                rows = focused.region
                inside = cursor.x == GUTTER_X and rows.y <= cursor.y < rows.bottom
            assert inside, f"after {keys}: cursor {cursor} off {focused} {focused.region}"


async def test_high_contrast_theme_is_offered_and_remembered(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("ctrl+p", *"high contrast")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "high-contrast"
    async with running_app(data_file) as (app, _pilot):
        assert app.theme == "high-contrast"


def test_no_color_means_no_colour_codes_and_focus_still_shows(data_file: Path) -> None:
    with Terminal.app(data_file, env={"NO_COLOR": "1"}) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        codes = re.findall(rb"\x1b\[([0-9;]*)m", bytes(term.raw))
        for code in codes:
            params = [int(p) for p in code.split(b";") if p]
            assert not [p for p in params if 30 <= p <= 49 and p not in (39, 49)], code
            assert not [p for p in params if 90 <= p <= 107], code
        row = term.screen.buffer[term.screen.cursor.y]
        start = term.screen.display[term.screen.cursor.y].index("Topics")
        focused = [row[x] for x in range(start, start + 6)]
        assert "".join(c.data for c in focused) == "Topics"
        assert all(c.underscore and c.bold for c in focused)  # the highlight, without colour


def test_a_terminal_that_will_not_tell_its_size_still_lets_the_app_rest(data_file: Path) -> None:
    """A pty with no window size: Textual guesses 80x24 and 80x25 in turn, and the app
    once answered every guess with a redraw, for ever. It must settle and go quiet."""
    master, slave = pty.openpty()  # no TIOCSWINSZ: the size is 0 x 0
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data-file", str(data_file)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**env, "TERM": "xterm-256color"},
        start_new_session=True,
    )
    os.close(slave)
    try:
        written = bytearray()
        deadline = time.monotonic() + 15
        quiet_since = time.monotonic()
        # Wait for the first frame, then for a whole second of quiet.
        while not written or time.monotonic() - quiet_since < 1.0:
            assert time.monotonic() < deadline, f"still drawing after 15 s: {len(written)} bytes"
            if select.select([master], [], [], 0.1)[0]:
                written += os.read(master, 65536)
                quiet_since = time.monotonic()
        assert b"SPMS Navigator: home" in written
    finally:
        os.write(master, b"\x11")  # ctrl+q
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        os.close(master)


def test_the_command_palette_draws_no_glyphs(data_file: Path) -> None:
    """Textual's palette draws its field and list between half-block lines (▔▁), with
    a magnifying glass, over the screen behind; a reader speaks all of it. What is on
    screen is read from a real terminal."""
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.press("ctrl+p")
        term.type("people")
        term.wait_for("Who helps with what")
        term.settle(quiet=0.4)
        screen = term.text()
        assert not glyphs_in(screen) and "🔎" not in screen, screen
        assert "Urgent help: where to get help now" not in screen  # nothing of home behind


def test_the_palette_command_under_the_highlight_carries_the_cursor(data_file: Path) -> None:
    """A reader reads the cursor's line. Down and Up move the palette's highlight while
    Textual keeps the cursor in the field, so nothing was said; now the cursor is on
    the highlighted command, in the one frame that draws the highlight, and moving in
    the field brings it back. The field's cursor does not blink (no idle redraws)."""
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.press("ctrl+p")
        term.wait_for("Topics")
        term.settle(quiet=0.4)
        assert term.cursor_line().startswith("Topics"), term.cursor_line()  # highlighted
        assert term.read_for(1.2) == b"", "the palette redraws while the person is idle"
        for key, command in (("down", "Checklist"), ("down", "Notes"), ("up", "Checklist")):
            term.send(key)
            frames = term.frames_for(0.3)
            assert len(frames) == 1, f"{key} drew {len(frames)} frames"
            assert term.cursor_line().startswith(command), term.cursor_line()
        term.type("urg")
        term.wait_for("Where to get help now")
        term.settle(quiet=0.4)
        # The first match is highlighted as the list is filled: the cursor is on it.
        assert term.cursor_line().startswith("Urgent help"), term.cursor_line()
        term.press("left")  # moving in the field: the cursor is back in it
        assert term.cursor_line().startswith("urg"), term.cursor_line()
