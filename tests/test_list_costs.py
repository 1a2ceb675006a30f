"""Lists cost what is on screen: opening thousands of notes, in the app or the plain mode,
makes only the lines a person can see, and every line still lands where it belongs.

Each note's line says when it was written, and formatting that date was most of the cost
of a long list; so the tests count the dates formatted while a person opens and moves
through the notes, and check what the screen shows.
"""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import tempfile
import termios
import threading
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.store_bench import WORDS
from tests.pilot_helpers import ROUTES, running_app
from tui.app.long_list import LongList
from tui.app.screens.list_screen import ListScreen
from tui.app.widgets import GUTTER_X
from tui.app.wrapping import wrap
from tui.core import schema
from tui.core.durable import atomic_write_bytes
from tui.core.models import Note
from tui.core.service import open_navigator
from tui.plain.app import PlainApp
from tui.plain.console import Console

MANY = 3000
#: More than any screen shows at once, far fewer than MANY.
FEW = 120


def _count_calls(
    monkeypatch: pytest.MonkeyPatch, module: str, name: str = "display_time"
) -> list[str]:
    """Wrap ``module.name`` so that each call is noted; returns the list of notes."""
    import importlib

    where = importlib.import_module(module)
    real: Callable[[str], str] = getattr(where, name)
    calls: list[str] = []

    def counted(stamp: str) -> str:
        calls.append(stamp)
        return real(stamp)

    monkeypatch.setattr(where, name, counted)
    return calls


def _stamp(number: int) -> str:
    """Note ``number`` was written ``number`` seconds after midnight, 1 January 2026."""
    return f"2026-01-01T{number // 3600:02d}:{number // 60 % 60:02d}:{number % 60:02d}+00:00"


def _titles_newest_first(data_file: Path, long_every: int = 0) -> list[str]:
    """MANY notes, each written a second after the one before (titles, newest first).
    Every ``long_every``-th has a title long enough to wrap over several lines."""
    tables = schema.empty_tables()
    titles = {}
    for number in range(1, MANY + 1):
        titles[number] = f"Note {number} about {WORDS[number % len(WORDS)]}"
        if long_every and number % long_every == 0:
            titles[number] += " and words that wrap" * (number % 7 + 2)
        tables[schema.NOTES][number] = schema.Note(
            title=titles[number], created=_stamp(number), updated=_stamp(number)
        )
    data_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(data_file, schema.encode(tables))
    return [titles[n] for n in range(MANY, 0, -1)]


def _shown(long_list: LongList) -> list[str]:
    """The list's lines as they are drawn now."""
    return [long_list.render_line(y).text.rstrip() for y in range(long_list.size.height)]


def _cursor_row_text(long_list: LongList) -> str:
    """The drawn line the terminal cursor is on (where a screen reader reads)."""
    x, y = long_list.app.cursor_position
    assert x == GUTTER_X
    return _shown(long_list)[y - long_list.content_region.y]


async def test_opening_thousands_of_notes_formats_only_those_on_screen(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles = _titles_newest_first(data_file)
    dates = _count_calls(monkeypatch, "tui.app.screens.notes", "short_day")
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        notes = app.screen.query_one("#notes", LongList)
        assert len(dates) < FEW, f"{len(dates)} dates formatted to open {MANY} notes"
        assert notes.item_count == MANY
        assert _shown(notes)[0].startswith(f"{titles[0]}. 1 Jan")  # 2026 said in 2027
        assert _cursor_row_text(notes).startswith(titles[0])
        await pilot.press("down", "down", "pagedown")
        assert _cursor_row_text(notes).startswith(titles[notes.highlighted or 0])
        await pilot.press("slash", "e")  # a filter narrows, and makes only its first lines
        await pilot.press("escape")
        assert len(dates) < 3 * FEW
        assert _cursor_row_text(notes).startswith(titles[notes.highlighted or 0])


async def test_lines_measured_as_they_come_land_where_a_full_layout_puts_them(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Notes of one to several lines: paging down, going to the end and back, each
    note starts on the line it would if every note had been laid out at once, the
    cursor is on the highlighted note, and the scrollbar ends up knowing every line.
    (The notes screen cuts a title to one row at 80 columns; uncut here, so the list's
    items of several lines are measured, as at 40 columns or on another screen.)"""
    monkeypatch.setattr("tui.app.screens.notes.NOTE_ROW", 1000)
    titles = _titles_newest_first(data_file, long_every=3)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n")
        notes = app.screen.query_one("#notes", LongList)

        def laid_out_at_once(count: int) -> list[int]:
            starts, line = [0], 0
            for text in notes.texts()[:count]:
                line += len(wrap(text, notes.scrollable_content_region.width))
                starts.append(line)
            return starts

        for _ in range(4):
            await pilot.press("pagedown")
            index = notes.highlighted
            assert index is not None
            assert notes._starts == laid_out_at_once(len(notes._starts) - 1)
            assert _cursor_row_text(notes).startswith(titles[index][:40])
        await pilot.press("end")
        assert _cursor_row_text(notes).startswith(titles[-1])
        assert notes.virtual_size.height == laid_out_at_once(MANY)[-1]
        await pilot.press("up", "home")
        assert _cursor_row_text(notes).startswith(titles[0][:40])


@pytest.mark.parametrize("route", ["topics", "checkin", "changes", "people"])
async def test_a_list_screen_builds_its_list_once_as_it_opens(
    data_file: Path, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    """Textual calls each class's on_mount, and a screen's own on_mount calls its base's
    too: the check-in screen built its lines twice as it opened."""
    _titles_newest_first(data_file)
    built: list[str] = []
    real = ListScreen.refresh_data

    def counted(screen: ListScreen) -> None:
        built.append(type(screen).__name__)
        real(screen)

    monkeypatch.setattr(ListScreen, "refresh_data", counted)
    async with running_app(data_file) as (app, pilot):
        *before, last = ROUTES[route]
        await pilot.press(*before)
        built.clear()
        await pilot.press(last)
        assert built == [type(app.screen).__name__]


def test_the_plain_notes_page_formats_only_the_page_shown(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an 80 x 24 terminal, the plain mode shows a page of notes and asks "More";
    typing q there leaves the other thousands unmade."""
    titles = _titles_newest_first(data_file)
    dates = _count_calls(monkeypatch, "tui.plain.app")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    shown = bytearray()

    def drain() -> None:  # a terminal's reader, so the app's writes never block
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    nav = open_navigator(data_file)
    try:
        with os.fdopen(slave, "w", encoding="utf-8") as terminal:
            typed = io.StringIO("n\nq\nb\nq\n")  # Notes; q at More; back; quit
            assert PlainApp(nav, Console(typed, terminal)).run() == 0
    finally:
        nav.store.close()
        reader.join(timeout=5)
        os.close(master)
    text = shown.decode("utf-8").replace("\r\n", "\n")
    assert f"1. {titles[0]}. Written 1 Jan 2026" in text
    assert "More: press Enter to go on" in text
    assert f"{MANY}. " not in text
    assert len(dates) < FEW, f"{len(dates)} dates formatted for one page of notes"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=30))
def test_notes_are_newest_first_and_the_higher_number_first_at_the_same_time(
    minutes: list[int],
) -> None:
    """Notes written in the same minute (an import, a script) come higher number first."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "navigator.json"
        tables = schema.empty_tables()
        tables[schema.NOTES] = {
            number: schema.Note(title=f"Note {number}", created=f"2026-01-01T00:0{minute}:00+00:00")
            for number, minute in enumerate(minutes, 1)
        }
        for note in tables[schema.NOTES].values():
            note.updated = note.created
        atomic_write_bytes(path, schema.encode(tables))
        nav = open_navigator(path, reading=True)
        try:
            got = [(n.created, n.id) for n in nav.notes.all()]
        finally:
            nav.store.close()
        assert got == sorted(got, reverse=True)


def test_a_stored_note_and_the_note_shown_list_their_fields_in_the_same_order() -> None:
    """note_from_row hands the stored fields over by position (it is faster)."""
    assert [field.name for field in fields(Note)] == ["id", *schema.Note.__struct_fields__]
