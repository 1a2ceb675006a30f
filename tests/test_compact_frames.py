"""A whole screen is written in few bytes, and drawn exactly as Textual drew it.

tui/app/compact_frames.py writes a screen change in about half the bytes, so that it
reaches Fenrir in one piece (Linux passes 2,048 bytes at a time). These tests draw
every screen both ways in a terminal emulator and compare each cell's letter and
colours; and they read the screen changes of a walk on a real pty, as Fenrir's own
terminal (``TERM=linux``) gets them, and check that each fits in one piece.
"""

from __future__ import annotations

from pathlib import Path

import pyte
import pytest
from time_machine import TimeMachineFixture

from tests.pilot_helpers import ROUTES, PatientPilot
from tests.snapshot_data import build_data_file
from tests.terminal import Terminal
from tui.app import textual_private
from tui.app.app import NavigatorApp
from tui.core.service import open_navigator

#: Keys from home that change the screen, and back.
WALK = ("t", "b", "c", "b", "n", "a", "ctrl+g", "b", "v", "?", "b", "b", "k", "b", "p", "b")
WALK_MORE = ("x", "b", "i", "b", "u", "b", "?", "b")


def _cells(sequence: str) -> list[list[tuple[object, ...]]]:
    screen = pyte.Screen(80, 24)
    pyte.Stream(screen).feed(sequence)
    return [
        [
            (cell.data, cell.fg, cell.bg, cell.bold, cell.italics, cell.underscore, cell.reverse)
            for cell in (screen.buffer[y][x] for x in range(80))
        ]
        for y in range(24)
    ]


@pytest.mark.parametrize("route", sorted(ROUTES))
async def test_every_screen_is_drawn_the_same_in_fewer_bytes(
    data_file: Path, route: str, time_machine: TimeMachineFixture
) -> None:
    build_data_file(data_file, time_machine, None)
    navigator = open_navigator(data_file)
    app = NavigatorApp(navigator, None, [])
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            patient = PatientPilot(app)
            await pilot.pause()
            for key in ROUTES[route]:
                await patient.press(key)
            await pilot.pause()
            whole = textual_private.render_whole_screen(app.screen)
            as_textual = whole.render_segments(app.console)  # type: ignore[attr-defined]
            cursor_row = app.screen.outer_size.clamp_offset(app.cursor_position).y
            update = textual_private.LastLetterLast(whole.strips, whole.region, cursor_row)  # type: ignore[attr-defined]
            written = update.render_segments(app.console)
    finally:
        navigator.store.close()
    assert _cells(written) == _cells(as_textual), f"{route}: drawn differently"
    assert len(written) < len(as_textual) * 0.75, (
        f"{route}: {len(written)} characters, Textual's own {len(as_textual)}"
    )


def _screen_changes(data_file: Path, keys: tuple[str, ...]) -> list[tuple[str, int]]:
    """Each key of ``keys`` and the bytes of the first frame it brought, on a real pty."""
    sizes = []
    with Terminal.app(data_file, columns=80, rows=24, env={"TERM": "linux"}) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        for key in keys:
            term.send(key)
            frame, _ = term.read_frame(5.0, gap=0.005)
            sizes.append((key, len(frame)))
            term.settle(quiet=0.3)
    return sizes


def test_the_walks_screen_changes_each_fit_in_one_piece(data_file: Path) -> None:
    sizes = _screen_changes(data_file, WALK + WALK_MORE)
    assert [(key, size) for key, size in sizes if size > textual_private.PIECE] == [], sizes
