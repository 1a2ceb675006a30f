"""The data file the snapshot tests draw: a year of one person's use, on fixed days.

Everything the screens show comes from here or from the frozen clock (see
tests/test_snapshots.py), so a picture changes only when the app's drawing does.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from time_machine import TimeMachineFixture

from tui.core.checkins import LEVEL_BY_ID
from tui.core.models import NoteKind, Role
from tui.core.service import open_navigator

#: "Now" for every snapshot: the app's today, and the time of anything saved.
NOW = datetime(2026, 11, 30, 12, 21, tzinfo=ZoneInfo("UTC"))

#: Check-ins over a year, a few areas each, slowly harder for walking and tiredness.
CHECKINS: dict[date, dict[str, str]] = {
    date(2025, 11, 29): {"walking": "a-little", "tiredness": "some", "mood": "no-trouble"},
    date(2026, 5, 30): {"walking": "some", "tiredness": "some", "mood": "a-little"},
    date(2026, 8, 31): {"walking": "some", "tiredness": "a-lot", "hands": "a-little"},
    date(2026, 11, 28): {"walking": "a-lot", "tiredness": "a-lot", "mood": "a-little"},
}


def build_data_file(path: Path, clock: TimeMachineFixture, theme: str | None) -> None:
    """Write the snapshot data to ``path``, each record at its own fixed time; leave
    the clock stopped at NOW."""
    clock.move_to(NOW, tick=False)
    nav = open_navigator(path)
    try:
        clock.move_to(datetime(2026, 11, 2, 9, 15, tzinfo=ZoneInfo("UTC")))
        nav.notes.create(
            "Legs heavier in the heat",
            "After the walk to the shop my legs felt heavy for an hour.",
            kind=NoteKind.CHANGE,
        )
        clock.move_to(datetime(2026, 11, 28, 18, 40, tzinfo=ZoneInfo("UTC")))
        nav.notes.create("Is a walking aid a good idea now", kind=NoteKind.QUESTION)
        clock.move_to(NOW)
        nav.people.add("Sam", Role.FRIEND_FAMILY, contact="07700 900123", helps_with="meals")
        dr_lee = nav.people.add("Dr Lee", Role.CARE_TEAM, specialty="neurologist")
        nav.people.add_unwanted("advice about diets")
        nav.checklist.set_done("ct-neurologist", True)
        nav.checklist.set_helper("pr-meals", "Sam")
        for day, answers in CHECKINS.items():
            nav.checkins.record(day, {area: LEVEL_BY_ID[level] for area, level in answers.items()})
        nav.visits.add(date(2026, 6, 2), why="check-up", person_id=dr_lee.id)
        nav.visits.add(date(2026, 12, 14), with_whom="Dr Lee", why="yearly review")
        if theme is not None:
            nav.set_setting("theme", theme)
    finally:
        nav.store.close()
