"""The check-in and what changed, with a year of check-ins, cost little speech too.

tests/test_speech_budget.py walks a new user's app, where what changed has nothing to
compare. Here a person has four check-ins over a year, has answered half the check-in
and comes back to it from what changed: Fenrir (tests/readers/fenrir_model.py) must say
the screen's point first (the summary; the question in focus) and at most BUDGET
characters in all. What changed with a year to compare was 1,007 characters, its
summary after 213; coming back, the question in focus came after the ones above it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.readers.fenrir_model import heard_by_fenrir
from tests.test_speech_budget import BUDGET, POINT_WITHIN
from tui.core.checkins import LEVEL_BY_ID
from tui.core.service import open_navigator


def _a_year_of_check_ins(data_file: Path) -> None:
    today = date.today()
    answers = {
        366: {"walking": "a-little", "tiredness": "some", "mood": "no-trouble"},
        182: {"walking": "some", "tiredness": "some", "mood": "a-little"},
        91: {"walking": "some", "tiredness": "a-lot", "hands": "a-little"},
        2: {"walking": "a-lot", "tiredness": "a-lot", "mood": "a-little"},
    }
    nav = open_navigator(data_file)
    try:
        for days_ago, levels in answers.items():
            day = today - timedelta(days=days_ago)
            nav.checkins.record(day, {area: LEVEL_BY_ID[level] for area, level in levels.items()})
    finally:
        nav.store.close()


def _flat(words: str) -> str:
    return " ".join(words.split())


def _point_first(point: str, said: str) -> None:
    assert point in said[: POINT_WITHIN + len(point)], f"{point!r} comes late: {said[:200]!r}"
    assert len(said) <= BUDGET, f"{len(said)} characters said: {said!r}"


def test_what_changed_and_back_say_the_point_first_and_little(
    data_file: Path, tmp_path: Path
) -> None:
    _a_year_of_check_ins(data_file)
    with heard_by_fenrir(data_file, tmp_path) as (fenrir, _terminal):
        _point_first("Walking and balance: not answered", _flat(fenrir.press("k")))
        for _ in range(8):  # eight questions answered, a number and Down each
            fenrir.press("1")
            fenrir.press("down")
        changes = _flat(fenrir.press("g"))
        _point_first("What changed in my check-ins 3 areas easier.", changes)  # all "no trouble"
        assert "not a diagnosis" in changes
        _point_first("Check-in for today", back := _flat(fenrir.press("ctrl+g")))
        _point_first("Eyesight: not answered", back)
