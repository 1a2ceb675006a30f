"""The status line: a message stays until the next key, and that key's own work is
not held up by clearing it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.pilot_helpers import running_app, status_text
from tests.terminal import Terminal


async def test_a_message_stays_until_the_next_key_and_a_new_one_is_kept(
    data_file: Path,
) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("c", "space")
        assert status_text(app).startswith("Saved:") and "is done" in status_text(app)
        await pilot.press("space")  # the key clears the old message, then says its own
        assert "is not done yet" in status_text(app)
        await pilot.press("down")
        assert status_text(app) == ""


async def test_typing_in_a_field_clears_the_message_at_once(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a", *"Heat", "ctrl+s")
        assert status_text(app).startswith("Saved the note.")
        await pilot.press("s")  # taken by the title field: it never reaches a binding
        assert app.screen.query_one("#title", Input).value == "Heats"
        assert status_text(app) == ""


def test_the_key_after_a_message_is_drawn_in_one_frame(data_file: Path) -> None:
    """The frame that clears the message is the one that moves the cursor. Clearing
    it as the key arrived drew a frame of its own, and the move came in the next
    one, up to 1/30 s later: twice the output, and a screen reader's line changed late.
    """
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.press("c")
        for move in ("down", "up", "down", "up", "down"):
            term.press("space")
            assert "Saved:" in term.text()
            before = term.cursor_line()
            term.send(move)
            frames = term.frames_for(0.15)
            assert len(frames) == 1, f"{move} after a message drew {len(frames)} frames"
            assert "Saved:" not in term.text(), "the message outlived the key"
            assert term.cursor_line() != before, f"{move} did not move the cursor"
