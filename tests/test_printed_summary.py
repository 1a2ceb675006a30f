"""The summary on paper, as a carer found it printed through CUPS (cups-pdf): the page
count said before printing is the one the printer makes, and a question reads as one."""

from __future__ import annotations

from tui.core import appointment, printing
from tui.core.models import NoteKind
from tui.core.service import Navigator


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
