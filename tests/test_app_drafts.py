"""Words being typed survive a kill, a closed terminal or the system stopping the app.

The full-screen app keeps a draft within about a second of typing, offers it back at
the next start, and on SIGTERM or SIGHUP saves what is open and restores the terminal.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tests.process import saved
from tests.terminal import Terminal


def _start_a_note(term: Terminal, title: str, body: str) -> None:
    term.wait_for("SPMS Navigator: home")
    term.press("n")
    term.press("a", settle=False)
    term.wait_for_cursor_line("Title:")
    term.type(title)
    term.press("tab")
    term.type(body)


def test_a_killed_app_offers_the_half_typed_note_back(data_file: Path) -> None:
    with Terminal.app(data_file) as term:
        _start_a_note(term, "Heat", "Hot days make me tired.")
        time.sleep(1.6)  # the draft is written about a second after typing stops
        term.process.kill()
        term.process.wait()
    with saved(data_file) as nav:
        assert nav.notes.all() == []  # never saved as a note: only the draft has the words
    with Terminal.app(data_file) as term:
        term.wait_for("When the app last closed, a new note, Heat was not saved yet")
        # The chosen line (a braille display's line) says what it opens.
        line = term.wait_for_cursor_line("Open a new note, Heat, to finish it")
        assert line.startswith("Open a new note, Heat, to finish it")
        term.press("enter", settle=False)
        term.wait_for("Title: Heat")
        assert "Hot days make me tired." in term.text()
        term.press("ctrl+s", settle=False)
        term.wait_for("Saved the note")
    with saved(data_file) as nav:
        assert [(n.title, n.body) for n in nav.notes.all()] == [("Heat", "Hot days make me tired.")]
    with Terminal.app(data_file) as term:  # offered once: it is a note now
        term.wait_for("SPMS Navigator: home")
        term.settle(quiet=1.0)
        assert "When the app last closed" not in term.text()


def test_a_draft_can_be_saved_as_a_note_or_thrown_away(data_file: Path) -> None:
    with Terminal.app(data_file) as term:
        _start_a_note(term, "Stairs", "Slower than in spring.")
        time.sleep(1.6)
        term.process.kill()
        term.process.wait()
    with Terminal.app(data_file) as term:
        term.wait_for("Throw away a new note, Stairs")
        term.press("down", settle=False)
        assert term.wait_for_cursor_line("Save the words").startswith(
            "Save the words of a new note, Stairs as a note now"
        )
        term.press("enter", settle=False)
        term.wait_for("Saved the words as a note: Stairs.")
    with saved(data_file) as nav:
        assert [(n.title, n.body) for n in nav.notes.all()] == [
            ("Stairs", "Slower than in spring.")
        ]


def test_sigterm_and_sighup_save_the_open_note_and_restore_the_terminal(data_file: Path) -> None:
    for number, stop in enumerate((signal.SIGTERM, signal.SIGHUP)):
        with Terminal.app(data_file) as term:
            _start_a_note(term, f"Fog {number}", "Words before the stop.")
            os.kill(term.process.pid, stop)
            assert term.process.wait(timeout=10) == 0
            term.read_for(0.3)
            assert bytes(term.raw).rstrip().endswith(b"\x1b[?1049l") or (
                b"\x1b[?1049l" in bytes(term.raw)[-400:]
            ), "the terminal was left in the app's screen"
    with saved(data_file) as nav:
        assert sorted(n.title for n in nav.notes.all()) == ["Fog 0", "Fog 1"]
