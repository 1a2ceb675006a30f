"""Helpers for driving the real app with Textual's Pilot, as a user would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tui.app.app import NavigatorApp
from tui.app.long_list import LongList
from tui.app.screens.base import BaseScreen
from tui.app.widgets import ReaderList, StatusLine
from tui.core import areas
from tui.core.service import open_navigator
from tui.core.settings import Settings

SIZE = (100, 32)

#: Each screen, by the keys that reach it from home (on the data of snapshot_data.py:
#: the second note has words in it, the first visit is in the past). Each area with a
#: key of its own is reached by that key (tui/core/areas.py).
ROUTES: dict[str, tuple[str, ...]] = {
    "home": (),
    **{area.id: (area.key or "",) for area in areas.jumps()},
    "topic": ("t", "enter"),
    "checklist-item": ("c", "enter"),
    "note-editor": ("n", "down", "enter"),
    "new-note": ("n", "a"),
    "changes": ("k", "g"),
    "export-prompt": ("v", "e"),
    "visits": ("v", "m"),
    "visit-record": ("v", "m", "enter"),
    "person-editor": ("p", "a"),
    "help": ("f1",),
    "urgent-help": ("u",),
    "confirm": ("n", "d"),  # delete a note? a yes/no dialog
    "choose": ("k", "enter"),  # a check-in answer: a screen of one-line choices
}


class PatientPilot(Pilot[None]):
    """A Pilot that, after each key, waits as a person does for a save the key started
    to reach the disk and for the app's word about it ("Saved …") to be drawn.

    The app says "Saved" only once the writer thread has the change on disk; on a busy
    machine that can come after Pilot's own wait, and a test would read an empty status
    line (seen once under load)."""

    def __init__(self, app: NavigatorApp) -> None:
        super().__init__(app)
        self._store = app.navigator.store

    async def press(self, *keys: str) -> None:
        for key in keys:
            await super().press(key)
            screen = self.app.screen
            if isinstance(screen, BaseScreen) and screen.waiting_to_say_saved:
                await asyncio.to_thread(self._store.wait_for_writes)
                for _ in range(100):  # the writer's report reaches the screen
                    await self.pause(0.01)
                    if not screen.waiting_to_say_saved:
                        break


@asynccontextmanager
async def running_app(
    data_file: Path, settings: Settings | None = None, patient: bool = True
) -> AsyncIterator[tuple[NavigatorApp, Pilot[None]]]:
    """Start the app on ``data_file`` and close its store afterwards, like the real command.
    ``patient=False`` gives Textual's own Pilot, for a test that holds a save back."""
    navigator = open_navigator(data_file)
    app = NavigatorApp(navigator, settings, list(settings.problems) if settings else [])
    try:
        async with app.run_test(size=SIZE) as pilot:
            if patient:
                pilot = PatientPilot(app)
            await pilot.pause()
            yield app, pilot
    finally:
        navigator.store.close()


def status_text(app: NavigatorApp) -> str:
    return app.screen.query_one(StatusLine).message


def heading_text(app: NavigatorApp) -> str:
    return str(app.screen.query_one("#heading", Static).render())


def highlighted_text(app: NavigatorApp, list_id: str | None = None) -> str:
    """The highlighted line of the list ``list_id``, or of the screen's first list."""
    query = f"#{list_id}" if list_id else "LongList, ReaderList"
    widget = app.screen.query(query).first()
    if isinstance(widget, LongList):
        assert widget.highlighted is not None
        return widget.texts()[widget.highlighted]
    assert isinstance(widget, ReaderList) and widget.highlighted is not None
    return str(widget.get_option_at_index(widget.highlighted).prompt)


def option_texts(app: NavigatorApp, list_id: str) -> list[str]:
    if isinstance(long := app.screen.query_one(f"#{list_id}"), LongList):
        return long.texts()
    widget = app.screen.query_one(f"#{list_id}", ReaderList)
    return [str(o.prompt) for o in widget.options]


def screen_text(app: NavigatorApp) -> str:
    """Everything the screen shows, as plain text (from an SVG-free text export)."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))
