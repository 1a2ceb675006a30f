"""Words being typed survive a kill, a closed terminal or the system stopping the app.

The full-screen app keeps a draft within a moment of each key (not a second after typing
stops), offers it back at
the next start, and on SIGTERM or SIGHUP saves what is open and restores the terminal.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tests.pilot_helpers import running_app
from tests.process import saved
from tests.terminal import Terminal
from tui.core.drafts import Drafts

#: A quick typist: a key every 80 ms.
TYPING_GAP = 0.08
#: What a kill may cost: the words typed this long before it.
LOST_AT_MOST = 0.3


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
        time.sleep(0.6)  # well after the draft is written
        term.process.kill()
        term.process.wait()
    with saved(data_file) as nav:
        assert nav.notes.all() == []  # never saved as a note: only the draft has the words
    with Terminal.app(data_file) as term:
        term.wait_for("When the app last closed, a new note, Heat was not saved yet")
        # The chosen line (a braille display's line) says what it opens.
        line = term.wait_for_cursor_line("Open a new note, Heat, to finish it")
        assert line.startswith("Open a new note, Heat, to finish it")
        # The question is the window's title too (Orca speaks a new title, and nothing
        # drawn without a key), on top of the title the terminal had; put back once answered.
        assert b"\x1b[22;2t\x1b]2;When the app last closed, a new note, Heat" in term.raw
        term.press("enter", settle=False)
        term.wait_for("Title: Heat")
        assert b"\x1b[23;2t" in term.raw
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
        time.sleep(0.6)
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


def _draft_body(data_file: Path) -> str:
    found = Drafts(data_file, writable=False).left_over()
    return found[0].fields.get("body", "") if found else ""


def test_a_kill_while_typing_keeps_all_but_the_last_moment(data_file: Path) -> None:
    """A person types on until the crash: the draft has every word typed up to
    LOST_AT_MOST before the kill, and after a pause of LOST_AT_MOST, all of it."""
    words = "Hot days make me so tired that I rest after lunch. " * 2
    with Terminal.app(data_file) as term:
        _start_a_note(term, "Heat", "")
        typed_at: list[float] = []
        for char in words:
            term.send(char)
            typed_at.append(time.monotonic())
            term.read_for(TYPING_GAP)  # the app's frames are read as they come
        killed_at = time.monotonic()
        term.process.kill()
        term.process.wait()
    kept = sum(1 for moment in typed_at if moment <= killed_at - LOST_AT_MOST)
    body = _draft_body(data_file)
    assert body.startswith(words[:kept]), (kept, len(body), body)

    with Terminal.app(data_file) as term:
        term.wait_for("Open a new note, Heat, to finish it")
        term.press("enter")
        term.wait_for("Title: Heat")
        term.press("tab")
        term.type(" The end")
        time.sleep(LOST_AT_MOST)
        term.process.kill()
        term.process.wait()
    assert "The end" in _draft_body(data_file), _draft_body(data_file)


async def test_a_draft_whose_words_were_saved_is_not_offered_again(data_file: Path) -> None:
    """Killed between saving a note and clearing its draft: the next start does not ask
    about words that are already in a note, and drops the draft."""
    from tests.pilot_helpers import heading_text, running_app

    with saved(data_file) as nav:
        nav.notes.create("Heat", "Hot days make me tired.")
    fields = {"title": "Heat", "body": "Hot days make me tired.", "kind": "plain", "link": ""}
    Drafts(data_file, writable=True).save("note:new", fields, "a new note, Heat")
    async with running_app(data_file) as (app, pilot):
        await pilot.pause(0.3)
        assert heading_text(app).startswith("SPMS Navigator: home")
    assert Drafts(data_file, writable=True).left_over() == []


async def test_words_typed_just_before_the_app_closes_are_kept_without_a_crash(
    data_file: Path,
) -> None:
    """The app closed while a draft's timer was still waiting (typing, then the window
    closed at once): the timer's hand-over went to a writer already shut down, and the
    app ended with "met a problem it did not expect". The waiting words are written as
    the app closes."""
    async with running_app(data_file) as (app, pilot):
        await pilot.press("n", "a", *"Heat")
        app.drafts.close()  # as the app's ending does, with the draft's timer waiting
        await pilot.pause(0.3)  # the timer's moment passes
        kept = Drafts(data_file).left_over()
        assert [draft.fields.get("title") for draft in kept] == ["Heat"]
        await pilot.press("!")  # a last key after closing is written at once
    kept = Drafts(data_file).left_over()
    assert [draft.fields.get("title") for draft in kept] == ["Heat!"]
