"""The check-in, what changed, and visits in the full-screen app, walked with the keyboard."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.pilot_helpers import (
    heading_text,
    highlighted_text,
    option_texts,
    running_app,
    screen_text,
    status_text,
)
from tui.app.long_list import LongList
from tui.app.screens.changes import ChangesScreen
from tui.app.screens.checkin import CheckInScreen
from tui.app.screens.choose import ChooseScreen
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.prompt import PromptScreen
from tui.app.screens.visit import VisitScreen
from tui.app.screens.visit_record import VisitRecordScreen
from tui.app.screens.visits import VisitsScreen
from tui.app.widgets import ReaderList
from tui.core import paths
from tui.core.models import NoteKind, long_date
from tui.core.service import open_navigator


def _journal_lines(data_file: Path) -> int:
    return paths.journal_file(data_file).read_bytes().count(b"\n")


def _type_into_prompt(app: object, text: str) -> None:
    from tui.app.app import NavigatorApp

    assert isinstance(app, NavigatorApp) and isinstance(app.screen, PromptScreen)
    app.screen.query_one("#answer", Input).value = text


async def test_a_check_in_is_a_list_of_one_line_questions_saved_as_you_go(
    data_file: Path,
) -> None:
    today = long_date(date.today())
    async with running_app(data_file) as (app, pilot):
        await pilot.press("k")
        assert isinstance(app.screen, CheckInScreen)
        assert heading_text(app) == f"Check-in for today, {today}"
        assert highlighted_text(app) == "Walking and balance: not answered"
        lines = option_texts(app, "checkin")
        # The questions first (the one in focus is said right after the heading), then
        # the other lines.
        assert lines[0] == "Walking and balance: not answered"
        assert lines[13] == "Getting out and seeing people: not answered"
        assert f"Day: today, {today}. Enter changes it." in lines[14:]
        assert status_text(app) == ""  # nothing said before the question in focus
        app.navigator.store.wait_for_writes()
        before = _journal_lines(data_file)
        await pilot.press("2")  # a number answers at once, and moves on
        app.navigator.store.wait_for_writes()
        assert _journal_lines(data_file) == before + 1  # one answer, one write
        assert status_text(app) == ""  # the line itself says the answer
        assert highlighted_text(app) == "Walking and balance: a little"  # it stays there
        await pilot.press("down", "enter")  # Enter opens the scale on a screen of its own
        assert isinstance(app.screen, ChooseScreen)
        assert highlighted_text(app, "choices") == "1: no trouble"
        await pilot.press("down", "down", "down", "enter")
        assert isinstance(app.screen, CheckInScreen)
        assert highlighted_text(app) == "Hands and arms: a lot"
        assert status_text(app) == "Saved: Hands and arms, a lot."
        await pilot.press("w")  # a few words of my own about hands and arms
        _type_into_prompt(app, "My grip is weak.")
        await pilot.press("enter")
        assert highlighted_text(app) == "Hands and arms: a lot. My words: My grip is weak."
        await pilot.press("down", "space", "n")  # Space opens the scale; n leaves it
        assert status_text(app) == "Kept: Stiffness or spasms, not answered."
        await pilot.press("end", "up", "up", "up", "enter")  # what my days are like
        _type_into_prompt(app, "Slow mornings.")
        await pilot.press("enter")
        assert highlighted_text(app) == "What my days are like: Slow mornings. Enter to write."
        await pilot.press("escape", "k")  # today's check-in opens again, to be changed
        assert option_texts(app, "checkin")[0] == "Walking and balance: a little"
        assert highlighted_text(app) == "Stiffness or spasms: not answered"
        await pilot.press("up", "up", "0")  # 0 skips: the answer (and words) go
        assert option_texts(app, "checkin")[0] == "Walking and balance: not answered"
    nav = open_navigator(data_file)
    try:
        (checkin,) = nav.checkins.all()
        assert {a: lv.words for a, lv in checkin.levels.items()} == {"hands": "a lot"}
        assert checkin.words == {"hands": "My grip is weak."}
        assert checkin.days == "Slow mornings."
    finally:
        nav.store.close()


async def test_coming_back_the_question_in_focus_is_the_first_in_sight(data_file: Path) -> None:
    """Fenrir reads a screen that comes back from the top down: the question in focus
    is the list's first line in sight, said right after the heading, not after the
    questions above it (issue 19: it came after 306 characters)."""
    async with running_app(data_file) as (app, pilot):
        await pilot.press("k", *["1", "down"] * 8)  # eight answered, on the ninth
        assert highlighted_text(app) == "Eyesight: not answered"
        await pilot.press("g", "ctrl+g")  # what changed, and back
        assert isinstance(app.screen, CheckInScreen)
        assert highlighted_text(app) == "Eyesight: not answered"
        questions = app.screen.query_one("#checkin", LongList)
        assert app.cursor_position.y == questions.content_region.y  # its top line
        await pilot.press("up")  # a move scrolls by one line: the line above comes in
        assert highlighted_text(app) == "Thinking and memory: no trouble"
        assert app.cursor_position.y == questions.content_region.y


async def test_a_check_in_for_another_day(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        await pilot.press("k", "end", "up", "enter")  # the day: the last line but one
        _type_into_prompt(app, "2026-05-01")
        await pilot.press("enter")
        assert heading_text(app) == "Check-in for 1 May 2026"
        assert status_text(app) == "This check-in is for 1 May 2026."
        # Back on that day's first question, ready to answer it.
        assert highlighted_text(app) == "Walking and balance: not answered"
        await pilot.press("4")
        await pilot.press("end", "up", "enter")
        _type_into_prompt(app, date.today().replace(year=date.today().year + 1).isoformat())
        await pilot.press("enter")
        assert "has not come yet" in status_text(app)
    nav = open_navigator(data_file)
    try:
        assert [(c.day, c.answered) for c in nav.checkins.all()] == [(date(2026, 5, 1), 1)]
    finally:
        nav.store.close()


def _checkins(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        for day, walking, sleep in [
            ("2025-09-01", "no-trouble", "some"),
            ("2026-03-02", "a-little", "some"),
            ("2026-09-01", "a-lot", "some"),
        ]:
            nav.checkins.set_level(day, "walking", walking)
            nav.checkins.set_level(day, "sleep", sleep)
    finally:
        nav.store.close()


async def test_what_changed_in_words_first_then_a_quiet_chart(data_file: Path) -> None:
    _checkins(data_file)
    async with running_app(data_file) as (app, pilot):
        await pilot.press("k", "g")
        assert isinstance(app.screen, ChangesScreen)
        assert heading_text(app) == "What changed in my check-ins"
        assert highlighted_text(app) == "1 area harder and 1 area the same."
        rows = option_texts(app, "changes")
        # One row an item, none wider than 80 columns: a long sentence goes on in the
        # rows after it, indented. Joined, the rows are the sentences.
        assert all(len(row) <= 77 for row in rows)
        lines: list[str] = []
        for row in rows:
            if row.startswith("  ") and lines:
                lines[-1] += " " + row.strip()
            else:
                lines.append(row)
        # The point first (the summary, said right after the heading), then that it is
        # not a diagnosis, then the areas; what was compared comes after them.
        assert lines[0] == "1 area harder and 1 area the same."
        assert lines[1].startswith("This is your own record, not a diagnosis.")
        assert lines[2] == "Changed"
        assert lines[3] == (
            "Walking and balance: no trouble in September 2025, a little in March, a lot now: "
            "harder."
        )
        assert lines[4] == "The same"
        assert lines[5].startswith("Sleep: some in September 2025, some in March, some now")
        assert lines[6].startswith("Not answered in both, so not compared: Hands and arms,")
        assert lines[7] == (
            "Your latest check-in, 1 September 2026, compared with 1 September 2025 (about a "
            "year before) and 2 March 2026 (about 6 months before)."
        )
        assert lines[8].startswith("Compare with: about 3, 6 and 12 months before.")
        chart = lines[next(i for i, line in enumerate(lines) if line.startswith("Chart, ")) :]
        assert chart[0].startswith("Chart, a bar for each check-in: September 2025, March, then")
        assert chart[1:3] == [
            "Walking and balance: harder   !     !!    !!!!",
            "Sleep: the same               !!!   !!!   !!!",
        ]
        await pilot.press("s")
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("down", "down", "enter")  # about 6 months before
        assert status_text(app) == "Comparing with about 6 months before."
        assert "Walking and balance: a little in March, a lot now: harder." in "\n".join(
            option_texts(app, "changes")
        )


async def test_visits_raise_at_a_visit_edit_the_answer_and_unraise(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.notes.create("Heat?", "", kind=NoteKind.QUESTION)
    finally:
        nav.store.close()
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v")
        assert isinstance(app.screen, VisitScreen)
        assert highlighted_text(app) == "Next visit: not planned yet. Enter adds its day."
        await pilot.press("enter")
        _type_into_prompt(app, "2026-05-02")
        await pilot.press("enter")
        assert isinstance(app.screen, VisitRecordScreen)
        assert status_text(app) == "Added a visit on 2 May 2026. Now say who with, and why."
        await pilot.press("down", "enter")  # With: a name typed
        _type_into_prompt(app, "Dr Lee")
        await pilot.press("enter")
        assert heading_text(app) == "Visit on 2 May 2026 with Dr Lee"
        await pilot.press("escape")
        assert isinstance(app.screen, VisitScreen)
        texts = option_texts(app, "visit")
        index = next(i for i, t in enumerate(texts) if t.startswith("Question: Heat?"))
        app.screen.query_one("#visit", ReaderList).highlighted = index
        await pilot.press("enter")
        assert "as raised at your visit on 2 May 2026 with Dr Lee" in screen_text(app)
        await pilot.press(*"Try a cooling vest.", "enter")
        assert status_text(app) == (
            "Saved: 'Heat?' is marked as raised at your visit on 2 May 2026 with Dr Lee."
        )
        await pilot.press("m")
        assert isinstance(app.screen, VisitsScreen)
        assert highlighted_text(app) == "Visit on 2 May 2026 with Dr Lee. 1 note raised."
        await pilot.press("enter")
        lines = option_texts(app, "visit-record")
        assert "Question: Heat? Answer: Try a cooling vest." in lines
        app.screen.query_one("#visit-record", ReaderList).highlighted = lines.index(
            "Question: Heat? Answer: Try a cooling vest."
        )
        await pilot.press("enter")
        _type_into_prompt(app, "Keep cool.")
        await pilot.press("enter")
        assert highlighted_text(app) == "Question: Heat? Answer: Keep cool."
        await pilot.press("l")
        assert status_text(app) == "Saved: 'Heat?' is back on the list for your next visit."
        assert "No notes marked as raised here yet." in option_texts(app, "visit-record")
    nav = open_navigator(data_file)
    try:
        (visit,) = nav.visits.all()
        assert (visit.day, visit.with_whom) == (date(2026, 5, 2), "Dr Lee")
        (note,) = nav.notes.all()
        assert (note.raised, note.answer, note.visit_id) == (False, "Keep cool.", None)
    finally:
        nav.store.close()


async def test_the_home_screen_says_in_one_line_when_a_check_in_is_due(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.checkins.set_level(date.today() - timedelta(days=30), "mood", "some")
    finally:
        nav.store.close()
    async with running_app(data_file) as (app, _pilot):
        (line,) = [t for t in option_texts(app, "areas") if t.startswith("Check in")]
        assert line.startswith("Check in: your last check-in was 4 weeks ago, on ")
        assert line.endswith("Time for another? Key k.")


async def test_print_the_summary_after_saying_what_will_be_printed(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "lp"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "pathlib.Path(sys.argv[0]).with_name('printed.txt').write_text(sys.stdin.read())\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    async with running_app(data_file) as (app, pilot):
        await pilot.press("v", "r", "enter", "enter")  # no name, no date of birth
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith("The summary 'For my next appointment', ")
        assert "to the printer with the command: lp -t 'For my next appointment'. Print it?" in (
            app.screen.question
        )
        await pilot.press("n")
        assert status_text(app) == "Nothing was printed."
        assert not (folder / "printed.txt").exists()
        await pilot.press("r", "y")
        assert status_text(app) == "Sent the summary to the printer with lp (1 page)."
    assert (folder / "printed.txt").read_text().startswith("FOR MY NEXT APPOINTMENT")


async def test_check_in_changes_and_visits_are_in_the_command_palette(data_file: Path) -> None:
    async with running_app(data_file) as (app, pilot):
        for words, screen in (("changes", ChangesScreen), ("visits", VisitsScreen)):
            await pilot.press("ctrl+p", *words)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen), words
        await pilot.press("ctrl+p", *"symptoms")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
