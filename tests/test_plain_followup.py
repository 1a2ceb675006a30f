"""Check-ins, changes, visits and printing in the plain line mode, from scripts of lines."""

from __future__ import annotations

import os
import signal
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.terminal import Terminal
from tests.test_plain_mode import run_plain
from tui.core.models import NoteKind, long_date
from tui.core.service import open_navigator


def test_check_in_from_the_home_menu_saving_each_answer(data_file: Path) -> None:
    today = long_date(date.today())
    text = run_plain(
        data_file,
        "k",  # from any question
        "1",  # check in for today
        "2",  # walking: a little
        "4 my grip is weak",  # hands: a lot, with words
        "",  # stiffness: kept as it is (not answered)
        "lots",  # not an answer: said, and asked again
        "5",  # pain: cannot do it
        *[""] * 10,  # the other areas
        "Slow mornings, better afternoons.",
        "b",
        "q",
    )
    assert f"Check-in for today, {today}. Lately, how much has each of these gotten" in text
    assert "Walking and balance (now: not answered):" in text
    assert "'lots' is not an answer. Type a number: 1 no trouble, 2 a little" in text
    assert f"Saved your check-in for {today}: 3 of 14 areas answered." in text
    nav = open_navigator(data_file)
    try:
        (checkin,) = nav.checkins.all()
        assert {a: lv.words for a, lv in checkin.levels.items()} == {
            "walking": "a little",
            "hands": "a lot",
            "pain": "cannot do it",
        }
        assert checkin.words == {"hands": "my grip is weak"}
        assert checkin.days == "Slow mornings, better afternoons."
    finally:
        nav.store.close()
    # Today's check-in opens again to be changed: Enter keeps, s takes an answer away.
    again = run_plain(data_file, "4", "1", "", "s", "q", "b", "q")
    assert "Change today's check-in" in again
    assert "Hands and arms (now: a lot):" in again
    assert "Stopped. What you answered is saved." in again
    nav = open_navigator(data_file)
    try:
        assert set(nav.checkins.all()[0].levels) == {"walking", "pain"}
        assert nav.checkins.all()[0].words == {}
    finally:
        nav.store.close()


def test_what_changed_in_words_with_the_chart_after_them(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.checkins.set_level("2026-03-02", "walking", "a-little")
        nav.checkins.set_level("2026-09-01", "walking", "a-lot")
        nav.checkins.set_level("2026-03-02", "sleep", "some")
        nav.checkins.set_level("2026-09-01", "sleep", "some")
    finally:
        nav.store.close()
    text = run_plain(data_file, "k", "3", "3m", "b", "q")
    assert "This is your own record, not a diagnosis." in text
    assert "Walking and balance: a little in March, a lot now: harder.\n" in text
    assert "Sleep: some in March, some now: the same.\n" in text
    assert text.index("Walking and balance") < text.index("Sleep: some")
    assert "Chart, a bar for each check-in: March, then now." in text
    assert "Walking and balance: harder   !!    !!!!\n" in text
    assert "Sleep: the same               !!!   !!!\n" in text
    assert "None of your other check-ins is from about 3 months before your latest one" in text


def test_a_reminder_on_the_home_menu_when_a_check_in_is_due(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.checkins.set_level(date.today() - timedelta(days=35), "mood", "some")
    finally:
        nav.store.close()
    text = run_plain(data_file, "q")
    assert "Your last check-in was 5 weeks ago" in text and "Type k to check in." in text
    shorter = run_plain(data_file, "13", "2", "60", "b", "q")
    assert "Saved: the home menu will suggest a check-in every 60 days." in shorter
    weeks = run_plain(data_file, "13", "2", "9w", "2", "soon", "b", "q")
    assert "Saved: the home menu will suggest a check-in every 9 weeks." in weeks
    assert "Nothing was changed. 'soon' is not a number of days." in weeks
    assert "Your last check-in was" not in run_plain(data_file, "q")


def test_visits_raise_at_a_visit_change_the_answer_and_unraise(data_file: Path) -> None:
    nav = open_navigator(data_file)
    try:
        nav.notes.create("Heat", "Hot days.", kind=NoteKind.QUESTION)
    finally:
        nav.store.close()
    text = run_plain(
        data_file,
        "v",
        "d",  # no next visit yet: add one
        "2026-05-02",
        "Dr Lee",
        "Yearly check-up",
        "1",  # the note
        "1",  # mark it raised
        "Try a cooling vest.",
        "m",  # my visits
        "1",
        "4",  # the raised note
        "1",
        "Keep cool.",
        "4",
        "2",  # back on the list
        "b",
        "b",
        "q",
    )
    assert "Saved: Visit on 2 May 2026 with Dr Lee. Why: Yearly check-up." in text
    assert "Saved: marked as raised at the visit on 2 May 2026 with Dr Lee: Heat" in text
    assert "4. Raised: Heat. Answer: Try a cooling vest." in text
    assert "Saved the answer." in text
    assert "Saved: back on the list to raise: Heat" in text
    nav = open_navigator(data_file)
    try:
        (note,) = nav.notes.all()
        assert (note.raised, note.answer, note.visit_id) == (False, "Keep cool.", None)
    finally:
        nav.store.close()


def test_print_the_summary_with_my_name_after_saying_what(
    data_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "lpr"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "pathlib.Path(sys.argv[0]).with_name('printed.txt').write_text(sys.stdin.read())\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))  # a stand-in lpr, and no lp
    # "y" prints, as in the app and the command (a print is not a deletion).
    text = run_plain(data_file, "13", "1", "Alex Morgan", "", "b", "v", "r", "no", "r", "y", "q")
    assert "Saved: your name is Alex Morgan." in text
    assert "The summary 'For my next appointment', " in text
    assert "to the printer with the command: lpr -T 'For my next appointment'." in text
    assert "Nothing was printed." in text
    assert "Sent the summary to the printer with lpr (1 page)." in text
    printed = (folder / "printed.txt").read_text()
    assert "Prepared by Alex Morgan on" in printed


def test_ctrl_c_half_way_through_a_check_in_keeps_the_answers(data_file: Path) -> None:
    with Terminal.app(data_file, "--plain") as term:
        term.wait_for("Your choice:")
        term.type("k\n")
        term.type("1\n")
        term.type("3\n")
        term.wait_for("Hands and arms (now: not answered):")
        os.killpg(term.process.pid, signal.SIGINT)
        term.wait_for("Goodbye. Everything you changed is saved.")
        assert term.process.wait(timeout=10) == 0
    nav = open_navigator(data_file)
    try:
        (checkin,) = nav.checkins.all()
        assert [lv.words for lv in checkin.levels.values()] == ["some"]
    finally:
        nav.store.close()
