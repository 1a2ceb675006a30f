"""A screen change cut in two anywhere still reads whole under Fenrir's rules.

Linux passes a long write from the app to the terminal 2,048 bytes at a time, and a
busy machine lets Fenrir read the pieces apart (``ptyDriver.readAll`` waits 1 ms for
more). Fenrir speaks each read by comparing the screen before and after it. When a
read changed no text but moved the cursor to another row, it takes the read for a
cursor move: it stops reading the new screen and reads the cursor's row
(``onCursorChange/55000-present_line_if_cursor_change_vertical.py``); when the move
stays on the row, it says the letter under the cursor (``50000-…horizontal.py``).
Both cut the new screen off: in CI, after Enter on a search result Fenrir said one line
of the topic ("Take breaks…") and never its name.

These tests read the app's real frames on a pty, with ``TERM=linux`` as Fenrir runs
every program, and cut each one where Linux cuts it (every 2,048 bytes): the second
part must change some text, or leave the cursor where it was, or move it only along
its row onto a blank (the gutter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyte

from tests.terminal import Terminal
from tests.test_speech_budget import _lived_in
from tui.app import textual_private

#: The paced journey's keys (tests/readers/journeys.py), where Fenrir was cut in CI.
JOURNEY_KEYS = ("t", "enter", "b", "b", "c", "n", "a", "H", "ctrl+s", "ctrl+g", "v", "e")
KEYS_RECORDS = ("k", "b", "p", "b", "x", "b", "i", "b", "u", "b", "c", "space", "b", "?", "b")
#: A file with months of records (tests/test_speech_budget.py): lists, a question, ticks.
KEYS_LIVED_IN = (
    *("n", "down", "d", "n", "ctrl+g", "x", "ctrl+g", "i", "ctrl+g", "p", "ctrl+g"),
    *("k", "g", "ctrl+g", "ctrl+g", "v", "m", "ctrl+g", "c", "space", "down", "space"),
)
KEYS_BACK = ("v", "?", "b", "t", "/", "r", "e", "s", "p", "i", "t", "e", "enter", "enter")


@dataclass(frozen=True)
class Cut:
    """Where a frame was cut, and what Fenrir would do with its second part."""

    at: int
    text_changed: bool
    cursor_from: tuple[int, int]
    cursor_to: tuple[int, int]
    letter_under_cursor: str

    @property
    def cuts_the_screen_off(self) -> bool:
        if self.text_changed or self.cursor_from == self.cursor_to:
            return False
        if self.cursor_from[0] != self.cursor_to[0]:
            return True  # read as a move to another row: the cursor's row is said
        return not self.letter_under_cursor.isspace()  # the letter is said


def _row(screen: pyte.Screen, y: int) -> str:
    """Row ``y`` as Fenrir compares it: runs of spaces squeezed to one."""
    line = screen.buffer[y]
    return re.sub(" +", " ", "".join(line[x].data for x in range(screen.columns)))


def _screen_after(before: bytes, frame: bytes, columns: int, rows: int) -> pyte.Screen:
    screen = pyte.Screen(columns, rows)
    pyte.ByteStream(screen).feed(before + frame)
    return screen


def cuts_of(before: bytes, frame: bytes, columns: int, rows: int) -> list[Cut]:
    """Every way of cutting ``frame`` in two (written after ``before``) whose second
    part Fenrir would take for a cursor move."""
    final = _screen_after(before, frame, columns, rows)
    final_rows = [_row(final, y) for y in range(rows)]
    to = (final.cursor.y, final.cursor.x)
    letter = final.buffer[to[0]][min(to[1], columns - 1)].data
    screen = _screen_after(before, b"", columns, rows)
    stream = pyte.ByteStream(screen)
    differ = {y for y in range(rows) if _row(screen, y) != final_rows[y]}
    screen.dirty.clear()
    found = []
    for at in range(1, len(frame)):
        stream.feed(frame[at - 1 : at])
        for y in screen.dirty:
            if _row(screen, y) == final_rows[y]:
                differ.discard(y)
            else:
                differ.add(y)
        screen.dirty.clear()
        cut = Cut(at, bool(differ), (screen.cursor.y, screen.cursor.x), to, letter)
        if at % textual_private.PIECE == 0 and cut.cuts_the_screen_off:
            found.append(cut)
    return found


def _walk(data_file: Path, keys: tuple[str, ...]) -> list[str]:
    """Press ``keys`` on the app at 80x24; for every frame longer than one piece that
    changes text, the cuts Fenrir would take for a cursor move."""
    problems = []
    with Terminal.app(data_file, columns=80, rows=24, env={"TERM": "linux"}) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        for key in keys:
            before = bytes(term.raw)
            term.send(key)
            for frame in term.frames_for(1.0, gap=0.005):
                if len(frame) > textual_private.PIECE and (cuts := cuts_of(before, frame, 80, 24)):
                    first = cuts[0]
                    problems.append(
                        f"after {key!r}: {len(cuts)} of {len(frame)} cuts, the first at byte "
                        f"{first.at}: cursor {first.cursor_from} -> {first.cursor_to}, "
                        "no text changed"
                    )
                before += frame
    return problems


def test_the_journeys_screens_are_never_cut_off_by_a_second_read(data_file: Path) -> None:
    assert _walk(data_file, JOURNEY_KEYS) == []


def test_help_search_and_a_topic_are_never_cut_off_by_a_second_read(data_file: Path) -> None:
    assert _walk(data_file, KEYS_BACK) == []


def test_the_records_screens_are_never_cut_off_by_a_second_read(data_file: Path) -> None:
    assert _walk(data_file, KEYS_RECORDS) == []


def test_the_lived_in_screens_are_never_cut_off_by_a_second_read(data_file: Path) -> None:
    _lived_in(data_file)
    assert _walk(data_file, KEYS_LIVED_IN) == []
