"""Keys typed ahead, with no pause, reach the screen they were meant for.

A screen-reader user who knows the keys types them without waiting for each screen to be
drawn. The terminal hands the app every key at once; each must land where it would have
landed had the person waited (a `d` typed right after `n` must ask to delete a note, not
go into the notes filter). These tests post every key of a route to the app in one go,
as a terminal does, and compare where the app ends up with the same keys pressed slowly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from time_machine import TimeMachineFixture

from tests.pilot_helpers import ROUTES, running_app
from tests.snapshot_data import build_data_file
from tui.app.app import NavigatorApp


def _where(app: NavigatorApp) -> tuple[str, str]:
    """The screen open, and what has focus on it (what the next key would reach)."""
    focused = app.screen.focused
    what = f"{type(focused).__name__}#{focused.id}" if focused is not None else "nothing"
    return type(app.screen).__name__, what


def _post_at_once(app: NavigatorApp, keys: tuple[str, ...]) -> None:
    """Every key into the app's queue at once, as a terminal delivers typed-ahead keys."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize("route", [r for r in ROUTES if ROUTES[r]])
async def test_keys_typed_ahead_reach_the_screen_they_were_meant_for(
    route: str, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    keys = ROUTES[route]
    slow_file, fast_file = (
        tmp_path / "slow" / "navigator.json",
        tmp_path / "fast" / "navigator.json",
    )
    build_data_file(slow_file, time_machine, None)
    build_data_file(fast_file, time_machine, None)
    async with running_app(slow_file) as (app, pilot):
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        expected = _where(app)
    async with running_app(fast_file) as (app, pilot):
        _post_at_once(app, keys)
        for _ in range(20):  # let every key and every screen it opens settle
            await pilot.pause(0.02)
        assert _where(app) == expected, f"keys {keys} typed ahead"


def test_keys_typed_ahead_on_a_real_terminal_open_the_delete_question(data_file: Path) -> None:
    """`n` (Notes), `down`, `d` (delete) in one write to the terminal, as a person typing
    fast sends them: the delete question opens, and the filter took nothing."""
    from tests.process import saved
    from tests.terminal import KEYS, Terminal

    with saved(data_file) as nav:
        nav.notes.create("Heat tires me", "")
        nav.notes.create("Legs heavy", "")
    with Terminal.app(data_file, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.send("n" + KEYS["down"] + "d")
        term.wait_for("Delete the note")
        assert "Delete the note 'Heat tires me'?" in term.text()
        assert term.wait_for_cursor_line("No, keep it").startswith("No, keep it")
