"""Large fonts: every screen works at 60x20 and at 40x15, nothing pushed off screen.

A person with low vision often sets a large font, and the terminal then has few
columns and rows. On each screen, and on each field an editor's Tab reaches, this
checks what such a person needs in sight: the screen's name, the line in focus
(whole, not cut by the edge), room to see what they type, and the keys line. The
pictures of tests/test_snapshots.py show the same screens at 60x20; this says what
must hold in them, and at 40x15 too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, TextArea
from time_machine import TimeMachineFixture

from tests.pilot_helpers import ROUTES
from tests.snapshot_data import build_data_file
from tui.app.app import NavigatorApp
from tui.core.service import open_navigator

SIZES = [(60, 20), (40, 15)]
#: Columns a one-line field keeps for the words typed into it, at the narrowest size.
ROOM_TO_TYPE = 16


def _shown_whole(widget: Widget, screen: Region) -> bool:
    region = widget.region
    return region.area > 0 and screen.contains_region(region)


def _problems(app: NavigatorApp, where: str, size: tuple[int, int]) -> list[str]:
    screen = Region(0, 0, *size)
    found = []
    for part in ("#heading, #question", "#keys"):  # a dialog's question is its heading
        widget = app.screen.query(part).first()
        if not _shown_whole(widget, screen):
            found.append(f"{where}: {part} is not in sight ({widget.region})")
    focused = app.focused
    if focused is None:
        found.append(f"{where}: nothing has focus")
    elif not _shown_whole(focused, screen):
        found.append(f"{where}: the focused {type(focused).__name__} is cut off ({focused.region})")
    elif isinstance(focused, Input | TextArea) and focused.content_region.width < ROOM_TO_TYPE:
        found.append(f"{where}: only {focused.content_region.width} columns to type in")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_and_field_is_in_sight_in_a_small_terminal(
    tmp_path: Path, time_machine: TimeMachineFixture, size: tuple[int, int]
) -> None:
    data_file = tmp_path / "navigator.json"
    build_data_file(data_file, time_machine, None)
    problems: list[str] = []
    for name, keys in ROUTES.items():  # editors are walked field by field
        navigator = open_navigator(data_file)
        try:
            app = NavigatorApp(navigator)
            async with app.run_test(size=size) as pilot:
                await pilot.press(*keys)
                await pilot.pause()
                problems += _problems(app, name, size)
                seen: list[Widget] = []
                while app.focused is not None and app.focused not in seen and len(seen) < 12:
                    seen.append(app.focused)
                    await pilot.press("tab")
                    await pilot.pause()
                    problems += _problems(app, f"{name}, after {len(seen)} Tab", size)
        finally:
            navigator.store.close()
    assert not problems, "\n".join(problems)
