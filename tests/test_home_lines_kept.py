"""Coming back home, the list's lines are set anew only when what they say changed.

Setting them anew laid the list and the screen out again and drew it twice more on
every Back; a line that did change (the notes count) must still be shown."""

from __future__ import annotations

from pathlib import Path

from tests.pilot_helpers import option_texts, running_app
from tui.app.widgets import ReaderList


async def test_back_home_keeps_lines_that_say_the_same_and_shows_a_changed_one(
    data_file: Path,
) -> None:
    async with running_app(data_file) as (app, pilot):
        lines = app.screen.query_one("#areas", ReaderList)
        before = list(lines.options)
        await pilot.press("t")
        await pilot.press("left")
        kept = app.screen.query_one("#areas", ReaderList).options
        # Textual's options are equal only to themselves: the same objects, not set anew.
        assert kept == before, "the home lines were set anew though they say the same"
        app.navigator.notes.create("A note", "")
        await pilot.press("t")
        await pilot.press("left")
        assert "Notes: 1 note." in " ".join(option_texts(app, "areas"))
