"""The status line: a message stays until the next message, or until you type in a
field; a key that only moves does not blank it (Fenrir then read nothing at all)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.pilot_helpers import running_app, status_text
from tests.terminal import Terminal


async def test_a_message_stays_until_the_next_message(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "space")
        assert status_text(app).startswith("Saved. Done:")
        await pilot.press("down")
        assert "Done: See a neurologist" in status_text(app)  # moving on keeps it: still true
        await pilot.press("space")
        assert "Done: Know who else is on your care team." in status_text(app)


async def test_typing_in_a_field_clears_the_message_at_once(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a", *"Heat", "ctrl+s")
        assert status_text(app).startswith("Saved the note.")
        await pilot.press("s")  # taken by the title field: it never reaches a binding
        assert app.screen.query_one("#title", Input).value == "Heats"
        assert status_text(app) == ""  # "Saved" would no longer be true


def test_a_move_after_a_message_is_one_frame_that_moves_the_cursor(data_file: Path) -> None:
    """A screen reader reads the line the cursor moved to only if no other text changed:
    the key after a message moves the cursor, in one frame, and leaves the message."""
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.press("c")
        for move in ("down", "up", "down", "up", "down"):
            term.press("space")
            assert "Saved." in term.text()
            message = term.text().splitlines()[1]
            before = term.cursor_line()
            term.send(move)
            frames = term.frames_for(0.15)
            assert len(frames) == 1, f"{move} after a message drew {len(frames)} frames"
            assert term.text().splitlines()[1] == message, "the message changed"
            assert term.cursor_line() != before, f"{move} did not move the cursor"
