"""The summary on paper, as a carer found it printed through CUPS (cups-pdf): the page
count said before printing is the one the printer makes, and a question reads as one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tui.core import appointment, printing
from tui.core.models import NoteKind
from tui.core.service import Navigator
from tui.core.text import InputError


def test_the_pages_said_before_printing_are_the_pages_printed() -> None:
    """With the margins and 7 lines an inch given to lp, US Letter holds 66 lines (A4
    71): a summary of 65 lines came out of cups-pdf on one page, announced as two."""
    assert printing.PrintJob("For my visit", "line\n" * 65, None).pages == 1
    assert "65 lines on about 1 page." in printing.PrintJob("t", "line\n" * 65, None).description()
    assert printing.PrintJob("For my visit", "line\n" * 66, None).pages == 1
    assert printing.PrintJob("For my visit", "line\n" * 67, None).pages == 2
    assert appointment.MAX_LINES <= 2 * printing.LINES_PER_PAGE  # "two pages" holds


def test_a_question_is_followed_by_its_words_without_a_colon(navigator: Navigator) -> None:
    navigator.notes.create(
        "Should the dose change again?", "She is sleepy after lunch.", kind=NoteKind.QUESTION
    )
    navigator.notes.create("Falls at home", "Two falls this month.", kind=NoteKind.CONCERN)
    text = printing.plan(navigator).text
    assert "- Should the dose change again? She is sleepy after lunch." in text
    assert "?:" not in text
    assert "- Falls at home: Two falls this month." in text


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for lp")
def test_no_default_printer_is_said_in_words_with_what_to_do(
    navigator: Navigator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CUPS installed with a printer but none chosen as the default: lp says only
    "No default destination", which tells a carer nothing."""
    stand_in = tmp_path / "bin" / "lp"
    stand_in.parent.mkdir()
    stand_in.write_text("#!/bin/sh\necho 'lp: Error - No default destination.' >&2\nexit 1\n")
    stand_in.chmod(0o755)
    monkeypatch.setenv("PATH", f"{stand_in.parent}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(InputError) as said:
        printing.send(printing.plan(navigator))
    assert str(said.value) == (
        "Not printed: the print command lp did not take the summary (it said: lp: Error - "
        "No default destination.). This computer has no printer chosen to print to. Choose "
        "one as the default in the computer's printer settings (or type: lpoptions -d "
        "PRINTER), then try again."
    )
