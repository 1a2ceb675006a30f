"""Raising a note on Prepare for a visit is heard as its result, not as the whole screen
again (issue 19): what the care team said is asked in a field above the list, and the
note's line says "Raised" in its place.

Before, the answer was asked on a screen of its own, and coming back from it Fenrir read
the whole visit screen again (1,112 characters, some 37 s) for a result of one line.
"""

from __future__ import annotations

from pathlib import Path

from tests.pilot_helpers import highlighted_text, running_app, status_text
from tests.process import saved
from tests.readers.fenrir_model import heard_by_fenrir
from tests.terminal import Terminal
from tui.app.screens.visit import VisitScreen
from tui.core import wording
from tui.core.models import NoteKind

#: The result's line and the note's line, and a little room: not the screen again.
RESULT_COSTS_AT_MOST = 120


def _flat(words: str) -> str:
    return " ".join(words.split())


def test_raising_a_note_is_heard_as_its_result_only(data_file: Path, tmp_path: Path) -> None:
    with saved(data_file) as nav:
        nav.notes.create("Heat", "Hot days.", kind=NoteKind.QUESTION)
    with heard_by_fenrir(data_file, tmp_path) as (fenrir, terminal):
        fenrir.press("v")
        fenrir.press("down")
        assert _flat(fenrir.press("down")).startswith("Question: Heat.")  # no heading between
        asked = _flat(fenrir.press("enter"))
        assert asked.startswith("Mark 'Heat' as raised. What did the care team say?")
        assert terminal.cursor_line().strip() == "The care team said:"  # braille: what it asks
        for letter in "ok":
            fenrir.press(letter)
        result = _flat(fenrir.press("enter"))
        assert result == "Saved: 'Heat' is marked as raised. Question: Heat. Raised. Answer: ok."
        assert len(result) <= RESULT_COSTS_AT_MOST
        assert terminal.cursor_line().strip() == "Saved: 'Heat' is marked as raised."
        # The next key takes the cursor back to the list, from the note's line.
        assert _flat(fenrir.press("down")) == "Write a question for my care team"
    with saved(data_file) as nav:
        (note,) = nav.notes.all()
        assert (note.raised, note.answer) == (True, "ok")


async def test_escape_in_the_answer_field_marks_nothing_and_stays(data_file: Path) -> None:
    with saved(data_file) as nav:
        nav.notes.create("Heat", "", kind=NoteKind.QUESTION)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v", "down", "down")
        assert highlighted_text(app).startswith("Question: Heat.")
        # Letters that are keys of the screen (o, e, r, m, l) go into the field.
        await pilot.press("enter", *"Not sure, come back later", "escape")
        assert isinstance(app.screen, VisitScreen)  # Escape closed the field, not the screen
        assert status_text(app) == wording.NOT_MARKED
        assert highlighted_text(app).endswith("Not raised yet.")
        assert app.screen.query_one("#ask-here").display is False
    with saved(data_file) as nav:
        (note,) = nav.notes.all()
        assert not note.raised


def test_exporting_the_summary_is_heard_as_its_result_only(data_file: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"  # heard_by_fenrir's home folder: the export's default place
    with heard_by_fenrir(data_file, tmp_path) as (fenrir, terminal):
        fenrir.press("v")
        asked = _flat(fenrir.press("e"))
        assert asked.startswith("Export the summary. Name the file:")
        assert terminal.cursor_line().strip().startswith("File: ")
        result = _flat(fenrir.press("enter"))  # the name it offers, in the home folder
        assert result.startswith(f"Exported the summary to {home}")
        assert result.endswith("Only you can read it.")
        assert len(result) <= RESULT_COSTS_AT_MOST + len(str(home))
        assert terminal.cursor_line().strip().startswith("Exported the summary to")
    (written,) = home.rglob("*.md")
    assert written.read_text("utf-8").startswith("# For my next appointment")


def test_a_question_asked_here_arrives_in_one_write_with_the_cursor_in_its_field(
    data_file: Path, tmp_path: Path
) -> None:
    """The question, its field and the cursor in the field go out together: in several
    writes, the cursor's move came alone and Fenrir cut the question off to read the
    field's line (the paced journey's `e` under Fenrir heard "File: …", not "Export")."""
    home = tmp_path / "home"
    home.mkdir()
    with Terminal.app(data_file, env={"HOME": str(home)}, columns=80, rows=24) as terminal:
        terminal.wait_for("SPMS Navigator")
        terminal.press("v")
        terminal.settle(0.5)
        terminal.send("e")
        terminal.read_frame(5.0, gap=0.03)  # the first write after the key, whole
        assert "Export the summary" in terminal.text()
        assert terminal.cursor_line().startswith("File:"), terminal.cursor_line()
        assert terminal.read_for(0.5) == b"", "more was written after the question's frame"
