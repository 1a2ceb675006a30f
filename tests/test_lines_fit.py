"""Each list line fits on one row at 80 columns (issue 19, item 5).

Orca and Fenrir speak the line the cursor is on, and a braille display shows it: an
item that wraps onto a second row loses its end ("…compared with 7 September 2026
(about" and never "3 months before)"). So every list of items is drawn one row an item
at 80 columns; what does not fit is reachable from the focused item (Enter opens it).
Read from the app as a person's year of use draws it (tests/snapshot_data.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList
from time_machine import TimeMachineFixture

from tests.pilot_helpers import ROUTES
from tests.snapshot_data import build_data_file
from tui.app.app import NavigatorApp
from tui.app.long_list import LongList
from tui.core.models import NoteKind
from tui.core.service import Navigator, open_navigator

#: Screens that are lists of items (a topic, Help and urgent help are text to read).
LIST_SCREENS = (
    "home",
    "topics",
    "checklist",
    "notes",
    "checkin",
    "changes",
    "visit",
    "visits",
    "people",
    "medicines",
    "events",
    "data",
)


@pytest.fixture
def navigator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, time_machine: TimeMachineFixture
) -> Iterator[Navigator]:
    monkeypatch.chdir(tmp_path)
    build_data_file(Path("navigator.json"), time_machine, None)
    opened = open_navigator(Path("navigator.json"))
    # Records whose lines are long: a medicine with a reason and a change, an event
    # with the person's own words.
    baclofen = opened.medicines.add(
        "Baclofen", "10 mg", "morning and night", "2026-09-01", why="stiffness in my legs"
    )
    opened.medicines.change(baclofen.id, dose="20 mg", day="2026-11-02")
    opened.notes.create(
        "Is a walking aid a good idea now that the stairs take me so much longer",
        "Ask.",
        link="topic:what-is-spms",
        kind=NoteKind.QUESTION,
    )
    opened.events.add(
        "fall", "2026-11-20", "on the stairs at home after a hot day; no harm, but I was shaken"
    )
    yield opened
    opened.store.close()


def _lines(app: NavigatorApp) -> tuple[int, list[str]]:
    """The width of the focused list's rows, and the text of each of its items."""
    focused = app.screen.focused
    if isinstance(focused, LongList):
        return focused.content_region.width, focused.texts()
    assert isinstance(focused, OptionList), f"the focus is on {focused!r}, not a list"
    texts = []
    for index in range(focused.option_count):
        prompt = focused.get_option_at_index(index).prompt
        texts.append(prompt.plain if hasattr(prompt, "plain") else str(prompt))
    return focused.scrollable_content_region.width, texts


@pytest.mark.parametrize("screen", LIST_SCREENS)
async def test_every_item_of_a_list_fits_one_row_at_80_columns(
    navigator: Navigator, screen: str
) -> None:
    app = NavigatorApp(navigator)
    async with app.run_test(size=(80, 24)) as pilot:
        if screen in ROUTES:
            await pilot.press(*ROUTES[screen])
        else:  # an area with no key of its own: opened as its home line opens it
            app.open_area(screen)
        await pilot.pause()
        width, texts = _lines(app)
        too_long = [text for text in texts if cell_len(text.rstrip()) > width]
        assert not too_long, f"{screen}: {len(too_long)} items wrap at {width} cells: {too_long}"


async def test_enter_on_a_sentence_s_later_row_opens_its_item(navigator: Navigator) -> None:
    """A medicine whose line goes on in a second row: Enter there opens the medicine,
    as on its first row."""
    from tui.app.screens.choose import ChooseScreen

    app = NavigatorApp(navigator)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*ROUTES["medicines"])
        _width, texts = _lines(app)
        second = next(n for n, text in enumerate(texts) if text.startswith("  "))
        await pilot.press(*["down"] * second, "enter")
        assert isinstance(app.screen, ChooseScreen)
        assert "Baclofen" in str(app.screen.query_one("#question").render())
