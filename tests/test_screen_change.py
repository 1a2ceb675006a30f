"""A screen change reaches the terminal as one whole frame, with the cursor in place.

Screen readers read each burst of output on its own (Fenrir), or from the first
changed line down to the cursor (Orca): a change drawn in pieces is heard in pieces,
cut off by the next. These tests read a real pseudo-terminal and check that after
each key that changes the screen, the first frame already carries the new screen's
name, its focused line under the cursor, and every line of text; whatever follows
changes no text and does not move the cursor, but after a key Orca speaks only a change
ending at the cursor (Left, Backspace, and keys typed with Shift, such as ?): then the
status line follows, alone.
"""

from __future__ import annotations

from pathlib import Path

from tests.terminal import KEYS, Terminal
from tui.app.quiet_keys import is_quiet

#: Textual's names of the keys below that are not their own character.
TEXTUAL_NAMES = {"?": "question_mark"}

#: key, the words the new screen's first line starts with, the cursor's line after.
STEPS = (
    ("t", "Topics:", "What SPMS is"),
    ("left", "SPMS Navigator: home", "Topics. Key t."),
    ("n", "Notes", "You have no notes yet."),
    ("b", "SPMS Navigator: home", "Topics. Key t."),
    ("?", "Help for the home screen", ""),
    ("backspace", "SPMS Navigator: home", "Topics. Key t."),
)


def test_each_screen_change_arrives_whole_in_its_first_frame(data_file: Path) -> None:
    with Terminal.app(data_file, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        for key, heading, cursor_line in STEPS:
            term.send(KEYS.get(key, key))
            frame, _ = term.read_frame(5.0, gap=0.03)
            assert frame, f"after {key}: nothing drawn"
            # One screen's worth (about 3,500 bytes here), not several frames in a row:
            # a terminal passes a long write on in pieces, and Fenrir cut each piece off
            # with the next.
            assert len(frame) < 7000, f"after {key}: {len(frame)} bytes in the first frame"
            first_text, first_cursor = term.text(), (term.screen.cursor.y, term.screen.cursor.x)
            assert term.screen.display[0].strip().startswith(heading), (
                f"after {key}: the first frame's first line is {term.screen.display[0]!r}"
            )
            assert term.cursor_line().startswith(cursor_line), (
                f"after {key}: the first frame's cursor line is {term.cursor_line()!r}"
            )
            after = term.settle(quiet=0.3)
            if is_quiet(TEXTUAL_NAMES.get(key, key)):
                _said_last_at_the_cursor(term, key, first_text, heading, cursor_line)
                continue
            # Not even the same text again: a reader may speak any write (a list's
            # scrollbar appearing once its lines were measured redrew the list).
            assert not after, f"after {key}: {len(after)} bytes written after the first frame"
            assert term.text() == first_text, f"after {key}: text changed after the first frame"
            assert (term.screen.cursor.y, term.screen.cursor.x) == first_cursor, (
                f"after {key}: the cursor moved after the first frame"
            )


def _said_last_at_the_cursor(
    term: Terminal, key: str, first_text: str, heading: str, focus: str
) -> None:
    """After a key Orca speaks only a change that ends at the cursor (Left, Backspace,
    Escape), one more write follows the whole screen: the status line, which was blank,
    now names the screen and the focused line, and the cursor is just after its last
    letter. Nothing else changed."""
    before, after = first_text.splitlines(), term.text().splitlines()
    changed = [row for row, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert changed == [1], f"after {key}: rows {changed} changed after the first frame"
    assert not before[1].strip(), f"after {key}: the status line was {before[1]!r} at first"
    status = after[1].rstrip()
    assert heading in status and focus in status, f"after {key}: the status line is {status!r}"
    cursor = (term.screen.cursor.y, term.screen.cursor.x)
    assert cursor == (1, len(status)), f"after {key}: the cursor is at {cursor}, not at the end"


def test_a_letter_typed_into_a_search_changes_only_its_field(data_file: Path) -> None:
    """Typing in a search field redraws nothing but the field, so a screen reader
    echoes the letter (a list redrawn at each letter was read again at each letter);
    after a pause the line below says how many places; Enter lists them."""
    with Terminal.app(data_file, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.press("t")
        term.press("/")
        term.press("r")  # the first letter empties the list, once
        for letter in "esp":
            before = term.text().splitlines()
            term.send(letter)
            term.read_frame(2.0, gap=0.03)
            after = term.text().splitlines()
            rows = zip(before, after, strict=True)
            changed = [row for row, (old, new) in enumerate(rows) if old != new]
            assert len(changed) == 1, f"after {letter!r}: rows {changed} changed"
            assert after[changed[0]].strip().startswith("Find a word: ")
        term.settle(quiet=0.8)
        assert "Found in " in term.text() and "'resp'. Enter or Down goes to them." in term.text()
        term.press("enter")
        assert term.cursor_line().startswith("1 of ")


def test_a_screen_coming_back_from_help_has_its_cursor_in_its_one_write(data_file: Path) -> None:
    """Back from Help onto Prepare for a visit: the first write is the whole screen with
    the cursor on the focused line, and nothing follows (the settled Fenrir journey once
    heard only "Next visit: …": the cursor's move had gone out alone, and Fenrir cut the
    screen off to read the cursor's line)."""
    with Terminal.app(data_file, columns=80, rows=24) as term:
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=0.5)
        term.press("v")
        term.press("?")
        term.settle(quiet=0.3)
        for _ in range(3):
            term.send("b")
            term.read_frame(5.0, gap=0.03)
            assert term.screen.display[0].strip().startswith("Prepare for a visit")
            assert term.cursor_line().startswith("Next visit"), term.cursor_line()
            assert not term.settle(quiet=0.3), "more was written after the first frame"
            term.press("?")
            term.settle(quiet=0.3)
