"""Backups that do not depend on the clock (issue 22, item 2).

A clock set wrong once (a flat battery, a laptop back from a trip, a daylight-saving
change), or several starts within one second, must never make the newest backup
copy vanish, nor put notes in the wrong order. The clock is moved with time-machine.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from tui.core import generations, paths
from tui.core.service import open_navigator

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def a_day_of_use(data_file: Path, when: datetime, title: str) -> None:
    """One start at ``when`` (which makes a dated copy of what was there), and a note."""
    with time_machine.travel(when, tick=False):
        nav = open_navigator(data_file)
        nav.notes.create(title, "")
        nav.store.close()


def restored_titles(data_file: Path) -> list[str]:
    """Lose the data file and its journal, and see what a start brings back."""
    data_file.unlink()
    paths.journal_file(data_file).unlink(missing_ok=True)
    nav = open_navigator(data_file)
    try:
        return sorted(n.title for n in nav.notes.all())
    finally:
        nav.store.close()


def test_one_start_with_the_clock_a_month_ahead_does_not_freeze_the_backups(
    data_file: Path,
) -> None:
    a_day_of_use(data_file, START, "day 0")
    a_day_of_use(data_file, START + timedelta(days=31), "the wrong clock")
    for day in range(1, 7):  # the clock is right again: six more days of notes
        a_day_of_use(data_file, START + timedelta(days=day), f"day {day}")
    with time_machine.travel(START + timedelta(days=7), tick=False):
        open_navigator(data_file).store.close()  # the copy holding day 6
        copies = paths.backup_generations(data_file)
        assert b"day 6" in copies[0].read_bytes(), "the newest copy was pruned"
        titles = restored_titles(data_file)
    assert titles == sorted(["day 0", "the wrong clock", *[f"day {d}" for d in range(1, 7)]])


def test_several_starts_in_one_second_keep_the_newest_copy(data_file: Path) -> None:
    with time_machine.travel(START, tick=False):
        for n in range(6):
            nav = open_navigator(data_file)
            nav.notes.create(f"note {n}", "")
            nav.store.close()
        open_navigator(data_file).store.close()
        newest = paths.backup_generations(data_file)[0]
        assert b"note 5" in newest.read_bytes()
        assert "note 5" in restored_titles(data_file)


def test_copies_are_bounded_by_count_and_age_and_the_newest_stays(data_file: Path) -> None:
    for day in range(0, 200, 2):  # a start every other day for 200 days, some twice a day
        a_day_of_use(data_file, START + timedelta(days=day), f"day {day}")
        a_day_of_use(data_file, START + timedelta(days=day, hours=3), f"day {day} later")
    with time_machine.travel(START + timedelta(days=201), tick=False):
        open_navigator(data_file).store.close()
    copies = paths.backup_generations(data_file)
    assert len(copies) <= generations.KEEP + generations.DAILY
    assert b"day 198 later" in copies[0].read_bytes()
    made = [generations.made_at(c) for c in copies]
    assert all(m is not None and m > START + timedelta(days=200 - 61) for m in made)


def test_a_copy_named_by_an_older_version_counts_as_older_than_any_numbered_one(
    data_file: Path,
) -> None:
    a_day_of_use(data_file, START, "first")
    old_name = data_file.with_name("navigator.json.bak-29991231-235959")  # its clock was wrong
    old_name.write_bytes(data_file.read_bytes())
    a_day_of_use(data_file, START + timedelta(days=1), "second")
    with time_machine.travel(START + timedelta(days=2), tick=False):
        open_navigator(data_file).store.close()
    assert b"second" in paths.backup_generations(data_file)[0].read_bytes()


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_stored_in_utc_and_shown_in_local_time(data_file: Path, new_york: None) -> None:
    with time_machine.travel(datetime(2026, 7, 1, 16, 5, tzinfo=UTC), tick=False):
        nav = open_navigator(data_file)
        note_id = nav.notes.create("summer", "").id
        nav.store.close()
        open_navigator(data_file).store.close()
    sentence = generations.newest_copy_sentence(data_file)
    nav = open_navigator(data_file)
    try:
        note = nav.notes.get(note_id)
        assert note.created == "2026-07-01T16:05:00+00:00"
        from tui.core.models import display_time

        assert display_time(note.created) == "1 Jul 2026, 12:05"  # New York, summer time
    finally:
        nav.store.close()
    assert sentence == (
        "Your newest backup copy was made on 1 Jul 2026, 12:05, beside your data file."
    )


def test_notes_across_a_daylight_saving_change_are_listed_by_their_instant(
    data_file: Path,
) -> None:
    nav = open_navigator(data_file)
    try:
        # Written by an older version in local time: 01:30 summer time is 00:30 UTC,
        # 01:10 winter time (after the clocks went back) is 01:10 UTC, so later.
        first = nav.notes.create("before the change", "").id
        second = nav.notes.create("after the change", "").id
        nav.store.update(paths_notes(), first, created="2026-10-25T01:30:00+01:00")
        nav.store.update(paths_notes(), second, created="2026-10-25T01:10:00+00:00")
        nav.notes.forget_cached()
        assert [n.title for n in nav.notes.all()] == ["after the change", "before the change"]
    finally:
        nav.store.close()


def paths_notes() -> str:
    from tui.core.store import NOTES

    return NOTES


def test_help_says_when_the_newest_copy_was_made(data_file: Path) -> None:
    from tests.test_plain_mode import run_plain

    text = run_plain(data_file, "h", "q")
    assert "There is no backup copy yet. One is made each time the app starts." in text
    open_navigator(data_file).store.close()
    text = run_plain(data_file, "h", "q")
    assert "Your newest backup copy was made on " in text
