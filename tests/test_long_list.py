"""The notes list (LongList): wraps by terminal cells, moves like every other list, keeps
the terminal cursor on the highlighted note, and opens the note that is highlighted."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from bench.store_bench import build
from tests.pilot_helpers import running_app
from tests.terminal import Terminal
from tui.app.long_list import LongList, wrap
from tui.app.screens.note_editor import NoteEditorScreen
from tui.app.widgets import GUTTER_X, TextLine

COUNT = 300


def test_wrap_keeps_every_word_and_fits_the_width() -> None:
    text = "Ask the physiotherapist about a walking aid before winter comes"
    lines = wrap(text, 20)
    assert lines == ["Ask the", "physiotherapist", "about a walking aid", "before winter comes"]
    assert wrap("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # a word longer than a line
    assert wrap("短い メモ です", 6) == ["短い", "メモ", "です"]  # two cells a character


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=300))
def test_wrap_never_overflows_and_loses_nothing(text: str) -> None:
    for width in (2, 7, 40):
        lines = wrap(text, width)
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def _many_notes(data_file: Path) -> list[str]:
    """COUNT notes, the newest with a title long enough to wrap. Titles, newest first."""
    build(data_file, COUNT)
    document = json.loads(data_file.read_text("utf-8"))
    notes = document["notes"]
    notes[str(COUNT)]["title"] = "A long title " * 12
    for number, note in notes.items():  # distinct times, so newest first is well defined
        note["created"] = note["updated"] = (
            f"2026-01-01T00:{int(number) // 60:02d}:{int(number) % 60:02d}"
        )
    data_file.write_text(json.dumps(document), "utf-8")
    return [notes[str(n)]["title"] for n in range(COUNT, 0, -1)]


def _cursor_is_on_highlight(long_list: LongList) -> bool:
    """The terminal cursor is in the gutter of the highlighted note's first screen line."""
    app = long_list.app
    assert long_list.highlighted is not None
    top = long_list._starts[long_list.highlighted] - round(long_list.scroll_offset.y)
    region = long_list.content_region
    return app.cursor_position == (GUTTER_X, region.y + top) and 0 <= top < region.height


async def test_moving_through_hundreds_of_notes(data_file: Path) -> None:
    titles = _many_notes(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        notes = app.screen.query_one("#notes", LongList)
        assert notes.item_count == COUNT
        # The long title is cut to fit one row at 80 columns (Enter opens the whole note).
        assert notes.texts()[0].startswith(titles[0].strip()[:30])
        assert "…" in notes.texts()[0]
        assert notes.virtual_size.height == COUNT
        assert _cursor_is_on_highlight(notes)
        for keys, expected in [
            (("end",), COUNT - 1),
            (("up",), COUNT - 2),
            (("home",), 0),
            (("down", "down"), 2),
        ]:
            await pilot.press(*keys)
            assert notes.highlighted == expected, keys
            assert _cursor_is_on_highlight(notes), keys
        await pilot.press("pagedown")
        paged = notes.highlighted
        assert paged is not None and paged > 2 + notes.content_region.height // 2
        assert _cursor_is_on_highlight(notes)
        await pilot.press("pageup")
        assert notes.highlighted is not None and notes.highlighted < paged
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title").value == titles[notes.highlighted]  # type: ignore[attr-defined]


async def test_a_narrow_terminal_rewraps_and_the_cursor_follows(data_file: Path) -> None:
    _many_notes(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "down")
        notes = app.screen.query_one("#notes", LongList)
        wide = notes.virtual_size.height
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        assert notes.virtual_size.height > wide
        assert notes.highlighted == 1
        assert _cursor_is_on_highlight(notes)


async def test_a_click_opens_the_note_under_the_mouse(data_file: Path) -> None:
    titles = _many_notes(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        notes = app.screen.query_one("#notes", LongList)
        second_line = notes._starts[1]
        await pilot.click("#notes", offset=(3, second_line))
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.query_one("#title").value == titles[1]  # type: ignore[attr-defined]


async def test_a_filter_with_no_match_leaves_a_line_to_read(data_file: Path) -> None:
    _many_notes(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "slash", *"zzzz", "enter")  # typed, then to the list
        notes = app.screen.query_one("#notes", LongList)
        assert notes.texts() == ["No notes match this filter. Press a to write one."]
        assert notes.highlighted is None
        await pilot.press("down", "enter")  # nothing to open
        assert app.screen is not None and not isinstance(app.screen, NoteEditorScreen)
        assert app.cursor_position == (GUTTER_X, notes.content_region.y)
        count = app.screen.query_one("#count", TextLine).message
        assert count == f"0 of {COUNT} notes match 'zzzz'."


def test_the_cursor_line_reads_the_note_in_a_real_terminal(data_file: Path) -> None:
    titles = _many_notes(data_file)
    with Terminal.app(data_file) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.4)
        term.press("n")
        assert term.cursor_line().startswith("A long title A long title")
        term.press("end")
        assert term.cursor_line().startswith(f"{titles[-1]}. 1 Jan")
        term.press("up", "up")
        assert term.cursor_line().startswith(f"{titles[-3]}. 1 Jan")
