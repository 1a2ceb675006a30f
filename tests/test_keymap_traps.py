"""A keymap can never take every way out (issue 22, item 6): ctrl+q always quits and
one Back key always goes back. A line that would take them is refused with a sentence
naming it, as a key the app does not know is."""

from __future__ import annotations

from pathlib import Path

from tests.pilot_helpers import running_app, status_text
from tui.app.screens.home import HomeScreen
from tui.core import settings

TRAP = """[keys]
"app.quit_anywhere" = "f10"
"app.help" = "ctrl+q"
"app.quit" = "f9"
"app.topics" = "escape,ctrl+g,b"
"app.checklist" = "backspace,left"
"""


async def test_a_keymap_that_takes_every_way_out_is_refused_in_sentences(
    data_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(TRAP, "utf-8")
    async with running_app(data_file, settings.load(path)) as (app, pilot):
        said = status_text(app)
        assert (
            f"Line 2 of {path}: ctrl+q always quits, so it stays with app.quit_anywhere"
        ) in said
        assert f"Line 3 of {path}: ctrl+q always quits, so it cannot go to app.help." in said
        assert (f"Line 6 of {path}: app.checklist would take the last key that goes Back") in said
        assert f"Line 5 of {path}: app.topics would take the last key that goes Back" in said
        await pilot.press("f5")  # nothing; then Help by its own key, and Back again
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HomeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
    assert not app.is_running
